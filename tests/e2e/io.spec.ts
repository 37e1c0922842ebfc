/**
 * Export and import in the browser, through the real download and file chooser.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { DatelineEvent, EventSource } from '../../src/core/types';
import { expect, generatedEvents, openApp, renderedEvents, test, waitForMapIdle } from './fixtures';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/io/import');

/** Clicks an export button and saves the download under the test's output folder. */
async function exportFile(page: Page, label: string, outputPath: (name: string) => string): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: label }).click()]);
  const file = outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Opens the import dialog and hands files to the real file chooser. */
async function importFiles(page: Page, files: string[]) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import events' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(files);
  return dialog;
}

const sourceKey = (s: EventSource) => [s.file, s.outlet, s.url, s.published, s.title, s.quote, s.start, s.end];
const eventKey = (e: DatelineEvent) => {
  const p = e.properties;
  return [p.date_start, p.date_end, p.time_precision, p.place_precision, p.geo_precision, p.lon, p.lat, p.type, p.title, p.sources.map(sourceKey)];
};

test('export → import round trip through download and file chooser keeps the events', async ({ page }, testInfo) => {
  test.slow(); // four exports, two imports and idle waits: over a minute on a busy two-core machine
  const generated = generatedEvents();
  await openApp(page);
  await expect(page.locator('.app-header .summary')).toHaveText(`${generated.length} of ${generated.length} events`);

  const eventsCsv = await exportFile(page, 'Events (CSV)', (n) => testInfo.outputPath(n));
  const sourcesCsv = await exportFile(page, 'Sources with quotes (CSV)', (n) => testInfo.outputPath(n));
  expect(path.basename(eventsCsv)).toMatch(/^dateline_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}_exported-\d{8}T\d{4}Z_events\.csv$/);
  const csvText = fs.readFileSync(eventsCsv, 'utf8');
  // Plain UTF-8 by default: Python's csv, pandas, R and GDAL read the first column as `event_id`.
  expect(csvText.startsWith('event_id,event_date,')).toBe(true);
  expect(csvText.trim().split('\n')).toHaveLength(generated.length + 1);
  await page.keyboard.press('Escape');

  const dialog = await importFiles(page, [eventsCsv, sourcesCsv]);
  const result = dialog.getByRole('region', { name: `Import of ${path.basename(eventsCsv)}` });
  await expect(result).toContainText(`${generated.length} events loaded`);
  // The same ids are already on the map (the pipeline's layer): the import says how it shows them.
  await expect(result).toContainText(`${generated.length} event ids are already on the map`);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.app-header .summary')).toHaveText(`${generated.length * 2} of ${generated.length * 2} events`);

  // The imported layer takes part in the export: read it back and compare with the originals.
  const geojson = JSON.parse(fs.readFileSync(await exportFile(page, 'GeoJSON', (n) => testInfo.outputPath(n)), 'utf8'));
  const layer = `imported:${path.basename(eventsCsv)}`;
  // The export names properties as the CSV does (dateline-events/2); read them back as events to compare.
  const asEvent = (f: { geometry: DatelineEvent['geometry']; properties: Record<string, unknown> }) => {
    const p = f.properties;
    return { geometry: f.geometry, properties: { ...p, id: p.event_id, date_start: p.event_date, date_end: p.end_date, type: p.event_type, lon: p.longitude, lat: p.latitude } } as unknown as DatelineEvent;
  };
  const imported: DatelineEvent[] = geojson.features.map(asEvent).filter((f: DatelineEvent) => f.properties.layer === layer);
  const byOriginalId = new Map(imported.map((e) => [e.properties.id.replace(`@${path.basename(eventsCsv)}`, ''), e]));
  expect([...byOriginalId.keys()].sort()).toEqual(generated.map((e) => e.properties.id).sort());
  for (const original of generated) expect(eventKey(byOriginalId.get(original.properties.id)!)).toEqual(eventKey(original));
  expect(geojson.dateline.view.layers).toContain(layer);
  await page.keyboard.press('Escape');

  // The GeoJSON export loads back as a layer of its own, every feature included.
  const geojsonFile = testInfo.outputPath('roundtrip.geojson');
  fs.writeFileSync(geojsonFile, JSON.stringify(geojson));
  const again = await importFiles(page, [geojsonFile]);
  await expect(again.getByRole('region', { name: 'Import of roundtrip.geojson' })).toContainText(`${generated.length * 2} events loaded`);
  await again.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Remove roundtrip.geojson' }).click();

  // Its toggle hides it everywhere.
  await page.getByRole('checkbox', { name: path.basename(eventsCsv) }).uncheck();
  await expect(page.locator('.app-header .summary')).toHaveText(`${generated.length} of ${generated.length} events`);
});

