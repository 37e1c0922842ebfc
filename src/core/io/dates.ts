/**
 * Strict, fast date reading for imported tables. Imports can be a million rows, so this is a handful of
 * anchored regular expressions instead of a natural-language parser: anything it cannot read with
 * certainty is reported, never guessed.
 */
import { daysInMonth } from '../calendar';
import type { TimePrecision } from '../types';

/** How to read all-numeric dates such as `04/05/2021`; `auto` accepts only unambiguous ones. */
export type DateOrder = 'auto' | 'dmy' | 'mdy';

export interface ParsedDate {
  /** ISO `YYYY-MM-DD` of the first day covered. */
  date: string;
  precision: TimePrecision;
}

/** Month names and abbreviations. A Map: "12 constructor 2021" must find no month, not Object's constructor. */
const MONTHS = new Map<string, number>(Object.entries({
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
}));

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const YEAR = /^(\d{4})$/;
const SLASHED_YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
// "12 April 2021", "12-April-2021", "12 Apr. 2021"
const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})$/;
// "April 12, 2021", "Apr 12 2021"
const MONTH_DAY_YEAR = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;
// "April 2021"
const MONTH_YEAR = /^([A-Za-z]+)\.?[\s-]+(\d{4})$/;

const pad = (n: number) => String(n).padStart(2, '0');

function dayOrError(year: number, month: number, day: number): ParsedDate | string {
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) return `day ${day} does not exist in ${year}-${pad(month)}`;
  return { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

/**
 * The number of a month name or abbreviation, any case.
 * @param name "April", "apr", "Sept"
 * @returns 1–12, or undefined when it names no month
 * @example monthNumber('Sept') // 9
 */
export function monthNumber(name: string): number | undefined {
  return MONTHS.get(name.toLowerCase());
}

/**
 * Reads a date cell. Returns the first day covered and its precision, or a reason when unreadable.
 * @param text - the cell, e.g. `2021-04-12`, `12 April 2021`, `April 2021`, `2021`, `12/04/2021`
 * @param order - how to read all-numeric day/month dates
 * @returns a {@link ParsedDate}, or a string saying why the text is not a date
 * @example parseDate('12 April 2021') // { date: '2021-04-12', precision: 'day' }
 */
export function parseDate(text: string, order: DateOrder = 'auto'): ParsedDate | string {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = ISO_DAY.exec(s)) || (m = SLASHED_YMD.exec(s))) return dayOrError(+m[1], +m[2], +m[3]);
  if ((m = ISO_MONTH.exec(s))) {
    const month = +m[2];
    return month >= 1 && month <= 12 ? { date: `${m[1]}-${pad(month)}-01`, precision: 'month' } : `month ${month} does not exist`;
  }
  if ((m = YEAR.exec(s))) return { date: `${m[1]}-01-01`, precision: 'year' };
  if ((m = DAY_MONTH_YEAR.exec(s))) {
    const month = monthNumber(m[2]);
    return month ? dayOrError(+m[3], month, +m[1]) : `unknown month name "${m[2]}"`;
  }
  if ((m = MONTH_DAY_YEAR.exec(s))) {
    const month = monthNumber(m[1]);
    return month ? dayOrError(+m[3], month, +m[2]) : `unknown month name "${m[1]}"`;
  }
  if ((m = MONTH_YEAR.exec(s))) {
    const month = monthNumber(m[1]);
    return month ? { date: `${m[2]}-${pad(month)}-01`, precision: 'month' } : `unknown month name "${m[1]}"`;
  }
  if ((m = NUMERIC.exec(s))) {
    const a = +m[1], b = +m[2], year = +m[3];
    if (order === 'dmy') return dayOrError(year, b, a);
    if (order === 'mdy') return dayOrError(year, a, b);
    if (a > 12) return dayOrError(year, b, a);
    if (b > 12) return dayOrError(year, a, b);
    if (a === b) return dayOrError(year, a, b);
    return `ambiguous date "${s}" (day/month or month/day?) — choose the date order in the column mapping`;
  }
  return s === '' ? 'empty date' : `unreadable date "${s}"`;
}
