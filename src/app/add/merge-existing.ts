/**
 * Events read from added articles join the events already shown when they report the same thing. The
 * decision is merge.ts's own (`mergeObservations`): each shown event and each added event is handed to
 * it as one report, pair by pair, and a pair it merges is one event — the shown event keeps its id and
 * gains the added sources (and, as in merging, the finer place and date).
 */
import { actorIndex, addActor, canonicalName, findActors, type ActorIndex, type ActorKind } from '../../core/actors';
import { lastDayCovered } from '../../core/calendar';
import { eventGeometry, roundCoord } from '../../core/geojson';
import { GEO_PRECISION, type Gazetteer } from '../../core/gazetteer/index';
import { mergeObservations, type Observation, type PlaceRelation } from '../../core/merge';
import { placeRelation } from '../../core/pipeline';
import type { DatelineEvent, EventProperties, Place } from '../../core/types';

/** Whether an actor name is an organisation, as the pipeline's actor finder reads the name alone. */
function kindOf(name: string, cache: Map<string, ActorKind>): ActorKind {
  let kind = cache.get(name);
  if (!kind) {
    const found = findActors(name);
    kind = found.length === 1 && found[0].kind === 'org' ? 'org' : found.some((a) => a.kind === 'org' && a.start === 0) ? 'org' : 'person';
    cache.set(name, kind);
  }
  return kind;
}

/** The event's place as a gazetteer place (its own id when the gazetteer lacks it). */
function placeOf(p: EventProperties, gazetteer: Gazetteer): Place | null {
  if (!p.place_id && !p.place_name) return null;
  return gazetteer.get(p.place_id) ?? { id: p.place_id || `name:${p.place_name}`, name: p.place_name, precision: p.place_precision, country: p.country, lon: p.lon, lat: p.lat };
}

/** One event as one report for merge.ts; `file` names its sources, so conflicts read well. */
function asObservation(event: DatelineEvent, gazetteer: Gazetteer, kinds: Map<string, ActorKind>, names: ActorIndex | null): Observation {
  const p = event.properties;
  const canonical = (name: string) => (names ? canonicalName(names, { name, kind: kindOf(name, kinds), certain: true }) ?? name : name);
  const persons: string[] = [];
  const orgs: string[] = [];
  for (const a of p.actors) (kindOf(a, kinds) === 'org' ? orgs : persons).push(canonical(a));
  const place = placeOf(p, gazetteer);
  const first = p.sources[0];
  return {
    file: [...new Set(p.sources.map((s) => s.file))].join(', ') || p.id,
    order: 0,
    type: p.type,
    place,
    placeText: p.place_name,
    statedPlace: place,
    date: p.date_start,
    precision: p.time_precision,
    relative: null,
    ...(p.planned ? { planned: true } : {}),
    persons,
    orgs,
    targets: (p.roles?.targets ?? []).map(canonical),
    commenters: (p.roles?.commenters ?? []).map(canonical),
    definite: false,
    origin: null,
    quote: { start: first?.start ?? 0, end: first?.end ?? 0, text: first?.quote ?? '' },
    highlights: [],
  };
}

export interface MergedWithShown {
  /** Added events that report nothing already shown. */
  events: DatelineEvent[];
  /** Shown events that gained sources, by id. */
  replaced: Map<string, DatelineEvent>;
}

/**
 * Merges events read from added articles into the events already shown.
 * @param added the events of the added articles (the pipeline's output on them)
 * @param shown the events already shown (the pipeline's layer and imported Dateline layers), or [] for a map of one's own
 * @param gazetteer the loaded gazetteer (places, containment, shapes)
 * @returns the added events left on their own, and the shown events that gained their sources
 * @example mergeWithShown(added, shown, gazetteer).replaced.get('evt-…')?.properties.sources.length
 */
