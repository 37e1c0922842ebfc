/**
 * Acceptance of the map (issue 3): events at the right places with the right shapes, per-source popups,
 * accessibility, URL state, the phone layout, a sub-path deployment and a reviewed screenshot. The
 * subjects are found in the generated data by what they are (place, date), never by hard-coded ids.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openApp, findEvent, generatedEvents, renderedEvents, project, pagePoint, waitForMapIdle } from './fixtures';
import type { DatelineEvent } from '../../src/core/types';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Reference coordinates from the data packages: GeoNames 112931 (Tehran), OurAirports ORBI. */
const TEHRAN = { lon: 51.4215, lat: 35.6944 };
const BAGHDAD_AIRPORT = { lon: 44.2346, lat: 33.2625 };
/** Erbil (inside the Kurdistan Region) and Baghdad (outside), to test the polygon. */
const ERBIL = { lon: 44.0091, lat: 36.1901 };
const BAGHDAD = { lon: 44.4009, lat: 33.3406 };

const tehranMeeting = () =>
  findEvent('the April 2021 meeting in Tehran', (e) => e.properties.place_name === 'Tehran' && e.properties.date_start === '2021-04-12');
const airportStrike = () =>
  findEvent('the strike at Baghdad International Airport', (e) => /Baghdad International Airport/i.test(e.properties.place_name));
const kurdistan = () => findEvent('the Kurdistan Region event', (e) => /Kurdistan/i.test(e.properties.place_name));

/** A view showing Iraq and western Iran, where all three subjects are. */
const REGION_VIEW = '?map=5.00/34.50/47.50';

async function listItem(page: Page, event: DatelineEvent) {
  return page.locator(`.event-list [data-event-id="${event.properties.id}"]`);
}

