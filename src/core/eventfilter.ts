/**
 * The single definition of "what is currently shown": text search, event-type filter and time window
 * decide which events the list, the map and the export present, in one order. The list renders
 * {@link shownEvents}; the map applies {@link shownFilterExpression} (same rules as a MapLibre filter);
 * the CSV/GeoJSON export writes {@link shownEvents}.
 */
import type { EventProperties } from './types';
import { EVENT_TYPES, type EventType } from './taxonomy';
import { dayFromCivil } from './calendar';
import {
  eventSpan,
  windowFilterExpression,
  civilFromDay,
  type DaySpan,
  type MapExpression,
  type TimeFilter,
} from './timewindow';
import { runToEnd, SLICE_STEP } from './slicing';

/** Everything the user chose that narrows the events shown. */
export interface ShownCriteria extends TimeFilter {
  /** Free text; every word must occur in the title, place, actors or source outlets (any case/accents). */
  text: string;
  /** Event types switched on. */
  types: readonly EventType[];
}

/** Anything carrying event properties: a GeoJSON Feature of `events.geojson`. */
export interface HasEventProperties {
  properties: EventProperties;
}

/**
 * Lower-cases and strips accents, so "teheran" finds "Tehrān" and "SHAMKHANI" finds "Shamkhani".
 * @example searchKey('Tehrān') // 'tehran'
 */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The words of a query, normalised; an empty query has none and matches everything.
 * @example queryTerms('  Tehrān  Shamkhani ') // ['tehran', 'shamkhani']
 */
export function queryTerms(text: string): string[] {
  return searchKey(text).split(/\s+/).filter(Boolean);
}

/**
 * Whether an event matches every term of a text query (in title, place, origin, actors or outlets).
 * @example matchesText(tehranMeeting, 'shamkhani tehran') // true
 */
export function matchesText(props: EventProperties, text: string): boolean {
  return matchesTerms(props, queryTerms(text));
}

function matchesTerms(props: EventProperties, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = searchText(props);
  return terms.every((term) => haystack.includes(term));
}

// The search text is cached per (immutable) properties object: a keystroke re-filters 100k events
// without re-normalising their text.
const searchCache = new WeakMap<EventProperties, string>();

/**
 * Spans by the date strings they come from: date_start → time_precision → date_end → span. Events share
 * their date strings (an import sends each distinct one once, see src/core/io/packed.ts), so a million
 * events cost a few thousand parses and no per-event cache entries for the garbage collector to trace.
 */
const spansByDates = new Map<string | null, Map<string | null, Map<string | null, DaySpan | null>>>();
/** Distinct date combinations remembered; past it, spans are computed on each call. */
const SPAN_MEMO_LIMIT = 200_000;
let spansRemembered = 0;

/**
 * `eventSpan`, memoised by the event's date strings. The span may be shared by many events: read it,
 * never change it.
 * @example spanOf(feature.properties) // same result as eventSpan, parsed once per distinct date
 */
export function spanOf(props: EventProperties): DaySpan | null {
  let byPrecision = spansByDates.get(props.date_start);
  if (byPrecision === undefined) spansByDates.set(props.date_start, (byPrecision = new Map()));
  let byEnd = byPrecision.get(props.time_precision);
  if (byEnd === undefined) byPrecision.set(props.time_precision, (byEnd = new Map()));
  let span = byEnd.get(props.date_end);
  if (span === undefined) {
    span = eventSpan(props);
    if (span) Object.freeze(span);
    if (spansRemembered < SPAN_MEMO_LIMIT) {
      byEnd.set(props.date_end, span);
      spansRemembered++;
    }
  }
  return span;
}

/** The normalised text a query searches, memoised per properties object. */
function searchText(props: EventProperties): string {
  let text = searchCache.get(props);
  if (text === undefined) {
    text = searchKey(
      [props.title, props.place_name, props.origin?.name ?? '', ...props.actors, ...props.sources.map((s) => s.outlet)].join(
        '\n',
      ),
    );
    searchCache.set(props, text);
  }
  return text;
}

/**
 * Order of events everywhere: by first day, then last day, then title, then id; undated events last.
 * Stable and total, so lists and exports are reproducible.
 * @example features.sort((a, b) => compareEvents(a.properties, b.properties))
 */
export function compareEvents(a: EventProperties, b: EventProperties): number {
  return compareSpans(spanOf(a), spanOf(b)) || compareText(a.title, b.title) || compareText(a.id, b.id);
}

