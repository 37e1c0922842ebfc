/**
 * The pure gazetteer builder on a small hand-made world: which airports are kept, how areas and
 * countries are named, the population cut, and the union behind composed areas.
 */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { area } from '@turf/turf';
import { buildGazetteerData, type Admin1Properties, type AirportRecord, type CityRecord } from '../../src/core/gazetteer/build';
import { Gazetteer, nameKey } from '../../src/core/gazetteer/index';

/** A square [x, y] → [x + size, y + size] as a polygon. */
const square = (x: number, y: number, size = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

/** One country, Iraq, as a 4°×4° square TopoJSON (arcs in absolute coordinates, no transform). */
const countries: Topology = {
  type: 'Topology',
  arcs: [[[40, 30], [44, 30], [44, 34], [40, 34], [40, 30]]],
  objects: { countries: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: '368', properties: { name: 'Iraq' } }] } },
};

const governorate = (code: string, name: string, shape: Polygon): FeatureCollection<Polygon | MultiPolygon, Admin1Properties>['features'][number] => ({
  type: 'Feature',
  properties: { id: `adm1:IQ-${code}`, name, country: 'IQ', code, kind: 'Governorate', alt: [] },
  geometry: shape,
});

const cities: CityRecord[] = [
  { id: 98182, name: 'Baghdad', country: 'IQ', admin1: '07', feature: 'PPLC', population: 7216000, lon: 44.4, lat: 33.34 },
  { id: 95446, name: 'Erbil', country: 'IQ', admin1: '11', feature: 'PPLA', population: 932800, lon: 44.01, lat: 36.19 },
  { id: 1, name: 'Smallville', country: 'IQ', admin1: '07', feature: 'PPL', population: 1200, lon: 42, lat: 31 },
];

const airport = (ident: string, type: string, name: string, scheduled: boolean, keywords = ''): AirportRecord => ({
  ident, type, name, lat: 33.26, lon: 44.23, country: 'IQ', municipality: 'Baghdad', scheduled, keywords,
});

function build(minPopulation = 0) {
  return buildGazetteerData({
    cities,
    airports: [
      airport('ORBI', 'large_airport', 'Baghdad International Airport', true, 'BIAP, Saddam International Airport, Black Sea'),
      airport('ORAA', 'medium_airport', 'Al Asad Air Base', false),
      airport('XXXX', 'small_airport', 'Some Strip', true),
      airport('YYYY', 'medium_airport', 'Private Field', false),
    ],
    countries,
    countryNames: [{ alpha2: 'IQ', numeric: '368', names: ['Iraq', 'Republic of Iraq'] }],
    admin1: {
      type: 'FeatureCollection',
      features: [
        governorate('DA', 'Duhok', square(42, 36)),
        governorate('AR', 'Erbil', square(43, 36)),
        governorate('SU', 'Sulaymaniyah', square(44, 35)),
        governorate('AN', 'Anbar', square(40, 32)),
      ],
    },
    commonWords: ['smallville', 'unused'],
    minPopulation,
    sources: ['test'],
  });
}

describe('buildGazetteerData', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
  });

  it('keeps scheduled large/medium airports and air bases, with their other names', () => {
    const data = build();
    const ids = data.places.id.filter((id) => id.startsWith('ap:'));
    expect(ids).toEqual(['ap:ORAA', 'ap:ORBI']);
    const g = Gazetteer.fromData(data);
    expect(g.lookup('Saddam International Airport')[0]?.place.id).toBe('ap:ORBI');
    expect(g.lookup('Baghdad airport')[0]?.place.id).toBe('ap:ORBI');
    expect(g.lookup('Black Sea')).toEqual([]); // a keyword that is not the airport's name
  });

  it('names an area after its big city "X Governorate" and keeps other bare names', () => {
    const g = Gazetteer.fromData(build());
    expect(g.get('adm1:IQ-AR')?.name).toBe('Erbil Governorate');
    expect(g.get('adm1:IQ-AN')?.name).toBe('Anbar');
    expect(g.lookup('Erbil province').map((e) => e.place.id)).toEqual(['adm1:IQ-AR']);
    expect(g.lookup('Erbil').map((e) => e.place.id)).toEqual(['gn:95446', 'adm1:IQ-AR']);
  });

  it('unions member governorates into the Kurdistan Region', () => {
    const g = Gazetteer.fromData(build());
    const region = g.geometry('rg:kurdistan-region')!;
    const members = ['adm1:IQ-DA', 'adm1:IQ-AR', 'adm1:IQ-SU'].map((id) => area(g.geometry(id)!));
    expect(area(region)).toBeCloseTo(members.reduce((a, b) => a + b, 0), -6);
    expect(g.get('rg:northern-iraq')).toBeUndefined(); // its members are not all in this small world
  });

  it('names countries by their common name and drops cities under the cut except seats', () => {
    const data = build(5000);
    const g = Gazetteer.fromData(data);
    expect(g.get('cc:IQ')).toMatchObject({ name: 'Iraq', precision: 'country' });
    expect(g.get('gn:1')).toBeUndefined();
    expect(g.get('gn:98182')).toBeDefined();
    expect(data.commonWords).toEqual([]); // only words that name a kept place
    expect(build(0).commonWords).toEqual(['smallville']);
  });
});

describe('nameKey', () => {
  it('ignores case, diacritics, apostrophes, dots and hyphens', () => {
    expect(nameKey('Île-de-France')).toBe('ile de france');
    expect(nameKey('U.S.')).toBe('us');
    expect(nameKey('Sana’a')).toBe('sanaa');
    // Letters with no Unicode decomposition, as English copy spells them.
    expect(nameKey('Doğubayazıt')).toBe('dogubayazit');
    expect(nameKey('Østfold')).toBe('ostfold');
    expect(nameKey('Łódź')).toBe('lodz');
    expect(nameKey('  São   Paulo ')).toBe('sao paulo');
  });
});
