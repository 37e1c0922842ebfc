/**
 * Issue 12, finding 8, in the browser: files that are not UTF-8 text never reach the column-mapping
 * dialog as garbage. UTF-16 (with a byte order mark) imports like UTF-8; an empty file and a binary file
 * renamed .csv are refused with a sentence naming the file.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const CSV = 'latitude,longitude,title,event_date\n33.3406,44.4009,Baghdad talks — “quoted”,2021-04-12\n36.19,44.01,Erbil visit,2021-04-13\n';

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

async function chooseFile(page: Page, file: string) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import events' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
  await chooser.setFiles(file);
  return dialog;
}

test('a UTF-16 CSV with a byte order mark imports like UTF-8', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('utf16.csv');
  fs.writeFileSync(file, utf16le(CSV));
  await openApp(page);
  const dialog = await chooseFile(page, file);
  await expect(dialog.getByRole('region', { name: 'Import of utf16.csv' })).toContainText('2 events loaded');
  await expect(dialog.getByText(/is not a number/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Baghdad talks — “quoted”/ })).toBeVisible();
});

for (const [name, bytes, problem] of [
  ['empty.csv', Buffer.alloc(0), 'empty file'],
  ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 400 }, (_, i) => (i * 37) % 256)]), 'not a text file'],
] as const) {
  test(`${name} is refused as "${problem}" without a column-mapping dialog`, async ({ page }, testInfo) => {
    const file = testInfo.outputPath(name);
    fs.writeFileSync(file, bytes);
    await openApp(page);
    const dialog = await chooseFile(page, file);
    await expect(dialog.getByRole('alert')).toHaveText(`${name}: ${problem}`);
    await expect(dialog.getByRole('heading', { name: /^Columns of/ })).toHaveCount(0);
    await expect(dialog.getByLabel('Latitude *')).toHaveCount(0);
  });
}
