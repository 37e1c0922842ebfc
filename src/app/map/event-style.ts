/**
 * How events look on the map: colour by type (taxonomy), size by number of sources, and a marker shape
 * per place precision — documented to the reader by the legend (Legend.svelte uses the same constants).
 *
 * | precision | drawn as                                                            |
 * | --------- | ------------------------------------------------------------------- |
 * | site      | a ring with a centre dot: an exact spot such as an airport          |
 * | city      | a filled circle                                                     |
 * | region    | the region's polygon, or a wide translucent disc when only a point   |
 * | country   | the whole country, hatched                                          |
 * | travel    | a dashed great-circle arc from the origin                           |
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { EVENT_TYPES, EVENT_TYPE_INFO } from '../../core/taxonomy';
import { LABEL_FONTS } from '../../core/basemap/style';
import { DENSE_TILE_LAYER } from './dense-messages';

type Layer = Exclude<LayerSpecification, { type: 'background' }>;

/** Source ids of the event collections (see event-features.ts). */
export const EVENT_SOURCES = {
  points: 'events-points',
  areas: 'events-areas',
  countries: 'events-countries',
  arcs: 'events-arcs',
  places: 'events-places',
} as const;

/** Layers that respond to clicks, topmost first (a city dot wins over the country around it). */
export const CLICKABLE_LAYERS = [
  'events-site',
  'events-city',
  'events-region-point',
  'events-area-fill',
  'events-country-fill',
  'events-arcs',
] as const;

const SELECTED_COLOR = '#111111';

/** Colour of an event type, as a MapLibre expression over the `type` property. */
const typeColor: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...EVENT_TYPES.flatMap((type) => [type, EVENT_TYPE_INFO[type].color]),
  '#6b6b6b',
] as unknown as ExpressionSpecification;

/** Marker radius grows with the number of sources: one report → 6 px, four → 10 px, ten → 14 px. */
const sourceRadius: ExpressionSpecification = ['interpolate', ['linear'], ['get', 'n'], 1, 6, 4, 10, 10, 14];

/**
 * Draw order of markers at the same place: the most-reported on top, then the latest. The click
 * handler ranks hits the same way, so a click opens what is seen on top.
 */
export const pointSortKey: ExpressionSpecification = ['+', ['*', ['get', 'n'], 100000], ['coalesce', ['get', 't0'], 0]];

/** Source counts shown in the legend's size key. */
export const LEGEND_SOURCE_COUNTS = [1, 4, 10];

/** The radius `sourceRadius` gives for `n` sources (for the legend). */
export function radiusForSources(n: number): number {
  if (n <= 1) return 6;
  if (n <= 4) return 6 + ((n - 1) * 4) / 3;
  if (n <= 10) return 10 + ((n - 4) * 4) / 6;
  return 14;
}

/** A layer's own filter combined with the shown-events filter (either may be absent). */
function withFilter(own: FilterSpecification | null, shown: FilterSpecification | null): { filter?: FilterSpecification } {
  if (own && shown) return { filter: ['all', own, shown] as FilterSpecification };
  const filter = own ?? shown;
  return filter ? { filter } : {};
}

const isPrecision = (p: string): ExpressionSpecification => ['==', ['get', 'place_precision'], p];

/**
 * A constant written as a per-feature value. MapLibre compiles a shader program for each mix of
 * per-feature and constant paint properties, the first time a layer of that mix is drawn (0.1–0.3 s
 * each on software GL, in the first picture); with their constants written this way the four marker
 * layers share one program.
 */
const perEvent = (value: string | number): ExpressionSpecification => ['coalesce', ['get', 'no-such-property'], value] as unknown as ExpressionSpecification;

const NO_SOURCES: ReadonlySet<string> = new Set();

/**
 * All event layers, bottom to top.
 * @param shown the filter of what is currently shown (time window, types, text) or null for everything
 * @param emptySources sources holding no feature: their layers keep only their own filter, so a slider
 *   step sends them nothing (a large import's events are all clustered, its event sources empty)
 */
