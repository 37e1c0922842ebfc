import { describe, expect, it } from 'vitest';
import { eventPropertiesProblem } from '../../src/core/eventcheck';

const good = {
  id: 'a', type: 'meeting', title: 'A meeting', date_start: '2021-04-12', date_end: '2021-04-12', time_precision: 'day',
  place_precision: 'city', lon: 51.389, lat: 35.6892, sources: [{ outlet: 'X' }],
};

describe('eventPropertiesProblem: one contract for loaded and imported events', () => {
  it('accepts a well-formed event, and an undated one', () => {
    expect(eventPropertiesProblem(good)).toBeNull();
    expect(eventPropertiesProblem({ ...good, date_start: null, date_end: null, time_precision: null })).toBeNull();
  });

  it.each([
    [{ id: '' }, 'no id'],
    [{ type: 'parade' }, 'unknown event type "parade"'],
    [{ title: 3 }, 'no title'],
    [{ date_start: '2021-13-01' }, 'date_start "2021-13-01" is not a date (YYYY-MM-DD)'],
    [{ date_end: '2021-02-30' }, 'date_end "2021-02-30" is not a date (YYYY-MM-DD)'],
    [{ date_start: '2021-04-12T10:00' }, 'date_start "2021-04-12T10:00" is not a date (YYYY-MM-DD)'],
    [{ time_precision: 'week' }, 'time_precision "week" is not day, month or year'],
    [{ place_precision: 'street' }, 'place_precision "street" is not site, city, region or country'],
    [{ lat: 95 }, 'lon/lat missing or out of range'],
    [{ origin: { lon: 200, lat: 0 } }, 'origin lon/lat out of range'],
    [{ sources: 'X' }, 'sources is not a list'],
    [{ sources: ['X'] }, 'a source is not an object'],
  ])('%o → %s', (change, problem) => {
    expect(eventPropertiesProblem({ ...good, ...change })).toBe(problem);
  });

  it('lets an import take the point from the geometry when lon/lat are absent, not when they are wrong', () => {
    const { lon: _lon, lat: _lat, ...withoutPoint } = good;
    expect(eventPropertiesProblem(withoutPoint)).toBe('lon/lat missing or out of range');
    expect(eventPropertiesProblem(withoutPoint, { lonLat: 'optional' })).toBeNull();
    expect(eventPropertiesProblem({ ...good, lon: 'x' }, { lonLat: 'optional' })).toBe('lon/lat missing or out of range');
  });
});
