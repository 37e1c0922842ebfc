/**
 * What the map draws for each event, split by how precisely it is placed. Only the few properties
 * the layers style and filter on go to the map (the popup reads the full event from the store), and
 * `t0`/`t1` day numbers are computed once here, so a time-slider step only changes a filter.
 */
import { greatCircle } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { DatelineEvent, PlacePrecision } from '../../core/types';
import { EVENT_TYPES, type EventType } from '../../core/taxonomy';
import { spanOf } from '../../core/eventfilter';
import type { CountryProperties } from '../../core/basemap/world';
import { runToEnd, SLICE_STEP } from '../../core/slicing';

/** Properties of every feature handed to the map. */
export interface MapEventProperties {
  id: string;
  type: EventType;
  title: string;
  /** Place name, drawn as the marker's label. */
  place: string;
  place_precision: PlacePrecision;
  /** Number of sources reporting the event (point size). */
  n: number;
  layer: string;
  /** First/last day number covered; absent when undated. */
  t0?: number;
  t1?: number;
}

export interface EventMapData {
  /** Point events (site, city, region), drawn as markers whose shape tells the precision. */
  points: FeatureCollection<Point, MapEventProperties>;
  /** Area events with their own polygon (e.g. the Kurdistan Region). */
  areas: FeatureCollection<Polygon | MultiPolygon, MapEventProperties>;
  /** Country-level events, drawn as the whole country, hatched: never a precise dot. */
  countries: FeatureCollection<Polygon | MultiPolygon, MapEventProperties>;
  /** Travel: great-circle arcs from `origin` to the event's place. */
  arcs: FeatureCollection<LineString | MultiLineString, MapEventProperties>;
  /**
   * One label point per place of the point events. Kept apart and never filtered: a filter change
   * re-lays out every layer of its source, and text is the costly part of that.
   */
  places: FeatureCollection<Point, PlaceLabelProperties>;
  /**
   * Point events of data layers with {@link DENSE_LAYER_EVENTS} or more events. They are not turned
   * into features here: the map clusters them (DenseLayer.svelte), from the shown ones only.
   */
  dense: DensePoints[];
}

/**
 * From this many events on, a data layer's points are drawn as clusters. Drawing each of 100,000
 * points (and re-filtering them on every slider step) takes the page seconds per frame without a GPU;
 * clusters keep the map responsive, and split into single events as one zooms in.
 */
export const DENSE_LAYER_EVENTS = 10_000;

/** The clustered map source of a large data layer. */
export const denseSourceId = (layer: string) => `events-dense:${layer}`;

/** The point events of one large data layer. */
export interface DensePoints {
  layer: string;
  events: DatelineEvent[];
}

export interface PlaceLabelProperties {
  place: string;
  /** Events at this place (all times), so busier places win label collisions. */
  n: number;
}

/**
 * Longest label the map draws, in UTF-16 code units with the ellipsis. MapLibre lays out a label's glyphs
 * in one buffer segment: a 100,000-character unbroken name overflows it ("opacityVertexArray.length …")
 * and paints a black block. The popup and the list show the full name.
 */
export const MAX_LABEL_CHARS = 40;

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * A place name as the map draws it: unchanged up to {@link MAX_LABEL_CHARS}, else cut between two
 * characters as the reader sees them (never inside a surrogate pair, a flag or an accented letter) and
 * ended with "…".
 * @param name the full place name
 * @returns at most MAX_LABEL_CHARS code units
 * @example labelText('X'.repeat(100_000)) // 39 × 'X' + '…'
 */
export function labelText(name: string): string {
  if (name.length <= MAX_LABEL_CHARS) return name;
  const room = MAX_LABEL_CHARS - 1;
  let end = 0;
  if (graphemes) {
    for (const { index, segment } of graphemes.segment(name)) {
      if (index + segment.length > room) break;
      end = index + segment.length;
    }
  } else {
    for (const ch of name) {
      if (end + ch.length > room) break;
      end += ch.length;
    }
  }
  return `${name.slice(0, end)}…`;
}

/**
 * Splits events into the map's feature collections.
 * @param events validated events
 * @param countryShapes country polygons by ISO alpha-2 (from the basemap's world layers)
 * @returns one collection per kind of layer
 * @example eventMapData(store.all, new Map(world.countries.features.map((f) => [f.properties.iso2, f.geometry])))
 */
export function eventMapData(
  events: readonly DatelineEvent[],
  countryShapes: ReadonlyMap<string, Polygon | MultiPolygon>,
): EventMapData {
  return runToEnd(eventMapDataInSlices(events, countryShapes, Infinity));
}

/**
 * {@link eventMapData} as a generator that yields every `step` events (for `runInSlices`), so a
 * million imported events become features in short tasks.
 */
