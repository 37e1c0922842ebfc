/**
 * Place recognition and resolution: finds the place names in an article and resolves each to one
 * gazetteer entry, using the article itself as evidence (countries and states it mentions, places near
 * each other, "Paris, Texas" qualifiers, population) rather than the first match.
 *
 * Rules that keep people and common words off the map:
 * - a name must start with a capital letter (all-caps words only count when they are known short
 *   forms such as "US" or big places such as "BAGHDAD");
 * - a name after a title ("General Soleimani") or right after another capitalised word that is not a
 *   place ("Donald Trump"), or right before a speech verb ("Shamkhani said"), is a person; so is every
 *   other bare mention of that name in the article;
 * - common English words that are also towns ("Nice", "Split", "Reading") need a locative preposition
 *   ("in Nice") or a qualifier ("Nice, France");
 * - small towns need some evidence: a locative, a qualifier, or the article's country.
 */
import { DIRECTIONS, LOCATIVES, ORGANISATION_AREAS, SPEECH_VERBS, TITLES, VENUE_WORDS } from './gazetteer/aliases';
import { DEMONYMS } from './gazetteer/demonyms';
import { AP_STATE_ABBREVIATIONS } from './gazetteer/us-state-abbreviations';
import { ARABIC_ARTICLE, type Gazetteer, type GazetteerEntry, nameKey } from './gazetteer/index';
import type { PlaceMention } from './types';
import { continuesOnNextLine } from './sentences';

export interface FindPlacesOptions {
  /** Spans of the text to skip (page chrome found by the cleaning stage), [start, end) UTF-16 offsets. */
  ignore?: Array<[number, number]>;
  /** Name lookups shared by the articles of one run (see `NameLookups`); without it the gazetteer is asked directly. */
  names?: NameLookups;
  /** When given, receives every name that matched the gazetteer but was judged not a place, with the reason (for the reading view and debugging). */
  rejected?: RejectedName[];
}

/** A name that matched the gazetteer but was not taken as a place, and why. */
export interface RejectedName {
  start: number;
  end: number;
  text: string;
  reason: string;
}

/**
 * The gazetteer's name lookups, memoised for one extraction run. A corpus asks for a few hundred names
 * over and over ("iraq", "the", "soleimani"); these small maps stay in the CPU cache, where each probe of
 * the index of every name in the world costs a few cache misses. Make one per run with `nameLookups`: it
 * keeps every name it was asked about. (A plain object, like the run's other indexes: see merge.ts.)
 * @example
 * const names = nameLookups();
 * for (const a of articles) findPlaces(a.text, a.file, gazetteer, { names });
 */
export interface NameLookups {
  /** Name key → `Gazetteer.candidates`. */
  found: Map<string, readonly number[]>;
  /** Name key → `Gazetteer.isPrefix`. */
  prefixes: Map<string, boolean>;
  /** The keys of the run's ASCII words, one string each (see `WordKeys`). */
  words: WordKeys;
}

/**
 * An empty memo of name lookups (see `NameLookups`).
 * @returns the memo
 * @example findPlaces(text, file, gazetteer, { names: nameLookups() })
 */
export function nameLookups(): NameLookups {
  return { found: new Map(), prefixes: new Map(), words: wordKeys() };
}

/**
 * The lower-case keys of ASCII words, one string per distinct word: an open-addressing table looked up
 * with a hash of the word's characters in the text, so a repeated word costs neither a copy nor a case
 * conversion. Texts with curly quotes or dashes are two-byte strings, and so is every copy of their words;
 * a shared key is a one-byte string whose hash is computed once, and it compares by identity in the name
 * memos and word sets.
 */
interface WordKeys {
  hashes: Int32Array;
  keys: Array<string | undefined>;
  count: number;
  mask: number;
}

function wordKeys(capacity = 1024): WordKeys {
  return { hashes: new Int32Array(capacity), keys: new Array<string | undefined>(capacity).fill(undefined), count: 0, mask: capacity - 1 };
}

/** FNV-1a (32-bit) parameters: the hash of word keys. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** ASCII letters in lower case, other characters (digits) as they are. */
const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * The key of the ASCII word text[start, end) (letters and digits only), whose characters hash to `hash`.
 * @param hash FNV-1a of the word's `lowerAscii` character codes
 */
function wordKey(words: WordKeys, text: string, start: number, end: number, hash: number): string {
  const length = end - start;
  let slot = hash & words.mask;
  for (let key = words.keys[slot]; key !== undefined; key = words.keys[slot]) {
    if (words.hashes[slot] === hash && key.length === length) {
      let same = true;
      for (let i = 0; i < length && same; i++) same = key.charCodeAt(i) === lowerAscii(text.charCodeAt(start + i));
      if (same) return key;
    }
    slot = (slot + 1) & words.mask;
  }
  let key = '';
  for (let i = start; i < end; i++) key += String.fromCharCode(lowerAscii(text.charCodeAt(i)));
  words.keys[slot] = key;
  words.hashes[slot] = hash;
  if (++words.count * 2 > words.mask) growWordKeys(words);
  return key;
}

/** Doubles the table (kept at most half full, so probes stay short). */
function growWordKeys(words: WordKeys): void {
  const bigger = wordKeys((words.mask + 1) * 2);
  for (let slot = 0; slot <= words.mask; slot++) {
    const key = words.keys[slot];
    if (key === undefined) continue;
    let to = words.hashes[slot] & bigger.mask;
    while (bigger.keys[to] !== undefined) to = (to + 1) & bigger.mask;
    bigger.keys[to] = key;
    bigger.hashes[to] = words.hashes[slot];
  }
  words.hashes = bigger.hashes;
  words.keys = bigger.keys;
  words.mask = bigger.mask;
}

function candidatesOf(gazetteer: Gazetteer, names: NameLookups | undefined, key: string): readonly number[] {
  if (!names) return gazetteer.candidates(key);
  let found = names.found.get(key);
  if (found === undefined) names.found.set(key, (found = gazetteer.candidates(key)));
  return found;
}

function isNamePrefix(gazetteer: Gazetteer, names: NameLookups | undefined, key: string): boolean {
  if (!names) return gazetteer.isPrefix(key);
  let known = names.prefixes.get(key);
  if (known === undefined) names.prefixes.set(key, (known = gazetteer.isPrefix(key)));
  return known;
}

interface Token {
  start: number;
  /** End of the word as written, without a possessive 's. */
  end: number;
  key: string;
  capitalised: boolean;
  allCaps: boolean;
  possessive: boolean;
}

interface Span {
  first: number;
  last: number;
  start: number;
  end: number;
  key: string;
  candidates: number[];
  /** Set when a rule decided this span is not a place. */
  rejected?: string;
  /** The chosen entry once resolved. */
  chosen?: GazetteerEntry;
  /** A place named by a special phrase ("Iraq's international airport"), not by the index. */
  fixed?: GazetteerEntry;
}

/**
 * A span with every field present from the start: spans of one shape keep the resolver's property
 * accesses monomorphic (added or deleted fields made V8 deoptimise findPlaces over and over).
 */
function makeSpan(first: number, last: number, start: number, end: number, key: string, candidates: number[], fixed?: GazetteerEntry): Span {
  return { first, last, start, end, key, candidates, rejected: undefined, chosen: undefined, fixed };
}

// Abbreviations with dots are one word: "U.S.", and state abbreviations such as "W.Va." or "N.Y.".
const WORD = /(?:\p{Lu}\p{Ll}{0,2}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;
// Maps, not the alias table's plain objects: looking up every word of an article in an object is slow
// (each fresh string is internalised) and would find inherited keys such as "constructor".
const DIRECTION_OF = new Map(Object.entries(DIRECTIONS));
// Most words are not direction words: their length and last letter tell without hashing the word.
const DIRECTION_MIN_LENGTH = Math.min(...[...DIRECTION_OF.keys()].map((k) => k.length));
const DIRECTION_LAST_LETTERS = new Set([...DIRECTION_OF.keys()].map((k) => k.charCodeAt(k.length - 1)));
const TITLE_SET = new Set(TITLES);
const SPEECH_SET = new Set(SPEECH_VERBS);
const LOCATIVE_SET = new Set(LOCATIVES);
/** Prepositions strong enough to make a common word a place: "in Nice", "to Reading". */
const STRONG_LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'from', 'to', 'into', 'via', 'around', 'across', 'toward', 'towards', 'inside', 'through', 'throughout']);
/** Capitalised words that may stand right before a place without making it part of a person's name. */
const NEUTRAL_BEFORE = new Set([
  'the', 'a', 'an', 'in', 'at', 'on', 'of', 'from', 'to', 'for', 'by', 'with', 'and', 'or', 'but', 'as',
  'near', 'outside', 'inside', 'into', 'across', 'after', 'before', 'since', 'while', 'when', 'where',
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'greater',
  'downtown', 'old', 'new', 'upper', 'lower', 'both', 'all', 'only', 'like', 'between', 'via', 'if',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'source', 'sources', 'read', 'more', 'also', 'meanwhile', 'however', 'today', 'yesterday', 'tonight',
  'recently', 'earlier', 'later', 'then', 'here', 'there', 'this', 'that', 'these', 'those', 'his', 'her',
  'their', 'our', 'its', 'my', 'your', 'according', 'said', 'says',
]);
/** Words that turn a preceding place name into the name of an outlet or a company: "Tehran Times". */
const ORGANISATION_SUFFIX = new Set([
  'press', 'times', 'news', 'post', 'tv', 'daily', 'radio', 'television', 'airways', 'airlines',
  'university', 'journal', 'herald', 'tribune', 'gazette', 'observer', 'telegraph', 'agency', 'chronicle',
  'monitor', 'review', 'weekly', 'fc', 'magazine', 'broadcasting', 'network', 'stock', 'exchange',
  // Parties and movements: "Kurdistan Workers' Party", "Kurdistan Democratic Party".
  'workers', 'democratic', 'party', 'patriotic', 'liberation', 'communist', 'socialist',
  // Bars and restaurants named after faraway cities: "the London Pub" in Oslo.
  ...VENUE_WORDS,
]);
/**
 * Capitalised words that begin the name of an organisation, a publication or an event after a place name:
 * "Kenya Red Cross", "Beijing Olympic Games", "Dresden Zoo", "Indianapolis Star". The place names the
 * organisation, not where something happened. Government bodies ("California Department of Health",
 * "US Army") are left out on purpose: there the place is the jurisdiction, a real reference to it.
 * Checked over the next few capitalised words.
 */
