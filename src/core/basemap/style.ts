/**
 * The basemap styles, generated from TypeScript rather than hand-edited JSON. The offline style draws
 * Natural Earth land, water, borders and country names with no request leaving the app's origin: data
 * is GeoJSON, inline or files of the app's own (the build makes them, src/cli/basemap-assets.ts), and,
 * because the style has no `glyphs`, MapLibre draws labels with local fonts.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { WorldLayers } from './world';
import { DATA_SOURCES } from './attribution';

/** A GeoJSON source's data: the GeoJSON itself, or the URL of a file on the app's own origin. */
export type BasemapData = GeoJSONSourceSpecification['data'];

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
  /** Land, borders and label points (see `worldLayers`), as GeoJSON or URLs. */
  world: Record<keyof Pick<WorldLayers, 'land' | 'borders' | 'labels'>, BasemapData>;
  /** First-level administrative lines (e.g. Iraqi governorates), drawn faintly when present. */
  adminLines?: BasemapData | null;
  adminAttribution?: string;
}

/**
 * Builds the offline basemap style.
 *
 * @param options - the world layers (see `worldLayers`, or the URLs of the build's files) and optional admin lines
 * @returns a complete MapLibre style with no `glyphs` and no remote URL
 * @example
 * new Map({ container, style: offlineBasemapStyle({ world: worldLayers(topology) }) });
 * new Map({ container, style: offlineBasemapStyle({ world: { land: landUrl, borders: bordersUrl, labels: labelsUrl } }) });
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
    const admin = adminLineLayers(adminLines, options.adminAttribution);
    style.sources[ADMIN_SOURCE] = admin.source;
    style.layers.push(...admin.layers);
  }
  style.layers.push(countryLabelLayer());
  return style;
}

const ADMIN_SOURCE = 'admin-lines';

/**
 * The first-level administrative lines and their names: a source and two layers that go below the
 * country labels (`BASEMAP_LABEL_LAYER`), in the style or added to a map later.
 * @example
 * const admin = adminLineLayers(adminUrl);
 * map.addSource(admin.id, admin.source);
 * for (const layer of admin.layers) map.addLayer(layer, BASEMAP_LABEL_LAYER);
 */
export function adminLineLayers(data: BasemapData, attribution?: string): { id: string; source: GeoJSONSourceSpecification; layers: LayerSpecification[] } {
  return {
    id: ADMIN_SOURCE,
    source: { type: 'geojson', data, attribution },
    layers: [
      {
        id: 'admin-lines',
        type: 'line',
        source: ADMIN_SOURCE,
        minzoom: 4,
        paint: { 'line-color': BASEMAP_COLORS.adminLine, 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: 'admin-labels',
        type: 'symbol',
        source: ADMIN_SOURCE,
        minzoom: 5.5,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONTS,
          'text-size': 11,
          'text-max-width': 6,
        },
        paint: { 'text-color': '#7a6f63', 'text-halo-color': BASEMAP_COLORS.labelHalo, 'text-halo-width': 1.2 },
      },
    ],
  };
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
