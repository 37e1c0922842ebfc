/**
 * Cold-load benchmark (issue 12, finding 15): the production build (`npm run build`, or
 * DATELINE_BENCH_DIST) against a bare MapLibre page drawing the same offline Natural Earth basemap
 * (src/bench/bare/, built here with the app's MapLibre chunk), in the same run, alternating, each load in
 * a fresh browser context (empty HTTP cache, new renderer).
 *
 * - App: from navigation start to the first `idle` of the map at which the seed events are drawn
 *   (rendered features on the `events-` layers), recorded in the page.
 * - Bare page: from navigation start to its map's first `idle`, with the app's camera (read from a first,
 *   untimed app load) on a viewport the size of the app's map.
 *
 * Figures: the medians and their ratio (target ≤ 1.2), and the median of each back-to-back pair's ratio. Also the first view's JavaScript: the scripts the
 * app requests until then, gzipped, split into MapLibre's chunk and the rest (budget ≤ 60 KB, tested by
 * tests/e2e/first-view-size.spec.ts), and the workers it starts.
 *
 * Run: `npm run build && DATELINE_BENCH_BROWSER=1 npx tsx src/bench/load.ts` (or via run.ts).
 * DATELINE_BENCH_LOADS sets the number of loads of each page (default 7).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Browser, Page } from '@playwright/test';
import { benchCompositing, launchBenchChromium, servePreview } from './browser';
import { BASEMAP_DIR, offlineBasemapFiles } from '../cli/basemap-assets';
import { median } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Ports of this benchmark's two preview servers: the app and the bare page. */
const APP_PORT = Number(process.env.DATELINE_BENCH_LOAD_PORT ?? 4175);
const BARE_PORT = APP_PORT + 1;
const LOADS = Number(process.env.DATELINE_BENCH_LOADS ?? 7);
const VIEWPORT = { width: 1280, height: 800 };
const APP_DRAWN = 'bench:app-events-drawn';
const BARE_IDLE = 'bench:bare-idle';

/** Builds the bare page into a temporary folder, with the app's basemap files and MapLibre chunking; returns the folder. */
export async function buildBarePage(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'dateline-bare-'));
  await build({
    configFile: false,
    root: path.join(here, 'bare'),
    base: './',
    logLevel: 'silent',
    plugins: [offlineBasemapFiles()],
    resolve: { alias: [{ find: /^\$basemap\//, replacement: `${BASEMAP_DIR}/` }] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] } } },
    },
  });
  return outDir;
}

/**
 * In the app: marks APP_DRAWN at the map's first `idle` with event features drawn. The app exposes the
 * map as `window.__map` once its style has loaded (tests/e2e/README.md); this catches that assignment.
 */
function markEventsDrawn(mark: string) {
  let current: unknown;
  Object.defineProperty(window, '__map', {
    configurable: true,
    get: () => current,
    set(map: import('maplibre-gl').Map) {
      current = map;
      const check = () => {
        const layers = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('events-'));
        if (layers.length && map.queryRenderedFeatures({ layers }).length > 0) {
          performance.mark(mark);
          map.off('idle', check);
        }
      };
      map.on('idle', check);
    },
  });
}

interface Load {
  ms: number;
  scripts: { url: string; bytes: number; gzip: number }[];
}

async function timedLoad(browser: Browser, url: string, mark: string, viewport: { width: number; height: number }, setup?: (page: Page) => Promise<void>): Promise<Load & { page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  await setup?.(page);
  const scripts: Load['scripts'] = [];
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script') return;
    const body = await response.body().catch(() => null);
    if (body) scripts.push({ url: response.url(), bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
  });
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 120_000, polling: 50 });
  const ms = await page.evaluate((name) => performance.getEntriesByName(name)[0].startTime, mark);
  return { ms, scripts: [...scripts], page, close: () => context.close() };
}

