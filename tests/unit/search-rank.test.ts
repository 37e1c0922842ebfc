/** Ranking the list for a text search (src/app/list/search-rank.ts). */
import { describe, expect, it } from 'vitest';
import { matchedFields, matchedText, rankSearch, RANK_LIMIT } from '../../src/app/list/search-rank';
import type { DatelineEvent, EventProperties } from '../../src/core/types';

/** A shown event with just what the search reads. */
function event(id: string, p: { title: string; place: string; actors?: string[]; outlets?: string[]; quotes?: string[] }): DatelineEvent {
  const sources = (p.outlets ?? ['Some Daily']).map((outlet, i) => ({ outlet, quote: p.quotes?.[i] ?? '' }));
  const properties = { id, title: p.title, place_name: p.place, origin: null, actors: p.actors ?? [], sources } as unknown as EventProperties;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties } as DatelineEvent;
}

const byOutlet = event('a', { title: 'Strike at the airport', place: 'Riverport Airport', outlets: ['Harbourtown Times'] });
const byPerson = event('b', { title: 'Vote in the capital', place: 'Capital City', actors: ['Harbourtown Council'] });
const byPlace = event('c', { title: 'Meeting of ministers', place: 'Harbourtown', quotes: ['They met in Harbourtown.'] });
const byTitle = event('d', { title: 'Talks on the Harbourtown accord', place: 'Elsewhere' });

describe('search ranking', () => {
  it('puts place and title matches first, then people, then outlets, keeping date order within each', () => {
    const ranked = rankSearch([byOutlet, byPerson, byPlace, byTitle], 'harbourtown')!;
    expect(ranked.best.map((r) => r.event.properties.id)).toEqual(['c', 'd']);
    expect(ranked.other.map((r) => r.event.properties.id)).toEqual(['b', 'a']);
  });

  it('says where each result matched', () => {
    const ranked = rankSearch([byOutlet, byPerson, byPlace, byTitle], 'Harbourtown')!;
    const fields = Object.fromEntries([...ranked.best, ...ranked.other].map((r) => [r.event.properties.id, r.fields]));
    expect(fields).toEqual({ a: ['outlet'], b: ['actor'], c: ['place', 'quote'], d: ['title'] });
    expect(matchedText(fields.c)).toBe('Matched in place, quote');
  });

  it('needs every word in place or title to rank first; accents and case do not matter', () => {
    const ranked = rankSearch([byPlace, byPerson], 'MEETING harbourtówn')!;
    expect(ranked.best.map((r) => r.event.properties.id)).toEqual(['c']);
    expect(matchedFields(byPerson.properties, ['capital', 'harbourtown'])).toEqual(['place', 'title', 'actor']);
  });

  it('leaves date order alone without a query or with too many events', () => {
    expect(rankSearch([byOutlet], '  ')).toBeNull();
    expect(rankSearch(new Array(RANK_LIMIT + 1).fill(byOutlet), 'harbourtown')).toBeNull();
  });
});