const ORGANISATION_HEADS = new Set([
  'institute', 'society', 'corporation', 'company', 'corp', 'inc', 'ltd', 'cup', 'games', 'olympic', 'olympics',
  'zoo', 'museum', 'university', 'college', 'cross', 'crescent', 'club', 'federation', 'association', 'bank',
  'foundation', 'star', 'sun', 'mail', 'express', 'standard', 'guardian', 'record', 'presse', 'flu',
]);
/** Words right after a place name (in any case) that make it the name of a virus or a strain: "Reston ebolavirus", "Hong Kong flu". */
const PATHOGEN_WORDS = new Set(['virus', 'ebolavirus', 'flu', 'influenza', 'strain', 'variant']);
/** Words before "of" that make the following place part of a name: "University of Georgia", "Voice of America". */
const ORGANISATION_OF = new Set([
  'university', 'voice', 'corporation', 'corp', 'bank', 'museum', 'institute', 'college', 'times', 'church',
  'archdiocese', 'diocese', 'school', 'academy', 'duke', 'duchess', 'prince', 'princess', 'earl', 'bishop',
  'archbishop', 'federation', 'association', 'society', 'embassy', 'consulate',
]);
/** Capitalised words right before a place that make it part of a name: "Radio Pyongyang", "Racing Victoria". */
const ORGANISATION_BEFORE = new Set(['radio', 'racing', 'television', 'tv', 'team', 'club', 'hotel', 'agence', 'banco', 'air']);
/** Demonym keys → country code: "Canadian" is never the town of Canadian, Texas; "the Kenyan capital" is Nairobi. */
const DEMONYM_COUNTRY = new Map(Object.entries(DEMONYMS).map(([form, code]) => [nameKey(form), code]));
/** Keys of AP state abbreviations ("ill", "wva", "ny") → USPS code, the admin1 code of US towns. */
const STATE_ABBREVIATION = new Map(
  Object.entries(AP_STATE_ABBREVIATIONS).flatMap(([code, forms]) => forms.map((form) => [nameKey(form).replace(/ /g, ''), code] as [string, string])),
);
/** Most words in a demonym ("South African", "Papua New Guinean"). */
const DEMONYM_MAX_WORDS = Math.max(...[...DEMONYM_COUNTRY.keys()].map((k) => k.split(' ').length));
/** Month names: "in August" is a time, never the town of August, Wisconsin (a qualifier still makes it one). */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Time-zone abbreviations printed in date stamps ("4:58pm EST"), some of which are also region codes. */
const TIME_ZONES = new Set(['est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'akst', 'hst', 'gmt', 'utc', 'bst', 'cet', 'cest', 'eet', 'eest', 'wet', 'ist', 'jst', 'kst', 'aest', 'aedt', 'awst', 'nzst', 'nzdt', 'sast', 'eat', 'wat', 'cat', 'pkt', 'wib', 'sgt', 'hkt', 'msk', 'irst', 'ast', 'adt']);
/** News agencies and broadcasters named in datelines, bylines and credits ("(AP)", "AP Photo", "told AFP"). */
const NEWS_AGENCIES = new Set([
  'ap', 'afp', 'upi', 'dpa', 'efe', 'ansa', 'pti', 'ani', 'ians', 'cnn', 'bbc', 'npr', 'abc', 'cbs', 'nbc', 'rte',
  'sbs', 'tass', 'irna', 'isna', 'kuna', 'wam', 'spa', 'qna', 'mena', 'apa', 'kyodo', 'xinhua', 'yonhap',
  'bernama', 'reuters', 'anadolu', 'interfax', 'ria', 'sana', 'petra', 'nna', 'ina', 'wafa', 'aa',
]);
/** Seasons, which name a time when a year follows ("Spring 2002"). */
const SEASONS = new Set(['spring', 'summer', 'autumn', 'fall', 'winter']);
/**
 * Lowercase words that may stand inside a place name ("Stratford-upon-Avon", "Rio de Janeiro", "Mukuru kwa
 * Njenga"); any other lowercase word means the match is a phrase, not a name ("The village").
 */
const NAME_CONNECTORS = new Set([
  'of', 'the', 'and', 'upon', 'on', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le',
  'les', 'los', 'las', 'el', 'al', 'y', 'e', 'en', 'am', 'an', 'im', 'sur', 'sous', 'lès', 'les', 'bin', 'ibn',
  'bint', 'van', 'von', 'der', 'den', 'ter', 'zu', 'zum', 'zur', 'kwa', 'na', 'wa', 'ar', 'as', 'ad', 'at', 'az',
  'ash', 'a', 'in', 'by', 'under', 'over', 'aux', 'au', 'i', 'es', 'et', 'sa', 'ul', 'o', 'och', 'op', 'aan',
  'ez', 'ed', 'er', 'esh', 'ath', 'adh',
]);
/** " in ", " in the ", " in northern ": between a town and the area it lies in (a compass word, as "in western Saskatchewan"). */
const IN_AN_AREA = /^ in (?:the )?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)? |central )?$/;

/** "'s coastal town of ", between an area and its town: a possessive, up to three lower-case words ending in a place noun, "of". */
function townOfTheArea(between: string): boolean {
  const words = /^['’]s ((?:[a-z][a-z-]* ){1,4})of $/.exec(between)?.[1].trim().split(' ');
  return words !== undefined && PLACE_NOUNS.has(words[words.length - 1]);
}

/** Words that name a kind of place: "the village Malakal", "SOS Village Malakal" are not a person's names. */
const PLACE_NOUNS = new Set([
  'village', 'villages', 'city', 'town', 'towns', 'province', 'provinces', 'county', 'counties', 'district',
  'districts', 'region', 'regions', 'state', 'states', 'camp', 'island', 'islands', 'capital', 'port', 'municipality',
  'governorate', 'prefecture', 'oblast', 'township', 'commune', 'neighbourhood', 'neighborhood', 'suburb', 'area',
  'hamlet', 'settlement', 'community',
]);
/** An empty set shared by every span that needs none (never added to). */
const NO_KEYS: Set<string> = new Set<string>();
/** Gazetteer features that a bare name means before any town of that name: continents and oceans. */
const WORLD_FEATURES = new Set(['continent', 'ocean']);
/** Words that begin the name of a place's government body: "Queensland Health Minister", "Santa Ana City Council". */
const GOVERNMENT_WORDS = new Set([
  'health', 'police', 'department', 'ministry', 'government', 'council', 'provincial', 'state', 'national', 'regional',
  'fire', 'education', 'supreme', 'high', 'city', 'public', 'parliament', 'assembly', 'legislature', 'senate', 'house',
  'premier', 'attorney', 'court', 'army', 'navy', 'guard', 'defence', 'defense', 'emergency', 'electoral', 'highway',
  'municipal', 'metropolitan', 'interior', 'foreign', 'agriculture', 'environment', 'transport', 'water',
]);
/** Generic words of sites and natural features that aliases spell in lower case ("Erbil airport", "the Nile river"). */
const FEATURE_NOUNS = new Set([
  'airport', 'airbase', 'air', 'base', 'river', 'lake', 'sea', 'gulf', 'bay', 'mountains', 'mountain', 'range',
  'valley', 'desert', 'plateau', 'coast', 'peninsula', 'strait', 'straits', 'delta', 'basin', 'ocean', 'canal',
  'island', 'islands', 'highlands', 'plain', 'plains', 'forest', 'oasis', 'crossing', 'border', 'field', 'dam',
]);
/** Lowercase Arabic articles that begin transliterated names ("al-Qaim"). */
const ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ad', 'an', 'at', 'az', 'ash']);
/** An Arabic article joining a name to the next word: " al-Kfour", " el Fasher", " ez-Zor". */
const ARABIC_LINK_AFTER = /^[ -](?:[Aa]l|[Ee]l|a[dnrstz]|ash|e[dnrstz])[- ]\p{Lu}/u;
/** A capitalised word and an Arabic article right before a name: "Ras al-", "Tell el-". */
const ARABIC_LINK_BEFORE = /\p{Lu}[\p{L}'’]*\s(?:al|el|a[dnrstz]|ash|e[dnrstz])-$/u;

/** Abbreviations of saint in place names, and the word the gazetteer uses. */
const SAINTS = new Map([['st', 'saint'], ['ste', 'sainte']]);
/** Longest article or saint abbreviation: longer words are neither, without a lookup. */
const SHORT_WORD_MAX_LENGTH = Math.max(...[...ARTICLES, ...SAINTS.keys()].map((k) => k.length));

/** Whether a word key is a direction word ("northern", "central"). */
function isDirectionWord(key: string): boolean {
  return key.length >= DIRECTION_MIN_LENGTH && DIRECTION_LAST_LETTERS.has(key.charCodeAt(key.length - 1)) && DIRECTION_OF.has(key);
}
/** Verbs whose object is usually a person: "met Merkel", "thanked Sanders". */
const PERSON_OBJECT_VERBS = new Set(['met', 'meets', 'told', 'tells', 'thanked', 'urged', 'invited', 'accused', 'blamed', 'congratulated', 'phoned', 'called', 'praised', 'criticized', 'criticised', 'appointed', 'replaced', 'succeeded', 'sacked', 'fired', 'interviewed', 'asked']);
/** What separates the items of a list of places: "Anhui, Guangdong", "Darfur and Malakal", "Rogaland, and Vestfold". */
const LIST_GAP = /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?:in\s+|the\s+)?)$/;
/** Cities this big are names in their own right even right before "said" ("Tehran says"). */
const METONYM_POPULATION = 500_000;
/** Why a town the text places in an area where the gazetteer has no town by that name is not placed. */
const NOT_IN_ITS_AREA = 'not in the area the text places it in';
/** Below this population a town needs some evidence beyond its name. */
const WEAK_POPULATION = 50_000;
/** All-caps words match places at least this big (or countries): "BAGHDAD (Reuters)". */
const ALL_CAPS_POPULATION = 100_000;
/** Below this, a town abroad needs support beyond a preposition in a story about another country. */
const VILLAGE_POPULATION = 10_000;

