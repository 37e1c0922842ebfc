/**
 * GeoJSON files → Dateline events. Dateline's own exports (features carrying EventProperties) load as
 * they were; any other FeatureCollection is read like a table whose columns are the property names, with
 * the geometry giving the coordinates.
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, Geometry, Position } from 'geojson';
import type { DatelineEvent, EventProperties, EventSource, Issue, PlacePrecision } from '../types';
import { eventPropertiesProblem } from '../eventcheck';
import { detectColumns } from './columns';
import { importedLayer, rowToEvent, type RowContext } from './rows';
import { encodeCells } from './kept-columns';
import type { DateOrder } from './dates';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number');

/**
 * The positions of a geometry whose shape has been checked (RFC 7946 §3.1), or why its shape is wrong:
 * a file may hold anything where a geometry should be (`coordinates: null`, `[null]` rings, a `Circle`).
 */
function positionsOrProblem(geometry: unknown, depth = 0): Position[] | string {
  if (!geometry || typeof geometry !== 'object' || Array.isArray(geometry)) return 'geometry is not an object';
  const g = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (g.type === undefined || g.type === null) return 'geometry has no type';
  if (typeof g.type !== 'string' || !GEOMETRY_TYPES.has(g.type)) return `geometry type ${JSON.stringify(g.type)} is not a GeoJSON geometry type`;
  if (g.type === 'GeometryCollection') {
    if (!Array.isArray(g.geometries)) return 'GeometryCollection has no list of geometries';
    if (depth > 0) return 'GeometryCollection inside a GeometryCollection';
    const all: Position[] = [];
    for (const [i, member] of g.geometries.entries()) {
      const result = positionsOrProblem(member, depth + 1);
      if (typeof result === 'string') return `geometries[${i + 1}]: ${result}`;
      all.push(...result);
    }
    return all;
  }
  const c = g.coordinates;
  if (!Array.isArray(c)) return `${g.type} coordinates are not a list`;
  const list = (value: unknown, what: string, min: number): Position[] | string => {
    if (!Array.isArray(value)) return `a ${what} is not a list of positions`;
    if (value.length < min) return `a ${what} has ${value.length} positions, fewer than ${min}`;
    return value.every(isPosition) ? value : `a ${what} has a position that is not [longitude, latitude]`;
  };
  const lists = (value: unknown, what: string, min: number): Position[] | string => {
    const all: Position[] = [];
    for (const item of value as unknown[]) {
      const result = list(item, what, min);
      if (typeof result === 'string') return result;
      all.push(...result);
    }
    return all;
  };
  switch (g.type) {
    case 'Point':
      return isPosition(c) ? [c] : 'Point coordinates are not a position [longitude, latitude]';
    case 'MultiPoint':
      return list(c, 'MultiPoint', 0);
    case 'LineString':
      return list(c, 'LineString', 2);
    case 'MultiLineString':
      return lists(c, 'line', 2);
    case 'Polygon':
      return lists(c, 'polygon ring', 4);
    default: {
      // MultiPolygon
      const all: Position[] = [];
      for (const polygon of c) {
        if (!Array.isArray(polygon)) return 'a polygon of the MultiPolygon is not a list of rings';
        const result = lists(polygon, 'polygon ring', 4);
        if (typeof result === 'string') return result;
        all.push(...result);
      }
      return all;
    }
  }
}

/** Why a geometry cannot be drawn, or null when it can. */
function geometryProblem(geometry: Geometry | null | undefined): string | null {
  if (!geometry) return 'has no geometry';
  const all = positionsOrProblem(geometry);
  if (typeof all === 'string') return all;
  if (all.length === 0) return 'has an empty geometry';
  for (const [lon, lat] of all) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'has a coordinate that is not a number';
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return `has a coordinate [${lon}, ${lat}] outside the world`;
  }
  if (geometry.type === 'Point' && all[0][0] === 0 && all[0][1] === 0) {
    return 'is at 0,0, a placeholder for missing data, not a place';
  }
  return null;
}

function isDatelineShaped(props: Record<string, unknown>): boolean {
  return typeof props.id === 'string' && 'date_start' in props && 'time_precision' in props && Array.isArray(props.sources);
}

/** A feature of the app's export from `dateline-events/2` on: the events.csv names (src/core/io/export.ts). */
function isExportShaped(props: Record<string, unknown>): boolean {
  return typeof props.event_id === 'string' && 'event_date' in props && 'event_type' in props && Array.isArray(props.sources);
}

/**
 * A `dateline-events/2` feature in the `dateline-events/1` shape the app works with; what does not
 * belong there is dropped (`country_name` and `source_count` follow from the rest). A travel line
 * becomes the destination point again (the origin is in `origin`).
 */
