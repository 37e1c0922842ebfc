import { describe, expect, test } from 'vitest';
import { parseUrlState, serializeUrlState, isIsoDate } from '../../src/core/urlstate';

describe('parseUrlState', () => {
  test('reads every parameter of a full link', () => {
    const { state, problems } = parseUrlState(
      '?v=1&map=5.5/33.34/44.4&from=2020-01-01&to=2021-12-31&mode=cumulative&undated=0&layers=meeting,strike&q=Shamkhani+Tehran&event=ev-7&basemap=osm',
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({
      view: { center: [44.4, 33.34], zoom: 5.5 },
      window: { from: '2020-01-01', to: '2021-12-31' },
      mode: 'cumulative',
      undated: false,
      layers: ['meeting', 'strike'],
      query: 'Shamkhani Tehran',
      event: 'ev-7',
      basemap: 'osm',
    });
  });

  test('an empty query is an empty state', () => {
    expect(parseUrlState('')).toEqual({ state: {}, problems: [] });
  });

  test('reports bad parameters and still applies the good ones', () => {
    const { state, problems } = parseUrlState('?map=99/1/2&from=2020-02-30&to=2021-01-01&layers=meeting,parade&event=ev-1');
    expect(state).toEqual({ layers: ['meeting'], event: 'ev-1' });
    expect(problems.map((p) => p.param)).toEqual(['map', 'from', 'layers']);
    expect(problems[2]).toMatchObject({ value: 'parade' });
  });

  test('a window that ends before it starts is reported, not swapped', () => {
    const { state, problems } = parseUrlState('?from=2021-01-01&to=2020-01-01');
    expect(state.window).toBeUndefined();
    expect(problems[0].message).toMatch(/starts after it ends/);
  });

  test('half a window is reported', () => {
    expect(parseUrlState('?from=2021-01-01').problems[0]).toMatchObject({ param: 'to' });
  });

  test('a newer version is reported but the link still applies', () => {
    const { state, problems } = parseUrlState('?v=9&event=ev-1');
    expect(state.event).toBe('ev-1');
    expect(problems[0].message).toMatch(/newer/);
  });

  test('markup in parameters is rejected as an id and kept as plain text in q', () => {
    const { state, problems } = parseUrlState('?event=%3Cimg%20src%3Dx%3E&q=%3Cb%3E');
    expect(state.event).toBeUndefined();
    expect(problems[0].param).toBe('event');
    expect(state.query).toBe('<b>');
  });

  test('a malformed percent escape does not throw', () => {
    expect(() => parseUrlState('?q=100%&map=%E0%A4%A')).not.toThrow();
  });
});

describe('serializeUrlState', () => {
  test('round-trips through parseUrlState', () => {
    const state = {
      view: { center: [44.4, 33.34] as [number, number], zoom: 6.25 },
      window: { from: '2020-01-01', to: '2020-12-31' },
      mode: 'cumulative' as const,
      undated: false,
      layers: ['visit' as const],
      query: 'a&b=c',
      event: 'ev-1',
    };
    const text = serializeUrlState(state);
    expect(parseUrlState(text)).toEqual({ state, problems: [] });
  });

  test('keeps parameters owned by others and drops defaults', () => {
    expect(serializeUrlState({ mode: 'window', undated: true, basemap: 'offline', event: 'x' }, '?embed=1&event=old')).toBe(
      '?embed=1&v=1&event=x',
    );
  });

  test('rounds coordinates to what the zoom can show', () => {
    expect(serializeUrlState({ view: { center: [44.400912345, 33.340612345], zoom: 2 } })).toBe('?v=1&map=2.00/33.34/44.40');
    expect(serializeUrlState({ view: { center: [44.400912345, 33.340612345], zoom: 14 } })).toBe(
      '?v=1&map=14.00/33.34061/44.40091',
    );
  });
});

test('isIsoDate accepts only real calendar dates', () => {
  expect(isIsoDate('2020-02-29')).toBe(true);
  expect(isIsoDate('2021-02-29')).toBe(false);
  expect(isIsoDate('2021-4-1')).toBe(false);
});
