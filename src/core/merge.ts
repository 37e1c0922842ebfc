/**
 * Merging: reports of one event from several articles become one event listing every source.
 *
 * Two reports are the same event when they have the same type, compatible places (the same place, or one
 * inside the other: "Baghdad" and "Baghdad International Airport"), compatible dates (the same day, or
 * one coarser or missing: "January 2020" and "2020-01-03") and compatible actors (two shared people, or
 * one shared and one side's people a subset of the other's). Two meetings of the same people at the same
 * place on different days stay two events. Across articles the same day weighs more: a strike, vote or
 * armed activity at fitting places is one event whoever each outlet names (unless both name targets and
 * none in common), and a meeting or visit needs one shared participant. Commenters never count.
 *
 * Undated reports are careful: within one article they join the article's dated report of the same type;
 * across articles, only with two shared people, or as a definite back-reference ("the assassination")
 * to the only event of that type they fit, or — placed finer than a country, naming someone and no day
 * they could not date — to the only dated event they fit; a strike, vote or armed activity placed finer
 * than a country joins the only event of its type dated to a day at a fitting place, whoever each names
 * (on the weekday it names, if it names one); unplaced ones naming at most one person join none. Near misses with strong actor evidence — dates a day or two
 * apart, or places in one country that do not contain each other — are merged with a recorded conflict.
 *
 * The indexes built for one run are plain objects handled by module functions, not class instances: V8
 * throws away optimised code that relies on a class's instance layout once every instance has been
 * collected, so after each full garbage collection the next run would recompile the merge.
 */
import { addDays, lastDayCovered, weekdayOf } from './calendar';
import { PRECISION_RANK } from './gazetteer';
import type { EventType } from './taxonomy';
import type { Place, TimePrecision } from './types';

/** One report of an event by one article, with canonical actor names — the unit of merging. */
export interface Observation {
  file: string;
  /** Reading order inside the article (sentence index); keeps outputs stable. */
  order: number;
  type: EventType;
  place: Place | null;
  /** The place as the article wrote it ('' when unplaced). */
  placeText: string;
  /** The place the article itself names (before inferences such as a legislature's seat), or null. */
  statedPlace?: Place | null;
  date: string | null;
  precision: TimePrecision | null;
  /** "two days after the assassination": resolved once the anchor event's date is known. */
  relative: { days: number; anchor: EventType } | null;
  /** Announced, not reported as done ("will arrive on Sunday"); absent means reported. */
  planned?: boolean;
  /** For an undated back-reference ("killed last week", "since the army killed …"): the days it can fall in
   * (`from` null: any day before `to`), so it never joins a report of another day. */
  window?: DateWindow | null;
  /** Counted from ("since the October 7 attack"): background to the story, not its news. */
  since?: boolean;
  /** Told in the narrator's past perfect ("Erdogan had visited Egypt in February"): before the story's news. */
  earlier?: boolean;
  /** Dated by the publication day alone (an undated lede): the news may be of the day before. */
  soft?: boolean;
  /** What the story recalls or counts from, not its news: not mapped unless another report dates it. */
  background?: boolean;
  /** Named by a definite noun ("the assassination of …"): an event the reader knows, of any day. */
  recalls?: boolean;
  persons: string[];
  orgs: string[];
  /** Participants (of `persons`/`orgs`) who were targeted rather than acting; absent means none. */
  targets?: string[];
  /** Who commented on the event (not participants, never used to match reports); absent means none. */
  commenters?: string[];
  /** A definite reference to a known event ("the assassination", "Iraq's parliamentary bill"). */
  definite: boolean;
  origin: Place | null;
  quote: { start: number; end: number; text: string };
  /** Offsets (relative to the quote) of the place and date expressions, for highlighting. */
  highlights: Array<{ start: number; end: number; kind: 'place' | 'date' }>;
}

/** The first and last day an undated event can fall on; `from` null when only the last is known. */
export interface DateWindow {
  from: string | null;
  to: string;
  /** "on Tuesday", "on July 16" in an article without a publication date: the day another report's date must fall on. */
  weekday?: number;
  monthDay?: string;
  /** The named day's evening or night ("on Friday night"): the next day fits too (past midnight). */
  orNextDay?: boolean;
}

/** Geography the merge needs: whether one place contains another (same place counts). */
export interface PlaceRelation {
  contains(outer: Place, inner: Place): boolean;
}

/** A merged event: its reports (at most one per article is quoted) and the agreed facts. */
export interface MergedEvent {
  type: EventType;
  reports: Observation[];
  place: Place | null;
  date: string | null;
  precision: TimePrecision | null;
  /** While undated: the days it can fall in (see `Observation.window`). */
  window: DateWindow | null;
  /** Dated only by its reports' publication day (see `Observation.soft`): the day before also fits. */
  soft?: boolean;
  persons: string[];
  orgs: string[];
  /** Participants who were targeted (a subset of `persons` and `orgs`). */
  targets: string[];
  /** Who commented on the event, outside `persons` and `orgs`. */
  commenters: string[];
  origin: Place | null;
  conflicts: string[];
  /** Files of the reports (for the one-report-per-article rule). */
  files: Set<string>;
}

const TIME_RANK: Record<TimePrecision, number> = { day: 2, month: 1, year: 0 };

/**
 * Merges the reports of every article into events.
 * @param observations all reports, any order
 * @param geo place containment
 * @returns merged events, in a stable order (first by date, then place id, type and first source)
 * @example
 * mergeObservations([a, b], geo).length // 1 when a and b report one meeting
 */
export function mergeObservations(observations: Observation[], geo: PlaceRelation): MergedEvent[] {
  const sorted = [...observations].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.order - b.order));
  // Pass 1: merge, then resolve "N days after the <event>" against the merged anchor; pass 2 with those dates.
  const first = mergePass(sorted, geo);
  if (!sorted.some((o) => o.relative && !o.date)) return first;
  const anchors = anchorLookup(first, sorted);
  const resolved = sorted.map((o) => resolveRelativeObservation(o, anchors));
  return resolved.some((o, i) => o !== sorted[i]) ? mergePass(resolved, geo) : first;
}

