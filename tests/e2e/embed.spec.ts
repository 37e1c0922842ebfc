/**
 * The embed: a course page on another origin (a second local server, another port) frames the app in a
 * sandboxed iframe and talks to it with the postMessage API (src/app/embed/protocol.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { bbox } from '@turf/turf';
import { PREVIEW_PORT } from '../../playwright.config';
import { expect, generatedEvents, test } from './fixtures';

const APP = `http://127.0.0.1:${PREVIEW_PORT}/`;
let server: http.Server;
let hostOrigin = '';
/** The HTML a teacher pasted, served at `/pasted` (set by the test that copies it from the Embed dialog). */
let pasted = '';

/** A course page holding a pasted snippet; it records the heights the map asks for, like a test would. */
function pastedPage(snippet: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Course page</title></head><body style="margin:16px;font-family:sans-serif">
<h1>Week 3: Iraq and Iran, 2014–2021</h1><p>Read the reports, then explore the map.</p>
<script>
  window.heights = [];
  addEventListener('message', (event) => { if (event.data && event.data.event === 'heightChanged') window.heights.push(event.data.height); });
</script>
${snippet}
<p>Questions for the seminar follow the map.</p></body></html>`;
}

/** The course page: one sandboxed iframe, every message from it recorded, `send` to talk to it. */
function coursePage(src: string): string {
  const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head><body>
<h1>Week 3: Iraq and Iran, 2014–2021</h1>
<iframe id="map" title="Dateline map" src="${attr}" width="900" height="560" style="border:0"
  sandbox="allow-scripts allow-same-origin allow-popups"></iframe>
<script>
  window.messages = [];
  addEventListener('message', (event) => {
    if (event.source === document.getElementById('map').contentWindow) window.messages.push({ origin: event.origin, data: event.data });
  });
  window.send = (message) => document.getElementById('map').contentWindow.postMessage(message, '*');
</script></body></html>`;
}