function fromExported(feature: Feature<Geometry, Record<string, unknown>>): Feature<Geometry, Record<string, unknown>> {
  const e = feature.properties;
  const p: Record<string, unknown> = {
    id: e.event_id, type: e.event_type, title: e.title, date_start: e.event_date, date_end: e.end_date,
    time_precision: e.time_precision, place_name: e.location, place_id: e.place_id, place_precision: e.place_precision,
    geo_precision: e.geo_precision, country: e.country, lon: e.longitude, lat: e.latitude, actors: e.actors,
    sources: e.sources, conflicts: e.conflicts, notes: e.notes, layer: e.layer,
  };
  if (e.source_type !== undefined) p.source_type = e.source_type;
  if (e.planned === true) p.planned = true;
  if (Array.isArray(e.targets) || Array.isArray(e.commenters)) {
    const targets = Array.isArray(e.targets) ? e.targets : [];
    const actors = Array.isArray(e.actors) ? e.actors : [];
    p.roles = { acted: actors.filter((a) => !targets.includes(a)), targets, commenters: Array.isArray(e.commenters) ? e.commenters : [] };
  }
  const origin = e.origin as Record<string, unknown> | null | undefined;
  if (origin != null) {
    p.origin = typeof origin === 'object' ? { name: origin.location, place_id: origin.place_id, lon: origin.longitude, lat: origin.latitude } : origin;
  }
  if (e.columns != null && typeof e.columns === 'object' && !Array.isArray(e.columns)) {
    const entries = Object.entries(e.columns as Record<string, unknown>);
    p.columns = { header: Object.freeze(entries.map(([name]) => name)), row: encodeCells(entries.map(([, value]) => (typeof value === 'string' ? value : cellText(value)))) };
  }
  if (Array.isArray(e.corrections)) {
    // A reader's corrections (data/README.md "Corrections"): kept when well formed, as text only.
    const fields = ['place', 'date', 'type', 'rejected'];
    p.corrections = e.corrections
      .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && fields.includes((c as Record<string, unknown>).field as string))
      .map((c) => ({ field: c.field, from: text(c.from), to: text(c.to), at: text(c.at) }));
  }
  let geometry = feature.geometry;
  if (geometry?.type === 'LineString' && p.origin && typeof p.lon === 'number' && typeof p.lat === 'number') {
    geometry = { type: 'Point', coordinates: [p.lon, p.lat] };
  }
  return { ...feature, geometry, properties: p };
}

function normalizeSource(value: unknown): EventSource | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Partial<EventSource>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    file: str(s.file),
    outlet: str(s.outlet),
    url: str(s.url),
    published: str(s.published),
    title: str(s.title),
    quote: str(s.quote),
    start: Number.isInteger(s.start) ? (s.start as number) : 0,
    end: Number.isInteger(s.end) ? (s.end as number) : 0,
    highlights: Array.isArray(s.highlights) ? s.highlights : [],
    date: typeof s.date === 'string' ? s.date : null,
    place_name: str(s.place_name),
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

const geoFromPlacePrecision = (precision: PlacePrecision): 1 | 2 | 3 => (precision === 'country' ? 3 : precision === 'region' ? 2 : 1);

