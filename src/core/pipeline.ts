/**
 * The extraction pipeline: articles in, merged geotagged events out. Pure — the CLI and the browser
 * hand it articles and a gazetteer; it returns events, place mentions and issues.
 *
 * Stages (one module each): clean (chrome spans) → places (gazetteer) → sentences → dates → actors →
 * events (typing) → merge → output properties (this module) → geojson/csv writers.
 */
import { booleanPointInPolygon, distance, pointToPolygonDistance } from '@turf/turf';
import { type ActorIndex, type ActorMention, actorIndex, addActor, canonicalName, findActors } from './actors';
import { findChrome, overlapsChrome } from './clean';
import { addDays, lastDayCovered } from './calendar';
import { earlierWindow, findDates, forwardDate, inferPublicationDate, isPlanned, publicationDate, type UnresolvedDate, urlDate } from './dates';
import { ANCHOR_NOUNS, clausesOf, type EventCandidate, detectEvents, findRemarks, KIDNAPPING, type Remark } from './events';
import { GEO_PRECISION, type Gazetteer } from './gazetteer/index';
import { chamberOrg, type DateWindow, mergeObservations, type MergedEvent, type Observation, type PlaceRelation } from './merge';
import { eventGeometry, roundCoord } from './geojson';
import { findPlaces, type NameLookups, nameLookups } from './places';
import { splitSentences } from './sentences';
import { EVENT_TYPE_INFO } from './taxonomy';
import type { Geometry } from 'geojson';
import type { EventType } from './taxonomy';
import type { Article, DatelineEvent, EventProperties, EventSource, Issue, Place, PlaceMention } from './types';

/** How far (km) from a city's point a site still counts as inside the city ("Baghdad" ⊃ its airport). */
export const CITY_RADIUS_KM = 30;
/** How far outside an area's simplified outline a town of its country still lies in it. */
const BORDER_SLACK_KM = 5;
/** How many days before publication an undated report of a meeting may still be about a given meeting. */
export const REPORT_WINDOW_DAYS = 7;

export interface PipelineResult {
  events: DatelineEvent[];
  /** Place mentions in story text (chrome excluded), per article in text order. */
  mentions: PlaceMention[];
  issues: Issue[];
  summary: PipelineSummary;
}

export interface PipelineSummary {
  articles: number;
  events: number;
  /** Histogram: number of sources → number of events with that many. */
  sourcesPerEvent: Record<number, number>;
  /** Mapped events without a date. */
  undated: number;
  /** Events found without a place (reported, not mapped). */
  unplaced: number;
}

/** What the per-article stages found in one article (before corpus-wide actor names and merging). */
export interface ArticleWork {
  article: Article;
  published: string | null;
  candidates: EventCandidate[];
  remarks: Remark[];
  actors: ActorMention[];
  dateline: PlaceMention | null;
  mentions: PlaceMention[];
  /** Where the lede ends: the end of the story's first sentences (headline lines count as sentences). */
  ledeEnd: number;
  /** Weekdays and month-days the text names that no publication date resolves ("on Tuesday"). */
  namedDays: UnresolvedDate[];
  /** The publication day is only a bound: the page gives an "Updated …" stamp alone. */
  updatedOnly?: boolean;
}

/**
 * Runs the whole pipeline.
 * @param articles the articles (text never modified) with their manifest entries
 * @param gazetteer a loaded gazetteer
 * @param analysed an article's analysis from an earlier run (`analyseArticle` on the same article and
 *   gazetteer), when the caller kept it: the browser panel re-reads only what was added. Never mutated.
 * @returns events as GeoJSON features, place mentions, issues and a summary
 * @example
 * const { events } = extractEvents(articles, await loadGazetteer());
 * events[0].properties.sources.length // number of articles reporting the first event
 */
