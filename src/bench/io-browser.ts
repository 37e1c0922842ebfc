/**
 * The import benchmark in the browser: the production build (`npm run build`, or DATELINE_BENCH_DIST)
 * served by `vite preview`, Debian's Chromium driven by Playwright, the benchmark file given to the real
 * file chooser. Figures: time to the first rendered frame with imported points, parsing done, import
 * done (layer in list and slider), all loaded (every point in the map's source and drawn), the longest
 * main-thread task and the number over 200 ms (Long Tasks API), split at the end of parsing.
 * DATELINE_BENCH_PROFILE=<file> also writes a CPU profile of the page's main thread, and
 * DATELINE_BENCH_TASKS=<file> the list of long tasks.
 */
import { writeFileSync } from 'node:fs';
import { benchCompositing, openBenchBrowser, waitForAppSettled } from './browser';

/** Port for the benchmark's own preview server (not the e2e tests' 4173); DATELINE_BENCH_PORT overrides. */
const BENCH_PORT = Number(process.env.DATELINE_BENCH_PORT ?? 4179);
/** The build to serve (default `dist`); DATELINE_BENCH_DIST points at another `vite build --outDir`. */
const BENCH_DIST = process.env.DATELINE_BENCH_DIST;

export async function benchImportInBrowser(file: string): Promise<Record<string, string | number>> {
  const { browser, origin, close } = await openBenchBrowser(BENCH_PORT, BENCH_DIST);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${origin}/`);
    await waitForAppSettled(page);
    const before = await page.evaluate(() => window.__map!.querySourceFeatures('events-points').length);

    // DATELINE_BENCH_PROFILE=<file>: a CPU profile of the import (open in DevTools' Performance panel).
    const profileFile = process.env.DATELINE_BENCH_PROFILE;
    const cdp = profileFile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    const t0 = await page.evaluate(() => performance.now());
    await chooser.setFiles(file);
    // First frame with imported events: the map's source holds more features than before, and a frame drew.
    await page.waitForFunction((n) => window.__map!.querySourceFeatures('events-points').length > n, before, { timeout: 600_000, polling: 50 });
    const tFirst = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
    await page.waitForFunction(() => !!document.querySelector('#import-dialog .result'), null, { timeout: 900_000, polling: 100 });
    const tDone = await page.evaluate(() => performance.now());
    // Everything up to here is kept even if the page dies while the map takes the data (a million
    // points can exhaust the renderer's memory): tasks and marks are read now, and again at the end.
    const readTasks = () =>
      page.evaluate((t0) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= t0), t0);
    const firstHanded = await page.evaluate(() => performance.getEntriesByName('dateline:import-first-events').at(-1)?.startTime ?? NaN);
    // Split at the import's own mark: before it the page only receives batches; after it the app
    // (store, slider, list, map) takes in the new layer.
    const parsedAt = await page.evaluate(() => performance.getEntriesByName('dateline:import-parsed').at(-1)?.startTime ?? Infinity);
    const publishMs = await page.evaluate(() => performance.getEntriesByName('dateline:import-publish').at(-1)?.duration ?? NaN);
    let tasks = await readTasks();
    let allLoaded: number | string = 'not reached';
    let inSource: number | string = 'not counted';
    try {
      // All loaded: the source of the imported points got its data after parsing ended (the mark of
      // GeoJsonSource or, for a large layer, of its clustered source, DenseLayer), the map's worker has
      // indexed it and the tiles are drawn (map.loaded()), then one more frame.
      await page.waitForFunction(
        () => {
          const parsed = performance.getEntriesByName('dateline:import-parsed').at(-1)?.startTime ?? Infinity;
          const dense = Object.keys(window.__map!.getStyle().sources).find((id) => id.startsWith('events-dense:'));
          const source = dense ?? 'events-points';
          const marks = performance.getEntriesByName(`dateline:source-data:${source}`);
          // (A build without the mark — an older one, for a before/after — uploads before the result shows.)
          const uploaded = marks.length === 0 || marks.at(-1)!.startTime > parsed;
          return uploaded && window.__map!.loaded() && window.__map!.isSourceLoaded(source);
        },
        null,
        { timeout: 900_000, polling: 100 },
      );
      const tAll = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
      allLoaded = Math.round(tAll - t0);
      // Sanity: the imported points really are in the map (a failed upload would also leave it "loaded").
      inSource = await page.evaluate(() => {
        const map = window.__map!;
        // A clustered large layer: the legend says how many events the cluster worker holds as shown.
        const clustered = document.querySelector('.legend .clustered li')?.textContent?.match(/([\d,]+) shown/);
        if (clustered) return Number(clustered[1].replace(/,/g, ''));
        const ids = new Set<unknown>();
        for (const f of map.querySourceFeatures('events-points')) if (String(f.properties.layer).startsWith('imported:')) ids.add(f.properties.id);
        return ids.size;
      });
      tasks = await readTasks();
    } catch (error) {
      allLoaded = `failed: ${(error as Error).message.split('\n')[0]}`;
    }
    if (cdp && profileFile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
    }
    // DATELINE_BENCH_TASKS=<file>: every long task (ms after the file was chosen, duration), to line up with marks.
    if (process.env.DATELINE_BENCH_TASKS) {
      const list = tasks.map((task) => ({ at: Math.round(task.start - t0), ms: Math.round(task.duration) }));
      writeFileSync(process.env.DATELINE_BENCH_TASKS, JSON.stringify({ parsedAt: Math.round(parsedAt - t0), tasks: list }, null, 1));
    }
    const longest = (list: typeof tasks) => Math.round(list.reduce((max, t) => Math.max(max, t.duration), 0));
    const during = tasks.filter((t) => t.start + t.duration <= parsedAt);
    const after = tasks.filter((t) => t.start + t.duration > parsedAt);
    return {
      'browser: compositing (DATELINE_BENCH_COMPOSITING)': benchCompositing(),
      'browser: first rendered frame with imported events (ms)': Math.round(tFirst - t0),
      'browser: first events handed to the app (ms)': Math.round(firstHanded - t0),
      'browser: parsing done (ms)': Math.round(parsedAt - t0),
      'browser: import done, layer in list and slider (ms)': Math.round(tDone - t0),
      'browser: store, list and slider take the layer, one task (ms)': Math.round(publishMs),
      'browser: all loaded, every point drawn (ms)': allLoaded,
      'browser: longest task (ms)': longest(tasks),
      'browser: imported points in the map (clustered, or in view)': inSource,
      'browser: longest task while parsing (ms)': longest(during),
      'browser: longest task, app taking the layer (ms)': longest(after),
      'browser: tasks over 200 ms': tasks.filter((t) => t.duration > 200).length,
      'browser: long tasks (>50 ms), total (ms)': Math.round(tasks.reduce((sum, t) => sum + t.duration, 0)),
    };
  } finally {
    await close();
  }
}