function tokenize(text: string, words: WordKeys): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    let end = -1;
    if (c < 128) {
      if (!isAsciiAlnum(c)) {
        p++;
        continue;
      }
      // "U.S.": abbreviations are left to the pattern, like anything with non-ASCII letters in it.
      const abbreviation = c >= 65 && c <= 90 && text.charCodeAt(p + 1) === 46;
      if (!abbreviation) {
        // Most words: ASCII letters and digits up to an ASCII character other than an apostrophe (or the
        // end), so no possessive either. Case, hash and key in the one pass that finds the end.
        let q = p;
        let lower = 0;
        let hash = FNV_OFFSET;
        for (; q < n; q++) {
          const d = text.charCodeAt(q);
          if (d >= 97 && d <= 122) lower++;
          else if (!((d >= 65 && d <= 90) || (d >= 48 && d <= 57))) break;
          hash = Math.imul(hash ^ lowerAscii(d), FNV_PRIME);
        }
        const stop = q < n ? text.charCodeAt(q) : 0;
        if (stop !== 39 && stop < 128) {
          const capitalised = c >= 65 && c <= 90;
          tokens.push({ start: p, end: q, key: wordKey(words, text, p, q, hash), capitalised, allCaps: capitalised && q - p >= 2 && lower === 0, possessive: false });
          p = q;
          continue;
        }
      }
      end = abbreviation ? -1 : asciiWordEnd(text, p);
    }
    if (end < 0) {
      WORD_AT.lastIndex = p;
      const match = WORD_AT.exec(text);
      if (!match) {
        // As the global pattern does in Unicode mode: move on by one code point.
        p += c >= 0xd800 && c <= 0xdbff && p + 1 < n ? 2 : 1;
        continue;
      }
      end = p + match[0].length;
    }
    let wordEnd = end;
    let possessive = false;
    // "Iraq's", "Iraq’s": the possessive is not part of the name.
    if (end - p > 2) {
      const last = text.charCodeAt(end - 1);
      const apostrophe = text.charCodeAt(end - 2);
      if ((last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019)) {
        wordEnd = end - 2;
        possessive = true;
      }
    }
    tokens.push(asciiToken(text, p, wordEnd, possessive, words) ?? unicodeToken(text.slice(p, wordEnd), p, possessive));
    p = end;
  }
  return tokens;
}

/** `WORD` anchored at one position: for words the ASCII scan cannot decide. */
const WORD_AT = new RegExp(WORD.source, 'uy');

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
/** "d'Ivoire", "l'Aquila": an elided article before a capitalised word, part of a name. */
const isElision = (text: string, token: Token) => {
  const apostrophe = text.charCodeAt(token.start + 1);
  return (apostrophe === 39 || apostrophe === 0x2019) && token.end - token.start > 2 && text[token.start + 2] !== text[token.start + 2].toLowerCase();
};
const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Where `WORD` ends when it starts at an ASCII letter or digit, found without the pattern; -1 when a
 * non-ASCII character (other than the apostrophe ’) is reached, where only the pattern knows.
 */
function asciiWordEnd(text: string, start: number): number {
  const n = text.length;
  let q = start + 1;
  while (q < n && isAsciiAlnum(text.charCodeAt(q))) q++;
  if (q < n && text.charCodeAt(q) >= 128 && text[q] !== '’') return -1;
  // Apostrophe groups: "O'Brien", "Sha'abi" — letters only after each apostrophe.
  while (q < n && (text[q] === "'" || text[q] === '’')) {
    const next = q + 1 < n ? text.charCodeAt(q + 1) : 0;
    if (next >= 128) return -1;
    if (!isAsciiLetter(next)) break;
    let r = q + 2;
    while (r < n && isAsciiLetter(text.charCodeAt(r))) r++;
    if (r < n && text.charCodeAt(r) >= 128 && text[r] !== '’') return -1;
    q = r;
  }
  return q;
}

/**
 * Most words are plain ASCII letters and digits: their case and key come from one pass over the char
 * codes of text[start, end); null for any other word.
 */
function asciiToken(text: string, start: number, end: number, possessive: boolean, words: WordKeys): Token | null {
  let lower = 0;
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (!(c >= 65 && c <= 90) && (c < 48 || c > 57)) return null;
    hash = Math.imul(hash ^ lowerAscii(c), FNV_PRIME);
  }
  const first = text.charCodeAt(start);
  const capitalised = first >= 65 && first <= 90;
  const allCaps = capitalised && end - start >= 2 && lower === 0;
  return { start, end, key: wordKey(words, text, start, end, hash), capitalised, allCaps, possessive };
}

function unicodeToken(word: string, start: number, possessive: boolean): Token {
  const first = word[0];
  const upper = first.toUpperCase();
  const capitalised = upper !== first.toLowerCase() && first === upper;
  const allCaps = capitalised && word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
  return { start, end: start + word.length, key: nameKey(word), capitalised, allCaps, possessive };
}

/** Whether two consecutive tokens can belong to one name: a single space or hyphen between them. */
function joinable(text: string, a: Token, b: Token): boolean {
  if (a.possessive || b.start - a.end !== 1) return false;
  // One character: a space, a hyphen, a no-break space, a Unicode hyphen or an en dash; or the line break
  // of hard-wrapped text ("San José del\nGuaviare").
  const gap = text.charCodeAt(a.end);
  if (gap === 10) {
    const lineEnd = text.indexOf('\n', b.start);
    return continuesOnNextLine(text.slice(text.lastIndexOf('\n', a.end - 1) + 1, a.end), text.slice(b.start, lineEnd < 0 ? text.length : lineEnd));
  }
  return gap === 32 || gap === 45 || gap === 0xa0 || gap === 0x2010 || gap === 0x2013;
}

/** Whether only spaces stand between a line's start (or the text's) and this offset. */
function atLineStart(text: string, offset: number): boolean {
  for (let k = offset - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Whether a token starts a sentence (or a line): then its capital letter says nothing. */
function sentenceInitial(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const gap = text.slice(tokens[i - 1].end, tokens[i].start);
  return /[.!?:\n]\s*["“'‘(]*\s*$/.test(gap) || /\n/.test(gap) || /^\s*["“]\s*$/.test(gap);
}

/** Lines written in title case (headlines): capitalised neighbours are not evidence of a person there. */
function titleCaseLines(text: string, tokens: Token[]): Set<number> {
  const inTitle = new Set<number>();
  let lineStart = 0;
  const flush = (from: number, to: number) => {
    // Headlines are short and hold no sentence break.
    if (to - from < 3 || to - from > 20) return;
    if (/[.!?]\s/.test(text.slice(tokens[from].start, tokens[to - 1].end))) return;
    let caps = 0;
    for (let i = from; i < to; i++) if (tokens[i].capitalised) caps++;
    if (caps / (to - from) >= 0.6) for (let i = from; i < to; i++) inTitle.add(i);
  };
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || hasLineBreak(text, tokens[i - 1].end, tokens[i].start)) {
      flush(lineStart, i);
      lineStart = i;
    }
  }
  return inTitle;
}

/** Whether text[from, to) holds a line feed (as `text.slice(from, to).includes('\n')`, without the copy). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Whether [start, end) overlaps one of the spans. */
function overlapsAny(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  for (const [a, b] of spans) if (start < b && end > a) return true;
  return false;
}

/** The population of a span's most populous candidate (as `Math.max` of their populations: -Infinity for none). */
function largestPopulation(span: Span, gazetteer: Gazetteer): number {
  let largest = -Infinity;
  for (const i of span.candidates) {
    const population = gazetteer.entryAt(i).place.population ?? 0;
    if (population > largest) largest = population;
  }
  return largest;
}

/** Whether every candidate of a span is a city or town (no country, region or site of that name). */
function onlyCities(span: Span, gazetteer: Gazetteer): boolean {
  for (const i of span.candidates) if (gazetteer.entryAt(i).place.precision !== 'city') return false;
  return true;
}

/**
 * Whether a span could be (part of) a person's name: towns, and one-word areas and features too
 * ("Matthew Davis" is not the Davis Sea, "Rosemary Avila" not the province of Ávila), but never a
 * country or a named site, and no area named by several words.
 */
function mayBeName(span: Span, gazetteer: Gazetteer): boolean {
  for (const i of span.candidates) {
    const precision = gazetteer.entryAt(i).place.precision;
    if (precision === 'country' || precision === 'site') return false;
    // No continent or world region ("Africa", "Oceania"), and no area named by several words.
    const { feature } = gazetteer.entryAt(i);
    if (precision === 'region' && (span.first !== span.last || feature === 'continent' || feature === 'region')) return false;
  }
  return true;
}

/** Whether a name as written is the place's own name ("Fallujah" for Al Fallūjah), not a variant or alias. */
function ownName(name: string, key: string): boolean {
  const own = nameKey(name);
  if (own === key || own.replace(ARABIC_ARTICLE, '') === key) return true;
  // "St Petersburg" is Saint Petersburg's own name abbreviated.
  const first = key.slice(0, key.indexOf(' '));
  return SAINTS.has(first) && own === `${SAINTS.get(first)}${key.slice(first.length)}`;
}

function haversineKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** What kind of place an entry is, for comparing the members of a list: countries, or areas or towns of one country. */
function kindOf(entry: GazetteerEntry): string {
  const { precision, country } = entry.place;
  if (precision === 'country') return 'country';
  if (precision === 'region') return country ? `area ${country}` : 'world';
  return `town ${country}`;
}

