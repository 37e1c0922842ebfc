/**
 * Dates the viewer types for the window (the slider's From/To fields), and the short readout of the
 * folded slider. Pure, unit-tested in tests/unit/timeline-typed-dates.test.ts.
 */
import { civilFromDay, dayFromIso, MONTH_NAMES, type DaySpan, type WindowMode } from '../../core/timewindow';

export type TypedWindow = { ok: true; start: number; end: number } | { ok: false; error: string };

/**
 * Reads typed window bounds (`YYYY-MM-DD`, what a date field gives; empty while incomplete).
 * Dates outside the events' range are kept: the timeline clamps them to it.
 * @param from the start date (ignored in cumulative mode, where only `to` counts)
 * @example typedWindow('2020-01-01', '2020-12-31', 'window') // { ok: true, start: 18262, end: 18627 }
 * @example typedWindow('2021-01-01', '2020-12-31', 'window') // { ok: false, error: 'The start date is after the end date.' }
 */
export function typedWindow(from: string, to: string, mode: WindowMode, current?: DaySpan): TypedWindow {
  const end = dayFromIso(to.trim());
  if (end === null) return { ok: false, error: 'Enter the end date as a full date, such as 2020-12-31.' };
  if (mode === 'cumulative') return { ok: true, start: Math.min(current?.start ?? end, end), end };
  const start = dayFromIso(from.trim());
  if (start === null) return { ok: false, error: 'Enter the start date as a full date, such as 2020-01-01.' };
  if (start > end) return { ok: false, error: 'The start date is after the end date.' };
  return { ok: true, start, end };
}

/**
 * A day in few characters, for the folded slider: "3 Jan 2020".
 * @example shortDay(18264) // '3 Jan 2020'
 */
export function shortDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${day} ${MONTH_NAMES[month - 1].slice(0, 3)} ${year}`;
}

/**
 * The window in few characters: "3 Jan 2020 – 31 Dec 2020", "up to 5 Jan 2020".
 * @example shortWindow({ start: 18264, end: 18627, mode: 'window' }) // '3 Jan 2020 – 31 Dec 2020'
 */
export function shortWindow(filter: { start: number; end: number; mode: WindowMode }): string {
  if (filter.mode === 'cumulative') return `up to ${shortDay(filter.end)}`;
  return filter.start === filter.end ? shortDay(filter.start) : `${shortDay(filter.start)} – ${shortDay(filter.end)}`;
}