export function extractEvents(articles: Article[], gazetteer: Gazetteer, analysed?: (article: Article) => Analysis | undefined): PipelineResult {
  const issues: Issue[] = [];
  const sorted = [...articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const work = analyseAll(sorted, gazetteer, issues, analysed);

  // Actor names across the corpus: variants and lone surnames resolve to one canonical name.
  const index = actorIndex();
  for (const w of work) for (const a of w.actors) addActor(index, a);

  const geo = placeRelation(gazetteer);
  const observations: Observation[] = [];
  for (const w of work) {
    const own = w.candidates.map((c, i) => observe(c, i, w, index, gazetteer));
    observations.push(...datedByStory(own, w));
  }
  let merged = mergeObservations(observations, geo);
  merged = attachRemarks(merged, work, index, geo);

  const events: DatelineEvent[] = [];
  const ids = new Set<string>();
  const meta = new Map(work.map((w) => [w.article.file, w.article.meta]));
  const publishedOf = new Map(work.map((w) => [w.article.file, w.published]));
  const textOf = new Map(work.map((w) => [w.article.file, w.article.text]));
  // Where each article tells an event left off the map: the line where the quoted sentence (as far as
  // the message shows it) first occurs in each.
  const quotedAt = (e: MergedEvent): Issue['at'] => {
    const quote = e.reports[0].quote.text;
    const shown = quote.length > CLIP ? quote.slice(0, CLIP - 3) : quote;
    return [...new Set(e.reports.map((r) => r.file))].map((file) => {
      const at = textOf.get(file)!.indexOf(shown);
      return at >= 0 ? { file, line: lineOf(textOf.get(file)!, at) } : { file };
    });
  };
  // One wound, rounded geometry per place: many events share a country or region shape.
  const geometries = new Map<string, Geometry>();
  let unplaced = 0;
  for (const e of merged) {
    // A visit without a named traveller, or a statement without a named speaker, once names are resolved
    // across the corpus ("a newspaper visited a factory", "the chain is asking customers"), says nothing to map.
    if ((e.type === 'visit' && !e.persons.length) || (e.type === 'statement' && !e.persons.length && !e.orgs.length)) continue;
    // Background (a month or a year well before the report, "since …") and undated mentions in dated
    // articles are what the story recalls or generalises ("car bombs were frequent in Colombia"), not news
    // of their own: they count as sources of an event another report dates, and alone are only reported.
    const datedNews = e.reports.some((r) => !r.background && (r.date || r.relative));
    // Undated news with a background mention ("… since they seized power in February 2021") in articles
    // without a publication date: the event's day is unknown, not the background's.
    if (!datedNews && e.date && e.reports.some((r) => r.background) && e.reports.some((r) => !r.background && !publishedOf.get(r.file))) {
      e.date = null;
      e.precision = null;
    }
    if (!datedNews && e.reports.every((r) => r.background || publishedOf.get(r.file))) {
      const files = [...new Set(e.reports.map((r) => r.file))].join(', ');
      const why = e.reports.every((r) => r.background) ? 'background to the story' : 'undated in a dated article';
      issues.push({ file: files, at: quotedAt(e), message: `${e.type} ${why}, not mapped: "${clip(e.reports[0].quote.text)}"`, severity: 'warning' });
      continue;
    }
    if (!e.place) {
      // Without a place an event cannot be mapped; it is reported so nothing is lost silently.
      unplaced++;
      const files = [...new Set(e.reports.map((r) => r.file))].join(', ');
      issues.push({ file: files, at: quotedAt(e), message: `${e.type} without a place, not mapped: "${clip(e.reports[0].quote.text)}"`, severity: 'warning' });
      continue;
    }
    const feature = toFeature(e as MergedEvent & { place: Place }, meta, gazetteer, ids, geometries);
    events.push(feature);
  }
  const sourcesPerEvent: Record<number, number> = {};
  let undated = 0;
  for (const e of events) {
    const p = e.properties;
    sourcesPerEvent[p.sources.length] = (sourcesPerEvent[p.sources.length] ?? 0) + 1;
    if (p.date_start) continue;
    undated++;
    // Each source's file, with the line of its first report there.
    const at = p.sources.map(({ file }) => ({ file, line: lineOf(textOf.get(file)!, Math.min(...p.sources.filter((s) => s.file === file).map((s) => s.start))) }));
    issues.push({ file: p.sources.map((s) => s.file).join(', '), at, message: `undated ${p.type} at ${p.place_name}: no source gives a date`, severity: 'warning' });
  }
  return {
    events,
    mentions: work.flatMap((w) => w.mentions),
    issues,
    summary: {
      articles: articles.length,
      events: events.length,
      sourcesPerEvent,
      undated,
      unplaced,
    },
  };
}

// A verb reports the news ("the Senate has agreed to", "voted for"), a noun may name a known event.
const VERB_TRIGGER = /(?:ed|\b(?:met|hit|struck|held|fought|shot|took|won|lost|meet|meets|hold|holds))(?:\s+(?:to|on|for|against|at|into))?$/i;
/** "had visited", "had earlier met", "had been struck", "had paid a separate visit": the past perfect before a trigger. */
const PLUPERFECT_BEFORE = /\bhad\s+(?:(?:already|earlier|previously|also|just|recently|once|first|twice|last)\s+)?(?:been\s+|(?:paid|made)\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?)?$/i;
/** Words of reported speech before a trigger in its sentence: a past perfect there is the news, backshifted. */
const REPORTED_BEFORE = /\b(?:said|says|told|tells|reported|reports|according|added|stated|announced|confirmed|claimed|wrote|explained|disclosed)\b/i;
const SINCE_BEFORE = /\bsince\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}$/i;
/** Sentences that make the lede: an undated report there is the story's news, on its publication day. */
const LEDE_SENTENCES = 4;
/** How many later reports the lede looks at for its day. */
const LEDE_LOOKAHEAD = 3;
/** A lede's news is of the last days: a later sentence's date further back tells another, earlier event. */
const LEDE_WEEK = 6;
/** How long before an "Updated …" stamp a page may first have been published. */
const UPDATED_SPAN_DAYS = 7;
/** A report dated only by a month or a year that ends this many days before publication is background. */
const BACKGROUND_DAYS = 3;

/**
 * Dates that come from the story rather than the sentence. A report the sentence does not date takes the
 * day of the story's earlier report of the same kind and country ("The attack also killed …"), or, in the
 * lede, the publication day; a report dated only by a month or a year well before publication ("met in
 * April 2015", "since the civil war began in 2011") is background (`background`).
 * @param own one article's observations in reading order
 * @param w the article's work (publication date, where the lede ends)
 * @returns the observations, undated ones dated where the story dates them, background ones marked
 */
