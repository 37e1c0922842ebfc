/**
 * The world-wide reference areas (src/core/gazetteer/reference/{admin1,regions}.geojson): first-level
 * areas of every country, continents, seas, ranges, lakes, rivers, the UK's nations and regions composed
 * from countries are places with the right names, shapes and points; words they share are not.
 * Text-level cases are the places fixtures world-regions.txt and region-words-not-places.txt.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../src/core/gazetteer/index';
import { loadGazetteer } from '../../src/cli/gazetteer-node';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
}, 60_000);

/** The ids a name may refer to that are areas (region precision). */
const areas = (name: string) => gazetteer.lookup(name).filter((e) => e.place.precision === 'region').map((e) => e.place.id);

const km = (a: { lat: number; lon: number }, lat: number, lon: number) => {
  const r = Math.PI / 180;
  const h = Math.sin(((lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(lat * r) * Math.sin(((lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};

describe('first-level areas of every country', () => {
  it.each([
    ['Queensland', 'adm1:AU-QL'],
    ['NSW', 'adm1:AU-NS'],
    ['KwaZulu-Natal', 'adm1:ZA-NL'],
    ['Hunan Province', 'adm1:CN-HN'],
    ['Inner Mongolia', 'adm1:CN-NM'],
    ['Dorset County', 'adm1:GB-DS'],
    ['Alberta', 'adm1:CA-AB'],
    ['Uttar Pradesh', 'adm1:IN-UP'],
    ['Nyanza Province', 'adm1:KE-NY'],
    ['Artibonite', 'adm1:HT-AR'],
    ['South Darfur', 'adm1:SD-SOUTHERN-DARFUR'],
    ['Calif.', 'adm1:US-CA'],
    ['Erbil Governorate', 'adm1:IQ-AR'],
  ])('%s is %s', (name, id) => {
    expect(areas(name)).toContain(id);
  });

  it('ties areas to GeoNames admin-1 codes, so cities can be placed in their state', () => {
    // GeoNames codes Queensland "04" and Hunan "11": the cities inside carry them.
    expect(gazetteer.lookup('Queensland').find((e) => e.place.id === 'adm1:AU-QL')?.admin1).toBe('04');
    expect(gazetteer.lookup('Brisbane').find((e) => e.place.country === 'AU')?.admin1).toBe('04');
  });

  it('gives each area its shape, holding its capital', () => {
    const brisbane = gazetteer.lookup('Brisbane').find((e) => e.place.country === 'AU')!.place;
    expect(booleanPointInPolygon([brisbane.lon, brisbane.lat], gazetteer.geometry('adm1:AU-QL')!)).toBe(true);
    const changsha = gazetteer.lookup('Changsha')[0].place;
    expect(booleanPointInPolygon([changsha.lon, changsha.lat], gazetteer.geometry('adm1:CN-HN')!)).toBe(true);
  });

  it('leaves areas named like a big city abroad or like a word of position to their typed name', () => {
    expect(areas('Gaza')).not.toContain('adm1:MZ-GA'); // Gaza, Palestine is a city of 400,000
    expect(areas('Gaza Province')).toContain('adm1:MZ-GA');
    expect(areas('Centre')).toEqual([]);
    expect(areas('Central')).toEqual([]);
    expect(areas('Nord Region').length).toBeGreaterThan(0);
  });
});

describe('continents, seas, ranges, lakes, rivers and composed regions', () => {
  it.each([
    ['Africa', 'ne:continent-africa', 'continent'],
    ['Asia', 'ne:continent-asia', 'continent'],
    ['the Americas', 'ne:continent-americas', 'continent'],
    ['Mediterranean', 'ne:sea-mediterranean-sea', 'sea'],
    ['Atlantic', 'ne:ocean-atlantic-ocean', 'ocean'],
    ['Persian Gulf', 'ne:gulf-persian-gulf', 'gulf'],
    ['Andes', 'ne:range-andes', 'range'],
    ['Himalayas', 'ne:range-himalayas', 'range'],
    ['Sahara', 'ne:desert-sahara', 'desert'],
    ['Sumatra', 'ne:island-sumatra', 'island'],
    ['Lake Victoria', 'ne:lake-lake-victoria', 'lake'],
    ['River Nile', 'ne:river-nile', 'river'],
    ['Scotland', 'ne:unit-sct', 'constituent'],
    ['Middle East', 'un:middle-east', 'group'],
    ['West Africa', 'un:west-africa', 'group'],
    ['Southeast Asia', 'un:southeast-asia', 'group'],
  ])('%s is %s (%s)', (name, id, feature) => {
    const entry = gazetteer.lookup(name).find((e) => e.place.id === id);
    expect(entry?.feature).toBe(feature);
    expect(entry?.place.precision).toBe('region');
  });

  it('has no country for features spanning several, and the country for a nation of the UK', () => {
    expect(gazetteer.get('ne:continent-africa')?.country).toBe('');
    expect(gazetteer.get('ne:unit-eng')).toMatchObject({ name: 'England', country: 'GB', precision: 'region' });
    expect(areas('England')).toEqual(['ne:unit-eng']);
  });

  it('draws areas as shapes and rivers as points on them', () => {
    expect(booleanPointInPolygon([18, 35], gazetteer.geometry('ne:sea-mediterranean-sea')!)).toBe(true);
    expect(booleanPointInPolygon([32.9, -1.1], gazetteer.geometry('ne:lake-lake-victoria')!)).toBe(true);
    expect(gazetteer.geometry('ne:river-nile')).toBeNull();
    const nile = gazetteer.get('ne:river-nile')!;
    expect(nile.lat).toBeGreaterThan(-5);
    expect(nile.lat).toBeLessThan(32);
  });

  it('does not turn common words or postal codes into areas', () => {
    for (const word of ['On', 'To', 'Ms', 'AM', 'Air', 'Union', 'Black', 'Red', 'Indian', 'Southern', 'Ill.', 'Mass.']) {
      expect(areas(word), word).toEqual([]);
    }
  });
});

describe('country points', () => {
  it.each([
    ['cc:US', 40, -100],
    ['cc:CN', 35, 103],
    ['cc:RU', 60, 90],
    ['cc:EG', 27, 30],
  ])('%s lies near the geographic centre (%d, %d)', (id, lat, lon) => {
    expect(km(gazetteer.get(id)!, lat, lon)).toBeLessThan(400);
  });
});
