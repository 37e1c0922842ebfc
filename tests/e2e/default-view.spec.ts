/**
 * The first view is the map fitted to the events, set before the map has loaded (issue 12, finding 15).
 * That fit is no view anyone chose: the URL, and the Embed snippet copied from it, leave the view out,
 * so an embed of any size fits the events again. A view someone chose (a zoom) goes into the URL.
 */
import { expect, openApp, test, waitForMapIdle } from './fixtures';

test('the automatic fit to the events stays out of the URL and the embed snippet; a zoom goes in', async ({ page }) => {
  await openApp(page);
  // The URL is written once the events are known (throttled replaceState): give it the time.
  await page.waitForTimeout(1000);
  expect(new URL(page.url()).searchParams.get('map'), 'view in the URL without a move').toBeNull();

  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const snippet = await page.locator('#embed-snippet').inputValue();
  expect(snippet).toContain('embed=1');
  expect(snippet, 'view in the embed snippet without a move').not.toMatch(/[?&;]map=/);
  await page.keyboard.press('Escape');

  await page.locator('.maplibregl-canvas').focus();
  await page.keyboard.press('Equal');
  await waitForMapIdle(page);
  const zoom = await page.evaluate(() => window.__map!.getZoom());
  await expect.poll(() => page.url()).toContain(`map=${zoom.toFixed(2)}/`);
});