function datedByStory(own: Observation[], w: ArticleWork): Observation[] {
  const published = w.published;
  const out: Observation[] = [];
  for (const [i, o] of own.entries()) {
    // Armed groups' activity lasts ("Daesh's 2014 campaign"): a year is its natural date, not background;
    // a kidnapping is one day's event like a strike ("seized 270 schoolgirls at Chibok in 2014").
    const lasting = o.type === 'armed-group' && !KIDNAPPING.test(o.quote.text);
    const coarse = o.date && o.precision && o.precision !== 'day' && !lasting;
    // Without a publication date, a known event the story recalls after its lede ("The October 7th attacks
    // … inflamed hostilities") cannot be told from its news by date: it is background too; so is one it
    // names by a month or year anywhere ("the anniversary of his death in the 2020 drone strike").
    const recalledLater = !published && o.recalls && (coarse || (!o.date && o.quote.start >= w.ledeEnd));
    if (o.since || recalledLater || (o.earlier && o.quote.start >= w.ledeEnd) || (published && coarse && lastDayCovered(o.date!, o.precision!) < addDays(published, -BACKGROUND_DAYS))) {
      out.push({ ...o, background: true });
      continue;
    }
    // A definite reference ("the assassination of …") names an event the reader knows: it may be any day
    // up to the publication day (nothing an article reports as done happened after it).
    if (!published || o.date || o.relative || o.window || o.planned || o.recalls) {
      out.push(published && o.recalls && !o.date && !o.relative && !o.window && !o.planned ? { ...o, window: { from: null, to: published } } : o);
      continue;
    }
    let story: Observation | undefined;
    for (let k = out.length - 1; k >= 0 && !story; k--) {
      const e = out[k];
      if (!e.background && !e.planned && e.date && e.precision === 'day' && sameStory(e.type, o.type) && (!e.place || !o.place || e.place.country === o.place.country)) story = e;
    }
    // The lede tells what happened, the next sentences when: "killed several people in a raid …" /
    // "stormed the town … on Saturday night".
    const told = o.quote.start < w.ledeEnd ? own.slice(i + 1, i + 1 + LEDE_LOOKAHEAD).find((e) => !e.background && !e.since && !e.planned && !e.recalls && e.date && e.precision === 'day' && e.type === o.type && (!e.place || !o.place || e.place.country === o.place.country) && e.date <= published && e.date >= addDays(published, -LEDE_WEEK)) : undefined;
    if (story) out.push({ ...o, date: story.date, precision: 'day', ...(story.soft ? { soft: true } : {}) });
    else if (told) out.push({ ...o, date: told.date, precision: 'day' });
    // A page that only says when it was updated was published that day or some days before: its lede's
    // news falls in that stretch and takes its day from another report of it.
    else if (o.quote.start < w.ledeEnd && w.updatedOnly) out.push({ ...o, window: { from: addDays(published, -UPDATED_SPAN_DAYS), to: published } });
    else if (o.quote.start < w.ledeEnd) out.push({ ...o, date: published, precision: 'day', soft: true });
    else out.push({ ...o, window: { from: null, to: published } });
  }
  return out;
}

/**
 * Whether a report can share the day of the story's earlier report: same type, or a trip and its talks.
 * Armed groups' activity lasts beyond a strike's day ("resurgence of Daesh-affiliated elements").
 */
function sameStory(earlier: EventType, later: EventType): boolean {
  return earlier === later || ((earlier === 'meeting' || earlier === 'visit') && (later === 'meeting' || later === 'visit'));
}

/**
 * The per-article stages of every article, sharing one memo of gazetteer name lookups. A function of its
 * own: V8 compiles a long-running loop's function on the spot (OSR) on every run, and this keeps that
 * to the loop instead of the whole of `extractEvents`.
 */
function analyseAll(articles: Article[], gazetteer: Gazetteer, issues: Issue[], analysed?: (article: Article) => Analysis | undefined): ArticleWork[] {
  const names = nameLookups();
  const work: ArticleWork[] = [];
  for (const article of articles) {
    const known = analysed?.(article);
    if (known) {
      for (const issue of known.issues) issues.push(issue);
      work.push(known.work);
    } else work.push(analyseArticle(article, gazetteer, issues, names));
  }
  return work;
}

/** One article's findings and the issues they raised: what `analyseArticle` gives, kept for another run. */
export interface Analysis {
  work: ArticleWork;
  issues: Issue[];
}

/**
 * Runs the per-article stages: chrome, places, sentences, dates, actors, event typing and remarks.
 * @param article the article
 * @param gazetteer a loaded gazetteer
 * @param issues where problems of this article are appended
 * @param names gazetteer name lookups shared by the articles of one run (optional)
 * @returns the article's findings
 * @example analyseArticle(article, gazetteer, []).candidates.map((c) => c.type) // ['meeting', 'strike']
 */
