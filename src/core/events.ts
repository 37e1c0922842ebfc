/**
 * Event typing: which sentences (or quoted clauses) report an event, of which type, and where, when and
 * who. Types come from a documented trigger lexicon (`TRIGGERS`); the place is the most precise place
 * introduced by a locative preposition in the same clause ("held in Tehran", "outside Baghdad
 * International Airport") — a demonym or a possessive ("Iraqi", "Baghdad's request") never places an
 * event; a strike is also placed at its target ("strike on Kharkiv", "shelling of Donetsk", "missiles hit
 * Odesa"); the date is the nearest date expression in the clause; actors are the people and organisations
 * named in it. Quoted speech is its own clause, so a date or place of the narrative ("said in a Monday
 * meeting in Tehran") never leaks into an event mentioned inside the quote.
 */
import { demonymCountry, type ActorMention } from './actors';
import { PRECISION_RANK } from './gazetteer';
import type { RelativeDateMention } from './dates';
import type { Sentence } from './sentences';
import type { EventType } from './taxonomy';
import type { DateMention, PlaceMention } from './types';

/**
 * The trigger lexicon, in priority order: when a clause has triggers of several types, the first type
 * listed wins (a strike reported in a meeting sentence is the strike; the meeting has its own clause).
 * `needsPlace`: the trigger alone is too vague — the clause must place it. `needsSubject`: a named
 * person must come before the trigger (the traveller of a visit). Each pattern opens with one `\b`
 * shared by its alternatives: the engine then tests the boundary once per position, not once per alternative.
 */
