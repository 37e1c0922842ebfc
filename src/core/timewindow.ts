/**
 * Time on Dateline's timeline: event date spans, the time window, histogram bins, ticks and the words a
 * screen reader hears. Everything works in **UTC day numbers** (days since 1970-01-01, an integer) from
 * calendar.ts, so results never depend on the time zone.
 *
 * The map shares these rules through two numeric feature properties the shell precomputes once with
 * {@link dayNumberProperties}: `t0` (first day the event covers) and `t1` (last day, inclusive). Undated
 * events have neither. {@link windowFilterExpression} builds the MapLibre filter over them.
 */
import { civilFromDay, dayFromCivil, dayFromIso, daysInMonth, isoFromDay, precisionSpan, type DaySpan } from './calendar';
import type { EventProperties } from './types';
import { runToEnd, SLICE_STEP } from './slicing';

// Day numbers and ISO dates come from the calendar module; the app and the event filter still import
// these from here.
export { civilFromDay, dayFromIso, isoFromDay, type DaySpan } from './calendar';

/** `window`: events overlapping [start, end]. `cumulative`: every event that began by `end`. */
export type WindowMode = 'window' | 'cumulative';

/** What the time controls decide about visibility. */
export interface TimeFilter {
  /** First day of the window (ignored in cumulative mode). */
  start: number;
  /** Last day of the window, inclusive. */
  end: number;
  mode: WindowMode;
  /** Whether events without a date are shown ("date unknown"). */
  showUndated: boolean;
}

/** Calendar units used for steps, bins and ticks. */
export type CalendarUnit = 'day' | 'week' | 'month' | 'year';