export function analyseArticle(article: Article, gazetteer: Gazetteer, issues: Issue[] = [], names?: NameLookups): ArticleWork {
  const { file, text, meta } = article;
  const chrome = findChrome(text, meta);
  let published = publicationDate(meta.published);
  let updatedOnly = false;
  // No manifest date: the day most news sites file the article under in its address ("/2019/12/11/…").
  const filed = published ? null : urlDate(meta.url);
  if (filed) {
    published = filed;
    issues.push({ file, message: `publication date read from the address: ${filed}`, severity: 'warning' });
  }
  if (!published && text.trim()) {
    // No manifest date: the page's own stamp ("Published …", a date-only line) or its latest full date.
    const hint = chrome.publishedHint ? chrome.ignored.find((s) => s.reason === 'dateline' && s.text === chrome.publishedHint) : undefined;
    const hinted = hint ? publicationDate(hint.text) : null;
    const read = hint && hinted ? { date: hinted, start: hint.start, text: hint.text } : inferPublicationDate(text, chrome.ignored.filter((s) => s.reason === 'related'));
    if (read) {
      published = read.date;
      updatedOnly = ('how' in read && read.how === 'updated') || /^\W*(?:last\s+)?(?:updated|modified)\b/i.test(read.text);
      issues.push({ file, line: lineOf(text, read.start), message: `publication date read from the text: ${read.date} ("${read.text}")${updatedOnly ? ', an update stamp: the lede\'s undated news is taken from the week before it' : ''}`, severity: 'warning' });
    }
  }
  if (!text.trim()) issues.push({ file, line: 1, message: 'empty article', severity: 'warning' });
  else if (!published) issues.push({ file, message: 'no publication date (manifest or page): relative dates are taken from other reports of the same events', severity: 'warning' });

  const datelineSpan = chrome.dateline;
  const ignore: Array<[number, number]> = chrome.ignored
    .filter((s) => !(datelineSpan && s.start === datelineSpan.start))
    .map((s) => [s.start, s.end]);
  // findPlaces also reads "the Kenyan capital" as the capital (capitalPhrase in places.ts).
  const found = findPlaces(text, file, gazetteer, { ignore, names });
  const dateline = datelineSpan ? found.find((m) => m.start >= datelineSpan.start && m.end <= datelineSpan.end) ?? null : null;
  const inStory = found.filter((m) => !overlapsChrome(chrome.ignored, m.start, m.end) || m === dateline);
  const storyMentions = inStory.filter((m) => m !== dateline);
  // "the capital" places events but is no place name: mentions.csv lists toponyms only.
  const mentions = inStory.filter((m) => /\p{Lu}/u.test(m.text));

  const sentences = splitSentences(text, chrome.ignored);
  const dates = findDates(text, published, chrome.ignored);
  for (const u of dates.unresolved) issues.push({ file, line: lineOf(text, u.start), message: `cannot date "${u.text}": ${u.reason}`, severity: 'warning' });
  const actors: ActorMention[] = [];
  for (const s of sentences) for (const a of findActors(text, s.start, s.end, storyMentions)) actors.push(a);
  const clauses = clausesOf(text, sentences);
  const input = { file, text, sentences, places: storyMentions, dates: dates.dates, relative: dates.relative, actors, clauses };
  const candidates = detectEvents(input, dateline);
  const remarks = findRemarks(input);
  if (text.trim() && sentences.length === 0) issues.push({ file, message: 'no story text left after removing page chrome', severity: 'warning' });
  const ledeEnd = sentences[Math.min(LEDE_SENTENCES, sentences.length) - 1]?.end ?? 0;
  const namedDays = dates.unresolved.filter((u) => u.weekday !== undefined || u.monthDay);
  return { article, published, candidates, remarks, actors, dateline, mentions, ledeEnd, namedDays, ...(updatedOnly ? { updatedOnly } : {}) };
}

/**
 * "The parliament on Tuesday approved …" in an article with no publication date: the day is unknown but
 * not free — it is a Tuesday, and only a report dated on a Tuesday can be the same event.
 */
/** A legislature's upper or lower chamber, as a vote's trigger names it. */
const UPPER_CHAMBER = /\b(?:senate|senators|upper\s+(?:house|chamber)|house\s+of\s+lords|bundesrat)\b/i;
const LOWER_CHAMBER = /\b(?:lower\s+(?:house|chamber)|chamber\s+of\s+deputies|deputies|house\s+of\s+(?:representatives|commons)|duma|bundestag)\b/i;

function namedDay(c: EventCandidate, w: ArticleWork): DateWindow | null {
  let best: UnresolvedDate | null = null;
  for (const u of w.namedDays) {
    if (u.start < c.sentence.start || u.end > c.sentence.end) continue;
    if (!best || Math.abs(u.start - c.trigger.start) < Math.abs(best.start - c.trigger.start)) best = u;
  }
  // A lede's event the sentence itself does not date is on the day the lede names ("The rocket hit a
  // building in Ganja … On Sunday, October 11, reports …").
  if (!best && c.sentence.start < w.ledeEnd) best = w.namedDays.find((u) => u.end <= w.ledeEnd) ?? null;
  if (!best) return null;
  // "on Friday night": past midnight, other outlets date it the next day.
  const night = /\b(?:evening|night)\b/i.test(best.text) || /^\W*(?:evening|night)\b/i.test(w.article.text.slice(best.end, best.end + 12));
  return { from: null, to: '9999-12-31', ...(best.weekday === undefined ? {} : { weekday: best.weekday }), ...(best.monthDay ? { monthDay: best.monthDay } : {}), ...(night ? { orNextDay: true } : {}) };
}