function compareSpans(a: DaySpan | null, b: DaySpan | null): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return a.start - b.start || a.end - b.end;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The events currently shown, sorted by date with undated events last.
 * This is what the list renders and what the export writes.
 * The date order of an array is computed once and reused while the same (unmodified) array is passed
 * again, so a slider step only filters; pass a new array when the events change.
 * @param events features (or anything with `properties: EventProperties`)
 * @param criteria text, types and time window
 * @returns a new array of the same objects, filtered and sorted
 * @example shownEvents(collection.features, filters.criteria(timeline))
 */
export function shownEvents<T extends HasEventProperties>(events: readonly T[], criteria: ShownCriteria): T[] {
  return filterSorted(sortedByDate(events), criteria);
}

/**
 * {@link shownEvents} over events already in {@link compareEvents} order (e.g. {@link mergeSorted}'s
 * output): only filters, so a slider step over a million events never sorts.
 * @example filterSorted(mergeSorted(layers.map(sortedByDate)), criteria)
 */
export function filterSorted<T extends HasEventProperties>(sorted: readonly T[], criteria: ShownCriteria): T[] {
  return runToEnd(filterSortedInSlices(sorted, criteria, Infinity));
}

/**
 * {@link filterSorted} as a generator that yields every `step` events (for `runInSlices`): the events
 * of {@link shownListInSlices} copied into one array (what an export writes).
 * @example runInSlices(filterSortedInSlices(store.sorted, criteria), (shown) => (rows = shown))
 */
export function* filterSortedInSlices<T extends HasEventProperties>(sorted: readonly T[], criteria: ShownCriteria, step = SLICE_STEP): Generator<void, T[]> {
  return (yield* shownListInSlices(sorted, criteria, step)).slice();
}

/**
 * The shown events of a date-ordered array as a {@link ShownList}: nothing copied but the few events
 * that start before the window and still overlap it, so a slider step over 100,000 events makes no
 * array of them. A generator that yields every `step` events (for `runInSlices`); the events matching
 * the text and types are remembered per array, so while a search is active a step only tests the
 * dates of those.
 * @example runInSlices(shownListInSlices(store.sorted, criteria), (shown) => (list = shown))
 */
export function* shownListInSlices<T extends HasEventProperties>(sorted: readonly T[], criteria: ShownCriteria, step = SLICE_STEP): Generator<void, ShownList<T>> {
  const matching = yield* textAndTypeMatches(sorted, criteria, step);
  const days = yield* dayIndex(matching, step);
  // The events are in date order: only those starting in [window start - longest span, window end]
  // can overlap the window, found by binary search; undated events are last. Of those, the ones
  // starting inside the window are all shown: one run, only the earlier ones are tested.
  const from = criteria.mode === 'cumulative' ? 0 : firstAtLeast(days.starts, criteria.start - days.longest, days.dated);
  const to = firstAtLeast(days.starts, criteria.end + 1, days.dated);
  const inside = criteria.mode === 'cumulative' ? from : Math.max(from, Math.min(to, firstAtLeast(days.starts, criteria.start, days.dated)));
  const earlier: T[] = [];
  for (let i = from; i < inside; i++) {
    if (days.ends[i] >= criteria.start) earlier.push(matching[i]);
    if ((i - from + 1) % step === 0) yield;
  }
  return new ShownList([
    { items: earlier, from: 0, to: earlier.length },
    { items: matching, from: inside, to },
    { items: matching, from: days.dated, to: criteria.showUndated ? matching.length : days.dated },
  ]);
}

/**
 * Events in order that can be read by position: an array, or a {@link ShownList} (which shares the
 * arrays it was made from). `indexOf` finds an event object.
 */
export interface EventSequence<T> extends Iterable<T> {
  readonly length: number;
  /** The event at `index` (negative counts from the end, as `Array.prototype.at`). */
  at(index: number): T | undefined;
  /** A new array of the events in [start, end), as `Array.prototype.slice`. */
  slice(start?: number, end?: number): T[];
  indexOf(event: T): number;
}

/** A run [from, to) of an array's items. */
interface Run<T> {
  items: readonly T[];
  from: number;
  to: number;
}

/**
 * Shown events in {@link compareEvents} order, held as runs of the arrays they come from instead of a
 * copy: the list renders a page of them, counts them and finds the chosen one by binary search, so a
 * slider step costs a few binary searches whatever the number of events. Read-only; the arrays it
 * was made from must not change while it is used (layers are replaced, never changed).
 * @example new ShownList([{ items: sorted, from: 10, to: 500 }]).at(0) === sorted[10]
 */