test.describe('events on the map', () => {
  test('the offline basemap draws land, borders and labels', async ({ page }) => {
    await openApp(page, REGION_VIEW);
    const counts = await page.evaluate(() => {
      const map = window.__map!;
      const count = (layer: string) => map.queryRenderedFeatures(undefined, { layers: [layer] }).length;
      return { land: count('land'), borders: count('country-borders'), labels: count('country-labels') };
    });
    expect(counts.land).toBeGreaterThan(0);
    expect(counts.borders).toBeGreaterThan(0);
    expect(counts.labels).toBeGreaterThan(0);
    const style = await page.evaluate(() => window.__map!.getStyle());
    expect(style.glyphs, 'labels use local fonts, no glyph server').toBeUndefined();
    await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Natural Earth');
    await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames');
  });

  test('Tehran, Baghdad International Airport and Kurdistan Region render at the right coordinates', async ({ page }) => {
    await openApp(page, REGION_VIEW);
    const tehran = tehranMeeting();
    const airport = airportStrike();
    const region = kurdistan();

    for (const [event, reference] of [
      [tehran, TEHRAN],
      [airport, BAGHDAD_AIRPORT],
    ] as const) {
      const { lon, lat } = event.properties;
      expect(Math.abs(lon - reference.lon), `${event.properties.place_name} longitude`).toBeLessThan(0.1);
      expect(Math.abs(lat - reference.lat), `${event.properties.place_name} latitude`).toBeLessThan(0.1);
      const at = await project(page, lon, lat);
      const hits = await renderedEvents(page, { ...at, radius: 2 });
      expect(hits.map((h) => h.id), `${event.properties.title} drawn at map.project(lon, lat)`).toContain(event.properties.id);
    }

    // Precision shows: the airport is a site marker (ring), Tehran a city dot.
    const airportAt = await project(page, airport.properties.lon, airport.properties.lat);
    const airportLayers = (await renderedEvents(page, { ...airportAt, radius: 2 }))
      .filter((h) => h.id === airport.properties.id)
      .map((h) => h.layer);
    expect(airportLayers).toContain('events-site');
    const tehranAt = await project(page, tehran.properties.lon, tehran.properties.lat);
    const tehranLayers = (await renderedEvents(page, { ...tehranAt, radius: 2 }))
      .filter((h) => h.id === tehran.properties.id)
      .map((h) => h.layer);
    expect(tehranLayers).toContain('events-city');
    expect(tehranLayers).not.toContain('events-site');

    // The Kurdistan Region is a polygon: it covers Erbil and not Baghdad.
    expect(['Polygon', 'MultiPolygon']).toContain(region.geometry.type);
    const erbil = await project(page, ERBIL.lon, ERBIL.lat);
    const inside = await renderedEvents(page, { ...erbil, radius: 1 });
    expect(inside.filter((h) => h.id === region.properties.id).map((h) => h.layer)).toContain('events-area-fill');
    expect(inside.find((h) => h.id === region.properties.id)?.geometryType).toMatch(/Polygon/);
    const baghdad = await project(page, BAGHDAD.lon, BAGHDAD.lat);
    const outside = await renderedEvents(page, { ...baghdad, radius: 1 });
    expect(outside.map((h) => h.id)).not.toContain(region.properties.id);
  });

  test('country-level events are drawn as the whole country, never as a dot', async ({ page }) => {
    await openApp(page, REGION_VIEW);
    const drawn = await page.evaluate(() =>
      window.__map!.queryRenderedFeatures(undefined, { layers: ['events-city', 'events-site', 'events-country-fill'] }).map((f) => ({
        layer: f.layer.id,
        precision: f.properties.place_precision as string,
      })),
    );
    expect(drawn.filter((d) => d.precision === 'country' && d.layer !== 'events-country-fill')).toEqual([]);
  });

  test('clicking the April 2021 Tehran meeting opens a popup with four sources, each with outlet and quote', async ({ page }) => {
    const tehran = tehranMeeting();
    // All dates shown: other Tehran events lie under the same spot; the most-reported is on top.
    await openApp(page, REGION_VIEW);
    const at = await pagePoint(page, tehran.properties.lon, tehran.properties.lat);
    await page.mouse.click(at.x, at.y);
    const popup = page.getByRole('dialog', { name: tehran.properties.title });
    await expect(popup).toBeVisible();
    const sources = popup.locator('section.source');
    await expect(sources).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      await expect(sources.nth(i).locator('.outlet')).not.toBeEmpty();
      await expect(sources.nth(i).locator('blockquote')).not.toBeEmpty();
    }
    await expect(popup).toContainText('12 April 2021');
    await expect(popup).toContainText('Tehran');
    // Place and date words are highlighted as text, and links only go to http(s).
    await expect(popup.locator('mark.place').first()).toBeVisible();
    const hrefs = await popup.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    await expect(page).toHaveURL(new RegExp(`event=${tehran.properties.id}`));

    await page.keyboard.press('Escape');
    await expect(popup).toBeHidden();
  });

  test('a click on several events at one place offers the others in the popup', async ({ page }) => {
    const tehran = tehranMeeting();
    const others = generatedEvents().filter((e) => e.properties.place_name === 'Tehran' && e.properties.id !== tehran.properties.id);
    test.skip(others.length === 0, 'the data has a single event in Tehran');
    await openApp(page, REGION_VIEW);
    const at = await pagePoint(page, tehran.properties.lon, tehran.properties.lat);
    await page.mouse.click(at.x, at.y);
    const popup = page.getByRole('dialog', { name: tehran.properties.title });
    await popup.getByText(/more events? here/).click();
    await popup.getByRole('button', { name: others[0].properties.title }).click();
    const next = page.getByRole('dialog', { name: others[0].properties.title });
    await expect(next).toBeVisible();
    await expect(next.getByRole('heading', { name: others[0].properties.title })).toBeFocused();
    await expect(next.getByText(/more events? here/)).toBeVisible();
  });

  test('choosing an event in the list flies to it, opens its popup with focus, Escape returns focus', async ({ page }) => {
    const airport = airportStrike();
    await openApp(page);
    const item = await listItem(page, airport);
    await item.focus();
    await page.keyboard.press('Enter');
    const popup = page.getByRole('dialog', { name: airport.properties.title });
    await expect(popup).toBeVisible();
    await expect(popup.getByRole('heading', { name: airport.properties.title })).toBeFocused();
    await waitForMapIdle(page);
    const center = await page.evaluate(() => window.__map!.getCenter().toArray());
    const at = await project(page, airport.properties.lon, airport.properties.lat);
    const size = await page.evaluate(() => [window.__map!.getCanvas().clientWidth, window.__map!.getCanvas().clientHeight]);
    expect(at.x, `event inside the map after flying (center ${center})`).toBeGreaterThan(0);
    expect(at.x).toBeLessThan(size[0]);
    expect(at.y).toBeGreaterThan(0);
    expect(at.y).toBeLessThan(size[1]);
    await expect(item).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Escape');
    await expect(popup).toBeHidden();
    await expect(item).toBeFocused();
  });

  test('keyboard on the map: Enter opens the event under the centre ring, Escape returns to the map', async ({ page }) => {
    const tehran = tehranMeeting();
    await openApp(page, `?map=6.00/${tehran.properties.lat}/${tehran.properties.lon}`);
    const canvas = page.locator('.maplibregl-canvas');
    await canvas.focus();
    await expect(page.locator('.crosshair')).toBeVisible();
    await page.keyboard.press('Enter');
    const popup = page.getByRole('dialog', { name: tehran.properties.title });
    await expect(popup).toBeVisible();
    await expect(popup.getByRole('heading', { name: tehran.properties.title })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(popup).toBeHidden();
    await expect(canvas).toBeFocused();
  });

  test('a selection on the map highlights the list item', async ({ page }) => {
    const airport = airportStrike();
    await openApp(page, `${REGION_VIEW}&from=2020-01-01&to=2020-01-04`);
    const at = await pagePoint(page, airport.properties.lon, airport.properties.lat);
    await page.mouse.click(at.x, at.y);
    await expect(await listItem(page, airport)).toHaveAttribute('aria-current', 'true');
  });

  test('type toggles hide and show a layer without reloading data', async ({ page }) => {
    const airport = airportStrike();
    await openApp(page, REGION_VIEW);
    const at = await project(page, airport.properties.lon, airport.properties.lat);
    const label = page.locator('.legend label').filter({ hasText: 'Strike' });
    await label.locator('input').uncheck();
    await expect.poll(async () => (await renderedEvents(page, { ...at, radius: 2 })).map((h) => h.id)).not.toContain(airport.properties.id);
    await expect(page).toHaveURL(/layers=/);
    await label.locator('input').check();
    await expect.poll(async () => (await renderedEvents(page, { ...at, radius: 2 })).map((h) => h.id)).toContain(airport.properties.id);
  });
});