/** The reports and merged events of each file, for resolving relative dates without scanning everything. */
interface AnchorLookup {
  /** The file's reports, in the order given (file, then reading order). */
  observationsOf: Map<string, Observation[]>;
  /** Merged events with a report from the file, in merge order. */
  eventsOf: Map<string, MergedEvent[]>;
}

function anchorLookup(events: MergedEvent[], observations: Observation[]): AnchorLookup {
  const lookup: AnchorLookup = { observationsOf: new Map(), eventsOf: new Map() };
  for (const o of observations) push(lookup.observationsOf, o.file, o);
  for (const e of events) {
    const files = new Set(e.reports.map((r) => r.file));
    for (const file of files) push(lookup.eventsOf, file, e);
  }
  return lookup;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function resolveRelativeObservation(o: Observation, anchors: AnchorLookup): Observation {
  if (!o.relative || o.date) return o;
  const anchorType = o.relative.anchor;
  // Prefer the anchor event the same article reports (the nearest before it), else any event of that type
  // the article is a source of.
  const ownAnchors = (anchors.observationsOf.get(o.file) ?? []).filter((x) => x.type === anchorType && x.order <= o.order);
  const candidates = (anchors.eventsOf.get(o.file) ?? []).filter((e) => e.type === anchorType && e.precision === 'day' && e.date);
  let anchor = candidates.find((e) => e.reports.some((r) => ownAnchors.includes(r))) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!anchor || !anchor.date) return o;
  return { ...o, date: addDays(anchor.date, o.relative.days), precision: 'day' };
}

function mergePass(observations: Observation[], geo: PlaceRelation): MergedEvent[] {
  // Within each article: reports of one type join the article's first compatible report.
  const perArticle: MergedEvent[] = [];
  const byFile = new Map<string, Observation[]>();
  for (const o of observations) push(byFile, o.file, o);
  for (const list of byFile.values()) {
    const local: MergedEvent[] = [];
    const ordered = [...list.filter((o) => o.date), ...list.filter((o) => !o.date)];
    for (const o of ordered) {
      // Undated news does not take its day from what the story recalls ("Twin explosions … killing almost
      // 100" and "his death in the 2020 drone strike"): the two stay apart (other articles may still tie each
      // to its event). A dated report and a recall of that day are one event.
      const fits = local.filter((e) => e.type === o.type && !undatedNewsAndRecall(e, o) && placesFit(e.place, o.place, geo) && datesFit(e, o) && actorsFit(e, o, true, geo));
      const target = best(fits, o);
      if (target) absorb(target, o, geo);
      else local.push(start(o));
    }
    perArticle.push(...local);
  }

  // Across articles: dated article-events first, so undated ones can join them.
  const units = [...perArticle.filter((e) => e.date), ...perArticle.filter((e) => !e.date)];
  // What each article recalls with a date ("the 2019 bombing"): the events it names are not its news.
  const recalled = new Map<string, MergedEvent[]>();
  for (const e of perArticle) if (e.date && onlyBackground(e)) push(recalled, e.reports[0].file, e);
  const merged: MergedEvent[] = [];
  const index = eventIndex();
  for (const unit of units) {
    let target: MergedEvent | undefined;
    // A dated unit's candidates (its period's events) serve the near-miss search below too: nothing changes in between.
    const own = unit.date ? candidatesFor(index, unit, unit.date) : null;
    if (own) target = best(own.filter((e) => joinsAcross(e, unit, geo)), unit);
    else if (isDefinite(unit)) {
      // A definite reference joins the only event it fits, else a strong match as below (when it fits
      // none, it fits none strongly either).
      let only: MergedEvent | undefined;
      let fits = 0;
      visitCouldJoin(index, unit, (e) => {
        if (!joinsAcross(e, unit, geo)) return false;
        only = e;
        return ++fits === 2;
      });
      if (fits === 1) target = only;
      else if (fits === 2) {
        const best = uniqueBest(unit);
        visitCouldJoin(index, unit, (e) => considerStrongFit(best, e, unit, geo));
        target = uniqueBestResult(best);
      }
    } else if (!unit.place && unit.persons.length < 2) {
      // Undated, unplaced and naming at most one person: too little to tell which other article's event it
      // is ("a hunger strike", "killed seventeen"), so it stays apart.
    } else {
      // An undated strike, vote or armed activity at a place finer than a country joins the only dated
      // event of its type filed at that place (or naming its people), whoever each outlet names — as
      // reports of one day do (`actorsFit`). Before the undated events: another undated copy would
      // otherwise hold it apart from the day the other outlets give.
      target = onlyDatedAtPlace(index, unit, geo, recalled.get(unit.reports[0].file) ?? []);
      // Strong matches only (undated events or two shared people), and only an unambiguous best one.
      if (!target) {
        const best = uniqueBest(unit);
        for (const e of strongCandidates(index, unit)) if (considerStrongFit(best, e, unit, geo)) break;
        target = uniqueBestResult(best);
      }
      // An undated report placed more precisely than a country and naming someone joins the only dated
      // event it fits (an outlet that gives no day for the strike the others date); so does one in a town
      // that names the weekday of that event ("on Friday" in an article without a date). Not a region's:
      // its only dated event of that weekday may be of another year.
      const inTown = unit.place !== null && (unit.place.precision === 'city' || unit.place.precision === 'site');
      const named = unit.place !== null && unit.place.precision !== 'country' && (unit.persons.length > 0 || unit.orgs.length > 0);
      if (!target && ((named && !namesADay(unit)) || (inTown && unit.window?.weekday !== undefined))) {
        let only: MergedEvent | undefined;
        let fits = 0;
        visitCouldJoin(index, unit, (e) => {
          if (!e.date || !e.place || !joinsAcross(e, unit, geo)) return false;
          only = e;
          return ++fits === 2;
        });
        if (fits === 1) target = only;
      }
    }
    if (target) {
      mergeInto(target, unit, geo);
      reindexEvent(index, target);
      continue;
    }
    const nearMiss = nearMissCandidates(index, unit, own).find((e) => !sharesFile(e, unit) && nearMissConflict(e, unit, geo));
    if (nearMiss) {
      const conflict = nearMissConflict(nearMiss, unit, geo)!;
      mergeInto(nearMiss, unit, geo);
      reindexEvent(index, nearMiss);
      nearMiss.conflicts.push(conflict);
      continue;
    }
    merged.push(unit);
    indexEvent(index, unit);
  }
  for (const e of merged) {
    e.reports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.order - b.order));
    e.conflicts = [...new Set(e.conflicts)].sort();
  }
  return merged.sort(eventOrder);
}

