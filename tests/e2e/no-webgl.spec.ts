/**
 * Issue 12, finding 10: a browser without WebGL (`--disable-webgl --disable-3d-apis`, or no GPU and no
 * software rasteriser). The map area says in words that the map cannot be drawn here, and choosing an
 * event in the list shows its details (the popup's content, sources and quotes) beside the list.
 */
import { CHROMIUM_ARGS } from '../../playwright.config';
import { expect, findEvent, test } from './fixtures';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS.filter((a) => !/swiftshader/.test(a)), '--disable-webgl', '--disable-3d-apis'],
  },
});

const tehranMeeting = () =>
  findEvent('the April 2021 meeting in Tehran', (e) => e.properties.place_name === 'Tehran' && e.properties.date_start === '2021-04-12');

test('without WebGL the map area explains itself and the list opens event details with sources and quotes', async ({ page }, testInfo) => {
  const tehran = tehranMeeting();
  await page.goto('./');
  expect(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2')), 'this browser really has no WebGL').toBe(false);

  const notice = page.locator('.map-panel').getByRole('status').filter({ hasText: 'cannot be drawn' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('list');
  // Not MapLibre's raw error text.
  await expect(page.locator('.map-panel')).not.toContainText(/Failed to initialize|GPUInitialization|could not start/);

  const item = page.locator(`.event-list [data-event-id="${tehran.properties.id}"]`);
  await item.click();
  const details = page.getByRole('region', { name: tehran.properties.title });
  await expect(details).toBeVisible();
  await expect(details.getByRole('heading', { name: tehran.properties.title })).toBeFocused();
  await expect(details).toContainText('12 April 2021');
  const sources = details.locator('section.source');
  await expect(sources).toHaveCount(tehran.properties.sources.length);
  for (let i = 0; i < tehran.properties.sources.length; i++) {
    await expect(sources.nth(i).locator('.outlet')).not.toBeEmpty();
    await expect(sources.nth(i).locator('blockquote')).not.toBeEmpty();
  }
  const hrefs = await details.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  // The details sit beside the list, not under the legend or off screen.
  const box = (await details.boundingBox())!;
  const legend = (await page.locator('.legend-holder').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(legend.x + legend.width - 1);
  expect(box.width).toBeGreaterThan(250);
  await expect(page).toHaveURL(new RegExp(`event=${tehran.properties.id}`));
  await page.screenshot({ path: testInfo.outputPath('no-webgl.png') });

  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(item).toBeFocused();
});