test('an import with bad rows lists each one with its row number and loads the rest', async ({ page }) => {
  await openApp(page);
  const dialog = await importFiles(page, [path.join(FIXTURES, 'bad-rows.csv')]);
  const result = dialog.getByRole('region', { name: 'Import of bad-rows.csv' });
  await expect(result).toContainText('3 events loaded');
  await expect(result).toContainText('4 rows skipped');
  const problems = result.getByRole('list', { name: 'Problems in bad-rows.csv' }).getByRole('listitem');
  await expect(problems).toHaveText([
    'row 3: unbalanced quote in title; the row is skipped',
    'row 5: latitude 95 is outside −90…90',
    'row 6: empty coordinates (latitude and longitude are blank)',
    'row 7: date: unreadable date "next Tuesday"',
  ]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The valid rows are in the list, which is what the map and slider show too.
  const list = page.getByRole('complementary', { name: 'Event list' });
  for (const title of ['Tehran meeting', 'Airport strike', 'Campaign']) await expect(list.getByText(title, { exact: true })).toBeVisible();
  await waitForMapIdle(page);
  const drawn = await renderedEvents(page);
  expect(drawn.map((d) => d.id)).toEqual(expect.arrayContaining(['ok-1', 'ok-2']));
  expect(drawn.map((d) => d.id)).not.toContain('bad-lat');
  // Popups work for imported events too.
  await list.getByRole('button', { name: /Tehran meeting/ }).click();
  await expect(page.getByRole('dialog', { name: 'Tehran meeting' })).toBeVisible();
});

test('a table with unknown column names gets the mapping dialog', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('field-notes.csv');
  fs.writeFileSync(file, 'what,when,north,east\nTehran talks,2021-04-12,35.6892,51.389\nAirport,2020-01-03,33.2625,44.2346\n');
  await openApp(page);
  const dialog = await importFiles(page, [file]);
  await expect(dialog.getByRole('heading', { name: 'Columns of field-notes.csv' })).toBeVisible();
  await expect(dialog.getByText('no column chosen for latitude')).toBeVisible();
  const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await dialog.getByLabel('Latitude *').selectOption({ label: 'north' });
  await dialog.getByLabel('Longitude *').selectOption({ label: 'east' });
  await dialog.getByLabel('Date', { exact: true }).selectOption({ label: 'when' });
  await dialog.getByLabel('Title').selectOption({ label: 'what' });
  await importButton.click();
  await expect(dialog.getByRole('region', { name: 'Import of field-notes.csv' })).toContainText('2 events loaded');
});

test('files dropped on the drop zone are imported (ACLED layout)', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // The dialog's code arrives on the first click (IoToolbar): drop once its drop zone is there.
  await expect(page.locator('#import-dialog .drop')).toBeVisible();
  const text = fs.readFileSync(path.join(FIXTURES, 'acled-style.csv'), 'utf8');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'acled-style.csv', { type: 'text/csv' }));
    document.querySelector('#import-dialog .drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  const result = page.getByRole('region', { name: 'Import of acled-style.csv' });
  await expect(result).toContainText('4 events loaded');
  await expect(result).toContainText('row 5: date: ambiguous date "12/04/2021"');
});

