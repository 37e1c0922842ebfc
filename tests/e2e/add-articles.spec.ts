/**
 * "Add articles" (issue 10): news text pasted or dropped in the browser is read by the same pipeline core
 * as the CLI, in a worker, and its events join the map, merged with the events already shown.
 * Fixtures: tests/fixtures/add/ (README there).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, findEvent, generatedEvents, openApp, pagePoint, renderedEvents, test, waitForMapIdle } from './fixtures';
import { formatEventDate } from '../../src/core/timewindow';
import type { DatelineEvent } from '../../src/core/types';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/add');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const ANDES_A = { outlet: 'Mapocho Ledger', url: 'https://ledger.example/rail', title: 'Chile and Bolivia agree to reopen border rail freight', published: '2025-09-12' };
const ANDES_B = { outlet: 'Pacific Wire', url: 'https://pacificwire.example/mamani', title: 'Mamani in Chilean capital for railway talks', published: '2025-09-11' };
const SANTIAGO = { lon: -70.6483, lat: -33.4569 };

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add articles' }).click();
  await expect(page.getByRole('heading', { name: 'Add articles', level: 2 })).toBeVisible();
}

async function closePanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close Add articles' }).click();
  await expect(page.locator('#add-articles-panel')).toHaveCount(0);
}

/** Pastes an article with its fields and waits until it has been read (the panel says what it found). */
async function paste(page: Page, text: string, fields: Partial<typeof ANDES_A> = {}): Promise<void> {
  await page.getByLabel('Article text').fill(text);
  if (fields.outlet) await page.getByLabel('Outlet').fill(fields.outlet);
  if (fields.url) await page.getByLabel('Address (URL)').fill(fields.url);
  if (fields.title) await page.getByLabel('Headline').fill(fields.title);
  if (fields.published) await page.getByLabel('Published').fill(fields.published);
  await page.getByRole('button', { name: 'Read and add' }).click();
  await expectRead(page);
}

/** Waits until the panel has finished reading and shows what it read. */
async function expectRead(page: Page): Promise<void> {
  await expect(page.locator('#add-articles-panel .messages li').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#add-articles-panel progress')).toHaveCount(0, { timeout: 60_000 });
}

/** The event list's entry for an event (list items carry the event id). */
const listItem = (page: Page, id: string): Locator => page.locator(`.event-list button.item[data-event-id="${id}"]`);

/** Ids of the events listed whose title contains a text. */
async function listedIds(page: Page, title: string): Promise<string[]> {
  const items = page.locator('.event-list button.item').filter({ hasText: title });
  return items.evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.eventId!));
}

