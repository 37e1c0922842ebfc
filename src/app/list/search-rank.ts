/**
 * Ranking the event list for a text search: events whose place or title holds every word come first,
 * then the others (a person, an outlet's name), and each result says where it matched. The filter
 * itself (which events are shown, on the map too) is `matchesText` in src/core/eventfilter.ts; this only
 * orders and explains. Pure, unit-tested in tests/unit/search-rank.test.ts.
 */
import { queryTerms, searchKey, type HasEventProperties } from '../../core/eventfilter';
import type { EventProperties } from '../../core/types';

/** Where a query can match, in the order results name them. */
export const MATCH_FIELDS = ['place', 'title', 'actor', 'outlet', 'quote'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** Above this many shown events the list keeps date order (ranking would re-read every event's text). */
export const RANK_LIMIT = 20_000;

type FieldTexts = Record<MatchField, string>;
// Normalised per (immutable) properties object, so each keystroke only searches.
const fieldCache = new WeakMap<EventProperties, FieldTexts>();

function fieldTexts(props: EventProperties): FieldTexts {
  let texts = fieldCache.get(props);
  if (!texts) {
    texts = {
      place: searchKey(`${props.place_name}\n${props.origin?.name ?? ''}`),
      title: searchKey(props.title),
      actor: searchKey(props.actors.join('\n')),
      outlet: searchKey(props.sources.map((s) => s.outlet).join('\n')),
      quote: searchKey(props.sources.map((s) => s.quote).join('\n')),
    };
    fieldCache.set(props, texts);
  }
  return texts;
}

/**
 * The fields in which any word of the query occurs.
 * @example matchedFields(tehranMeeting.properties, ['tehran']) // ['place', 'title']
 */
export function matchedFields(props: EventProperties, terms: readonly string[]): MatchField[] {
  const texts = fieldTexts(props);
  return MATCH_FIELDS.filter((field) => terms.some((term) => texts[field].includes(term)));
}

/** Whether every word of the query is in the event's place or title: what a search usually means. */
function placeOrTitleMatch(props: EventProperties, terms: readonly string[]): boolean {
  const texts = fieldTexts(props);
  return terms.every((term) => texts.place.includes(term) || texts.title.includes(term));
}

export interface RankedEvent<T> {
  event: T;
  /** Where the query matched, in {@link MATCH_FIELDS} order. */
  fields: MatchField[];
}

export interface RankedSearch<T> {
  /** Every word in the place or title. */
  best: RankedEvent<T>[];
  /** The rest: matched through people first, then only through outlets (or quotes). */
  other: RankedEvent<T>[];
}

/**
 * Orders shown events for a query; within each part the given (date) order is kept.
 * @param events the shown events, already filtered by the query
 * @returns null when there is no query, or too many events to rank (the list keeps date order)
 * @example rankSearch(shown, 'tehran')?.best.map((r) => r.event.properties.place_name) // ['Tehran', …]
 */
export function rankSearch<T extends HasEventProperties>(events: Iterable<T> & { readonly length: number }, text: string): RankedSearch<T> | null {
  const terms = queryTerms(text);
  if (terms.length === 0 || events.length > RANK_LIMIT) return null;
  const best: RankedEvent<T>[] = [];
  const people: RankedEvent<T>[] = [];
  const rest: RankedEvent<T>[] = [];
  for (const event of events) {
    const ranked = { event, fields: matchedFields(event.properties, terms) };
    if (placeOrTitleMatch(event.properties, terms)) best.push(ranked);
    else (ranked.fields.includes('actor') ? people : rest).push(ranked);
  }
  return { best, other: [...people, ...rest] };
}

/**
 * Where a result matched, as words for the list.
 * @example matchedText(['place', 'outlet']) // 'Matched in place, outlet'
 */
export function matchedText(fields: readonly MatchField[]): string {
  return fields.length ? `Matched in ${fields.join(', ')}` : '';
}
