/**
 * Issue 12, finding 3: Dateline-shaped GeoJSON features whose properties break the schema (data/README.md) are reported one by one with their
 * number and reason; every other feature still loads. The feature texts are written for these tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/core/io/import';
import { exportEventsCsv as eventsCsv } from '../../src/core/io/export';

function collection(features: unknown[]) {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('finding 3: Dateline-shaped properties are checked against the schema', () => {
  const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/io/events.geojson'), 'utf8'));
  const base = fixture.features[0];
  const withProps = (id: string, change: (p: Record<string, any>) => void) => {
    const properties = structuredClone(base.properties);
    properties.id = id;
    change(properties);
    return { ...base, properties };
  };
  const cases: [string, (p: Record<string, any>) => void, RegExp][] = [
    ['null in highlights', (p) => (p.sources[1].highlights = [null]), /sources\[2\]: highlights\[1\]/],
    ['highlight with a string offset', (p) => (p.sources[1].highlights = [{ start: '1', end: 3, kind: 'date' }]), /highlights\[1\]/],
    ['object in actors', (p) => (p.actors = ['Ali Shamkhani', { name: 'x' }]), /actors\[2\] is not text/],
    ['actors not a list', (p) => (p.actors = 'Ali Shamkhani'), /actors is not a list/],
    ['object as notes', (p) => (p.notes = { text: 'x' }), /notes is not text/],
    ['object as country', (p) => (p.country = { code: 'IR' }), /country is not text/],
    ['object in conflicts', (p) => (p.conflicts = [{}]), /conflicts\[1\] is not text/],
    ['object as place_name', (p) => (p.place_name = ['Tehran']), /place_name is not text/],
    ['object as a source quote', (p) => (p.sources[0].quote = { text: 'x' }), /sources\[1\]: quote is not text/],
    ['end before start', (p) => ((p.date_start = '2021-04-12'), (p.date_end = '2021-04-01')), /date_end 2021-04-01 is before date_start 2021-04-12/],
    ['geo_precision 7', (p) => (p.geo_precision = 7), /geo_precision/],
    ['origin without a name', (p) => (p.origin = { lon: 44, lat: 33, name: {}, place_id: '' }), /origin/],
  ];
  for (const [what, change, reason] of cases) {
    it(`${what}: reported, the other features load`, () => {
      const result = importText('schema.geojson', collection([withProps('bad', change), base]));
      expect(result.events.map((e) => e.properties.id)).toEqual([base.properties.id]);
      expect(result.issues.map((i) => i.line)).toEqual([1]);
      expect(result.issues[0].message).toMatch(/^feature 1: /);
      expect(result.issues[0].message).toMatch(reason);
    });
  }

  it('a missing notes, country or place_id reads as empty text, never "undefined"', () => {
    const result = importText('old.geojson', collection([withProps('old', (p) => { delete p.notes; delete p.country; delete p.place_id; delete p.conflicts; })]));
    expect(result.issues).toEqual([]);
    const p = result.events[0].properties;
    expect([p.notes, p.country, p.place_id, p.conflicts]).toEqual(['', '', '', []]);
    expect(eventsCsv(result.events)).not.toMatch(/undefined|\[object Object\]/);
  });

  it('no export of an accepted feature contains [object Object]', () => {
    const features = cases.map(([, change], i) => withProps(`c${i}`, change));
    const result = importText('schema.geojson', collection(features));
    expect(eventsCsv(result.events)).not.toContain('[object Object]');
  });
});
