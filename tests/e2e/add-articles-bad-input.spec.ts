/**
 * "Add articles" with bad input (issue 10, item 6): each gets a clear message, loses nothing else, and
 * the page stays responsive; a read can be cancelled.
 */
import { expect, openApp, test } from './fixtures';
import type { Page } from '@playwright/test';

test.describe.configure({ timeout: 180_000 });

async function openPanel(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('button', { name: 'Add articles' }).click();
  await expect(page.getByRole('heading', { name: 'Add articles', level: 2 })).toBeVisible();
}

const messages = (page: Page) => page.locator('#add-articles-panel .messages');

test('empty text and a 5 MB paste are refused at once, with the text kept and the page responsive', async ({ page }) => {
  await openPanel(page);
  await page.getByRole('button', { name: 'Read and add' }).click();
  await expect(messages(page)).toContainText('The article text is empty');
  const huge = 'The minister met her counterpart in Lima on Monday. '.repeat(100_000); // 5.2 million characters
  await page.getByLabel('Article text').fill(huge);
  await page.getByRole('button', { name: 'Read and add' }).click();
  await expect(messages(page)).toContainText('The pasted text is 5.2 million characters long; one article is read up to 1 million');
  // Nothing was lost: the text is still there; the panel still answers.
  expect(await page.getByLabel('Article text').evaluate((t) => (t as HTMLTextAreaElement).value.length)).toBe(huge.length);
  await page.getByLabel('Outlet').fill('Still typing');
  await expect(page.getByLabel('Outlet')).toHaveValue('Still typing');
  await expect(page.getByRole('heading', { name: /Your articles \(0\)/ })).toBeVisible();
});

test('a PDF, binary data, Cyrillic text, a manifest row naming a missing file and a text with no event', async ({ page }) => {
  await openPanel(page);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), Buffer.alloc(64, 0)]);
  const binary = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
  const cyrillic = 'Министр иностранных дел встретился с коллегой в Москве в понедельник, сообщило министерство.';
  const noEvent = 'Lima and Cusco are the largest cities of Peru.\n\nThe rainy season in the Andes runs from December to March, and in 2024 it began early.\n';
  const manifest = 'file,outlet,url,published,title,notes\nno-event.txt,Andes Weekly,,2024-11-02,Peru in numbers,\nmissing.txt,Andes Weekly,,2024-11-03,Not dropped,\n';
  await page.locator('input[type=file][multiple]').setInputFiles([
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'data.txt', mimeType: 'text/plain', buffer: binary },
    { name: 'cyrillic.txt', mimeType: 'text/plain', buffer: Buffer.from(cyrillic) },
    { name: 'no-event.txt', mimeType: 'text/plain', buffer: Buffer.from(noEvent) },
    { name: 'sources.csv', mimeType: 'text/csv', buffer: Buffer.from(manifest) },
  ]);
  await expect(messages(page)).toContainText('report.pdf is a PDF document, not text', { timeout: 120_000 });
  await expect(messages(page)).toContainText('data.txt is not a text file (binary data)');
  await expect(messages(page)).toContainText('cyrillic.txt is written in Cyrillic script; Dateline reads English text (Latin script) only');
  await expect(messages(page)).toContainText('sources.csv line 3: missing.txt is listed but was not dropped with it');
  const none = messages(page).locator('li').filter({ hasText: 'Peru in numbers: no event found;' });
  await expect(none).toHaveText(/no event found; \d+ places? and \d+ dates? were read\./);
  const [, places, dates] = /; (\d+) places? and (\d+) dates?/.exec((await none.textContent())!)!;
  expect(Number(places)).toBeGreaterThanOrEqual(3); // Lima, Cusco, Peru (and the Andes)
  expect(Number(dates)).toBeGreaterThanOrEqual(1);
  // The reading is shown: every place and date read is highlighted, as counted.
  await none.getByRole('button', { name: 'Show the reading' }).click();
  await expect(page.locator('.reading .summary')).toContainText('No event found;');
  await expect(page.locator('.reading .text button.hl.place')).toHaveCount(Number(places));
  await expect(page.locator('.reading .text button.hl.date')).toHaveCount(Number(dates));
  await page.locator('.reading .text button.hl.place').filter({ hasText: 'Cusco' }).focus();
  await expect(page.locator('#reading-detail')).toContainText('Cusco, Peru — city');
  await expect(page.locator('#reading-detail')).toContainText('Supports no event.');
  // The one readable article is kept; the rest were reported, not added.
  await page.getByRole('button', { name: /Back to Add articles/ }).click();
  await expect(page.getByRole('heading', { name: 'Your articles (1)' })).toBeVisible();
});

test('a read can be cancelled: nothing of it is added', async ({ page, context }) => {
  // The gazetteer is held back until Cancel is clicked: a read can be fast enough to end before a click.
  let release = () => {};
  let asked = false;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(/gazetteer[^/]*$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await openPanel(page);
  await page.getByLabel('Article text').fill('Foreign Minister Ana Torres met her Peruvian counterpart in Quito on Monday.');
  await page.getByRole('button', { name: 'Read and add' }).click();
  await expect.poll(() => asked).toBe(true);
  await page.getByRole('button', { name: 'Cancel' }).click();
  release();
  await expect(messages(page)).toContainText('Reading was cancelled; nothing new was added.', { timeout: 120_000 });
  await expect(page.getByRole('heading', { name: 'Your articles (0)' })).toBeVisible();
  // The text is still there to try again.
  await expect(page.getByLabel('Article text')).toHaveValue(/Ana Torres/);
});

test('hostile text in an article and its fields stays text in the panel, the reading view and the popup', async ({ page }) => {
  await openPanel(page);
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const article = `Talks in Lima ${payload}\n\nForeign Minister Ana Torres met Foreign Minister Rafael Quispe in Lima on Monday ${payload}, officials said.\n`;
  await page.getByLabel('Article text').fill(article);
  await page.getByLabel('Outlet').fill(`Outlet ${payload}`);
  await page.getByLabel('Address (URL)').fill('javascript:window.__pwned=1');
  await page.getByLabel('Headline').fill(`Headline ${payload}`);
  await page.getByLabel('Published').fill('2025-03-12');
  await page.getByRole('button', { name: 'Read and add' }).click();
  await expect(messages(page)).toContainText('1 event found', { timeout: 120_000 });
  await expect(messages(page)).toContainText('is not http(s); ignored');
  await page.getByRole('button', { name: 'Show the reading' }).first().click();
  await expect(page.locator('.reading .text')).toContainText(payload);
  await page.getByRole('button', { name: 'Show on the map' }).first().click();
  const popup = page.getByRole('dialog').filter({ hasText: 'Ana Torres' });
  await expect(popup).toContainText(`Outlet ${payload}`);
  await expect(popup.getByRole('link', { name: /Read the original/ })).toHaveCount(0);
  const made = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    scripts: [...document.querySelectorAll('#add-articles-panel script, .maplibregl-popup script, #add-articles-panel img, .maplibregl-popup img')].length,
    onAttributes: [...document.querySelectorAll('#add-articles-panel *, .maplibregl-popup *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
  }));
  expect(made).toEqual({ pwned: undefined, scripts: 0, onAttributes: 0 });
});