/** Whether a town is the capital of a first-level area (and so may share its name: "Kidal", "Piura"). */
function isCapitalOf(town: GazetteerEntry, area: GazetteerEntry): boolean {
  return (town.feature === 'PPLA' || town.feature === 'PPLC') && town.place.country === area.place.country && town.admin1 === area.admin1;
}

/** Base plausibility of an entry on its own: bigger and higher-level places are more often meant. */
function prior(entry: GazetteerEntry): number {
  const { place } = entry;
  switch (place.precision) {
    case 'country':
      return 7.5;
    case 'region':
      // Continents and oceans are what their bare names mean ("Asia", "the Atlantic"), whatever small town
      // shares the name; seas, gulfs and world regions almost always; other areas as a first-level area.
      // (Just below a country, which is what a shared name means: "Australia".)
      return entry.feature === 'continent' || entry.feature === 'ocean' ? 7.4 : entry.feature === 'sea' || entry.feature === 'gulf' || entry.feature === 'region' ? 7 : 6;
    case 'site':
      return 6.5;
    default:
      return (
        Math.log10(Math.max(place.population ?? 0, 1000)) +
        (entry.feature === 'PPLC' ? 0.7 : entry.feature === 'PPLA' ? 0.3 : 0)
      );
  }
}

/**
 * Finds and resolves the place mentions of one article.
 * @param text the article's original text (offsets refer to it)
 * @param file the article's file name, copied into each mention
 * @param gazetteer a loaded gazetteer
 * @param options spans to ignore (page chrome)
 * @returns mentions in text order, each with exact UTF-16 offsets and one resolved place
 * @example
 * findPlaces('Officials met in Paris, Texas, on Monday.', 'a.txt', gazetteer)
 * // [{ file: 'a.txt', start: 17, end: 22, text: 'Paris', place: { id: 'gn:4717560', … } }, { … 'Texas' … }]
 */