/**
 * Events by type and calendar period, so a dated report is compared only with the events it could fit:
 * those of its month (day and month precision), of its year (year precision), and the undated ones.
 * A plain object handled by the functions below (see the module comment for why not a class).
 */
interface EventIndex {
  byKey: Map<string, MergedEvent[]>;
  keyOf: Map<MergedEvent, string>;
  /** Events in insertion order, by position: the facet sets, `seenIn` and `hits` refer to positions. */
  events: MergedEvent[];
  /** Each event's position in `events`. */
  order: Map<MergedEvent, number>;
  /** Events (positions in `events`) by type and by a person, an organisation or a place they name, or naming nobody. */
  byFacet: Map<string, Set<number>>;
  /** Per position, the last `visitCouldJoin` or `strongCandidates` call that collected the event (numbered by `calls`): a reusable seen-set. */
  seenIn: number[];
  /** Per position, in the `strongCandidates` call of `seenIn`: how many of the unit's people name the event. */
  hits: number[];
  calls: number;
}

function eventIndex(): EventIndex {
  return { byKey: new Map(), keyOf: new Map(), events: [], order: new Map(), byFacet: new Map(), seenIn: [], hits: [], calls: 0 };
}

function periodKey(e: { type: EventType; date: string | null; precision: TimePrecision | null }): string {
  if (!e.date) return `${e.type}|-`;
  return e.precision === 'year' ? `${e.type}|${e.date.slice(0, 4)}` : `${e.type}|${e.date.slice(0, 7)}`;
}

function periodList(index: EventIndex, key: string): MergedEvent[] {
  let list = index.byKey.get(key);
  if (!list) index.byKey.set(key, (list = []));
  return list;
}

function indexEvent(index: EventIndex, e: MergedEvent): void {
  index.order.set(e, index.events.length);
  index.seenIn.push(0);
  index.hits.push(0);
  index.events.push(e);
  addFacets(index, e);
  const key = periodKey(e);
  periodList(index, key).push(e);
  index.keyOf.set(e, key);
}

/** Re-files an event whose date, precision or names changed after a merge. */
function reindexEvent(index: EventIndex, e: MergedEvent): void {
  addFacets(index, e);
  const before = index.keyOf.get(e)!;
  const after = periodKey(e);
  if (before === after) return;
  const list = periodList(index, before);
  list.splice(list.indexOf(e), 1);
  periodList(index, after).push(e);
  index.keyOf.set(e, after);
}

/**
 * Events a dated unit could fit: undated ones and those of its period.
 * @param date the unit's date (undated units look for events through `visitCouldJoin` and `strongCandidates`)
 */
function candidatesFor(index: EventIndex, unit: MergedEvent, date: string): MergedEvent[] {
  const year = date.slice(0, 4);
  const keys = [`${unit.type}|-`, `${unit.type}|${year}`];
  if (unit.precision === 'year') for (let m = 1; m <= 12; m++) keys.push(`${unit.type}|${year}-${String(m).padStart(2, '0')}`);
  else keys.push(`${unit.type}|${date.slice(0, 7)}`);
  const found: MergedEvent[] = [];
  for (const k of keys) {
    const list = index.byKey.get(k);
    if (list) for (const e of list) found.push(e);
  }
  return found;
}

/**
 * Shows `visit` each event an undated unit could be compatible with (see `actorsFit`) once: those sharing
 * a person or an organisation with it, at its place, or — when it names nobody — naming nobody. A superset,
 * in no particular order (the callers pick the only or the unique best fit), without collecting them: the
 * visit stops when `visit` returns true (a second fit, a tie that decides).
 */
function visitCouldJoin(index: EventIndex, unit: MergedEvent, visit: (e: MergedEvent) => boolean): void {
  const call = ++index.calls;
  for (const p of unit.persons) if (visitFacet(index, call, `${unit.type}|p|${p}`, visit)) return;
  for (const o of unit.orgs) if (visitFacet(index, call, `${unit.type}|o|${o}`, visit)) return;
  if (unit.place && visitFacet(index, call, `${unit.type}|@|${unit.place.id}`, visit)) return;
  if (!unit.persons.length && !unit.orgs.length) visitFacet(index, call, `${unit.type}|-`, visit);
}

/** Visits the events filed under a facet key not yet visited in this call; true when `visit` asked to stop. */
function visitFacet(index: EventIndex, call: number, key: string, visit: (e: MergedEvent) => boolean): boolean {
  const filed = index.byFacet.get(key);
  if (!filed) return false;
  const { seenIn, events } = index;
  for (const i of filed) {
    if (seenIn[i] === call) continue;
    seenIn[i] = call;
    if (visit(events[i])) return true;
  }
  return false;
}

/**
 * The events of `visitCouldJoin` that an undated unit can join strongly: the undated ones, and the dated ones
 * naming two of its people — found without looking at the many dated events that share only one name,
 * an organisation or the place with it. In no particular order; the caller applies the full test.
 */
