/**
 * Event typing: which sentences (or quoted clauses) report an event, of which type, and where, when and
 * who. Types come from a documented trigger lexicon (`TRIGGERS`); the place is the most precise place
 * introduced by a locative preposition in the same clause ("held in Tehran", "outside Baghdad
 * International Airport") — a demonym or a possessive ("Iraqi", "Baghdad's request") never places an
 * event; a strike is also placed at its target ("strike on Kharkiv", "shelling of Donetsk", "missiles hit
 * Odesa"); the date is the nearest date expression in the clause; actors are the people and organisations
 * named in it, split by role: who acted, who was targeted ("killing six fighters of X"), and who only
 * commented ("X condemned the strike", "…, the army said"), who is no actor. The attacker's country ("in a
 * US strike"), continents and multi-country regions never place an event; back-references ("last month's
 * summit"), running tolls, labour strikes and deaths from disease report none. Quoted speech is its own
 * clause, so a date or place of the narrative ("said in a Monday meeting in Tehran") never leaks into an
 * event mentioned inside the quote.
 */
import { demonymCountry, type ActorMention } from './actors';
import { PRECISION_RANK } from './gazetteer';
import type { RelativeDateMention } from './dates';
import type { Sentence } from './sentences';
import type { EventType } from './taxonomy';
import type { DateMention, PlaceMention } from './types';

/** The words of a kidnapping: armed-group activity, but of one day like a strike (see pipeline.ts `datedByStory`). */
export const KIDNAPPING = /\b(?:kidnap(?:ped|ping|pings|s)?\b|abduct(?:ed|ing|s|ion|ions)?\b|(?:took|taken|seized)\s+(?:[\w-]+\s+){0,3}?hostages?\b)/i;

/** Armed groups named as such ("armed groups in the Kurdistan Region"): their presence, placed by the clause. */
const ARMED_GROUP_NOUNS = { type: 'armed-group' as const, pattern: /\b(?:armed|terrorist|militant|insurgent|rebel|jihadist|extremist|counter-revolutionary|anti-revolutionary)\s+(?:groups?|elements|agents|cells|militias?|outfits?|fighters|militants)\b/i, needsPlace: true };

/**
 * The trigger lexicon, in priority order: when a clause has triggers of several types, the first type
 * listed wins (a strike reported in a meeting sentence is the strike; the meeting has its own clause).
 * `needsPlace`: the trigger alone is too vague — the clause must place it. `needsSubject`: a named
 * person must come before the trigger (the traveller of a visit). `readsCapitals`: the pattern is
 * case-sensitive on purpose (every other one ignores case). Each pattern opens with one `\b`
 * shared by its alternatives: the engine then tests the boundary once per position, not once per alternative.
 */
