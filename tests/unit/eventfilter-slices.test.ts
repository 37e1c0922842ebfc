/**
 * The large-data paths of src/core/eventfilter.ts give the same answers as the simple ones: the sliced
 * sort, merging per-layer sorted arrays, and the year totals found by binary search.
 */
import { describe, expect, it } from 'vitest';
import { IncrementalSort, filterSorted, filterSortedInSlices, groupByYear, groupTotals, mergeSorted, shownEvents, sortInSlices, sortedByDate, type HasEventProperties } from '../../src/core/eventfilter';
import { dayFromIso } from '../../src/core/timewindow';
import { EVENT_TYPES } from '../../src/core/taxonomy';
import type { EventProperties, TimePrecision } from '../../src/core/types';

/** Deterministic events with many equal dates and titles (ties decided by id), some undated. */
function events(n: number, seed: number, prefix: string): HasEventProperties[] {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const precisions: TimePrecision[] = ['day', 'month', 'year'];
  return Array.from({ length: n }, (_, i) => {
    const undated = next() < 0.05;
    const year = 2014 + Math.floor(next() * 8);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const date = undated ? '' : `${year}-${month}-${day}`;
    const properties = {
      id: `${prefix}${i}`, title: `Event ${Math.floor(next() * 5)}`, type: EVENT_TYPES[i % EVENT_TYPES.length],
      date_start: date, date_end: date, time_precision: precisions[Math.floor(next() * 3)],
      place_name: 'Baghdad', actors: [], sources: [], origin: null,
    } as unknown as EventProperties;
    return { properties };
  });
}

const ids = (list: readonly HasEventProperties[]) => list.map((e) => e.properties.id);
const all = { text: '', types: [...EVENT_TYPES], start: -1e9, end: 1e9, mode: 'window' as const, showUndated: true };

describe('sortInSlices', () => {
  it('sorts like sortedByDate, yielding between slices', () => {
    const input = events(30_000, 1, 'a');
    const expected = ids(shownEvents([...input], all));
    const work = sortInSlices(input, 1000);
    let yields = 0;
    let step = work.next();
    while (!step.done) {
      yields++;
      step = work.next();
    }
    expect(yields).toBeGreaterThan(10);
    expect(ids(step.value)).toEqual(expected);
    // The result is cached: sortedByDate of the same array is the same array.
    expect(sortedByDate(input)).toBe(step.value);
  });

  it('handles empty and tiny inputs', () => {
    expect([...sortInSlices([])]).toEqual([]);
    const one = events(1, 2, 'b');
    const work = sortInSlices(one);
    let step = work.next();
    while (!step.done) step = work.next();
    expect(ids(step.value)).toEqual(['b0']);
  });
});

describe('mergeSorted', () => {
  it('gives the order of sorting all layers together', () => {
    const layers = [events(40, 3, 'p'), events(5_000, 4, 'i'), events(700, 5, 'j'), []];
    const merged = mergeSorted(layers.map((l) => sortedByDate(l)));
    expect(ids(merged)).toEqual(ids(shownEvents(layers.flat(), all)));
  });

  it('returns a single layer as it is', () => {
    const sorted = sortedByDate(events(10, 6, 'x'));
    expect(mergeSorted([[], sorted])).toBe(sorted);
  });
});

describe('groupTotals', () => {
  it('counts each listed year over the whole list', () => {
    const shown = shownEvents(events(3_000, 7, 'g'), all);
    const full = new Map(groupByYear(shown).map((g) => [g.key, g.events.length]));
    for (const listed of [1, 37, 500, shown.length]) {
      const groups = groupByYear(shown.slice(0, listed));
      const totals = groupTotals(shown, groups);
      for (const g of groups) expect(totals.get(g.key)).toBe(full.get(g.key));
    }
  });
});

describe('filterSortedInSlices', () => {
  it('shows the same events as filterSorted, in steps', () => {
    const sorted = sortedByDate(events(3000, 11, 'f'));
    const criteria = {
      text: 'event 3', types: EVENT_TYPES.filter((_, i) => i % 2 === 0), mode: 'window' as const, showUndated: true,
      start: dayFromIso('2016-01-01')!, end: dayFromIso('2019-06-30')!,
    };
    const work = filterSortedInSlices(sorted, criteria, 500);
    let yields = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) yields++;
    expect(yields).toBe(6);
    expect(ids(step.value)).toEqual(ids(filterSorted(sorted, criteria)));
    expect(step.value.length).toBeGreaterThan(0);
  });
});

describe('filterSortedInSlices with a search active', () => {
  it('tests the text once per query: a new window only re-checks the dates of the matches', () => {
    const sorted = sortedByDate(events(3000, 12, 'q'));
    const base = { text: 'event 3', types: [...EVENT_TYPES], mode: 'window' as const, showUndated: false };
    const run = (start: string, end: string) => {
      const criteria = { ...base, start: dayFromIso(start)!, end: dayFromIso(end)! };
      const work = filterSortedInSlices(sorted, criteria, 500);
      let yields = 0;
      let step = work.next();
      for (; !step.done; step = work.next()) yields++;
      expect(ids(step.value)).toEqual(ids(filterSorted(sorted, criteria)));
      return yields;
    };
    expect(run('2014-01-01', '2021-12-31')).toBeGreaterThanOrEqual(6);
    // About a fifth of the events match "event 3": the next step walks only those.
    expect(run('2016-01-01', '2017-12-31')).toBeLessThanOrEqual(2);
  });
});

describe('IncrementalSort', () => {
  it('sorts batches as they come like sortedByDate of them all, and caches the order', () => {
    const input = events(25_000, 5, 'i');
    const expected = ids(shownEvents([...input], all));
    const sort = new IncrementalSort<HasEventProperties>();
    // Uneven batches, as an import delivers them; the last one short.
    for (let i = 0; i < input.length; i += 2000 + (i % 3) * 500) sort.add(input.slice(i, i + 2000 + (i % 3) * 500));
    const work = sort.finish(input, 1000);
    let step = work.next();
    while (!step.done) step = work.next();
    expect(ids(step.value)).toEqual(expected);
    expect(sortedByDate(input)).toBe(step.value);
  });

  it('refuses an array that does not hold the added events', () => {
    const sort = new IncrementalSort<HasEventProperties>();
    sort.add(events(10, 2, 'x'));
    expect(() => sort.finish(events(11, 2, 'x')).next()).toThrow(/sorted 10 events, given 11/);
  });
});
