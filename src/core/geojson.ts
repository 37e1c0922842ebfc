/**
 * The `events.geojson` writer: one Feature per event, areas as polygons (RFC 7946: lon/lat, right-hand
 * rule, coordinates rounded to 6 decimals ≈ 0.1 m), points for sites and cities.
 */
import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { EVENTS_GEOJSON_FORMAT } from './formats';
import type { DatelineEvent, EventProperties } from './types';

/** Decimal places kept in coordinates. */
export const COORDINATE_DECIMALS = 6;

/** The `events.geojson` document: a FeatureCollection with Dateline's format member. */
export interface EventsDocument extends FeatureCollection<Geometry, EventProperties> {
  format: typeof EVENTS_GEOJSON_FORMAT;
  generator: { name: string; version: string };
  features: DatelineEvent[];
}

/**
 * Rounds a coordinate to `COORDINATE_DECIMALS` places (and turns -0 into 0).
 * @param value degrees
 * @returns the rounded value
 * @example roundCoord(44.2345678) // 44.234568
 */
export function roundCoord(value: number): number {
  const f = 10 ** COORDINATE_DECIMALS;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * The geometry of an event: the area's polygon when there is one, else the representative point.
 * @param lon representative longitude
 * @param lat representative latitude
 * @param area the place's polygon(s) from the gazetteer, or null
 * @returns an RFC 7946 geometry with rounded coordinates
 * @example eventGeometry(44.4, 33.3, null) // { type: 'Point', coordinates: [44.4, 33.3] }
 */
export function eventGeometry(lon: number, lat: number, area: Polygon | MultiPolygon | null): Geometry {
  if (!area) return { type: 'Point', coordinates: [roundCoord(lon), roundCoord(lat)] };
  const wound = rewind(structuredClone(area)) as Polygon | MultiPolygon;
  const ring = (r: Position[]) => dedupe(r.map(([x, y]) => [roundCoord(x), roundCoord(y)]));
  if (wound.type === 'Polygon') return { type: 'Polygon', coordinates: wound.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: wound.coordinates.map((p) => p.map(ring)) };
}

function dedupe(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

/**
 * Wraps features in the versioned `events.geojson` document.
 * @param features one Feature per event
 * @param version the generator's version (package version)
 * @returns the document
 * @example eventsDocument([], '0.1.0').format // 'dateline-events/1'
 */
export function eventsDocument(features: Array<Feature<Geometry, EventProperties>>, version: string): EventsDocument {
  return { type: 'FeatureCollection', format: EVENTS_GEOJSON_FORMAT, generator: { name: 'dateline-extract', version }, features };
}

/**
 * Serialises the document with stable formatting: one feature per line so diffs stay readable.
 * @param doc the document
 * @returns JSON text ending in a newline
 * @example stringifyEvents(eventsDocument([], '0.1.0')).startsWith('{"type":"FeatureCollection"') // true
 */
export function stringifyEvents(doc: EventsDocument): string {
  const { features, ...head } = doc;
  const lines = features.map((f) => JSON.stringify(f));
  const top = JSON.stringify(head).slice(0, -1);
  return `${top},"features":[\n${lines.join(',\n')}\n]}\n`;
}