function strongCandidates(index: EventIndex, unit: MergedEvent): MergedEvent[] {
  const found: MergedEvent[] = [];
  const call = ++index.calls;
  const { seenIn, hits, events } = index;
  // An event filed under two of the unit's people names both (names are only ever added to an event).
  for (const p of unit.persons) {
    const filed = index.byFacet.get(`${unit.type}|p|${p}`);
    if (!filed) continue;
    for (const i of filed) {
      if (seenIn[i] !== call) {
        seenIn[i] = call;
        hits[i] = 1;
        if (!events[i].date) found.push(events[i]);
      } else if (++hits[i] === 2 && events[i].date) found.push(events[i]);
    }
  }
  for (const o of unit.orgs) collectUndated(index, found, call, unit.type, `o|${o}`);
  if (unit.place) collectUndated(index, found, call, unit.type, `@|${unit.place.id}`);
  if (!unit.persons.length && !unit.orgs.length) collectUndated(index, found, call, unit.type, '-');
  return found;
}

/** Adds the undated events of one type filed under a facet to `found`, each once per call. */
function collectUndated(index: EventIndex, found: MergedEvent[], call: number, type: EventType, facet: string): void {
  const filed = index.byFacet.get(`${type}|${facet}`);
  if (!filed) return;
  const { seenIn, events } = index;
  for (const i of filed) {
    if (seenIn[i] === call) continue;
    seenIn[i] = call;
    if (!events[i].date) found.push(events[i]);
  }
}

/** Files an event under what it names now (merging only adds names; stale entries are harmless). */
function addFacets(index: EventIndex, e: MergedEvent): void {
  for (const p of e.persons) fileUnder(index, e, `p|${p}`);
  for (const o of e.orgs) fileUnder(index, e, `o|${o}`);
  if (e.place) fileUnder(index, e, `@|${e.place.id}`);
  if (e.place?.country) fileUnder(index, e, `cc|${e.place.country}`);
  if (!e.persons.length && !e.orgs.length) fileUnder(index, e, '-');
}

function fileUnder(index: EventIndex, e: MergedEvent, facet: string): void {
  const key = `${e.type}|${facet}`;
  let events = index.byFacet.get(key);
  if (!events) index.byFacet.set(key, (events = new Set()));
  events.add(index.order.get(e)!);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Events a near miss could involve: those the unit could fit, plus days up to two days away.
 * @param own the unit's `candidatesFor` (null for an undated unit)
 */
function nearMissCandidates(index: EventIndex, unit: MergedEvent, own: MergedEvent[] | null): MergedEvent[] {
  if (!unit.date || !own) return [];
  if (unit.precision !== 'day') return own;
  // Days 3 to 28 are more than two days from either end of their month: no other month to look in.
  if (ISO_DAY.test(unit.date)) {
    const day = Number(unit.date.slice(8, 10));
    if (day >= 3 && day <= 28) return own;
  }
  const months = new Set([-2, 2].map((d) => addDays(unit.date!, d).slice(0, 7)));
  months.delete(unit.date.slice(0, 7));
  return [...own, ...[...months].flatMap((m) => index.byKey.get(`${unit.type}|${m}`) ?? [])];
}

/** Types whose reports on one day at one place are one event whoever is named (see `actorsFit`). */
const DAY_AND_PLACE_TYPES: ReadonlySet<EventType> = new Set(['strike', 'vote', 'armed-group']);

/**
 * For an undated unit of a `DAY_AND_PLACE_TYPES` type placed finer than a country and not only
 * background, from an article without a date: the one event of its type dated to a day at a place that contains its place or lies in it (its
 * country's events, or those naming its people or organisations), with no shared file and targets not
 * disjoint. A unit naming a weekday or month-day it could not resolve ("on Monday" in an article without
 * a date) needs that event to fall on such a day; one naming a day it cannot place at all ("yesterday")
 * joins none; nor does one whose article recalls that event by its year or month (`recalls`: the
 * article's dated background). Undefined when there are none or several: then which day it is cannot be told.
 */
function onlyDatedAtPlace(index: EventIndex, unit: MergedEvent, geo: PlaceRelation, recalls: MergedEvent[]): MergedEvent | undefined {
  const place = unit.place;
  if (!place || place.precision === 'country' || !DAY_AND_PLACE_TYPES.has(unit.type) || onlyBackground(unit)) return undefined;
  // Only reports of articles without a date: a dated article's undated reports carry the days they can
  // fall in ("last week", "before publication"), what the story recalls rather than its news.
  const window = unit.window;
  const namedDay = window !== null && (window.weekday !== undefined || window.monthDay !== undefined);
  if ((window && !namedDay) || (!namedDay && namesADay(unit))) return undefined;
  let only: MergedEvent | undefined;
  let fits = 0;
  const visit = (e: MergedEvent) => {
    if (!e.date || e.precision !== 'day' || !e.place || onlyBackground(e) || sharesFile(e, unit) || disjointTargets(e, unit) || !datesFit(e, unit)) return false;
    // The event its own article recalls by its year or month is not its news ("on the anniversary of the 2019 bombing").
    if (recalls.some((r) => r.type === unit.type && datesFit(e, r))) return false;
    if (!placesFit(e.place, place, geo)) return false;
    only = e;
    return ++fits === 2;
  };
  visitCouldJoin(index, unit, visit);
  if (fits < 2 && place.country) visitFacet(index, index.calls, `${unit.type}|cc|${place.country}`, visit);
  // The day it names checks the one event found; it never picks one out of several (another year's
  // Tuesday, or an outlet's date a day off, would make a wrong one look unique).
  return fits === 1 && (!namedDay || sameDayPlaced(only!, unit)) ? only : undefined;
}

/** Whether an undated unit can join an event without a definite reference: an undated event, or two shared people; and `joinsAcross`. */
function strongFit(e: MergedEvent, unit: MergedEvent, geo: PlaceRelation): boolean {
  return (!e.date || personOverlap(e, unit) >= 2) && joinsAcross(e, unit, geo);
}

/** Whether a unit from another article can join an event: compatible, and no article reports both. */
function joinsAcross(e: MergedEvent, unit: MergedEvent, geo: PlaceRelation): boolean {
  return compatible(e, unit, geo) && !sharesFile(e, unit);
}

function start(o: Observation): MergedEvent {
  return {
    type: o.type,
    reports: [o],
    place: o.place,
    date: o.date,
    precision: o.precision,
    window: o.date ? null : o.window ?? null,
    ...(o.soft && o.date ? { soft: true } : {}),
    persons: [...o.persons],
    orgs: [...o.orgs],
    targets: o.targets ? [...o.targets] : [],
    commenters: o.commenters ? [...o.commenters] : [],
    origin: o.origin,
    conflicts: [],
    files: new Set([o.file]),
  };
}

function absorb(target: MergedEvent, o: Observation, geo: PlaceRelation) {
  mergeInto(target, start(o), geo);
}

function mergeInto(target: MergedEvent, other: MergedEvent, geo: PlaceRelation) {
  target.reports.push(...other.reports);
  for (const f of other.files) target.files.add(f);
  target.place = finerPlace(target.place, other.place, geo);
  if (other.date && (!target.date || finerDate(other, target) || (target.soft && !other.soft && other.precision === target.precision))) {
    target.date = other.date;
    target.precision = other.precision;
    target.soft = other.soft;
  }
  target.window = target.date ? null : narrower(target.window, other.window);
  target.persons = union(target.persons, other.persons);
  target.orgs = union(target.orgs, other.orgs);
  target.targets = union(target.targets, other.targets);
  // A name that is a participant in one report is not a commenter of the merged event.
  target.commenters = union(target.commenters, other.commenters).filter((c) => !target.persons.includes(c) && !target.orgs.includes(c));
  target.origin ??= other.origin;
  target.conflicts.push(...other.conflicts);
}

/** The names of both lists, each once, in order of first appearance (as `[...new Set([...a, ...b])]`, without the copies). */
function union(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const name of a) if (!out.includes(name)) out.push(name);
  for (const name of b) if (!out.includes(name)) out.push(name);
  return out;
}