export async function benchLoad(): Promise<Record<string, string | number>> {
  const bareDir = await buildBarePage();
  const app = await servePreview(APP_PORT, process.env.DATELINE_BENCH_DIST);
  const bare = await servePreview(BARE_PORT, bareDir);
  const browser = await launchBenchChromium();
  try {
    const appUrl = `${app.origin}/`;
    const setupApp = async (page: Page) => void (await page.addInitScript(markEventsDrawn, APP_DRAWN));
    // An untimed first load: the app's camera and map size for the bare page, and the scripts it loads.
    const first = await timedLoad(browser, appUrl, APP_DRAWN, VIEWPORT, setupApp);
    const { camera, size, workers } = await first.page.evaluate(() => {
      const map = window.__map!;
      const c = map.getCenter();
      const canvas = map.getContainer();
      return {
        camera: `${map.getZoom()}/${c.lat}/${c.lng}`,
        size: { width: canvas.clientWidth, height: canvas.clientHeight },
        workers: performance.getEntriesByType('resource').filter((e) => /worker/.test(e.name)).map((e) => e.name),
      };
    });
    const firstScripts = first.scripts;
    await first.close();
    const bareUrl = `${bare.origin}/?map=${camera}`;

    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      // Alternating, and which goes first alternates too.
      const order = i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
      for (const which of order) {
        const load = which === 'app' ? await timedLoad(browser, appUrl, APP_DRAWN, VIEWPORT, setupApp) : await timedLoad(browser, bareUrl, BARE_IDLE, size);
        (which === 'app' ? appTimes : bareTimes).push(load.ms);
        await load.close();
      }
    }
    const appMs = median(appTimes);
    const bareMs = median(bareTimes);
    const isMapLibre = (url: string) => /\/assets\/maplibre-[^/]*\.js$/.test(url);
    const isWorker = (url: string) => workers.includes(url) || /worker/.test(url);
    const sum = (list: typeof firstScripts, key: 'bytes' | 'gzip') => list.reduce((total, s) => total + s[key], 0);
    const kb = (bytes: number) => +(bytes / 1024).toFixed(1);
    const pageScripts = firstScripts.filter((s) => !isWorker(s.url));
    const own = pageScripts.filter((s) => !isMapLibre(s.url));
    return {
      'load: compositing (DATELINE_BENCH_COMPOSITING)': benchCompositing(),
      'load: loads of each page, alternating, fresh context': LOADS,
      'load: app to first idle map with the events drawn, median (ms)': Math.round(appMs),
      'load: app, all loads (ms)': appTimes.map(Math.round).join(' '),
      'load: bare MapLibre page, same basemap, first idle, median (ms)': Math.round(bareMs),
      'load: bare page, all loads (ms)': bareTimes.map(Math.round).join(' '),
      'load: app / bare page, ratio of the medians (target ≤ 1.2)': +(appMs / bareMs).toFixed(2),
      // Each pair loaded back to back, so a busy moment of the machine weighs on both of its loads.
      'load: app / bare page, median of the pairs\' ratios': +median(appTimes.map((t, i) => t / bareTimes[i])).toFixed(2),
      'first view JS beyond maplibre-gl: scripts': own.length,
      'first view JS beyond maplibre-gl (KB gzipped, budget ≤ 60)': kb(sum(own, 'gzip')),
      'first view JS beyond maplibre-gl (KB raw)': kb(sum(own, 'bytes')),
      'first view JS: maplibre-gl chunk (KB gzipped)': kb(sum(pageScripts.filter((s) => isMapLibre(s.url)), 'gzip')),
      'first view JS: workers started (KB gzipped)': `${kb(sum(firstScripts.filter((s) => isWorker(s.url)), 'gzip'))} (${firstScripts.filter((s) => isWorker(s.url)).map((s) => s.url.replace(/.*\//, '')).join(', ')})`,
    };
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
    rmSync(bareDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await benchLoad());
}