export const TRIGGERS: ReadonlyArray<{ type: EventType; pattern: RegExp; needsPlace?: boolean; needsSubject?: boolean; needsArmedGroup?: boolean; namesWhom?: boolean; readsCapitals?: boolean }> = [
  { type: 'strike', pattern: /\b(?:(?:(?:air|drone|missile|rocket|military)[ -])?strikes?\b|assassinat(?:ion|ions|ed|e)\b|kill(?:ed|ing|s)\b|bomb(?:ing|ings|ed)\b|attack(?:s|ed)?\b|shell(?:ing|ed)\b|explosion\b|blast\b|ambush(?:ed)?\b|airstrikes?\b|storm(?:ed|ing)\b|raid(?:s|ed)?\b|(?:missiles?|rockets?|drones?|shells?|bombs?|projectiles?|jets?|warplanes?|aircraft|helicopters?|gunships?|artillery)\s+(?:(?:have|has|had)\s+)?(?:hit|struck|slammed\s+into|rained\s+down\s+on|bombed|pounded|shelled)\b|(?:fire[sd]?|firing|launch(?:es|ed|ing)?)\s+(?:[\w-]+\s+){0,3}?(?:missiles?|rockets?|drones?|shells?|mortars?)\s+(?:at|on|into|towards?)\b|(?:missiles?|rockets?|drones?|shells?|mortars?)\s+(?:were|was|have\s+been|had\s+been)\s+(?:fired|launched)\s+(?:at|on|into|towards?)\b|dropp(?:ed|ing)\s+(?:[\w-]+\s+){0,2}?(?:bombs?|explosives|shells|grenades)\s+(?:on|onto)\b|opened\s+fire\s+(?:on|at)\b|(?:bombs?|explosives?|devices?|grenades?|mines?|IEDs?)\s+(?:[\w-]+\s+)?(?:exploded|detonated|went\s+off)\b|shot\s+dead\b|gunned\s+down\b|(?:bombard|pound)(?:ed|ing)\b)/i },
  // "launched a major military operation against the camp in Jenin": a raid, placed by the clause.
  { type: 'strike', pattern: /\b(?:launch(?:ed|es|ing)?|began|begun|begins|initiated|started|carried\s+out|conducted|mounted)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:military|security|army|counter-?terror(?:ism)?|counter-?insurgency|ground|air)\s+(?:operation|offensive|raid)\b/i, needsPlace: true },
  // Kidnappings are armed groups' doing (ACLED: abduction); a clause that also kills or attacks is the
  // strike above, and so joins the article's other reports of it.
  { type: 'armed-group', pattern: KIDNAPPING },
  { type: 'vote', pattern: /\b(?:(?:parliament|lawmakers|legislators|legislature|MPs|congress|senate|senators|assembly|majlis|knesset|(?:lower|upper)\s+(?:house|chamber)|chamber\s+of\s+deputies|deputies|house\s+of\s+(?:representatives|commons|lords)|duma|rada|bundestag|sejm)\b[^.;]{0,60}?\b(?:approved|passed|adopted|voted|ratified|rejected|endorsed|shelved|defeated|agreed\s+to|gave\s+(?:its\s+)?(?:final\s+|general\s+|initial\s+|preliminary\s+|unanimous\s+)?(?:approval|assent|green\s+light))\b|(?:approved|passed|adopted|ratified)\s+(?:a|the|an)\s+(?:\w+\s+)?(?:bill|law|resolution|motion)\b|vot(?:e|ed|ing)\s+(?:to|on|for|against)\b|parliament(?:ary)?(?:['’]s)?\s+(?:bill|law|ratification|resolution|vote|decision|approval)\b|(?:law|bill|resolution)\s+(?:passed|approved|adopted)\s+by\b)/i },
  ARMED_GROUP_NOUNS,
  { type: 'armed-group', pattern: /\b(?:campaign of terror\b|(?:offensive|insurgency|gains|resurgence|reactivation|incursion|advance|onslaught)\b|(?:seized|captured|overran|launched)\b)/i, needsArmedGroup: true },
  { type: 'meeting', pattern: /\b(?:meetings?\b|met\b|meets\b|(?:held\s+)?talks\b|summit\b|consultations\b|conferred\b|sat down with\b|(?:received|receives|hosted|hosts|welcomed|welcomes)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?counterparts?\b)/i },
  // A named dialogue is a meeting series' session ("the Foreign and Strategic Dialogue in Canberra",
  // "the Shangri-La Dialogue"); "called for dialogue" is not (case-sensitive on purpose).
  { type: 'meeting', pattern: /\b\p{Lu}[\p{L}-]*\s+Dialogue\b/u, readsCapitals: true },
  // "to meet" only after a word that announces it ("is expected to meet", "will meet") and before whom
  // (`namesWhom`: a capitalised name or a determiner) — "meet demands" or "meet again" is no meeting.
  { type: 'meeting', pattern: /\bmeet\b/i, namesWhom: true },
  { type: 'visit', pattern: /\b(?:trav(?:el|ell)(?:ed|s)?\s+to\b|(?:journey|trip|trav(?:el|ell)(?:ed|s)?|flew|drove|headed)\s+from\b|arriv(?:e|ed|es|al)\s+(?:in|here)\b|visit(?:ed|s|ing)?\b|trip\s+to\b|flew\s+to\b|landed\s+in\b)/i, needsSubject: true },
];

/**
 * Nouns that name a past event of a type, for "two days after the assassination". Looked up with a word of
 * the article, so without a prototype: "two days after the constructor" names no event.
 */
export const ANCHOR_NOUNS: Readonly<Record<string, EventType>> = Object.assign(Object.create(null), {
  assassination: 'strike', strike: 'strike', killing: 'strike', attack: 'strike', bombing: 'strike', airstrike: 'strike',
  explosion: 'strike', blast: 'strike', vote: 'vote', ratification: 'vote', meeting: 'meeting', talks: 'meeting',
  summit: 'meeting', visit: 'visit', arrival: 'visit', trip: 'visit', offensive: 'armed-group',
} satisfies Record<string, EventType>);

/** Organisations whose activity is armed-group activity. */
const ARMED_GROUPS = /^(Daesh|Hezbollah|Hamas|Taliban|al-Qaeda|al-Shabaab|Boko Haram|Houthis|Kurdistan Workers)/;

/** Verbs of speech: a named person before one of these is a speaker ("Shamkhani said"). */
export const SPEECH_VERBS = /\b(said|says|told|added|noted|stressed|urged|warned|stated|explained|announced|declared|argued|claimed|confirmed|denied|insisted|emphasi[sz]ed|underlined|affirmed|praised|hailed|slammed|welcomed|denounced|criticized|criticised|condemned|reiterated|expressed|mentioned|suggested|outlined|appreciated|referred|pointed out|called for|vowed|pledged)\b/i;

// Prepositions that introduce where something happened, with up to two describing words in between.
// "in the German city of Bonn", "in the southern province of Kandahar": a kind of place and "of" before the name.
/** Words of a pattern, each also with a capital first letter ("In the City of Dnipro" opens a sentence). */
const eitherCase = (words: string) => words.split('|').map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`).join('|');
const PLACE_KIND_OF = String.raw`(?:(?:\p{Lu}[\p{L}-]*\s+|(?:[\p{Ll}-]+\s+){1,2})?(?:${eitherCase('city|town|village|province|region|district|state|county|capital|port|area|governorate|municipality|island|settlement|camp')})\s+of\s+)?`;
// "the Syrian capital, Damascus", "the port city Mombasa": a described place, then its name.
const APPOSITION = String.raw`(?:(?:\p{Lu}[\p{L}-]*\s+)?(?:capital|city|town|village|port|province|region|district|state)\s*,?\s+)?`;
/** The eight bearings: "north of", "40 km south-west of". */
const BEARING = 'north|south|east|west|north-?east|north-?west|south-?east|south-?west';
const COMPASS = `${BEARING}|northeastern|northwestern|southeastern|southwestern|north-eastern|north-western|south-eastern|south-western|far`;
const LOCATIVE = new RegExp(String.raw`(?:^|[\s(,])(${eitherCase('in|at|near|outside|inside|across|throughout|around|within|over|off')})\s+(?:(?:the|a|an|semi-autonomous|autonomous|northern|southern|eastern|western|central|${COMPASS}|capital|city|town|village|province|region|country|neighbouring|neighboring|nearby|occupied|restive|disputed|war-torn|remote|\p{Lu}[\p{L}-]*['’]s)\s+){0,3}${APPOSITION}${PLACE_KIND_OF}$`, 'u');
// "on the outskirts of Mogadishu", "in the north of the country", "40 km (25 miles) north of Kismayo",
// "a base south-west of the capital".
const AREA_OF = new RegExp(String.raw`(?:(?:^|[\s(,])(?:${BEARING})|(?:^|[\s(,])(?:on|in|at|to)\s+the\s+(?:(?:far|northern|southern|eastern|western)\s+)?(?:outskirts|edge|suburbs?|heart|centre|center|${BEARING}|part)|\b(?:km|kilometres|kilometers|miles)\s+(?:\([^)]{1,20}\)\s+)?(?:${BEARING}))\s+of\s+(?:the\s+)?$`, 'i');
const DESTINATION = new RegExp(String.raw`(?:^|[\s(,])(to|in|visit(?:ed|s|ing)?|visit to)\s+(?:(?:the|a|an|capital|city|town|\p{Lu}[\p{L}-]*['’]s)\s+){0,2}${APPOSITION}${PLACE_KIND_OF}$`, 'u');
// Between a subject and its verb: nothing, or one adverb ("Zelensky later traveled").
const SUBJECT_OF_VERB = /^\s+(?:(?:later|then|also|again|first|finally|subsequently|\w+ly)\s+)?$/;
// After a place name: it names who attacked or whose forces ("a US strike", "Saudi-led coalition", "Turkish jets").
const ATTACKER_AFTER = /^(?:-(?:led|backed|made|supplied)\b|\s+(?:(?:air|drone|missile|rocket|military|army|naval)[ -]?)?(?:strikes?|airstrikes?|raids?|drones?|jets?|warplanes?|fighter|missiles?|rockets?|forces|troops|army|military|navy|soldiers|artillery|shelling|bombers?|aircraft|helicopters?|gunships?|special|marines|coalition|militias?|air force|bases?|embassy|consulate|convoys?|positions|personnel|warships?|vessels?|interests|facility|facilities|installations?|compound|outposts?)\b)/i;
// What a strike named anywhere in the clause hits: "killed in a reported Israeli airstrike on Damascus".
const STRIKE_NOUN_ON = /\b(?:air\s?strikes?|strikes?|attacks?|raids?|bombings?|shelling|bombardment|assault)['’"”]?\s+(?:on|against|targeting)\s+(?:(?:the|a|an|northern|southern|eastern|western|central|capital|city|town|village|port|province|region|of)\s+){0,3}$/i;
// A place in a compound adjective describes something else: "Iran-linked targets", "a Paris-based group".
const HYPHEN_COMPOUND = /^-(?:linked|backed|led|allied|aligned|affiliated|based|sponsored|funded|controlled|held|made|supplied|born|bound|style|era|run|owned)\b/i;
const ORIGIN = /(?:^|[\s(,])from\s+(?:(?:the|capital|city)\s+){0,2}$/u;
// What a strike hits: "strike on Kharkiv", "shelling of Donetsk", "attack against the city of Homs" (right
// after the trigger), or the object of a hitting verb anywhere in the clause ("missiles hit Odesa").
const STRIKE_TARGET = /^\s+(?:on|of|against|targeting|near)\s+(?:(?:the|a|an|northern|southern|eastern|western|central|capital|city|town|village|port|province|region|of|\p{Lu}[\p{L}-]*['’]s)\s+){0,3}$/iu;
const HIT_VERB = new RegExp(String.raw`(?:^|[\s(,])(?:hit|hits|struck|strikes|targeted|targeting|shelled|pounded|bombed|attacked|stormed|raided|overran|ambushed|seized|captured)\s+(?:(?:the|a|an|northern|southern|eastern|western|central|capital|city|town|village|port|province|region|of)\s+){0,3}${APPOSITION}$`, 'iu');
const LEGISLATURE = /(?:(\p{Lu}[\p{L}.]*)(?:['’]s)?\s+)?(?:[Pp]arliament|[Pp]arliamentary|[Ll]awmakers|[Ll]egislature|[Ll]egislators|MPs|[Cc]ongress|[Ss]enate|[Nn]ational [Aa]ssembly|[Mm]ajlis|(?:[Ll]ower|[Uu]pper) (?:[Hh]ouse|[Cc]hamber)|[Cc]hamber of [Dd]eputies|House of (?:Representatives|Commons|Lords)|Duma|Rada|Bundestag|Sejm|Knesset)\b/gu;
/** Whether a clause names a legislature (a referendum's "voters voted" is no legislature's vote). */
const NAMES_LEGISLATURE = new RegExp(LEGISLATURE.source, 'u');
// Sentence openings that refer back to the previous sentence's event or subject.
const ANAPHORA = /^(?:He|She|They|It|The\s+(?:\w+\s+){0,2}(?:attack|strike|assassination|killing|bombing|act|operation|meeting|talks|visit|trip|vote|bill|law)\b)/;
const PRONOUN_SUBJECT = /^(He|She)\b/;
/** An opening that names the previous sentence's event as a noun ("The meeting", "The attack also …"). */
const ANAPHORIC_NOUN = /^The\s+(?:\w+\s+){0,2}(?:attack|strike|assassination|killing|bombing|operation|meeting|talks|visit|trip|vote)\b/;

// Between a dateline's place and the lede: ", Somalia (AP) — ", " — ".
// Wire copy needs no dash: ", Aug 3 (IANS) ", ", May 14. /TASS/. ".
const LEDE_GAP = /^(?:,\s*\p{Lu}[\p{L}. ]{0,30}(?:\d{1,2}(?:,\s*\d{4})?)?)?\.?\s*(?:\([^()\n]{1,30}\)|\/[^/\n]{1,20}\/\.?)?\s*(?:[—–:-]{1,2}\s*)?$/u;

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
  /** Participants of `actors` who were targeted (strikes: "killing six fighters of X", "X was killed"); the others acted. */
  targets: ActorMention[];
  /** People and organisations who commented on, condemned or reported the event: not participants, not in `actors`. */
  commenters: ActorMention[];
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
    if (quotes.some(([a, b]) => at >= a && at < b)) continue;
    // "the ministers, Minister Jeyhun Bayramov, and Minister Ararat Mirzoyan visited …": a list of names
    // before ", and" (no verb yet) is the subject the clause goes on with; "with his Kazakh, Uzbek, and
    // Turkmen counterparts in Bishkek" (no verb after) ends a list. Neither is a clause of its own.
    if (m[0][0] === ',' && !(FINITE_VERB.test(text.slice(cuts[cuts.length - 1], at)) && FINITE_VERB.test(text.slice(at + m[0].length, sentence.end)))) continue;
    cuts.push(at + m[0].length);
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
/** A word that can be a clause's verb: a regular past ("-ed"), a third-person present ("-s" after a vowel-less
 * guess is too loose, so only common ones), an auxiliary or a frequent irregular past. */
const FINITE_VERB = new RegExp(
  String.raw`\b(?:\p{L}+ed|is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|did|does|do|` +
    String.raw`says|said|met|meets|went|goes|flew|flies|held|holds|struck|strikes|hit|hits|began|begins|took|takes|gave|gives|made|makes|` +
    String.raw`came|comes|left|leaves|saw|sees|told|tells|spoke|speaks|wrote|writes|led|leads|fought|fights|shot|shoots|won|wins|lost|loses|` +
    String.raw`sent|sends|brought|brings|ran|runs|kept|keeps|stood|stands|fell|falls|rose|rises|drove|drives|threw|throws|seized|seizes|` +
    String.raw`arrived|arrives|visits|kills|attacks|claims|warns|calls|hopes|wants|plans|urges|accuses|denies|announces|approves|votes)\b`,
  'iu',
);
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
      const { found, also, until = clause.end } = triggered;
      const fromClause: EventCandidate[] = [];
      const inEvent = (span: { start: number; end: number }) => inClause(clause, span.start, span.end) && span.end <= until;
      for (const { type, match, rule } of also ? [also, found] : [found]) {
        const trigger = { start: clause.start + match.index!, end: clause.start + match.index! + match[0].length, text: match[0] };
        const places = ownPlaces(input.places.filter(inEvent), triggered.placesUntil);
        const place = pickPlace(text, clause, places, trigger, type);
        if (rule.needsPlace && !place) continue;
        let actors = sentenceActors.filter((a) => inEvent(a) && !a.titleOnly);
        if (rule.needsSubject && !actors.some((a) => a.kind === 'person' && a.end <= trigger.start)) {
          if (!(PRONOUN_SUBJECT.test(sentence.text) && previous?.subject)) continue;
        }
        // Who spoke about the event (reported it, condemned it) is not its actor.
        const commenters = clause.quoted ? [] : commentersOf(text, clause, actors, trigger, type);
        if (commenters.length) actors = actors.filter((a) => !commenters.includes(a));
        // "last month's summit", "an earlier attack": a clause that refers back to another event reports none
        // ("The meeting came a month after last month's summit in Nairobi, where …").
        if (BACK_REFERENCE.test(text.slice(Math.max(clause.start, trigger.start - 50), trigger.start)) || backReferenceIn(text, clause)) continue;
        if (POINTS_BACK_BEFORE.test(text.slice(Math.max(clause.start, trigger.start - 40), trigger.start))) continue; // "in that attack", "whose last visit"
        if (NEGATED.test(text.slice(Math.max(clause.start, trigger.start - 30), trigger.start))) continue; // "was not attacked"
        if (ENDED.test(text.slice(Math.max(clause.start, trigger.start - 40), trigger.start))) continue; // "would stop its attacks"
        // "talked on Thursday about Zelenskiy's visit to the United States": the topic of this event, not one.
        if (NOUN_TRIGGER.test(trigger.text) && TOPIC_BEFORE.test(text.slice(Math.max(clause.start, trigger.start - 60), trigger.start))) continue;
        if (PRONOUN_SUBJECT.test(sentence.text) && previous?.subject && (type === 'meeting' || type === 'visit')) {
          actors = [previous.subject, ...actors];
        }
        // The day of the event it answers is not its own ("in retaliation for a strike on Monday").
        const date = nearestDate(eventDates(text, input.dates.filter((d) => inEvent(d) && (triggered.placesUntil === undefined || d.end <= triggered.placesUntil)), trigger, type), trigger);
        // "The war … has killed tens of thousands": a running toll, not an event, unless a day is given.
        // Not "have been killed in an airstrike": the deaths of one attack.
        if (type === 'strike' && date?.precision !== 'day' && /^kill/i.test(trigger.text) && TOLL_BEFORE.test(text.slice(Math.max(clause.start, trigger.start - 20), trigger.start)) && !ONE_ATTACK_AFTER.test(text.slice(trigger.end, Math.min(clause.end, trigger.end + 80))) && !ONE_ATTACK_WHEN.test(text.slice(trigger.end, Math.min(clause.end, trigger.end + 140)))) continue;
        const relative = nearest(input.relative.filter(inEvent), trigger);
        const origin = type === 'visit' ? pickOrigin(text, clause, places) : null;
        // The traveller of a trip, and of the talks it was for, is the clause's first person before the travel verb.
        const lead = also ? also.match : match;
        const leadAt = clause.start + lead.index!;
        const subject = type === 'visit' || type === 'meeting' ? actors.find((a) => a.kind === 'person' && a.end <= leadAt) ?? null : null;
        // The traveller (or the one who meets) comes first: a visit's title names them, not their host.
        if (subject) actors = [subject, ...actors.filter((a) => a !== subject)];
        // A lone word the corpus does not confirm still names the traveller when it is the verb's bare
        // subject ("Zelensky later traveled to …"); a plural common noun ("Officials", "Farmers") is not a name.
        // A noun trigger has no bare subject: "Peace talks in Jeddah" names nobody.
        const bareSubject = subject && !subject.certain && !/s$/.test(subject.name) && !NOUN_TRIGGER.test(lead[0]) && SUBJECT_OF_VERB.test(text.slice(subject.end, leadAt)) ? subject : null;
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
          targets: type === 'strike' ? actors.filter((a) => isTarget(text, a, trigger)) : [],
          commenters,
          subject: bareSubject,
          legislature: type === 'vote' ? legislatureCountry(text, clause, input.places) : '',
        };
        // "the parliament passed …" names no country: the story's legislature, or the dateline's country.
        if (type === 'vote' && !candidate.legislature && NAMES_LEGISLATURE.test(text.slice(clause.start, clause.end))) {
          candidate.legislature = lastLegislature(events) ?? lastLegislature(out) ?? dateline?.place.country ?? '';
        }
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
          // A legislature's vote is not a referendum's ("Greeks voted against … The parliament vote …").
          const related = (e: EventCandidate) => (e.type === type && (type !== 'vote' || e.legislature === candidate.legislature)) || (e.type === 'visit' && type === 'meeting') || (e.type === 'meeting' && type === 'visit');
          const before = previous.events.find((e) => (e.place || e.date) && related(e));
          if (before) {
            if (!candidate.place && before.place) {
              candidate.place = before.place;
              candidate.placeVia = 'context';
            }
            // "… held talks on Friday. The meeting took place in the German city of Bonn": the lede's
            // event is where the next sentence places it, and "the meeting" is between its participants.
            if (candidate.place && !before.place && ANAPHORIC_NOUN.test(sentence.text)) {
              before.place = candidate.place;
              before.placeVia = 'context';
            }
            if (ANAPHORIC_NOUN.test(sentence.text)) {
              candidate.actors = [...before.actors, ...candidate.actors.filter((a) => !before.actors.some((b) => b.name === a.name))];
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
            date, relative: null, actors: [speaker], targets: [], commenters: [], subject: null, legislature: '',
          });
        }
      }
    }
    out.push(...events);
    const named = sentenceActors.find((a) => a.kind === 'person' && inClause(narrative, a.start, a.end));
    const subject = named ?? (PRONOUN_SUBJECT.test(sentence.text) ? (previous?.subject ?? null) : null);
    previous = { sentence, events, subject };
  }
  // The dateline is where the reporter is: when the story places its events elsewhere, a statement placed
  // only by the dateline is the report's own framing, not an event there.
  if (dateline && out.some((e) => e.type !== 'statement' && e.placeVia === 'text' && e.place && e.place.place.id !== dateline.place.id)) {
    return out.filter((e) => e.placeVia !== 'dateline');
  }
  // A wire lede that names no place ("MOGADISHU (AP) — A car bomb killed seven on Saturday") reports an
  // event where it was filed.
  if (dateline) {
    for (const e of out) {
      // A trip goes elsewhere than where it is reported from, unless it "arrived here".
      const arrivedHere = e.type === 'visit' && /\bhere$/i.test(e.trigger.text);
      if (e.place || e.type === 'statement' || (e.type === 'visit' && !arrivedHere) || !LEDE_GAP.test(text.slice(dateline.end, e.sentence.start))) continue;
      if (input.places.some((p) => p.start >= e.sentence.start && p.end <= e.sentence.end)) continue;
      e.place = dateline;
      e.placeVia = 'dateline';
    }
  } else {
    // A wire copy whose dateline the page dropped: "arrived here Sunday … at the Tribhuvan International
    // Airport" — "here" is the first town or site the story names after it.
    for (const e of out) {
      if (e.place || e.type !== 'visit' || !/\bhere$/i.test(e.trigger.text)) continue;
      const next = input.places.find((p) => p.start >= e.trigger.end && p.start - e.trigger.end <= HERE_REACH && (p.place.precision === 'city' || p.place.precision === 'site'));
      if (next) {
        e.place = next;
        e.placeVia = 'context';
      }
    }
  }
  return out;
}

/** How far after "arrived here" (characters) the story may name the place it means. */
const HERE_REACH = 400;

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
  // The nearest person before the verb (subject) — the one next to it or set off by an apposition ("Beth
  // Smith, daughter of Hugh Smith, told") first — else the first person right after it ("said Ali Shamkhani").
  const before = actors.filter((a) => a.kind === 'person' && a.end <= verbAt);
  const adjacent = before.find((a) => SPEAKER_GAP.test(text.slice(a.end, verbAt)));
  if (adjacent) return adjacent;
  if (before.length) return before[before.length - 1];
  const after = actors.find((a) => a.kind === 'person' && a.start >= verbAt && a.start - verbAt < verb.word.length + 3);
  return after ?? null;
}

const PASSIVE_SPEECH = /\b(?:was|were|is|are|been|be|being)\s+$/i;
// Killers that are no attackers: disease, disaster, accidents.
const NOT_VIOLENCE = /\b(?:outbreaks?|epidemics?|pandemics?|virus|viral|flu|influenza|diseases?|cholera|ebola|plague|H\dN\d|E\. ?coli|infections?|infected|measles|malaria|fever|illness|heart attack|panic attack|storms?|cyclones?|hurricanes?|typhoons?|floods?|flooding|earthquakes?|quake|landslides?|tsunami|heatwave|drought|famine|wildfires?|blaze|crash(?:ed)?|accidents?|collision|derail(?:ed|ment)|overdose|poisoning|avalanche)\b/i;

const NOUN_TRIGGER = /^(?:meetings?|talks|summit|consultations|visits?|trip|journey|arrival)\b/i;
// A present perfect before a killing ("has killed", "have now killed"): a running toll.
const TOLL_BEFORE = /\b(?:has|have)\s+(?:\w+\s+)?$/i;
// "have been killed and six wounded when three tankers exploded in …": the deaths of one blast.
const ONE_ATTACK_WHEN = /^[^.;]{0,50}?\bwhen\b[^.;]{0,80}?\b(?:exploded|struck|hit|attacked|opened\s+fire|detonated|blew\s+up|stormed|crashed\s+into)\b/i;
const ONE_ATTACK_AFTER = /^\s+(?:[\w-]+\s+){0,3}?(?:in|after|during|by|when)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:air\s?strikes?|strikes?|attacks?|bombings?|blasts?|explosions?|raids?|ambush|shelling|bombs?|drones?|missiles?)\b/i;
/** Frames of a generalisation over a period, not of one event; "rarely comments on attacks", "often raid villages". */
const HABITUAL = /\b(?:over the course of|throughout the (?:war|conflict|fighting|insurgency|year)|in recent (?:years|months|weeks)|for (?:many )?years|(?:over|within|in) the (?:past|last) (?:few |several |two |three )?(?:weeks|months|years|decades)|(?:rarely|seldom|routinely|usually|typically|regularly|frequently|often|increasingly) [a-z]+)\b/i;
const LABOUR_STRIKE = /\b(?:hunger|general|labou?r|workers['’]?|teachers['’]?|doctors['’]?|nurses['’]?|sit-down|wildcat|nationwide)\s+strikes?\b|\b(?:on|went on|go on|going on)\s+strike\b|\bstrike\s+action\b/i;

/** Verbs of reaction: who condemns or welcomes an event comments on it, whatever its type. */
const REACTION = /^(?:condemned|denounced|criticized|criticised|slammed|welcomed|praised|hailed)$/i;
// Between a speaker and the verb: nothing, a possessive, or an apposition ("Attaher, a spokesman for the coalition, said").
const SPEAKER_GAP = /^(?:['’]s?)?\s*(?:,[^,;]{1,80},\s*)?$/;
// Before a trigger: a reference to an earlier event ("last month's summit", "an earlier attack", "yesterday's vote").
const BACK_REFERENCE = /(?:\b(?:an?|the|its|their|his|her|this|that)\s+(?:earlier|previous|prior|past)\s+|\b(?:last|past|previous)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|August|September|October|November|December)['’]s\s+|\byesterday['’]s\s+)(?:[\w-]+\s+){0,2}$/i;
const BACK_REFERENCE_PHRASE = new RegExp(`${BACK_REFERENCE.source.slice(0, -1)}(?:assassination|strike|airstrike|killing|attack|bombing|explosion|blast|raid|vote|ratification|meeting|talks|summit|visit|trip|offensive)s?\\b`, 'i');

const BACK_REFERENCE_WORD = /earlier|previous|prior|past|last|yesterday/i;

// Words right before a trigger that point back to an event told before:
// - "whose last visit to Baghdad was in 2011", "the last attack on the town": the one before this one;
// - "convicted of involvement in that attack", "That bombing killed 13": a demonstrative (a complementiser
//   has no preposition before it, or an article after it: "said that attacks …", "referred to that the
//   assassination …").
const POINTS_BACK_BEFORE = /(?:\b(?:the|its|their|his|her|whose)\s+last|\b(?:in|of|for|to|with|from|after|since|before|during|behind|over)\s+(?:that|those)|^(?:That|Those))\s+(?:(?!(?:the|a|an|his|her|its|their)\s)[\w-]+\s+)?$/i;

/** Whether a clause's narrative holds a back-reference to an earlier event ("after last month's summit"). */
function backReferenceIn(text: string, clause: Clause): boolean {
  // Most clauses hold none of the words a back-reference needs: one cheap scan before the full pattern.
  if (!BACK_REFERENCE_WORD.test(text.slice(clause.start, clause.end))) return false;
  return BACK_REFERENCE_PHRASE.test(maskHoles(text, clause));
}

// A passive before the trigger ("X was killed"): the subject was targeted.
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$/i;
// An agent after the trigger ("killed by X", "a strike by Turkish jets"): X acted.
const AGENT_BEFORE = /\b(?:by|from)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}$/i;
// A date right after a verb of speech ("said on Sunday that …") dates the speaking, not the event.
const SAID_BEFORE = /\b(?:said|says|told\s+\S+|announced|stated|added|reported|confirmed|declared)\s+(?:late\s+|early\s+)?(?:on\s+)?$/i;

/**
 * Who commented on an event in a narrative clause: the subject of a verb of speech that comes before the
 * trigger ("X condemned the strike", "X said the strike killed …"), or the speaker right next to a verb
 * after it ("A drone struck …, military sources said", "…, said Ali X"). The participants of a meeting or a
 * visit who speak about it stay participants, unless they condemn or welcome it.
 * @returns the commenters among `actors` (empty when none)
 */
function commentersOf(text: string, clause: Clause, actors: ActorMention[], trigger: { start: number; end: number }, type: EventType): ActorMention[] {
  const verb = speechVerb(text, clause);
  if (!verb || !actors.length) return [];
  // A host "welcomed" a visit and participants "praised" their talks: for meetings and visits only
  // condemning or criticising makes a commenter.
  const reaction = REACTION.test(verb.word) && (type !== 'meeting' && type !== 'visit' || !/^(?:welcomed|praised|hailed)$/i.test(verb.word));
  if (!reaction && (type === 'meeting' || type === 'visit')) return [];
  const verbAt = clause.start + verb.index;
  const verbEnd = verbAt + verb.word.length;
  // "claimed the attack": the claimant is a participant.
  if (trigger.start >= verbEnd) return verb.word.toLowerCase() === 'claimed' ? [] : actors.filter((a) => a.end <= verbAt);
  // "In a meeting with X, Y praised …": who speaks after the meeting took part in it.
  if (type === 'meeting' || type === 'visit') return [];
  const out: ActorMention[] = [];
  let last: ActorMention | null = null;
  for (const a of actors) if (a.end <= verbAt && a.start >= trigger.end) last = a;
  if (last && SPEAKER_GAP.test(text.slice(last.end, verbAt))) out.push(last);
  const after = actors.find((a) => a.start >= verbEnd && a.start - verbEnd < 3);
  if (after) out.push(after);
  return out;
}

/** Whether a participant of a strike was its target: the object after the trigger, or a passive subject before it. */
function isTarget(text: string, a: ActorMention, trigger: { start: number; end: number }): boolean {
  if (a.end <= trigger.start) return PASSIVE_BEFORE.test(text.slice(Math.max(0, trigger.start - 30), trigger.start));
  if (a.start < trigger.end) return false;
  return !AGENT_BEFORE.test(text.slice(Math.max(trigger.end, a.start - 40), a.start));
}

/**
 * The dates that may date the event: not a year that names another thing ("the 1971 Liberation War" in
 * "visited the memorial to the 1971 Liberation War"; "the 2019 attack" names the trigger itself) or dates
 * a relative clause after the trigger, and those not dating a verb of speech, unless there are no others.
 */
function eventDates(text: string, dates: DateMention[], trigger: { start: number }, type: EventType): DateMention[] {
  const own = dates.filter(
    (d) =>
      d.precision !== 'year' ||
      !(
        (ATTRIBUTIVE_BEFORE.test(text.slice(Math.max(0, d.start - 8), d.start)) && (trigger.start < d.end || trigger.start - d.end > ATTRIBUTIVE_REACH) && !(trigger.start < d.start && IN_BEFORE_ARTICLE.test(text.slice(Math.max(0, d.start - 14), d.start)) && namesEventOf(text, d.end, type))) ||
        // "visited the memorial to those who died in the war in 1971": the year of a relative clause's own verb.
        (d.start > trigger.start && RELATIVE_CLAUSE.test(text.slice(trigger.start, d.start))) ||
        // "Erdogan, whose last visit was in 2011, when he was prime minister, met …": a relative clause
        // between the subject and the verb has its own time.
        (d.end <= trigger.start && INSERTED_RELATIVE.test(text.slice(Math.max(0, d.start - 80), d.start)) && text.slice(d.end, trigger.start).includes(','))
      ),
  );
  if (own.length < 2) return own;
  const kept = own.filter((d) => !SAID_BEFORE.test(text.slice(Math.max(0, d.start - 25), d.start)));
  return kept.length ? kept : own;
}
/** An inserted relative clause still open before a year: ", whose last visit was in …" (no comma since). */
const INSERTED_RELATIVE = /,\s+(?:whose|who|which)\s[^,]*$/i;
/** A relative clause between a trigger and a year ("… who died …", "… which was built …"). */
const RELATIVE_CLAUSE = /\b(?:who|which|whose)\s/i;
/** A determiner right before a year: the year then modifies the noun after it ("the 1971 war"). */
const ATTRIBUTIVE_BEFORE = /\b(?:the|a|an|its|their|his|her)\s+$/i;
/** How far after such a year the trigger may start and still be the noun it modifies ("the 2019 bombing", "the 2014 Boko Haram attack"). */
const ATTRIBUTIVE_REACH = 24;
/** "killed in a 2020 …", "wounded during the 2019 …": the trigger's event happened in what the year modifies ("since the 2019 attack" is another). */
const IN_BEFORE_ARTICLE = /\b(?:in|during)\s+(?:the|a|an)\s+$/i;

/**
 * Whether the noun an attributive year modifies names an event of the trigger's type: "killed in a 2020
 * US drone strike" dates the killing by the strike's year, "killed in the 1971 war" does not. The noun
 * is one of the four words after the year, before any punctuation.
 */
function namesEventOf(text: string, yearEnd: number, type: EventType): boolean {
  const phrase = /^[^,.;:()]*/.exec(text.slice(yearEnd, yearEnd + ATTRIBUTIVE_REACH + 12))![0];
  const words = phrase.match(/\p{L}+/gu) ?? [];
  return words.slice(0, 4).some((w) => ANCHOR_NOUNS[w.toLowerCase()] === type);
}

/**
 * The first verb of speech in a clause's narrative (quotations blanked out). Typing and remarks ask about
 * the same clauses several times; the answer is kept on the clause.
 */
function speechVerb(text: string, clause: Clause): { index: number; word: string } | null {
  if (clause.speech === undefined) {
    const masked = maskHoles(text, clause);
    // "was said to have been …", "was announced": a passive names no speaker; a later verb may.
    let verb: { index: number; word: string } | null = null;
    for (let from = 0, guard = 0; guard < 4; guard++) {
      const m = SPEECH_VERBS.exec(from ? masked.slice(from) : masked);
      if (!m) break;
      const at = from + m.index;
      if (!PASSIVE_SPEECH.test(masked.slice(Math.max(0, at - 12), at))) {
        verb = { index: at, word: m[0] };
        break;
      }
      from = at + m[0].length;
    }
    clause.speech = verb;
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
  let found = firstTrigger(masked, clause, armedGroups);
  if (!found) return null;
  // "Parliament voted on Sunday to expel the troops after an airstrike killed …": violence inside the
  // cause the clause gives after its own event is an earlier event; the event before it is the news.
  // (Not a meeting there: "talked about the visit, after the two met" reports the meeting.)
  // "arrived in Iraq on Monday for talks on … the Kurdish militant group": a group the news names is
  // not what the visit or meeting in the same clause reports.
  if (found.rule === ARMED_GROUP_NOUNS) {
    const news = firstTrigger(masked, clause, armedGroups, TRIGGERS.indexOf(ARMED_GROUP_NOUNS) + 1);
    if (news && (news.type === 'meeting' || news.type === 'visit')) found = news;
  }
  // Its places, dates and people are the earlier event's too: `until` ends what the event reads.
  let until: number | undefined;
  const cause = found.type === 'strike' || found.type === 'armed-group' ? CAUSE_PHRASE.exec(masked) : null;
  if (cause && cause.index < found.match.index) {
    const main = firstTrigger(masked.slice(0, cause.index) + ' '.repeat(masked.length - cause.index), clause, armedGroups);
    if (main) {
      found = main;
      until = clause.start + cause.index;
    }
  }
  // "an outbreak of cholera killed 60", "a heart attack": deaths from disease or disaster are no strike.
  if (found.type === 'strike' && /^(?:kill|attack)/i.test(found.match[0]) && NOT_VIOLENCE.test(masked)) return null;
  // "a hunger strike", "a general strike", "workers went on strike": no attack.
  if (found.type === 'strike' && /strike/i.test(found.match[0]) && LABOUR_STRIKE.test(masked)) return null;
  // "Over the course of the conflict the rebels have carried out attacks on …": what happens, not what happened.
  if (HABITUAL.test(masked)) return null;
  // A trip and the talks it was for are two events ("traveled to Juba for talks with …").
  const also = found.type === 'meeting' ? findVisit(masked) : null;
  // "launched airstrikes on Hodeidah port in retaliation for missile attacks on Ben Gurion airport": what
  // the event answers is another event, and so are its dates and places (its places only when the event
  // names one of its own).
  const answer = RETALIATION.exec(masked);
  const placesUntil = answer && answer.index > found.match.index ? clause.start + answer.index : undefined;
  return { found, also, until, placesUntil };
}

/** The places before `until` when there are any, else all: a clause's places up to the event it answers. */
function ownPlaces(places: PlaceMention[], until: number | undefined): PlaceMention[] {
  if (until === undefined) return places;
  const before = places.filter((p) => p.end <= until);
  return before.length ? before : places;
}

/** What opens the earlier event a strike answers. */
const RETALIATION = /\bin\s+(?:response|retaliation|reprisal|revenge)\s+(?:to|for)\s/i;

/** What opens the cause of a clause's event ("… after an airstrike killed", "… in retaliation for the attack"). */
const CAUSE_PHRASE = new RegExp(String.raw`\b(?:after|following|in\s+the\s+wake\s+of)\s|${RETALIATION.source}`, 'i');

function findVisit(clauseText: string) {
  const rule = TRIGGERS.find((r) => r.type === 'visit')!;
  const match = rule.pattern.exec(clauseText);
  return match ? { type: rule.type, match, rule } : null;
}

/**
 * The first rule whose pattern matches the clause.
 * @param armedGroups the article's armed-group mentions (checked before the pattern: cheaper, and usually none)
 */
function firstTrigger(clauseText: string, clause: Clause, armedGroups: ActorMention[], from = 0) {
  for (let r = from; r < TRIGGERS.length; r++) {
    const rule = TRIGGERS[r];
    if (rule.needsArmedGroup && !armedGroups.some((a) => inClause(clause, a.start, a.end))) continue;
    const match = rule.pattern.exec(clauseText);
    if (!match) continue;
    if (rule.namesWhom && !(ANNOUNCED_VERB.test(clauseText.slice(Math.max(0, match.index - 7), match.index)) && WHOM.test(clauseText.slice(match.index + match[0].length, match.index + match[0].length + 12)))) continue;
    return { type: rule.type, match, rule };
  }
  return null;
}

/** What announces a bare verb such as "meet": "to meet", "will meet" (a plain scan for the verb is cheaper than a lookbehind at every position). */
const ANNOUNCED_VERB = /\b(?:to|will|would|shall)\s+$/i;
/** Whom a verb such as "meet" names next: a capitalised name or a determiner (case-sensitive on purpose), not what is met ("meet the needs"). */
const WHOM = /^\s+(?:with\s+)?(?:\p{Lu}|(?:his|her|their|the)\b(?!\s+(?:[\w-]+\s+)?(?:needs|demands|requirements|expectations|criteria|conditions|targets|standards|deadlines?|goals|challenges|costs)\b))/u;

/** The clause text with quotations (holes) blanked out, same length so indices stay aligned. */
function maskHoles(text: string, clause: Clause): string {
  let s = text.slice(clause.start, clause.end);
  for (const [a, b] of clause.holes) s = s.slice(0, a - clause.start) + ' '.repeat(b - a) + s.slice(b - clause.start);
  return s;
}


function pickPlace(text: string, clause: Clause, places: PlaceMention[], trigger: { start: number; end: number }, type: EventType) {
  let best: { mention: PlaceMention; score: number } | null = null;
  let nearestPlace: { mention: PlaceMention; score: number; distance: number } | null = null;
  for (const mention of places) {
    const near = text.slice(Math.max(clause.start, mention.start - 90), mention.start);
    // "an airstrike on Kanbalu Township of Sagaing Region": a local area the gazetteer lacks, then the
    // larger one it has — read as "an airstrike on Sagaing Region".
    const head = UNKNOWN_AREA_OF.exec(near);
    const before = (head ? near.slice(0, head.index) : near).slice(-60);
    const target = type === 'strike' && (HIT_VERB.test(before) || STRIKE_NOUN_ON.test(before) || (mention.start >= trigger.end && STRIKE_TARGET.test(text.slice(trigger.end, mention.start))));
    const locative = LOCATIVE.test(before) || AREA_OF.test(before) || TOWN_THEN_AREA.test(before) || (type === 'visit' && DESTINATION.test(before)) || target;
    if (!locative) continue;
    if (type === 'visit' && ORIGIN.test(before)) continue;
    // "In Delhi, the foreign secretary said Modi's visit would be historic": where the speaker is, not where the trip goes.
    if (type === 'visit' && mention.end <= trigger.start && SPEECH_VERBS.test(text.slice(mention.end, trigger.start))) continue;
    // "about 260 km (160 miles) north of Niamey": far from the town named, which only gives a bearing.
    const away = FAR_FROM.exec(before);
    if (away && Number(away[1].replace(/,/g, '')) * (/^mi/i.test(away[2]) ? 1.609 : 1) > FAR_KM) continue;
    // "Baghdad's request" names no place of the event; "Papua New Guinea's remote Highlands region" does.
    if (/^['’]s\b/.test(text.slice(mention.end, mention.end + 3)) && !POSSESSIVE_AREA.test(text.slice(mention.end, mention.end + 60))) continue;
    if (HYPHEN_COMPOUND.test(text.slice(mention.end, mention.end + 16))) continue; // "Iran-linked targets"
    // "in a US strike", "at a US base in Syria": a country named as who struck or whose base, not where.
    if (mention.place.precision === 'country' && ATTACKER_AFTER.test(text.slice(mention.end, mention.end + 30))) continue;
    if (isMacroRegion(mention.place)) continue; // "battles in the Middle East", "across Africa": no event's place
    // "talks on regional issues, including aid to Gaza", "met to discuss the war in Sudan": after the
    // meeting's word, what it was about, not where it was.
    if (type === 'meeting' && mention.start >= trigger.end && TOPIC_BETWEEN.test(text.slice(trigger.end, mention.start))) continue;
    // "an official in Baghdad said …": where the speaker is ("officials in Paris, Texas, met" are the meeting).
    if (type !== 'meeting' && type !== 'visit' && SPEAKER_IN.test(before) && SAYS_AFTER.test(text.slice(mention.end, mention.end + 60))) continue;
    const distance = Math.abs(mention.start - trigger.start);
    const score = PRECISION_RANK[mention.place.precision] * 1000 - Math.min(distance, 999);
    if (!best || score > best.score) best = { mention, score };
    if (!nearestPlace || distance < nearestPlace.distance) nearestPlace = { mention, score, distance };
  }
  // A finer place wins over a nearer, coarser one it lies in ("a village near Mosul in Nineveh province");
  // one in another country is another story's place ("the strike in the Nabatieh province is the
  // deadliest since … the war in Gaza"): then the place nearest the trigger.
  if (best && nearestPlace && best.mention.place.country && nearestPlace.mention.place.country && best.mention.place.country !== nearestPlace.mention.place.country) {
    return nearestPlace;
  }
  return best;
}

// What a meeting or a call was about: "about Zelenskiy's visit", "discussed the upcoming summit".
const TOPIC_BEFORE = /\b(?:about|discussed|discussing|discuss|regarding|concerning|prepar(?:e|ed|ing|ations for))\s+(?:(?:the|a|an|his|her|their|its|this|next|upcoming|planned|forthcoming|possible|(?:\p{Lu}[\p{L}-]*\s+){0,2}\p{L}+['’]s)\s+){0,2}$/iu;
// Words that turn what follows a meeting's word into its subject: "talks on … including", "to discuss".
const TOPIC_BETWEEN = /\b(?:about|regarding|concerning|discuss(?:ed|es|ing)?|including|focus(?:ed|ing)?\s+on|cent(?:red|ered)\s+on|aimed\s+at)\b/i;
// What is to end or was ended is no event of its own: "would stop its attacks", "to halt cross-border strikes"
// (not "the end of the attack").
const ENDED = /\b(?:stop|stops|stopped|stopping|halt|halts|halted|halting|end|ending|cease|ceases|ceased|ceasing|suspend|suspends|suspended|suspending|pause|pauses|paused)\s+(?:(?!of\b)[\w'’-]+\s+){0,2}$/i;
// A denied event: "was not attacked", "did not meet", "never visited".
const NEGATED = /(?:\b(?:not|never)|n['’]t)\s+(?:(?:been|be|yet|have|has|had|even)\s+){0,2}$/i;
const UNKNOWN_AREA_OF = /(?:\p{Lu}[\p{L}-]*\s+){1,3}(?:[Tt]ownship|[Dd]istrict|[Vv]illage|[Cc]ounty|[Mm]unicipality|[Cc]ommune|[Ss]ub-?district|[Tt]ehsil|[Ww]oreda|[Ll]ocality|[Ll]ocal [Gg]overnment [Aa]rea|LGA|[Ss]ub-?county|[Pp]arish|[Ww]ard)\s+(?:of|in)\s+(?:the\s+)?$/u;
// "in District Kech, Balochistan", "at Gubio, Borno State": a town the gazetteer lacks, qualified by the area that places it.
const TOWN_THEN_AREA = new RegExp(String.raw`(?:^|[\s(,])(?:${eitherCase('in|at|near|outside')})\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*,\s+$`, 'u');
// After a place's possessive, an area of it: "Nigeria's northeastern Borno state", "Papua New Guinea's remote Highlands region"
// (not "Colombia's capital" or "its port city": a town the sentence does not name).
const POSSESSIVE_AREA = /^['’]s\s+(?:[\p{L}-]+\s+){0,3}?(?:region|province|state|district|county|highlands|coast|north|south|east|west|north-?east|north-?west|south-?east|south-?west)\b/iu;
// A distance and a bearing before a place: "260 km (160 miles) north of", "50 miles south-west of the".
const FAR_FROM = new RegExp(String.raw`(\d[\d,]*(?:\.\d+)?)\s*(km|kilometres|kilometers|miles)\s+(?:\([^)]{1,20}\)\s+)?(?:${BEARING})\s+of\s+(?:the\s+)?$`, 'i');
/** Beyond this distance from the town named, an event is not placed at the town (the scoring tolerance is 161 km). */
const FAR_KM = 100;

// Who tells of an event from where they are: "an Iraqi official in Baghdad said", "a newspaper in the UK".
const SPEAKER_IN = /\b(?:officials?|spokes(?:man|woman|person|people)|sources?|diplomats?|analysts?|experts?|correspondents?|reporters?|journalists?|newspapers?|agency|broadcaster|television|radio|media|observers?)\s+(?:based\s+)?in\s+(?:the\s+)?$/i;

const SAYS_AFTER = /^[^.;]{0,40}?\b(?:said|says|told|reported|reports|confirmed|claimed|added|stated|announced|wrote)\b/i;

// Areas without a country that can still place an event: waters and islands ("in the Red Sea", "on Java").
const WATER_OR_ISLAND = /\b(?:seas?|ocean|gulf|bay|strait|straits|channel|lake|river|canal|islands?|island)\b/i;

/** A continent or a multi-country region (no country of its own, no water, no island): too wide to place an event. */
function isMacroRegion(place: PlaceMention['place']): boolean {
  return place.precision === 'region' && !place.country && !WATER_OR_ISLAND.test(place.name) && !WATER_OR_ISLAND.test(place.id);
}

function pickOrigin(text: string, clause: Clause, places: PlaceMention[]): PlaceMention | null {
  for (const mention of places) {
    if (ORIGIN.test(text.slice(Math.max(clause.start, mention.start - 30), mention.start))) return mention;
  }
  return null;
}

/** The country of the latest vote in a list that named its legislature's. */
function lastLegislature(events: EventCandidate[]): string | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (events[i].legislature) return events[i].legislature;
  return undefined;
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

/**
 * The date that goes with a trigger: the nearest, counting from the trigger's end for dates after it and
 * from its start for dates before, with a date after it preferred unless one before is half as far —
 * English puts the time after the verb phrase ("will arrive on Sunday and is expected to meet him on Monday").
 */
function nearestDate<T extends { start: number; end: number }>(items: T[], trigger: { start: number; end: number }): T | null {
  let best: T | null = null;
  let bestCost = Infinity;
  for (const item of items) {
    const cost = item.start >= trigger.end ? item.start - trigger.end : (trigger.start - item.end) * 2;
    if (cost < bestCost) [best, bestCost] = [item, cost];
  }
  return best;
}
