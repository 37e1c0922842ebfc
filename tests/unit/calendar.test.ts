/**
 * The calendar primitives (src/core/calendar.ts): day numbers ⇄ civil dates ⇄ ISO strings, day and
 * weekday arithmetic, and the days a month- or year-precision date covers — checked against the
 * platform's UTC calendar and independent of the process time zone.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilFromDay,
  dayFromCivil,
  dayFromIso,
  daysInMonth,
  firstDayCovered,
  isoFromCivil,
  isoFromDay,
  lastDayCovered,
  precisionSpan,
  validIso,
  weekdayOf,
} from '../../src/core/calendar';

describe('calendar', () => {
  it('round-trips every day from 1600 to 2400 and agrees with Date.UTC', () => {
    const first = dayFromCivil(1600, 1, 1);
    const last = dayFromCivil(2400, 12, 31);
    const mismatches: number[] = [];
    for (let day = first; day <= last; day++) {
      const { year, month, day: d } = civilFromDay(day);
      if (dayFromCivil(year, month, d) !== day) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
    // Spot-check against the platform's UTC calendar (UTC only: independent of TZ).
    for (const day of [first, -1, 0, 18264, 18729, last]) {
      expect(isoFromDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(dayFromIso('2021-02-29')).toBeNull();
    expect(dayFromIso('2020-02-29')).toBe(dayFromCivil(2020, 2, 29));
    expect(dayFromIso('2021-13-01')).toBeNull();
    expect(dayFromIso('2021-4-12')).toBeNull();
    expect(dayFromIso('')).toBeNull();
    expect(dayFromIso(null)).toBeNull();
  });

  it('adds days across month, leap-day and year ends, backwards too', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(addDays('2020-01-03', 0)).toBe('2020-01-03');
  });

  it('gives the weekday of any day, as Date.getUTCDay does', () => {
    for (let day = dayFromCivil(1899, 12, 25); day <= dayFromCivil(2101, 1, 7); day += 13) {
      const iso = isoFromDay(day);
      expect(weekdayOf(iso), iso).toBe(new Date(day * 86_400_000).getUTCDay());
    }
    expect(weekdayOf('2021-04-12')).toBe(1);
    expect(weekdayOf('1969-12-31')).toBe(3);
  });

  it('knows month lengths and which days exist', () => {
    expect([2019, 2020, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
    expect(daysInMonth(2021, 4)).toBe(30);
    expect(daysInMonth(2021, 12)).toBe(31);
    expect(validIso(2020, 2, 29)).toBe('2020-02-29');
    expect(validIso(2021, 2, 29)).toBeNull();
    expect(validIso(2021, 13, 1)).toBeNull();
    expect(validIso(2021, 4, 0)).toBeNull();
    expect(isoFromCivil(33, 1, 2)).toBe('0033-01-02');
  });

  it('covers whole months and years', () => {
    expect(firstDayCovered('2021-02-14', 'month')).toBe('2021-02-01');
    expect(firstDayCovered('2021-02-14', 'year')).toBe('2021-01-01');
    expect(firstDayCovered('2021-02-14', 'day')).toBe('2021-02-14');
    expect(lastDayCovered('2020-02-01', 'month')).toBe('2020-02-29');
    expect(lastDayCovered('2014-01-01', 'year')).toBe('2014-12-31');
    expect(lastDayCovered('2020-01-03', 'day')).toBe('2020-01-03');
    const april = precisionSpan(dayFromCivil(2021, 4, 12), 'month');
    expect([isoFromDay(april.start), isoFromDay(april.end)]).toEqual(['2021-04-01', '2021-04-30']);
    const year = precisionSpan(dayFromCivil(2014, 6, 1), 'year');
    expect([isoFromDay(year.start), isoFromDay(year.end)]).toEqual(['2014-01-01', '2014-12-31']);
  });
});
