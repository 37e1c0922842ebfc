/**
 * The basemap styles, generated from TypeScript rather than hand-edited JSON. The offline style draws
 * Natural Earth land, water, borders and country names with no request leaving the app's origin: data
 * is inlined as GeoJSON and, because the style has no `glyphs`, MapLibre draws labels with local fonts.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { WorldLayers } from './world';
import { DATA_SOURCES } from './attribution';

/** Colours of the offline basemap: muted so the event colours (taxonomy) stay the loudest thing. */
export const BASEMAP_COLORS = {
  water: '#d4e4ee',
  land: '#f7f5f0',
  border: '#8c8c8c',
  adminLine: '#b9aea0',
  label: '#4a4a4a',
  labelHalo: '#ffffff',
} as const;

/** Local font stack for labels, resolved by the browser like a CSS font-family list. */
export const LABEL_FONTS = ['Noto Sans', 'DejaVu Sans', 'Liberation Sans', 'Arial', 'sans-serif'];

/** The id of the first label layer: event layers go below it or on top, never under the land. */
export const BASEMAP_LABEL_LAYER = 'country-labels';

export interface OfflineBasemapOptions {
  world: WorldLayers;
  /** First-level administrative lines (e.g. Iraqi governorates), drawn faintly when present. */
  adminLines?: FeatureCollection | null;
  adminAttribution?: string;
}

/**
 * Builds the offline basemap style.
 *
 * @param options - the world layers (see `worldLayers`) and optional admin lines
 * @returns a complete MapLibre style with no `glyphs` and no remote URL
 * @example
 * new Map({ container, style: offlineBasemapStyle({ world: worldLayers(topology) }) });
 */
export function offlineBasemapStyle(options: OfflineBasemapOptions): StyleSpecification {
  const { world, adminLines } = options;
  const style: StyleSpecification = {
    version: 8,
    name: 'Dateline offline',
    sources: {
      land: { type: 'geojson', data: world.land, attribution: DATA_SOURCES.naturalEarth },
      borders: { type: 'geojson', data: world.borders },
      'country-labels': { type: 'geojson', data: world.labels },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': BASEMAP_COLORS.water } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': BASEMAP_COLORS.land } },
      {
        id: 'coastline',
        type: 'line',
        source: 'land',
        paint: { 'line-color': '#a9c3d3', 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 1.2] },
      },
      {
        id: 'country-borders',
        type: 'line',
        source: 'borders',
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': BASEMAP_COLORS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.4],
        },
      },
    ],
  };
  if (adminLines) {
    style.sources['admin-lines'] = { type: 'geojson', data: adminLines, attribution: options.adminAttribution };
    style.layers.push({
      id: 'admin-lines',
      type: 'line',
      source: 'admin-lines',
      minzoom: 4,
      paint: { 'line-color': BASEMAP_COLORS.adminLine, 'line-width': 0.8, 'line-dasharray': [3, 2] },
    });
    style.layers.push({
      id: 'admin-labels',
      type: 'symbol',
      source: 'admin-lines',
      minzoom: 5.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONTS,
        'text-size': 11,
        'text-max-width': 6,
      },
      paint: { 'text-color': '#7a6f63', 'text-halo-color': BASEMAP_COLORS.labelHalo, 'text-halo-width': 1.2 },
    });
  }
  style.layers.push(countryLabelLayer());
  return style;
}

function countryLabelLayer(): LayerSpecification {
  return {
    id: BASEMAP_LABEL_LAYER,
    type: 'symbol',
    source: 'country-labels',
    // Small countries only appear once there is room for them.
    filter: ['>=', ['get', 'area_km2'], ['interpolate', ['linear'], ['zoom'], 1, 2_000_000, 3, 250_000, 5, 20_000, 7, 0]],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': LABEL_FONTS,
      'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 6, 14],
      'text-max-width': 7,
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.08,
      'symbol-sort-key': ['-', ['get', 'area_km2']],
    },
    paint: {
      'text-color': BASEMAP_COLORS.label,
      'text-halo-color': BASEMAP_COLORS.labelHalo,
      'text-halo-width': 1.4,
    },
  };
}

/**
 * The optional online basemap: OpenStreetMap's standard raster tiles. Only used when a deployment asks
 * for it (`?basemap=osm`); it sends requests to tile.openstreetmap.org.
 */
export function osmBasemapStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'OpenStreetMap',
    sources: {
      osm: {
        type: 'raster',
        tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        tileSize: 256,
        maxzoom: 19,
        attribution: DATA_SOURCES.openStreetMap,
      },
    },
    layers: [{ id: 'osm', type: 'raster', source: 'osm' }],
  };
}
