/**
 * The gazetteer: every place Dateline can put on the map, with a name index for recognition and the
 * area shapes of regions and countries. Pure: built from a plain JSON object (`GazetteerData`) that a
 * Node adapter (src/cli/gazetteer-node.ts) or the browser (compact form) supplies.
 */
import type { Feature, GeoJsonProperties, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Topology, GeometryObject } from 'topojson-specification';
import { feature } from 'topojson-client';
import { area, bbox, bboxClip, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Place, PlacePrecision } from '../types';
import { ADMIN1_TYPES, ALIASES, DIRECTIONS, NOT_PLACES } from './aliases';
import { nameKey } from './normalize';
import { GAZETTEER_FORMAT } from '../formats';

export { nameKey } from './normalize';

/** Version of the `GazetteerData` shape (kept with the other formats); bump when it changes incompatibly. */
export { GAZETTEER_FORMAT } from '../formats';

/** Precision codes used in the columnar data (one character per place). */
const PRECISION_CODES: Record<string, PlacePrecision> = { s: 'site', c: 'city', r: 'region', n: 'country' };
export const PRECISION_CODE: Record<PlacePrecision, string> = { site: 's', city: 'c', region: 'r', country: 'n' };

/** ACLED geo_precision of a place precision: site/city 1, region 2, country 3. */
export const GEO_PRECISION: Record<PlacePrecision, 1 | 2 | 3> = { site: 1, city: 1, region: 2, country: 3 };

/** How exact a place precision is, higher = more exact; used to prefer the most precise place. */
export const PRECISION_RANK: Record<PlacePrecision, number> = { site: 3, city: 2, region: 1, country: 0 };

/**
 * The gazetteer as plain, JSON-serialisable data. Places are stored column by column (index i of every
 * array is one place), which keeps the file small and fast to parse.
 */
export interface GazetteerData {
  format: typeof GAZETTEER_FORMAT;
  /** Where the data came from and which cut was applied; informative only. */
  meta: { sources: string[]; minPopulation: number; notes: string[] };
  places: {
    id: string[];
    name: string[];
    /** One character per place: s(ite) c(ity) r(egion) n(ation). */
    precision: string;
    country: string[];
    /** First-level administrative code as in GeoNames (`TX` for Texas cities), '' when unknown. */
    admin1: string[];
    /** GeoNames feature code for cities (PPLC capital, PPLA admin seat, …), airport type for sites, '' otherwise. */
    feature: string[];
    /** Longitude and latitude, degrees rounded to 5 decimals. */
    lon: number[];
    lat: number[];
    population: number[];
    /** Other names separated by '|' (country names from i18n-iso-countries, airport keywords), '' when none. */
    alt: string[];
  };
  /** Keys of single-word names that are common English words ("nice", "reading"): need place context. */
  commonWords: string[];
  /** Country shapes (world-atlas TopoJSON); each geometry's `id` is the place id (`cc:IQ`). */
  countries: Topology | null;
  /** Area shapes of regions (governorates, states, composed areas), by place id. */
  shapes: Record<string, Polygon | MultiPolygon>;
}

/** A place and the evidence fields the resolver needs but that are not part of the shared `Place`. */
export interface GazetteerEntry {
  index: number;
  place: Place;
  admin1: string;
  feature: string;
}

const NOT_PLACE_KEYS = new Set(NOT_PLACES);
const NONE: readonly number[] = [];

/** The Arabic article at the start of a name key, including its assimilated forms (ar-, as-, ash-, …). */
export const ARABIC_ARTICLE = /^(?:al|el|ar|as|ad|an|at|az|ash|adh|ath) /;
/** Arab League members: where a leading "Al"/"Ar"/… in a town's name is the article. */
const ARABIC_SPEAKING = new Set([
  'AE', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'JO', 'KM', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD',
  'SO', 'SY', 'TN', 'YE',
]);

/** Ids of directional parts of countries: `rg:SY-north`. */
const DIRECTIONAL_ID = /^rg:([A-Z]{2})-(north|south|east|west|northeast|northwest|southeast|southwest|central)$/;

