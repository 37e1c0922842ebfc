/**
 * Issue 11, item 7: "Fit the slider to this layer" rescales the slider, not only its window — the
 * histogram's bars cover the layer's dates instead of squeezing them into a bar or two of the whole range.
 */
import { describe, expect, it } from 'vitest';
import { TimelineState } from '../../src/app/state/timeline.svelte';
import { fitSliderToEvents } from '../../src/app/io/layer-view';
import { dayFromIso, isoFromDay } from '../../src/core/timewindow';
import type { DatelineEvent } from '../../src/core/types';

const event = (id: string, start: string, end = start, layer = 'events') =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [44, 33] }, properties: { id, date_start: start, date_end: end, layer } }) as unknown as DatelineEvent;

/** Shipped events over three decades, a year-long campaign reaching into the layer's months, and an imported layer of three months. */
const shipped = [event('a', '1990-03-01'), event('b', '2016-07-04'), event('c', '2021-12-30'), event('campaign', '2019-01-01', '2019-12-31')];
const layer = ['2019-04-14', '2019-04-20', '2019-05-03', '2019-05-28', '2019-06-20'].map((d, i) => event(`l${i}`, d, d, 'imported:l.csv'));

const barsWithEvents = (timeline: TimelineState) => timeline.histogram!.bins.filter((b) => b.count > 0);

describe('fit the slider to a layer', () => {
  it('zooms the histogram in to the layer: its bars cover the fitted window, one per week or finer', () => {
    const timeline = new TimelineState([...shipped, ...layer]);
    const barsOverLayer = () => timeline.histogram!.bins.filter((b) => b.end >= dayFromIso('2019-04-14')! && b.start <= dayFromIso('2019-06-20')!);
    expect(barsOverLayer()).toHaveLength(1); // the whole range: the layer's three months are one bar
    expect(fitSliderToEvents(timeline, layer)).toBe(true);
    expect(timeline.windowIso).toEqual({ from: '2019-04-14', to: '2019-06-20' });
    const hist = timeline.histogram!;
    // Before: the whole range's domain (1990–2021) and year bins; the layer stayed in one bar.
    expect([isoFromDay(hist.domain.start), isoFromDay(hist.domain.end)]).toEqual(['2019-04-14', '2019-06-20']);
    expect(['day', 'week']).toContain(hist.step.unit);
    expect(hist.bins.every((b) => b.start >= dayFromIso('2019-04-14')! && b.end <= dayFromIso('2019-06-20')!)).toBe(true);
    // Each of the layer's days in a bar of its own; the campaign, which reaches beyond, in every bar, never as precise.
    expect(barsOverLayer().length).toBeGreaterThanOrEqual(10);
    expect(barsWithEvents(timeline).filter((b) => b.precise > 0)).toHaveLength(5);
    expect(hist.bins.every((b) => b.count === b.precise + 1)).toBe(true);
    expect(timeline.domain).toEqual(hist.domain);
    expect(timeline.isFullRange).toBe(false); // "All dates" is offered
  });

  it('keeps the zoom when the events change, and "All dates" widens the slider again', () => {
    const timeline = new TimelineState([...shipped, ...layer]);
    fitSliderToEvents(timeline, layer);
    timeline.setEvents([...shipped, ...layer, event('late', '2023-01-01')]);
    expect(isoFromDay(timeline.domain!.start)).toBe('2019-04-14');
    expect(timeline.windowIso).toEqual({ from: '2019-04-14', to: '2019-06-20' });
    timeline.resetWindow();
    expect(timeline.zoom).toBeNull();
    expect(timeline.windowIso.from <= '1990-03-01' && timeline.windowIso.to >= '2023-01-01').toBe(true);
    expect(timeline.isFullRange).toBe(true);
  });

  it('drops the zoom when nothing is left in it (the layer was removed)', () => {
    const timeline = new TimelineState([...shipped, ...layer]);
    fitSliderToEvents(timeline, layer);
    timeline.setEvents(shipped.filter((e) => e.properties.id !== 'campaign'));
    expect(timeline.zoom).toBeNull();
    expect(timeline.windowIso.from <= '1990-03-01' && timeline.windowIso.to >= '2021-12-30').toBe(true);
  });
});
