/**
 * The import benchmark in the browser: the production build (`npm run build`) served by `vite preview`,
 * Debian's Chromium driven by Playwright, the benchmark file given to the real file chooser. Measures
 * the time to the first imported events drawn on the map, the time until the import is done, and the
 * longest main-thread task (Long Tasks API) from choosing the file until then.
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';

/** Port for the benchmark's own preview server (not the e2e tests' 4173). */
const BENCH_PORT = 4179;

export async function benchImportInBrowser(file: string): Promise<Record<string, string | number>> {
  const server = await preview({ preview: { port: BENCH_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`http://127.0.0.1:${BENCH_PORT}/`);
    await page.waitForFunction(() => !!window.__map && window.__map.isStyleLoaded() && !!window.__map.getSource('events-points') && window.__map.isSourceLoaded('events-points'), null, { timeout: 120_000 });
    const before = await page.evaluate(() => window.__map!.querySourceFeatures('events-points').length);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files…' }).click()]);
    const t0 = await page.evaluate(() => performance.now());
    await chooser.setFiles(file);
    // First frame with imported events: the map's source holds more features than before, and a frame drew.
    await page.waitForFunction((n) => window.__map!.querySourceFeatures('events-points').length > n, before, { timeout: 600_000, polling: 50 });
    const tFirst = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
    await page.waitForFunction(() => !!document.querySelector('#import-dialog .result'), null, { timeout: 900_000, polling: 100 });
    const tDone = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate((t0) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= t0), t0);
    // Split at the import's own mark: before it the page only receives batches; after it the app
    // (store, slider, list, map) takes in the new layer.
    const parsedAt = await page.evaluate(() => performance.getEntriesByName('dateline:import-parsed').at(-1)?.startTime ?? Infinity);
    const longest = (list: typeof tasks) => Math.round(list.reduce((max, t) => Math.max(max, t.duration), 0));
    const during = tasks.filter((t) => t.start + t.duration <= parsedAt);
    const after = tasks.filter((t) => t.start + t.duration > parsedAt);
    return {
      'browser: first imported events drawn (ms)': Math.round(tFirst - t0),
      'browser: parsing done (ms)': Math.round(parsedAt - t0),
      'browser: import done, all drawn (ms)': Math.round(tDone - t0),
      'browser: longest task while parsing (ms)': longest(during),
      'browser: longest task, app taking the layer (ms)': longest(after),
      'browser: tasks over 200 ms': tasks.filter((t) => t.duration > 200).length,
      'browser: long tasks (>50 ms), total (ms)': Math.round(tasks.reduce((sum, t) => sum + t.duration, 0)),
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
