/**
 * First-view JavaScript budget (issue 12, finding 16): every script the page loads until the map has
 * drawn the events and the network is quiet — nothing clicked, nothing pointed at — gzipped, except
 * MapLibre's own chunk and its worker, must stay within FIRST_VIEW_BUDGET. Code for dialogs (Import,
 * Export, Share, Embed, column mapping) and for imports is fetched when first opened. Sizes are measured
 * from the network log of the production build, so a test can fail on them; times never fail a test
 * (they are in `npm run bench`, src/bench/load.ts).
 */
import { gzipSync } from 'node:zlib';
import { test, expect, openApp } from './fixtures';

/** Gzipped bytes (zlib's default level, as Vite reports and servers send) of the first view's own scripts. */
const FIRST_VIEW_BUDGET = 60_000;
/** MapLibre's chunk (vite.config.ts puts maplibre-gl alone in it) and its worker, outside the budget. */
const MAPLIBRE = /\/assets\/maplibre-(gl-worker-)?[\w-]+\.m?js$/;

test('the first view loads at most 60 kB of gzipped JavaScript besides MapLibre', async ({ page }) => {
  const scripts = new Map<string, Buffer>();
  page.on('response', async (response) => {
    if (!/\.m?js$/.test(new URL(response.url()).pathname)) return;
    const body = await response.body().catch(() => null);
    if (body) scripts.set(response.url(), body);
  });
  await openApp(page);
  await page.waitForLoadState('networkidle');

  const maplibre = [...scripts].filter(([url]) => MAPLIBRE.test(url));
  const own = [...scripts].filter(([url]) => !MAPLIBRE.test(url));
  // The exclusion only covers MapLibre: its chunk exists, holds none of the app's code, and the app's is counted.
  expect(maplibre.length, 'the maplibre-gl chunk and worker').toBe(2);
  for (const [url, body] of maplibre) expect(body.toString('utf8'), url).not.toMatch(/dateline/i);
  expect(own.length, 'the app\'s own scripts').toBeGreaterThan(0);

  const sizes = own.map(([url, body]) => ({ script: url.replace(/.*\//, ''), gzipped: gzipSync(body).length }));
  const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
  test.info().annotations.push({ type: 'first-view JavaScript (gzipped bytes)', description: `${total}: ${sizes.map((s) => `${s.script} ${s.gzipped}`).join(', ')}` });
  expect(total, `gzipped first-view scripts: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(FIRST_VIEW_BUDGET);
});

test('a dialog\'s code arrives when it is first opened, and it opens with focus inside', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await openApp(page);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => /ExportDialog/.test(url)), 'Export dialog code before it is opened').toEqual([]);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  expect(requested.some((url) => /ExportDialog/.test(url)), 'Export dialog code fetched on opening').toBe(true);
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
});