/** The part of the bounding box (fractions [x0, y0, x1, y1]) each direction names. */
const DIRECTION_BOXES: Record<string, [number, number, number, number]> = {
  north: [0, 0.5, 1, 1],
  south: [0, 0, 1, 0.5],
  east: [0.5, 0, 1, 1],
  west: [0, 0, 0.5, 1],
  northeast: [0.5, 0.5, 1, 1],
  northwest: [0, 0.5, 0.5, 1],
  southeast: [0.5, 0, 1, 0.5],
  southwest: [0, 0, 0.5, 0.5],
  central: [0.25, 0.25, 0.75, 0.75],
};

/** "north" → "northern": the adjective used in the area's name (first spelling in DIRECTIONS). */
const DIRECTION_ADJECTIVES: Record<string, string> = {};
for (const [adjective, direction] of Object.entries(DIRECTIONS)) DIRECTION_ADJECTIVES[direction] ??= adjective;

/** The largest polygon of a shape (a country's main landmass). */
function largestPart(shape: Polygon | MultiPolygon): Polygon {
  if (shape.type === 'Polygon') return shape;
  let best: Polygon = { type: 'Polygon', coordinates: shape.coordinates[0] };
  let bestArea = -1;
  for (const coordinates of shape.coordinates) {
    const part: Polygon = { type: 'Polygon', coordinates };
    const size = area(part);
    if (size > bestArea) [best, bestArea] = [part, size];
  }
  return best;
}

/** A point inside a shape: its centroid when inside, else a point on its surface. */
function insidePoint(shape: Polygon | MultiPolygon): [number, number] {
  const main = largestPart(shape);
  const center = centroid(main).geometry.coordinates;
  const point = booleanPointInPolygon(center, main) ? center : pointOnFeature(main).geometry.coordinates;
  return [Math.round(point[0] * 1e5) / 1e5, Math.round(point[1] * 1e5) / 1e5];
}

/**
 * A loaded gazetteer: look up places by id or name, and get the shapes of areas.
 * @example
 * const gazetteer = Gazetteer.fromData(data);
 * gazetteer.get('gn:112931')?.name; // 'Tehran'
 * gazetteer.lookup('Arbil')[0].place.name; // 'Erbil'
 */
export class Gazetteer {
  /** Number of places. */
  readonly size: number;
  /** The largest number of words in any indexed name; bounds the recogniser's look-ahead. */
  readonly maxNameWords: number;

  private readonly data: GazetteerData;
  private readonly byId = new Map<string, number>();
  /** Name key → place index, or indices when several places share the name (most names are unique). */
  private readonly byKey = new Map<string, number | number[]>();
  /** Word prefixes of multi-word names ("baghdad international"), so the recogniser stops early. */
  private readonly prefixes = new Set<string>();
  private byCountry: Map<string, number[]> | null = null;
  /** `placesIn` answers (indices), by country and precision code. */
  private readonly byCountryPrecision = new Map<string, number[]>();
  /** Country code → index of its capital (the first PPLC city), built on first use. */
  private capitals: Map<string, number> | null = null;
  private readonly places: Array<Place | undefined>;
  /** Entries handed out so far (the resolver asks for the same candidates many times per article). */
  private readonly entries: Array<GazetteerEntry | undefined>;
  private readonly common: Set<string>;
  private readonly geometryCache = new Map<string, Polygon | MultiPolygon | null>();
  private countryGeometries: Map<string, GeometryObject<GeoJsonProperties>> | null = null;
  private readonly directionalCache = new Map<string, GazetteerEntry | null>();
  /** Name keys of first-level areas (not abbreviations), which also take a type after them. */
  private readonly admin1Bases = new Set<string>();
  /** "<name> <type>" keys answered so far (indices of first-level areas). */
  private readonly typedCache = new Map<string, readonly number[]>();

