/**
 * Issue 12, finding 1: broken GeoJSON features are reported one by one with their
 * number and reason; every other feature still loads. The feature texts are written for these tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/core/io/import';

const good = (n: number) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [44 + n / 10, 33 + n / 10] },
  properties: { name: `good ${n}`, date: '2021-04-12' },
});

function collection(features: unknown[]) {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('finding 1: one broken feature does not lose the file', () => {
  const broken: [string, unknown, RegExp][] = [
    ['coordinates null', { type: 'Point', coordinates: null }, /coordinates/],
    ['[null] rings', { type: 'Polygon', coordinates: [null] }, /ring/],
    ['type Circle', { type: 'Circle', coordinates: [44, 33], radius: 10 }, /"Circle" is not a GeoJSON geometry type/],
    ['no type', { coordinates: [44, 33] }, /geometry has no type/],
    ['GeometryCollection with geometries null', { type: 'GeometryCollection', geometries: null }, /geometries/],
    ['a position of one number', { type: 'LineString', coordinates: [[44, 33], [45]] }, /position/],
    ['a ring of two positions', { type: 'Polygon', coordinates: [[[44, 33], [45, 33]]] }, /ring/],
    ['MultiPolygon of strings', { type: 'MultiPolygon', coordinates: ['x'] }, /polygon/],
  ];
  for (const [what, geometry, reason] of broken) {
    it(`${what}: the feature is reported with its number, the others load`, () => {
      const text = collection([good(1), { type: 'Feature', geometry, properties: { name: 'bad' } }, good(2)]);
      const result = importText('broken.geojson', text);
      expect(result.events.map((e) => e.properties.title)).toEqual(['good 1', 'good 2']);
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0].line).toBe(2);
      expect(result.issues[0].message).toMatch(/^feature 2: /);
      expect(result.issues[0].message).toMatch(reason);
      expect(result.rows).toBe(3);
    });
  }

  it('the same geometries on Dateline-shaped features', () => {
    const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/io/events.geojson'), 'utf8'));
    const base = fixture.features[0];
    const features = broken.map(([, geometry], i) => ({ ...base, geometry, properties: { ...base.properties, id: `bad-${i}` } }));
    features.push(base);
    const result = importText('dateline.geojson', collection(features));
    expect(result.events.map((e) => e.properties.id)).toEqual([base.properties.id]);
    expect(result.issues.map((i) => i.line)).toEqual(broken.map((_, i) => i + 1));
  });

  it('properties that are not an object are reported', () => {
    const result = importText('p.geojson', collection([{ ...good(1), properties: 'text' }, { ...good(2), properties: [1, 2] }, good(3)]));
    expect(result.events.map((e) => e.properties.title)).toEqual(['good 3']);
    expect(result.issues.map((i) => i.message)).toEqual([
      'feature 1: properties is not an object',
      'feature 2: properties is not an object',
    ]);
  });
});
