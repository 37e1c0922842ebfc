/**
 * The offline basemap as static files of the build (issue 12, finding 15): Natural Earth's world from
 * `world-atlas` is turned into the basemap's GeoJSON layers (land, borders, country labels; see
 * src/core/basemap/world.ts) once, in Node, instead of in every visitor's browser. MapLibre's worker
 * fetches and parses them off the page's main thread; the app imports their URLs as
 * `$basemap/<name>?url` (the alias in vite.config.ts points at BASEMAP_DIR) and Vite emits them with
 * hashed names. Country outlines for country-level events go as a TopoJSON keyed by ISO alpha-2, from
 * which the page converts only the countries its events name (src/app/map/country-shapes.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import { worldLayers } from '../core/basemap/world';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** Where the generated files are kept between builds. */
export const BASEMAP_DIR = path.join(ROOT, 'node_modules/.cache/dateline/basemap');
/** The files in BASEMAP_DIR. */
export const BASEMAP_FILES = ['land.geojson', 'borders.geojson', 'labels.geojson', 'countries.topo.json'] as const;

/** Decimals kept in the GeoJSON coordinates: 1e-5° is about a metre, far below a pixel at the map's maxZoom 12. */
const DECIMALS = 5;

/** What the files are made from: the data package, the conversion and this file. */
function inputsDigest(topologyFile: string): string {
  const hash = createHash('sha256');
  for (const file of [topologyFile, path.join(ROOT, 'src/core/basemap/world.ts'), fileURLToPath(import.meta.url)]) {
    hash.update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function rounded(value: unknown): string {
  const factor = 10 ** DECIMALS;
  return JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * factor) / factor : v));
}

/**
 * Writes the basemap files when they are missing or their inputs changed (about a second).
 * @returns BASEMAP_DIR
 * @example ensureBasemapFiles() // '/…/node_modules/.cache/dateline/basemap'
 */
export function ensureBasemapFiles(): string {
  const topologyFile = require.resolve('world-atlas/countries-50m.json');
  const stamp = path.join(BASEMAP_DIR, 'inputs.sha256');
  const digest = inputsDigest(topologyFile);
  if (BASEMAP_FILES.every((f) => existsSync(path.join(BASEMAP_DIR, f))) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
    return BASEMAP_DIR;
  }
  mkdirSync(BASEMAP_DIR, { recursive: true });
  const topology = JSON.parse(readFileSync(topologyFile, 'utf8')) as Topology;
  const world = worldLayers(topology);
  const countryObject = topology.objects.countries as GeometryCollection;
  // The same arcs, each country's geometry keyed by its ISO alpha-2 code (none: not drawn as an event).
  const byIso: Topology = {
    ...topology,
    objects: {
      countries: {
        type: 'GeometryCollection',
        geometries: countryObject.geometries.flatMap((g) => {
          const iso2 = g.id === undefined ? undefined : countries.numericToAlpha2(String(g.id));
          return iso2 ? [{ ...g, id: iso2, properties: undefined }] : [];
        }),
      },
    },
  };
  const contents: Record<(typeof BASEMAP_FILES)[number], string> = {
    'land.geojson': rounded(world.land),
    'borders.geojson': rounded({ type: 'FeatureCollection', features: [world.borders] }),
    'labels.geojson': rounded(world.labels),
    'countries.topo.json': JSON.stringify(byIso),
  };
  for (const [name, text] of Object.entries(contents)) {
    const partial = path.join(BASEMAP_DIR, `${name}.${process.pid}.tmp`);
    writeFileSync(partial, text);
    renameSync(partial, path.join(BASEMAP_DIR, name)); // atomic: a parallel build never reads half a file
  }
  writeFileSync(stamp, digest);
  return BASEMAP_DIR;
}

/** The Vite plugin: the basemap files exist before any module asks for their URLs. */
export function offlineBasemapFiles(): Plugin {
  return {
    name: 'dateline-offline-basemap',
    buildStart() {
      if (!process.env.VITEST) ensureBasemapFiles();
    },
  };
}