test.describe('Add articles', () => {
  // The first use loads the 7 MB gazetteer into the worker; on a busy 2-core machine that alone can take 20 s.
  test.describe.configure({ timeout: 180_000 });
  test('a pasted article puts its event at the right place and date with its quote; a second outlet adds a source', async ({ page }) => {
    await openApp(page);
    const meetings = page.locator('.legend label.type').filter({ hasText: 'Meeting' }).locator('.count');
    const meetingsBefore = Number((await meetings.textContent())!.replace(/\D/g, ''));
    await openPanel(page);
    await paste(page, fixture('paste/andes-talks-a.txt'), ANDES_A);
    await expect(page.locator('.messages')).toContainText(`${ANDES_A.title}: 1 event found`);
    await closePanel(page);
    // Legend counts and the slider's range take the new event like any other layer's.
    await expect(meetings).toHaveText(new RegExp(`^${meetingsBefore + 1}`));
    await expect(page.locator('.timeline-area')).toContainText('2025');

    const ids = await listedIds(page, 'Meeting of Tomás Herrera and Lucía Mamani in Santiago');
    expect(ids).toHaveLength(1);
    const item = listItem(page, ids[0]);
    // "on Wednesday" in a story published on Friday 12 September 2025: 10 September.
    await expect(item).toContainText('10 September 2025');
    await expect(item).toContainText('Santiago');
    await expect(item).toContainText('1 source');
    await item.click();
    const popup = page.getByRole('dialog', { name: 'Meeting of Tomás Herrera and Lucía Mamani in Santiago' });
    await expect(popup).toContainText('Santiago — city');
    await expect(popup).toContainText(ANDES_A.outlet);
    await expect(popup.locator('blockquote')).toContainText('met in Santiago on Wednesday and agreed to reopen the freight railway');
    await expect(popup.getByRole('link', { name: /Read the original/ })).toHaveAttribute('href', ANDES_A.url);
    await waitForMapIdle(page);
    // Drawn at Santiago.
    const at = await pagePoint(page, SANTIAGO.lon, SANTIAGO.lat);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    expect((await renderedEvents(page, { x: at.x - box.x, y: at.y - box.y, radius: 12 })).map((e) => e.id)).toContain(ids[0]);
    await page.keyboard.press('Escape');

    await openPanel(page);
    await paste(page, fixture('paste/andes-talks-b.txt'), ANDES_B);
    await closePanel(page);
    expect(await listedIds(page, 'Meeting of Tomás Herrera and Lucía Mamani in Santiago')).toHaveLength(1);
    const merged = listItem(page, (await listedIds(page, 'Meeting of Tomás Herrera and Lucía Mamani in Santiago'))[0]);
    await expect(merged).toContainText('2 sources');
    await expect(merged).toContainText('10 September 2025');
  });

  test('a new report of the seeds’ April 2021 Tehran meeting adds a fifth source to that event, not a second event', async ({ page }) => {
    const tehran = findEvent('the April 2021 Tehran meeting', (e) => e.properties.type === 'meeting' && e.properties.date_start === '2021-04-12' && e.properties.place_id === 'gn:112931');
    expect(tehran.properties.sources).toHaveLength(4);
    await openApp(page);
    await openPanel(page);
    await paste(page, fixture('paste/security-talks-tehran.txt'), { outlet: 'Gulf Desk', published: '2021-04-13' });
    await expect(page.locator('.messages')).toContainText('1 event found');
    await closePanel(page);
    await expect(listItem(page, tehran.properties.id)).toContainText('5 sources');
    const meetingsThatDay = page.locator('.event-list button.item').filter({ hasText: '12 April 2021' }).filter({ hasText: 'Meeting' });
    await expect(meetingsThatDay).toHaveCount(1);
    await listItem(page, tehran.properties.id).click();
    const popup = page.getByRole('dialog', { name: tehran.properties.title });
    await expect(popup.locator('section.source')).toHaveCount(5);
    await expect(popup).toContainText('Gulf Desk');
  });

  test('a dropped folder with sources.csv gives the same events as the CLI on that folder', async ({ page }) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-add-cli-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/extract.ts', 'tests/fixtures/add/folder', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const cli = (JSON.parse(fs.readFileSync(path.join(out, 'events.geojson'), 'utf8')).features as DatelineEvent[]).map((e) => e.properties);
    fs.rmSync(out, { recursive: true, force: true });
    expect(cli.length).toBeGreaterThanOrEqual(2);

    await openApp(page);
    await openPanel(page);
    // A map of one's own articles only: what is listed is exactly what was read from the folder.
    await page.getByLabel(/The loaded events too/).uncheck();
    await page.locator('input[webkitdirectory]').setInputFiles(path.join(FIXTURES, 'folder'));
    await expectRead(page);
    await expect(page.getByLabel(/Events of your articles/)).toBeChecked();
    await closePanel(page);
    const listed = await page.locator('.event-list button.item').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.eventId!));
    expect(listed.sort()).toEqual(cli.map((p) => p.id).sort());
    for (const p of cli) {
      const item = listItem(page, p.id);
      await expect(item).toContainText(formatEventDate(p));
      await expect(item).toContainText(p.place_name);
      await expect(item).toContainText(`${p.sources.length} source${p.sources.length === 1 ? '' : 's'}`);
    }
  });

  test('files dropped on the panel are read there, not by Import; a place can be picked on the map', async ({ page }) => {
    await openApp(page);
    await openPanel(page);
    const manifest = `file,outlet,url,published,title,notes\nandes-talks-a.txt,${ANDES_A.outlet},${ANDES_A.url},${ANDES_A.published},${ANDES_A.title},\n`;
    await page.locator('#add-articles-panel .drop').evaluate((zone, files) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([f.text], f.name, { type: f.type }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [{ name: 'andes-talks-a.txt', text: fixture('paste/andes-talks-a.txt'), type: 'text/plain' }, { name: 'sources.csv', text: manifest, type: 'text/csv' }]);
    await expectRead(page);
    await expect(page.locator('.messages')).toContainText(`${ANDES_A.title}: 1 event found`);
    await expect(page.locator('#import-dialog')).not.toBeVisible();

    await page.getByRole('button', { name: `Read ${ANDES_A.title}` }).click();
    const card = page.locator('section.event').first();
    await card.getByText('Correct this event').click();
    await card.getByRole('button', { name: 'Pick on the map' }).click();
    await waitForMapIdle(page);
    // Valparaíso, on the coast west of Santiago (in view: the map was framed on the new event).
    const at = await pagePoint(page, -71.6127, -33.0472);
    await page.mouse.click(at.x, at.y);
    const first = card.locator('.choices button').first();
    await expect(first).toContainText(/^(Valparaíso|Viña del Mar), Chile \(city, pop\. [\d,]+, \d+ km away\)$/);
    await first.click();
    await expect(card.getByRole('list', { name: 'Corrections of this event' })).toContainText(/Place: Santiago \(gn:\d+\) → (Valparaíso|Viña del Mar) \(gn:\d+\)/);
  });

  test('a correction survives a reload and appears in the popup and the CSV export', async ({ page }) => {
    await openApp(page);
    await openPanel(page);
    await paste(page, fixture('paste/andes-talks-a.txt'), ANDES_A);
    await page.getByRole('button', { name: 'Show the reading' }).click();
    const card = page.locator('section.event').filter({ hasText: 'Meeting of Tomás Herrera and Lucía Mamani' });
    await card.getByText('Correct this event').click();
    await card.getByLabel('Right date').fill('2025-09-09');
    await card.getByRole('button', { name: 'Set date' }).click();
    await expect(card.getByRole('list', { name: 'Corrections of this event' })).toContainText('Date: 2025-09-10 → 2025-09-09');

    await page.reload();
    await waitForMapIdle(page);
    const ids = await (async () => {
      await expect(page.locator('.event-list button.item').filter({ hasText: 'Tomás Herrera' })).toHaveCount(1, { timeout: 60_000 });
      return listedIds(page, 'Tomás Herrera');
    })();
    const item = listItem(page, ids[0]);
    await expect(item).toContainText('9 September 2025');
    await item.click();
    const popup = page.getByRole('dialog', { name: /Tomás Herrera/ });
    await expect(popup.getByRole('note').filter({ hasText: 'Corrected by a reader' })).toContainText('Date: 2025-09-10 → 2025-09-09');

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Events (CSV)' }).click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    const row = csv.split('\n').find((line) => line.startsWith(ids[0]));
    expect(row).toContain('2025-09-09');
    expect(row).toContain('date corrected by a reader from 2025-09-10 to 2025-09-09');
    // GeoJSON keeps the correction as data.
    const geojsonDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'GeoJSON' }).click();
    const geojson = JSON.parse(fs.readFileSync(await (await geojsonDownload).path(), 'utf8'));
    const feature = geojson.features.find((f: { properties: { event_id: string } }) => f.properties.event_id === ids[0]);
    expect(feature.properties.corrections).toEqual([{ field: 'date', from: '2025-09-10', to: '2025-09-09', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(feature.properties.event_date).toBe('2025-09-09');
  });

  test('an event’s type can be corrected, and an event rejected and the rejection undone', async ({ page }) => {
    await openApp(page);
    await openPanel(page);
    await paste(page, fixture('paste/andes-talks-a.txt'), ANDES_A);
    await page.getByRole('button', { name: 'Show the reading' }).click();
    const card = page.locator('section.event').first();
    await card.getByText('Correct this event').click();
    await card.getByLabel('Right type').selectOption({ label: 'Visit / travel' });
    await card.getByRole('button', { name: 'Set type' }).click();
    await expect(page.locator('section.event').first().getByRole('list', { name: 'Corrections of this event' })).toContainText('Type: meeting → visit');
    const item = page.locator('.event-list button.item').filter({ hasText: 'Tomás Herrera' });
    await expect(item).toContainText('Visit / travel');
    // The correction controls stay open after a correction (the same event, the same card).
    const reject = page.locator('section.event').first().getByRole('button', { name: 'Not an event: reject it' });
    if (!(await reject.isVisible())) await page.locator('section.event').first().getByText('Correct this event').click();
    await reject.click();
    await expect(item).toHaveCount(0);
    await page.getByRole('button', { name: /Back to Add articles/ }).click();
    const undo = page.getByRole('button', { name: /^Undo rejecting / });
    await expect(undo).toBeVisible();
    await undo.click();
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Visit / travel');
  });

  test('articles are removed one by one or all at once; the layer can be hidden; nothing is kept after Remove all', async ({ page }) => {
    await openApp(page);
    await openPanel(page);
    await paste(page, fixture('paste/andes-talks-a.txt'), ANDES_A);
    await paste(page, fixture('paste/andes-talks-b.txt'), ANDES_B);
    await expect(page.getByRole('heading', { name: 'Your articles (2)' })).toBeVisible();
    const herrera = page.locator('.event-list button.item').filter({ hasText: 'Tomás Herrera' });
    await expect(herrera).toContainText('2 sources');
    // Hidden and shown again, like an imported layer.
    await page.getByLabel(/Events of your articles/).uncheck();
    await expect(herrera).toHaveCount(0);
    await page.getByLabel(/Events of your articles/).check();
    await expect(herrera).toContainText('2 sources');
    await page.getByRole('button', { name: `Remove ${ANDES_A.title}` }).click();
    await expect(page.getByRole('heading', { name: 'Your articles (1)' })).toBeVisible();
    await expect(herrera).toContainText('1 source');
    await page.getByRole('button', { name: 'Remove all…' }).click();
    await page.getByRole('button', { name: 'Remove all', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Your articles (0)' })).toBeVisible();
    await expect(herrera).toHaveCount(0);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('dateline-articles');
    await page.reload();
    await waitForMapIdle(page);
    await expect(page.locator('.event-list button.item')).toHaveCount(findAllCount());
    await expect(herrera).toHaveCount(0);
  });

  test('a batch of 25 dropped articles: each is read with its reading, and all are kept over a reload', async ({ page }) => {
    // The kinds of the reading worker's replies, in order.
    await page.addInitScript(() => {
      const replies: string[] = ((window as unknown as { __replyKinds: string[] }).__replyKinds = []);
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (options?.name === 'dateline-add-articles') this.addEventListener('message', (event: MessageEvent) => replies.push(event.data?.kind));
        }
      };
    });
    await openApp(page);
    await openPanel(page);
    // About 4,800 characters each: the readings reach the page in three messages (protocol.ts, 10 each) and
    // the articles are kept in IndexedDB in two parts of at most 100,000 characters.
    const story = fixture('paste/andes-talks-a.txt').trim();
    const files = Array.from({ length: 25 }, (_, i) => ({
      name: `batch-${String(i + 1).padStart(2, '0')}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(Array.from({ length: 8 }, (_, k) => `${story} (${i + 1}.${k + 1})`).join('\n\n')),
    }));
    await page.locator('input[type=file][multiple]').setInputFiles(files);
    await expectRead(page);
    await expect(page.getByRole('heading', { name: 'Your articles (25)' })).toBeVisible();
    // One message an article (and its warnings); every article's reading arrived (its message offers it),
    // the last one's with its highlights.
    const messages = page.locator('#add-articles-panel .messages li').filter({ hasText: /^batch-\d\d\.txt: 1 event found/ });
    await expect(messages).toHaveCount(25);
    await expect(messages.getByRole('button', { name: 'Show the reading' })).toHaveCount(25);
    // The readings came ahead of the reply in parts, each deserialised in a task of its own.
    const kinds = (await page.evaluate(() => (window as unknown as { __replyKinds: string[] }).__replyKinds)).filter((k) => k !== 'progress');
    expect(kinds.slice(-3)).toEqual(['readings', 'readings', 'extracted']);
    await messages.filter({ hasText: 'batch-25.txt' }).getByRole('button', { name: 'Show the reading' }).click();
    await expect(page.locator('#add-articles-panel .text button.hl.place').filter({ hasText: 'Santiago' }).first()).toBeVisible();
    await page.reload();
    await waitForMapIdle(page);
    await openPanel(page);
    await expect(page.getByRole('heading', { name: 'Your articles (25)' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Read batch-01.txt' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Read batch-25.txt' })).toBeVisible();
  });

  test('the first view loads no extraction code and no gazetteer; opening the panel and reading does', async ({ page }) => {
    const requests: string[] = [];
    const methods = new Set<string>();
    page.on('request', (r) => {
      requests.push(r.url());
      methods.add(r.method());
    });
    await openApp(page);
    await page.waitForTimeout(500);
    const firstView = requests.filter((u) => /extract\.worker|browser-gazetteer|\/lazy-/.test(u));
    expect(firstView).toEqual([]);
    expect(requests.some((u) => /\/index-[\w-]+\.js$/.test(u))).toBe(true);
    await openPanel(page);
    expect(requests.some((u) => /\/lazy-[\w-]+\.js$/.test(u))).toBe(true);
    await paste(page, fixture('paste/andes-talks-a.txt'), ANDES_A);
    expect(requests.filter((u) => /extract\.worker-[\w-]+\.js$/.test(u))).toHaveLength(1);
    expect(requests.filter((u) => /browser-gazetteer-[\w-]+\.json$/.test(u))).toHaveLength(1);
    // Nothing is sent anywhere: only reads, all on this origin (the fixture fails on any other host).
    expect([...methods]).toEqual(['GET']);
  });

  test('axe finds no violation in the panel, the reading view and the correction controls', async ({ page }) => {
    const axe = async () => {
      const result = await new AxeBuilder({ page }).include('#add-articles-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    await openApp(page);
    await openPanel(page);
    await paste(page, fixture('paste/andes-talks-a.txt'), ANDES_A);
    await axe();
    await page.getByRole('button', { name: 'Show the reading' }).click();
    await expect(page.locator('.reading .text button.hl').first()).toBeVisible();
    await axe();
    const card = page.locator('section.event').first();
    await card.getByText('Correct this event').click();
    await card.getByLabel('Right place').fill('Valpar');
    await expect(card.locator('.choices button').first()).toBeVisible();
    await axe();
  });

  test('everything works with the keyboard alone: open, paste, read, correct a place, show a highlight on the map', async ({ page }) => {
    await openApp(page);
    await tabTo(page, page.getByRole('button', { name: 'Add articles' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Article text'));
    await page.keyboard.insertText(fixture('paste/andes-talks-a.txt'));
    await tabTo(page, page.getByLabel('Published'));
    await page.keyboard.type(ANDES_A.published);
    await tabTo(page, page.getByRole('button', { name: 'Read and add' }));
    await page.keyboard.press('Enter');
    await expectRead(page);
    await tabTo(page, page.getByRole('button', { name: 'Show the reading' }));
    await page.keyboard.press('Enter');
    // Focusing a highlighted place says what it was read as and shows it on the map.
    const place = page.locator('.reading .text button.hl.place').filter({ hasText: /^Santiago$/ }).first();
    await tabTo(page, place);
    await expect(page.locator('#reading-detail')).toContainText('Santiago, Chile — city');
    await expect(page.locator('#reading-detail')).toContainText('Supports: Meeting of Tomás Herrera and Lucía Mamani in Santiago');
    await expect(page.locator('.add-reading-marker')).toBeVisible();
    await expect(page.locator('.add-reading-label')).toHaveText('Santiago');
    await waitForMapIdle(page);
    const marker = (await page.locator('.add-reading-dot').boundingBox())!;
    const at = await pagePoint(page, SANTIAGO.lon, SANTIAGO.lat);
    expect(Math.abs(marker.x + marker.width / 2 - at.x)).toBeLessThan(4);
    expect(Math.abs(marker.y + marker.height / 2 - at.y)).toBeLessThan(4);
    // Correct the place with the search box, by keyboard.
    const card = page.locator('section.event').first();
    await tabTo(page, card.getByText('Correct this event'));
    await page.keyboard.press('Enter');
    await tabTo(page, card.getByLabel('Right place'));
    await page.keyboard.type('Valparaiso');
    const choice = card.locator('.choices button').filter({ hasText: 'Valparaíso, Chile' }).first();
    await expect(choice).toBeVisible();
    await tabTo(page, choice);
    await page.keyboard.press('Enter');
    await expect(page.locator('section.event').first()).toContainText('Valparaíso');
    await expect(page.locator('section.event').first().getByRole('list', { name: 'Corrections of this event' })).toContainText('Place: Santiago (gn:');
  });
});

/** How many events the shipped data has (the list shows them all on a fresh page). */
function findAllCount(): number {
  return generatedEvents().length;
}

/** Presses Tab until the element has focus (fails after `max` presses): proves it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}