/** Checks a Dateline-shaped feature; returns the event with its layer set, or the reason it is unusable. */
function datelineFeature(feature: Feature<Geometry, Record<string, unknown>>, layer: string): DatelineEvent | string {
  const p = feature.properties;
  // Without lon/lat the point comes from the geometry (below).
  const problem = eventPropertiesProblem(p, { lonLat: 'optional' });
  if (problem) return problem;
  const sources = (p.sources as unknown[]).map(normalizeSource);
  let { lon, lat } = p as { lon: unknown; lat: unknown };
  if (typeof lon !== 'number' || typeof lat !== 'number') {
    const point = pointOnFeature(feature).geometry.coordinates;
    [lon, lat] = point;
  }
  const properties: EventProperties = {
    ...(p as unknown as EventProperties),
    lon: lon as number,
    lat: lat as number,
    // eventPropertiesProblem has checked the types of what is present; absent members read as empty.
    place_name: text(p.place_name),
    place_id: text(p.place_id),
    country: text(p.country),
    notes: text(p.notes),
    geo_precision: (p.geo_precision as EventProperties['geo_precision'] | undefined) ?? geoFromPlacePrecision(p.place_precision as PlacePrecision),
    actors: Array.isArray(p.actors) ? (p.actors as string[]) : [],
    conflicts: Array.isArray(p.conflicts) ? (p.conflicts as string[]) : [],
    sources: sources as EventSource[],
    layer,
  };
  return { type: 'Feature', geometry: feature.geometry, properties };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export interface GeoJsonImport {
  events: DatelineEvent[];
  issues: Issue[];
}

/**
 * Reads a GeoJSON text. Features are numbered from 1 in messages ("feature 3: …").
 * @param text - the file's text
 * @param fileName - names the imported layer (`imported:<fileName>`)
 * @example importGeoJson(await file.text(), file.name).events
 */
export function importGeoJson(text: string, fileName: string, dateOrder: DateOrder = 'auto'): GeoJsonImport {
  const issues: Issue[] = [];
  const fail = (message: string, line?: number) => issues.push({ file: fileName, line, message, severity: 'error' });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(`not valid JSON: ${(error as Error).message}`);
    return { events: [], issues };
  }
  const root = json as { type?: string; features?: unknown };
  const features: unknown[] =
    root?.type === 'FeatureCollection' && Array.isArray(root.features) ? root.features : root?.type === 'Feature' ? [root] : [];
  if (features.length === 0) {
    fail(root?.type === 'FeatureCollection' || root?.type === 'Feature' ? 'the file has no features' : 'not a GeoJSON Feature or FeatureCollection');
    return { events: [], issues };
  }
  const layer = importedLayer(fileName);
  const events: DatelineEvent[] = [];
  const seen = new Map<string, number>();
  const contexts = new Map<string, RowContext>();
  const readFeature = (value: unknown, n: number) => {
    const feature = value as Feature<Geometry, Record<string, unknown> | null>;
    if (!feature || feature.type !== 'Feature') return fail(`feature ${n}: not a GeoJSON Feature`, n);
    if (feature.properties != null && (typeof feature.properties !== 'object' || Array.isArray(feature.properties))) {
      return fail(`feature ${n}: properties is not an object`, n);
    }
    const props = feature.properties ?? {};
    let event: DatelineEvent | string;
    if (isDatelineShaped(props) || isExportShaped(props)) {
      const problem = geometryProblem(feature.geometry);
      const v1 = isDatelineShaped(props) ? (feature as Feature<Geometry, Record<string, unknown>>) : fromExported(feature as Feature<Geometry, Record<string, unknown>>);
      event = problem ? problem : datelineFeature(v1, layer);
    } else {
      // Read the properties as a table row; a drawable geometry supplies the coordinates.
      const keys = Object.keys(props);
      const cells = keys.map((k) => cellText(props[k]));
      const problem = feature.geometry ? geometryProblem(feature.geometry) : null;
      if (problem) return fail(`feature ${n}: ${problem}`, n);
      const signature = keys.join('\u0000');
      let ctx = contexts.get(signature);
      if (!ctx) {
        const detected = detectColumns(keys);
        // Every property is kept with the event, as a table's columns are (the coordinates appended below are not).
        ctx = { fileName, kind: 'generic', mapping: detected.mapping, dateOrder, unknownTypes: new Map(), header: Object.freeze([...keys]), kept: keys.map((_, i) => i) };
        contexts.set(signature, ctx);
      }
      let rowCtx = ctx;
      if (feature.geometry) {
        const [lon, lat] = feature.geometry.type === 'Point' ? feature.geometry.coordinates : pointOnFeature(feature as Feature).geometry.coordinates;
        cells.push(String(lat), String(lon));
        rowCtx = { ...ctx, mapping: { ...ctx.mapping, latitude: keys.length, longitude: keys.length + 1 } };
      }
      event = rowToEvent(cells, n, rowCtx);
      if (typeof event !== 'string' && feature.geometry) event.geometry = feature.geometry;
    }
    if (typeof event === 'string') return fail(`feature ${n}: ${event}`, n);
    const first = seen.get(event.properties.id);
    if (first !== undefined) return fail(`feature ${n}: id "${event.properties.id}" repeats feature ${first}`, n);
    seen.set(event.properties.id, n);
    events.push(event);
  };
  features.forEach((value, index) => {
    const n = index + 1;
    // The checks above should leave nothing to throw on; should one be missed, it costs this feature only.
    try {
      readFeature(value, n);
    } catch (error) {
      fail(`feature ${n}: could not be read (${(error as Error).message})`, n);
    }
  });
  for (const ctx of contexts.values()) {
    for (const [wording, rows] of ctx.unknownTypes) {
      issues.push({ file: fileName, message: `event type "${wording}" (features ${rows.slice(0, 3).join(', ')}${rows.length > 3 ? ' …' : ''}) is not in Dateline's taxonomy; shown as Statement`, severity: 'warning' });
    }
  }
  return { events, issues };
}
