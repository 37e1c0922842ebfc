/**
 * The offline basemap as files made at build time (src/cli/basemap-assets.ts) and the country outlines
 * read from them on the page (src/app/map/country-shapes.ts): the same layers as the conversion in the
 * browser gave, coordinates rounded far below a pixel.
 */
import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { booleanPointInPolygon } from '@turf/turf';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { worldLayers } from '../../src/core/basemap/world';
import { ensureBasemapFiles } from '../../src/cli/basemap-assets';
import { CountryShapes } from '../../src/app/map/country-shapes';

const require = createRequire(import.meta.url);
const topology = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const world = worldLayers(topology);
const dir = ensureBasemapFiles();
const read = <T>(name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T;

describe('basemap files', () => {
  test('land, borders and labels are the world layers, to 1e-5 degrees', () => {
    const land = read<FeatureCollection>('land.geojson');
    expect(land.features.length).toBe(world.land.features.length);
    const first = (world.land.features[0].geometry.coordinates as number[][][][] | number[][][]).flat(3) as number[];
    const written = (land.features[0].geometry as { coordinates: unknown[] }).coordinates.flat(3) as number[];
    expect(written.length).toBe(first.length);
    for (let i = 0; i < first.length; i += 97) expect(Math.abs(written[i] - first[i])).toBeLessThanOrEqual(5e-6);
    const labels = read<FeatureCollection>('labels.geojson');
    expect(labels.features.map((f) => f.properties?.name)).toEqual(world.labels.features.map((f) => f.properties.name));
    const borders = read<FeatureCollection>('borders.geojson');
    expect(borders.features[0].geometry.type).toBe('MultiLineString');
  });

  test('country outlines are keyed by ISO alpha-2 and converted when first asked for', () => {
    const shapes = new CountryShapes(read<Topology>('countries.topo.json'));
    expect(shapes.size, 'nothing converted up front').toBe(0);
    expect(shapes.has('IQ')).toBe(true);
    const iraq = shapes.get('IQ')!;
    expect(iraq.type).toMatch(/Polygon/);
    expect(shapes.size).toBe(1);
    expect(booleanPointInPolygon([44.4009, 33.3406], iraq)).toBe(true); // Baghdad
    expect(booleanPointInPolygon([51.4215, 35.6944], iraq)).toBe(false); // Tehran
    const fromWorld = world.countries.features.find((f) => f.properties.iso2 === 'IQ')!.geometry;
    expect(iraq).toEqual(fromWorld);
    expect(shapes.get('XX')).toBeUndefined();
  });
});
