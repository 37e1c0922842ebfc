/**
 * Turns Natural Earth's world (as packaged in `world-atlas` TopoJSON) into the GeoJSON layers of the
 * offline basemap: land, country borders (shared edges only, so coastlines are not drawn twice),
 * country shapes keyed by ISO alpha-2 (for country-level events) and one label point per country.
 */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { area, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import countries from 'i18n-iso-countries';

export interface CountryProperties {
  /** ISO 3166-1 alpha-2, '' for territories without one (e.g. N. Cyprus in Natural Earth). */
  iso2: string;
  name: string;
  /** Area in km², used to label the big countries first and the small ones only when zoomed in. */
  area_km2: number;
}

export interface WorldLayers {
  land: FeatureCollection<Polygon | MultiPolygon>;
  borders: Feature<MultiLineString>;
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProperties>;
  labels: FeatureCollection<Point, CountryProperties>;
}

/**
 * Converts a `world-atlas` countries topology into the basemap's GeoJSON layers.
 *
 * @param topology - `world-atlas/countries-50m.json` (or 110m/10m), with `countries` and `land` objects
 * @returns land polygons, interior borders, countries with ISO codes, and label points
 * @example
 * const world = worldLayers(await (await fetch(countriesUrl)).json());
 * world.countries.features.find((f) => f.properties.iso2 === 'IQ');
 */
export function worldLayers(topology: Topology): WorldLayers {
  const countryObject = topology.objects.countries as GeometryCollection<{ name: string }>;
  const landObject = topology.objects.land as GeometryCollection;
  const land = feature(topology, landObject) as unknown as FeatureCollection<Polygon | MultiPolygon>;
  const borders: Feature<MultiLineString> = {
    type: 'Feature',
    properties: {},
    geometry: mesh(topology, countryObject, (a, b) => a !== b),
  };
  const shapes = feature(topology, countryObject) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const countryFeatures: Feature<Polygon | MultiPolygon, CountryProperties>[] = [];
  const labels: Feature<Point, CountryProperties>[] = [];
  for (const shape of shapes.features) {
    if (!shape.geometry) continue;
    const iso2 = shape.id === undefined ? '' : (countries.numericToAlpha2(String(shape.id)) ?? '');
    const properties: CountryProperties = {
      iso2,
      name: shape.properties?.name ?? '',
      area_km2: Math.round(area(shape) / 1e6),
    };
    countryFeatures.push({ type: 'Feature', id: shape.id, properties, geometry: shape.geometry });
    labels.push({ type: 'Feature', properties, geometry: labelPoint(shape.geometry) });
  }
  labels.sort((a, b) => b.properties.area_km2 - a.properties.area_km2);
  return {
    land,
    borders,
    countries: { type: 'FeatureCollection', features: countryFeatures },
    labels: { type: 'FeatureCollection', features: labels },
  };
}

/** A point inside the largest part of a country, near its centre of mass (France's label stays in Europe). */
export function labelPoint(geometry: Polygon | MultiPolygon): Point {
  const parts: Polygon[] =
    geometry.type === 'Polygon'
      ? [geometry]
      : geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  let largest = parts[0];
  let largestArea = -1;
  for (const part of parts) {
    const a = area(part);
    if (a > largestArea) [largest, largestArea] = [part, a];
  }
  const centre = centerOfMass(largest);
  if (booleanPointInPolygon(centre, largest)) return centre.geometry;
  return pointOnFeature(largest).geometry;
}
