/**
 * "Add articles" (issue 10, point 2): a pasted report joins the events already shown when it reports the
 * same thing — also the events of an imported layer of Dateline events (a Dateline GeoJSON export read
 * back), not only the pipeline's own. Fixture: tests/fixtures/add/imported/ (README there).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, openApp, test } from './fixtures';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/add');
const MEETING = 'Meeting of Tomás Herrera and Lucía Mamani in Santiago';

test('a pasted report of an imported layer\'s event adds a source to it instead of a second event', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import events' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles([path.join(FIXTURES, 'imported/andes-rail-talks.geojson')]);
  await expect(dialog.getByRole('region', { name: 'Import of andes-rail-talks.geojson' })).toContainText('1 event loaded', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  const items = page.locator('.event-list button.item').filter({ hasText: MEETING });
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('1 source');

  await page.getByRole('button', { name: 'Add articles' }).click();
  await page.getByLabel('Article text').fill(fs.readFileSync(path.join(FIXTURES, 'paste/andes-talks-b.txt'), 'utf8'));
  await page.getByLabel('Outlet').fill('Pacific Wire');
  await page.getByLabel('Headline').fill('Mamani in Chilean capital for railway talks');
  await page.getByLabel('Published').fill('2025-09-11');
  await page.getByRole('button', { name: 'Read and add' }).click();
  await expect(page.locator('#add-articles-panel .messages')).toContainText('Mamani in Chilean capital for railway talks: 1 event found', { timeout: 150_000 });
  await page.getByRole('button', { name: 'Close Add articles' }).click();

  // One event, the imported one (its id and layer), now with both outlets' reports.
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('2 sources');
  await expect(items.first()).toHaveAttribute('data-event-id', 'evt-ff5fad1bb3');
  await items.first().click();
  const popup = page.getByRole('dialog', { name: MEETING });
  await expect(popup).toContainText('Pacific Wire');
  await expect(popup).toContainText('Mapocho Ledger');
});
