/**
 * Actors: the people and organisations an event names. People are capitalised name sequences, with their
 * titles stripped ("Lt. General Qassem Soleimani" → "Qassem Soleimani"); organisations come from a small
 * lexicon of names the news uses in many spellings (Daesh/ISIS, IRGC, PMU/Hashd al-Sha'abi, …) or from a
 * capitalised sequence ending in an institution word ("Quds Force", "Iraqi Armed Forces").
 *
 * Spelling variants across a corpus ("Sjamkhani"/"Shamkhani", "al-Araji"/"Araji"/"Qasim al-Araji") are
 * merged by `ActorIndex`, which compares folded surnames by edit distance.
 */
import { DEMONYMS } from './gazetteer/demonyms';
import { VENUE_WORDS } from './gazetteer/aliases';
import { isWhitespaceCode } from './sentences';

export type ActorKind = 'person' | 'org';

/** A name found in text; offsets are into the original text. */
export interface ActorMention {
  start: number;
  end: number;
  /** The name as written, titles removed. */
  name: string;
  kind: ActorKind;
  /** Whether the name is certainly an actor (a title, several name words, or a lexicon org). Lone surnames are confirmed by the corpus. */
  certain: boolean;
  /** Country of a demonym in the title ("Iraqi Prime Minister …" → 'IQ'), '' when none. */
  affiliation: string;
  /** True for an organisation written as part of a person's title ("Secretary of the SNSC Ali Shamkhani"). */
  titleOnly: boolean;
}

interface OrgEntry {
  name: string;
  aliases: string[];
}

/**
 * Organisations with many spellings. Canonical name first; aliases are matched case-sensitively as whole
 * words. Kept small on purpose: anything else is recognised from its institution word.
 */
