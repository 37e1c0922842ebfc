/**
 * Issue 12, finding 12: hostile text stays text. A corpus of hostile strings goes through URL parameters,
 * an imported CSV (cells and a header), an imported Dateline GeoJSON (every text member, source URLs,
 * a `__proto__` key) and embed messages from a course page. Each test fails on a dialog, a navigation or
 * popup, a page error (the fixture), a global marker set by a payload, a polluted Object prototype, an
 * element carrying an `on…` attribute, a script element made from data, or a clickable link that is
 * not http(s). CSP violations fail it too (the shared fixture).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';
import { PREVIEW_PORT } from '../../playwright.config';
import { expect, test, waitForMapIdle } from './fixtures';

/** Each payload that could run sets `window.__pwned`; the checks look for it in every frame. */
const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '"><svg onload="window.__pwned = 3"><x y="',
  "'><iframe src=\"javascript:parent.__pwned = 4\"></iframe>",
  'javascript:window.__pwned = 5',
  'JaVaScRiPt:window.__pwned=6//https://example.org',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD03PC9zY3JpcHQ+',
  'vbscript:msgbox(8)',
  '<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned = 9</script><a href="javascript:window.__pwned=9">x</a></svg>',
  '&lt;img src=x onerror=window.__pwned=10&gt; &#x3C;script&#x3E;window.__pwned=10&#x3C;/script&#x3E;',
  '\u202Etxt.exe\u202C \u2066isolate\u2069 \u200F\u061C mixed עברית',
  '{{constructor.constructor("window.__pwned = 11")()}} ${window.__pwned = 12}',
  '__proto__',
  'constructor',
  'toString',
  "'=HYPERLINK(\"javascript:window.__pwned=13\",\"x\")",
  'a'.repeat(100_000),
];

/** A long string that still fits a request line (Node's HTTP server refuses headers over 16 KB). */
const LONG_FOR_URL = 'b'.repeat(3_000);
const APP = `http://127.0.0.1:${PREVIEW_PORT}/`;

/** Dialogs, popups and navigations away from the app, recorded for the whole test. */
function watch(page: Page) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.context().on('page', (popup) => seen.push(`popup ${popup.url()}`));
  page.on('framenavigated', (frame) => {
    const url = new URL(frame.url());
    if (url.protocol === 'about:') return;
    if (url.hostname !== '127.0.0.1' || (frame === page.mainFrame() && !['', '/'].includes(url.pathname) && url.port === String(PREVIEW_PORT))) {
      seen.push(`navigation ${frame.url().slice(0, 200)}`);
    }
  });
  return seen;
}

/** What a payload could have left behind in one frame. */
async function traces(frame: Frame): Promise<string[]> {
  // The course page of the embed test has its own inline script; elements are checked in the app only.
  const isApp = frame.url().startsWith(APP);
  return frame.evaluate((isApp) => {
    const found: string[] = [];
    const w = window as unknown as Record<string, unknown>;
    if (w.__pwned !== undefined) found.push(`window.__pwned = ${String(w.__pwned)}`);
    if ((({}) as Record<string, unknown>).polluted !== undefined) found.push('Object.prototype.polluted is set');
    if (!isApp) return found;
    // The app's own scripts are module files in <head>; a script element anywhere else came from data.
    for (const script of document.querySelectorAll('body script, head script:not([src])')) {
      found.push(`<script> in the page: ${script.outerHTML.slice(0, 80)}`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) found.push(`<${el.localName} ${attr}="${el.getAttribute(attr)?.slice(0, 60)}">`);
      }
      if (el.localName === 'iframe' && !(el as HTMLIFrameElement).src.startsWith('http://127.0.0.1')) found.push(`iframe ${(el as HTMLIFrameElement).src.slice(0, 80)}`);
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement | SVGAElement>('a[href], a[*|href]')) {
      const href = a instanceof HTMLAnchorElement ? a.href : (a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '');
      let protocol = '';
      try {
        protocol = new URL(href, location.href).protocol;
      } catch {
        protocol = 'unparsable';
      }
      if (protocol !== 'http:' && protocol !== 'https:') found.push(`link to ${href.slice(0, 80)}`);
    }
    return found;
  }, isApp);
}

async function expectInert(page: Page, seen: string[]) {
  const found: string[] = [...seen];
  for (const frame of page.frames()) found.push(...(await traces(frame)));
  expect(found, 'traces of a payload').toEqual([]);
}

