/**
 * The compact transport form of the browser gazetteer (src/core/gazetteer/compact.ts, issue 10's size
 * budget): it must give back exactly the data it was made from, and be smaller.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_FORMAT, type GazetteerData } from '../../src/core/gazetteer/index';
import { COMPACT_GAZETTEER_FORMAT, decodeCompactGazetteer, encodeCompactGazetteer, type CompactGazetteerData } from '../../src/core/gazetteer/compact';
import { browserGazetteerData } from '../../src/cli/build-gazetteer';
import { ensureBrowserGazetteer } from '../../src/cli/browser-gazetteer-asset';

/** A small gazetteer with the awkward cases: numbered ids in and out of order, leading zeros, shapes of every kind. */
function sample(): GazetteerData {
  const ids = ['cc:IQ', 'gn:98182', 'gn:98183', 'gn:112931', 'gn:99', 'un:001', 'un:002', 'adm2:US-13311', 'adm2:US-13313', 'ap:ORBI', 'gn:5', 'rg:x'];
  return {
    format: GAZETTEER_FORMAT,
    meta: { sources: ['test'], minPopulation: 0, notes: [] },
    places: {
      id: ids,
      name: ids.map((id) => `Place ${id}`),
      precision: 'ncccccrrrscr',
      country: ids.map(() => 'IQ'),
      admin1: ids.map(() => ''),
      feature: ids.map(() => ''),
      lon: [43.74674, 44.40088, -0.10652, 51.42151, 0, 180, -180, -83.7414, -84.9598, 44.2346, 1e-5, 12.5],
      lat: [32.99329, 33.34058, 51.46593, 35.69439, -0, 90, -90, 34.6564, 34.7823, 33.2625, -1e-5, -0.5],
      population: ids.map((_, i) => i * 1000),
      alt: ids.map((_, i) => (i % 2 ? 'Other|Name' : '')),
    },
    commonWords: ['nice'],
    countries: null,
    shapes: {
      'rg:two-decimals': { type: 'Polygon', coordinates: [[[44.01, 36.2], [45.5, 36.2], [45.5, 37.13], [44.01, 36.2]]] },
      'rg:multi': {
        type: 'MultiPolygon',
        coordinates: [
          [[[-1.2345, 2.5], [-1, 2.5], [-1, 3], [-1.2345, 2.5]], [[-1.1, 2.6], [-1.05, 2.6], [-1.05, 2.7], [-1.1, 2.6]]],
          [[[179.9999, -16], [180, -16], [180, -17], [179.9999, -16]]],
        ],
      },
      // More decimals than the compact form writes as whole numbers: kept as GeoJSON.
      'rg:fine': { type: 'Polygon', coordinates: [[[0.123456789, 0], [1, 0], [1, 1], [0.123456789, 0]]] },
    },
  };
}

describe('compact gazetteer', () => {
  it('gives back exactly the data it was made from, through JSON', () => {
    const data = sample();
    const compact = JSON.parse(JSON.stringify(encodeCompactGazetteer(data))) as CompactGazetteerData;
    expect(compact.compact).toBe(COMPACT_GAZETTEER_FORMAT);
    const back = decodeCompactGazetteer(compact);
    // Equal numbers, not close ones: the pipeline's output prints them.
    expect(back).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it('writes numbered ids after one with the same prefix as differences, and every other id whole', () => {
    const ids = encodeCompactGazetteer(sample()).places.id;
    expect(ids).toEqual(['cc:IQ', 'gn:98182', 1, 112931 - 98183, 'gn:99', 'un:001', 1, 'adm2:US-13311', 2, 'ap:ORBI', 'gn:5', 'rg:x']);
  });

  it('writes coordinates as differences in 10^-5 degrees and keeps a too-fine shape as GeoJSON', () => {
    const compact = encodeCompactGazetteer(sample());
    expect(compact.places.decimals).toBe(5);
    expect(compact.places.lon.slice(0, 2)).toEqual([4374674, 44.40088 * 1e5 - 4374674]);
    expect(compact.shapes['rg:two-decimals']).toEqual([0, 2, [[4401, 3620, 149, 0, 0, 93, -149, -93]]]);
    expect(compact.shapes['rg:fine']).toEqual(sample().shapes['rg:fine']);
  });

  it('refuses data of another format, and a difference with no id before it', () => {
    const compact = encodeCompactGazetteer(sample());
    expect(() => decodeCompactGazetteer({ ...compact, compact: 'other/1' } as unknown as CompactGazetteerData)).toThrow(/format "other\/1"/);
    expect(() => decodeCompactGazetteer({ ...compact, places: { ...compact.places, id: [3, ...compact.places.id.slice(1)] } })).toThrow(/follows no numbered id/);
  });

  it('is the form the build ships: it decodes to the browser gazetteer data, in at most 80% of its gzipped size', () => {
    // What the browser read before the compact form: the data through JSON (which writes -0 as 0).
    const plain = JSON.stringify(browserGazetteerData());
    const shipped = readFileSync(ensureBrowserGazetteer(), 'utf8');
    expect(decodeCompactGazetteer(JSON.parse(shipped) as CompactGazetteerData)).toEqual(JSON.parse(plain));
    expect(gzipSync(shipped).length).toBeLessThan(0.8 * gzipSync(plain).length);
  }, 120_000);
});
