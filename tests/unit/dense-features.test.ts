import { describe, expect, test } from 'vitest';
import type { DatelineEvent } from '../../src/core/types';
import { EVENT_TYPES } from '../../src/core/taxonomy';
import { dayFromIso } from '../../src/core/timewindow';
import { densePointArraysInSlices, shownByDays, textAndTypesMaskInSlices } from '../../src/app/map/dense-features';
import { DENSE_LAYER_EVENTS, layersMapDataInSlices } from '../../src/app/map/event-features';

/** Runs a slicing generator to its end, counting its yields. */
function run<T>(work: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = work.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

function pointEvent(i: number, layer = 'imported:big.csv'): DatelineEvent {
  const date = `2011-${String(1 + (i % 12)).padStart(2, '0')}-15`;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [44 + i / 1e5, 33 + i / 1e5] },
    properties: {
      id: `big-${i}`, type: EVENT_TYPES[i % EVENT_TYPES.length], title: `Row ${i}`, date_start: date, date_end: date, time_precision: 'day',
      place_name: '', place_id: '', place_precision: 'site', geo_precision: 1, country: '', lon: 44 + i / 1e5, lat: 33 + i / 1e5,
      actors: [], sources: i % 3 ? [] : [{ file: '', outlet: 'Outlet', url: '', published: '', title: '', quote: '', start: 0, end: 0, highlights: [], date: null, place_name: '' }],
      conflicts: [], notes: '', layer,
    },
  };
}

describe('large layers are clustered, not drawn point by point', () => {
  const big = Array.from({ length: DENSE_LAYER_EVENTS }, (_, i) => pointEvent(i));
  const small = Array.from({ length: 10 }, (_, i) => pointEvent(i, 'events'));

  test('a layer from DENSE_LAYER_EVENTS events on keeps its points out of the drawn features', () => {
    const { value: data } = run(layersMapDataInSlices([small, big], new Map()));
    expect(data.points.features).toHaveLength(small.length);
    expect(data.dense).toEqual([{ layer: 'imported:big.csv', events: big }]);
    // No place labels either: its clusters carry counts.
    expect(data.places.features.every((f) => f.properties.n === 1)).toBe(true);
  });

  test('the worker gets coordinates, type, source count and ids in typed arrays, built in slices', () => {
    const { value: arrays, yields } = run(densePointArraysInSlices(big, 1000));
    expect(yields).toBe(DENSE_LAYER_EVENTS / 1000);
    expect([...arrays.lonLat.slice(0, 4)]).toEqual([44, 33, 44.00001, 33.00001]);
    expect(EVENT_TYPES[arrays.types[7]]).toBe(big[7].properties.type);
    expect([...arrays.sources.slice(0, 4)]).toEqual([1, 0, 0, 1]);
    // Each event's days, so the worker applies a new time window by itself.
    expect([arrays.starts[1], arrays.ends[1]]).toEqual([dayFromIso('2011-02-15'), dayFromIso('2011-02-15')]);
    const ids = arrays.ids.split('\u0000');
    expect(ids).toHaveLength(big.length);
    expect(ids[1234]).toBe('big-1234');
  });

  test('an id holding the separator cannot shift the ids after it', () => {
    const odd = [pointEvent(0), pointEvent(1), pointEvent(2)];
    odd[1].properties.id = 'a\u0000b';
    expect(run(densePointArraysInSlices(odd)).value.ids.split('\u0000')).toEqual(['big-0', 'ab', 'big-2']);
  });

  test('the shown mask applies the same criteria as the list', () => {
    const criteria = {
      text: 'row 1', types: [...EVENT_TYPES], mode: 'window' as const, showUndated: true,
      start: dayFromIso('2011-01-01')!, end: dayFromIso('2011-03-31')!,
    };
    const { value: arrays } = run(densePointArraysInSlices(big));
    const { value: matching } = run(textAndTypesMaskInSlices(big, criteria, 4096));
    const mask = shownByDays(arrays.starts, arrays.ends, matching, criteria);
    // Every word must occur: "row" and "1" (Row 1, 10, 21, …).
    const expected = big.map((e) => (e.properties.title.slice(4).includes('1') && e.properties.date_start! <= '2011-03-31' ? 1 : 0));
    expect([...mask]).toEqual(expected);
    expect(mask.reduce((a: number, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