function finerPlace(a: Place | null, b: Place | null, geo: PlaceRelation): Place | null {
  if (!a) return b;
  if (!b) return a;
  if (a.id === b.id) return a;
  if (geo.contains(a, b)) return b;
  if (geo.contains(b, a)) return a;
  return PRECISION_RANK[b.precision] > PRECISION_RANK[a.precision] ? b : a;
}

function finerDate(a: { precision: TimePrecision | null }, b: { precision: TimePrecision | null }): boolean {
  return TIME_RANK[a.precision ?? 'year'] > TIME_RANK[b.precision ?? 'year'];
}

function sharesFile(a: MergedEvent, b: MergedEvent): boolean {
  // Most units come from one article: then one lookup of its reports' file, without iterating a Set
  // (called for every candidate pair; `files` always holds the files of `reports`).
  if (b.files.size === 1) return a.files.has(b.reports[0].file);
  for (const f of b.files) if (a.files.has(f)) return true;
  return false;
}

function compatible(a: MergedEvent, b: MergedEvent | Observation, geo: PlaceRelation): boolean {
  // Another outlet's report with neither place nor date ("an airstrike on a village killed ten") fits any
  // event of its type: only the same people named on both sides tie it to one (one person for a definite
  // back-reference, "the strike that killed him").
  if ((!a.place && !a.date) || (!b.place && !b.date)) {
    const definite = isDefinite(a) || ('reports' in b ? isDefinite(b) : b.definite);
    if (personOverlap(a, b) < (definite ? 1 : 2)) return false;
  }
  // One report gives only a place, the other only a day ("opened fire on a check post" dated by its
  // article; "the strike on Chernihiv" in an undated one): nothing ties them unless they name someone in common.
  // Nor one without a place and the other without a day ("an attack on the shrine last year", unplaced).
  if ((!a.place || !b.place) && (!a.date || !b.date || a.precision !== 'day' || b.precision !== 'day') && personOverlap(a, b) === 0 && orgOverlap(a, b) === 0) return false;
  // What another article only recalls ("Erdogan had visited Egypt in February") is a source of an event
  // other reports date, never a tie between undated ones.
  if ((onlyBackground(a) && !b.date) || (onlyBackground(b) && !a.date)) return false;
  // Two undated outlets naming other days ("on Monday", "on Tuesday November 21") report two events.
  if (namedDaysDiffer(a.window, b.window)) return false;
  // The upper and the lower house's votes on one bill are two events.
  if (a.type === 'vote' && otherChamber(a.orgs, b.orgs)) return false;
  // Cheapest tests first: dates and actors are string comparisons, places may need geometry.
  return datesFit(a, b) && actorsFit(a, b, false, geo) && placesFit(a.place, b.place, geo);
}

/** Whether one side is only background and the other is news with no date of its own. */
function undatedNewsAndRecall(e: MergedEvent, o: Observation): boolean {
  const recalled = onlyBackground(e);
  if (recalled === onlyBackground(o)) return false;
  return recalled ? !o.date : e.reports.every((r) => r.background || !r.date);
}

/** Whether every report of a unit is background to its story. */
function onlyBackground(x: MergedEvent | Observation): boolean {
  if (!('reports' in x)) return x.background === true;
  for (const r of x.reports) if (!r.background) return false;
  return true;
}

function placesFit(a: Place | null, b: Place | null, geo: PlaceRelation): boolean {
  if (!a || !b) return true;
  return a.id === b.id || geo.contains(a, b) || geo.contains(b, a);
}

const ENDS = new Map<string, string>();
/** Last day covered by a date of a precision (memoised: merging asks for the same few dates often). */
function lastDay(date: string, precision: TimePrecision | null): string {
  if (!precision || precision === 'day') return date;
  const key = `${date}|${precision}`;
  let end = ENDS.get(key);
  if (end === undefined) ENDS.set(key, (end = lastDayCovered(date, precision)));
  return end;
}

