/** The timeline and filter state classes over the seed-like fixture (no DOM: playback driven by `advance`). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TimelineState } from '../../src/app/state/timeline.svelte';
import { FiltersState, shownCriteria } from '../../src/app/state/filters.svelte';
import { shownEvents } from '../../src/core/eventfilter';
import { dayFromIso, isoFromDay } from '../../src/core/timewindow';
import type { DatelineEvent } from '../../src/core/types';

const fixture = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../fixtures/timewindow/eventfilter/in/seed-like.json'), 'utf8'),
) as { features: DatelineEvent[] };
const events = fixture.features;
const ids = (timeline: TimelineState, filters = new FiltersState()) =>
  shownEvents(events, shownCriteria(filters, timeline)).map((e) => e.properties.id);

describe('TimelineState', () => {
  it('spans the events and starts with the whole range', () => {
    const timeline = new TimelineState(events);
    expect(timeline.windowIso).toEqual({ from: '2014-01-01', to: '2021-04-30' });
    expect(timeline.undatedCount).toBe(1);
    expect(timeline.steps).toEqual({ small: 'week', large: 'year' });
    expect(timeline.isFullRange).toBe(true);
    expect(ids(timeline)).toHaveLength(events.length);
  });

  it('hides nothing by date before it knows the events', () => {
    const timeline = new TimelineState();
    expect(ids(timeline)).toHaveLength(events.length);
  });

  it('keeps a window from the URL set before the events arrive, clamped to their range', () => {
    const timeline = new TimelineState();
    expect(timeline.setWindowIso('2010-05-01', '2019-12-31')).toBe(true);
    expect(timeline.setWindowIso('2019-02-30', '2019-12-31')).toBe(false);
    timeline.setEvents(events);
    expect(timeline.windowIso).toEqual({ from: '2014-01-01', to: '2019-12-31' });
    expect(ids(timeline)).toEqual(['fx-daesh-2014', 'fx-kurdistan-armed-groups']);
    timeline.showUndated = false;
    expect(ids(timeline)).toEqual(['fx-daesh-2014']);
  });

  it('a full window grows with new events; a narrowed one stays', () => {
    const timeline = new TimelineState(events.slice(0, 3));
    expect(timeline.windowIso.from).toBe('2019-12-30'); // weekly bins: the domain starts on a Monday
    timeline.setEvents(events);
    expect(timeline.windowIso).toEqual({ from: '2014-01-01', to: '2021-04-30' });
    timeline.setWindowIso('2020-01-01', '2020-12-31');
    timeline.setEvents(events.slice(0, 2));
    expect(timeline.windowIso).toEqual({ from: '2020-07-20', to: '2020-12-31' }); // clamped to the new domain
  });

  it('steps handles by calendar units without letting them cross', () => {
    const timeline = new TimelineState(events);
    timeline.stepHandle('end', 'year', -1);
    expect(timeline.windowIso.to).toBe('2020-04-30');
    timeline.setHandle('start', dayFromIso('2021-01-01')!);
    expect(timeline.windowIso.from).toBe('2020-04-30'); // stopped at the end handle
    timeline.stepHandle('end', 'week', -1);
    expect(timeline.windowIso).toEqual({ from: '2020-04-30', to: '2020-04-30' });
    timeline.resetWindow();
    timeline.shiftWindow(100);
    expect(timeline.isFullRange).toBe(true); // a full-width window has nowhere to move
  });

  it('cumulative mode shows everything up to the end handle', () => {
    const timeline = new TimelineState(events);
    timeline.setWindowIso('2020-01-01', '2020-01-04');
    timeline.mode = 'cumulative';
    timeline.showUndated = false;
    expect(isoFromDay(timeline.filter.start)).toBe('2014-01-01');
    expect(ids(timeline)).toEqual(['fx-daesh-2014', 'fx-bgw-airport-2020-01-03']);
  });

  it('plays: narrows a full window to a year, moves it forward, stops at the end', () => {
    const timeline = new TimelineState(events);
    timeline.play();
    timeline.pause(); // no timers in this test: drive playback by hand
    timeline.playing = true;
    expect(timeline.windowIso).toEqual({ from: '2014-01-01', to: '2014-12-31' });
    timeline.advance(5000);
    const moved = timeline.windowIso;
    expect(moved.from > '2014-01-01').toBe(true);
    expect(dayFromIso(moved.to)! - dayFromIso(moved.from)!).toBe(364); // width kept
    timeline.advance(60_000);
    expect(timeline.windowIso.to).toBe('2021-04-30');
    expect(timeline.playing).toBe(false);
  });

  it('plays faster at a higher speed', () => {
    const distance = (speed: number) => {
      const timeline = new TimelineState(events);
      timeline.mode = 'cumulative';
      timeline.speed = speed;
      timeline.play();
      timeline.pause();
      timeline.playing = true;
      const before = timeline.end;
      timeline.advance(2000);
      return timeline.end - before;
    };
    expect(distance(2)).toBeGreaterThan(distance(1) * 1.9);
    expect(distance(1)).toBeGreaterThan(0);
  });
});

describe('FiltersState', () => {
  it('toggles types in taxonomy order and combines with text', () => {
    const timeline = new TimelineState(events);
    const filters = new FiltersState();
    filters.setTypes(['strike', 'meeting']);
    expect(filters.types).toEqual(['meeting', 'strike']);
    filters.toggleType('strike');
    expect(ids(timeline, filters)).toEqual(['fx-tehran-2021-04-12']);
    filters.reset();
    filters.text = 'baghdad';
    // The July 2020 visit matches through its origin, Baghdad.
    expect(ids(timeline, filters)).toEqual([
      'fx-bgw-airport-2020-01-03',
      'fx-baghdad-vote-2020-01-05',
      'fx-tehran-2020-07-21',
    ]);
  });
});