test.beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(url.pathname === '/pasted' ? pastedPage(pasted) : coursePage(url.searchParams.get('src') ?? ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function openCoursePage(page: Page, appQuery: string): Promise<Frame> {
  await page.goto(`${hostOrigin}/?src=${encodeURIComponent(APP + appQuery)}`);
  const frame = page.frame({ url: /embed=1/ })!;
  await frame.waitForFunction(() => {
    const map = window.__map;
    return !!map && map.isStyleLoaded() && !!map.getSource('events-points') && map.isSourceLoaded('events-points');
  });
  return frame;
}

type Message = { origin: string; data: Record<string, unknown> & { event?: string; requestId?: unknown } };
const messages = (page: Page) => page.evaluate(() => (window as unknown as { messages: Message[] }).messages);
const send = (page: Page, message: object) => page.evaluate((m) => (window as unknown as { send(m: object): void }).send(m), message);

async function request(page: Page, message: { command: string; requestId: number; [key: string]: unknown }) {
  await send(page, { type: 'dateline', version: 1, ...message });
  await expect.poll(async () => (await messages(page)).some((m) => m.data.event === 'response' && m.data.requestId === message.requestId)).toBe(true);
  return (await messages(page)).find((m) => m.data.event === 'response' && m.data.requestId === message.requestId)!.data;
}

test('a page on an allowed origin embeds the map and drives it through the API', async ({ page }) => {
  const frame = await openCoursePage(page, `?embed=1&host=${encodeURIComponent(hostOrigin)}`);
  const map = page.frameLocator('#map');
  // Compact layout: map and slider; no app header; the full-map link and attribution always visible.
  await expect(map.getByRole('link', { name: 'Open full map ↗' })).toBeVisible();
  await expect(map.locator('.embed-chrome').getByRole('link', { name: 'Natural Earth' })).toBeVisible();
  await expect(map.getByRole('button', { name: 'Export', exact: true })).toHaveCount(0);
  await expect(map.getByRole('complementary', { name: 'Event list' })).toBeHidden();

  await expect.poll(async () => (await messages(page)).find((m) => m.data.event === 'ready')?.data).toMatchObject({
    type: 'dateline',
    version: 1,
    state: { eventCount: generatedEvents().length },
  });
  expect((await messages(page)).every((m) => m.origin === new URL(APP).origin)).toBe(true);

  const window2014 = await request(page, { command: 'setTimeWindow', start: '2014-01-01', end: '2019-12-31', requestId: 1 });
  expect(window2014).toMatchObject({ ok: true, state: { window: { start: '2014-01-01', end: '2019-12-31', mode: 'window' } } });
  await expect.poll(async () => (await messages(page)).some((m) => m.data.event === 'timeChanged' && m.data.start === '2014-01-01')).toBe(true);
  await expect.poll(() => new URL(frame.url()).searchParams.get('to')).toBe('2019-12-31');

  const campaign = generatedEvents().find((e) => e.properties.date_start?.startsWith('2014'))!;
  expect(await request(page, { command: 'selectEvent', id: campaign.properties.id, requestId: 2 })).toMatchObject({ ok: true, state: { selected: campaign.properties.id } });
  await expect.poll(async () => (await messages(page)).find((m) => m.data.event === 'selectionChanged')?.data).toMatchObject({
    id: campaign.properties.id,
    title: campaign.properties.title,
  });
  await expect(map.locator('.maplibregl-popup')).toContainText(campaign.properties.title);

  expect(await request(page, { command: 'setLayers', types: ['meeting'], requestId: 3 })).toMatchObject({ ok: true, state: { types: ['meeting'] } });
  expect(await request(page, { command: 'selectEvent', id: 'no-such-event', requestId: 4 })).toEqual({
    type: 'dateline', version: 1, event: 'response', requestId: 4, ok: false, error: 'no event with id "no-such-event"',
  });
  expect(await request(page, { command: 'fly', requestId: 5 })).toMatchObject({ ok: false, error: 'unknown command "fly"' });
  await expect.poll(async () => (await messages(page)).some((m) => m.data.event === 'heightChanged' && Number(m.data.height) >= 360)).toBe(true);
});

test('commands from an origin that is not allowed are ignored, and nothing is sent to it', async ({ page }) => {
  const frame = await openCoursePage(page, `?embed=1&host=${encodeURIComponent('https://course.example')}`);
  const before = new URL(frame.url()).searchParams;
  await send(page, { type: 'dateline', version: 1, command: 'setTimeWindow', start: '2014-01-01', end: '2014-12-31', requestId: 1 });
  const other = generatedEvents()[0].properties.id;
  await send(page, { type: 'dateline', version: 1, command: 'selectEvent', id: other, requestId: 2 });
  // Give the frame time to (not) act, then check that nothing changed and nothing came back but the
  // height it would like (a number, sent to any framing page for the responsive snippet).
  await page.waitForTimeout(1500);
  expect((await messages(page)).filter((m) => m.data.event !== 'heightChanged')).toEqual([]);
  const after = new URL(frame.url()).searchParams;
  expect(after.get('to')).toBe(before.get('to'));
  expect(after.get('event')).toBeNull();
  await expect(page.frameLocator('#map').locator('.maplibregl-popup')).toHaveCount(0);
});

test('the compact layout links to the full map and passes axe', async ({ page }) => {
  await page.goto(`${APP}?embed=1&controls=slider,list&from=2020-01-01&to=2021-12-31`);
  await page.waitForFunction(() => !!window.__map && window.__map.isSourceLoaded('events-points'));
  const full = page.getByRole('link', { name: 'Open full map ↗' });
  const href = new URL((await full.getAttribute('href'))!);
  expect(href.searchParams.get('embed')).toBeNull();
  expect(href.searchParams.get('controls')).toBeNull();
  expect(href.searchParams.get('from')).toBe('2020-01-01');
  expect(await full.getAttribute('target')).toBe('_blank');
  // controls=slider,list: the list is there, the legend is not.
  await expect(page.getByRole('complementary', { name: 'Event list' })).toBeVisible();
  await expect(page.locator('.legend')).toBeHidden();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test.describe('the responsive snippet on a course page (another origin)', () => {
  test.beforeAll(async ({ browser }) => {
    // Copy the snippet the way a teacher does: the Embed dialog's default (responsive, medium, slider and legend).
    const page = await browser.newPage();
    await page.goto(APP);
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    pasted = await page.locator('#embed-snippet').inputValue();
    await page.close();
    expect(pasted).toContain('<script>');
  });

  for (const width of [375, 768, 1280]) {
    test(`at ${width} px the frame takes the height the map asks for and shows every event`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${hostOrigin}/pasted`);
      const iframe = page.locator('iframe');
      const frame = (await (await iframe.elementHandle())!.contentFrame())!;
      await frame.waitForFunction(() => {
        const map = window.__map;
        return !!map && map.isStyleLoaded() && map.isSourceLoaded('events-points') && map.isSourceLoaded('events-countries') && !map.isMoving() && map.areTilesLoaded();
      });

      // The frame grows (or shrinks) to the last height it asked for, and the map gets a usable share of it.
      await expect.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length)).toBeGreaterThan(0);
      await expect
        .poll(async () => {
          const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
          return Math.round((await iframe.boundingBox())!.height) - heights.at(-1)!;
        })
        .toBe(0);
      const canvas = (await frame.locator('.maplibregl-canvas').boundingBox())!;
      expect(canvas.height).toBeGreaterThanOrEqual(280);

      // Wait for the refit after the resize, then: every event inside the canvas, point events visible (not under a control).
      await frame.waitForFunction(() => !window.__map!.isMoving());
      const size = await frame.evaluate(() => ({ w: window.__map!.getCanvas().clientWidth, h: window.__map!.getCanvas().clientHeight }));
      for (const event of generatedEvents()) {
        const [w, s, e, n] = bbox(event);
        const corners = await frame.evaluate(
          (c) => c.map(([lon, lat]) => window.__map!.project([lon, lat])).map((p) => ({ x: p.x, y: p.y })),
          [[w, s], [e, n]] as [number, number][],
        );
        for (const p of corners) {
          expect(p.x, `${event.properties.place_name} inside the map at ${width} px`).toBeGreaterThanOrEqual(0);
          expect(p.x).toBeLessThanOrEqual(size.w);
          expect(p.y, `${event.properties.place_name} inside the map at ${width} px`).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeLessThanOrEqual(size.h);
        }
        if (event.geometry.type === 'Point') {
          const under = await frame.evaluate(([lon, lat]) => {
            const p = window.__map!.project([lon, lat]);
            const r = window.__map!.getCanvas().getBoundingClientRect();
            return document.elementFromPoint(r.left + p.x, r.top + p.y)?.className ?? '';
          }, [event.properties.lon, event.properties.lat] as const);
          expect(under, `${event.properties.place_name} is not covered at ${width} px`).toContain('maplibregl-canvas');
        }
      }

      // The credits appear once, and nothing covers them.
      await expect(frame.getByRole('link', { name: 'Natural Earth' })).toHaveCount(1);
      await expect(frame.locator('.maplibregl-ctrl-attrib')).toBeHidden();
      const covered = await frame.evaluate(() =>
        [...document.querySelectorAll('.embed-chrome .attribution a')].flatMap((link) => {
          const r = link.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return hit === link || link.contains(hit) ? [] : [`${link.textContent} under ${hit?.className}`];
        }),
      );
      expect(covered).toEqual([]);

      // The legend starts closed; narrower than 500 px the slider is one line.
      await expect(frame.locator('details.legend')).not.toHaveAttribute('open');
      const slider = (await frame.locator('.timeslider').boundingBox())!;
      if (width < 500) expect(slider.height).toBeLessThan(56);
      else expect(slider.height).toBeGreaterThan(100);

      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
