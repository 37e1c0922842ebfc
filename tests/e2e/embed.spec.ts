/**
 * The embed: a course page on another origin (a second local server, another port) frames the app in a
 * sandboxed iframe and talks to it with the postMessage API (src/app/embed/protocol.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PREVIEW_PORT } from '../../playwright.config';
import { expect, generatedEvents, test } from './fixtures';

const APP = `http://127.0.0.1:${PREVIEW_PORT}/`;
let server: http.Server;
let hostOrigin = '';

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
    const src = new URL(request.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(coursePage(src));
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
  // Give the frame time to (not) act, then check that nothing changed and nothing came back.
  await page.waitForTimeout(1500);
  expect(await messages(page)).toEqual([]);
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