/** The days both windows allow (null: no bound known); an empty intersection keeps the first. */
function narrower(a: DateWindow | null, b: DateWindow | null | undefined): DateWindow | null {
  if (!a || !b) return a ?? b ?? null;
  const from = a.from && b.from ? (a.from > b.from ? a.from : b.from) : a.from ?? b.from;
  const to = a.to < b.to ? a.to : b.to;
  if (from && from > to) return a;
  const weekday = a.weekday ?? b.weekday;
  const monthDay = a.monthDay ?? b.monthDay;
  const orNextDay = a.orNextDay || b.orNextDay;
  return { from, to, ...(weekday === undefined ? {} : { weekday }), ...(monthDay ? { monthDay } : {}), ...(orNextDay ? { orNextDay } : {}) };
}

type Dated = { date: string | null; precision: TimePrecision | null; window?: DateWindow | null; soft?: boolean };

/** Whether two reports' dates can be one event's: overlapping spans; an undated one fits unless its window (a back-reference's days) misses the other's span. */
function datesFit(a: Dated, b: Dated): boolean {
  if (!a.date || !b.date) return windowsFit(a, b);
  // A day taken from the publication alone also fits a stated day before it: "killed in an airstrike",
  // published the morning after.
  const pair = softAndStated(a, b);
  if (pair) return pair.stated === pair.soft || pair.stated === addDays(pair.soft, -1);
  const [as, ae] = [a.date, lastDay(a.date, a.precision)];
  const [bs, be] = [b.date, lastDay(b.date, b.precision)];
  return (as <= bs && be <= ae) || (bs <= as && ae <= be);
}

function windowsFit(a: Dated, b: Dated): boolean {
  const wa = a.date ? null : a.window, wb = b.date ? null : b.window;
  if (!wa && !wb) return true;
  if ((!a.date && !wa) || (!b.date && !wb)) return true; // one side undated and unbounded
  const [as, ae] = a.date ? [a.date, lastDay(a.date, a.precision)] : [wa!.from ?? '', wa!.to];
  const [bs, be] = b.date ? [b.date, lastDay(b.date, b.precision)] : [wb!.from ?? '', wb!.to];
  return as <= be && bs <= ae && dayAgrees(wa, b) && dayAgrees(wb, a);
}

/** The participant that records which chamber of a country's legislature voted ("Upper house of Chile"). */
export function chamberOrg(chamber: 'upper' | 'lower', country: string): string {
  return `${CHAMBER_PREFIX[chamber]}${country}`;
}
const CHAMBER_PREFIX = { upper: 'Upper house of ', lower: 'Lower house of ' } as const;

/** Whether one side names a legislature's upper house and the other its lower house (see `chamberOrg`). */
function otherChamber(a: string[], b: string[]): boolean {
  const chamber = (orgs: string[]) => orgs.some((o) => o.startsWith(CHAMBER_PREFIX.upper)) ? 'upper' : orgs.some((o) => o.startsWith(CHAMBER_PREFIX.lower)) ? 'lower' : '';
  const ca = chamber(a), cb = chamber(b);
  return ca !== '' && cb !== '' && ca !== cb;
}

/** Whether two undated reports' named days cannot be one day: other weekdays (no evening on either side) or other month-days. */
function namedDaysDiffer(a: DateWindow | null | undefined, b: DateWindow | null | undefined): boolean {
  if (!a || !b) return false;
  if (a.monthDay && b.monthDay && a.monthDay !== b.monthDay) return true;
  return a.weekday !== undefined && b.weekday !== undefined && a.weekday !== b.weekday && !a.orNextDay && !b.orNextDay;
}

/** Whether a dated report falls on the weekday or month-day an undated one names. */
function dayAgrees(window: DateWindow | null | undefined, other: Dated): boolean {
  if (!window || !other.date || other.precision !== 'day') return true;
  const fits = (date: string) => (window.weekday === undefined || weekdayOf(date) === window.weekday) && (!window.monthDay || date.slice(5) === window.monthDay);
  return fits(other.date) || (window.orNextDay === true && fits(addDays(other.date, -1)));
}

/** The report an event's first article gives first: in a lede, who met whom. */
function leadReport(e: MergedEvent | Observation): Observation {
  if (!('reports' in e)) return e;
  let lead = e.reports[0];
  for (const r of e.reports) if (r.file < lead.file || (r.file === lead.file && r.order < lead.order)) lead = r;
  return lead;
}

/** Two meetings of one person with different counterparts: each lede names someone the other does not. */
function counterparts(a: string[], b: string[]): boolean {
  // "Obama" on one side is "Barack Obama" on the other: the same participant, not another counterpart.
  const inOther = (p: string, other: string[]) => other.some((q) => sameName(p, q));
  return a.length > 1 && b.length > 1 && a.some((p) => !inOther(p, b)) && b.some((p) => !inOther(p, a)) && a.some((p) => inOther(p, b));
}

/** The same name, or a lone surname and a full name ending in it. */
function sameName(p: string, q: string): boolean {
  if (p === q) return true;
  if (!p.includes(' ')) return q.endsWith(` ${p}`);
  return !q.includes(' ') && p.endsWith(` ${q}`);
}

function personOverlap(a: { persons: string[] }, b: { persons: string[] }): number {
  if (!a.persons.length || !b.persons.length) return 0;
  let shared = 0;
  for (const p of a.persons) if (b.persons.includes(p)) shared++;
  return shared;
}

/** Whether a lone surname on one side is the last word of a full name on the other. */
function surnameShared(a: string[], b: string[]): boolean {
  return a.some((p) => b.some((q) => p !== q && sameName(p, q)));
}

