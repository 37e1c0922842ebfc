/**
 * The event layers' specs are handed to MapLibre without validation on every slider step (MapLayer.svelte
 * sets filters with `validate: false`), so they are validated here instead: every layer, with and
 * without a shown filter (time window, types, a text search), in a style with the app's sources. A
 * source with no features keeps only its layers' own filters, so a step sends those layers nothing.
 */
import { describe, expect, test } from 'vitest';
import { validateStyleMin, type FilterSpecification, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { shownFilterExpression } from '../../src/core/eventfilter';
import { EVENT_TYPES } from '../../src/core/taxonomy';
import { EVENT_SOURCES, denseLayers, eventLayers, selectionLayers } from '../../src/app/map/event-style';
import { DENSE_TILE_LAYER } from '../../src/app/map/dense-messages';

const events = [{ properties: { id: 'e1', title: 'A meeting in Tehran', place_name: 'Tehran', type: 'meeting', actors: [], sources: [] } }] as never[];
const shown = (text: string) =>
  shownFilterExpression(events, { text, types: [...EVENT_TYPES], start: 16071, end: 18000, mode: 'window', showUndated: true }) as FilterSpecification;

function styleWith(layers: StyleSpecification['layers']): StyleSpecification {
  const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
  return {
    version: 8,
    glyphs: 'http://127.0.0.1/{fontstack}/{range}.pbf',
    sources: {
      ...Object.fromEntries(Object.values(EVENT_SOURCES).map((id) => [id, empty])),
      'events-dense:big': { type: 'vector', tiles: ['dateline-dense://k1/v1/{z}/{x}/{y}'] },
    },
    layers,
  };
}

describe('event layers', () => {
  test.each([
    ['no filter', null],
    ['a time window and types', shown('')],
    ['a text search too', shown('tehran')],
  ])('validate as MapLibre styles with %s', (_, filter) => {
    for (const selected of ['e1', null]) {
      const layers = [...eventLayers(filter), ...selectionLayers(selected), ...denseLayers('events-dense:big', selected)];
      expect(layers.every((l) => !('source-layer' in l) || l['source-layer'] === DENSE_TILE_LAYER)).toBe(true);
      expect(validateStyleMin(styleWith(layers)).map((e) => e.message)).toEqual([]);
    }
  });

  test('layers of an empty source keep only their own filter', () => {
    const filter = shown('');
    const layers = eventLayers(filter, new Set([EVENT_SOURCES.points, EVENT_SOURCES.arcs]));
    const byId = new Map(layers.map((l) => [l.id, l]));
    // Without the shown filter on the empty sources…
    expect(byId.get('events-city')!.filter).toEqual(['==', ['get', 'place_precision'], 'city']);
    expect(byId.get('events-arcs')!.filter).toBeUndefined();
    // …and with it on the others.
    expect(byId.get('events-area-fill')!.filter).toEqual(filter);
    expect(byId.get('events-country-line')!.filter).toEqual(filter);
    expect(validateStyleMin(styleWith(layers))).toEqual([]);
  });
});