export function findPlaces(
  text: string,
  file: string,
  gazetteer: Gazetteer,
  options: FindPlacesOptions = {},
): PlaceMention[] {
  const ignore = options.ignore ?? [];
  const names = options.names;
  const tokens = tokenize(text, names?.words ?? wordKeys(256));
  const titleLines = titleCaseLines(text, tokens);
  const spans = cityWithItsWord(text, tokens, matchSpans(text, tokens, gazetteer, names), gazetteer).filter((span) => !overlapsAny(ignore, span.start, span.end));
  const spanAt = new Map<number, Span>();
  const spanEndingAt = new Set<number>();
  for (const span of spans) {
    spanAt.set(span.first, span);
    spanEndingAt.add(span.last);
  }

  // People: a name after a title, after a capitalised non-place word, or before a speech verb.
  const persons = new Set<string>();
  /** Tokens of a name introduced by a title: "Dr. Mosul" is a person here, whatever Mosul is elsewhere. */
  const afterTitle = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    // A byline ("By Maria Lopez, Associated Press") introduces names as a title does.
    const byline = tokens[i].key === 'by' && tokens[i].capitalised && atLineStart(text, tokens[i].start);
    if ((tokens[i].capitalised && TITLE_SET.has(tokens[i].key)) || byline) {
      // Every capitalised word after the title belongs to the person's name: "Lt. Gen Qasem Soleimani".
      let j = i + 1;
      while (j < tokens.length && (TITLE_SET.has(tokens[j].key) || tokens[j].capitalised) && /^[ .]{1,2}$/.test(text.slice(tokens[j - 1].end, tokens[j].start))) {
        // A big place after a title is not a name ("Chief Baghdad correspondent"); small towns are.
        const big = candidatesOf(gazetteer, names, tokens[j].key).some((c) => {
          const { precision, population = 0 } = gazetteer.entryAt(c).place;
          return precision === 'country' || precision === 'region' || population >= METONYM_POPULATION;
        });
        if (!TITLE_SET.has(tokens[j].key)) {
          afterTitle.add(j);
          if (!big) persons.add(tokens[j].key);
        }
        if (tokens[j].possessive) break;
        j++;
      }
    }
  }
  for (const span of spans) {
    if (span.fixed) continue; // airport and direction phrases are places by construction
    const before = span.first > 0 ? tokens[span.first - 1] : undefined;
    const after = tokens[span.last + 1];
    const best = largestPopulation(span, gazetteer);
    const onlyTowns = onlyCities(span, gazetteer);
    // After a title or a given name, one-word areas are names too ("Dr York Chow", "Matthew Davis").
    const nameLike = mayBeName(span, gazetteer);
    if (afterTitle.has(span.first) && nameLike) span.rejected = 'person (after a title)';
    if (
      before &&
      before.capitalised &&
      !before.allCaps &&
      !NEUTRAL_BEFORE.has(before.key) &&
      !TITLE_SET.has(before.key) &&
      !PLACE_NOUNS.has(before.key) &&
      joinable(text, before, tokens[span.first]) &&
      !spanEndingAt.has(span.first - 1) &&
      !titleLines.has(span.first) &&
      !sentenceInitial(text, tokens, span.first - 1) &&
      nameLike
    ) {
      span.rejected = 'part of a longer name';
      persons.add(span.key);
    }
    // "Ali Shamkhani", "Abu Mahdi": a small town's name followed by another capitalised word is a given name.
    if (
      after &&
      after.capitalised &&
      !after.allCaps &&
      !NEUTRAL_BEFORE.has(after.key) &&
      joinable(text, tokens[span.last], after) &&
      !spanAt.has(span.last + 1) &&
      !titleLines.has(span.first) &&
      // "Texas Governor", "Sahara Desert", "Queensland Health", "Ontario Provincial Police": the word after
      // says what the place is, or names its government, which is a reference to the place.
      !TITLE_SET.has(after.key) &&
      !FEATURE_NOUNS.has(after.key) &&
      !GOVERNMENT_WORDS.has(after.key) &&
      nameLike &&
      best < METONYM_POPULATION
    ) {
      // A given name ("Victoria Beckham"), or an organisation's ("Manitoba Hydro"): not added to the people, "Victoria" alone may well be the place.
      span.rejected = 'part of a longer name';
    }
    // A capitalised preposition counts where a sentence opens with it ("In Esperance, residents …").
    const afterLocative = before !== undefined && STRONG_LOCATIVES.has(before.key) && (!before.capitalised || sentenceInitial(text, tokens, span.first - 1));
    if (after && SPEECH_SET.has(after.key) && text.slice(tokens[span.last].end, after.start) === ' ' && onlyTowns && best < METONYM_POPULATION && !afterLocative) {
      span.rejected = 'speaker';
      persons.add(span.key);
    }
    // "met Merkel", "told Sanders": a small town right after such a verb is the person met.
    if (before && PERSON_OBJECT_VERBS.has(before.key) && onlyTowns && best < WEAK_POPULATION) {
      span.rejected = 'person met or addressed';
      persons.add(span.key);
    }
    if (after && ORGANISATION_SUFFIX.has(after.key) && after.capitalised && joinable(text, tokens[span.last], after)) {
      span.rejected = 'organisation name';
    }
    const reason = nonPlaceUse(text, tokens, span, spanAt, gazetteer);
    if (reason) span.rejected = reason;
    // "Wadi al-Kfour", "Deir al-Balah", "Ras al-Ain": a word of an Arabic name joined to the next by the
    // article is part of a longer name the gazetteer lacks (not Wādi in India, not the Ain in France).
    if (best < METONYM_POPULATION && (ARABIC_LINK_AFTER.test(text.slice(span.end, span.end + 6)) || ARABIC_LINK_BEFORE.test(text.slice(Math.max(0, span.start - 24), span.start)))) {
      span.rejected = 'part of a longer Arabic name';
    }
    // "according to Whitley," — a small town's name quoted as a source is a person.
    if (
      before?.key === 'to' &&
      tokens[span.first - 2]?.key === 'according' &&
      onlyTowns &&
      best < METONYM_POPULATION &&
      !(after && after.capitalised && joinable(text, tokens[span.last], after))
    ) {
      span.rejected = 'person (quoted source)';
      persons.add(span.key);
    }
  }
  // "Whitney Houston": two town names side by side with only a space between them are one person's name.
  for (let k = 0; k + 1 < spans.length; k++) {
    const [a, b] = [spans[k], spans[k + 1]];
    if (a.last + 1 !== b.first || a.fixed || b.fixed || text.slice(a.end, b.start) !== ' ' || titleLines.has(a.first)) continue;
    const biggest = largestPopulation(a, gazetteer);
    if (mayBeName(a, gazetteer) && mayBeName(b, gazetteer) && biggest < METONYM_POPULATION) {
      a.rejected = b.rejected = 'person (two names side by side)';
      persons.add(a.key).add(b.key);
    }
  }

  // Evidence around each span.
  const live = spans.filter((span) => !span.rejected);
  /** The live span listed right before this one ("in Darfur and Malakal", "Anhui, Guangdong, Hubei"), if any. */
  const listedAfter = new Map<Span, Span>();
  for (let k = 1; k < live.length; k++) {
    const gap = live[k].start - live[k - 1].end;
    // Most neighbours have words between them: only short gaps can be a list's separator.
    if (gap > 0 && gap <= 14 && LIST_GAP.test(text.slice(live[k - 1].end, live[k].start))) listedAfter.set(live[k], live[k - 1]);
  }
  /** Whether a locative preposition governs the span, directly or through the list it belongs to. */
  const locative = (span: Span, strong: boolean): boolean => {
    const set = strong ? STRONG_LOCATIVES : LOCATIVE_SET;
    for (let item: Span | undefined = span, hops = 0; item && hops < 12; item = listedAfter.get(item), hops++) {
      const before = tokens[item.first - 1];
      if (before && set.has(before.key) && (!before.capitalised || sentenceInitial(text, tokens, item.first - 1))) return true;
      // "the town of Tame", "the province of Arauca": a place noun with "of" places the name.
      const noun = tokens[item.first - 2];
      if (before?.key === 'of' && noun && !noun.capitalised && PLACE_NOUNS.has(noun.key)) return true;
    }
    return false;
  };
  /** A locative right before the name or before its article ("in the EU"). */
  const afterLocative = (span: Span) =>
    locative(span, false) || (tokens[span.first - 1]?.key === 'the' && LOCATIVE_SET.has(tokens[span.first - 2]?.key ?? ''));
  /** "Paris, Texas": the span right after a comma that names the place's state or country. */
  const qualifierOf = new Map<Span, Span>();
  const qualifies = new Map<Span, Span>();
  /** Whether `b` can qualify one of `a`'s places: its country, or its state / governorate. */
  const compatible = (a: Span, b: Span) =>
    b.candidates.some((bi) => {
      const q = gazetteer.entryAt(bi);
      if (q.place.precision !== 'country' && q.place.precision !== 'region') return false;
      return a.candidates.some((ai) => {
        if (ai === bi) return false; // "Arbil, Irbil": a place does not qualify itself
        const e = gazetteer.entryAt(ai);
        if (e.place.country !== q.place.country || e.place.precision === 'country') return false;
        // A town or a county ("Scott County, Indiana") in the qualifier's state; any town of the country for
        // an area without a first-level code ("Perth, Scotland").
        return q.place.precision === 'country' || ((e.place.precision === 'city' || e.feature === 'ADM2') && (e.admin1 === q.admin1 || !q.admin1));
      });
    });
  const onlyCountries = (span: Span) => span.candidates.length > 0 && span.candidates.every((i) => gazetteer.entryAt(i).place.precision === 'country');
  /** "Benin, Ghana, Niger, Nigeria": a name that can be a country, listed after a country, is a member of a list of countries, not qualified by the next one. */
  const inListOfCountries = (span: Span) => {
    const previous = listedAfter.get(span);
    return previous !== undefined && onlyCountries(previous) && span.candidates.some((i) => gazetteer.entryAt(i).place.precision === 'country');
  };
  /**
   * Whether `b` after "`a`, " is a first-level area or a country that qualifies a town `a` (a name that
   * can only be a town), rather than continuing a list ("Lagos, Abuja and Kano"; "Paris, Texas and Ohio").
   */
  const namesAnotherArea = (a: Span, b: Span, next: Span | undefined) => {
    if (a.fixed || b.fixed || a.candidates.length === 0 || b.candidates.length === 0) return false;
    const townsOnly = a.candidates.every((i) => gazetteer.entryAt(i).place.precision === 'city');
    if (!townsOnly) return false;
    const isArea = (i: number) => {
      const { precision, country } = gazetteer.entryAt(i).place;
      return precision === 'country' || (precision === 'region' && country !== '');
    };
    const areaCountries = new Set(b.candidates.filter(isArea).map((i) => gazetteer.entryAt(i).place.country));
    if (areaCountries.size === 0) return false;
    const after = text.slice(b.end, next ? next.start : b.end + 12);
    // The area reading must be the plain one: only areas by that name ("Hamilton, Tasmania": not a town
    // of Tasmania the gazetteer knows), or an area qualified in turn ("Stroud, Ontario, Canada") when the
    // town has no namesake in that country at all ("Lagos, Abuja, Nigeria" may be two Nigerian cities).
    if (!b.candidates.every(isArea)) {
      const qualifiedInTurn = next !== undefined && /^,\s?$/.test(after) && compatible(b, next);
      if (!qualifiedInTurn || a.candidates.some((i) => areaCountries.has(gazetteer.entryAt(i).place.country))) return false;
    }
    // A list goes on after the area ("Paris, Texas and Ohio", "…, Texas, Ohio"); a qualifier ends the
    // phrase or is qualified in turn ("Stroud, Ontario, Canada").
    if (/^\s*(?:and|or|&)\b/.test(after)) return false;
    if (next && /^,\s?$/.test(after) && !compatible(b, next) && !next.candidates.every((i) => gazetteer.entryAt(i).place.precision === 'country')) return false;
    return !listedAfter.has(a);
  };
  for (let k = 0; k + 1 < live.length; k++) {
    const a = live[k];
    const b = live[k + 1];
    if (!/^,\s?$/.test(text.slice(a.end, b.start))) continue;
    if (compatible(a, b) && !inListOfCountries(a)) {
      qualifierOf.set(a, b);
      qualifies.set(b, a);
    } else if (namesAnotherArea(a, b, live[k + 2])) {
      // "Stroud, Ontario": the text places the town in an area where the gazetteer has no such town, so
      // none of the towns it has by that name (in England, in Australia) is the one meant.
      a.rejected = 'not in the area its qualifier names';
    }
  }
  // "the town of Palma in northern Mozambique": a town the text places in a country or area. When none of
  // the towns by that name lies there, the gazetteer lacks the one meant (the Spanish Palma is not it);
  // otherwise only those that lie there remain. A capital is left alone: "Moscow in Ukraine" is its
  // government's doing there.
  // So does "Mozambique's coastal town of Palma", the area first.
  const placed = new Set<Span>();
  const isArea = (e: GazetteerEntry) => (e.place.precision === 'country' || e.place.precision === 'region') && e.place.country !== '';
  for (let k = 0; k + 1 < live.length; k++) {
    const placedIn = IN_AN_AREA.test(text.slice(live[k].end, live[k + 1].start)) && !/^['’]s\b/.test(text.slice(live[k + 1].end, live[k + 1].end + 3));
    const [a, b] = placedIn ? [live[k], live[k + 1]] : [live[k + 1], live[k]];
    if (a.fixed || a.rejected || !(placedIn || townOfTheArea(text.slice(b.end, a.start)))) continue;
    if (a.candidates.length === 0 || !a.candidates.every((i) => gazetteer.entryAt(i).place.precision === 'city')) continue;
    const named = b.fixed ? [b.fixed] : b.candidates.map((i) => gazetteer.entryAt(i));
    // "in Ontario" may be the Californian city; "Ontario's town of" can only be an area.
    const areas = placedIn ? named : named.filter(isArea);
    if (areas.length === 0 || !areas.every(isArea)) continue;
    const inside = a.candidates.filter((i) => {
      const town = gazetteer.entryAt(i);
      return areas.some((area) => area.place.country === town.place.country && (area.place.precision === 'country' || !area.admin1 || area.admin1 === town.admin1));
    });
    placed.add(a);
    if (inside.length > 0) a.candidates = inside;
    else if (!a.candidates.some((i) => gazetteer.entryAt(i).feature === 'PPLC')) a.rejected = NOT_IN_ITS_AREA;
  }
  // The same town elsewhere in the story ("Palma's residents") is the one the gazetteer lacks too.
  const lacking = new Set(live.filter((span) => span.rejected === NOT_IN_ITS_AREA).map((span) => span.key));
  if (lacking.size > 0) {
    for (const span of live) if (!span.fixed && !span.rejected && lacking.has(span.key) && !qualifierOf.has(span) && !placed.has(span)) span.rejected = NOT_IN_ITS_AREA;
  }

  // Every other bare mention of a person's name is the person too, unless the text says it is a place —
  // there or anywhere in the article ("in Esperance" makes "Esperance residents" the town as well).
  const placeEvidence = new Set<string>();
  for (const span of live) if (locative(span, true) || qualifierOf.has(span)) placeEvidence.add(span.key);
  for (const span of live) {
    if (
      !span.fixed &&
      persons.has(span.key) &&
      !placeEvidence.has(span.key) &&
      !locative(span, true) &&
      !qualifierOf.has(span) &&
      mayBeName(span, gazetteer)
    ) {
      span.rejected = 'person';
    }
  }

  // Drop candidates that lack the evidence their name needs.
  for (const span of live) {
    const head = tokens[span.first];
    const single = span.first === span.last;
    const strongLocative = locative(span, true);
    const qualified = qualifierOf.has(span);
    span.candidates = span.candidates.filter((index) => {
      const entry = gazetteer.entryAt(index);
      const { precision, population = 0 } = entry.place;
      // The EU is mostly the organisation ("the EU pledged"): a place only after a locative ("in the EU").
      if (ORGANISATION_AREAS.has(entry.place.id) && !span.fixed && !afterLocative(span)) return false;
      if (precision === 'country' || precision === 'region' || span.fixed) return true;
      if (head.allCaps && single && population < ALL_CAPS_POPULATION && precision === 'city' && !qualified) return false;
      if (single && gazetteer.isCommonWord(span.key) && !strongLocative && !qualified) return false;
      // Very short names ("Bo", "Ely", "Ayr") are too easily something else: big towns only, or context.
      if (single && span.key.length <= 3 && population < ALL_CAPS_POPULATION && !strongLocative && !qualified) return false;
      return true;
    });
    if (span.candidates.length === 0 && !span.fixed) span.rejected = 'common word or weak match';
  }

  // Pass 1: resolve on names alone; confident results become the article's context.
  const resolved = live.filter((span) => !span.rejected);
  const contextCountries = new Map<string, number>();
  const contextAdmin = new Map<string, number>();
  /** What each name contributed, so that a name is never evidence for itself. */
  const own = new Map<string, Map<string, number>>();
  /** Confidently placed cities and sites, once each, with the names that placed them. */
  const anchors = new Map<number, { entry: GazetteerEntry; keys: Set<string> }>();
  const bump = (spanKey: string, key: string, weight: number) => {
    const map = key.includes('.') ? contextAdmin : contextCountries;
    map.set(key, (map.get(key) ?? 0) + weight);
    let mine = own.get(spanKey);
    if (!mine) own.set(spanKey, (mine = new Map()));
    mine.set(key, (mine.get(key) ?? 0) + weight);
  };
  const evidence = (spanKey: string, key: string) => {
    const map = key.includes('.') ? contextAdmin : contextCountries;
    return (map.get(key) ?? 0) - (own.get(spanKey)?.get(key) ?? 0);
  };
  for (const span of resolved) {
    const entries = span.fixed ? [span.fixed] : span.candidates.map((i) => gazetteer.entryAt(i));
    const scored = entries.map((entry) => ({ entry, score: prior(entry) })).sort((a, b) => b.score - a.score);
    const margin = scored.length > 1 ? scored[0].score - scored[1].score : Infinity;
    const top = scored[0].entry.place;
    // Only places that stand on their own set the context; a small town would vouch for itself.
    const strong =
      top.precision !== 'city' || (top.population ?? 0) >= WEAK_POPULATION || locative(span, false) || qualifierOf.has(span);
    // Areas spanning countries (the continent "Australia", the "Americas") do not contradict a country.
    const sameCountry = entries.every((entry) => entry.place.country === top.country || entry.place.country === '');
    if (strong && (sameCountry || margin >= 2.5)) {
      const { place } = scored[0].entry;
      const admin1 = scored[0].entry.admin1;
      if (place.country) bump(span.key, place.country, place.precision === 'country' ? 2 : 1);
      if (admin1 && (place.precision === 'region' || place.precision === 'city')) {
        bump(span.key, `${place.country}.${admin1}`, place.precision === 'region' ? 2 : 1);
      }
      if (place.precision === 'city' || place.precision === 'site') {
        const anchor = anchors.get(scored[0].entry.index) ?? { entry: scored[0].entry, keys: new Set<string>() };
        anchor.keys.add(span.key);
        anchors.set(scored[0].entry.index, anchor);
      }
    }
  }

  // Lists of one kind: "British Columbia, Alberta, Manitoba, Ontario and New Brunswick" are provinces of
  // one country, "Benin, Ghana, Niger and Togo" countries. Each member's most plausible reading on its
  // own (its kind and country) is a vote for the readings of the others.
  const listKinds = new Map<Span, string[]>();
  for (let k = 0; k < resolved.length; k++) {
    const head = resolved[k];
    if (listedAfter.has(head) && !qualifies.has(head)) continue; // not the first member
    const members = [head];
    for (let next = resolved[k + 1], j = k + 1; next && listedAfter.get(next) === members[members.length - 1] && !qualifies.has(next); next = resolved[++j]) {
      members.push(next);
    }
    const joinedByAnd = members.some((m, i) => i > 0 && /\b(?:and|or)\b/.test(text.slice(members[i - 1].end, m.start)));
    if (members.length < 3 && !(members.length === 2 && joinedByAnd)) continue;
    const kinds = members.map((m) => {
      if (m.fixed) return kindOf(m.fixed);
      let best: GazetteerEntry | null = null;
      for (const i of m.candidates) {
        const e = gazetteer.entryAt(i);
        if (!best || prior(e) > prior(best)) best = e;
      }
      // A province named after its capital ("Piura") can be either: no vote.
      if (best?.place.precision === 'region' && m.candidates.some((i) => isCapitalOf(gazetteer.entryAt(i), best!))) return '';
      return best ? kindOf(best) : '';
    });
    members.forEach((m, i) => listKinds.set(m, kinds.filter((_, j) => j !== i)));
  }

  /** How many distinct first-level areas of a country the article names, not counting this name's own. */
  const areasNamed = (country: string, spanKey: string) => {
    let count = 0;
    const prefix = `${country}.`;
    for (const [key, weight] of contextAdmin) if (key.startsWith(prefix) && weight - (own.get(spanKey)?.get(key) ?? 0) > 0) count++;
    return count;
  };
  /** The most evidence any other country than `country` has in the article. */
  const strongestCountryEvidence = (country: string) => {
    let most = 0;
    for (const [key, weight] of contextCountries) if (key !== country && weight > most) most = weight;
    return most;
  };
  /** Whether another place named in the article lies within 150 km (not this name vouching for itself). */
  const nearAnchor = (index: number, key: string, place: { lon: number; lat: number }) => {
    for (const [anchorIndex, anchor] of anchors) {
      if (anchorIndex === index || (anchor.keys.size === 1 && anchor.keys.has(key))) continue;
      if (haversineKm(anchor.entry.place, place) < 150) return true;
    }
    return false;
  };

  // Pass 2: score each candidate with the context.
  for (const span of resolved) {
    if (span.fixed) {
      span.chosen = span.fixed;
      continue;
    }
    const qualifier = qualifierOf.get(span);
    const qualified = qualifies.get(span);
    const qualifierEntries = qualifier ? qualifier.candidates.map((i) => gazetteer.entryAt(i)) : [];
    let best: { entry: GazetteerEntry; score: number } | null = null;
    const competesWithCountry = span.candidates.some((i) => gazetteer.entryAt(i).place.precision === 'country');
    const competesWithWorld = span.candidates.some((i) => WORLD_FEATURES.has(gazetteer.entryAt(i).feature));
    // Countries and "<country>.<admin1>" codes of the first-level areas this name can be (shared empty
    // sets for the many names that are no area: no allocation per span).
    let regionCountries = NO_KEYS;
    let regionCodes = NO_KEYS;
    for (const i of span.candidates) {
      const candidate = gazetteer.entryAt(i);
      if (candidate.place.precision === 'region' && candidate.place.country) {
        if (regionCountries === NO_KEYS) [regionCountries, regionCodes] = [new Set<string>(), new Set<string>()];
        regionCountries.add(candidate.place.country);
        if (candidate.admin1) regionCodes.add(`${candidate.place.country}.${candidate.admin1}`);
      }
    }
    for (const index of span.candidates) {
      const entry = gazetteer.entryAt(index);
      const { place } = entry;
      let score = prior(entry);
      // The name as written over a variant or alias ("St. Louis" is the US city, not Saint-Louis).
      if (nameKey(place.name) === span.key) score += 0.3;
      // A natural feature by a shortened name ("Java" for the Java Sea) only when nothing else has the name.
      else if (place.precision === 'region' && place.country === '' && !WORLD_FEATURES.has(entry.feature) && entry.feature !== 'region') score -= 1.5;
      // Against a country of the same name ("Lebanon"), a town needs more than its country being mentioned.
      // A state is more than a town: when the article names other states of its country ("the states of
      // Texas and Georgia"), their country counts in full.
      // Against a continent or an ocean ("Asia", "Atlantic"), a town's country counts only a little too.
      const countryCap =
        (competesWithCountry && place.precision !== 'country' && !(place.precision === 'region' && areasNamed(place.country, span.key) >= 2)) ||
        (competesWithWorld && place.precision === 'city')
          ? 1
          : 3;
      score += Math.min(evidence(span.key, place.country), countryCap) * 1.2;
      // Nor does a town named like a state ("California, Pennsylvania") win over the state from its own
      // state's mention: the evidence says the article is about states.
      if (entry.admin1 && !(competesWithCountry && place.precision === 'city') && !(place.precision === 'city' && ((regionCountries.has(place.country) && !regionCodes.has(`${place.country}.${entry.admin1}`)) || competesWithWorld))) {
        score += Math.min(evidence(span.key, `${place.country}.${entry.admin1}`), 2) * 1.2;
      }
      for (const q of qualifierEntries) {
        if (q.place.precision === 'country' && q.place.country === place.country) score += 6;
        if (q.place.precision === 'region' && q.place.country === place.country && q.admin1 === entry.admin1) score += 8;
        else if (q.place.precision === 'region' && q.place.country === place.country && !q.admin1 && place.precision === 'city') score += 6;
      }
      // The qualifier itself: "Seattle, Washington" is the state, not the capital.
      if (qualified && place.precision !== 'city') {
        for (const c of qualified.candidates.map((i) => gazetteer.entryAt(i))) {
          if (c.place.country !== place.country) continue;
          if (place.precision === 'country' || (place.precision === 'region' && entry.admin1 === c.admin1)) score += 8;
        }
      }
      if (place.precision === 'city' && nearAnchor(index, span.key, place)) score += 1;
      // The list's vote lifts areas and countries only: a town in a list of towns has its neighbours
      // (nearAnchor), and "New York City and Florida" does not make Florida a town.
      const otherKinds = listKinds.get(span);
      if (otherKinds && (place.precision === 'country' || (place.precision === 'region' && place.country))) {
        const kind = kindOf(entry);
        const alike = otherKinds.filter((k) => k === kind).length;
        if (alike > 0 && alike * 2 >= otherKinds.length) score += 2.5;
      }
      // A province named after its capital ("Kidal", "Gao", "Piura"): the bare name is the town, the
      // more precise reading, within the province either way; "Kidal region" names the province.
      if (regionCodes.size > 0 && (entry.feature === 'PPLA' || entry.feature === 'PPLC') && regionCodes.has(`${place.country}.${entry.admin1}`)) score += 2.5;
      if (!best || score > best.score || (score === best.score && (place.population ?? 0) > (best.entry.place.population ?? 0))) {
        best = { entry, score };
      }
    }
    if (!best) continue;
    const { place } = best.entry;
    // A small town needs evidence: a locative, a qualifier, or its country in the article.
    if (
      place.precision === 'city' &&
      (place.population ?? 0) < WEAK_POPULATION &&
      !locative(span, false) &&
      !qualifier &&
      evidence(span.key, place.country) <= 0
    ) {
      span.rejected = 'small town without evidence';
      continue;
    }
    // A village abroad that nothing else in a story about another country supports ("in Lam area" in a
    // Kandahar report is no Bavarian village), even after "in": the name is more likely a local one the
    // gazetteer lacks.
    /** Nothing in a story about another country (with this much evidence for it) supports the town. */
    const unsupportedAbroad = (storyEvidence: number) =>
      !qualifier &&
      evidence(span.key, place.country) <= 0 &&
      !nearAnchor(best!.entry.index, span.key, place) &&
      strongestCountryEvidence(place.country) >= storyEvidence;
    if (place.precision === 'city' && (place.population ?? 0) < VILLAGE_POPULATION && unsupportedAbroad(3)) {
      span.rejected = 'village abroad without evidence';
      continue;
    }
    // Another spelling of a town abroad ("Nish district" in a Kandahar story is no Niš in Serbia): a
    // variant is weaker than the town's own name, so it needs the town's country or a neighbour named.
    if (place.precision === 'city' && best.entry.feature !== 'PPLC' && !ownName(place.name, span.key) && unsupportedAbroad(2)) {
      span.rejected = 'other spelling of a town abroad without evidence';
      continue;
    }
    span.chosen = best.entry;
  }

  // "the capital" alone, in a story about one country, is that country's capital ("a base south-west of
  // the capital"); not when a name follows ("the capital Mogadishu") or the story names several countries.
  // The story's country is weighed (a scan of every token for demonyms) only when the phrase occurs.
  let capitalOfStory: GazetteerEntry | null | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i].key !== 'capital') continue;
    const [the, word, next] = [tokens[i - 1], tokens[i], tokens[i + 1]];
    if (the.key !== 'the' || word.capitalised || !joinable(text, the, word)) continue;
    if (next && (next.key === 'of' || next.key === 'city' || (next.capitalised && candidatesOf(gazetteer, names, next.key).length > 0)) && /^,? $/.test(text.slice(word.end, next.start))) continue;
    if (overlapsAny(ignore, word.start, word.end) || spans.some((sp) => sp.first <= i && sp.last >= i)) continue;
    if (capitalOfStory === undefined) capitalOfStory = storyCapital();
    if (!capitalOfStory) break;
    const span = makeSpan(i, i, word.start, word.end, 'capital', [], capitalOfStory);
    span.chosen = capitalOfStory;
    resolved.push(span);
  }
  if (capitalOfStory) resolved.sort((a, b) => a.start - b.start);
  function storyCapital(): GazetteerEntry | null {
    let [first, second, country] = [0, 0, ''];
    // Demonyms ("Somali soldiers") tell the story's country as well as its places do.
    const weights = new Map(contextCountries);
    for (const token of tokens) {
      const code = token.capitalised ? DEMONYM_COUNTRY.get(token.key) : undefined;
      if (code && !overlapsAny(ignore, token.start, token.end)) weights.set(code, (weights.get(code) ?? 0) + 1);
    }
    for (const [key, weight] of weights) {
      if (weight > first) [second, first, country] = [first, weight, key];
      else if (weight > second) second = weight;
    }
    return first >= 2 && first >= 2 * second ? gazetteer.capital(country) : null;
  }

  // One sense per article: once "Lebanon, Tennessee" is spelled out, a bare "Lebanon" is the same place.
  const qualifiedSense = new Map<string, GazetteerEntry>();
  for (const span of resolved) if (span.chosen && qualifierOf.has(span)) qualifiedSense.set(span.key, span.chosen);
  for (const span of resolved) {
    const sense = qualifiedSense.get(span.key);
    if (sense && !span.fixed && !qualifierOf.has(span) && span.candidates.includes(sense.index)) {
      span.chosen = sense;
      span.rejected = undefined;
    }
  }

  if (options.rejected) {
    for (const span of spans) {
      if (span.rejected) options.rejected.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), reason: span.rejected });
    }
  }
  return resolved
    .filter((span) => span.chosen && !span.rejected)
    .map((span) => ({ file, start: span.start, end: span.end, text: text.slice(span.start, span.end), place: span.chosen!.place }));
}