/** A bin or tick size: `n` calendar units (e.g. 3 months = a quarter). */
export interface CalendarStep {
  unit: CalendarUnit;
  n: number;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

// ---------------------------------------------------------------------------------------------------
// Event spans and visibility.

/**
 * The days an event covers. Month- and year-precision events occupy their whole month or year; a
 * `date_end` later than that extends the span (multi-day events, "from June to August 2014").
 * @param props the event's `date_start`, `date_end` and `time_precision`
 * @returns the inclusive span, or `null` when the event is undated (or its start is not a valid date)
 * @example eventSpan({ date_start: '2014-01-01', date_end: null, time_precision: 'year' })
 * // { start: 16071, end: 16435 } — 1 January to 31 December 2014
 */
export function eventSpan(
  props: Pick<EventProperties, 'date_start' | 'date_end' | 'time_precision'>,
): DaySpan | null {
  const first = dayFromIso(props.date_start);
  if (first === null) return null;
  const span = precisionSpan(first, props.time_precision ?? 'day');
  const last = dayFromIso(props.date_end);
  if (last !== null && last > span.end) span.end = last;
  return span;
}

/**
 * Whether an event with this span is shown by the time controls.
 * @param span from {@link eventSpan}; `null` for undated events, shown only when `showUndated`
 * @param filter window bounds, mode and undated toggle
 * @returns true when the span overlaps the window (window mode) or began by its end (cumulative mode)
 * @example isSpanVisible({ start: 10, end: 20 }, { start: 15, end: 30, mode: 'window', showUndated: false }) // true
 */
export function isSpanVisible(span: DaySpan | null, filter: TimeFilter): boolean {
  if (!span) return filter.showUndated;
  if (span.start > filter.end) return false;
  return filter.mode === 'cumulative' || span.end >= filter.start;
}

/**
 * The numeric properties the map filters on: `t0`/`t1` = first/last day number the event covers.
 * Undated events get an empty object (no `t0`), which {@link windowFilterExpression} tests with `has`.
 * @example dayNumberProperties({ date_start: '2021-04-12', date_end: '2021-04-12', time_precision: 'day' })
 * // { t0: 18729, t1: 18729 }
 */
export function dayNumberProperties(
  props: Pick<EventProperties, 'date_start' | 'date_end' | 'time_precision'>,
): { t0: number; t1: number } | Record<string, never> {
  const span = eventSpan(props);
  return span ? { t0: span.start, t1: span.end } : {};
}

/** A MapLibre expression as plain JSON arrays (cast to `FilterSpecification` where it is handed to the map). */
export type MapExpression = [string, ...unknown[]];

/**
 * MapLibre filter for the time controls, over the `t0`/`t1` properties from {@link dayNumberProperties}.
 * Same rule as {@link isSpanVisible}. Apply with `map.setFilter(layer, ['all', layerFilter, thisFilter])`:
 * a slider step then only re-filters, it never re-uploads the data.
 * @example windowFilterExpression({ start: 16071, end: 16435, mode: 'window', showUndated: false })
 * // ['all', ['has', 't0'], ['<=', ['to-number', ['get', 't0']], 16435], ['>=', ['to-number', ['get', 't1']], 16071]]
 */
export function windowFilterExpression(filter: TimeFilter): MapExpression {
  const dated: MapExpression = ['all', ['has', 't0'], ['<=', ['to-number', ['get', 't0']], filter.end]];
  if (filter.mode === 'window') dated.push(['>=', ['to-number', ['get', 't1']], filter.start]);
  return filter.showUndated ? ['any', ['!', ['has', 't0']], dated] : dated;
}

/**
 * Smallest span covering all the given spans (nulls = undated are skipped).
 * @returns `null` when nothing is dated
 * @example spansExtent([{ start: 5, end: 9 }, null, { start: 1, end: 3 }]) // { start: 1, end: 9 }
 */
export function spansExtent(spans: Iterable<DaySpan | null>): DaySpan | null {
  let extent: DaySpan | null = null;
  for (const span of spans) {
    if (!span) continue;
    if (!extent) extent = { ...span };
    else {
      if (span.start < extent.start) extent.start = span.start;
      if (span.end > extent.end) extent.end = span.end;
    }
  }
  return extent;
}

// ---------------------------------------------------------------------------------------------------
// Calendar steps.

/**
 * Moves a day by whole calendar units; months and years keep the day of month, clamped to the month's
 * length (31 January + 1 month = 28/29 February).
 * @example addCalendar(dayFromCivil(2020, 1, 31), 'month', 1) // day of 2020-02-29
 */
export function addCalendar(dayNumber: number, unit: CalendarUnit, n: number): number {
  if (unit === 'day') return dayNumber + n;
  if (unit === 'week') return dayNumber + 7 * n;
  const { year, month, day } = civilFromDay(dayNumber);
  const monthIndex = year * 12 + (month - 1) + (unit === 'year' ? 12 * n : n);
  const y = Math.floor(monthIndex / 12);
  const m = monthIndex - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * First day of the `step`-aligned calendar period containing `dayNumber` (weeks start on Monday).
 * @example isoFromDay(floorCalendar(dayFromCivil(2021, 5, 20), { unit: 'month', n: 3 })) // '2021-04-01'
 */
export function floorCalendar(dayNumber: number, step: CalendarStep): number {
  if (step.unit === 'day') return dayNumber - mod(dayNumber, step.n);
  // Day 0 (1970-01-01) was a Thursday; day 4 a Monday.
  if (step.unit === 'week') return dayNumber - mod(dayNumber - 4, 7 * step.n);
  const { year, month } = civilFromDay(dayNumber);
  if (step.unit === 'month') return dayFromCivil(year, month - mod(month - 1, step.n), 1);
  return dayFromCivil(year - mod(year, step.n), 1, 1);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** Keyboard step sizes for a slider over `domain`: arrows move `small`, Page Up/Down move `large`. */
export interface KeyboardSteps {
  small: CalendarUnit;
  large: CalendarUnit;
}

/**
 * Step sizes that make a slider usable over `domain`: a day per arrow press on spans up to about a year,
 * a week beyond; a month per Page Up/Down up to three years, a year beyond.
 * @example keyboardSteps({ start: 16071, end: 18747 }) // { small: 'week', large: 'year' } (2014–2021)
 */
export function keyboardSteps(domain: DaySpan): KeyboardSteps {
  const days = domain.end - domain.start;
  return { small: days <= 400 ? 'day' : 'week', large: days <= 3 * 366 ? 'month' : 'year' };
}

// ---------------------------------------------------------------------------------------------------
// Histogram.

/** Bin sizes tried in order, finest first. */
const BIN_STEPS: CalendarStep[] = [
  { unit: 'day', n: 1 },
  { unit: 'week', n: 1 },
  { unit: 'month', n: 1 },
  { unit: 'month', n: 3 },
  { unit: 'year', n: 1 },
  { unit: 'year', n: 2 },
  { unit: 'year', n: 5 },
  { unit: 'year', n: 10 },
  { unit: 'year', n: 25 },
  { unit: 'year', n: 50 },
  { unit: 'year', n: 100 },
];

export interface HistogramBin {
  /** First and last day of the bin (inclusive). */
  start: number;
  end: number;
  /** Events whose span overlaps the bin. */
  count: number;
  /** Of those, events whose whole span lies inside the bin (dated at least as finely as the bin). */
  precise: number;
}

export interface Histogram {
  step: CalendarStep;
  /** From the first bin's first day to the last bin's last day: the slider's domain. */
  domain: DaySpan;
  bins: HistogramBin[];
  /** Largest `count`, for scaling (0 when empty). */
  max: number;
}

/** Histogram defaults. */
export const HISTOGRAM_DEFAULTS = {
  maxBins: 120, // finest calendar bins with at most this many bins across the extent
  minDays: 7, // extents shorter than this are padded around their middle, so a single day still has room
};

/**
 * Counts events over time in calendar-aligned bins, choosing the finest bin size (day, week, month,
 * quarter, year, several years) that keeps at most `maxBins` bins over the events' full extent.
 * An event counts in every bin its span overlaps; `precise` counts only those fully inside the bin, so
 * a chart can show imprecise dates (a year-precision campaign) differently.
 * @param spans event spans; `null` (undated) are ignored
 * @returns `null` when no event is dated
 * @example histogram([{ start: 18729, end: 18729 }], { maxBins: 120 })?.step // { unit: 'day', n: 1 }
 */
export function histogram(
  spans: readonly (DaySpan | null)[],
  options: Partial<typeof HISTOGRAM_DEFAULTS> = {},
): Histogram | null {
  return runToEnd(histogramInSlices(spans, options, Infinity));
}

/**
 * {@link histogram} as a generator that yields every `step` spans (for a page's `runInSlices`), so a
 * million imported events are binned in short tasks.
 */
export function* histogramInSlices(
  spans: readonly (DaySpan | null)[],
  options: Partial<typeof HISTOGRAM_DEFAULTS> = {},
  step = SLICE_STEP,
): Generator<void, Histogram | null> {
  const { maxBins, minDays } = { ...HISTOGRAM_DEFAULTS, ...options };
  const extent = spansExtent(spans);
  if (!extent) return null;
  yield;
  if (extent.end - extent.start + 1 < minDays) {
    const middle = Math.floor((extent.start + extent.end) / 2);
    extent.start = middle - Math.floor(minDays / 2);
    extent.end = extent.start + minDays - 1;
  }
  const binStep = BIN_STEPS.find((s) => countPeriods(extent, s, maxBins) <= maxBins) ?? BIN_STEPS.at(-1)!;
  const starts: number[] = [];
  for (let day = floorCalendar(extent.start, binStep); day <= extent.end; day = addCalendar(day, binStep.unit, binStep.n)) {
    starts.push(day);
  }
  const bins: HistogramBin[] = starts.map((start, i) => ({
    start,
    end: (i + 1 < starts.length ? starts[i + 1] : addCalendar(start, binStep.unit, binStep.n)) - 1,
    count: 0,
    precise: 0,
  }));
  for (let i = 0; i < spans.length; i += step) {
    countInto(bins, spans, i, Math.min(i + step, spans.length));
    if (i + step < spans.length) yield;
  }
  const max = bins.reduce((m, b) => Math.max(m, b.count), 0);
  return { step: binStep, domain: { start: bins[0].start, end: bins[bins.length - 1].end }, bins, max };
}

/**
 * Counts spans into the bins of an existing histogram — e.g. only the events currently shown, drawn
 * over the full histogram. Spans outside the histogram's domain are clipped to its first/last bin.
 * @param hist a histogram from {@link histogram}
 * @param spans spans to count; `null` (undated) are ignored
 * @returns one `{ count, precise }` per bin, in bin order
 * @example binCounts(histogram(allSpans)!, shownSpans).map((b) => b.count)
 */
export function binCounts(hist: Histogram, spans: readonly (DaySpan | null)[]): { count: number; precise: number }[] {
  const bins = hist.bins.map((b) => ({ start: b.start, end: b.end, count: 0, precise: 0 }));
  countInto(bins, spans);
  return bins.map(({ count, precise }) => ({ count, precise }));
}

/** Counts `spans[from..to)` into `bins` (a range, so the sliced histogram copies nothing). */
function countInto(bins: HistogramBin[], spans: readonly (DaySpan | null)[], from = 0, to = spans.length): void {
  const starts = bins.map((b) => b.start);
  for (let s = from; s < to; s++) {
    const span = spans[s];
    if (!span) continue;
    const first = binIndex(starts, span.start);
    const last = binIndex(starts, span.end);
    for (let i = first; i <= last; i++) bins[i].count++;
    if (first === last) bins[first].precise++;
  }
}

/** Number of `step` periods touching `extent`, counting no further than `limit + 1`. */
function countPeriods(extent: DaySpan, step: CalendarStep, limit: number): number {
  let count = 0;
  for (let day = floorCalendar(extent.start, step); day <= extent.end && count <= limit; count++) {
    day = addCalendar(day, step.unit, step.n);
  }
  return count;
}

/** Index of the last bin starting on or before `day` (binary search over sorted starts). */
export function binIndex(starts: readonly number[], day: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------
// Words: slider value text, event dates, axis ticks.

/**
 * A day as a reader says it.
 * @example formatDay(18729) // '12 April 2021'
 */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * A window as words, for the slider's summary and the live region.
 * @example formatWindow({ start: 16071, end: 16435, mode: 'window', showUndated: true }) // '1 January 2014 – 31 December 2014'
 * @example formatWindow({ start: 0, end: 16435, mode: 'cumulative', showUndated: true }) // 'up to 31 December 2014'
 */
export function formatWindow(filter: Pick<TimeFilter, 'start' | 'end' | 'mode'>): string {
  if (filter.mode === 'cumulative') return `up to ${formatDay(filter.end)}`;
  if (filter.start === filter.end) return formatDay(filter.start);
  return `${formatDay(filter.start)} – ${formatDay(filter.end)}`;
}

/**
 * An event's date at its own precision: "12 April 2021", "April 2021", "2014", a range like
 * "3–5 January 2020", or "Date unknown".
 * @example formatEventDate({ date_start: '2014-01-01', date_end: '2014-12-31', time_precision: 'year' }) // '2014'
 */
export function formatEventDate(
  props: Pick<EventProperties, 'date_start' | 'date_end' | 'time_precision'>,
): string {
  const span = eventSpan(props);
  if (!span) return 'Date unknown';
  const a = civilFromDay(span.start);
  const b = civilFromDay(span.end);
  const precision = props.time_precision ?? 'day';
  if (precision === 'year') return a.year === b.year ? `${a.year}` : `${a.year}–${b.year}`;
  if (precision === 'month') {
    const from = MONTH_NAMES[a.month - 1];
    const to = MONTH_NAMES[b.month - 1];
    if (a.year === b.year && a.month === b.month) return `${from} ${a.year}`;
    return a.year === b.year ? `${from} – ${to} ${a.year}` : `${from} ${a.year} – ${to} ${b.year}`;
  }
  if (span.start === span.end) return formatDay(span.start);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${MONTH_NAMES[a.month - 1]} ${a.year}`;
  if (a.year === b.year) return `${a.day} ${MONTH_NAMES[a.month - 1]} – ${formatDay(span.end)}`;
  return `${formatDay(span.start)} – ${formatDay(span.end)}`;
}

export interface AxisTick {
  day: number;
  label: string;
}

const TICK_STEPS: CalendarStep[] = [
  { unit: 'day', n: 1 },
  { unit: 'week', n: 1 },
  { unit: 'month', n: 1 },
  { unit: 'month', n: 3 },
  { unit: 'month', n: 6 },
  { unit: 'year', n: 1 },
  { unit: 'year', n: 2 },
  { unit: 'year', n: 5 },
  { unit: 'year', n: 10 },
  { unit: 'year', n: 20 },
  { unit: 'year', n: 50 },
  { unit: 'year', n: 100 },
];

/**
 * Labelled ticks for an axis over `domain`: the finest calendar step with at most `maxTicks` ticks
 * inside the domain. Years read "2014"; months "Apr" (with the year in January and on the first tick);
 * days "12 Apr" (with the year on the first tick).
 * @example axisTicks({ start: 16071, end: 18747 }, 8).map((t) => t.label) // ['2014', '2015', …, '2021']
 */
export function axisTicks(domain: DaySpan, maxTicks: number): AxisTick[] {
  const limit = Math.max(1, Math.floor(maxTicks));
  for (const step of TICK_STEPS) {
    const days = ticksInside(domain, step, limit + 1);
    if (days.length > limit) continue;
    return days.map((day, i) => ({ day, label: tickLabel(day, step, i === 0) }));
  }
  return [];
}

function ticksInside(domain: DaySpan, step: CalendarStep, limit: number): number[] {
  const days: number[] = [];
  let day = floorCalendar(domain.start, step);
  if (day < domain.start) day = addCalendar(day, step.unit, step.n);
  for (; day <= domain.end && days.length < limit; day = addCalendar(day, step.unit, step.n)) days.push(day);
  return days;
}

function tickLabel(dayNumber: number, step: CalendarStep, first: boolean): string {
  const { year, month, day } = civilFromDay(dayNumber);
  const short = MONTH_NAMES[month - 1].slice(0, 3);
  if (step.unit === 'year') return `${year}`;
  if (step.unit === 'month') return month === 1 || first ? `${short} ${year}` : short;
  return first || (month === 1 && day <= 7) ? `${day} ${short} ${year}` : `${day} ${short}`;
}