export const ORGANISATIONS: readonly OrgEntry[] = [
  { name: 'Daesh (ISIS)', aliases: ['Daesh', 'ISIS', 'ISIL', 'IS', 'Islamic State', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and Syria'] },
  { name: 'Islamic Revolution Guards Corps (IRGC)', aliases: ['IRGC', 'Islamic Revolution Guards Corps', 'Islamic Revolutionary Guard Corps', 'Revolutionary Guards', 'Revolutionary Guard', 'Sepah'] },
  { name: 'Popular Mobilization Units (PMU)', aliases: ['PMU', 'PMF', 'Popular Mobilization Units', 'Popular Mobilisation Units', 'Popular Mobilization Forces', 'Popular Mobilisation Forces', "Hashd al-Sha'abi", "Hashd al-Shaabi", 'Hashd al-Shaabi', 'al-Hashd al-Shaabi', 'Hashd'] },
  { name: 'Supreme National Security Council (SNSC)', aliases: ['SNSC', 'Supreme National Security Council'] },
  { name: 'Hezbollah', aliases: ['Hezbollah', 'Hizbollah', 'Hizballah'] },
  { name: 'Hamas', aliases: ['Hamas'] },
  { name: 'Taliban', aliases: ['Taliban'] },
  { name: 'al-Qaeda', aliases: ['al-Qaeda', 'Al-Qaeda', 'al-Qaida', 'Al Qaeda', 'al Qaeda'] },
  { name: 'al-Shabaab', aliases: ['al-Shabaab', 'Al-Shabaab', 'al-Shabab', 'Al Shabaab'] },
  { name: 'Boko Haram', aliases: ['Boko Haram'] },
  { name: 'Houthis (Ansar Allah)', aliases: ['Houthis', 'Houthi', 'Ansar Allah', 'Ansarullah'] },
  { name: 'Kurdistan Workers’ Party (PKK)', aliases: ['PKK', "Kurdistan Workers' Party", 'Kurdistan Workers’ Party'] },
  { name: 'NATO', aliases: ['NATO', 'North Atlantic Treaty Organization'] },
  { name: 'United Nations', aliases: ['UN', 'U.N.', 'United Nations'] },
  { name: 'European Union', aliases: ['EU', 'E.U.', 'European Union'] },
  { name: 'US Department of Defense', aliases: ['Pentagon', 'Department of Defense'] },
];

/** Title words (lower case, no dot) stripped from the front of names; they also confirm a person. */
const TITLES = new Set(
  ('mr mrs ms miss dr prof professor sir dame lord lady general gen lt lieutenant colonel col major maj captain capt ' +
    'sergeant sgt admiral adm commander brigadier marshal president vice prime minister foreign defence defense interior ' +
    'secretary senator sen rep representative governor gov mayor ambassador king queen prince princess sheikh shaikh ' +
    'emir sultan ayatollah imam hojatoleslam pope cardinal bishop rabbi martyr chancellor premier speaker judge ' +
    'chairman chief spokesman spokeswoman spokesperson advisor adviser envoy deputy leader commissioner seyyed sayyid ' +
    'sayyed mullah haji first lady mp superintendent inspector constable commandant').split(' '),
);

/** Last words of the names of places, buildings, venues and rites, never of a person's. */
const FACILITY_WORDS = new Set([
  ...('gymnasium gym stadium hospital clinic school college university academy mosque church cathedral chapel temple ' +
    'shrine monastery mass hall hotel airport airbase market bridge street road avenue highway square park palace ' +
    'camp base prison station museum embassy consulate building tower crossroads junction port harbour harbor bazaar ' +
    'souk mall').split(' '),
  ...VENUE_WORDS,
]);

/** What a minister is of: "Minister of Foreign Affairs Cho Tae-yul", "Minister for Home Affairs …" (title words there only). */
const PORTFOLIOS = new Set(
  ('affairs home finance justice health education trade industry energy agriculture economy information transport ' +
    'labour labor environment state commerce culture tourism planning communications security immigration housing ' +
    'mines petroleum oil water works youth sports women science technology treasury external internal public national').split(' '),
);

/** Whether a title and "of"/"for" come right before an offset ("Minister of "). */
function afterTitleOf(text: string, start: number): boolean {
  const m = /([\p{L}.]+)\s+(?:of|for)\s+(?:the\s+)?$/iu.exec(text.slice(Math.max(0, start - 40), start));
  return m !== null && isTitle(m[1].replace(/\.$/, '').toLowerCase());
}

/** Whether a word (lower case, no dot) is a title, singular or plural ("Presidents Zelensky and Duda"). */
function isTitle(word: string): boolean {
  if (TITLES.has(word)) return true;
  // Hyphenated titles: "Vice-President", "Secretary-General", "Lieutenant-Colonel", "ex-minister".
  if (word.includes('-')) return word.split('-').every((part, i) => (i === 0 && part === 'ex') || isTitle(part));
  if (word.length < 4) return false;
  if (word.endsWith('ies') && TITLES.has(word.slice(0, -3) + 'y')) return true; // secretaries
  if (word.endsWith('es') && TITLES.has(word.slice(0, -2))) return true; // princesses
  return word.endsWith('s') && TITLES.has(word.slice(0, -1)); // ministers, generals
}

/** Words that end an organisation name ("… Council", "… Forces"). */
const ORG_HEADS = new Set(
  ('council corps force forces units army navy ministry party parliament assembly committee commission agency ' +
    'organization organisation office court front movement brigade brigades battalion group guard guards police ' +
    'government cabinet senate congress union bank company corporation institute university association alliance ' +
    'coalition federation department service services authority league mission framework platform forum network ' +
    'command directorate secretariat bureau constabulary gendarmerie corp inc ltd plc llc media radio television ' +
    'broadcaster times post herald tribune gazette telegraph').split(' '),
);

/** Capitalised words that are never part of a person's name. */
const NOT_NAME = new Set(
  ('the a an in on at of for to and or but with by from as his her their its this that these those he she they we it i ' +
    'if when while after before since during under over into about between among against what which who whom whose ' +
    'though although whereas unless until because despite amid once whether even ' +
    'there here then also so yet not no all both each every some many most such other another more one two three ' +
    'former acting outgoing incoming interim analysts officials witnesses residents experts critics observers ' +
    'hundreds thousands dozens scores supporters protesters mourners villagers survivors relatives fighter fighters ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december god allah islam islamic republic revolution revolutionary middle east west ' +
    'north south western eastern northern southern central gulf sea ocean river street square airport international ' +
    'region province city state states kingdom nations war day news press tv read more share source anti takfiri ' +
    'arab arabs muslim muslims christian jewish shia shiite sunni western referring pointing heading stressing ' +
    'expressing speaking addressing according meanwhile however accelerating prosecution cooperation ' +
    'county district governorate municipality province village township commune woreda tehsil locality subdistrict ' +
    'neighbourhood neighborhood suburb town hall palace house building centre center ' +
    'stadium hospital school mosque church temple bridge port station camp base people bill act law treaty ' +
    'agreement accord constitution budget lake lakes mount mountains desert valley island islands strait bay coast ' +
    'peninsula plateau basin delta canal dam highway road forest park hill hills hotel restaurant elementary ' +
    'clinic market prison').split(' '),
);

/**
 * Forms the generated demonym table (`gazetteer/demonyms.ts`, from world-countries) lacks: abbreviations
 * used as adjectives ("US officials") and "Kurdish" for the Kurdistan Region's institutions.
 */
const EXTRA_DEMONYMS: Record<string, string> = { us: 'US', 'u.s.': 'US', uk: 'GB', kurdish: 'IQ' };

/**
 * `DEMONYMS` as a Map: looked up for every capitalised word, where an object would internalise each
 * fresh string and answer inherited keys ("constructor").
 * @param word a word in lower case
 * @returns the country code, or undefined
 * @example demonymCountry('iraqi') // 'IQ'
 */
export function demonymCountry(word: string): string | undefined {
  return DEMONYM_MAP.get(word);
}
const DEMONYM_MAP = new Map([...Object.entries(DEMONYMS).map(([form, code]): [string, string] => [form.toLowerCase(), code]), ...Object.entries(EXTRA_DEMONYMS)]);

/** A token without its possessive ("Iraq's") and final dot ("Gen."), as `/['’]s$/` then `/\.$/` would strip. */
function bareWord(t: string): string {
  let w = t;
  const n = w.length;
  if (n >= 2 && w.charCodeAt(n - 1) === 115 /* s */ && (w[n - 2] === "'" || w[n - 2] === '’')) w = w.slice(0, -2);
  return w.endsWith('.') ? w.slice(0, -1) : w;
}

/** Whether a token ends in a possessive "'s" or "’s" (as `/['’]s$/` tests). */
function isPossessive(t: string): boolean {
  const n = t.length;
  return n >= 2 && t.charCodeAt(n - 1) === 115 /* s */ && (t[n - 2] === "'" || t[n - 2] === '’');
}

/** A token with typographic apostrophes made straight and without its possessive: the lexicon's form. */
function lexiconWord(t: string): string {
  const w = t.includes('’') ? t.replace(/’/g, "'") : t;
  return w.endsWith("'s") ? w.slice(0, -2) : w;
}

/** A name token found by `nameTokens`: offsets into the text and the token as written. */
interface NameToken {
  s: number;
  e: number;
  t: string;
}

// A name token: "Shamkhani", "al-Araji", "Al-Araji", "O'Brien", "Lt.", "ISIS", "Sha'abi", "Jean-Yves".
const TOKEN = /(?<![\p{L}\p{M}'’-])(?:(?:al|el|ad|ash|as|at|az|ar|an)-(?=\p{Lu})|(?:bin|ibn|van|von|de|da|du|di|der|den)\s(?=\p{Lu}))?\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*\.?|\p{Lu}\.(?:\p{Lu}\.)+/gu;
const PARTICLES = /^(bin|ibn|de|da|di|du|van|von|der|den|le|la|al|el)$/;
/** `TOKEN` anchored at one position (sticky): tried only where a token can start. */
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');

/**
 * The `TOKEN` matches of src[from, to), as `matchAll` on that slice would find them, without running the
 * pattern (and its look-behind) at every position: ASCII characters other than capitals and the first
 * letters of the name prefixes ("al-", "bin ") cannot start a token, so the sticky pattern is tried only
 * at the others. Tokens are pushed with offsets `offset + (position - from)`.
 */
function nameTokens(src: string, from: number, to: number, offset: number, out: NameToken[]): void {
  // The characters are read in `src` itself (a slice would add an indirection to every read); the pattern,
  // whose look-behind must not see past `from`, runs on a slice made when first needed.
  let sub: string | null = null;
  let p = from;
  while (p < to) {
    const c = src.charCodeAt(p);
    let candidate: boolean;
    if (c >= 128) candidate = true;
    else if (c >= 65 && c <= 90) candidate = true;
    else if (c === 97 || c === 101 || c === 98 || c === 105 || c === 118 || c === 100) {
      // a/e/b/i/v/d start a prefix only at a word start, with "-" or a space after two or three letters and
      // a capital letter after that ("al-Araji", "bin Salman"; not "in the", "and a").
      const before = p > from ? src.charCodeAt(p - 1) : 0;
      const inWord = isAsciiLetter(before);
      candidate = !inWord && (capitalAfterJoint(src, p + 2, to) || capitalAfterJoint(src, p + 3, to));
    } else candidate = false;
    if (candidate) {
      // Most tokens are plain ASCII words: their end is found without the pattern.
      const end = c >= 65 && c <= 90 ? asciiNameEnd(src, p, from, to) : -1;
      if (end > 0) {
        out.push({ s: offset + p - from, e: offset + end - from, t: src.slice(p, end) });
        p = end;
        continue;
      }
      sub ??= src.slice(from, to);
      TOKEN_AT.lastIndex = p - from;
      const m = TOKEN_AT.exec(sub);
      if (m) {
        out.push({ s: offset + p - from, e: offset + p - from + m[0].length, t: m[0] });
        p += m[0].length;
        continue;
      }
    }
    // A failed attempt moves on by one code point, as the global pattern does in Unicode mode.
    p += c >= 0xd800 && c <= 0xdbff && p + 1 < to ? 2 : 1;
  }
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Whether s[at] is a hyphen or whitespace and s[at + 1] may be a capital letter (an ASCII capital, or a
 * non-ASCII character, which only the pattern can classify): what a name prefix needs after it.
 * @param to where the stretch of text being read ends (exclusive)
 */
function capitalAfterJoint(s: string, at: number, to: number): boolean {
  if (at + 1 >= to) return false;
  const joint = s.charCodeAt(at);
  if (joint !== 45 && !isWhitespaceCode(joint)) return false;
  const next = s.charCodeAt(at + 1);
  return (next >= 65 && next <= 90) || next >= 128;
}

/**
 * Where `TOKEN` ends when it starts at the ASCII capital at `p` ("Shamkhani", "O'Brien", "Jean-Yves",
 * "Gen."), found without the pattern; -1 when only the pattern knows: a non-ASCII character other than
 * ’ in or next to the word (a letter or mark?), or a letter, apostrophe or hyphen right before it.
 */
function asciiNameEnd(s: string, p: number, from: number, n: number): number {
  if (p > from) {
    const b = s.charCodeAt(p - 1);
    if (b >= 128 || isAsciiLetter(b) || b === 39 || b === 45) return -1;
  }
  let q = p + 1;
  for (;;) {
    // [\p{L}\p{M}'’]*
    while (q < n) {
      const c = s.charCodeAt(q);
      if (isAsciiLetter(c) || c === 39 || c === 0x2019) q++;
      else if (c >= 128) return -1;
      else break;
    }
    // (?:-\p{L}[\p{L}\p{M}'’]*)*
    if (q + 1 < n && s.charCodeAt(q) === 45) {
      const next = s.charCodeAt(q + 1);
      if (next >= 128) return -1;
      if (isAsciiLetter(next)) {
        q += 2;
        continue;
      }
    }
    break;
  }
  // \.?
  return q < n && s.charCodeAt(q) === 46 ? q + 1 : q;
}

/**
 * Finds people and organisations in a stretch of text.
 * @param text the original article text
 * @param start where to start looking
 * @param end where to stop (exclusive)
 * @param placeSpans spans already resolved as places (never names)
 * @returns mentions in reading order
 * @example findActors('Iraqi Prime Minister Mustafa al-Kadhimi met Ali Shamkhani.', 0, 58).map((a) => a.name) // ['Mustafa al-Kadhimi', 'Ali Shamkhani']
 */
export function findActors(text: string, start = 0, end = text.length, placeSpans: ReadonlyArray<{ start: number; end: number }> = []): ActorMention[] {
  const out: ActorMention[] = [];
  const tokens: NameToken[] = [];
  if (start >= 0 && start <= end && end <= text.length) nameTokens(text, start, end, start, tokens);
  else {
    const slice = text.slice(start, end);
    nameTokens(slice, 0, slice.length, start, tokens);
  }

  // Group tokens into runs separated only by single spaces (or particles).
  let i = 0;
  let consumed = 0; // end of an organisation name that ran past its run ("Ministry of Foreign Affairs")
  while (i < tokens.length) {
    if (tokens[i].s < consumed) {
      i++;
      continue;
    }
    const run = [tokens[i]];
    while (i + 1 < tokens.length) {
      // Joined by exactly one space or no-break space, and not after a possessive ("Iraq's Prime …").
      const gapEnd = tokens[i + 1].s;
      const single = gapEnd - tokens[i].e === 1 && (text[gapEnd - 1] === ' ' || text[gapEnd - 1] === '\u00a0');
      // Nor across a sentence's end ("… met Tom Berg. The Ministry of Foreign Affairs said …").
      if (isPossessive(tokens[i].t) || !single || (tokens[i].t.endsWith('.') && withoutFinalPeriod(tokens[i].t) !== tokens[i].t)) break;
      run.push(tokens[++i]);
    }
    i++;
    consumed = Math.max(consumed, splitRun(text, run, placeSpans, out));
  }
  // "Supreme National Security Council (SNSC)": the bracketed abbreviation is the same mention.
  const deduped = out.filter((m, i) => {
    const prev = out[i - 1];
    return !(prev && m.kind === 'org' && prev.kind === 'org' && prev.name === m.name && /^\s*\($/.test(text.slice(prev.end, m.start)));
  });
  markTitleOrgs(text, deduped);
  confirmTitledPairs(text, deduped);
  return deduped;
}

// "Presidents Zelensky and Duda", "Foreign Ministers Wang Yi, Lavrov and Blinken": a plural title confirms
// every name of the list it opens.
const NAME_LIST_GAP = /^(?:,\s*|,?\s+and\s+)$/;

/**
 * The word right before `at` with only whitespace between: `/(\p{L}+)\s+$/u` on the 30 characters
 * before `at`, or '' without a match. Whitespace and ASCII letters are scanned backwards; other non-ASCII
 * characters (letters or not: the scan cannot tell) are left to the pattern.
 */
function wordBefore(text: string, at: number): string {
  const from = Math.max(0, at - 30);
  let k = at;
  while (k > from && isWhitespaceCode(text.charCodeAt(k - 1))) k--;
  let j = k;
  while (j > from && isAsciiLetter(text.charCodeAt(j - 1))) j--;
  if ((k > from && text.charCodeAt(k - 1) >= 128) || (j > from && text.charCodeAt(j - 1) >= 128)) {
    return /(\p{L}+)\s+$/u.exec(text.slice(from, at))?.[1] ?? '';
  }
  return k < at && j < k ? text.slice(j, k) : '';
}

function confirmTitledPairs(text: string, mentions: ActorMention[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const head = mentions[i];
    if (head.kind !== 'person' || !head.certain) continue;
    const word = wordBefore(text, head.start).toLowerCase();
    if (!word || TITLES.has(word) || !isTitle(word)) continue; // only a plural title opens a list
    for (let k = i + 1; k < mentions.length; k++) {
      const next = mentions[k];
      if (next.kind !== 'person' || !NAME_LIST_GAP.test(text.slice(mentions[k - 1].end, next.start))) break;
      next.certain = true;
    }
  }
}

/** The name being collected by `splitRun`: its tokens, whether a title introduced it, and its country. */
interface PendingName {
  tokens: NameToken[];
  titled: boolean;
  affiliation: string;
}

/** Emits the pending name (if any) and starts a new, untitled one. */
function flushName(text: string, pending: PendingName, places: ReadonlyArray<{ start: number; end: number }>, out: ActorMention[]): void {
  if (pending.tokens.length) {
    emitSegment(text, pending.tokens, pending.titled, pending.affiliation, places, out);
    pending.tokens = [];
  }
  pending.titled = false;
}

function splitRun(text: string, run: NameToken[], places: ReadonlyArray<{ start: number; end: number }>, out: ActorMention[]): number {
  let consumed = 0;
  // Organisation lexicon matches first (longest alias at each position).
  let k = 0;
  const pending: PendingName = { tokens: [], titled: false, affiliation: '' };
  let demonym: NameToken | null = null;
  while (k < run.length) {
    const org = orgAt(run, k);
    if (org) {
      flushName(text, pending, places, out);
      out.push({ start: run[k].s, end: run[org.last].e, name: org.name, kind: 'org', certain: true, affiliation: '', titleOnly: false });
      k = org.last + 1;
      continue;
    }
    const tok = run[k];
    const lower = plainWord(tok);
    if (isTitle(lower) || (PORTFOLIOS.has(lower) && !pending.tokens.length && (pending.titled || afterTitleOf(text, tok.s)))) {
      // A title ends any name before it and confirms the name after it.
      const hadName = pending.tokens.some((t) => !isTitle(t.t.replace(/\.$/, '').toLowerCase()));
      if (hadName) flushName(text, pending, places, out);
      pending.titled = true;
      pending.tokens = [];
      k++;
      continue;
    }
    // Two-word demonyms first ("Sri Lankan", "South African", "New Zealand"): never a name.
    const pairOf = k + 1 < run.length ? DEMONYM_MAP.get(`${lower} ${plainWord(run[k + 1])}`) : undefined;
    const demonymOf = pairOf ?? DEMONYM_MAP.get(lower);
    if (demonymOf) {
      flushName(text, pending, places, out);
      pending.affiliation = demonymOf;
      demonym = pairOf ? { s: tok.s, e: run[k + 1].e, t: text.slice(tok.s, run[k + 1].e) } : tok;
      k += pairOf ? 2 : 1;
      continue;
    }
    const segment = pending.tokens;
    segment.push(tok);
    if (ORG_HEADS.has(lower)) {
      // "Iraqi Armed Forces": the demonym right before is part of an organisation's name.
      if (demonym && demonym.e + 1 === segment[0].s) segment.unshift(demonym);
      consumed = Math.max(consumed, emitOrg(text, segment, out));
      pending.tokens = [];
      pending.titled = false;
    }
    k++;
  }
  flushName(text, pending, places, out);
  return consumed;
}

/** Lexicon aliases by their first word, longest first: one map lookup per token instead of a scan. */
const ALIASES_BY_FIRST_WORD = (() => {
  const index = new Map<string, Array<{ name: string; words: string[] }>>();
  for (const entry of ORGANISATIONS) {
    for (const alias of entry.aliases) {
      const words = alias.replace(/’/g, "'").split(/\s+/);
      const list = index.get(words[0]) ?? [];
      list.push({ name: entry.name, words });
      index.set(words[0], list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

function orgAt(run: NameToken[], k: number): { name: string; last: number } | null {
  const candidates = ALIASES_BY_FIRST_WORD.get(lexiconWord(run[k].t));
  if (!candidates) return null;
  for (const { name, words } of candidates) {
    const last = k + words.length - 1;
    if (last >= run.length) continue;
    let ok = true;
    for (let i = 1; i < words.length && ok; i++) ok = lexiconWord(run[k + i].t) === words[i] && (i === words.length - 1 || !isPossessive(run[k + i].t));
    if (!ok) continue;
    // "IS" alone is too often the verb in headlines and all-caps text.
    if (words.length === 1 && words[0] === 'IS') return null;
    return { name, last };
  }
  return null;
}

// "Ministry of Foreign Affairs", "Council for Peace": capitalised words after "of"/"for" belong to the name.
const ORG_TAIL = /^ (?:of|for) (?:the )?(\p{Lu}[\p{L}-]*(?![\p{L}'’-])(?: (?:(?:and|of|for)(?: the)? )?\p{Lu}[\p{L}-]*(?![\p{L}'’-]))*)/u;
// "Peace and Security Council": capitalised words joined by "and" before the name's first word.
const ORG_HEAD_COORDINATION = /(?<![\p{L}'’-])((?:(?!The )\p{Lu}[\p{L}-]* )+(?:and|&) )$/u;

function emitOrg(text: string, segment: NameToken[], out: ActorMention[]): number {
  let from = 0;
  // Not an initial cut from an abbreviation ("S." of "U.S. State Department"), else not a leading word that names nobody.
  while (from < segment.length - 1 && /^\p{Lu}\.$/u.test(segment[from].t)) from++;
  if (from === 0) while (from < segment.length - 1 && NOT_NAME.has(segment[from].t.toLowerCase())) from++;
  const toks = segment.slice(from);
  let start = toks[0].s;
  let end = toks[toks.length - 1].e;
  const tail = ORG_TAIL.exec(text.slice(end, end + 80));
  if (tail) end += tail[0].length;
  // "Inspector General Ali Mohamed and Police …": a titled person before "and" is no part of the name.
  const coordinated = ORG_HEAD_COORDINATION.exec(text.slice(Math.max(0, start - 60), start));
  const head = coordinated && !coordinated[1].split(' ').some((w) => isTitle(w.toLowerCase())) ? coordinated : null;
  if (head) {
    start -= head[1].length;
    // The words before "and" were taken for a name on their own ("Peace"): they are part of this one.
    for (let i = out.length - 1; i >= 0; i--) if (out[i].start >= start && out[i].end <= toks[0].s) out.splice(i, 1);
  }
  if (toks.length < 2 && !tail && !head) return end; // a bare "Council" or "Government" names nobody
  // "… the National Unity Government." ends a sentence: the period is not part of the name.
  const name = withoutFinalPeriod(text.slice(start, end).replace(/['’]s$/, ''));
  out.push({ start, end: start + name.length, name, kind: 'org', certain: true, affiliation: '', titleOnly: false });
  return end;
}

/** Whether any of the spans overlaps [start, end). */
function overlapsAny(spans: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): boolean {
  for (const span of spans) if (span.start < end && span.end > start) return true;
  return false;
}

/** A name token in lower case without its possessive or final dot: how the word lists spell it. */
function plainWord(token: NameToken): string {
  return bareWord(token.t).toLowerCase();
}

/** `/^\p{Lu}{2,}$/u`: an acronym ("ISIS"), not a person. ASCII words are checked without the pattern. */
function isAcronym(word: string): boolean {
  if (word.length < 2) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return /^\p{Lu}{2,}$/u.test(word);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** `/\d/`: an ASCII digit anywhere. */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** `/^\p{Lu}\.$/u`: an initial ("J."). */
function isInitial(word: string): boolean {
  if (!word.endsWith('.')) return false;
  const first = word.charCodeAt(0);
  if (first < 128) return word.length === 2 && first >= 65 && first <= 90;
  return /^\p{Lu}\.$/u.test(word);
}

function emitSegment(text: string, segment: NameToken[], titled: boolean, affiliation: string, places: ReadonlyArray<{ start: number; end: number }>, out: ActorMention[]) {
  // Drop leading function words ("The", "In") and anything resolved as a place.
  const toks = segment.filter((t) => !overlapsAny(places, t.s, t.e));
  // "The Standard visited …": a capitalised "The" inside a sentence opens a title (a newspaper's), never a person's name.
  if (toks.length && toks[0].t === 'The' && !/(?:^|[.!?:]["”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, toks[0].s - 4), toks[0].s))) return;
  while (toks.length && NOT_NAME.has(plainWord(toks[0]))) toks.shift();
  if (!toks.length) return;
  // A middle initial ("Antony J. Blinken") is left out of the name; an initial elsewhere is no name.
  const middle = (i: number) => i > 0 && i < toks.length - 1 && isInitial(toks[i].t);
  let initials = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (NOT_NAME.has(plainWord(t)) || isAcronym(t.t) || hasDigit(t.t)) return;
    if (isInitial(t.t)) {
      if (!middle(i)) return;
      initials = true;
    }
  }
  const first = toks[0];
  const last = toks[toks.length - 1];
  // "Dimaporo Gymnasium", "Catholic Mass", "Nacho Street": a building, a rite or a street is nobody.
  if (FACILITY_WORDS.has(plainWord(last))) return;
  // A sentence-final period is not part of the name ("… Hassan Rouhani.").
  const written = withoutFinalPeriod(text.slice(first.s, last.e).replace(/['’]s$/, ''));
  const name = initials ? tidyName(withoutFinalPeriod(toks.filter((_, i) => !middle(i)).map((t) => t.t).join(' ').replace(/['’]s$/, ''))) : tidyName(written);
  if (name.length < 3) return;
  const certain = titled || toks.length >= 2;
  out.push({ start: first.s, end: first.s + written.length, name, kind: 'person', certain, affiliation, titleOnly: false });
}

const TITLE_OF = /\b(secretary|head|chief|chairman|chair|member|members|commander|deputy|spokesman|spokesperson|spokeswoman|minister|director|leader|president|advisor|adviser|envoy|official|officials)\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*['’]s\s+)?$/iu;

const TITLE_AFTER = /^\s+(secretary|chief|head|commander|deputy|spokesman|spokesperson|minister|leader|official|adviser|advisor|chairman|director|member)\b/i;

/** Organisations written as a person's affiliation: "… Council (SNSC) Ali Shamkhani", "PMU deputy commander Abu Mahdi …". */
function markTitleOrgs(text: string, mentions: ActorMention[]) {
  for (const m of mentions) {
    // "the Secretary of the Supreme National Security Council", "commander of the Quds Force"
    if (m.kind === 'org' && TITLE_OF.test(text.slice(Math.max(0, m.start - 60), m.start))) m.titleOnly = true;
  }
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i];
    if (a.kind !== 'org') continue;
    // "SNSC secretary", "PMU deputy commander": the organisation qualifies a title.
    if (TITLE_AFTER.test(text.slice(a.end, a.end + 30))) a.titleOnly = true;
    let b: ActorMention | undefined;
    for (let k = i + 1; k < mentions.length && !b; k++) if (mentions[k].kind === 'person') b = mentions[k];
    if (!b) continue;
    const gap = text.slice(a.end, b.start);
    if (gap.length < 40 && /^\)?['’]?s?\s*(\([^()]{1,12}\))?\s*((?:[a-z]+|[A-Z][a-z]+\.?)\s+){0,3}$/.test(gap)) a.titleOnly = true;
  }
}

/** `name.replace(/(\p{L}{3,})\.$/u, '$1')` without scanning the whole name: only its last characters matter. */
function withoutFinalPeriod(name: string): string {
  // Three letters are at most six UTF-16 units (astral letters); the last seven units hold them and the period.
  // A two-letter surname ends a sentence too ("Wang Yi."); "Jr." and "St." are abbreviations.
  return name.endsWith('.') && (/\p{L}{3}\.$/u.test(name.slice(-7)) || /(?:^|\s)(?!Jr|Sr|St|Dr|Mr|Ms|Mt|Co|Lt|Ft)\p{Lu}\p{Ll}\.$/u.test(name.slice(-5))) ? name.slice(0, -1) : name;
}

/** "Al-Araji" at a sentence start is "al-Araji"; collapse spaces. */
function tidyName(name: string): string {
  // Nothing to change (the common case): no word starting "Al-"/"El-" and no whitespace but single spaces.
  if (!/(?:^| )[AE]l-/.test(name) && !/[^\S ]| {2}/.test(name)) return name;
  return name
    .replace(/\s+/g, ' ')
    .split(' ')
    .map((w, i, all) => (i > 0 || all.length === 1 ? w.replace(/^(Al|El)-/, (p) => p.toLowerCase()) : w))
    .join(' ')
    .replace(/^(Al|El)-(\p{Lu})/u, (_, p, c) => `${p.toLowerCase()}-${c}`);
}

/**
 * The folded key of a name word: lower case, no diacritics, apostrophes, "al-" prefix or doubled letters.
 * Spelling variants of transliterated names share it ("Qassem"/"Qasem" → "qasem").
 * @param word one word of a name
 * @returns the key
 * @example foldName('al-Muhandis') // 'muhandis'
 */
export function foldName(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/^(al|el|ad|ash|as|at|az|ar|an)[-\s]/, '')
    .replace(/['’`-]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Levenshtein distance, bounded: returns `max + 1` as soon as the distance exceeds `max`.
 * @param a first string
 * @param b second string
 * @param max the largest distance of interest
 * @returns the distance, or max + 1
 * @example editDistance('sjamkhani', 'shamkhani', 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Whether two folded name words are spellings of one name. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const len = Math.min(a.length, b.length);
  const max = len >= 10 ? 2 : len >= 5 ? 1 : 0;
  return max > 0 && editDistance(a, b, max) <= max;
}

interface PersonCluster {
  surname: string;
  given: string;
  forms: Map<string, number>;
}

/**
 * The corpus-wide index of actor names: merges spelling variants and short forms of one person into a
 * canonical name (the most frequent full form), and confirms lone surnames seen with a full name elsewhere.
 * A plain object built by `actorIndex` and used through `addActor` and `canonicalName`: one is made per
 * extraction run, and V8 keeps optimised code for plain objects across garbage collections where it
 * discards code tied to the layout of a class whose instances are all gone.
 * @example
 * const index = actorIndex();
 * addActor(index, { name: 'Ali Shamkhani', kind: 'person', certain: true });
 * addActor(index, { name: 'Ali Sjamkhani', kind: 'person', certain: true });
 * canonicalName(index, { name: 'Shamkhani', kind: 'person', certain: false }) // 'Ali Shamkhani'
 */
export interface ActorIndex {
  clusters: PersonCluster[];
  orgs: Map<string, string>;
  /**
   * Memoised answers of `canonicalName` by name, one map per kind and certainty (person, certain person,
   * org, certain org), so no key string is built per question; cleared when a name is added.
   */
  answers: [Map<string, string | null>, Map<string, string | null>, Map<string, string | null>, Map<string, string | null>];
  /** Memoised `foldName` of name words (a corpus repeats a few names many times). */
  folded: Map<string, string>;
  /** Memoised cluster of a (folded surname, given name) pair in `addActor` (cleared when a cluster is added or named). */
  clusterOf: Map<string, PersonCluster>;
}

/**
 * An empty actor index.
 * @returns the index
 * @example canonicalName(actorIndex(), { name: 'Shamkhani', kind: 'person', certain: false }) // null
 */
export function actorIndex(): ActorIndex {
  return { clusters: [], orgs: new Map(), answers: [new Map(), new Map(), new Map(), new Map()], folded: new Map(), clusterOf: new Map() };
}

function foldWord(index: ActorIndex, word: string): string {
  let folded = index.folded.get(word);
  if (folded === undefined) index.folded.set(word, (folded = foldName(word)));
  return folded;
}

/**
 * Records a mention (call for every certain mention of the corpus before asking for canonical names).
 * @param index the index
 * @param mention a mention's name, kind and certainty
 * @example addActor(index, { name: 'Ali Shamkhani', kind: 'person', certain: true });
 */
export function addActor(index: ActorIndex, mention: Pick<ActorMention, 'name' | 'kind' | 'certain'>): void {
  // Only maps holding answers are cleared: clearing allocates a new table even for an empty map.
  for (const answers of index.answers) if (answers.size > 0) answers.clear();
  if (mention.kind === 'org') {
    const name = mention.name.replace(/^the\s+/i, '');
    // The memo of name words serves whole organisation names too: both are folded the same way.
    const key = foldWord(index, name);
    if (!index.orgs.has(key)) index.orgs.set(key, name);
    return;
  }
  if (!mention.certain) return;
  const words = mention.name.split(' ');
  const surname = foldWord(index, words[words.length - 1]);
  const given = words.length > 1 ? foldWord(index, words[0]) : '';
  // The first matching cluster only changes when clusters are added or get a given name; then the memo is cleared.
  const pair = `${surname}|${given}`;
  let cluster = index.clusterOf.get(pair);
  if (!cluster) {
    cluster = index.clusters.find((c) => sameWord(c.surname, surname) && (!given || !c.given || sameWord(c.given, given)));
    if (!cluster) {
      cluster = { surname, given, forms: new Map() };
      index.clusters.push(cluster);
      index.clusterOf.clear();
    }
    index.clusterOf.set(pair, cluster);
  }
  if (!cluster.given && given) {
    cluster.given = given;
    index.clusterOf.clear();
  }
  cluster.forms.set(mention.name, (cluster.forms.get(mention.name) ?? 0) + 1);
}

/**
 * The canonical name of a mention, or null when it is a lone word the corpus does not confirm as a name.
 * @param index the index, with every certain mention of the corpus added
 * @param mention a mention's name, kind and certainty
 * @returns the canonical name or null
 * @example canonicalName(index, { name: 'Sjamkhani', kind: 'person', certain: false }) // 'Ali Shamkhani'
 */
export function canonicalName(index: ActorIndex, mention: Pick<ActorMention, 'name' | 'kind' | 'certain'>): string | null {
  const answers = index.answers[(mention.kind === 'org' ? 2 : 0) + (mention.certain ? 1 : 0)];
  let answer = answers.get(mention.name);
  if (answer === undefined) answers.set(mention.name, (answer = resolveName(index, mention)));
  return answer;
}

function resolveName(index: ActorIndex, mention: Pick<ActorMention, 'name' | 'kind' | 'certain'>): string | null {
  if (mention.kind === 'org') return index.orgs.get(foldName(mention.name.replace(/^the\s+/i, ''))) ?? mention.name;
  const words = mention.name.split(' ');
  const surname = foldWord(index, words[words.length - 1]);
  const given = words.length > 1 ? foldWord(index, words[0]) : '';
  const matches = index.clusters.filter((c) => sameWord(c.surname, surname) && (!given || !c.given || sameWord(c.given, given)));
  // A lone surname shared by two different people stays as written (ambiguous).
  if (matches.length !== 1) return mention.certain ? mention.name : null;
  return bestForm(matches[0]);
}

function bestForm(cluster: PersonCluster): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of cluster.forms) {
    const full = form.includes(' ') ? 1 : 0;
    const bestFull = best.includes(' ') ? 1 : 0;
    if (
      full > bestFull ||
      (full === bestFull && (count > bestCount || (count === bestCount && (form.length > best.length || (form.length === best.length && form < best)))))
    ) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
