/**
 * Country outlines are fetched only when an event needs one (issue 12, finding 15: the first picture
 * waits for less). The shipped events carry their own polygons, so the first view never asks for the
 * outlines file; an imported country-level event given only as a point brings it, and is then drawn as
 * its whole country, hatched, never as a dot.
 */
import fs from 'node:fs';
import { expect, generatedEvents, openApp, renderedEvents, test, waitForMapIdle } from './fixtures';

const OUTLINES = /\/assets\/countries\.topo-[\w-]+\.json$/;

test('the first view does not fetch country outlines; a country-level point imported later is drawn as its country', async ({ page }, testInfo) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await openApp(page);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => OUTLINES.test(url)), 'outlines fetched for the first view').toEqual([]);
  // The shipped country-level events are drawn as countries all the same (their own polygons).
  const shipped = generatedEvents().filter((e) => e.properties.place_precision === 'country');
  expect(shipped.length).toBeGreaterThan(0);
  const firstView = await renderedEvents(page);
  for (const event of shipped) expect(firstView.filter((f) => f.id === event.properties.id).map((f) => f.layer)).toContain('events-country-fill');

  // A Dateline GeoJSON with one country-level event placed only by a point (France).
  const template = generatedEvents().find((e) => e.geometry.type === 'Point')!;
  const event = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [2.35, 46.6] },
    properties: { ...template.properties, id: 'outline-test', title: 'A country-level test event', place_name: 'France', place_precision: 'country', country: 'FR', lon: 2.35, lat: 46.6, origin: undefined },
  };
  const file = testInfo.outputPath('country-point.geojson');
  fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', format: 'dateline-events/1', features: [event] }));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import events' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  await expect(dialog.getByRole('region', { name: 'Import of country-point.geojson' })).toContainText('1 event loaded');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect.poll(() => requested.filter((url) => OUTLINES.test(url)).length, { message: 'outlines fetched for the import' }).toBe(1);
  await waitForMapIdle(page);
  // Drawn in pieces, one per tile: the layers it is drawn on, and no marker among them.
  const layersOf = async () => [...new Set((await renderedEvents(page)).filter((f) => f.id.startsWith('outline-test')).map((f) => f.layer))].sort();
  await expect.poll(layersOf).toEqual(['events-country-fill', 'events-country-line']);
});
