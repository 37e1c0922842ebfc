/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { BROWSER_GAZETTEER_FILE, browserGazetteer } from './src/cli/browser-gazetteer-asset';
import { BASEMAP_DIR, offlineBasemapFiles } from './src/cli/basemap-assets';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The events file the app loads. Always the generated `data/events.geojson`; DATELINE_EVENTS may point
 * at another file in the same format (e.g. a test fixture while the pipeline output is being regenerated).
 */
const eventsFile = path.resolve(root, process.env.DATELINE_EVENTS ?? 'data/events.geojson');

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path on any static host.
  base: './',
  // browserGazetteer: the compact gazetteer for "Add articles", a lazily fetched asset (src/app/add).
  // offlineBasemapFiles: the basemap's GeoJSON made at build time, imported as `$basemap/<file>?url`.
  plugins: [svelte(), browserGazetteer(), offlineBasemapFiles()],
  resolve: {
    alias: [
      { find: /^\$events(?=\?|$)/, replacement: eventsFile },
      { find: /^\$gazetteer(?=\?|$)/, replacement: BROWSER_GAZETTEER_FILE },
      { find: /^\$basemap\//, replacement: `${BASEMAP_DIR}/` },
    ],
  },
  build: {
    target: 'es2022',
    // MapLibre alone is ~1 MB minified; it is split into its own chunk, the warning would only be noise.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // MapLibre alone in its chunk; everything else the first view imports statically ('$initial') in
        // one chunk, not split into pieces shared with the lazily loaded dialogs (each piece is another
        // request and compresses worse). Budget: tests/e2e/first-view-size.spec.ts.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/, priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  // Unit tests only; the browser tests in tests/e2e are Playwright's.
  test: { include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'], exclude: ['tests/e2e/**', 'node_modules/**'] },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