export function eventLayers(shown: FilterSpecification | null, emptySources: ReadonlySet<string> = NO_SOURCES): Layer[] {
  const shownIn = (source: string) => (emptySources.has(source) ? null : shown);
  return [
    {
      id: 'events-country-fill',
      type: 'fill',
      source: EVENT_SOURCES.countries,
      ...withFilter(null, shownIn(EVENT_SOURCES.countries)),
      // No anti-aliased edge (a second program): the country line is drawn over it.
      paint: { 'fill-pattern': ['concat', 'hatch-', ['get', 'type']], 'fill-opacity': 0.85, 'fill-antialias': false },
    },
    {
      id: 'events-country-line',
      type: 'line',
      source: EVENT_SOURCES.countries,
      ...withFilter(null, shownIn(EVENT_SOURCES.countries)),
      paint: { 'line-color': typeColor, 'line-width': 1.5, 'line-opacity': 0.8 },
    },
    {
      id: 'events-area-fill',
      type: 'fill',
      source: EVENT_SOURCES.areas,
      ...withFilter(null, shownIn(EVENT_SOURCES.areas)),
      // No anti-aliased edge (a second program): the area line is drawn over it.
      paint: { 'fill-color': typeColor, 'fill-opacity': 0.22, 'fill-antialias': false },
    },
    {
      id: 'events-area-line',
      type: 'line',
      source: EVENT_SOURCES.areas,
      ...withFilter(null, shownIn(EVENT_SOURCES.areas)),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': typeColor, 'line-width': 2 },
    },
    {
      id: 'events-arcs',
      type: 'line',
      source: EVENT_SOURCES.arcs,
      ...withFilter(null, shownIn(EVENT_SOURCES.arcs)),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': typeColor, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    },
    {
      // Region or unknown-outline country given only as a point: a wide, soft disc.
      id: 'events-region-point',
      type: 'circle',
      source: EVENT_SOURCES.points,
      layout: { 'circle-sort-key': pointSortKey },
      ...withFilter(['any', isPrecision('region'), isPrecision('country')] as FilterSpecification, shownIn(EVENT_SOURCES.points)),
      paint: {
        'circle-radius': ['*', 2.5, sourceRadius],
        'circle-color': typeColor,
        'circle-opacity': 0.2,
        'circle-stroke-color': typeColor,
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.7,
      },
    },
    {
      id: 'events-city',
      type: 'circle',
      source: EVENT_SOURCES.points,
      layout: { 'circle-sort-key': pointSortKey },
      ...withFilter(isPrecision('city'), shownIn(EVENT_SOURCES.points)),
      paint: {
        'circle-radius': sourceRadius,
        'circle-color': typeColor,
        'circle-stroke-color': perEvent('#ffffff'),
        'circle-stroke-width': 1.5,
      },
    },
    {
      // Site precision (an airport, a building): a ring with a dot, so it reads as "exactly here".
      id: 'events-site',
      type: 'circle',
      source: EVENT_SOURCES.points,
      layout: { 'circle-sort-key': pointSortKey },
      ...withFilter(isPrecision('site'), shownIn(EVENT_SOURCES.points)),
      paint: {
        'circle-radius': sourceRadius,
        'circle-color': perEvent('#ffffff'),
        'circle-stroke-color': typeColor,
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'events-site-dot',
      type: 'circle',
      source: EVENT_SOURCES.points,
      layout: { 'circle-sort-key': pointSortKey },
      ...withFilter(isPrecision('site'), shownIn(EVENT_SOURCES.points)),
      paint: { 'circle-radius': perEvent(2.5), 'circle-color': typeColor, 'circle-stroke-color': perEvent('#ffffff') },
    },
    placeLabels('events-area-labels', EVENT_SOURCES.areas, shownIn(EVENT_SOURCES.areas)),
    placeLabels('events-point-labels', EVENT_SOURCES.places, null),
  ];
}

/**
 * Place names: next to the markers (one per place, from the unfiltered places source, so a time step
 * never re-lays out text) and inside areas (few; filtered like the areas).
 */
function placeLabels(id: string, source: string, shown: FilterSpecification | null): Layer {
  const isPoint = source === EVENT_SOURCES.places;
  return {
    id,
    type: 'symbol',
    source,
    ...withFilter(null, shown),
    layout: {
      'text-field': ['get', 'place'],
      'text-font': LABEL_FONTS,
      'text-size': 12,
      'text-max-width': 8,
      ...(isPoint
        ? // One anchor: events at the same place then share a single label instead of one on each side.
          { 'text-anchor': 'left' as const, 'text-offset': [1.1, 0] as [number, number] }
        : {}),
      'symbol-sort-key': ['-', ['get', 'n']],
    },
    paint: { 'text-color': '#222222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  };
}

/** Layer ids of a clustered source (DenseLayer.svelte), from its source id. */
export function denseLayerIds(sourceId: string) {
  return { clusters: `${sourceId}/clusters`, counts: `${sourceId}/counts`, points: `${sourceId}/points`, selected: `${sourceId}/selected` };
}

const isCluster: ExpressionSpecification = ['has', 'point_count'];

/**
 * A large data layer, clustered (see DENSE_LAYER_EVENTS): grey discs sized by how many events they
 * hold, labelled with the count; single events as small dots in their type's colour.
 * @param sourceId the clustered GeoJSON source
 * @param selectedId the selected event's id, or null
 */
export function denseLayers(sourceId: string, selectedId: string | null): Layer[] {
  const ids = denseLayerIds(sourceId);
  return [
    {
      id: ids.clusters,
      type: 'circle',
      source: sourceId,
      'source-layer': DENSE_TILE_LAYER,
      filter: isCluster,
      paint: {
        'circle-radius': ['step', ['get', 'point_count'], 11, 100, 14, 1000, 18, 10000, 23, 100000, 28],
        'circle-color': CLUSTER_COLOR,
        'circle-opacity': 0.85,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: ids.counts,
      type: 'symbol',
      source: sourceId,
      'source-layer': DENSE_TILE_LAYER,
      filter: isCluster,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': LABEL_FONTS,
        'text-size': 11,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: ids.points,
      type: 'circle',
      source: sourceId,
      'source-layer': DENSE_TILE_LAYER,
      filter: ['!', isCluster],
      paint: { 'circle-radius': 5, 'circle-color': typeColor, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
    },
    {
      id: ids.selected,
      type: 'circle',
      source: sourceId,
      'source-layer': DENSE_TILE_LAYER,
      filter: ['all', ['!', isCluster], ['==', ['get', 'id'], selectedId ?? '']],
      paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': SELECTED_COLOR, 'circle-stroke-width': 3 },
    },
  ];
}

/** Clusters are neutral: they mix event types (the dots they split into carry the type colours). */
export const CLUSTER_COLOR = '#3d4852';

/**
 * Outline of the selected event on top of everything (a black halo), in every geometry kind.
 * @param selectedId the selected event's id, or null
 */
export function selectionLayers(selectedId: string | null): Layer[] {
  const isSelected: FilterSpecification = ['==', ['get', 'id'], selectedId ?? ''];
  return [
    {
      id: 'selected-area',
      type: 'line',
      source: EVENT_SOURCES.areas,
      filter: isSelected,
      paint: { 'line-color': SELECTED_COLOR, 'line-width': 3.5 },
    },
    {
      id: 'selected-country',
      type: 'line',
      source: EVENT_SOURCES.countries,
      filter: isSelected,
      paint: { 'line-color': SELECTED_COLOR, 'line-width': 3 },
    },
    {
      id: 'selected-arc',
      type: 'line',
      source: EVENT_SOURCES.arcs,
      filter: isSelected,
      paint: { 'line-color': SELECTED_COLOR, 'line-width': 4, 'line-opacity': 0.5 },
    },
    {
      id: 'selected-point',
      type: 'circle',
      source: EVENT_SOURCES.points,
      layout: { 'circle-sort-key': pointSortKey },
      filter: isSelected,
      paint: {
        'circle-radius': ['+', ['*', ['match', ['get', 'place_precision'], ['region', 'country'], 2.5, 1], sourceRadius], 4],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': SELECTED_COLOR,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/**
 * A diagonal hatch tile in an event type's colour, for `fill-pattern` of country-level events.
 * @param color `#rrggbb`
 * @param size tile size in pixels (the hatch spacing)
 * @returns RGBA pixels for `map.addImage`
 */
export function hatchPattern(color: string, size = 10): { width: number; height: number; data: Uint8Array } {
  const r = parseInt(color.slice(1, 3), 16);
  const g = parseInt(color.slice(3, 5), 16);
  const b = parseInt(color.slice(5, 7), 16);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance to the diagonal x + y ≡ 0 (mod size), wrapping so tiles join seamlessly.
      const d = Math.min((x + y) % size, size - ((x + y) % size));
      const alpha = d <= 1 ? 200 : 28;
      const i = (y * size + x) * 4;
      data.set([r, g, b, alpha], i);
    }
  }
  return { width: size, height: size, data };
}
