/**
 * A large data layer's point events as the arrays the cluster worker keeps (dense.worker.ts): built in
 * slices, handed over as transferred buffers, so a million events never make one long task and are
 * never copied as objects. The worker decides which of them are shown at each slider step from their
 * days ({@link shownByDays}); the page sends it only the window, and which events match
 * the text and types when those change.
 */
import type { DatelineEvent } from '../../core/types';
import { EVENT_TYPES, type EventType } from '../../core/taxonomy';
import { SLICE_STEP } from '../../core/slicing';
import { spanOf, textAndTypeMatches, type HasEventProperties, type ShownCriteria } from '../../core/eventfilter';
import type { TimeFilter } from '../../core/timewindow';

export interface DensePointArrays {
  /** Longitude, latitude of each event, interleaved. */
  lonLat: Float64Array;
  /** Index of each event's type in EVENT_TYPES (255 when unknown). */
  types: Uint8Array;
  /** Number of sources of each event (marker size). */
  sources: Uint16Array;
  /** The events' ids, joined by NUL (one string crosses to a worker as a single copy). */
  ids: string;
  /** First and last day of each event (day numbers; Infinity when undated). */
  starts: Float32Array;
  ends: Float32Array;
}

const TYPE_INDEX = new Map<EventType, number>(EVENT_TYPES.map((type, i) => [type, i]));

/**
 * The arrays of {@link DensePointArrays}, yielding every `step` events (for `runInSlices`).
 * @example const arrays = yield* densePointArraysInSlices(points.events);
 */
export function* densePointArraysInSlices(events: readonly DatelineEvent[], step = SLICE_STEP): Generator<void, DensePointArrays> {
  const lonLat = new Float64Array(events.length * 2);
  const types = new Uint8Array(events.length);
  const sources = new Uint16Array(events.length);
  const starts = new Float32Array(events.length);
  const ends = new Float32Array(events.length);
  const ids: string[] = [];
  for (let i = 0; i < events.length; i++) {
    const { geometry, properties: p } = events[i];
    const [lon, lat] = geometry.type === 'Point' ? geometry.coordinates : [p.lon, p.lat];
    lonLat[2 * i] = lon;
    lonLat[2 * i + 1] = lat;
    types[i] = TYPE_INDEX.get(p.type) ?? 255;
    sources[i] = Math.min(p.sources.length, 0xffff);
    const span = spanOf(p);
    starts[i] = span ? span.start : Infinity;
    ends[i] = span ? span.end : Infinity;
    // A NUL inside an id (never seen in real data) would shift every later id: drop it, so only that
    // one event's dot cannot be opened.
    ids.push(p.id.includes('\u0000') ? p.id.replaceAll('\u0000', '') : p.id);
    if ((i + 1) % step === 0) yield;
  }
  return { lonLat, types, sources, ids: ids.join('\u0000'), starts, ends };
}

/**
 * Which of `events` match the text and types of `criteria` (1) or not (0), in their own order, yielding
 * every `step` events; null when nothing narrows them (every event matches). For code that keeps
 * per-event arrays elsewhere (the cluster worker of the map's large layers): it needs this only when
 * `textAndTypesKey` changes, and applies the window itself ({@link shownByDays}).
 * @example const matching = yield* textAndTypesMaskInSlices(points.events, criteria);
 */
export function* textAndTypesMaskInSlices<T extends HasEventProperties>(events: readonly T[], criteria: ShownCriteria, step = SLICE_STEP): Generator<void, Uint8Array | null> {
  const matching = yield* textAndTypeMatches(events, criteria, step);
  if (matching === events) return null;
  const mask = new Uint8Array(events.length);
  // `matching` keeps the order of `events`: walk both at once.
  let next = 0;
  for (let i = 0; i < events.length && next < matching.length; i++) {
    if (events[i] === matching[next]) {
      mask[i] = 1;
      next++;
    }
    if ((i + 1) % step === 0) yield;
  }
  return mask;
}

/**
 * Which events are shown (1) or not (0) from their first and last days (Infinity when undated) and
 * which of them match the text and types (null: all of them): the rule of `isSpanVisible`, over typed
 * arrays. The cluster worker runs it at each slider step, so the page sends it only the window.
 * @example shownByDays(starts, ends, null, { start: 16071, end: 16435, mode: 'window', showUndated: false })
 */
export function shownByDays(starts: Float32Array, ends: Float32Array, matching: Uint8Array | null, filter: TimeFilter): Uint8Array {
  const shown = new Uint8Array(starts.length);
  const cumulative = filter.mode === 'cumulative';
  for (let i = 0; i < starts.length; i++) {
    if (matching && !matching[i]) continue;
    const visible = starts[i] === Infinity ? filter.showUndated : starts[i] <= filter.end && (cumulative || ends[i] >= filter.start);
    if (visible) shown[i] = 1;
  }
  return shown;
}