function observe(c: EventCandidate, order: number, w: ArticleWork, index: ActorIndex, gazetteer: Gazetteer): Observation {
  const persons: string[] = [];
  const orgs: string[] = [];
  for (const a of c.actors) {
    // The bare subject of a travel or meeting verb is a person even as an unconfirmed lone surname.
    const name = canonicalName(index, a) ?? (a === c.subject ? a.name : null);
    if (!name) continue;
    const list = a.kind === 'person' ? persons : orgs;
    if (!list.includes(name)) list.push(name);
  }
  let place = c.place?.place ?? null;
  let placeText = c.place?.text ?? '';
  // A legislature votes at its seat: the capital of its country (more precise than the country).
  if (c.type === 'vote' && c.legislature) {
    const country = gazetteer.get(`cc:${c.legislature}`);
    const capital = capitalOf(c.legislature, gazetteer);
    if (country && !orgs.includes(`Parliament of ${country.name}`)) orgs.push(`Parliament of ${country.name}`);
    // Which chamber voted, when the trigger names it ("the Senate gave general approval", "Deputies
    // passed"): two chambers' votes on one bill are two events (`merge.ts`).
    const chamber = UPPER_CHAMBER.test(c.trigger.text) ? 'upper' : LOWER_CHAMBER.test(c.trigger.text) ? 'lower' : null;
    if (country && chamber) orgs.push(chamberOrg(chamber, country.name));
    if (capital && (!place || place.precision === 'country')) {
      place = capital;
      placeText = placeText || `seat of the Parliament of ${country?.name ?? c.legislature}`;
    }
  }
  const before = w.article.text.slice(Math.max(0, c.trigger.start - 40), c.trigger.start);
  const definite = /\b(the|this|that|his|her|their|its)\s+(?:[\w-]+\s+){0,3}$|['’]s\s+(?:[\w-]+\s+)?$/i.test(before);
  const relative = c.relative && ANCHOR_NOUNS[c.relative.anchor] ? { days: c.relative.days, anchor: ANCHOR_NOUNS[c.relative.anchor] } : null;
  // Date assignment: an announced event ("will arrive on Sunday") is on the coming day, not the past one;
  // an undated back-reference ("killed last week") can only be another day's event.
  const clauseBefore = w.article.text.slice(Math.max(c.sentence.start, c.trigger.start - 120), c.trigger.start);
  const planned = isPlanned(clauseBefore, c.trigger.text);
  const date = planned && c.date && w.published ? forwardDate(c.date, w.published) : aheadOfTheOutlet(c, w);
  const window = date || planned ? null : earlierWindow(clauseBefore, c.sentence.text, w.published) ?? namedDay(c, w);
  // "intensified since the October 7 attack": the event a story counts from, not its news.
  // So is a date inside such a phrase: "strikes … intensified since the October 7 attack".
  const since =
    SINCE_BEFORE.test(clauseBefore.slice(-60)) ||
    (c.date !== null && /\bsince\b/i.test(w.article.text.slice(Math.max(c.sentence.start, c.date.start - 100), c.date.start)));
  // "Erdogan had visited Egypt in February": the narrator's past perfect tells what came before the news
  // (not "officials said the missile had hit …", where reported speech moves the news back a tense).
  const earlier = PLUPERFECT_BEFORE.test(clauseBefore.slice(-50)) && !REPORTED_BEFORE.test(w.article.text.slice(c.sentence.start, c.trigger.start));
  // "the assassination of …", "Israel's air strike": a noun the story names as known, any day; a verb after
  // its subject ("the Senate has passed") reports the news.
  const recalls = definite && !VERB_TRIGGER.test(c.trigger.text);
  const quote = { start: c.sentence.start, end: c.sentence.end, text: c.sentence.text };
  const highlights: Observation['highlights'] = [];
  if (c.place && c.place.start >= quote.start && c.place.end <= quote.end) highlights.push({ start: c.place.start - quote.start, end: c.place.end - quote.start, kind: 'place' });
  const dateSpan = c.date ?? c.relative;
  if (dateSpan && dateSpan.start >= quote.start && dateSpan.end <= quote.end) highlights.push({ start: dateSpan.start - quote.start, end: dateSpan.end - quote.start, kind: 'date' });
  highlights.sort((a, b) => a.start - b.start);
  let origin = c.origin?.place ?? null;
  if (c.type === 'visit' && !origin) {
    // The traveller's country (from a demonym in their title) gives the origin: its capital.
    const traveller = c.actors.find((a) => a.kind === 'person');
    const affiliation = traveller ? affiliationOf(traveller, w, index) : '';
    if (affiliation && place && affiliation !== place.country) origin = capitalOf(affiliation, gazetteer);
  }
  return {
    file: c.file,
    order,
    type: c.type,
    place,
    placeText,
    statedPlace: c.place?.place ?? null,
    date: date?.date ?? null,
    precision: date?.precision ?? null,
    relative,
    ...(planned ? { planned } : {}),
    ...(window ? { window } : {}),
    ...(since ? { since } : {}),
    ...(earlier ? { earlier } : {}),
    ...(recalls ? { recalls } : {}),
    persons,
    orgs,
    ...roleNames(c, index, persons, orgs),
    definite,
    origin,
    quote,
    highlights,
  };
}

/** The canonical names of a candidate's targets (among its participants) and commenters (outside them). */
function roleNames(c: EventCandidate, index: ActorIndex, persons: string[], orgs: string[]): { targets: string[]; commenters: string[] } {
  const targets: string[] = [];
  const commenters: string[] = [];
  for (const a of c.targets) {
    const name = canonicalName(index, a);
    if (name && !targets.includes(name)) targets.push(name);
  }
  for (const a of c.commenters) {
    const name = canonicalName(index, a);
    if (name && !commenters.includes(name) && !persons.includes(name) && !orgs.includes(name)) commenters.push(name);
  }
  return { targets, commenters };
}

function affiliationOf(person: ActorMention, w: ArticleWork, index: ActorIndex): string {
  const name = canonicalName(index, person);
  for (const a of w.actors) if (a.kind === 'person' && a.affiliation && canonicalName(index, a) === name) return a.affiliation;
  return '';
}

/**
 * A lede's bare weekday six days before publication ("visited Hanoi on Saturday" in a copy dated Friday):
 * the outlet dated the story in its own time zone, a day behind the place, not a week-old event — news
 * leads with the last day or two. The day after publication then.
 */
function aheadOfTheOutlet(c: EventCandidate, w: ArticleWork): EventCandidate['date'] {
  const d = c.date;
  if (!d || !w.published || d.precision !== 'day' || c.sentence.start >= w.ledeEnd || !BARE_WEEKDAY.test(d.text)) return d;
  return d.date === addDays(w.published, -6) ? { ...d, date: addDays(w.published, 1) } : d;
}
const BARE_WEEKDAY = /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$/i;

/** The capital of a country, where its legislature sits and a visitor from it comes from. */
function capitalOf(country: string, gazetteer: Gazetteer): Place | null {
  return gazetteer.capital(country)?.place ?? null;
}

/**
 * Place containment from the gazetteer: areas contain what lies inside their polygon, countries what has
 * their country code, cities the sites within `CITY_RADIUS_KM` of their point.
 * @param gazetteer a loaded gazetteer
 * @returns the relation used by merging
 * @example placeRelation(gazetteer).contains(gazetteer.get('gn:98182')!, gazetteer.get('ap:ORBI')!) // true
 */
export function placeRelation(gazetteer: Gazetteer): PlaceRelation {
  // outer id → inner id → answer (nested maps: no key string built per question).
  const cache = new Map<string, Map<string, boolean>>();
  return {
    contains(outer: Place, inner: Place): boolean {
      if (outer.id === inner.id) return true;
      let answers = cache.get(outer.id);
      if (!answers) cache.set(outer.id, (answers = new Map()));
      let known = answers.get(inner.id);
      if (known !== undefined) return known;
      known = false;
      if (outer.precision === 'country') known = inner.precision !== 'country' && inner.country === outer.country;
      else if (outer.precision === 'region') {
        const area = gazetteer.geometry(outer.id);
        if (inner.precision === 'country') known = false;
        // The shapes are simplified: a town of the area's country just outside its border (Sagaing, 2 km
        // out of its region's outline) is inside.
        else if (area) {
          known = booleanPointInPolygon([inner.lon, inner.lat], area) ||
            (inner.country === outer.country && pointToPolygonDistance([inner.lon, inner.lat], area, { units: 'kilometers' }) <= BORDER_SLACK_KM);
        }
      } else if (outer.precision === 'city' && inner.precision === 'site') {
        known = distance([outer.lon, outer.lat], [inner.lon, inner.lat], { units: 'kilometers' }) <= CITY_RADIUS_KM;
      }
      answers.set(inner.id, known);
      return known;
    },
  };
}

/** Dated meetings, indexed by participant: a report is compared only with meetings naming two of its speakers (`meetingsSharingTwoOf`). */
interface MeetingsByPerson {
  meetings: MergedEvent[];
  /** Person → positions in `meetings`. */
  byPerson: Map<string, number[]>;
  /** Per position, the last `meetingsSharingTwoOf` call that met the meeting (numbered by `calls`), and how often it did. */
  seenIn: Int32Array;
  hits: Int32Array;
  calls: number;
}

function meetingsByPerson(meetings: MergedEvent[]): MeetingsByPerson {
  const byPerson = new Map<string, number[]>();
  meetings.forEach((e, i) => {
    for (const p of e.persons) {
      const list = byPerson.get(p);
      if (list) list.push(i);
      else byPerson.set(p, [i]);
    }
  });
  return { meetings, byPerson, seenIn: new Int32Array(meetings.length), hits: new Int32Array(meetings.length), calls: 0 };
}

/** Meetings naming at least two of these people, in their original order. */
function meetingsSharingTwoOf(index: MeetingsByPerson, people: Set<string>): MergedEvent[] {
  // A meeting named by two of the people is in two of their lists (a meeting names each person once):
  // count the lists each position is met in, without sorting every position of the lists.
  const call = ++index.calls;
  const { seenIn, hits } = index;
  const positions: number[] = [];
  for (const p of people) {
    for (const i of index.byPerson.get(p) ?? []) {
      if (seenIn[i] !== call) {
        seenIn[i] = call;
        hits[i] = 1;
      } else if (++hits[i] === 2) positions.push(i);
    }
  }
  positions.sort((a, b) => a - b);
  return positions.map((i) => index.meetings[i]);
}

/** How many of the people a list of names includes. */
function namedAmong(names: string[], people: Set<string>): number {
  let n = 0;
  for (const name of names) if (people.has(name)) n++;
  return n;
}

/**
 * Articles quoting two or more participants of a meeting, filed from its place (or with no dateline)
 * and published within `REPORT_WINDOW_DAYS` after it, are reports of that meeting even when they never
 * say "meeting" (a remarks-only write-up). An article's own undated meeting ("In the meeting, …") is
 * folded in the same way.
 */
function attachRemarks(events: MergedEvent[], work: ArticleWork[], index: ActorIndex, geo: PlaceRelation): MergedEvent[] {
  let result = [...events];
  // Meetings only: dated ones can receive reports, undated single-article ones may be folded in.
  let meetings = result.filter((e) => e.type === 'meeting');
  const orphansOf = new Map<string, MergedEvent[]>();
  for (const e of meetings) {
    if (!e.date && e.files.size === 1) {
      const [file] = e.files;
      orphansOf.set(file, [...(orphansOf.get(file) ?? []), e]);
    }
  }
  const dated = () => meetingsByPerson(meetings.filter((e) => e.date));
  let datedMeetings = dated();
  for (const w of work) {
    const file = w.article.file;
    const orphans = orphansOf.get(file) ?? [];
    if (w.remarks.length + orphans.length === 0) continue;
    const speakers = new Set<string>();
    for (const r of w.remarks) {
      const name = canonicalName(index, r.speaker);
      if (name) speakers.add(name);
    }
    for (const o of orphans) for (const p of o.persons) speakers.add(p);
    if (speakers.size < 2) continue;
    const published = w.published ? Date.parse(w.published) : NaN;
    const fits = meetingsSharingTwoOf(datedMeetings, speakers).filter((e) => {
      if (e.files.has(file)) return false;
      if (w.published) {
        const gap = (published - Date.parse(e.date!)) / 86400000;
        if (gap < 0 || gap > REPORT_WINDOW_DAYS) return false;
      }
      if (w.dateline && e.place && !(geo.contains(w.dateline.place, e.place) || geo.contains(e.place, w.dateline.place))) return false;
      return true;
    });
    if (!fits.length) continue;
    const overlap = (e: MergedEvent) => namedAmong(e.persons, speakers);
    fits.sort((a, b) => overlap(b) - overlap(a));
    if (fits.length > 1 && overlap(fits[0]) === overlap(fits[1])) continue;
    const target = fits[0];
    if (orphans.length) {
      for (const o of orphans) {
        target.reports.push(...o.reports);
        for (const f of o.files) target.files.add(f);
        for (const p of o.persons) if (!target.persons.includes(p)) target.persons.push(p);
      }
      result = result.filter((e) => !orphans.includes(e));
      meetings = meetings.filter((e) => !orphans.includes(e));
      datedMeetings = dated();
    } else {
      // Quote the remark that names most participants; prefer one that is not evidence of another event.
      const eventSentences = new Set(w.candidates.map((c) => c.sentence.start));
      const scored = w.remarks.map((r, i) => {
        const inSentence = w.actors.filter((a) => a.start >= r.sentence.start && a.end <= r.sentence.end).map((a) => canonicalName(index, a));
        return { r, i, n: target.persons.filter((p) => inSentence.includes(p)).length, other: eventSentences.has(r.sentence.start) ? 1 : 0 };
      });
      scored.sort((a, b) => b.n - a.n || a.other - b.other || a.i - b.i);
      const r = scored[0].r;
      target.files.add(file);
      target.reports.push({
        file,
        order: -1,
        type: 'meeting',
        place: w.dateline?.place ?? null,
        placeText: w.dateline?.text ?? '',
        statedPlace: w.dateline?.place ?? null,
        date: null,
        precision: null,
        relative: null,
        persons: [canonicalName(index, r.speaker) ?? r.speaker.name],
        orgs: [],
        definite: false,
        origin: null,
        quote: { start: r.sentence.start, end: r.sentence.end, text: r.sentence.text },
        highlights: [],
      });
    }
    target.reports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.order - b.order));
  }
  return result;
}