function* eventMapDataInSlices(
  events: readonly DatelineEvent[],
  countryShapes: ReadonlyMap<string, Polygon | MultiPolygon>,
  step = SLICE_STEP,
  dense = false,
): Generator<void, EventMapData> {
  const data: EventMapData = {
    points: collection(),
    areas: collection(),
    countries: collection(),
    arcs: collection(),
    places: { type: 'FeatureCollection', features: [] },
    dense: [],
  };
  const densePoints: DatelineEvent[] = [];
  const places = new Map<string, Feature<Point, PlaceLabelProperties>>();
  for (let i = 0; i < events.length; i++) {
    if (i > 0 && i % step === 0) yield;
    const p = events[i].properties;
    const geometry = events[i].geometry;
    const isArea = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
    const hasArc = !!p.origin && (p.origin.lon !== p.lon || p.origin.lat !== p.lat);
    // Clustered by the map; their clusters carry counts, so no place labels either (and, unless an
    // arc needs them, no per-event feature properties: a million of them would only be garbage).
    const clustered = dense && p.place_precision !== 'country' && !isArea;
    if (clustered) {
      densePoints.push(events[i]);
      if (!hasArc) continue;
    }
    const properties: MapEventProperties = {
      id: p.id,
      type: p.type,
      title: p.title,
      place: labelText(p.place_name),
      place_precision: p.place_precision,
      n: p.sources.length,
      layer: p.layer,
    };
    // t0/t1 as `dayNumberProperties` makes them, from the span already parsed for the list.
    const span = spanOf(p);
    if (span) {
      properties.t0 = span.start;
      properties.t1 = span.end;
    }
    if (clustered) {
      // Only its arc is drawn here.
    } else if (p.place_precision === 'country') {
      const shape = isArea ? (geometry as Polygon | MultiPolygon) : countryShapes.get(p.country);
      if (shape) data.countries.features.push(feature(shape, properties));
      // A country we have no outline for is still coarse: a wide translucent mark, never a dot.
      else data.points.features.push(feature(point(p.lon, p.lat), properties));
    } else if (isArea) {
      data.areas.features.push(feature(geometry as Polygon | MultiPolygon, properties));
    } else {
      const marker = representativePoint(geometry, p.lon, p.lat);
      data.points.features.push(feature(marker, properties));
      const key = placeKey(marker, p.place_name);
      const label = places.get(key);
      if (label) label.properties.n++;
      else if (p.place_name) places.set(key, { type: 'Feature', geometry: marker, properties: { place: labelText(p.place_name), n: 1 } });
    }
    if (hasArc) {
      // Arcs crossing the antimeridian come back split, as a MultiLineString.
      const arc = greatCircle([p.origin!.lon, p.origin!.lat], [p.lon, p.lat], { npoints: 64 });
      data.arcs.features.push(feature(arc.geometry, properties));
    }
  }
  data.places.features = [...places.values()];
  if (densePoints.length) data.dense.push({ layer: densePoints[0].properties.layer, events: densePoints });
  return data;
}

function placeKey(marker: Point, place: string): string {
  return `${marker.coordinates[0]},${marker.coordinates[1]},${place}`;
}

/** Whether an event is drawn as a country it does not carry the outline of (a point at country precision). */
function needsOutline(event: DatelineEvent): boolean {
  const type = event.geometry.type;
  return event.properties.place_precision === 'country' && type !== 'Polygon' && type !== 'MultiPolygon';
}

const outlineNeeds = new WeakMap<readonly DatelineEvent[], { length: number; needs: boolean }>();

/**
 * Whether any of a layer's events is drawn as a country outline it does not carry itself (memoised per
 * array): only then must the map data wait for the country outlines (country-outlines.ts).
 * @example needsCountryOutlines(store.layers.events) // false for the pipeline's events, which carry polygons
 */
export function needsCountryOutlines(events: readonly DatelineEvent[]): boolean {
  const cached = outlineNeeds.get(events);
  if (cached?.length === events.length) return cached.needs;
  const needs = events.some(needsOutline);
  outlineNeeds.set(events, { length: events.length, needs });
  return needs;
}

/** Per data layer: its map data and the country outlines it was made with. */
const layerCache = new WeakMap<readonly DatelineEvent[], { length: number; shapes: ReadonlyMap<string, unknown>; data: EventMapData }>();

/**
 * The map data of several data layers (each built once per layer array and country outlines, in
 * slices), combined: same features as `eventMapData(layers.flat(), countryShapes)`. A collection only
 * one layer contributes to is that layer's own object, so unchanged sources are not uploaded again.
 * @example runInSlices(layersMapDataInSlices(Object.values(store.layers), shapes), (d) => (data = d))
 */
