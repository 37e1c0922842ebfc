/**
 * Keyboard and phone access for viewers (issue 11, items 15–17): skip links, Esc on the phone's list
 * sheet, no hidden Tab stops, imported layers outside the sideways toolbar, no tooltip left by a tap,
 * 24 px checkbox and radio targets, and the legend's counts in words.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, generatedEvents, openApp, pagePoint, test } from './fixtures';
import { EVENT_TYPE_INFO, EVENT_TYPES } from '../../src/core/taxonomy';

const PHONE = { width: 375, height: 667 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** An ACLED-style file dropped on the Import dialog (it needs no column mapping), then Done. */
async function importAcledFile(page: Page) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const text = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/io/import/acled-style.csv'), 'utf8');
  await page.locator('#import-dialog .drop').waitFor();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'acled-style.csv', { type: 'text/csv' }));
    document.querySelector('#import-dialog .drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByRole('region', { name: 'Import of acled-style.csv' })).toContainText('events loaded');
  await page.getByRole('button', { name: 'Done' }).click();
}

test.describe('keyboard', () => {
  test('the first Tab stops skip to the event list and to the time controls', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the event list' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Skip to the event list' })).toBeInViewport();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.locator('.event-list').getByRole('searchbox')).toBeFocused();

    await page.keyboard.press('Shift+Tab'); // back to the list itself
    await page.goto('./');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the time controls' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('From', { exact: true })).toBeFocused();
  });

  test("the Import dialog's hidden file input is not a Tab stop", async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const file = page.locator('dialog[open] input[type="file"]');
    await expect(file).toHaveCount(1);
    expect(await file.getAttribute('tabindex')).toBe('-1');
    // Tab through the whole dialog: focus never lands on the invisible input.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).not.toBe('file');
    }
  });
});

test.describe('phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('Esc closes the list sheet and gives focus back to its button; skip link opens it', async ({ page }) => {
    await openApp(page);
    const toggle = page.getByRole('button', { name: /^List of events/ });
    await toggle.click();
    await page.locator('.event-list').getByRole('searchbox').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary', { name: 'Event list' })).toBeHidden();
    await expect(toggle).toBeFocused();

    await page.keyboard.press('Shift+Tab');
    await page.goto('./');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: 'Event list' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.locator('.event-list').getByRole('searchbox')).toBeFocused();
  });

  test('a tap on an event opens it and leaves no hover tooltip behind', async ({ page }) => {
    await openApp(page);
    const city = generatedEvents().find((e) => e.properties.place_precision === 'city')!;
    const at = await pagePoint(page, city.properties.lon, city.properties.lat);
    await page.touchscreen.tap(at.x, at.y);
    await expect(page.locator('.maplibregl-popup, .popup-sheet, [role="dialog"]').first()).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.locator('.map-panel .tooltip')).toHaveCount(0);
  });

  test('checkboxes and radios are 24 px targets', async ({ page }) => {
    await openApp(page);
    await page.getByText('Legend & layers').click();
    const boxes = page.locator('input[type="checkbox"]:visible, input[type="radio"]:visible');
    expect(await boxes.count()).toBeGreaterThan(5);
    for (const box of await boxes.all()) {
      const rect = (await box.boundingBox())!;
      expect(rect.width, `${await box.evaluate((el) => el.closest('label')?.textContent?.trim())}`).toBeGreaterThanOrEqual(24);
      expect(rect.height).toBeGreaterThanOrEqual(24);
    }
  });

  test('an imported layer is switched in a row of its own, not in the sideways-scrolling toolbar', async ({ page }) => {
    await openApp(page);
    await importAcledFile(page);
    const toggle = page.getByRole('checkbox', { name: /acled-style/ });
    await expect(toggle).toBeVisible();
    await expect(page.locator('[role="toolbar"]').getByRole('checkbox')).toHaveCount(0);
    // Its name is shown in full, inside the screen.
    const name = page.locator('.imported .name', { hasText: 'acled-style' });
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const box = (await name.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test('the legend says "1 event", not "1 events"', async ({ page }) => {
  await openApp(page);
  const counts = new Map<string, number>();
  for (const e of generatedEvents()) counts.set(e.properties.type, (counts.get(e.properties.type) ?? 0) + 1);
  const single = EVENT_TYPES.find((t) => counts.get(t) === 1);
  test.skip(!single, 'no event type with exactly one event in the shipped data');
  const label = EVENT_TYPE_INFO[single!].label;
  await expect(page.locator('.legend').getByRole('checkbox', { name: `${label} 1 event`, exact: true })).toHaveCount(1);
});