function toFeature(
  e: MergedEvent & { place: Place },
  meta: Map<string, Article['meta']>,
  gazetteer: Gazetteer,
  ids: Set<string>,
  geometries: Map<string, Geometry>,
): DatelineEvent {
  // One source per article: its most informative report (dated and placed first, then reading order).
  const perFile = new Map<string, Observation>();
  for (const r of e.reports) {
    const have = perFile.get(r.file);
    if (!have || informativeness(r) > informativeness(have)) perFile.set(r.file, r);
  }
  const sources: EventSource[] = [...perFile.values()].map((r) => {
    const m = meta.get(r.file)!;
    return {
      file: r.file,
      outlet: m.outlet,
      url: m.url,
      published: m.published,
      title: m.title,
      quote: r.quote.text,
      start: r.quote.start,
      end: r.quote.end,
      highlights: r.highlights,
      date: r.date,
      date_precision: r.date ? r.precision : null,
      place_name: (r.statedPlace === undefined ? r.place : r.statedPlace)?.name ?? '',
    };
  });
  sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const actors = [...e.persons, ...e.orgs];
  const place = e.place;
  const notes: string[] = [];
  const inherited = sources.filter((s) => !s.date && e.date).map((s) => s.file);
  if (inherited.length && e.date) notes.push(`date from other reports for ${inherited.join(', ')}`);
  const relative = e.reports.find((r) => r.relative && r.date);
  if (relative) notes.push(`date computed from "${relativeText(relative)}"`);
  const seat = e.reports.find((r) => r.placeText.startsWith('seat of'));
  if (seat && place) notes.push(`placed at the ${seat.placeText} (${place.name})`);
  const base = `${e.type}|${place?.id ?? ''}|${e.date ?? ''}|${[...actors].sort().join(',')}`;
  let id = `evt-${hash(base)}`;
  for (let n = 2; ids.has(id); n++) id = `evt-${hash(`${base}|${n}`)}`;
  ids.add(id);
  const properties: EventProperties = {
    id,
    type: e.type,
    title: titleOf(e),
    date_start: e.date,
    date_end: e.date && e.precision ? lastDayCovered(e.date, e.precision) : null,
    time_precision: e.date ? e.precision : null,
    place_name: place?.name ?? '',
    place_id: place?.id ?? '',
    place_precision: place?.precision ?? 'country',
    geo_precision: place ? GEO_PRECISION[place.precision] : GEO_PRECISION.country,
    country: place?.country ?? '',
    lon: place ? roundCoord(place.lon) : 0,
    lat: place ? roundCoord(place.lat) : 0,
    actors,
    roles: { acted: actors.filter((a) => !e.targets.includes(a)), targets: actors.filter((a) => e.targets.includes(a)), commenters: e.commenters },
    sources,
    conflicts: e.conflicts,
    notes: notes.join('; '),
    layer: 'pipeline',
  };
  // Planned only if every report announces it: one report of it having happened wins.
  if (e.reports.every((r) => r.planned)) properties.planned = true;
  if (e.origin && e.type === 'visit') properties.origin = { name: e.origin.name, place_id: e.origin.id, lon: roundCoord(e.origin.lon), lat: roundCoord(e.origin.lat) };
  let geometry = geometries.get(place.id);
  if (!geometry) {
    const area = place.precision === 'region' || place.precision === 'country' ? gazetteer.geometry(place.id) : null;
    geometry = eventGeometry(place.lon, place.lat, area);
    geometries.set(place.id, geometry);
  }
  return { type: 'Feature', id, geometry, properties };
}

