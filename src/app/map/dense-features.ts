/**
 * A large data layer's point events as the arrays the cluster worker keeps (dense.worker.ts): built in
 * slices, handed over as transferred buffers, so a million events never make one long task and are
 * never copied as objects. Which of them are shown is `shownMaskInSlices` (core/eventfilter.ts).
 */
import type { DatelineEvent } from '../../core/types';
import { EVENT_TYPES, type EventType } from '../../core/taxonomy';
import { SLICE_STEP } from '../../core/slicing';

export interface DensePointArrays {
  /** Longitude, latitude of each event, interleaved. */
  lonLat: Float64Array;
  /** Index of each event's type in EVENT_TYPES (255 when unknown). */
  types: Uint8Array;
  /** Number of sources of each event (marker size). */
  sources: Uint16Array;
  /** The events' ids, joined by NUL (one string crosses to a worker as a single copy). */
  ids: string;
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
  const ids: string[] = [];
  for (let i = 0; i < events.length; i++) {
    const { geometry, properties: p } = events[i];
    const [lon, lat] = geometry.type === 'Point' ? geometry.coordinates : [p.lon, p.lat];
    lonLat[2 * i] = lon;
    lonLat[2 * i + 1] = lat;
    types[i] = TYPE_INDEX.get(p.type) ?? 255;
    sources[i] = Math.min(p.sources.length, 0xffff);
    // A NUL inside an id (never seen in real data) would shift every later id: drop it, so only that
    // one event's dot cannot be opened.
    ids.push(p.id.includes('\u0000') ? p.id.replaceAll('\u0000', '') : p.id);
    if ((i + 1) % step === 0) yield;
  }
  return { lonLat, types, sources, ids: ids.join('\u0000') };
}