test.describe('hostile text stays text', () => {
  // Many page loads, imports and popups on a busy two-core machine.
  test.describe.configure({ timeout: 420_000 });

  test('through every URL parameter', async ({ page }) => {
    const seen = watch(page);
    const payloads = [...HOSTILE.filter((h) => h.length < 1000), LONG_FOR_URL];
    for (const [i, payload] of payloads.entries()) {
      const params = new URLSearchParams();
      // The long string goes into the search alone: ten copies would pass 16 KB (HTTP 431).
      const names = payload === LONG_FOR_URL ? ['q'] : ['v', 'map', 'from', 'to', 'mode', 'undated', 'layers', 'q', 'event', 'basemap'];
      for (const name of names) params.set(name, payload);
      // Every other load also as an embed, with the embed's own parameters.
      if (i % 2) for (const name of ['embed', 'controls', 'host']) params.set(name, payload);
      await page.goto(`./?${params}`, { waitUntil: 'domcontentloaded' });
      await expect(page.locator('.event-list, .embed-chrome').first()).toBeAttached();
      await page.waitForTimeout(500);
      await expectInert(page, seen);
    }
  });

  test('through an imported CSV (cells and header) and a Dateline GeoJSON, list, search and popups', async ({ page }, testInfo) => {
    const seen = watch(page);
    await page.goto('./?map=4/33/44');
    await waitForMapIdle(page);

    const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const header = ['latitude', 'longitude', 'event_date', 'title', 'location', 'actors', 'notes', 'event_type', 'country', 'url', HOSTILE[1]];
    const rows = HOSTILE.map((h, i) => [String(30 + i * 0.3), String(40 + i * 0.3), '2021-04-12', `csv ${i} ${h}`, h, h, h, h, h, h, h].map(cell).join(','));
    const csv = `${header.map(cell).join(',')}\n${rows.join('\n')}\n`;

    const template = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [44, 33] },
      properties: {
        id: '', layer: 'events', type: 'meeting', title: '', date_start: '2021-04-12', date_end: '2021-04-12', time_precision: 'day',
        place_name: '', place_id: '', place_precision: 'city', geo_precision: 1, country: 'IQ', lon: 44, lat: 33,
        actors: [] as string[], notes: '', conflicts: [] as string[],
        sources: [] as object[],
      },
    };
    const features = HOSTILE.map((h, i) => {
      const f = structuredClone(template);
      const lon = 40 + i * 0.3;
      const lat = 36 - i * 0.2;
      f.geometry.coordinates = [lon, lat];
      Object.assign(f.properties, {
        id: `hostile-${i}`, title: `geojson ${i} ${h}`, place_name: h, place_id: h, lon, lat, actors: [h], notes: h, conflicts: [h],
        sources: [{ file: h, outlet: h, url: i % 2 ? h : 'javascript:window.__pwned=14', published: '2021-04-12', title: h, quote: h, start: 0, end: 1, highlights: [] }],
      });
      return f;
    });
    const geojsonText = JSON.stringify({ type: 'FeatureCollection', format: 'dateline-events/1', features })
      // A __proto__ member as JSON text writes it (JSON.parse makes it an own property).
      .replace('"notes":', '"__proto__":{"polluted":true,"title":"from the prototype"},"constructor":{"prototype":{"polluted":true}},"notes":');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import events' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles([
      { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
      { name: 'hostile.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(geojsonText) },
    ]);
    await expect(dialog.getByRole('region', { name: 'Import of hostile.csv' })).toContainText(/events? loaded/);
    await expect(dialog.getByRole('region', { name: 'Import of hostile.geojson' })).toContainText(/events? loaded/);
    await expectInert(page, seen);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await waitForMapIdle(page);

    // The payloads are in the list as text, and each popup shows them as text.
    const items = page.locator('.event-list button.item', { hasText: /^.*(csv|geojson) \d+/ });
    expect(await items.count()).toBeGreaterThanOrEqual(HOSTILE.length);
    await expect(page.locator('.event-list button.item', { hasText: HOSTILE[0] }).first()).toBeVisible();
    for (const i of [0, 1, 2, 4, 8, 10, 16]) {
      for (const source of ['csv', 'geojson']) {
        const item = page.locator('.event-list button.item', { hasText: `${source} ${i} ` }).first();
        await item.scrollIntoViewIfNeeded();
        await item.click();
        const popup = page.locator('.maplibregl-popup');
        await expect(popup).toContainText(`${source} ${i} `);
        await expectInert(page, seen);
        // Every link the popup offers is clickable only when it is http(s) (checked above); click them.
        for (const link of await popup.locator('a').all()) {
          const href = await link.getAttribute('href');
          expect(href ?? '').toMatch(/^https?:\/\//);
        }
      }
    }
    await page.locator('.event-list button.item', { hasText: 'geojson 2 ' }).first().click();
    await expect(page.locator('.maplibregl-popup')).toContainText('geojson 2 ');
    await page.screenshot({ path: testInfo.outputPath('hostile-popup.png') });
    // Search with a payload: the list narrows, nothing runs.
    await page.getByRole('searchbox').fill(HOSTILE[1]);
    await expect(page.locator('.event-list button.item').first()).toBeVisible();
    await expectInert(page, seen);
    // Hovering the markers of the hostile events shows their titles as text.
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    for (let x = box.x + 50; x < box.x + box.width; x += 60) await page.mouse.move(x, box.y + box.height / 2);
    await expectInert(page, seen);
  });

  test.describe('through embed messages from a course page', () => {
    let server: http.Server;
    let hostOrigin = '';
    test.beforeAll(async () => {
      server = http.createServer((request, response) => {
        const src = new URL(request.url ?? '/', 'http://x').searchParams.get('src') ?? '';
        const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head><body>
<iframe id="map" title="Dateline map" src="${attr}" width="900" height="560" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>
<script>
  window.messages = [];
  addEventListener('message', (e) => { if (e.source === document.getElementById('map').contentWindow) window.messages.push(e.data); });
  window.sendRaw = (json) => document.getElementById('map').contentWindow.postMessage(JSON.parse(json), '*');
</script></body></html>`);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('every command and field carrying a payload is answered or ignored, never run', async ({ page }) => {
      const seen = watch(page);
      await page.goto(`${hostOrigin}/?src=${encodeURIComponent(`${APP}?embed=1&controls=slider,legend,list&host=${encodeURIComponent(hostOrigin)}`)}`);
      const frame = page.frame({ url: /embed=1/ })!;
      await frame.waitForFunction(() => !!window.__map && window.__map.isStyleLoaded());
      const messages = () => page.evaluate(() => (window as unknown as { messages: { event?: string; requestId?: unknown }[] }).messages);
      await expect.poll(async () => (await messages()).some((m) => m.event === 'ready')).toBe(true);

      let id = 100;
      const sent: object[] = [];
      for (const h of HOSTILE) {
        sent.push(
          { type: 'dateline', version: 1, command: h, requestId: id++ },
          { type: 'dateline', version: 1, command: 'selectEvent', id: h, requestId: id++ },
          { type: 'dateline', version: 1, command: 'setLayers', types: [h], requestId: id++ },
          { type: 'dateline', version: 1, command: 'setLayers', layers: [h], requestId: id++ },
          { type: 'dateline', version: 1, command: 'setTimeWindow', start: h, end: h, mode: h, requestId: id++ },
          { type: 'dateline', version: h, command: 'getState', requestId: id++ },
          { type: 'dateline', version: 1, command: 'getState', requestId: h },
          { type: h, version: 1, command: 'getState' },
        );
      }
      for (const message of sent) await page.evaluate((json) => (window as unknown as { sendRaw(j: string): void }).sendRaw(json), JSON.stringify(message));
      // __proto__ and constructor members as the structured clone of parsed JSON delivers them.
      await page.evaluate(() =>
        (window as unknown as { sendRaw(j: string): void }).sendRaw(
          '{"type":"dateline","version":1,"command":"getState","requestId":99,"__proto__":{"polluted":true,"command":"selectEvent"},"constructor":{"prototype":{"polluted":true}}}',
        ),
      );
      await expect.poll(async () => (await messages()).some((m) => m.event === 'response' && m.requestId === 99)).toBe(true);
      await expect.poll(async () => (await messages()).filter((m) => m.event === 'response' && typeof m.requestId === 'number' && m.requestId >= 100).length).toBeGreaterThan(HOSTILE.length * 4);
      await expectInert(page, seen);
    });
  });
});