test.describe('time filtering', () => {
  test('a slider step changes the layer filters and never re-uploads the event data', async ({ page }) => {
    await openApp(page);
    // Count data uploads from here on (GeoJSONSource.setData of the event sources).
    await page.evaluate(() => {
      const counts: Record<string, number> = {};
      (window as unknown as { __uploads: Record<string, number> }).__uploads = counts;
      for (const id of ['events-points', 'events-areas', 'events-countries', 'events-arcs']) {
        const source = window.__map!.getSource(id) as unknown as { setData: (...args: unknown[]) => unknown };
        const original = source.setData.bind(source);
        counts[id] = 0;
        source.setData = (...args: unknown[]) => {
          counts[id]++;
          return original(...args);
        };
      }
    });
    const filterBefore = await page.evaluate(() => JSON.stringify(window.__map!.getFilter('events-city')));
    const end = page.getByRole('slider', { name: 'Window end' });
    await end.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
    await waitForMapIdle(page);
    const filterAfter = await page.evaluate(() => JSON.stringify(window.__map!.getFilter('events-city')));
    expect(filterAfter).not.toBe(filterBefore);
    const uploads = await page.evaluate(() => (window as unknown as { __uploads: Record<string, number> }).__uploads);
    expect(uploads).toEqual({ 'events-points': 0, 'events-areas': 0, 'events-countries': 0, 'events-arcs': 0 });
  });
});