export class ShownList<T extends HasEventProperties> implements EventSequence<T> {
  readonly length: number;
  readonly #runs: readonly Run<T>[];

  /** @param runs runs of arrays, in order; together they must be in {@link compareEvents} order */
  constructor(runs: readonly Run<T>[] = []) {
    this.#runs = runs.filter((run) => run.to > run.from);
    this.length = this.#runs.reduce((sum, run) => sum + run.to - run.from, 0);
  }

  at(index: number): T | undefined {
    let i = index < 0 ? index + this.length : index;
    if (!(i >= 0 && i < this.length)) return undefined;
    for (const run of this.#runs) {
      if (i < run.to - run.from) return run.items[run.from + i];
      i -= run.to - run.from;
    }
  }

  slice(start = 0, end = this.length): T[] {
    const n = this.length;
    const out: T[] = [];
    for (let i = start < 0 ? Math.max(0, n + start) : start, to = end < 0 ? n + end : Math.min(end, n); i < to; i++) out.push(this.at(i)!);
    return out;
  }

  /** Where `event` is (binary search by {@link compareEvents}), or -1. */
  indexOf(event: T): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEvents(this.at(mid)!.properties, event.properties) < 0) lo = mid + 1;
      else hi = mid;
    }
    // Equal keys (the same dates, title and id) are possible only across layers: look through them.
    for (let i = lo; i < this.length; i++) {
      const candidate = this.at(i)!;
      if (candidate === event) return i;
      if (compareEvents(candidate.properties, event.properties) !== 0) break;
    }
    return -1;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const run of this.#runs) for (let i = run.from; i < run.to; i++) yield run.items[i];
  }
}

/**
 * First and last day of each event of an array (Infinity when undated; day numbers are integers well
 * within a float's exact range); for a date-ordered array also the longest span and where the undated
 * events begin.
 */
interface DayIndex {
  starts: Float32Array;
  ends: Float32Array;
  /** The greatest `end - start` of a dated event. */
  longest: number;
  /** In a date-ordered array: index of the first undated event (= the number of dated ones). */
  dated: number;
}

/** Per array: its day index, built once (a slider step then only searches or compares it). */
const dayIndexCache = new WeakMap<readonly HasEventProperties[], DayIndex>();

function* dayIndex(events: readonly HasEventProperties[], step: number): Generator<void, DayIndex> {
  const cached = dayIndexCache.get(events);
  if (cached && cached.starts.length === events.length) return cached;
  const starts = new Float32Array(events.length);
  const ends = new Float32Array(events.length);
  let longest = 0;
  let dated = events.length;
  for (let i = 0; i < events.length; i++) {
    const span = spanOf(events[i].properties);
    if (!span) {
      if (dated === events.length) dated = i;
      starts[i] = ends[i] = Infinity;
    } else {
      starts[i] = span.start;
      ends[i] = span.end;
      if (span.end - span.start > longest) longest = span.end - span.start;
    }
    if ((i + 1) % step === 0) yield;
  }
  const index = { starts, ends, longest, dated };
  dayIndexCache.set(events, index);
  return index;
}