/** How much a report says: a date counts more than a place. */
function informativeness(o: Observation): number {
  return (o.date ? 2 : 0) + (o.place ? 1 : 0);
}

function relativeText(r: Observation): string {
  const rel = r.relative!;
  const days = Math.abs(rel.days);
  return `${days} day${days === 1 ? '' : 's'} ${rel.days >= 0 ? 'after' : 'before'} the ${rel.anchor}`;
}

function titleOf(e: MergedEvent): string {
  const label = EVENT_TYPE_INFO[e.type].label;
  const names = e.persons.length ? e.persons : e.orgs;
  const list = names.length <= 2 ? names.join(' and ') : `${names.slice(0, 2).join(', ')} and others`;
  const where = e.place ? ` ${e.place.precision === 'site' ? 'at' : 'in'} ${e.place.name}` : '';
  switch (e.type) {
    case 'meeting':
      return names.length >= 2 ? `Meeting of ${list}${where}` : `Meeting${names.length ? ` with ${list}` : ''}${where}`;
    case 'visit':
      return `${names[0] ?? 'Visit'}${names.length ? ' visits' : ''} ${e.place?.name ?? ''}`.trim();
    case 'strike':
      return `Strike${where}${e.persons.length ? `: ${list}` : ''}`;
    case 'vote':
      return `${e.orgs.find((o) => o.startsWith('Parliament')) ?? 'Legislature'} vote${where}`;
    case 'armed-group':
      return `Armed-group activity${where}${e.orgs.length ? ` (${e.orgs.slice(0, 2).join(', ')})` : ''}`;
    default:
      return `${label}${names.length ? ` by ${list}` : ''}${where}`;
  }
}

/** Longest quote a warning shows whole; a longer one is cut three characters shorter, with '…'. */
const CLIP = 70;
const clip = (s: string) => (s.length > CLIP ? `${s.slice(0, CLIP - 3)}…` : s);

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A stable 40-bit hex hash (two FNV-1a passes) for event ids. */
function hash(s: string): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 = (h2 ^ (h2 >>> 15)) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, 10);
}
