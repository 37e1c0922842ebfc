/**
 * The shared browser-test fixture. Import `test` and `expect` from here, not from @playwright/test:
 *
 * - every request that leaves 127.0.0.1/localhost is blocked, and the test FAILS listing it;
 * - any console error or uncaught page error FAILS the test (allow specific ones with
 *   `test.use({ allowedConsoleErrors: [/regex/] })` when a test provokes them on purpose);
 * - any Content-Security-Policy violation (a `securitypolicyviolation` event in the page or any of its
 *   frames) FAILS the test, so the whole suite runs under the app's strict policy (index.html);
 * - helpers to open the app and wait for the map, read rendered features and project coordinates.
 *
 * Test hook: the app sets `window.__map` to its MapLibre map once the style has loaded
 * (src/app/map/MapView.svelte). Tests use it only to read (queryRenderedFeatures, project, getZoom).
 */
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import type { DatelineEvent } from '../../src/core/types';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Whether a URL stays on this machine (data:, blob: and about: never reach the network). */
export function isLocalUrl(href: string): boolean {
  const url = new URL(href);
  if (['data:', 'blob:', 'about:', 'chrome-extension:'].includes(url.protocol)) return true;
  return LOCAL_HOSTS.has(url.hostname);
}

interface Fixtures {
  /** Console errors matching one of these do not fail the test. */
  allowedConsoleErrors: RegExp[];
  /** Requests that tried to leave localhost (blocked). Checked after each test. */
  offOriginRequests: string[];
  /** Content-Security-Policy violations reported by any page or frame of the test. Checked after each test. */
  cspViolations: string[];
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  offOriginRequests: [
    async ({ context }, use) => {
      const blocked: string[] = [];
      await context.route('**/*', (route) => {
        const href = route.request().url();
        if (isLocalUrl(href)) return route.fallback();
        blocked.push(href);
        return route.abort('blockedbyclient');
      });
      await use(blocked);
      expect(blocked, 'requests that tried to leave 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
        violations.push(text);
      });
      // Runs in every document (embed frames included) before its own scripts.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
          report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
        });
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page, allowedConsoleErrors }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (!allowedConsoleErrors.some((re) => re.test(text))) errors.push(`console: ${text}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await use(page);
    expect(errors, 'console errors and page errors').toEqual([]);
  },
});

export { expect };

/**
 * The generated events the app ships (data/events.geojson, or the file DATELINE_EVENTS names — the same
 * variable vite.config.ts reads), read from disk to find test subjects.
 */
export function generatedEvents(): DatelineEvent[] {
  const file = path.resolve(import.meta.dirname, '../..', process.env.DATELINE_EVENTS ?? 'data/events.geojson');
  return JSON.parse(fs.readFileSync(file, 'utf8')).features as DatelineEvent[];
}

/** Finds exactly one generated event matching the predicate, with a clear message when it does not. */
export function findEvent(description: string, predicate: (e: DatelineEvent) => boolean): DatelineEvent {
  const found = generatedEvents().filter(predicate);
  if (found.length !== 1) {
    throw new Error(`expected one event that is ${description}, found ${found.length}: ${found.map((e) => e.properties.id).join(', ')}`);
  }
  return found[0];
}

/**
 * Opens the app (optionally with a query string) and waits until the map has drawn the events.
 * @param query e.g. '?from=2014-01-01&to=2019-12-31'
 */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await waitForMapIdle(page);
}

/** Waits until the map exists, its event sources are loaded and nothing is moving or loading. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = window.__map;
    return (
      !!map &&
      map.isStyleLoaded() &&
      !!map.getSource('events-points') &&
      map.isSourceLoaded('events-points') &&
      map.isSourceLoaded('events-areas') &&
      map.isSourceLoaded('events-countries') &&
      !map.isMoving() &&
      map.areTilesLoaded()
    );
  });
  // One more frame so what was loaded has been drawn.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export interface RenderedEvent {
  id: string;
  layer: string;
  geometryType: string;
}

/** Event features currently drawn on the map (optionally only in a box of screen pixels). */
export async function renderedEvents(page: Page, box?: { x: number; y: number; radius: number }): Promise<RenderedEvent[]> {
  return page.evaluate((box) => {
    const map = window.__map!;
    const layers = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('events-'));
    const geometry = box
      ? ([
          [box.x - box.radius, box.y - box.radius],
          [box.x + box.radius, box.y + box.radius],
        ] as [[number, number], [number, number]])
      : undefined;
    return map
      .queryRenderedFeatures(geometry, { layers })
      .map((f) => ({ id: String(f.properties.id), layer: f.layer.id, geometryType: f.geometry.type }));
  }, box);
}

/** Screen position (CSS pixels inside the map canvas) of a longitude/latitude. */
export async function project(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([lon, lat]) => {
    const p = window.__map!.project([lon, lat]);
    return { x: p.x, y: p.y };
  }, [lon, lat] as const);
}

/** Page coordinates of a longitude/latitude, for mouse clicks. */
export async function pagePoint(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const inMap = await project(page, lon, lat);
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('map canvas not found');
  return { x: box.x + inMap.x, y: box.y + inMap.y };
}

declare global {
  interface Window {
    __map?: import('maplibre-gl').Map;
  }
}