/** The first index below `limit` whose value is at least `value` (`limit` if none): `values` ascend. */
function firstAtLeast(values: Float32Array, value: number, limit: number): number {
  let lo = 0;
  let hi = limit;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The text and types of `criteria` as one key (equal keys match the same events); null when they narrow
 * nothing.
 * @example textAndTypesKey({ ...criteria, text: '' }) // null with every type on
 */
export function textAndTypesKey(criteria: Pick<ShownCriteria, 'text' | 'types'>): string | null {
  const terms = queryTerms(criteria.text);
  const types = new Set(criteria.types);
  if (terms.length === 0 && EVENT_TYPES.every((type) => types.has(type))) return null;
  return `${[...types].sort().join(',')}\u0000${terms.join(' ')}`;
}

/** Per array: the events matching a text and types key (the last one asked). */
const matchCache = new WeakMap<readonly HasEventProperties[], { key: string; matches: readonly HasEventProperties[] }>();

/**
 * The events of `events` that match the text and types of `criteria`, in their order (`events` itself
 * when nothing narrows them), yielding every `step` events; remembered per array for the last key asked.
 * @example const matching = yield* textAndTypeMatches(sorted, criteria, SLICE_STEP);
 */
export function* textAndTypeMatches<T extends HasEventProperties>(events: readonly T[], criteria: ShownCriteria, step = SLICE_STEP): Generator<void, readonly T[]> {
  const key = textAndTypesKey(criteria);
  if (key === null) return events;
  const terms = queryTerms(criteria.text);
  const types = new Set(criteria.types);
  const cached = matchCache.get(events);
  if (cached?.key === key) return cached.matches as readonly T[];
  const matches: T[] = [];
  for (let i = 0; i < events.length; i++) {
    const p = events[i].properties;
    if (types.has(p.type) && matchesTerms(p, terms)) matches.push(events[i]);
    if ((i + 1) % step === 0) yield;
  }
  matchCache.set(events, { key, matches });
  return matches;
}

const sortedCache = new WeakMap<readonly HasEventProperties[], { length: number; sorted: HasEventProperties[] }>();

/** What the order compares, copied next to each other: comparisons then stay in one small object. */
interface SortKey<T> {
  event: T;
  start: number;
  end: number;
  title: string;
  id: string;
}

function compareKeys<T extends HasEventProperties>(a: SortKey<T>, b: SortKey<T>): number {
  return (
    (a.start === b.start ? 0 : a.start - b.start) ||
    (a.end === b.end ? 0 : a.end - b.end) ||
    compareText(a.title, b.title) ||
    compareText(a.id, b.id)
  );
}

function sortKey<T extends HasEventProperties>(event: T): SortKey<T> {
  const p = event.properties;
  const span = spanOf(p);
  return { event, start: span ? span.start : Infinity, end: span ? span.end : Infinity, title: p.title, id: p.id };
}

/**
 * The events in {@link compareEvents} order, memoised per array (re-sorted if its length changed).
 * @example sortedByDate(layer) === sortedByDate(layer) // the second call is a cache hit
 */
export function sortedByDate<T extends HasEventProperties>(events: readonly T[]): T[] {
  return runToEnd(sortInSlices(events, Infinity));
}

/** Events sorted per slice of {@link sortInSlices}: runs this long are sorted natively, then merged. */
const SLICE_RUN = 8192;

/**
 * {@link sortedByDate} as a generator that yields every `step` units of work (an element keyed, or
 * moved by a merge), so a page can sort a million events in short tasks; the result fills the same
 * cache, so a later `sortedByDate(events)` is free. Treat `events` as unchanged until it is done.
 * @example for (const _ of sortInSlices(events)) await nextTask();
 */
export function* sortInSlices<T extends HasEventProperties>(events: readonly T[], step = SLICE_STEP): Generator<void, T[]> {
  const cached = sortedCache.get(events);
  if (cached && cached.length === events.length) return cached.sorted as T[];
  const keyed: SortKey<T>[] = new Array(events.length);
  let work = 0;
  for (let i = 0; i < events.length; i++) {
    keyed[i] = sortKey(events[i]);
    if (++work % step === 0) yield;
  }
  const bounds: number[] = [];
  for (let i = 0; i < keyed.length; i += SLICE_RUN) {
    const run = keyed.slice(i, i + SLICE_RUN).sort(compareKeys);
    for (let j = 0; j < run.length; j++) keyed[i + j] = run[j];
    bounds.push(i);
    work += run.length * 4;
    if (work >= step) {
      work = 0;
      yield;
    }
  }
  const sorted = (yield* mergeRunsInSlices(keyed, bounds, step)).map((k) => k.event);
  sortedCache.set(events, { length: events.length, sorted });
  return sorted;
}

/**
 * Bottom-up merges of neighbouring sorted runs (`bounds`: where each starts); stable, so equal keys keep
 * their order (like Array.sort). Yields every `step` elements moved.
 */
function* mergeRunsInSlices<T extends HasEventProperties>(keyed: SortKey<T>[], bounds: number[], step: number): Generator<void, SortKey<T>[]> {
  let from = keyed;
  let to: SortKey<T>[] = new Array(keyed.length);
  let starts = bounds.length ? bounds : [0];
  let work = 0;
  while (starts.length > 1) {
    const merged: number[] = [];
    for (let r = 0; r < starts.length; r += 2) {
      const lo = starts[r];
      const mid = r + 1 < starts.length ? starts[r + 1] : from.length;
      const hi = r + 2 < starts.length ? starts[r + 2] : from.length;
      merged.push(lo);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = i < mid && (j >= hi || compareKeys(from[i], from[j]) <= 0) ? from[i++] : from[j++];
        if (++work % step === 0) yield;
      }
    }
    [from, to] = [to, from];
    starts = merged;
  }
  return from;
}