test.describe('accessibility of the io dialogs', () => {
  const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

  for (const name of ['Export', 'Share', 'Embed'] as const) {
    test(`axe finds no WCAG 2.1 A/AA violation in the ${name} dialog`, async ({ page }) => {
      await openApp(page);
      await page.getByRole('button', { name, exact: true }).click();
      const id = `#${name.toLowerCase()}-dialog`;
      await expect(page.locator(id)).toBeVisible();
      const result = await new AxeBuilder({ page }).include(id).withTags(WCAG_TAGS).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('axe finds no violation in the import results and the column mapping', async ({ page }) => {
    await openApp(page);
    const dialog = await importFiles(page, [path.join(FIXTURES, 'bad-rows.csv')]);
    await expect(dialog.getByRole('region', { name: 'Import of bad-rows.csv' })).toBeVisible();
    let result = await new AxeBuilder({ page }).include('#import-dialog').withTags(WCAG_TAGS).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await dialog.getByRole('button', { name: 'Fix columns…' }).click();
    await expect(dialog.getByRole('heading', { name: 'Columns of bad-rows.csv' })).toBeVisible();
    result = await new AxeBuilder({ page }).include('#import-dialog').withTags(WCAG_TAGS).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test('a large import is drawn as clusters that follow the filters, and the list pages it', async ({ page }, testInfo) => {
  test.slow(); // 25,000 rows imported, then searched, windowed and clicked: over a minute on a busy two-core machine
  // Above DENSE_LAYER_EVENTS: the layer's shown events go to a clustered source, written in slices.
  const rows = 25_000;
  const file = testInfo.outputPath('big.csv');
  const lines = ['event_id,date,title,latitude,longitude'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`big-${i},2011-${String(1 + (i % 12)).padStart(2, '0')}-${day},Row ${i},${(33.3 + ((i * 7) % 100) / 200).toFixed(4)},${(44.4 + ((i * 13) % 100) / 200).toFixed(4)}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  await openApp(page);
  // The map keeps its size while the imported layer appears in the header (a resize repaints it all).
  await page.evaluate(() => {
    window.__map!.on('resize', () => ((window as unknown as { mapResized: boolean }).mapResized = true));
  });
  const canvasSize = () => page.evaluate(() => [window.__map!.getCanvas().clientWidth, window.__map!.getCanvas().clientHeight]);
  const sizeBefore = await canvasSize();
  // The clustered layers' shader programs are compiled while the app is idle after start (warmup.ts),
  // not in the middle of the import. (MapLibre's program cache is internal: read for this test only.)
  const programs = () =>
    page.evaluate(() => Object.keys((window.__map as unknown as { painter: { programCache: { programs: object } } }).painter.programCache.programs).sort());
  const clusterDiscs = 'circle/a_circle-radius/u_circle-blur/u_circle-color/u_circle-opacity/';
  await expect
    .poll(async () => (await page.evaluate(() => !window.__map!.getSource('dateline-warmup'))) && (await programs()).some((key) => key.startsWith(clusterDiscs)))
    .toBe(true);
  const programsBefore = await programs();
  const dialog = await importFiles(page, [file]);
  await expect(dialog.getByRole('region', { name: 'Import of big.csv' })).toContainText(`${rows.toLocaleString('en')} events loaded`, { timeout: 60_000 });
  await expect(page.getByRole('group', { name: 'Imported' }).getByText('big.csv')).toBeVisible();
  expect(await canvasSize()).toEqual(sizeBefore);
  expect(await page.evaluate(() => (window as unknown as { mapResized?: boolean }).mapResized ?? false)).toBe(false);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const source = 'events-dense:imported:big.csv';
  /** Events drawn by the clustered layer (all lie in view): in clusters, and as single dots. */
  const clustered = () =>
    page.evaluate((id) => {
      const map = window.__map!;
      const clusters = new Map(map.queryRenderedFeatures({ layers: [`${id}/clusters`] }).map((f) => [f.properties.cluster_id, Number(f.properties.point_count)]));
      const dots = new Set(map.queryRenderedFeatures({ layers: [`${id}/points`] }).map((f) => f.properties.id));
      const inClusters = [...clusters.values()].reduce((a, b) => a + b, 0);
      return { clusters: clusters.size, inClusters, inSource: inClusters + dots.size };
    }, source);
  await expect.poll(async () => (await clustered()).inSource, { timeout: 60_000 }).toBe(rows);
  expect(await programs()).toEqual(programsBefore);
  // Drawn as clusters (all lie around Baghdad), not as 25,000 dots; none of them in the pipeline's source.
  const whole = await clustered();
  expect(whole.clusters).toBeGreaterThan(0);
  expect(whole.inClusters).toBeGreaterThan(rows / 2);
  expect(await page.evaluate(() => window.__map!.querySourceFeatures('events-points', { filter: ['==', ['get', 'layer'], 'imported:big.csv'] }).length)).toBe(0);

  // The list shows the first page, in date order, and counts the rest.
  const list = page.getByRole('complementary', { name: 'Event list' });
  await expect(list.getByRole('button', { name: /not listed yet/ })).toBeVisible();
  await expect(list.getByRole('heading', { name: /^2011/ })).toContainText(`(${rows})`);

  // A search narrows the clustered data too: every word must occur, so "row 12" finds Row 12, 112, 120…
  await list.getByRole('searchbox').fill('row 12');
  const matching = Array.from({ length: rows }, (_, i) => String(i)).filter((n) => n.includes('12')).length;
  await expect.poll(async () => (await clustered()).inSource, { timeout: 30_000 }).toBe(matching);
  await list.getByRole('searchbox').fill('');
  // So does the time window: the end handle moved back to the end of June keeps January–June.
  const endHandle = page.getByRole('slider', { name: 'Window end' });
  await endHandle.focus();
  while (!(await endHandle.getAttribute('aria-valuetext'))?.includes('2011')) await page.keyboard.press('PageDown');
  while ((await endHandle.getAttribute('aria-valuetext'))?.match(/Jul|Aug|Sep|Oct|Nov|Dec/)) await page.keyboard.press('PageDown');
  const end = String(await endHandle.getAttribute('aria-valuetext'));
  const expected = lines.slice(1).filter((line) => line.split(',')[1] <= isoOf(end)).length;
  expect(expected).toBeLessThan(rows);
  await expect.poll(async () => (await clustered()).inSource, { timeout: 30_000 }).toBe(expected);

  // A click on a cluster zooms in until it splits, also where the cluster lies over a country (Iraq,
  // hatched for the 2014 campaign), but a marker drawn above it wins. Hide the pipeline's markers
  // (their types) so the click lands on the cluster alone.
  const legend = page.locator('.legend');
  for (const type of ['Meeting', 'Visit / travel', 'Strike / attack', 'Legislation / vote']) await legend.getByRole('checkbox', { name: type }).uncheck();
  await waitForMapIdle(page);
  const zoom = await page.evaluate(() => window.__map!.getZoom());
  const target = await page.evaluate((id) => {
    const map = window.__map!;
    const f = map.queryRenderedFeatures({ layers: [`${id}/clusters`] })[0];
    return map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
  }, source);
  const canvas = await page.locator('.maplibregl-canvas').boundingBox();
  await page.mouse.click(canvas!.x + target.x, canvas!.y + target.y);
  await expect.poll(() => page.evaluate(() => window.__map!.getZoom())).toBeGreaterThan(zoom);
  await expect(page.locator('.popup-body')).toHaveCount(0);
});

/** "30 June 2011" (the slider's reading) as 2011-06-30. */
function isoOf(reading: string): string {
  const [day, month, year] = reading.split(' ');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${year}-${String(months.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

test('on a phone, an imported layer joins the toolbar, which scrolls instead of covering the name', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const file = testInfo.outputPath('phone.csv');
  fs.writeFileSync(file, 'event_id,date,title,latitude,longitude\np-1,2020-01-05,Phone row,33.3,44.4\n');
  await openApp(page);
  const dialog = await importFiles(page, [file]);
  await expect(dialog.getByRole('region', { name: 'Import of phone.csv' })).toContainText('1 event loaded');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const toggle = page.getByRole('group', { name: 'Imported' }).getByRole('checkbox');
  await toggle.scrollIntoViewIfNeeded();
  await expect(toggle).toBeInViewport();
  const name = await page.getByRole('heading', { name: 'Dateline', level: 1 }).boundingBox();
  const toolbar = await page.evaluate(() => document.querySelector('.app-header .actions')!.getBoundingClientRect().left);
  // The toolbar scrolls within its own box, which starts after the name: nothing is drawn over the name.
  expect(name!.x + name!.width).toBeLessThanOrEqual(toolbar + 1);
  await expect(page.getByRole('heading', { name: 'Dateline', level: 1 })).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.querySelector('.app-header')!.getBoundingClientRect().height)).toBe(48);
});