test.describe('accessibility', () => {
  test('axe finds no WCAG 2.1 A/AA violation on the main view', async ({ page }) => {
    await openApp(page);
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('axe finds no WCAG 2.1 A/AA violation with a popup open', async ({ page }) => {
    const tehran = tehranMeeting();
    await openApp(page, `?event=${tehran.properties.id}`);
    await expect(page.getByRole('dialog', { name: tehran.properties.title })).toBeVisible();
    await waitForMapIdle(page);
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test.describe('URL state', () => {
  test('a copied URL restores view, time window and selection', async ({ page, context }) => {
    const tehran = tehranMeeting();
    await openApp(page, '?map=4.50/33.00/46.00&from=2020-01-01&to=2021-12-31');
    await (await listItem(page, tehran)).click();
    await expect(page.getByRole('dialog', { name: tehran.properties.title })).toBeVisible();
    await waitForMapIdle(page);
    // Zoom with the keyboard, as a user would; the URL follows (replaceState, throttled).
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Equal');
    await waitForMapIdle(page);
    const zoom = await page.evaluate(() => window.__map!.getZoom());
    await expect.poll(() => page.url()).toContain(`map=${zoom.toFixed(2)}/`);
    const copied = page.url();
    const before = await page.evaluate(() => ({ center: window.__map!.getCenter().toArray(), zoom: window.__map!.getZoom() }));
    const windowText = async (p: Page) =>
      Promise.all(['Window start', 'Window end'].map((name) => p.getByRole('slider', { name }).getAttribute('aria-valuetext')));
    const windowBefore = await windowText(page);
    expect(windowBefore[0]).toBe('1 January 2020');

    const other = await context.newPage();
    await other.goto(copied);
    await waitForMapIdle(other);
    await expect(other.getByRole('dialog', { name: tehran.properties.title })).toBeVisible();
    const after = await other.evaluate(() => ({ center: window.__map!.getCenter().toArray(), zoom: window.__map!.getZoom() }));
    expect(after.zoom).toBeCloseTo(before.zoom, 1);
    expect(after.center[0]).toBeCloseTo(before.center[0], 1);
    expect(after.center[1]).toBeCloseTo(before.center[1], 1);
    expect(await windowText(other)).toEqual(windowBefore);
    await other.close();
  });

  test('back and forward step through selections', async ({ page }) => {
    const tehran = tehranMeeting();
    const airport = airportStrike();
    await openApp(page);
    await (await listItem(page, tehran)).click();
    await expect(page.getByRole('dialog', { name: tehran.properties.title })).toBeVisible();
    await (await listItem(page, airport)).click();
    await expect(page.getByRole('dialog', { name: airport.properties.title })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('dialog', { name: tehran.properties.title })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.goForward();
    await expect(page.getByRole('dialog', { name: tehran.properties.title })).toBeVisible();
  });

  test('bad parameters get a polite message and the rest still applies', async ({ page }) => {
    await openApp(page, '?map=99/1/2&layers=meeting,parade&from=2021-02-30&to=2021-12-31');
    const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
    await expect(notice).toContainText('parade');
    await expect(notice).toContainText('map=99/1/2');
    await expect(notice).toContainText('from=2021-02-30');
    await expect(page.locator('.legend label').filter({ hasText: 'Meeting' }).locator('input')).toBeChecked();
    await expect(page.locator('.legend label').filter({ hasText: 'Strike' }).locator('input')).not.toBeChecked();
    await notice.getByRole('button', { name: /Dismiss/ }).click();
    await expect(page.getByText('could not be used')).toHaveCount(0);
  });

  test('an unknown event id is reported, not fatal', async ({ page }) => {
    await openApp(page, '?event=no-such-event');
    await expect(page.getByText('which is not in this data')).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('deployment and layout', () => {
  test('the built site works from a sub-path', async ({ page }) => {
    const dist = path.resolve(import.meta.dirname, '../..', process.env.E2E_DIST ?? 'dist');
    const prefix = '/some/deep/sub-path/';
    await page.route(`**${prefix}**`, (route) => {
      const { pathname } = new URL(route.request().url());
      const file = path.join(dist, decodeURIComponent(pathname.slice(prefix.length)) || 'index.html');
      if (!file.startsWith(dist) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ path: file });
    });
    await page.goto(prefix);
    await waitForMapIdle(page);
    expect((await renderedEvents(page)).length).toBeGreaterThan(0);
  });

  test('phone: map on top, slider, list in a sheet; choosing an event shows its details', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    const tehran = tehranMeeting();
    await openApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
    const toggle = page.getByRole('button', { name: /List of events/ });
    await expect(toggle).toBeVisible();
    await expect(page.locator('.event-list')).toBeHidden();
    await toggle.click();
    await (await listItem(page, tehran)).click();
    await expect(page.locator('.event-list')).toBeHidden();
    const details = page.getByRole('dialog', { name: tehran.properties.title });
    await expect(details).toBeVisible();
    const box = await details.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: 'Close event details' }).click();
    await expect(details).toBeHidden();
  });

  test('the default map view matches the reviewed screenshot', async ({ page }) => {
    await openApp(page);
    // The map area only (basemap, events, legend, credits): header, slider and list have their own tests.
    await expect(page.locator('.map-area')).toHaveScreenshot('default-map.png');
  });
});