/**
 * Sorts events while they arrive in batches (an import): each batch is keyed and sorted when added,
 * so once the last one is in only merges remain. The result is {@link sortedByDate}'s order and fills
 * its cache for the array holding the same events.
 * @example const sort = new IncrementalSort(); sort.add(batch); … yield* sort.finish(allEvents);
 */
export class IncrementalSort<T extends HasEventProperties> {
  /** Sorted runs in arrival order; neighbours of similar size are merged as they come. */
  #runs: SortKey<T>[][] = [];
  #count = 0;

  /** Keys and sorts one batch (events must not change their dates, title or id afterwards). */
  add(batch: readonly T[]): void {
    if (!batch.length) return;
    this.#runs.push(batch.map(sortKey).sort(compareKeys));
    this.#count += batch.length;
    // Like a binary counter: merge the last two runs while they are of similar size and small enough
    // to merge within a batch's handling, so most merging is done before the last batch arrives.
    const runs = this.#runs;
    while (runs.length >= 2) {
      const [before, last] = [runs[runs.length - 2], runs[runs.length - 1]];
      if (before.length > 2 * last.length || before.length + last.length > EAGER_MERGE_LIMIT) break;
      runs.splice(runs.length - 2, 2, mergeTwoRuns(before, last));
    }
  }