/**
 * "Cotabato City", "Gaza City", "Davao City": a town's name with "City" after it, when the gazetteer has no
 * such name, is the town (not a person named like two towns, nor the word "City").
 */
function cityWithItsWord(text: string, tokens: Token[], spans: Span[], gazetteer: Gazetteer): Span[] {
  let out: Span[] | null = null; // a copy only when a span changes (rarely: most texts have no "X City")
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    const next = tokens[span.last + 1];
    // Cheapest tests first: this runs for every span of every article.
    if (next?.key === 'city' && !span.fixed && text.charCodeAt(next.start) === 67 /* C */ && next.start === span.end + 1 && text.charCodeAt(span.end) === 32) {
      const towns = span.candidates.filter((i) => gazetteer.entryAt(i).place.precision === 'city');
      if (towns.length > 0) {
        out ??= spans.slice(0, k);
        out.push(makeSpan(span.first, span.last + 1, span.start, next.end, span.key, towns));
        if (spans[k + 1]?.first === span.last + 1) k++; // the word "City" matched on its own
        continue;
      }
    }
    out?.push(span);
  }
  return out ?? spans;
}

/**
 * Why a matched name is used as something other than a place here, or null: a month ("in August"), a
 * season with a year ("Spring 2002"), a currency ("US$2 million"), or a place naming an organisation,
 * publication or virus ("Fiji Health Ministry", "University of Georgia", "Agence France-Presse",
 * "Radio Pyongyang", "Reston ebolavirus").
 */
