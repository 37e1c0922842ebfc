/**
 * Issue 11, items 5–7 and 9 in the browser: an ACLED file (tests/fixtures/io/import/acled-sudan.csv,
 * invented rows in ACLED's columns) is imported through the file chooser; the map moves to it, the slider
 * (window, range and histogram) can be fitted to it, its popups use the row's own fields, and it exports
 * back in its own columns.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, openApp, pagePoint, test, waitForMapIdle } from './fixtures';

const FILE = path.resolve(import.meta.dirname, '../fixtures/io/import/acled-sudan.csv');
const ROWS = Papa.parse<Record<string, string>>(fs.readFileSync(FILE, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** The file's rows whose point lies outside the map canvas now, or under the open legend. */
async function rowsOffMap(page: Page): Promise<string[]> {
  const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const openLegend = page.locator('details.legend[open]');
  const legend = (await openLegend.count()) ? await openLegend.boundingBox() : null;
  const off: string[] = [];
  for (const row of ROWS) {
    const p = await pagePoint(page, Number(row.longitude), Number(row.latitude));
    const inside = (box: { x: number; y: number; width: number; height: number }) =>
      p.x >= box.x && p.y >= box.y && p.x <= box.x + box.width && p.y <= box.y + box.height;
    if (!inside(canvas) || (legend && inside(legend))) off.push(row.location);
  }
  return off;
}

test('an ACLED import: the map moves to it, fit the slider, rich popups, lossless export', async ({ page }, testInfo) => {
  test.slow(); // an import, a popup, two exports, idle waits and screenshots on a busy two-core machine
  await openApp(page);
  // The first view shows the shipped events; the file's places (Sudan, Mali) are not all in it.
  expect(await rowsOffMap(page)).not.toEqual([]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import events' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles([FILE]);
  const result = dialog.getByRole('region', { name: 'Import of acled-sudan.csv' });
  await expect(result).toContainText('6 events loaded');
  await expect(result).not.toContainText('0.0 s');

  // Item 7: the map has moved to the new layer; the slider can be fitted to it.
  expect(await rowsOffMap(page)).toEqual([]);
  const slider = page.locator('section.timeslider');
  await slider.screenshot({ path: testInfo.outputPath('slider-before-fit.png') });
  await result.getByRole('button', { name: 'Fit the slider to this layer' }).click();
  await expect(result.getByRole('button', { name: 'Slider fitted to this layer' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2023-04-14');
  expect(new URL(page.url()).searchParams.get('to')).toBe('2023-06-20');
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The layer's toggle joined the header and the map resized: the first view is not fitted back.
  await expect(page.getByRole('checkbox', { name: /acled-sudan\.csv/ })).toBeVisible();
  await waitForMapIdle(page);
  expect(await rowsOffMap(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('after-import.png') });
  // The slider's range and histogram are fitted too, not only its window (before: a window of two months
  // over the bars of the whole range, the layer in one of them): the handles' range is the layer's days,
  // and its events stand in bars of their own (daily bins; 'May 2023' fills a month of them).
  const day = (iso: string) => String(Date.parse(iso) / 86_400_000);
  await expect(page.getByRole('slider', { name: 'Window start' })).toHaveAttribute('aria-valuemin', day('2023-04-14'));
  await expect(page.getByRole('slider', { name: 'Window end' })).toHaveAttribute('aria-valuemax', day('2023-06-20'));
  expect(await slider.locator('svg.histogram rect.precise.shown').count()).toBeGreaterThanOrEqual(4);
  expect(await slider.locator('svg.histogram rect.shown').count()).toBeGreaterThanOrEqual(30);
  await slider.screenshot({ path: testInfo.outputPath('slider-after-fit.png') });
  await slider.getByRole('button', { name: 'All dates' }).click();
  await expect(page.getByRole('slider', { name: 'Window start' })).not.toHaveAttribute('aria-valuemin', day('2023-04-14'));

  // Item 6: the popup of a protest uses the row's fields.
  const list = page.getByRole('complementary', { name: 'Event list' });
  await list.getByRole('button', { name: /Peaceful protest — Omdurman/ }).click();
  const popup = page.getByRole('dialog', { name: 'Peaceful protest — Omdurman' });
  await expect(popup).toBeVisible();
  await expect(popup.locator('.type')).toHaveText('Protests / Peaceful protest');
  await expect(popup).toContainText('Omdurman, Khartoum, Sudan');
  await expect(popup).toContainText('20 April 2023');
  await expect(popup.getByRole('region', { name: 'Reported by Sudan Tribune' }).locator('blockquote')).toHaveText('Residents marched for a ceasefire.');
  await expect(popup).not.toContainText('Published date unknown');
  await popup.getByText('All 27 columns of the file').click();
  await expect(popup.getByRole('row', { name: /assoc_actor_1/ })).toContainText('Women (Sudan)');
  await waitForMapIdle(page);
  await page.screenshot({ path: testInfo.outputPath('acled-popup.png') });
  await page.keyboard.press('Escape');

  // Items 5 and 9: exported in the file's own columns, plain UTF-8, it equals the original.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByLabel(/Imported files’ own columns only/).check();
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Events (CSV)' }).click()]);
  const saved = testInfo.outputPath('own-columns.csv');
  await download.saveAs(saved);
  const text = fs.readFileSync(saved, 'utf8');
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  // Rows come in the export's date order (two May rows share a first day); compare them by ACLED's id.
  const read = (t: string) =>
    Papa.parse<Record<string, string>>(t, { header: true, skipEmptyLines: true }).data.sort((a, b) => a.event_id_cnty.localeCompare(b.event_id_cnty));
  expect(read(text)).toEqual(read(fs.readFileSync(FILE, 'utf8')));

  // "CSV for Excel" is the choice that adds the byte order mark.
  await exportDialog.getByLabel(/CSV for Excel/).check();
  const [excel] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Events (CSV)' }).click()]);
  await excel.saveAs(testInfo.outputPath('excel.csv'));
  expect(fs.readFileSync(testInfo.outputPath('excel.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);
});
