import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Polygon } from 'geojson';
import { eventMapData, labelText, MAX_LABEL_CHARS } from '../../src/app/map/event-features';
import { validateEventCollection } from '../../src/app/state/validate';
import type { DatelineEvent } from '../../src/core/types';

const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/app/events.geojson'), 'utf8'));
const iraq: Polygon = { type: 'Polygon', coordinates: [[[39, 29], [48.5, 29], [48.5, 37.4], [39, 37.4], [39, 29]]] };

describe('eventMapData', () => {
  const { events } = validateEventCollection(fixture, 'fixture', 'dateline-events/1');
  const data = eventMapData(events, new Map([['IQ', iraq]]));
  const ids = (c: { features: { properties: { id: string } }[] }) => c.features.map((f) => f.properties.id).sort();

  test('splits events by how precisely they are placed', () => {
    expect(ids(data.points)).toEqual(['fx-baghdad-vote-2020-01-05', 'fx-bgw-airport-2020-01-03', 'fx-tehran-2020-07-21', 'fx-tehran-2021-04-12']);
    expect(ids(data.areas)).toEqual(['fx-kurdistan-armed-groups']);
    expect(ids(data.countries)).toEqual(['fx-daesh-2014']);
    expect(ids(data.arcs)).toEqual(['fx-tehran-2020-07-21']);
  });

  test('one label per place, counting its events, whatever their date or type', () => {
    expect(data.places.features.map((f) => f.properties).sort((a, b) => a.place.localeCompare(b.place))).toEqual([
      { place: 'Baghdad', n: 1 },
      { place: 'Baghdad International Airport', n: 1 },
      { place: 'Tehran', n: 2 },
    ]);
  });

  test('a country-level event takes the country outline, never its point', () => {
    expect(data.countries.features[0].geometry).toEqual(iraq);
  });

  test('a country without an outline falls back to a coarse marker, still flagged as country precision', () => {
    const without = eventMapData(events, new Map());
    const daesh = without.points.features.find((f) => f.properties.id === 'fx-daesh-2014');
    expect(daesh?.properties.place_precision).toBe('country');
  });

  test('map features carry day numbers for the time filter, none for undated events', () => {
    const meeting = data.points.features.find((f) => f.properties.id === 'fx-tehran-2021-04-12')!;
    expect(meeting.properties).toMatchObject({ t0: 18729, t1: 18729, n: 4, type: 'meeting', place: 'Tehran' });
    const daesh = data.countries.features[0].properties;
    expect([daesh.t0, daesh.t1]).toEqual([16071, 16435]);
    expect(data.areas.features[0].properties).not.toHaveProperty('t0');
  });

  test('a travel arc runs from the origin to the event on a great circle', () => {
    const arc = data.arcs.features[0].geometry;
    if (arc.type !== 'LineString') throw new Error('expected one LineString');
    expect(arc.coordinates[0][0]).toBeCloseTo(44.4009, 3);
    expect(arc.coordinates.at(-1)![0]).toBeCloseTo(51.389, 3);
    expect(arc.coordinates.length).toBeGreaterThan(10);
  });
});

