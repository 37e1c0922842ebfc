/**
 * Calendar arithmetic, in one place: ISO dates (`YYYY-MM-DD`) and **UTC day numbers** (days since
 * 1970-01-01, an integer), converted with civil-calendar arithmetic (proleptic Gregorian; H. Hinnant's
 * days_from_civil / civil_from_days) instead of `Date`, so no result depends on the time zone.
 * Extraction (dates.ts), imports (io/dates.ts) and the timeline (timewindow.ts) all count days here.
 */
import type { TimePrecision } from './types';

/** An inclusive range of UTC day numbers. */
export interface DaySpan {
  start: number;
  end: number;
}

/**
 * Day number of a calendar date. A day past the month's end rolls over ("January 32" = 1 February).
 * @param year full year, e.g. 2021
 * @param month 1–12
 * @param day 1–31
 * @returns days since 1970-01-01
 * @example dayFromCivil(2021, 4, 12) // 18729
 */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Calendar date of a day number.
 * @param dayNumber days since 1970-01-01
 * @returns `{ year, month (1–12), day }`
 * @example civilFromDay(18729) // { year: 2021, month: 4, day: 12 }
 */
export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = Math.floor(dayNumber) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Number of days in a month of a year.
 * @param year full year
 * @param month 1–12
 * @returns 28–31
 * @example daysInMonth(2020, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : dayFromCivil(year, month + 1, 1) - dayFromCivil(year, month, 1);
}

/**
 * ISO `YYYY-MM-DD` of a calendar date (zero-padded, no check that the day exists).
 * @param year full year
 * @param month 1–12
 * @param day 1–31
 * @returns the ISO date
 * @example isoFromCivil(2021, 4, 2) // '2021-04-02'
 */
export function isoFromCivil(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * ISO date of a calendar date that exists, else null.
 * @param year full year
 * @param month 1–12
 * @param day 1–31
 * @returns the ISO date, or null for a day that is not in the calendar
 * @example validIso(2021, 2, 29) // null
 */
export function validIso(year: number, month: number, day: number): string | null {
  const real = Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return real ? isoFromCivil(year, month, day) : null;
}

/**
 * ISO `YYYY-MM-DD` of a day number.
 * @param dayNumber days since 1970-01-01
 * @returns the ISO date
 * @example isoFromDay(18729) // '2021-04-12'
 */
export function isoFromDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return isoFromCivil(year, month, day);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * Day number of an ISO date (`YYYY-MM-DD`; a datetime's time part is ignored, never shifted by a zone).
 * @param iso e.g. `"2021-04-12"` or `"2021-04-12T14:36"`
 * @returns the day number, or `null` for anything that is not a real calendar date
 * @example dayFromIso('2020-01-03') // 18264
 */
export function dayFromIso(iso: string | null | undefined): number | null {
  const m = iso ? ISO_DAY.exec(iso) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}

/** Day number of a well-formed `YYYY-MM-DD` without validation (days past a month's end roll over). */
function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return dayFromCivil(y, m, d);
}

/**
 * Adds days to an ISO date.
 * @param date `YYYY-MM-DD`
 * @param days may be negative
 * @returns the shifted date
 * @example addDays('2020-02-28', 2) // '2020-03-01'
 */
export function addDays(date: string, days: number): string {
  return isoFromDay(dayOf(date) + days);
}

/**
 * Day of week of an ISO date, 0 = Sunday … 6 = Saturday.
 * @param date `YYYY-MM-DD`
 * @returns the weekday number
 * @example weekdayOf('2021-04-12') // 1 (Monday)
 */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayOf(date) + 4) % 7) + 7) % 7;
}

/**
 * The whole day, month or year containing a day.
 * @param dayNumber days since 1970-01-01
 * @param precision day, month or year
 * @returns the inclusive span of day numbers
 * @example precisionSpan(dayFromCivil(2021, 4, 12), 'month') // { start: 18718, end: 18747 } — 1–30 April 2021
 */
export function precisionSpan(dayNumber: number, precision: TimePrecision): DaySpan {
  const { year, month } = civilFromDay(dayNumber);
  if (precision === 'year') return { start: dayFromCivil(year, 1, 1), end: dayFromCivil(year, 12, 31) };
  if (precision === 'month') {
    return { start: dayFromCivil(year, month, 1), end: dayFromCivil(year, month, daysInMonth(year, month)) };
  }
  return { start: dayNumber, end: dayNumber };
}

/**
 * The first day of the month or year containing an ISO date (the date itself for day precision).
 * @param date `YYYY-MM-DD`
 * @param precision day, month or year
 * @returns the first day, `YYYY-MM-DD`
 * @example firstDayCovered('2021-02-14', 'month') // '2021-02-01'
 */
export function firstDayCovered(date: string, precision: TimePrecision): string {
  if (precision === 'year') return `${date.slice(0, 4)}-01-01`;
  if (precision === 'month') return `${date.slice(0, 7)}-01`;
  return date;
}

/**
 * The last day of the month or year containing an ISO date (the date itself for day precision).
 * @param date `YYYY-MM-DD`
 * @param precision day, month or year
 * @returns the last day, `YYYY-MM-DD`
 * @example lastDayCovered('2020-02-01', 'month') // '2020-02-29'
 */
export function lastDayCovered(date: string, precision: TimePrecision): string {
  if (precision === 'day') return date;
  const [year, month] = date.split('-').map(Number);
  if (precision === 'year') return isoFromCivil(year, 12, 31);
  return isoFromCivil(year, month, daysInMonth(year, month));
}
