/**
 * One country convention for every event: `country` is the ISO 3166-1 alpha-2 code, `country_name` its
 * English name. Pipeline events carry codes; imported files write codes or names (ACLED: "Sudan",
 * "Democratic Republic of Congo"). Names come from the runtime's Unicode CLDR data (`Intl.DisplayNames`,
 * in every browser and in Node), so no table ships with the app; a few spellings CLDR writes differently
 * (ACLED's, and the ones it writes with a dash) are listed here.
 */

/** Codes `Intl.DisplayNames` names that are no country today: unions, and withdrawn codes CLDR maps to
 * their successor's name (`VD` reads "Vietnam", `SU` "Russia"). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'AN', 'HV', 'DY', 'BU', 'ZR', 'CS', 'YU', 'DD', 'FX', 'UK', 'NH', 'RH', 'SU', 'TP', 'VD', 'YD']);

/** Names CLDR writes as "Congo - Kinshasa" or "Myanmar (Burma)": the plain English name instead. */
const NAME_OVERRIDES = new Map<string, string>([
  ['CD', 'Democratic Republic of the Congo'],
  ['CG', 'Republic of the Congo'],
  ['MM', 'Myanmar'],
  ['HK', 'Hong Kong'],
  ['MO', 'Macao'],
]);

/** Other spellings of country names in files (ACLED's among them), normalised as {@link normalizeName} does. */
const ALIASES = new Map<string, string>([
  ['democratic republic of congo', 'CD'], ['dr congo', 'CD'], ['drc', 'CD'], ['congo kinshasa', 'CD'],
  ['republic of congo', 'CG'], ['congo brazzaville', 'CG'], ['ivory coast', 'CI'], ['swaziland', 'SZ'],
  ['czech republic', 'CZ'], ['turkey', 'TR'], ['palestine', 'PS'], ['state of palestine', 'PS'],
  ['east timor', 'TL'], ['macedonia', 'MK'], ['vatican city', 'VA'], ['burma', 'MM'],
  ['united states of america', 'US'], ['usa', 'US'], ['uk', 'GB'], ['great britain', 'GB'],
  ['russian federation', 'RU'], ['syrian arab republic', 'SY'], ['islamic republic of iran', 'IR'],
  ['saint vincent and the grenadines', 'VC'], ['saint kitts and nevis', 'KN'], ['saint lucia', 'LC'],
  ['micronesia', 'FM'], ['caribbean netherlands', 'BQ'], ['bonaire saint eustatius and saba', 'BQ'],
]);

/**
 * A country name as compared: lower case, without accents, punctuation or a leading "the"; "&" is "and",
 * "St." is "saint".
 * @example normalizeName('São Tomé & Príncipe') // 'sao tome and principe'
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bst\b\.?/g, 'saint')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

let table: { names: Map<string, string>; codes: Map<string, string> } | null = null;

/** Code → name and normalised name → code, made once from CLDR on first use. */
function countries() {
  if (table) return table;
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const names = new Map<string, string>();
  const codes = new Map<string, string>(ALIASES);
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const cldr = display.of(code);
      if (!cldr || cldr === code) continue;
      const name = NAME_OVERRIDES.get(code) ?? cldr;
      names.set(code, name);
      for (const spelling of [name, cldr]) if (!codes.has(normalizeName(spelling))) codes.set(normalizeName(spelling), code);
    }
  }
  return (table = { names, codes });
}

/**
 * The ISO alpha-2 code of a country cell: a code in any case, or an English name.
 * @returns the code, or null when the text names no known country
 * @example countryCode('Sudan') // 'SD'
 * @example countryCode('Democratic Republic of Congo') // 'CD'
 * @example countryCode('iq') // 'IQ'
 */
export function countryCode(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const { names, codes } = countries();
  if (/^[A-Za-z]{2}$/.test(trimmed) && names.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return codes.get(normalizeName(trimmed)) ?? null;
}

/**
 * The English name of an alpha-2 code ('' for '' or an unknown code).
 * @example countryName('IQ') // 'Iraq'
 */
export function countryName(code: string): string {
  return code ? countries().names.get(code.toUpperCase()) ?? '' : '';
}
