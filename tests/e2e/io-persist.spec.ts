/**
 * Issue 11, item 8: imported layers are kept in this browser (IndexedDB "dateline-imports") until removed
 * — shown or hidden as they were left — and the Share dialog names the shown imported layers its link
 * cannot carry and offers each one's GeoJSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test, waitForMapIdle } from './fixtures';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/io/import');

async function importFile(page: Page, file: string, loaded: string) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import events' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles([file]);
  await expect(dialog.getByRole('region', { name: `Import of ${path.basename(file)}` })).toContainText(loaded, { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
}

/** Names of the files kept in IndexedDB (without creating the database when there is none). */
function keptFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'dateline-imports')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dateline-imports');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const request = db.transaction('files').objectStore('files').getAllKeys();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return keys.map(String).sort();
  });
}

test('imported layers come back after a reload until removed; Share names them and offers their GeoJSON', async ({ page }, testInfo) => {
  test.slow(); // two imports, three page loads and a download on a busy two-core machine
  await openApp(page);
  await importFile(page, path.join(FIXTURES, 'acled-sudan.csv'), '6 events loaded');
  await importFile(page, path.join(FIXTURES, 'bad-rows.csv'), '3 events loaded');
  const acled = page.getByRole('checkbox', { name: 'acled-sudan.csv (6)' });
  const badRows = page.getByRole('checkbox', { name: 'bad-rows.csv (3)' });
  await badRows.uncheck();
  await expect.poll(() => keptFiles(page)).toEqual(['acled-sudan.csv', 'bad-rows.csv']);
  const list = page.getByRole('complementary', { name: 'Event list' });
  const protest = list.getByRole('button', { name: /Peaceful protest — Omdurman/ });
  await expect(protest).toBeVisible();

  // Share: the link cannot carry the shown imported layer; its GeoJSON can be downloaded. The hidden one is not named.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = page.getByRole('dialog', { name: 'Share this view' });
  const notInLink = share.getByRole('region', { name: /Not in the link/ });
  await expect(notInLink).toContainText('without acled-sudan.csv.');
  await expect(notInLink).not.toContainText('bad-rows.csv');
  const [download] = await Promise.all([page.waitForEvent('download'), notInLink.getByRole('button', { name: 'Download acled-sudan.csv as GeoJSON' }).click()]);
  expect(download.suggestedFilename()).toBe('acled-sudan.geojson');
  const saved = testInfo.outputPath('acled-sudan.geojson');
  await download.saveAs(saved);
  const geojson = JSON.parse(fs.readFileSync(saved, 'utf8'));
  expect(geojson.format).toBe('dateline-events/2');
  expect(geojson.features.map((f: { properties: { event_id: string } }) => f.properties.event_id).sort()).toEqual(
    ['SDN90001', 'SDN90002', 'SDN90003', 'SDN90004', 'SDN90005', 'MLI90006'].sort(),
  );
  await page.keyboard.press('Escape');

  // A reload brings both layers back, as they were left: one shown, one hidden.
  await page.reload();
  await waitForMapIdle(page);
  await expect(acled).toBeChecked();
  await expect(badRows).not.toBeChecked();
  await expect(protest).toBeVisible();
  await expect(list.getByText('Tehran meeting', { exact: true })).toHaveCount(0);

  // Removed, a layer is forgotten; the other one stays kept.
  await page.getByRole('button', { name: 'Remove acled-sudan.csv' }).click();
  await expect(acled).toHaveCount(0);
  await expect.poll(() => keptFiles(page)).toEqual(['bad-rows.csv']);
  await page.reload();
  await waitForMapIdle(page);
  await expect(badRows).not.toBeChecked();
  await expect(acled).toHaveCount(0);
  await expect(protest).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove bad-rows.csv' }).click();
  await expect(badRows).toHaveCount(0);
  // Nothing kept: the database is gone, so the next visit loads none of the keeping code.
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  await page.reload();
  await waitForMapIdle(page);
  await expect(page.getByRole('group', { name: 'Imported' })).toHaveCount(0);
});