  private constructor(data: GazetteerData) {
    if (data.format !== GAZETTEER_FORMAT) {
      throw new Error(`Gazetteer data has format "${data.format}", expected "${GAZETTEER_FORMAT}"`);
    }
    this.data = data;
    const { id, name, alt } = data.places;
    this.size = id.length;
    this.places = new Array(this.size);
    this.entries = new Array(this.size);
    this.common = new Set(data.commonWords);
    let maxWords = 1;
    const add = (key: string, index: number) => {
      if (!key || NOT_PLACE_KEYS.has(key)) return;
      const found = this.byKey.get(key);
      if (found === undefined) this.byKey.set(key, index);
      else if (typeof found === 'number') {
        if (found !== index) this.byKey.set(key, [found, index]);
      } else if (!found.includes(index)) found.push(index);
      if (!key.includes(' ')) return;
      const words = key.split(' ');
      if (words.length > maxWords) maxWords = words.length;
      for (let n = 1; n < words.length; n++) this.prefixes.add(words.slice(0, n).join(' '));
    };
    const { country, precision, feature: featureCode } = data.places;
    for (let i = 0; i < this.size; i++) {
      this.byId.set(id[i], i);
      // GeoNames writes Arabic names with the article ("Al Fallūjah", "Ar Ramādī"); the news often drops it.
      const arabicTown = precision[i] === 'c' && ARABIC_SPEAKING.has(country[i]);
      const addName = (key: string) => {
        add(key, i);
        if (arabicTown && ARABIC_ARTICLE.test(key)) add(key.replace(ARABIC_ARTICLE, ''), i);
      };
      addName(nameKey(name[i]));
      if (alt[i]) for (const other of alt[i].split('|')) addName(nameKey(other));
      // First-level areas also answer to "<name> <type>" ("Hunan Province"): see `candidates`.
      if (featureCode[i] === 'ADM1') {
        for (const base of alt[i] ? [name[i], ...alt[i].split('|')] : [name[i]]) {
          if (base.length <= 4 || base.endsWith('.')) continue;
          const baseKey = nameKey(base);
          this.admin1Bases.add(baseKey);
          const words = baseKey.split(' ').length + 1;
          if (words > maxWords) maxWords = words;
        }
      }
    }
    for (const [target, names] of Object.entries(ALIASES)) {
      const index = this.byId.get(target);
      if (index === undefined) continue; // e.g. a city below the browser form's population cut
      for (const other of names) add(nameKey(other), index);
    }
    this.maxNameWords = maxWords;
  }

  /**
   * Wraps gazetteer data (from the Node adapter or the browser's compact form).
   * @param data a `GazetteerData` object
   * @returns a gazetteer with its name index built
   * @example const gazetteer = Gazetteer.fromData(await (await fetch('gazetteer.json')).json());
   */
  static fromData(data: GazetteerData): Gazetteer {
    return new Gazetteer(data);
  }

  /**
   * The place with this id.
   * @param id a place id such as `gn:98182`, `ap:ORBI`, `cc:IQ`, `adm1:IQ-AR`, `rg:kurdistan-region`
   * @returns the place, or undefined when the gazetteer has no such id
   * @example gazetteer.get('ap:ORBI')?.precision // 'site'
   */
  get(id: string): Place | undefined {
    const index = this.byId.get(id);
    if (index !== undefined) return this.placeAt(index);
    const part = DIRECTIONAL_ID.exec(id);
    return part ? this.directional(part[1], part[2])?.place : undefined;
  }

