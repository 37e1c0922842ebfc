/**
 * What the map draws for each event, split by how precisely it is placed. Only the few properties
 * the layers style and filter on go to the map (the popup reads the full event from the store), and
 * `t0`/`t1` day numbers are computed once here, so a time-slider step only changes a filter.
 */
import { greatCircle } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { DatelineEvent, PlacePrecision } from '../../core/types';
import type { EventType } from '../../core/taxonomy';
import { dayNumberProperties } from '../../core/timewindow';
import type { CountryProperties } from '../../core/basemap/world';

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
}

export interface PlaceLabelProperties {
  place: string;
  /** Events at this place (all times), so busier places win label collisions. */
  n: number;
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
  const data: EventMapData = {
    points: collection(),
    areas: collection(),
    countries: collection(),
    arcs: collection(),
    places: { type: 'FeatureCollection', features: [] },
  };
  const places = new Map<string, Feature<Point, PlaceLabelProperties>>();
  for (const event of events) {
    const p = event.properties;
    const properties: MapEventProperties = {
      id: p.id,
      type: p.type,
      title: p.title,
      place: p.place_name,
      place_precision: p.place_precision,
      n: p.sources.length,
      layer: p.layer,
      ...dayNumberProperties(p),
    };
    const geometry = event.geometry;
    const isArea = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
    if (p.place_precision === 'country') {
      const shape = isArea ? (geometry as Polygon | MultiPolygon) : countryShapes.get(p.country);
      if (shape) data.countries.features.push(feature(shape, properties));
      // A country we have no outline for is still coarse: a wide translucent mark, never a dot.
      else data.points.features.push(feature(point(p.lon, p.lat), properties));
    } else if (isArea) {
      data.areas.features.push(feature(geometry as Polygon | MultiPolygon, properties));
    } else {
      const marker = representativePoint(geometry, p.lon, p.lat);
      data.points.features.push(feature(marker, properties));
      const key = `${marker.coordinates[0]},${marker.coordinates[1]},${p.place_name}`;
      const label = places.get(key);
      if (label) label.properties.n++;
      else if (p.place_name) places.set(key, { type: 'Feature', geometry: marker, properties: { place: p.place_name, n: 1 } });
    }
    if (p.origin && (p.origin.lon !== p.lon || p.origin.lat !== p.lat)) {
      // Arcs crossing the antimeridian come back split, as a MultiLineString.
      const arc = greatCircle([p.origin.lon, p.origin.lat], [p.lon, p.lat], { npoints: 64 });
      data.arcs.features.push(feature(arc.geometry, properties));
    }
  }
  data.places.features = [...places.values()];
  return data;
}

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
