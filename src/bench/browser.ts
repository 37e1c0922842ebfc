/**
 * What the browser benchmarks share: the production build served by `vite preview` on the bench's own
 * port, and Debian's Chromium driven by Playwright with software WebGL (no GPU here or in CI).
 *
 * DATELINE_BENCH_COMPOSITING chooses how Chromium puts frames on screen:
 * - `gpu` (default): WebGL and compositing run in the GPU process on SwiftShader, as they do on any
 *   machine with a GPU, so drawing the map never blocks the page's main thread;
 * - `software` (`--disable-gpu`, as in the e2e tests): the compositor reads the map's WebGL canvas back
 *   on the main thread every frame (`GLES2::ReadPixels` in a trace), 60–150 ms per frame here, whatever
 *   the app does. Long-task figures in this mode measure that readback as much as the app.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { preview } from 'vite';
import { WARMED_MARK } from '../app/map/warmup';

export interface BenchBrowser {
  browser: Browser;
  /** Where the build is served, e.g. `http://127.0.0.1:4179`. */
  origin: string;
  /** Close the browser, then the preview server. */
  close(): Promise<void>;
}

/**
 * Serve the build in `outDir` (default `dist`) on `port` and launch Chromium (CHROMIUM_PATH overrides
 * /usr/bin/chromium). Always `close()` it, in a `finally`.
 */
export type Compositing = 'gpu' | 'software';

/** The compositing mode chosen by DATELINE_BENCH_COMPOSITING (see the module comment). */
export function benchCompositing(): Compositing {
  const mode = process.env.DATELINE_BENCH_COMPOSITING ?? 'gpu';
  if (mode !== 'gpu' && mode !== 'software') throw new Error(`DATELINE_BENCH_COMPOSITING=${mode}: use gpu or software`);
  return mode;
}

export async function openBenchBrowser(port: number, outDir?: string): Promise<BenchBrowser> {
  const server = await servePreview(port, outDir);
  const browser = await launchBenchChromium();
  return {
    browser,
    origin: server.origin,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** `vite preview` of the build in `outDir` (default `dist`) on 127.0.0.1:`port`. */
export async function servePreview(port: number, outDir?: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = await preview({ ...(outDir ? { build: { outDir } } : {}), preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}

/** Debian's Chromium (CHROMIUM_PATH overrides) with software WebGL, composited as benchCompositing() says. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...(benchCompositing() === 'software' ? ['--disable-gpu'] : []), '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

/**
 * Waits until the app has started up completely: the map's event sources are drawn and the clustered
 * layers' shader programs are compiled (src/app/map/warmup.ts), so a benchmark times its own work.
 */
export async function waitForAppSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    (warmed) =>
      !!window.__map &&
      window.__map.isStyleLoaded() &&
      !!window.__map.getSource('events-points') &&
      window.__map.isSourceLoaded('events-points') &&
      performance.getEntriesByName(warmed).length > 0,
    WARMED_MARK,
    { timeout: 120_000 },
  );
}