export function* layersMapDataInSlices(
  layers: readonly (readonly DatelineEvent[])[],
  countryShapes: ReadonlyMap<string, Polygon | MultiPolygon>,
): Generator<void, EventMapData> {
  const parts: EventMapData[] = [];
  for (const events of layers) {
    let cached = layerCache.get(events);
    // Other outlines change nothing for a layer that reads none.
    if (!cached || cached.length !== events.length || (cached.shapes !== countryShapes && needsCountryOutlines(events))) {
      const dense = events.length >= DENSE_LAYER_EVENTS;
      cached = { length: events.length, shapes: countryShapes, data: yield* eventMapDataInSlices(events, countryShapes, SLICE_STEP, dense) };
      layerCache.set(events, cached);
    }
    parts.push(cached.data);
  }
  yield;
  return {
    points: combine(parts.map((d) => d.points)),
    areas: combine(parts.map((d) => d.areas)),
    countries: combine(parts.map((d) => d.countries)),
    arcs: combine(parts.map((d) => d.arcs)),
    places: yield* combinePlaces(parts.map((d) => d.places)),
    dense: parts.flatMap((d) => d.dense),
  };
}

function combine<G extends Geometry, P>(collections: FeatureCollection<G, P>[]): FeatureCollection<G, P> {
  const filled = collections.filter((c) => c.features.length > 0);
  if (filled.length <= 1) return filled[0] ?? collections[0] ?? { type: 'FeatureCollection', features: [] };
  return { type: 'FeatureCollection', features: filled.flatMap((c) => c.features) };
}

/** Place labels of several layers: one per place, its count summed over the layers (first layer's order). */
function* combinePlaces(
  collections: FeatureCollection<Point, PlaceLabelProperties>[],
  step = SLICE_STEP,
): Generator<void, FeatureCollection<Point, PlaceLabelProperties>> {
  const filled = collections.filter((c) => c.features.length > 0);
  if (filled.length <= 1) return filled[0] ?? collections[0] ?? { type: 'FeatureCollection', features: [] };
  const places = new Map<string, Feature<Point, PlaceLabelProperties>>();
  let work = 0;
  for (const collection of filled) {
    for (const f of collection.features) {
      if (++work % step === 0) yield;
      const key = placeKey(f.geometry, f.properties.place);
      const seen = places.get(key);
      // Copies, so each layer's cached labels keep their own counts.
      if (seen) seen.properties.n += f.properties.n;
      else places.set(key, { ...f, properties: { ...f.properties } });
    }
  }
  return { type: 'FeatureCollection', features: [...places.values()] };
}

/**
 * Events per type over several layers, each layer counted once (memoised per array).
 * @example typeCounts(Object.values(store.layers)).meeting
 */
export function typeCounts(layers: readonly (readonly DatelineEvent[])[]): Record<EventType, number> {
  const total = Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>;
  for (const events of layers) {
    const counts = runToEnd(countTypesInSlices(events, Infinity));
    for (const t of EVENT_TYPES) total[t] += counts[t];
  }
  return total;
}

/**
 * One layer's events per type, memoised per array, as a generator yielding every `step` events: an
 * import counts a million events in short tasks before it publishes them, so `typeCounts` is then free.
 */
export function* countTypesInSlices(events: readonly DatelineEvent[], step = SLICE_STEP): Generator<void, Record<EventType, number>> {
  const cached = countCache.get(events);
  if (cached && cached.length === events.length) return cached.byType;
  const byType = Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>;
  for (let i = 0; i < events.length; i++) {
    const type = events[i].properties.type;
    // Own keys only: `in` would count a type named `constructor` onto Object's member.
    if (Object.hasOwn(byType, type)) byType[type]++;
    if ((i + 1) % step === 0) yield;
  }
  countCache.set(events, { length: events.length, byType });
  return byType;
}

const countCache = new WeakMap<readonly DatelineEvent[], { length: number; byType: Record<EventType, number> }>();

/** Country outlines by ISO alpha-2, for {@link eventMapData}. */
export function countryShapesByIso(
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProperties>,
): Map<string, Polygon | MultiPolygon> {
  const shapes = new Map<string, Polygon | MultiPolygon>();
  for (const f of countries.features) if (f.properties.iso2) shapes.set(f.properties.iso2, f.geometry);
  return shapes;
}

function representativePoint(geometry: Geometry, lon: number, lat: number): Point {
  return geometry.type === 'Point' ? geometry : point(lon, lat);
}

function point(lon: number, lat: number): Point {
  return { type: 'Point', coordinates: [lon, lat] };
}

function feature<G extends Geometry>(geometry: G, properties: MapEventProperties): Feature<G, MapEventProperties> {
  return { type: 'Feature', geometry, properties };
}

function collection<G extends Geometry>(): FeatureCollection<G, MapEventProperties> {
  return { type: 'FeatureCollection', features: [] };
}