  /**
   * A part of a country named by a direction ("northern Syria"): the side of the country's main
   * landmass (half of its bounding box; the middle half for "central"), as a region-precision area with
   * id `rg:<CC>-<direction>`. Areas defined in the alias table ("northern Iraq") take precedence in text.
   * @param country ISO 3166-1 alpha-2 code
   * @param direction north, south, east, west, northeast, northwest, southeast, southwest or central
   * @returns the area entry, or null when the country has no shape
   * @example gazetteer.directional('SY', 'north')?.place.name // 'northern Syria'
   */
  directional(country: string, direction: string): GazetteerEntry | null {
    const id = `rg:${country}-${direction}`;
    const cached = this.directionalCache.get(id);
    if (cached !== undefined) return cached;
    let entry: GazetteerEntry | null = null;
    const countryPlace = this.get(`cc:${country}`);
    const shape = countryPlace ? this.geometry(countryPlace.id) : null;
    const box = DIRECTION_BOXES[direction];
    if (countryPlace && shape && box) {
      const main = largestPart(shape);
      const [minX, minY, maxX, maxY] = bbox(main);
      const [x0, y0, x1, y1] = box;
      const w = maxX - minX;
      const h = maxY - minY;
      const clipped = bboxClip(main, [minX + x0 * w, minY + y0 * h, minX + x1 * w, minY + y1 * h]).geometry as Polygon;
      const rings = clipped.coordinates;
      if (rings.some((ring) => ring.length >= 4)) {
        const part = insidePoint(clipped);
        const place: Place = {
          id,
          name: `${DIRECTION_ADJECTIVES[direction]} ${countryPlace.name}`,
          precision: 'region',
          country,
          lon: part[0],
          lat: part[1],
        };
        this.geometryCache.set(id, clipped);
        entry = { index: -1, place, admin1: '', feature: 'DIRECTION' };
      }
    }
    this.directionalCache.set(id, entry);
    return entry;
  }

  /**
   * Every place a name may refer to, most populous first (then countries, regions, sites, cities).
   * @param name a name as written ("Arbil", "U.S.", "Paris")
   * @returns candidate entries; empty when the name is unknown or is on the not-a-place list
   * @example gazetteer.lookup('Paris').map((e) => e.place.country) // ['FR', 'US', …]
   */
  lookup(name: string): GazetteerEntry[] {
    const rank = { country: 0, region: 1, site: 2, city: 3 };
    return this.candidates(nameKey(name))
      .map((index) => this.entryAt(index))
      .sort(
        (a, b) =>
          (b.place.population ?? 0) - (a.place.population ?? 0) ||
          rank[a.place.precision] - rank[b.place.precision] ||
          a.index - b.index,
      );
  }

  /** Indices of places whose name or alias has this key (see `nameKey`); internal to the resolver. */
  candidates(key: string): readonly number[] {
    const found = this.byKey.get(key);
    if (found !== undefined) return typeof found === 'number' ? [found] : found;
    return this.typedAdmin1(key);
  }

  /**
   * "Hunan province", "Dorset County": the first-level areas named by the words before a type word
   * (`ADMIN1_TYPES`), when no place has the whole name. Answered from the name index, not stored in it.
   */
  private typedAdmin1(key: string): readonly number[] {
    // Most keys asked for are misses: test the endings before cutting any string.
    let type = '';
    for (const t of ADMIN1_TYPES) {
      if (key.length > t.length + 1 && key.endsWith(t) && key.charCodeAt(key.length - t.length - 1) === 32) {
        type = t;
        break;
      }
    }
    if (!type) return NONE;
    const base = key.slice(0, key.length - type.length - 1);
    if (!this.admin1Bases.has(base)) return NONE;
    let answer = this.typedCache.get(key);
    if (!answer) {
      const found = this.byKey.get(base);
      const indices = found === undefined ? [] : typeof found === 'number' ? [found] : found;
      answer = indices.filter((i) => this.data.places.feature[i] === 'ADM1');
      this.typedCache.set(key, answer);
    }
    return answer;
  }

  /** Whether some multi-word name starts with these words (a key, see `nameKey`). */
  isPrefix(key: string): boolean {
    return this.prefixes.has(key) || this.admin1Bases.has(key);
  }

  /** Whether a name key is also a common English word ("nice", "reading", "split"). */
  isCommonWord(key: string): boolean {
    return this.common.has(key);
  }

  /** The full entry at an index (place plus admin code and feature code). */
  entryAt(index: number): GazetteerEntry {
    let entry = this.entries[index];
    if (!entry) {
      entry = { index, place: this.placeAt(index), admin1: this.data.places.admin1[index], feature: this.data.places.feature[index] };
      this.entries[index] = entry;
    }
    return entry;
  }