  /**
   * Merges the remaining runs in slices.
   * @param events the array holding exactly the added events (its sorted order is cached)
   */
  *finish(events: readonly T[], step = SLICE_STEP): Generator<void, T[]> {
    if (events.length !== this.#count) throw new Error(`sorted ${this.#count} events, given ${events.length}`);
    const keyed: SortKey<T>[] = new Array(this.#count);
    const bounds: number[] = [];
    let at = 0;
    for (const run of this.#runs) {
      bounds.push(at);
      for (let i = 0; i < run.length; i++) keyed[at + i] = run[i];
      at += run.length;
      yield;
    }
    this.#runs = [];
    this.#count = 0;
    const sorted = (yield* mergeRunsInSlices(keyed, bounds, step)).map((k) => k.event);
    sortedCache.set(events, { length: events.length, sorted });
    return sorted;
  }
}

/** Largest merge {@link IncrementalSort} does while batches arrive (a few ms of work). */
const EAGER_MERGE_LIMIT = 65_536;

function mergeTwoRuns<T extends HasEventProperties>(first: SortKey<T>[], second: SortKey<T>[]): SortKey<T>[] {
  return runToEnd(mergeRunsInSlices([...first, ...second], [0, first.length], Infinity));
}

/**
 * Merges arrays that are each in {@link compareEvents} order into one, also in that order. The
 * smaller arrays are placed into the largest by binary search, so merging a few events into a
 * million costs a few comparisons and one copy. Arrays with equal events keep the given order.
 * @example mergeSorted([sortedByDate(pipelineEvents), sortedByDate(importedEvents)])
 */
export function mergeSorted<T extends HasEventProperties>(arrays: readonly (readonly T[])[]): readonly T[] {
  const nonEmpty = arrays.filter((a) => a.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0];
  let merged = nonEmpty[0];
  for (const next of nonEmpty.slice(1)) merged = mergeTwo(merged, next);
  return merged;
}

function mergeTwo<T extends HasEventProperties>(first: readonly T[], second: readonly T[]): T[] {
  // Place each event of the smaller array into the larger; ties go after `first`'s equal events.
  const secondIsSmall = second.length <= first.length;
  const [big, small] = secondIsSmall ? [first, second] : [second, first];
  const out: T[] = [];
  let from = 0;
  for (const event of small) {
    // First index in `big` where `event` belongs: after equal events of `first`, before those of `second`.
    let lo = from;
    let hi = big.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareEvents(big[mid].properties, event.properties);
      if (secondIsSmall ? c <= 0 : c < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(big[i]);
    out.push(event);
    from = lo;
  }
  for (let i = from; i < big.length; i++) out.push(big[i]);
  return out;
}

/**
 * The MapLibre filter matching {@link shownEvents}: time window over the precomputed `t0`/`t1` day
 * numbers (see `dayNumberProperties` in timewindow.ts), event type, and — only while a text query is
 * active — the ids of the events that match it. Combine with a layer's own filter:
 * `map.setFilter(layer, ['all', layerFilter, shownFilterExpression(events, criteria)])`.
 * @param events all events, used only to resolve a text query to ids
 * @example shownFilterExpression(features, { text: '', types: ['meeting'], start: 16071, end: 16435, mode: 'window', showUndated: false })
 */
export function shownFilterExpression(events: readonly HasEventProperties[], criteria: ShownCriteria): MapExpression {
  const expression: MapExpression = [
    'all',
    ['in', ['get', 'type'], ['literal', [...criteria.types]]],
    windowFilterExpression(criteria),
  ];
  const terms = queryTerms(criteria.text);
  if (terms.length > 0) expression.push(['in', ['get', 'id'], ['literal', idsMatching(events, terms)]]);
  return expression;
}

/** Per array: the ids matching the last query asked (a slider step with a search active reuses them). */
const idsCache = new WeakMap<readonly HasEventProperties[], { query: string; ids: string[] }>();

function idsMatching(events: readonly HasEventProperties[], terms: readonly string[]): string[] {
  const query = terms.join(' ');
  const cached = idsCache.get(events);
  if (cached?.query === query) return cached.ids;
  const ids = events.filter((e) => matchesTerms(e.properties, terms)).map((e) => e.properties.id);
  idsCache.set(events, { query, ids });
  return ids;
}

/** A run of shown events under one heading: a year, or "Date unknown". */
export interface EventGroup<T> {
  /** Stable key: the year as text, or `'undated'`. */
  key: string;
  heading: string;
  events: T[];
}

/**
 * Splits sorted shown events into headed groups by the year they start in, undated last, so a screen
 * reader can jump between years.
 * @param sorted output of {@link shownEvents}
 * @example groupByYear(shownEvents(features, criteria)).map((g) => g.heading) // ['2014', '2020', '2021', 'Date unknown']
 */
export function groupByYear<T extends HasEventProperties>(sorted: readonly T[]): EventGroup<T>[] {
  const groups: EventGroup<T>[] = [];
  for (const event of sorted) {
    const key = groupKeyOf(event.properties);
    let group = groups.at(-1);
    if (!group || group.key !== key) {
      group = { key, heading: key === 'undated' ? 'Date unknown' : key, events: [] };
      groups.push(group);
    }
    group.events.push(event);
  }
  return groups;
}

/**
 * How many events each of `groups` has in the whole of `sorted`, when `groups` were made from a
 * prefix of it (a list that shows the first items): the year runs are contiguous, so each count is a
 * binary search rather than a pass over every event.
 * @example groupTotals(shown, groupByYear(shown.slice(0, 200))).get('2021')
 */
export function groupTotals<T extends HasEventProperties>(sorted: EventSequence<T>, groups: readonly EventGroup<T>[]): Map<string, number> {
  const totals = new Map<string, number>();
  let start = 0;
  for (const group of groups) {
    // A year's events end before the next year's first day; "Date unknown" is last and runs to the end.
    // Compared by first day, not by each event's year key, so a step remembers nothing per event.
    const next = group.key === 'undated' ? Infinity : dayFromCivil(Number(group.key) + 1, 1, 1);
    let lo = start + group.events.length;
    let hi = sorted.length;
    while (lo < hi && next !== Infinity) {
      const mid = (lo + hi) >>> 1;
      if ((spanOf(sorted.at(mid)!.properties)?.start ?? Infinity) < next) lo = mid + 1;
      else hi = mid;
    }
    if (next === Infinity) lo = hi;
    totals.set(group.key, lo - start);
    start = lo;
  }
  return totals;
}

const groupKeyCache = new WeakMap<EventProperties, string>();

/** The year an event starts in, as text, or `'undated'`; memoised per properties object. */
function groupKeyOf(props: EventProperties): string {
  let key = groupKeyCache.get(props);
  if (key === undefined) {
    const span = spanOf(props);
    key = span ? String(civilFromDay(span.start).year) : 'undated';
    groupKeyCache.set(props, key);
  }
  return key;
}

/**
 * The words for the live region.
 * @example shownSummary(3, 7) // '3 of 7 events shown'
 */
export function shownSummary(shown: number, total: number): string {
  const noun = total === 1 ? 'event' : 'events';
  return shown === total ? `${total} ${noun} shown` : `${shown} of ${total} ${noun} shown`;
}
