/**
 * The gazetteer's data and the seed expectations of issue 2: Tehran is a city, the strike was at
 * Baghdad International Airport (its own coordinates), the Kurdistan Region is the union of three
 * governorates, "northern Iraq" is an area, and the seeds produce no stray places.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { area, booleanPointInPolygon, point } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { Gazetteer, GEO_PRECISION, type GazetteerData } from '../../src/core/gazetteer/index';
import { findPlaces } from '../../src/core/places';
import { gzipSync } from 'node:zlib';
import { encodeCompactGazetteer } from '../../src/core/gazetteer/compact';
import { buildNodeGazetteerData, cachedGazetteerFile, loadGazetteer } from '../../src/cli/gazetteer-node';
import { browserGazetteerData } from '../../src/cli/build-gazetteer';

const seeds = path.resolve(import.meta.dirname, '../../seeds');
const seedFiles = readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort();
const seedText = (file: string) => readFileSync(path.join(seeds, file), 'utf8');

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
}, 60_000);

describe('gazetteer data', () => {
  it('holds cities, airports, countries and regions with their precision', () => {
    expect(gazetteer.get('gn:112931')).toMatchObject({ name: 'Tehran', precision: 'city', country: 'IR' });
    expect(gazetteer.get('ap:ORBI')).toMatchObject({ precision: 'site', country: 'IQ', lat: 33.2625, lon: 44.2346 });
    expect(gazetteer.get('cc:IQ')).toMatchObject({ name: 'Iraq', precision: 'country' });
    expect(gazetteer.get('adm1:IQ-AR')).toMatchObject({ name: 'Erbil Governorate', precision: 'region' });
    expect(gazetteer.get('rg:kurdistan-region')).toMatchObject({ name: 'Kurdistan Region', precision: 'region' });
    expect(gazetteer.get('nope:1')).toBeUndefined();
    expect(GEO_PRECISION).toEqual({ site: 1, city: 1, region: 2, country: 3 });
  });

  it('resolves aliases and refuses non-places', () => {
    for (const name of ['Arbil', 'Irbil', 'Hewler', 'Erbil']) expect(gazetteer.lookup(name)[0]?.place.id).toBe('gn:95446');
    for (const name of ['US', 'U.S.', 'United States', 'America']) {
      expect(gazetteer.lookup(name).map((e) => e.place.id)).toContain('cc:US');
    }
    for (const name of ['Iraqi Kurdistan', 'Kurdistan region', 'the Kurdish region'.slice(4)]) {
      expect(gazetteer.lookup(name).map((e) => e.place.id)).toEqual(['rg:kurdistan-region']);
    }
    for (const name of ['ISIS', 'Daesh', 'Iraqi', 'Iranian', 'Kurdish']) expect(gazetteer.lookup(name)).toEqual([]);
  });

  it('makes the Kurdistan Region the union of the Duhok, Erbil and Sulaymaniyah governorates', () => {
    const region = gazetteer.geometry('rg:kurdistan-region');
    expect(region).not.toBeNull();
    const members = ['adm1:IQ-DA', 'adm1:IQ-AR', 'adm1:IQ-SU'].map((id) => gazetteer.geometry(id)!);
    const sum = members.reduce((total, shape) => total + area(shape), 0);
    expect(area(region!)).toBeGreaterThan(sum * 0.99);
    expect(area(region!)).toBeLessThan(sum * 1.01);
    for (const id of ['gn:95446', 'gn:96994', 'gn:98463']) {
      const city = gazetteer.get(id)!;
      expect(booleanPointInPolygon(point([city.lon, city.lat]), region!), id).toBe(true);
    }
    const mosul = gazetteer.get('gn:99072')!;
    expect(booleanPointInPolygon(point([mosul.lon, mosul.lat]), region!)).toBe(false);
  });

  it('makes northern Iraq an area holding Mosul and Kirkuk but not Baghdad', () => {
    const north = gazetteer.geometry('rg:northern-iraq')!;
    const inside = (id: string) => {
      const place = gazetteer.get(id)!;
      return booleanPointInPolygon(point([place.lon, place.lat]), north);
    };
    expect(inside('gn:99072')).toBe(true);
    expect(inside('gn:94787')).toBe(true);
    expect(inside('gn:98182')).toBe(false);
  });

  it('cuts directional parts out of a country: northern Syria holds Aleppo, not Damascus', () => {
    const north = gazetteer.geometry('rg:SY-north')!;
    expect(gazetteer.get('rg:SY-north')).toMatchObject({ name: 'northern Syria', precision: 'region', country: 'SY' });
    const inside = (id: string) => {
      const place = gazetteer.get(id)!;
      return booleanPointInPolygon(point([place.lon, place.lat]), north);
    };
    expect(inside('gn:170063')).toBe(true); // Aleppo
    expect(inside('gn:170654')).toBe(false); // Damascus
    expect(inside('rg:SY-north')).toBe(true); // its own point lies inside
    expect(gazetteer.get('rg:XX-north')).toBeUndefined();
  });

  it('gives countries their world-atlas shape and cities none', () => {
    const iraq = gazetteer.geometry('cc:IQ')!;
    expect(iraq.type).toMatch(/Polygon/);
    const baghdad = gazetteer.get('gn:98182')!;
    expect(booleanPointInPolygon(point([baghdad.lon, baghdad.lat]), iraq)).toBe(true);
    expect(gazetteer.geometry('gn:98182')).toBeNull();
    expect(gazetteer.geometry('ap:ORBI')).toBeNull();
  });

  it('refuses data of another format', () => {
    expect(() => Gazetteer.fromData({ format: 'other/9' } as unknown as GazetteerData)).toThrow(/format/);
  });
});

describe('seed articles', () => {
  const mentions = (file: string) => findPlaces(seedText(file), file, gazetteer);

  it('finds Tehran as a city in every report of the meeting', () => {
    for (const file of seedFiles) {
      const tehran = mentions(file).filter((m) => m.text === 'Tehran');
      expect(tehran.length, file).toBeGreaterThan(0);
      for (const m of tehran) expect(m.place).toMatchObject({ id: 'gn:112931', precision: 'city' });
    }
  });

  it('puts the strike at Baghdad International Airport, literally named or not', () => {
    const literal = mentions('001_8222db447d837473.txt').find((m) => m.text === 'Baghdad International Airport');
    expect(literal?.place).toMatchObject({ id: 'ap:ORBI', precision: 'site', lat: 33.2625, lon: 44.2346 });
    const phrase = mentions('002_de4e1af72af0b4ce.txt').find((m) => m.text === 'Iraq’s international airport');
    expect(phrase?.place.id).toBe('ap:ORBI');
  });

  it('finds the Kurdistan Region and northern Iraq as areas', () => {
    const ids = (file: string) => mentions(file).map((m) => m.place.id);
    for (const file of ['001_8222db447d837473.txt', '002_de4e1af72af0b4ce.txt', '003_9a080fc64cc45d3b.txt']) {
      expect(ids(file), file).toContain('rg:kurdistan-region');
      expect(ids(file), file).toContain('rg:northern-iraq');
    }
    expect(ids('004_268e9e5650d1c616.txt')).toContain('rg:kurdistan-region');
  });

  it('produces no stray places: people, groups and demonyms stay off the map', () => {
    const expected = new Set([
      'cc:US', 'cc:IQ', 'cc:IR', 'cc:UA', 'gn:112931', 'gn:98182', 'gn:4140963', 'ap:ORBI',
      'rg:kurdistan-region', 'rg:northern-iraq',
      // "the Middle East" (a region composed from countries, aliases.ts COUNTRY_GROUPS).
      'un:middle-east',
    ]);
    for (const file of seedFiles) {
      for (const m of mentions(file)) expect(expected.has(m.place.id), `${file}: ${m.text} → ${m.place.id}`).toBe(true);
    }
  });

  it('skips chrome spans passed by the cleaning stage', () => {
    const file = '001_8222db447d837473.txt';
    const text = seedText(file);
    const banner = text.indexOf('\n');
    const found = findPlaces(text, file, gazetteer, { ignore: [[0, banner]] });
    expect(found.some((m) => m.place.id === 'cc:UA')).toBe(false);
    expect(found.some((m) => m.place.id === 'ap:ORBI')).toBe(true);
  });
});

describe('built forms', () => {
  it('rebuilds byte-identical data from the same packages (the cache is reproducible)', () => {
    const rebuilt = JSON.stringify(buildNodeGazetteerData());
    expect(rebuilt === readFileSync(cachedGazetteerFile(), 'utf8')).toBe(true);
  }, 60_000);

  it('has a browser form under 2 MB gzipped that resolves the seeds like the Node form', () => {
    const data = browserGazetteerData();
    // What the panel downloads is the compact encoding (writeBrowserGazetteer).
    expect(gzipSync(JSON.stringify(encodeCompactGazetteer(data))).length).toBeLessThan(2 * 1024 * 1024);
    const browser = Gazetteer.fromData(JSON.parse(JSON.stringify(data)) as GazetteerData);
    expect(browser.size).toBeLessThan(gazetteer.size);
    for (const file of seedFiles) {
      const ids = (g: Gazetteer) => findPlaces(seedText(file), file, g).map((m) => `${m.start}:${m.place.id}`);
      expect(ids(browser), file).toEqual(ids(gazetteer));
    }
    expect(browser.geometry('rg:kurdistan-region')).not.toBeNull();
    expect(browser.geometry('cc:IQ')).not.toBeNull();
  }, 60_000);
});