/** Whether every name of `a` is in `b` (loops, not `every`/`includes` closures: called for every candidate pair). */
function allIncluded(a: string[], b: string[]): boolean {
  for (const name of a) if (!b.includes(name)) return false;
  return true;
}

function orgOverlap(a: { orgs: string[] }, b: { orgs: string[] }): number {
  let shared = 0;
  for (const o of a.orgs) if (b.orgs.includes(o)) shared++;
  return shared;
}

function actorsFit(a: MergedEvent, b: MergedEvent | Observation, sameArticle: boolean, geo: PlaceRelation): boolean {
  const ap = a.persons, bp = b.persons;
  // Across articles, a strike, a vote or armed activity at fitting places on the same day is one event
  // whoever each outlet names (one names the victim, another who ordered it, a third the group hit) —
  // unless both name targets and none in common.
  if (!sameArticle && (a.type === 'strike' || a.type === 'vote' || a.type === 'armed-group') && (sameDayPlaced(a, b) || softDayPlaced(a, b)) && !disjointTargets(a, b)) return true;
  if (ap.length && bp.length) {
    const shared = personOverlap(a, b);
    if (shared >= 2) return true;
    // Within one article, one shared person ties mentions of a strike or vote together; a meeting is
    // defined by its participants, so two meetings sharing one person stay apart.
    if (sameArticle && shared >= 1 && a.type !== 'meeting') return true;
    // Within one article, a strike or vote at the same place on the same day is one event whoever is named.
    if (sameArticle && a.type !== 'meeting' && a.place && b.place && a.place.id === b.place.id && a.date && a.date === b.date) return true;
    // Across articles, one shared person on the same day at places that fit (`compatible` checks them) is one
    // event told in other words ("met her host in the Kenyan capital on Tuesday"); another day stays apart.
    // Not for a meeting whose other participants differ on both sides: the minister who met one
    // counterpart and then another at the same summit had two meetings.
    // The lede's report names who met; an aide named later ("who accompanied her") does not count.
    const twoCounterparts = a.type === 'meeting' && shared === 1 && counterparts(leadReport(a).persons, leadReport(b).persons);
    if (!sameArticle && shared >= 1 && !twoCounterparts && sameDayPlaced(a, b)) return true;
    // A visit told with the visitor's surname alone ("Obama landed in Havana on Sunday") and another outlet's
    // with full names, where the corpus could not tell which of two people of that surname it is: the same
    // day at fitting places, the surname is enough.
    if (!sameArticle && shared === 0 && a.type === 'visit' && sameDayPlaced(a, b) && surnameShared(ap, bp)) return true;
    return shared >= 1 && (allIncluded(ap, bp) || allIncluded(bp, ap));
  }
  const ao = a.orgs, bo = b.orgs;
  const noneA = !ap.length && !ao.length, noneB = !bp.length && !bo.length;
  if (noneA && noneB) return true;
  // One side names someone and the other nobody: the very same place (or, within an article, no place:
  // "the attack took place") counts as the same event.
  if (noneA || noneB) {
    if (sameArticle && (!a.place || !b.place)) return true;
    return !!a.place && !!b.place && a.place.id === b.place.id;
  }
  if (sameArticle) return orgOverlap(a, b) > 0 || !ap.length || !bp.length;
  // Only organisations in common ("Boko Haram"): the same group may be active in many places, so the
  // reports must name the same place (or one of them none).
  // A city and a site in it (or a region) are the same place for this; a country is too wide.
  // A report with neither place nor date shares too little: the group's attack of another year.
  if ((!a.place && !a.date) || (!b.place && !b.date)) return false;
  const samePlace = !a.place || !b.place || a.place.id === b.place.id ||
    (a.place.precision !== 'country' && b.place.precision !== 'country' && (geo.contains(a.place, b.place) || geo.contains(b.place, a.place)));
  return orgOverlap(a, b) > 0 && samePlace;
}

// A day the report names but could not date (no publication date): it may be another day's event.
const DAY_WORD = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|last night)\b/i;

/** Whether any report of an undated event names a day it could not resolve ("on Monday" in an undated article). */
function namesADay(e: MergedEvent): boolean {
  for (const r of e.reports) if (DAY_WORD.test(r.quote.text)) return true;
  return false;
}

/**
 * Of two reports dated to a day, one by its publication alone (`soft`) and one by the text: their days.
 * Null otherwise.
 */
function softAndStated(a: Dated, b: Dated): { soft: string; stated: string } | null {
  if (!a.date || !b.date || !a.soft === !b.soft || a.precision !== 'day' || b.precision !== 'day') return null;
  return a.soft ? { soft: a.date, stated: b.date } : { soft: b.date, stated: a.date };
}

/** Whether both are placed and one is dated by its publication alone the day after the other's stated day (the morning-after report). */
function softDayPlaced(a: MergedEvent, b: MergedEvent | Observation): boolean {
  if (!a.place || !b.place) return false;
  const pair = softAndStated(a, b);
  return pair !== null && pair.stated === addDays(pair.soft, -1);
}

/**
 * Whether both are placed and on one day: the same date, or an undated report naming the weekday or
 * month-day the other's date falls on ("landed on Friday" in a copy without a date). The callers let
 * an undated report join only the one dated event it fits, so another year's Friday is no risk there.
 */
function sameDayPlaced(a: MergedEvent, b: MergedEvent | Observation): boolean {
  if (!a.place || !b.place) return false;
  if (a.date && b.date) return a.date === b.date && a.precision === 'day' && b.precision === 'day';
  const [dated, undated] = a.date ? [a, b] : [b, a];
  const window = undated.window;
  if (!dated.date || dated.precision !== 'day' || undated.date || !window || (window.weekday === undefined && !window.monthDay)) return false;
  return windowsFit(dated, undated);
}

/**
 * Whether both name people targeted and share none. Organisations and buildings named as hit ("Mindanao
 * State University", "Hezbollah") tell two strikes apart too unreliably: a university and its gymnasium.
 */