function nonPlaceUse(text: string, tokens: Token[], span: Span, spanAt: Map<number, Span>, gazetteer: Gazetteer): string | null {
  if (span.fixed) return null;
  const single = span.first === span.last;
  const next = tokens[span.last + 1];
  // The one character between the name and the next word, or -1 when the gap is wider (or there is none).
  const gapAfter = next && next.start - span.end === 1 ? text.charCodeAt(span.end) : -1;
  if (single && MONTHS.has(span.key)) return 'month';
  if (single && tokens[span.first].allCaps && TIME_ZONES.has(span.key)) return 'time zone';
  if (single && NEWS_AGENCIES.has(span.key) && (tokens[span.first].allCaps || span.key.length > 4)) return 'news agency';
  // "Canadian" is not Canadian, Texas, nor "Somali" the Somali Region; a demonym that is also a country's name ("Vatican") stays.
  if (DEMONYM_COUNTRY.has(span.key) && !span.candidates.some((i) => gazetteer.entryAt(i).place.precision === 'country')) return 'demonym';
  if (single && SEASONS.has(span.key) && gapAfter === 32 && /^\d{4}$/.test(next.key)) return 'season';
  if (text.charCodeAt(span.end) === 36 || (span.start > 0 && text.charCodeAt(span.start - 1) === 36)) return 'currency';
  if ((gapAfter === 32 || gapAfter === 45) && PATHOGEN_WORDS.has(next.key)) return 'name of a virus';
  // "France-Presse": joined by a hyphen to a capitalised word that is no place of its own.
  if (gapAfter === 45 && next.capitalised && !spanAt.has(span.last + 1)) return 'part of a hyphenated name';
  // The capitalised words that follow, up to three: "Kenya Red Cross Society".
  for (let k = span.last + 1, previous = tokens[span.last]; k < tokens.length && k <= span.last + 3; k++) {
    const word = tokens[k];
    if (!word.capitalised || word.allCaps || !joinable(text, previous, word) || spanAt.has(k)) break;
    if (ORGANISATION_HEADS.has(word.key) || ORGANISATION_SUFFIX.has(word.key)) return 'organisation name';
    previous = word;
  }
  const before = tokens[span.first - 1];
  if (before && before.capitalised && ORGANISATION_BEFORE.has(before.key) && joinable(text, before, tokens[span.first])) return 'organisation name';
  // "University of Georgia", "Voice of America", "Peanut Corporation of America".
  const owner = tokens[span.first - 2];
  if (before?.key === 'of' && !before.capitalised && owner?.capitalised && ORGANISATION_OF.has(owner.key) && /^ $/.test(text.slice(owner.end, before.start))) {
    return 'organisation name';
  }
  return null;
}

/** Longest-match lookup of capitalised word sequences, plus the phrases the index cannot hold. */
function matchSpans(text: string, tokens: Token[], gazetteer: Gazetteer, names: NameLookups | undefined): Span[] {
  const spans: Span[] = [];
  const maxWords = Math.min(gazetteer.maxNameWords, 8);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    const short = token.key.length <= SHORT_WORD_MAX_LENGTH;
    const directional = !token.capitalised && isDirectionWord(token.key);
    // "al-Qaim": a lowercase Arabic article may start a name when a capitalised word follows.
    const next = tokens[i + 1];
    const article = !token.capitalised && short && ARTICLES.has(token.key) && next !== undefined && next.capitalised && joinable(text, token, next);
    if (!token.capitalised && !directional && !article) {
      i++;
      continue;
    }
    const phrase = token.capitalised ? (capitalPhrase(text, tokens, i, gazetteer, names) ?? stateAbbreviation(text, tokens, i, gazetteer)) : null;
    if (phrase) {
      spans.push(phrase);
      i = phrase.last + 1;
      continue;
    }
    // "St. Louis", "St Petersburg": looked up as written and with "saint" (GeoNames has both forms).
    const saintWord = short ? SAINTS.get(token.key) : undefined;
    const saint = saintWord !== undefined && next !== undefined && next.capitalised && /^\.? $/.test(text.slice(token.end, next.start));
    // Token keys joined by single spaces are the key of the whole name (gaps are one space or hyphen).
    let key = token.key;
    let saintKey = saint ? saintWord : null;
    // Grow the window while the words so far begin some known name, remembering the longest full match.
    let last = -1;
    let lastKey = '';
    let lastCandidates: readonly number[] = [];
    for (let j = i; ; j++) {
      if (j > i) {
        key = `${key} ${tokens[j].key}`;
        if (saintKey !== null) saintKey = `${saintKey} ${tokens[j].key}`;
      }
      const candidates =
        saintKey === null ? candidatesOf(gazetteer, names, key) : [...new Set([...candidatesOf(gazetteer, names, key), ...candidatesOf(gazetteer, names, saintKey)])];
      // A lowercase word other than a connector ends the name: "The village" is a phrase, not The Village.
      const inner = tokens[j];
      if (j > i && !inner.capitalised && !isAsciiDigit(inner.key.charCodeAt(0)) && !isElision(text, inner)) {
        // Generic words may follow a name the index holds with them ("Erbil airport", "Duhok province"), not "The".
        // After a lowercase direction ("eastern province") a generic word is a description, not a name.
        const generic = (PLACE_NOUNS.has(inner.key) || FEATURE_NOUNS.has(inner.key)) && token.capitalised && token.key !== 'the';
        if (!NAME_CONNECTORS.has(inner.key) && !generic) break;
      }
      const connector = j > i && !inner.capitalised && NAME_CONNECTORS.has(inner.key);
      // A lowercase direction or article only starts a name that the index holds whole ("northern Iraq").
      if (candidates.length > 0 && !connector && !((directional || article || saint) && j === i)) {
        last = j;
        lastKey = key;
        lastCandidates = candidates;
      }
      const following = tokens[j + 1];
      const joined = following !== undefined && (joinable(text, tokens[j], following) || (saint && j === i));
      if (!joined || j + 1 - i >= maxWords) break;
      if (!isNamePrefix(gazetteer, names, key) && (saintKey === null || !isNamePrefix(gazetteer, names, saintKey))) break;
    }
    if (last < 0) {
      i++;
      continue;
    }
    const matched = makeSpan(i, last, token.start, tokens[last].end, saint ? nameKey(text.slice(token.start, tokens[last].end)) : lastKey, [...lastCandidates]);
    // "Iraq's international airport": the country's (or city's) airport, chosen from the article.
    const airport = airportPhrase(text, tokens, matched, gazetteer);
    const found = airport ?? directionalPhrase(text, tokens, matched, gazetteer, spans) ?? matched;
    spans.push(found);
    i = found.last + 1;
  }
  resolveAirportPhrases(spans, gazetteer);
  return spans;
}