export const TRIGGERS: ReadonlyArray<{ type: EventType; pattern: RegExp; needsPlace?: boolean; needsSubject?: boolean; needsArmedGroup?: boolean }> = [
  { type: 'strike', pattern: /\b(?:(?:(?:air|drone|missile|rocket|military)[ -])?strikes?\b|assassinat(?:ion|ions|ed|e)\b|kill(?:ed|ing|s)\b|bomb(?:ing|ings|ed)\b|attack(?:s|ed)?\b|shell(?:ing|ed)\b|explosion\b|blast\b|ambush(?:ed)?\b|airstrikes?\b|(?:missiles?|rockets?|drones?|shells?|bombs?|projectiles?)\s+(?:hit|struck|slammed\s+into|rained\s+down\s+on)\b)/i },
  { type: 'vote', pattern: /\b(?:(?:parliament|lawmakers|legislators|legislature|MPs|congress|senate|assembly|majlis|knesset)\b[^.;]{0,60}?\b(?:approved|passed|adopted|voted|ratified|rejected)\b|(?:approved|passed|adopted|ratified)\s+(?:a|the|an)\s+(?:\w+\s+)?(?:bill|law|resolution|motion)\b|vot(?:e|ed|ing)\s+(?:to|on|for|against)\b|parliament(?:ary)?(?:['’]s)?\s+(?:bill|law|ratification|resolution|vote|decision|approval)\b|(?:law|bill|resolution)\s+(?:passed|approved|adopted)\s+by\b)/i },
  { type: 'armed-group', pattern: /\b(?:armed|terrorist|militant|insurgent|rebel|jihadist|extremist|counter-revolutionary|anti-revolutionary)\s+(?:groups?|elements|agents|cells|militias?|outfits?|fighters|militants)\b/i, needsPlace: true },
  { type: 'armed-group', pattern: /\b(?:campaign of terror\b|(?:offensive|insurgency|gains|resurgence|reactivation|incursion|advance|onslaught)\b|(?:seized|captured|overran|launched)\b)/i, needsArmedGroup: true },
  { type: 'meeting', pattern: /\b(?:meetings?\b|met\b|meets\b|(?:held\s+)?talks\b|summit\b|consultations\b|conferred\b|sat down with\b)/i },
  { type: 'visit', pattern: /\b(?:trav(?:el|ell)(?:ed|s)?\s+to\b|arriv(?:ed|es|al)\s+in\b|visit(?:ed|s|ing)?\b|trip\s+to\b|flew\s+to\b|landed\s+in\b)/i, needsSubject: true },
];

/** Nouns that name a past event of a type, for "two days after the assassination". */
export const ANCHOR_NOUNS: Record<string, EventType> = {
  assassination: 'strike', strike: 'strike', killing: 'strike', attack: 'strike', bombing: 'strike', airstrike: 'strike',
  explosion: 'strike', blast: 'strike', vote: 'vote', ratification: 'vote', meeting: 'meeting', talks: 'meeting',
  summit: 'meeting', visit: 'visit', arrival: 'visit', trip: 'visit', offensive: 'armed-group',
};

/** Organisations whose activity is armed-group activity. */
const ARMED_GROUPS = /^(Daesh|Hezbollah|Hamas|Taliban|al-Qaeda|al-Shabaab|Boko Haram|Houthis|Kurdistan Workers)/;

/** Verbs of speech: a named person before one of these is a speaker ("Shamkhani said"). */
export const SPEECH_VERBS = /\b(said|says|told|added|noted|stressed|urged|warned|stated|explained|announced|declared|argued|claimed|confirmed|denied|insisted|emphasi[sz]ed|underlined|affirmed|praised|hailed|slammed|welcomed|denounced|criticized|criticised|condemned|reiterated|expressed|mentioned|suggested|outlined|appreciated|referred|pointed out|called for|vowed|pledged)\b/i;

// Prepositions that introduce where something happened, with up to two describing words in between.
const LOCATIVE = /(?:^|[\s(,])(in|at|near|outside|inside|across|throughout|around|within|over|off)\s+(?:(?:the|a|an|semi-autonomous|autonomous|northern|southern|eastern|western|central|capital|city|town|village|province|region|country|neighbouring|neighboring|nearby|occupied|restive|disputed|war-torn|\p{Lu}[\p{L}-]*['’]s)\s+){0,3}$/u;
const DESTINATION = /(?:^|[\s(,])(to|in|visit(?:ed|s|ing)?|visit to)\s+(?:(?:the|a|an|capital|city|town|\p{Lu}[\p{L}-]*['’]s)\s+){0,2}$/u;
// Between a subject and its verb: nothing, or one adverb ("Zelensky later traveled").
const SUBJECT_OF_VERB = /^\s+(?:(?:later|then|also|again|first|finally|subsequently|\w+ly)\s+)?$/;
const ORIGIN = /(?:^|[\s(,])from\s+(?:(?:the|capital|city)\s+){0,2}$/u;
// What a strike hits: "strike on Kharkiv", "shelling of Donetsk", "attack against the city of Homs" (right
// after the trigger), or the object of a hitting verb anywhere in the clause ("missiles hit Odesa").
const STRIKE_TARGET = /^\s+(?:on|of|against|targeting|near)\s+(?:(?:the|a|an|northern|southern|eastern|western|central|capital|city|town|village|port|province|region|of)\s+){0,3}$/iu;
const HIT_VERB = /(?:^|[\s(,])(?:hit|hits|struck|strikes|targeted|targeting|shelled|pounded|bombed|attacked)\s+(?:(?:the|a|an|northern|southern|eastern|western|central|capital|city|town|village|port|province|region|of)\s+){0,3}$/iu;
const LEGISLATURE = /(?:(\p{Lu}[\p{L}.]*)(?:['’]s)?\s+)?(?:[Pp]arliament|[Pp]arliamentary|[Ll]awmakers|[Ll]egislature|[Ll]egislators|MPs|[Cc]ongress|[Ss]enate|[Nn]ational [Aa]ssembly|[Mm]ajlis)\b/gu;
// Sentence openings that refer back to the previous sentence's event or subject.
const ANAPHORA = /^(?:He|She|They|It|The\s+(?:\w+\s+){0,2}(?:attack|strike|assassination|killing|bombing|act|operation|meeting|talks|visit|trip|vote|bill|law)\b)/;
const PRONOUN_SUBJECT = /^(He|She)\b/;

/** A clause: the narrative part of a sentence, or one quotation inside it. */
export interface Clause {
  start: number;
  end: number;
  quoted: boolean;
  /** For narrative clauses: the quotation spans cut out of it. */
  holes: Array<[number, number]>;
  /** The clause's first verb of speech (offset into the clause and the word), null when none; found once by `speechVerb`. */
  speech?: { index: number; word: string } | null;
}

/** One event as one article reports it, before merging. */
export interface EventCandidate {
  file: string;
  type: EventType;
  /** The sentence quoted as evidence. */
  sentence: Sentence;
  trigger: { start: number; end: number; text: string };
  place: PlaceMention | null;
  /** Where the place came from: the clause's text, the previous sentence, or a legislature's seat. */
  placeVia: 'text' | 'context' | 'legislature' | 'dateline' | null;
  origin: PlaceMention | null;
  date: DateMention | null;
  relative: RelativeDateMention | null;
  actors: ActorMention[];
  /** A lone, unconfirmed word that is the bare subject of the travel or meeting verb ("Zelensky later traveled to Berlin"): a person all the same. */
  subject: ActorMention | null;
  /** Country whose legislature voted (vote events) — used to place it at the capital. */
  legislature: string;
}

/** Everything the typing stage needs about one article, already found by earlier stages. */
export interface TypingInput {
  file: string;
  text: string;
  sentences: Sentence[];
  places: PlaceMention[];
  dates: DateMention[];
  relative: RelativeDateMention[];
  actors: ActorMention[];
  /** Each sentence's clauses (`clausesOf`), when the caller already split them for another stage. */
  clauses?: Clause[][];
}

/**
 * The clauses of every sentence, computed once for both typing (`detectEvents`) and remarks (`findRemarks`).
 * @param text the original text
 * @param sentences the sentences
 * @returns `splitClauses` of each sentence, in order
 * @example clausesOf(text, sentences)[0][0].quoted // false: the first clause is the narrative
 */
export function clausesOf(text: string, sentences: Sentence[]): Clause[][] {
  return sentences.map((sentence) => splitClauses(text, sentence));
}

/** Someone quoted in an article: evidence that they spoke where the article was filed. */
export interface Remark {
  file: string;
  speaker: ActorMention;
  sentence: Sentence;
}

/**
 * Splits a sentence into its narrative clause and its quotations.
 * @param text the original text
 * @param sentence the sentence
 * @returns the narrative clause first (with the quotes as holes), then each quotation
 * @example splitClauses('He said "we met in Paris" on Monday.', { start: 0, end: 36, text: '', paragraph: 0 }).length // 2
 */
export function splitClauses(text: string, sentence: Sentence): Clause[] {
  const quotes: Array<[number, number]> = [];
  const s = text.slice(sentence.start, sentence.end);
  // Most sentences hold no quotation mark, and many no comma or semicolon: then the patterns find nothing.
  const quoted = s.includes('"') || s.includes('“');
  for (const m of quoted ? s.matchAll(QUOTATION) : []) {
    if (m[0].length < 12) continue; // scare quotes ("malicious") are not speech
    quotes.push([sentence.start + m.index!, sentence.start + m.index! + m[0].length]);
  }
  // Coordinated main clauses with their own subject ("…, and Kenyan President William Ruto traveled …",
  // "…; the army said …") report separate events: split the narrative there (never inside a quotation).
  const cuts = [sentence.start];
  for (const m of s.includes(',') || s.includes(';') ? s.matchAll(COORDINATION) : []) {
    const at = sentence.start + m.index!;
    if (!quotes.some(([a, b]) => at >= a && at < b)) cuts.push(at + m[0].length);
  }
  cuts.push(sentence.end);
  const clauses: Clause[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    clauses.push({ start: a, end: b, quoted: false, holes: quotes.filter(([qa, qb]) => qa < b && qb > a), speech: undefined });
  }
  for (const [a, b] of quotes) clauses.push({ start: a, end: b, quoted: true, holes: [], speech: undefined });
  return clauses;
}

const QUOTATION = /“[^”]*”?|"[^"]*"?/g;
const COORDINATION = /;\s+(?=\p{Lu}|the\b)|,\s+(?:and|but|while|whereas)\s+(?=\p{Lu})/gu;

const inClause = (c: Clause, start: number, end: number) =>
  start >= c.start && end <= c.end && !c.holes.some(([a, b]) => start < b && end > a);

/**
 * Finds the events an article reports, one candidate per clause and type.
 * @param input the article's sentences and mentions (from the earlier stages)
 * @param dateline the place of a dateline prefix ("Tehran (IP):"), which can place a statement
 * @returns event candidates in reading order
 * @example
 * // "Kenyan lawmakers approved the Finance Bill on Tuesday." (published 2024-06-27)
 * detectEvents(input).map((c) => [c.type, c.date?.date, c.legislature]) // [['vote', '2024-06-25', 'KE']]
 */
export function detectEvents(input: TypingInput, dateline: PlaceMention | null = null): EventCandidate[] {
  const { text, sentences } = input;
  const out: EventCandidate[] = [];
  type Previous = { sentence: Sentence; events: EventCandidate[]; subject: ActorMention | null };
  let previous = null as Previous | null;
  const armedGroups = input.actors.filter((a) => a.kind === 'org' && ARMED_GROUPS.test(a.name));
  const clausesOfSentence = input.clauses ?? clausesOf(text, sentences);
  // The triggers of every clause first, in one pass: the patterns' code stays in the processor's caches.
  const triggers = clausesOfSentence.map((clauses) => clauses.map((clause) => clauseTrigger(input, clause, armedGroups)));
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    const events: EventCandidate[] = [];
    const clauses = clausesOfSentence[s];
    const sentenceActors = input.actors.filter((a) => a.start >= sentence.start && a.end <= sentence.end);
    for (let c = 0; c < clauses.length; c++) {
      const clause = clauses[c];
      const triggered = triggers[s][c];
      if (!triggered) continue;
      const { found, also } = triggered;
      const fromClause: EventCandidate[] = [];
      for (const { type, match, rule } of also ? [also, found] : [found]) {
        const trigger = { start: clause.start + match.index!, end: clause.start + match.index! + match[0].length, text: match[0] };
        const places = input.places.filter((p) => inClause(clause, p.start, p.end));
        const place = pickPlace(text, clause, places, trigger, type);
        if (rule.needsPlace && !place) continue;
        let actors = sentenceActors.filter((a) => inClause(clause, a.start, a.end) && !a.titleOnly);
        if (rule.needsSubject && !actors.some((a) => a.kind === 'person' && a.end <= trigger.start)) {
          if (!(PRONOUN_SUBJECT.test(sentence.text) && previous?.subject)) continue;
        }
        // The speaker of a report is not an actor of the reported strike/vote/armed activity.
        if (!clause.quoted && type !== 'meeting' && type !== 'visit') {
          const speaker = speakerOf(text, clause, actors);
          if (speaker) actors = actors.filter((a) => a !== speaker);
        }
        if (PRONOUN_SUBJECT.test(sentence.text) && previous?.subject && (type === 'meeting' || type === 'visit')) {
          actors = [previous.subject, ...actors];
        }
        const date = nearest(input.dates.filter((d) => inClause(clause, d.start, d.end)), trigger);
        const relative = nearest(input.relative.filter((d) => inClause(clause, d.start, d.end)), trigger);
        const origin = type === 'visit' ? pickOrigin(text, clause, places) : null;
        // The traveller of a trip, and of the talks it was for, is the clause's first person before the travel verb.
        const lead = also ? also.match : match;
        const leadAt = clause.start + lead.index!;
        const subject = type === 'visit' || type === 'meeting' ? actors.find((a) => a.kind === 'person' && a.end <= leadAt) ?? null : null;
        // The traveller (or the one who meets) comes first: a visit's title names them, not their host.
        if (subject) actors = [subject, ...actors.filter((a) => a !== subject)];
        // A lone word the corpus does not confirm still names the traveller when it is the verb's bare
        // subject ("Zelensky later traveled to …"); a plural common noun ("Officials", "Farmers") is not a name.
        const bareSubject = subject && !subject.certain && !/s$/.test(subject.name) && SUBJECT_OF_VERB.test(text.slice(subject.end, leadAt)) ? subject : null;
        const candidate: EventCandidate = {
          file: input.file,
          type,
          sentence,
          trigger,
          place: place?.mention ?? null,
          placeVia: place ? 'text' : null,
          origin,
          date,
          relative,
          actors,
          subject: bareSubject,
          legislature: type === 'vote' ? legislatureCountry(text, clause, input.places) : '',
        };
        // "traveled to Juba … for talks": the talks are where the trip went.
        const trip = fromClause.find((e) => e.type === 'visit');
        if (type === 'meeting' && trip) {
          if (!candidate.place && trip.place) {
            candidate.place = trip.place;
            candidate.placeVia = 'context';
          }
          candidate.date ??= trip.date;
        }
        // "He met …", "The attack also killed …": the previous sentence's event gives place and date.
        if (previous && ANAPHORA.test(sentence.text) && !clause.quoted) {
          // Only an event of the same kind carries over ("The attack also killed …"), or a trip to its meetings.
          const related = (e: EventCandidate) => e.type === type || (e.type === 'visit' && type === 'meeting') || (e.type === 'meeting' && type === 'visit');
          const before = previous.events.find((e) => (e.place || e.date) && related(e));
          if (before) {
            if (!candidate.place && before.place) {
              candidate.place = before.place;
              candidate.placeVia = 'context';
            }
            if (!candidate.date && !candidate.relative && before.date) candidate.date = before.date;
          }
        }
        events.push(candidate);
        fromClause.push(candidate);
      }
    }
    const narrative = clauses[0];
    // Statement: the fallback for attributed speech, only with an explicit date and a place of speaking.
    const verb = speechVerb(text, narrative);
    if (verb && !events.some((e) => !e.trigger || inClause(narrative, e.trigger.start, e.trigger.end))) {
      const actors = sentenceActors.filter((a) => inClause(narrative, a.start, a.end) && !a.titleOnly);
      const speaker = speakerOf(text, narrative, actors);
      const date = speaker ? input.dates.find((d) => inClause(narrative, d.start, d.end) && d.precision === 'day') : undefined;
      if (speaker && date) {
        const trigger = { start: narrative.start + verb.index, end: narrative.start + verb.index + verb.word.length, text: verb.word };
        const said = pickPlace(text, narrative, input.places.filter((p) => inClause(narrative, p.start, p.end)), trigger, 'statement');
        const place = said?.mention ?? dateline;
        if (place) {
          events.push({
            file: input.file, type: 'statement', sentence, trigger, place, placeVia: said ? 'text' : 'dateline', origin: null,
            date, relative: null, actors: [speaker], subject: null, legislature: '',
          });
        }
      }
    }
    out.push(...events);
    const named = sentenceActors.find((a) => a.kind === 'person' && inClause(narrative, a.start, a.end));
    const subject = named ?? (PRONOUN_SUBJECT.test(sentence.text) ? (previous?.subject ?? null) : null);
    previous = { sentence, events, subject };
  }
  return out;
}

/**
 * People quoted in an article: the named person who is the subject of a verb of speech in a sentence's
 * narrative clause ("Shamkhani said", "al-Araji, Iraq's national security adviser, praised").
 * @param input the article's sentences and actor mentions
 * @returns one remark per sentence with a named speaker
 * @example findRemarks(input).map((r) => r.speaker.name) // ['Ali Shamkhani', 'al-Araji']
 */
export function findRemarks(input: Pick<TypingInput, 'file' | 'text' | 'sentences' | 'actors' | 'clauses'>): Remark[] {
  const remarks: Remark[] = [];
  for (let s = 0; s < input.sentences.length; s++) {
    const sentence = input.sentences[s];
    const clause = input.clauses?.[s][0] ?? splitClauses(input.text, sentence)[0];
    if (!speechVerb(input.text, clause)) continue; // no verb of speech, no speaker
    const actors = input.actors.filter((a) => a.kind === 'person' && inClause(clause, a.start, a.end));
    const speaker = speakerOf(input.text, clause, actors);
    if (speaker) remarks.push({ file: input.file, speaker, sentence });
  }
  return remarks;
}

function speakerOf(text: string, clause: Clause, actors: ActorMention[]): ActorMention | null {
  const verb = speechVerb(text, clause);
  if (!verb) return null;
  const verbAt = clause.start + verb.index;
  // The nearest person before the verb (subject), else the first person right after it ("said Ali Shamkhani").
  const before = actors.filter((a) => a.kind === 'person' && a.end <= verbAt);
  if (before.length) return before[before.length - 1];
  const after = actors.find((a) => a.kind === 'person' && a.start >= verbAt && a.start - verbAt < verb.word.length + 3);
  return after ?? null;
}

/**
 * The first verb of speech in a clause's narrative (quotations blanked out). Typing and remarks ask about
 * the same clauses several times; the answer is kept on the clause.
 */
function speechVerb(text: string, clause: Clause): { index: number; word: string } | null {
  if (clause.speech === undefined) {
    const verb = SPEECH_VERBS.exec(maskHoles(text, clause));
    clause.speech = verb ? { index: verb.index, word: verb[0] } : null;
  }
  return clause.speech;
}

/**
 * A clause's trigger (the first rule matching it) and, for a meeting, the trip it may have been part of;
 * null when nothing triggers. Quotations and relative dates are blanked out first.
 */
function clauseTrigger(input: TypingInput, clause: Clause, armedGroups: ActorMention[]) {
  let masked = maskHoles(input.text, clause);
  // Words inside a relative date ("two days after the assassination") name another event, not this one.
  for (const r of input.relative) {
    if (r.start >= clause.start && r.end <= clause.end) masked = masked.slice(0, r.start - clause.start) + ' '.repeat(r.end - r.start) + masked.slice(r.end - clause.start);
  }
  const found = firstTrigger(masked, clause, armedGroups);
  if (!found) return null;
  // A trip and the talks it was for are two events ("traveled to Juba for talks with …").
  const also = found.type === 'meeting' ? findVisit(masked) : null;
  return { found, also };
}

function findVisit(clauseText: string) {
  const rule = TRIGGERS.find((r) => r.type === 'visit')!;
  const match = rule.pattern.exec(clauseText);
  return match ? { type: rule.type, match, rule } : null;
}

/**
 * The first rule whose pattern matches the clause.
 * @param armedGroups the article's armed-group mentions (checked before the pattern: cheaper, and usually none)
 */
function firstTrigger(clauseText: string, clause: Clause, armedGroups: ActorMention[]) {
  for (const rule of TRIGGERS) {
    if (rule.needsArmedGroup && !armedGroups.some((a) => inClause(clause, a.start, a.end))) continue;
    const match = rule.pattern.exec(clauseText);
    if (!match) continue;
    return { type: rule.type, match, rule };
  }
  return null;
}

/** The clause text with quotations (holes) blanked out, same length so indices stay aligned. */
function maskHoles(text: string, clause: Clause): string {
  let s = text.slice(clause.start, clause.end);
  for (const [a, b] of clause.holes) s = s.slice(0, a - clause.start) + ' '.repeat(b - a) + s.slice(b - clause.start);
  return s;
}


function pickPlace(text: string, clause: Clause, places: PlaceMention[], trigger: { start: number; end: number }, type: EventType) {
  let best: { mention: PlaceMention; score: number } | null = null;
  for (const mention of places) {
    const before = text.slice(Math.max(clause.start, mention.start - 60), mention.start);
    const target = type === 'strike' && (HIT_VERB.test(before) || (mention.start >= trigger.end && STRIKE_TARGET.test(text.slice(trigger.end, mention.start))));
    const locative = LOCATIVE.test(before) || (type === 'visit' && DESTINATION.test(before)) || target;
    if (!locative) continue;
    if (type === 'visit' && ORIGIN.test(before)) continue;
    if (/^['’]s\b/.test(text.slice(mention.end, mention.end + 3))) continue; // "Baghdad's request"
    const distance = Math.abs(mention.start - trigger.start);
    const score = PRECISION_RANK[mention.place.precision] * 1000 - Math.min(distance, 999);
    if (!best || score > best.score) best = { mention, score };
  }
  return best;
}

function pickOrigin(text: string, clause: Clause, places: PlaceMention[]): PlaceMention | null {
  for (const mention of places) {
    if (ORIGIN.test(text.slice(Math.max(clause.start, mention.start - 30), mention.start))) return mention;
  }
  return null;
}

function legislatureCountry(text: string, clause: Clause, places: PlaceMention[]): string {
  const s = text.slice(clause.start, clause.end);
  let named = false;
  for (const m of s.matchAll(LEGISLATURE)) {
    named = true;
    const word = m[1];
    if (!word) continue;
    const at = clause.start + m.index!;
    const country = places.find((p) => p.start === at && p.place.precision === 'country');
    if (country) return country.place.country;
    const demonym = demonymCountry(word.toLowerCase());
    if (demonym) return demonym;
  }
  // "the parliament's law … in Iraq": a legislature without a country belongs to the clause's country.
  if (named) {
    const countries = [...new Set(places.filter((p) => inClause(clause, p.start, p.end)).map((p) => p.place.country).filter(Boolean))];
    if (countries.length === 1) return countries[0];
  }
  return '';
}

function nearest<T extends { start: number }>(items: T[], trigger: { start: number }): T | null {
  let best: T | null = null;
  for (const item of items) if (!best || Math.abs(item.start - trigger.start) < Math.abs(best.start - trigger.start)) best = item;
  return best;
}