function disjointTargets(a: MergedEvent, b: MergedEvent | Observation): boolean {
  const at = a.targets.filter((t) => a.persons.includes(t));
  const bt = (b.targets ?? []).filter((t) => b.persons.includes(t));
  if (!at.length || !bt.length) return false;
  for (const t of at) if (bt.includes(t)) return false;
  return true;
}

function isDefinite(e: MergedEvent): boolean {
  return e.reports.every((r) => r.definite) && (e.type === 'strike' || e.type === 'vote');
}

function score(e: MergedEvent, o: MergedEvent | Observation): number {
  const shared = personOverlap(e, o) * 100 + orgOverlap(e, o) * 10;
  const samePlace = e.place && o.place && e.place.id === o.place.id ? 5 : 0;
  const sameDate = e.date && o.date && e.date === o.date ? 3 : 0;
  return shared + samePlace + sameDate;
}

function best<T extends MergedEvent>(list: T[], o: MergedEvent | Observation): T | undefined {
  let top: T | undefined;
  let topScore = -Infinity;
  for (const e of list) {
    const s = score(e, o);
    if (!top || s > topScore) {
      top = e;
      topScore = s;
    }
  }
  return top;
}

/**
 * The search for the event an undated unit can join strongly (`strongFit`) with the best score, when no
 * other scores as high: `considerStrongFit` each candidate (in any order), then `uniqueBestResult`.
 */
interface UniqueBest {
  /** The highest score the unit allows (`scoreCeiling`). */
  ceiling: number;
  top: MergedEvent | undefined;
  topScore: number;
  ties: number;
}

function uniqueBest(unit: MergedEvent): UniqueBest {
  return { ceiling: scoreCeiling(unit), top: undefined, topScore: -Infinity, ties: 0 };
}

/**
 * Scores one candidate if the unit can join it strongly (each score computed once). True when the search
 * can stop: a second event with the highest score the unit allows is a tie nothing later can break — a
 * report naming people that many events share ("the assassination" of a much-reported victim) would
 * otherwise score them all.
 */
function considerStrongFit(best: UniqueBest, e: MergedEvent, unit: MergedEvent, geo: PlaceRelation): boolean {
  if (!strongFit(e, unit, geo)) return false;
  const s = score(e, unit);
  if (s > best.topScore) {
    best.top = e;
    best.topScore = s;
    best.ties = 1;
  } else if (s === best.topScore) best.ties++;
  return best.ties >= 2 && best.topScore === best.ceiling;
}

function uniqueBestResult(best: UniqueBest): MergedEvent | undefined {
  return best.ties === 1 ? best.top : undefined;
}

/** The highest `score` any event can reach against `o`: every person, organisation, the place and the date shared (names in a list are distinct). */
function scoreCeiling(o: MergedEvent | Observation): number {
  return o.persons.length * 100 + o.orgs.length * 10 + (o.place ? 5 : 0) + (o.date ? 3 : 0);
}

/** Strong actor evidence despite a small disagreement: a conflict to record, or null. */
function nearMissConflict(a: MergedEvent, b: MergedEvent, geo: PlaceRelation): string | null {
  if (!a.date || !b.date || !(personOverlap(a, b) >= 2 || otherTimeZone(a, b, geo))) return null;
  if (a.precision === 'day' && b.precision === 'day' && a.date !== b.date && placesFit(a.place, b.place, geo)) {
    const gap = Math.abs(Date.parse(a.date) - Date.parse(b.date)) / 86400000;
    if (gap <= 2) return `Sources disagree on the date: ${a.date} (${sourceFiles(a)}) vs ${b.date} (${sourceFiles(b)})`;
  }
  if (datesFit(a, b) && a.place && b.place && !placesFit(a.place, b.place, geo) && a.place.country === b.place.country) {
    return `Sources disagree on the place: ${a.place.name} (${sourceFiles(a)}) vs ${b.place.name} (${sourceFiles(b)})`;
  }
  return null;
}

/**
 * Reports of one event dated in two time zones (a US outlet's "January 7" for a strike on 8 January local
 * time): a strike, vote, visit or armed-group activity on days one apart, both placed at places that fit,
 * with actors that fit and share a name — or, naming nobody, the very same site. Two events at one city on
 * consecutive days with nobody named stay apart.
 */
function otherTimeZone(a: MergedEvent, b: MergedEvent, geo: PlaceRelation): boolean {
  // A meeting or a statement is defined by who took part: one shared name a day apart is often another
  // one (a visiting minister's talks on consecutive days); two shared people are the near miss above.
  if (a.type === 'meeting' || a.type === 'statement') return false;
  if (a.precision !== 'day' || b.precision !== 'day' || !a.date || !b.date || !a.place || !b.place) return false;
  // Cheapest tests first: this is asked of every event of the unit's month.
  const named = a.persons.length + a.orgs.length + b.persons.length + b.orgs.length;
  if (named ? personOverlap(a, b) + orgOverlap(a, b) < 1 : a.place.id !== b.place.id || a.place.precision !== 'site') return false;
  if (addDays(a.date, 1) !== b.date && addDays(b.date, 1) !== a.date) return false;
  return placesFit(a.place, b.place, geo) && (!named || actorsFit(a, b, false, geo));
}

/** The files reporting an event, for conflict messages. */
function sourceFiles(e: MergedEvent): string {
  return [...new Set(e.reports.map((r) => r.file))].join(', ');
}

function eventOrder(a: MergedEvent, b: MergedEvent): number {
  const ad = a.date ?? '9999', bd = b.date ?? '9999';
  if (ad !== bd) return ad < bd ? -1 : 1;
  const ap = a.place?.id ?? '~', bp = b.place?.id ?? '~';
  if (ap !== bp) return ap < bp ? -1 : 1;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const af = a.reports[0], bf = b.reports[0];
  if (af.file !== bf.file) return af.file < bf.file ? -1 : 1;
  return af.order - bf.order;
}
