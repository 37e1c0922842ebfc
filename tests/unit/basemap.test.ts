import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon } from '@turf/turf';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { worldLayers } from '../../src/core/basemap/world';
import { adminLineLayers, offlineBasemapStyle, osmBasemapStyle } from '../../src/core/basemap/style';

const require = createRequire(import.meta.url);
const topology = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const world = worldLayers(topology);

describe('worldLayers', () => {
  test('countries carry ISO alpha-2 codes and their area', () => {
    const iraq = world.countries.features.find((f) => f.properties.iso2 === 'IQ');
    expect(iraq?.properties.name).toBe('Iraq');
    expect(iraq!.properties.area_km2).toBeGreaterThan(400_000);
    expect(iraq!.properties.area_km2).toBeLessThan(470_000);
    expect(booleanPointInPolygon([44.4009, 33.3406], iraq!)).toBe(true); // Baghdad
    expect(booleanPointInPolygon([51.4215, 35.6944], iraq!)).toBe(false); // Tehran
  });

  test('each label point lies inside its country, largest country first', () => {
    for (const label of world.labels.features.filter((f) => f.properties.area_km2 > 50_000)) {
      const country = world.countries.features.find((f) => f.properties.name === label.properties.name)!;
      expect(booleanPointInPolygon(label, country), label.properties.name).toBe(true);
    }
    expect(world.labels.features[0].properties.name).toBe('Russia');
  });

  test('borders are the shared edges only', () => {
    expect(world.borders.geometry.type).toBe('MultiLineString');
    expect(world.borders.geometry.coordinates.length).toBeGreaterThan(100);
  });
});

describe('offlineBasemapStyle', () => {
  const style = offlineBasemapStyle({ world });

  test('needs nothing from the network: no glyphs, no sprite, inline data only', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data, 'inline GeoJSON, not a URL').toBe('object');
    }
  });

  test('takes the URLs of the build\'s basemap files as they are (the app\'s own origin)', () => {
    const urls = { land: '/assets/land.geojson', borders: '/assets/borders.geojson', labels: '/assets/labels.geojson' };
    const fromFiles = offlineBasemapStyle({ world: urls });
    expect(Object.values(fromFiles.sources).map((s) => (s as { data: unknown }).data)).toEqual([urls.land, urls.borders, urls.labels]);
    expect(fromFiles.layers.map((l) => l.id)).toEqual(style.layers.map((l) => l.id));
  });

  test('credits Natural Earth and draws water, land, borders and labels in that order', () => {
    expect(JSON.stringify(style.sources)).toContain('Natural Earth');
    expect(style.layers.map((l) => l.id)).toEqual(['water', 'land', 'coastline', 'country-borders', 'country-labels']);
  });

  test('admin lines are added, with their labels, when given', () => {
    const withAdmin = offlineBasemapStyle({ world, adminLines: { type: 'FeatureCollection', features: [] } });
    expect(withAdmin.layers.map((l) => l.id)).toEqual(['water', 'land', 'coastline', 'country-borders', 'admin-lines', 'admin-labels', 'country-labels']);
  });

  test('admin lines added to a map later are the same source and layers as in the style', () => {
    const data: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const withAdmin = offlineBasemapStyle({ world, adminLines: data, adminAttribution: 'NE' });
    const later = adminLineLayers(data, 'NE');
    expect(withAdmin.sources[later.id]).toEqual(later.source);
    expect(withAdmin.layers.filter((l) => l.id.startsWith('admin-'))).toEqual(later.layers);
  });

  test('the online basemap is OpenStreetMap with its credit', () => {
    expect(JSON.stringify(osmBasemapStyle())).toContain('OpenStreetMap');
  });
});