  /** The place at an index of the columnar data. */
  placeAt(index: number): Place {
    let place = this.places[index];
    if (!place) {
      const p = this.data.places;
      place = {
        id: p.id[index],
        name: p.name[index],
        precision: PRECISION_CODES[p.precision[index]],
        country: p.country[index],
        lon: p.lon[index],
        lat: p.lat[index],
      };
      if (p.population[index] > 0) place.population = p.population[index];
      this.places[index] = place;
    }
    return place;
  }

  /**
   * Places of one precision in one country (e.g. the airports of Iraq), most populous / largest first.
   * @param country ISO 3166-1 alpha-2 code
   * @param precision the precision wanted
   * @returns matching entries
   * @example gazetteer.placesIn('IQ', 'site').map((e) => e.place.id) // ['ap:ORBI', …]
   */
  placesIn(country: string, precision: PlacePrecision): GazetteerEntry[] {
    const p = this.data.places;
    const code = PRECISION_CODE[precision];
    const cacheKey = `${country}|${code}`;
    let indices = this.byCountryPrecision.get(cacheKey);
    if (!indices) {
      if (!this.byCountry) {
        this.byCountry = new Map();
        for (let i = 0; i < this.size; i++) {
          const list = this.byCountry.get(p.country[i]);
          if (list) list.push(i);
          else this.byCountry.set(p.country[i], [i]);
        }
      }
      indices = (this.byCountry.get(country) ?? []).filter((i) => p.precision[i] === code);
      this.byCountryPrecision.set(cacheKey, indices);
    }
    return indices.map((i) => this.entryAt(i));
  }

  /**
   * The capital of a country: its first city with GeoNames feature code PPLC (an index, not a scan of
   * the country's cities).
   * @param country ISO 3166-1 alpha-2 code
   * @returns the capital's entry, or null when the gazetteer has none for that country
   * @example gazetteer.capital('IQ')?.place.name // 'Baghdad'
   */
  capital(country: string): GazetteerEntry | null {
    if (!this.capitals) {
      this.capitals = new Map();
      const { country: countries, precision, feature } = this.data.places;
      for (let i = 0; i < this.size; i++) {
        if (precision[i] === 'c' && feature[i] === 'PPLC' && !this.capitals.has(countries[i])) this.capitals.set(countries[i], i);
      }
    }
    const index = this.capitals.get(country);
    return index === undefined ? null : this.entryAt(index);
  }

  /**
   * The area shape of a region or country place.
   * @param id a place id
   * @returns the polygon(s), or null for points (cities, sites) and unknown ids
   * @example gazetteer.geometry('rg:kurdistan-region')?.type // 'MultiPolygon' or 'Polygon'
   */
  geometry(id: string): Polygon | MultiPolygon | null {
    const cached = this.geometryCache.get(id);
    if (cached !== undefined) return cached;
    const part = DIRECTIONAL_ID.exec(id);
    if (part) {
      this.directional(part[1], part[2]);
      return this.geometryCache.get(id) ?? null;
    }
    let shape: Polygon | MultiPolygon | null = this.data.shapes[id] ?? null;
    if (!shape && id.startsWith('cc:') && this.data.countries) {
      const object = this.countryObjects().get(id);
      if (object) {
        const geometry = (feature(this.data.countries, object) as Feature<Geometry>).geometry;
        if (geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) shape = geometry;
      }
    }
    this.geometryCache.set(id, shape);
    return shape;
  }

  private countryObjects(): Map<string, GeometryObject<GeoJsonProperties>> {
    if (!this.countryGeometries) {
      this.countryGeometries = new Map();
      const topology = this.data.countries!;
      for (const object of Object.values(topology.objects)) {
        if (object.type !== 'GeometryCollection') continue;
        for (const geometry of object.geometries) {
          if (typeof geometry.id === 'string') this.countryGeometries.set(geometry.id, geometry);
        }
      }
    }
    return this.countryGeometries;
  }
}