export function mergeWithShown(added: readonly DatelineEvent[], shown: readonly DatelineEvent[], gazetteer: Gazetteer): MergedWithShown {
  const geo: PlaceRelation = placeRelation(gazetteer);
  const kinds = new Map<string, ActorKind>();
  // Names of the shown events are the canonical spellings: "Qasim al-Araji" in an added report is the
  // shown event's "Qasim Mohammad Jalal al-Araji" (the pipeline's ActorIndex rules).
  const names = actorIndex();
  for (const e of shown) for (const a of e.properties.actors) addActor(names, { name: a, kind: kindOf(a, kinds), certain: true });
  const replaced = new Map<string, DatelineEvent>();
  const byType = new Map<string, DatelineEvent[]>();
  for (const e of shown) byType.set(e.properties.type, [...(byType.get(e.properties.type) ?? []), e]);
  const events: DatelineEvent[] = [];
  for (const event of added) {
    const mine = asObservation(event, gazetteer, kinds, names);
    let target: { event: DatelineEvent; conflicts: string[]; date: string | null; precision: EventProperties['time_precision']; place: Place | null } | null = null;
    for (const candidate of byType.get(event.properties.type) ?? []) {
      const current = replaced.get(candidate.properties.id) ?? candidate;
      const theirs = asObservation(current, gazetteer, kinds, null);
      if (theirs.file === mine.file) continue;
      const merged = mergeObservations([theirs, mine], geo);
      if (merged.length !== 1) continue;
      const m = merged[0];
      // The first fit without a disagreement wins; one with a recorded conflict only when there is no other.
      if (!target || (target.conflicts.length && !m.conflicts.length)) target = { event: current, conflicts: m.conflicts, date: m.date, precision: m.precision, place: m.place };
      if (!m.conflicts.length) break;
    }
    if (!target) {
      events.push(event);
      continue;
    }
    replaced.set(target.event.properties.id, joined(target.event, event, target, gazetteer));
  }
  return { events, replaced };
}

/** The shown event with the added event's sources, names and (when finer) place and date. */
function joined(
  shown: DatelineEvent,
  added: DatelineEvent,
  merged: { conflicts: string[]; date: string | null; precision: EventProperties['time_precision']; place: Place | null },
  gazetteer: Gazetteer,
): DatelineEvent {
  const p = shown.properties;
  const a = added.properties;
  const files = new Set(p.sources.map((s) => s.file));
  const sources = [...p.sources, ...a.sources.filter((s) => !files.has(s.file))];
  const union = (x: readonly string[], y: readonly string[]) => [...new Set([...x, ...y])];
  const properties: EventProperties = {
    ...p,
    sources,
    conflicts: [...new Set([...p.conflicts, ...a.conflicts, ...merged.conflicts])].sort(),
    notes: [p.notes, `sources added in this browser: ${a.sources.map((s) => s.file).join(', ')}`].filter(Boolean).join('; '),
  };
  if (p.roles || a.roles) {
    properties.roles = {
      acted: p.roles?.acted ?? p.actors,
      targets: union(p.roles?.targets ?? [], []),
      commenters: union(p.roles?.commenters ?? [], (a.roles?.commenters ?? []).filter((c) => !p.actors.includes(c))),
    };
  }
  if (!a.planned) delete properties.planned;
  let geometry = shown.geometry;
  if (merged.date && merged.date !== p.date_start) {
    properties.date_start = merged.date;
    properties.time_precision = merged.precision;
    properties.date_end = merged.precision ? lastDayCovered(merged.date, merged.precision) : merged.date;
  }
  const place = merged.place;
  if (place && place.id !== p.place_id) {
    Object.assign(properties, {
      place_name: place.name, place_id: place.id, place_precision: place.precision, geo_precision: GEO_PRECISION[place.precision],
      country: place.country, lon: roundCoord(place.lon), lat: roundCoord(place.lat),
    });
    const area = place.precision === 'region' || place.precision === 'country' ? gazetteer.geometry(place.id) : null;
    geometry = eventGeometry(place.lon, place.lat, area);
  }
  return { ...shown, geometry, properties };
}
