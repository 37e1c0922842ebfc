/**
 * A slider step filters by binary search over a per-array day index (filterSortedInSlices) instead of
 * testing every event: the result must be exactly the events isSpanVisible keeps, in the same order,
 * for any mix of precisions (long spans), undated events, window and mode.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ShownList, filterSorted, filterSortedInSlices, groupByYear, groupTotals, shownListInSlices, sortedByDate, spanOf, textAndTypesKey, type ShownCriteria } from '../../src/core/eventfilter';
import { shownByDays, textAndTypesMaskInSlices } from '../../src/app/map/dense-features';
import { runToEnd } from '../../src/core/slicing';
import { isSpanVisible } from '../../src/core/timewindow';
import { isoFromDay } from '../../src/core/calendar';
import { EVENT_TYPES } from '../../src/core/taxonomy';
import type { EventProperties } from '../../src/core/types';

type Precision = 'day' | 'month' | 'year';
const event = (i: number, day: number | null, precision: Precision, length: number) => ({
  properties: {
    id: `e${i}`,
    title: `Event ${i}`,
    type: EVENT_TYPES[i % EVENT_TYPES.length],
    date_start: day === null ? null : isoFromDay(day),
    date_end: day === null ? null : isoFromDay(day + length),
    time_precision: day === null ? null : precision,
    place_name: '',
    actors: [],
    sources: [],
  } as unknown as EventProperties,
});

const arbitraryEvents = fc.array(
  fc.tuple(fc.option(fc.integer({ min: 16000, max: 19000 }), { nil: null, freq: 8 }), fc.constantFrom<Precision>('day', 'month', 'year'), fc.integer({ min: 0, max: 900 })),
  { maxLength: 300 },
);
const arbitraryCriteria = fc.record({
  start: fc.integer({ min: 15800, max: 19200 }),
  length: fc.integer({ min: 0, max: 3000 }),
  mode: fc.constantFrom<'window' | 'cumulative'>('window', 'cumulative'),
  showUndated: fc.boolean(),
});

describe('filterSorted with the day index', () => {
  test('keeps exactly what isSpanVisible keeps, in date order', () => {
    fc.assert(
      fc.property(arbitraryEvents, arbitraryCriteria, fc.integer({ min: 1, max: 50 }), (rows, c, step) => {
        const sorted = sortedByDate(rows.map(([day, precision, length], i) => event(i, day, precision, length)));
        const criteria: ShownCriteria = { start: c.start, end: c.start + c.length, mode: c.mode, showUndated: c.showUndated, text: '', types: EVENT_TYPES };
        const expected = sorted.filter((e) => isSpanVisible(spanOf(e.properties), criteria));
        expect(filterSorted(sorted, criteria)).toEqual(expected);
        // Sliced, as the page runs it, and again on the same array (the index is reused).
        const sliced = filterSortedInSlices(sorted, criteria, step);
        let next = sliced.next();
        while (!next.done) next = sliced.next();
        expect(next.value).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('the clustered layers\' mask (events in any order, with or without a type filter) agrees too', () => {
    fc.assert(
      fc.property(arbitraryEvents, arbitraryCriteria, fc.boolean(), (rows, c, allTypes) => {
        const events = rows.map(([day, precision, length], i) => event(i, day, precision, length));
        const types = allTypes ? EVENT_TYPES : EVENT_TYPES.slice(0, 3);
        const criteria: ShownCriteria = { start: c.start, end: c.start + c.length, mode: c.mode, showUndated: c.showUndated, text: '', types };
        const expected = events.map((e) => (types.includes(e.properties.type) && isSpanVisible(spanOf(e.properties), criteria) ? 1 : 0));
        // The page sends the matches of the text and types (null: all), the worker applies the window to the days.
        const matching = runToEnd(textAndTypesMaskInSlices(events, criteria, 7));
        expect(matching === null).toBe(allTypes);
        const starts = Float32Array.from(events, (e) => spanOf(e.properties)?.start ?? Infinity);
        const ends = Float32Array.from(events, (e) => spanOf(e.properties)?.end ?? Infinity);
        expect([...shownByDays(starts, ends, matching, criteria)]).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  test('a year-long event that began before the window still overlaps it', () => {
    const sorted = sortedByDate([event(1, 18000, 'year', 364), event(2, 18300, 'day', 0), event(3, 18400, 'day', 0)]);
    const criteria: ShownCriteria = { start: 18350, end: 18360, mode: 'window', showUndated: false, text: '', types: EVENT_TYPES };
    expect(filterSorted(sorted, criteria).map((e) => e.properties.id)).toEqual(['e1']);
  });
});

describe('the shown list is runs of the sorted array, not a copy', () => {
  test('reads like the filtered array: length, at, slice, iteration, indexOf', () => {
    fc.assert(
      fc.property(arbitraryEvents, arbitraryCriteria, fc.integer({ min: -40, max: 340 }), fc.integer({ min: -40, max: 340 }), (rows, c, a, b) => {
        const sorted = sortedByDate(rows.map(([day, precision, length], i) => event(i, day, precision, length)));
        const criteria: ShownCriteria = { start: c.start, end: c.start + c.length, mode: c.mode, showUndated: c.showUndated, text: '', types: EVENT_TYPES };
        const expected = sorted.filter((e) => isSpanVisible(spanOf(e.properties), criteria));
        const list = runToEnd(shownListInSlices(sorted, criteria, 5));
        expect(list.length).toBe(expected.length);
        expect([...list]).toEqual(expected);
        expect(list.slice()).toEqual(expected);
        expect(list.slice(a, b)).toEqual(expected.slice(a, b));
        expect(list.slice(a)).toEqual(expected.slice(a));
        for (const i of [a, b, 0, -1, expected.length]) expect(list.at(i)).toBe(expected.at(i));
        expected.forEach((e, i) => expect(list.indexOf(e)).toBe(i));
        // Events not shown are not found, and the year counts agree with the array's.
        for (const e of sorted) if (!expected.includes(e)) expect(list.indexOf(e)).toBe(-1);
        const groups = groupByYear(expected.slice(0, 7));
        expect(groupTotals(list, groups)).toEqual(groupTotals(expected, groups));
      }),
      { numRuns: 300 },
    );
  });

  test('a step over many events shares the sorted array instead of copying it', () => {
    const sorted = sortedByDate(Array.from({ length: 5000 }, (_, i) => event(i, 17000 + (i % 900), 'day', 0)));
    const criteria: ShownCriteria = { start: 17000, end: 17800, mode: 'window', showUndated: false, text: '', types: EVENT_TYPES };
    const list = runToEnd(shownListInSlices(sorted, criteria));
    expect(list).toBeInstanceOf(ShownList);
    expect(list.length).toBe(sorted.filter((e) => isSpanVisible(spanOf(e.properties), criteria)).length);
    expect(list.at(0)).toBe(sorted[0]);
    // Equal ids in two layers: the object asked for is found, not its namesake.
    const twin = { properties: { ...sorted[3].properties } };
    expect(new ShownList([{ items: [sorted[3], twin], from: 0, to: 2 }]).indexOf(twin)).toBe(1);
  });
});

describe('the text and types key', () => {
  test('is null when nothing narrows the events, and the same for the same choice', () => {
    expect(textAndTypesKey({ text: '  ', types: [...EVENT_TYPES].reverse() })).toBeNull();
    expect(textAndTypesKey({ text: 'Tehrān', types: EVENT_TYPES })).toBe(textAndTypesKey({ text: ' tehran ', types: [...EVENT_TYPES].reverse() }));
    expect(textAndTypesKey({ text: '', types: EVENT_TYPES.slice(1) })).not.toBe(textAndTypesKey({ text: '', types: EVENT_TYPES.slice(2) }));
  });
});