/**
 * "the Kenyan capital", "the South African capital": a demonym and "capital" name the country's capital.
 * Not when the capital's own name follows ("the Kenyan capital, Nairobi"): that name is the mention.
 */
function capitalPhrase(text: string, tokens: Token[], i: number, gazetteer: Gazetteer, names: NameLookups | undefined): Span | null {
  if (tokens[i - 1]?.key !== 'the') return possessiveCapital(text, tokens, i, gazetteer, names);
  let key = tokens[i].key;
  for (let j = i; j < i + DEMONYM_MAX_WORDS && j + 1 < tokens.length; j++) {
    if (j > i) {
      if (!tokens[j].capitalised || !joinable(text, tokens[j - 1], tokens[j])) return null;
      key = `${key} ${tokens[j].key}`;
    }
    const word = tokens[j + 1];
    const code = DEMONYM_COUNTRY.get(key);
    if (!code || word.key !== 'capital' || word.capitalised || !joinable(text, tokens[j], word)) continue;
    const following = tokens[j + 2];
    if (following?.capitalised && /^,? $/.test(text.slice(word.end, following.start)) && candidatesOf(gazetteer, names, following.key).length > 0) return null;
    const entry = gazetteer.capital(code);
    if (!entry) return null;
    const start = tokens[i].start;
    return makeSpan(i, j + 1, start, word.end, `capital of ${code}`, [], entry);
  }
  return null;
}

/**
 * "Colombia's capital", "South Sudan's capital": a country's possessive and "capital" name its capital,
 * unless the capital's own name follows ("Colombia's capital, Bogotá").
 */
function possessiveCapital(text: string, tokens: Token[], i: number, gazetteer: Gazetteer, names: NameLookups | undefined): Span | null {
  // Runs for every capitalised word: find the possessive and "capital" before building any key.
  let j = i;
  while (!tokens[j].possessive) {
    if (j - i >= 3 || j + 2 >= tokens.length || !tokens[j + 1].capitalised || !joinable(text, tokens[j], tokens[j + 1])) return null;
    j++;
  }
  const word = tokens[j + 1];
  if (!word || word.key !== 'capital' || word.capitalised) return null;
  let key = tokens[i].key;
  for (let k = i + 1; k <= j; k++) key = `${key} ${tokens[k].key}`;
  const country = candidatesOf(gazetteer, names, key).map((c) => gazetteer.entryAt(c)).find((e) => e.place.precision === 'country');
  const entry = country ? gazetteer.capital(country.place.country) : null;
  if (!entry) return null;
  // "Angola's capital city Luanda", "Zimbabwe's capital of Harare", "Luanda, Angola's capital": the name is there.
  if (/^(?:\s+city)?(?:\s+of\s+|,\s*|\s+)\p{Lu}/u.test(text.slice(word.end, word.end + 20))) return null;
  const around = nameKey(`${text.slice(Math.max(0, tokens[i].start - 30), tokens[i].start)} ${text.slice(word.end, word.end + 30)}`.replace(/[^\p{L}\p{M}' -]+/gu, ' '));
  if (` ${around} `.includes(` ${nameKey(entry.place.name)} `)) return null;
  return makeSpan(i, j + 1, tokens[i].start, word.end, `capital of ${country!.place.country}`, [], entry);
}

/**
 * "Springfield, Ill.", "Charleston, W.Va.": a US state's AP abbreviation right after a comma and a
 * capitalised name is that state, and qualifies the name before it like a state written in full. Only
 * there: on its own "Ill." or "Mass." is a word.
 */
function stateAbbreviation(text: string, tokens: Token[], i: number, gazetteer: Gazetteer): Span | null {
  const token = tokens[i];
  const before = tokens[i - 1];
  if (!before?.capitalised || token.key.length > 5) return null;
  const code = STATE_ABBREVIATION.get(token.key);
  if (!code) return null;
  const gap = text.slice(before.end, token.start);
  if (gap !== ', ' && gap !== ',') return null;
  // The abbreviation's own dot: part of the token ("N.Y.") or right after it ("Ill.").
  const dotted = text.charCodeAt(token.end - 1) === 46 ? token.end : text.charCodeAt(token.end) === 46 ? token.end + 1 : -1;
  if (dotted < 0) return null;
  const state = gazetteer.placesIn('US', 'region').find((entry) => entry.admin1 === code && entry.place.id.startsWith('adm1:'));
  if (!state) return null;
  return makeSpan(i, i, token.start, dotted, token.key, [state.index], state);
}

/** "northern Syria", "north-eastern Syria", "Southern Lebanon": a direction right before a country. */
function directionalPhrase(text: string, tokens: Token[], span: Span, gazetteer: Gazetteer, before: Span[]): Span | null {
  const country = span.candidates.map((i) => gazetteer.entryAt(i).place).find((p) => p.precision === 'country');
  if (!country) return null;
  let first = span.first - 1;
  const previous = tokens[first];
  if (!previous || !joinable(text, previous, tokens[span.first])) return null;
  // "Central" alone may have matched a town called Central; as a direction it belongs to the country.
  const overlapping = before.length > 0 && before[before.length - 1].last >= first - 1 ? before[before.length - 1] : null;
  if (overlapping && overlapping.last >= first && !(overlapping.first === first && DIRECTION_OF.has(previous.key))) return null;
  let words = previous.key;
  const earlier = tokens[first - 1];
  if ((words === 'eastern' || words === 'western') && earlier && /^(north|south)$/.test(earlier.key) && text.slice(earlier.end, previous.start) === '-') {
    words = `${earlier.key}-${words}`;
    first -= 1;
  }
  const direction = DIRECTION_OF.get(words);
  if (!direction) return null;
  const entry = gazetteer.directional(country.country, direction);
  if (!entry) return null;
  if (overlapping && overlapping.last >= first) before.pop();
  const start = tokens[first].start;
  return makeSpan(first, span.last, start, span.end, nameKey(text.slice(start, span.end)), [], entry);
}

const AIRPORT_PHRASE = /^['’]s\s+(?:(?:main|international|main international|largest|biggest|capital['’]s)\s+)?airport\b/i;

/** Recognises "<Country>'s international airport" right after a matched name; resolved later. */
function airportPhrase(text: string, tokens: Token[], span: Span, gazetteer: Gazetteer): Span | null {
  if (!tokens[span.last].possessive) return null;
  const rest = text.slice(span.end, span.end + 40);
  const match = AIRPORT_PHRASE.exec(rest);
  if (!match) return null;
  const end = span.end + match[0].length;
  let last = span.last;
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
  const owner = span.candidates.map((i) => gazetteer.entryAt(i)).sort((a, b) => prior(b) - prior(a))[0];
  if (!owner) return null;
  return makeSpan(span.first, last, span.start, end, `airport of ${span.key}`, [], owner);
}

/**
 * Resolves airport phrases: the airport nearest a city of that country named in the article, else the one
 * nearest the country's capital (or the named city).
 */
function resolveAirportPhrases(spans: Span[], gazetteer: Gazetteer): void {
  for (const span of spans) {
    if (!span.key.startsWith('airport of ') || !span.fixed) continue;
    const owner = span.fixed.place;
    const airports = gazetteer
      .placesIn(owner.country, 'site')
      .filter((entry) => entry.feature === 'large_airport' || entry.feature === 'medium_airport');
    const nearest = (point: { lon: number; lat: number }) => {
      let best: GazetteerEntry | null = null;
      let bestKm = 50;
      for (const airport of airports) {
        const km = haversineKm(point, airport.place);
        const better = km < bestKm || (best && km === bestKm && airport.feature === 'large_airport');
        if (better) [best, bestKm] = [airport, km];
      }
      return best;
    };
    let choice: GazetteerEntry | null = null;
    if (owner.precision === 'city') choice = nearest(owner);
    if (!choice) {
      // Cities of this country named in the article, most mentioned first.
      const counts = new Map<number, number>();
      for (const other of spans) {
        if (other === span || other.fixed) continue;
        for (const index of other.candidates) {
          const entry = gazetteer.entryAt(index);
          if (entry.place.precision === 'city' && entry.place.country === owner.country) {
            counts.set(index, (counts.get(index) ?? 0) + 1);
          }
        }
      }
      const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([index]) => gazetteer.entryAt(index));
      for (const city of ranked) {
        choice = nearest(city.place);
        if (choice) break;
      }
    }
    if (!choice) {
      const capital = gazetteer.capital(owner.country);
      if (capital) choice = nearest(capital.place);
    }
    if (choice) span.fixed = choice;
    else span.rejected = 'no airport found';
  }
}
