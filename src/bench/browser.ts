/**
 * What the browser benchmarks share: the production build served by `vite preview` on the bench's own
 * port, and Debian's Chromium driven by Playwright with software WebGL (no GPU here or in CI).
 */
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';

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
export async function openBenchBrowser(port: number, outDir?: string): Promise<BenchBrowser> {
  const server = await preview({ ...(outDir ? { build: { outDir } } : {}), preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  return {
    browser,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