describe('labels are cut for drawing (issue 12, finding 5)', () => {
  const { events } = validateEventCollection(fixture, 'fixture', 'dateline-events/1');
  const long = 'X'.repeat(100_000);
  const withPlace = (id: string, place: string) =>
    events.map((e) => (e.properties.id === id ? { ...e, properties: { ...e.properties, place_name: place } } : e));

  test('a 100,000-character place name reaches the map as a short label ending in an ellipsis', () => {
    const data = eventMapData(withPlace('fx-tehran-2021-04-12', long), new Map([['IQ', iraq]]));
    const labels = data.places.features.map((f) => f.properties.place);
    const cut = labels.find((l) => l.startsWith('XXX'))!;
    expect(cut.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
    expect(cut.endsWith('…')).toBe(true);
    const point = data.points.features.find((f) => f.properties.id === 'fx-tehran-2021-04-12')!;
    expect(point.properties.place.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
    // The other Tehran event keeps its own label: the cut name is not merged with it.
    expect(labels).toContain('Tehran');
  });

  test('an area label is cut too; the event itself keeps its full name (popup and list)', () => {
    const changed = withPlace('fx-kurdistan-armed-groups', long);
    const data = eventMapData(changed, new Map([['IQ', iraq]]));
    expect(data.areas.features[0].properties.place.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
    expect(changed.find((e) => e.properties.id === 'fx-kurdistan-armed-groups')!.properties.place_name).toBe(long);
  });

  test('labelText keeps short names, cuts between characters, never inside a surrogate pair or grapheme', () => {
    expect(labelText('Baghdad International Airport')).toBe('Baghdad International Airport');
    expect(labelText('')).toBe('');
    const flags = '🇮🇶'.repeat(200);
    const cutFlags = labelText(flags);
    expect(cutFlags.endsWith('…')).toBe(true);
    expect(cutFlags.slice(0, -1).length % 4).toBe(0);
    const accents = 'e\u0301'.repeat(200);
    expect(labelText(accents).slice(0, -1).endsWith('e\u0301')).toBe(true);
    expect(labelText('a'.repeat(MAX_LABEL_CHARS))).toBe('a'.repeat(MAX_LABEL_CHARS));
    expect(labelText('a'.repeat(MAX_LABEL_CHARS + 1)).length).toBe(MAX_LABEL_CHARS);
  });
});

describe('validateEventCollection', () => {
  const good = fixture.features[0];
  const withProps = (props: Record<string, unknown>) => ({ ...good, properties: { ...good.properties, ...props } });

  test('reports each broken feature with where and why, and keeps the rest', () => {
    const { events, problems } = validateEventCollection(
      {
        type: 'FeatureCollection',
        format: 'dateline-events/9',
        features: [
          good,
          withProps({ id: 'b', type: 'parade' }),
          withProps({ id: 'c', lat: 95 }),
          { ...good, geometry: null },
          good,
          withProps({ id: 'd', place_precision: 'street' }),
          'nonsense',
        ],
      },
      'events.geojson',
      'dateline-events/1',
    );
    expect(events.map((e: DatelineEvent) => e.properties.id)).toEqual([good.properties.id]);
    expect(problems).toEqual([
      'events.geojson: format "dateline-events/9", expected "dateline-events/1"; reading it anyway',
      'events.geojson: feature 2: id "b": unknown event type "parade"; skipped',
      'events.geojson: feature 3: id "c": lon/lat missing or out of range; skipped',
      'events.geojson: feature 4: missing or unsupported geometry; skipped',
      `events.geojson: feature 5: duplicate id "${good.properties.id}"; skipped`,
      'events.geojson: feature 6: id "d": place_precision "street" is not site, city, region or country; skipped',
      'events.geojson: feature 7: not a GeoJSON Feature; skipped',
    ]);
  });

  test('something that is not a FeatureCollection is one clear problem', () => {
    expect(validateEventCollection([1, 2], 'x.json', 'dateline-events/1')).toEqual({
      events: [],
      problems: ['x.json: not a GeoJSON FeatureCollection'],
    });
  });

  test('missing list fields get empty defaults', () => {
    const { events } = validateEventCollection(
      { type: 'FeatureCollection', features: [withProps({ actors: undefined, sources: undefined, conflicts: undefined })] },
      'x',
      'dateline-events/1',
    );
    expect(events[0].properties).toMatchObject({ actors: [], sources: [], conflicts: [] });
  });
});

describe('layersMapDataInSlices with a large layer', () => {
  test('clusters its points but still draws its areas, countries and travel arcs', async () => {
    const { layersMapDataInSlices, DENSE_LAYER_EVENTS } = await import('../../src/app/map/event-features');
    const { runToEnd } = await import('../../src/core/slicing');
    const { events } = validateEventCollection(fixture, 'fixture', 'dateline-events/1');
    const points = events.filter((e) => e.geometry.type === 'Point' && e.properties.place_precision !== 'country' && !e.properties.origin);
    const large: DatelineEvent[] = [...events];
    for (let i = 0; large.length < DENSE_LAYER_EVENTS; i++) {
      const base = points[i % points.length];
      large.push({ ...base, properties: { ...base.properties, id: `copy-${i}` } });
    }
    const data = runToEnd(layersMapDataInSlices([large], new Map([['IQ', iraq]])));
    const ids = (c: { features: { properties: { id: string } }[] }) => c.features.map((f) => f.properties.id).sort();
    expect(ids(data.points)).toEqual([]);
    expect(data.places.features).toEqual([]);
    expect(ids(data.areas)).toEqual(['fx-kurdistan-armed-groups']);
    expect(ids(data.countries)).toEqual(['fx-daesh-2014']);
    // The travelling event is a clustered point and keeps its arc, with the feature properties filters need.
    expect(ids(data.arcs)).toEqual(['fx-tehran-2020-07-21']);
    expect(data.arcs.features[0].properties.t0).toBeTypeOf('number');
    expect(data.dense).toHaveLength(1);
    expect(data.dense[0].events.length).toBe(large.length - 2);
    expect(data.dense[0].events.some((e) => e.properties.id === 'fx-tehran-2020-07-21')).toBe(true);
  });
});
