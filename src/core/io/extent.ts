/**
 * Where and when a layer's events are: the box to fly the map to after an import, and the dates to fit
 * the time slider's window to.
 */
import type { DatelineEvent } from '../types';
import { spanOf } from '../eventfilter';

export interface LayerExtent {
  /** [west, south, east, north] of the events' points (an area counts by its representative point). */
  bbox: [number, number, number, number] | null;
  /** First and last day (day numbers) covered by dated events; null when none is dated. */
  start: number | null;
  end: number | null;
}

/**
 * The extent of some events.
 * @example layerExtent(layer.events).bbox // [22.4, 12.6, 35.4, 15.6]
 */
export function layerExtent(events: readonly DatelineEvent[]): LayerExtent {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  let start = Infinity, end = -Infinity;
  for (const { properties: p } of events) {
    if (Number.isFinite(p.lon) && Number.isFinite(p.lat)) {
      if (p.lon < west) west = p.lon;
      if (p.lon > east) east = p.lon;
      if (p.lat < south) south = p.lat;
      if (p.lat > north) north = p.lat;
    }
    const span = spanOf(p);
    if (span) {
      if (span.start < start) start = span.start;
      if (span.end > end) end = span.end;
    }
  }
  return {
    bbox: west <= east ? [west, south, east, north] : null,
    start: start <= end ? start : null,
    end: start <= end ? end : null,
  };
}
