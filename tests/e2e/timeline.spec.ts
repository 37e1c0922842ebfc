/**
 * The time slider and the event list in the production build: window, keyboard, playback, cumulative
 * mode, "date unknown", search — and that the map always shows what the list shows.
 * Expected values come from the shipped events file and the core functions that unit tests pin down.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, openApp, waitForMapIdle, renderedEvents } from './fixtures';
import { eventSpan, formatDay, histogram, civilFromDay, dayFromIso, addCalendar, keyboardSteps } from '../../src/core/timewindow';
import type { DatelineEvent } from '../../src/core/types';

/** The events the build ships: the same file vite.config.ts bundles (DATELINE_EVENTS or data/events.geojson). */
function shippedEvents(): DatelineEvent[] {
  const file = path.resolve(import.meta.dirname, '../..', process.env.DATELINE_EVENTS ?? 'data/events.geojson');
  return JSON.parse(fs.readFileSync(file, 'utf8')).features as DatelineEvent[];
}

const events = shippedEvents();
const yearOf = (e: DatelineEvent) => {
  const span = eventSpan(e.properties);
  return span ? civilFromDay(span.start).year : null;
};
const domain = histogram(events.map((e) => eventSpan(e.properties)))!.domain;
const steps = keyboardSteps(domain);
/** The 2014 campaign: the year-precision event of 2014. */
const campaign = events.find((e) => e.properties.time_precision === 'year' && yearOf(e) === 2014);
const recent = events.filter((e) => (yearOf(e) ?? 0) >= 2020);
const undated = events.filter((e) => eventSpan(e.properties) === null);

const startHandle = (page: Page) => page.getByRole('slider', { name: 'Window start' });
const endHandle = (page: Page) => page.getByRole('slider', { name: 'Window end' });
const listPanel = (page: Page) => page.locator('.event-list');
const listedIds = (page: Page) =>
  listPanel(page).locator('[data-event-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-id')!));

/** Ids of the events the map draws, deduplicated (place labels carry no event id and are skipped). */
async function drawnIds(page: Page): Promise<Set<string>> {
  await waitForMapIdle(page);
  const features = (await renderedEvents(page)).filter((e) => e.layer !== 'events-point-labels');
  return new Set(features.map((e) => e.id));
}

/** Presses Tab until the focused element matches, like a keyboard user would (fails after `max`). */
async function tabTo(page: Page, accessibleName: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.getAttribute('data-event-id') ?? el?.textContent?.trim() ?? '';
    });
    if (name === accessibleName) return;
  }
  throw new Error(`Tab never reached "${accessibleName}"`);
}

test.describe('time slider and event list', () => {
  test.beforeAll(() => {
    expect(campaign, 'the shipped events include the 2014 campaign at year precision').toBeTruthy();
    expect(recent.length, 'the shipped events include 2020–2021 events').toBeGreaterThan(0);
  });

  test('moving the window before 2020 hides the 2020–2021 events and shows the 2014 campaign, on the map and in the list', async ({ page }) => {
    await openApp(page);
    const drawnAtStart = await drawnIds(page);
    for (const e of recent) expect(drawnAtStart.has(e.properties.id), `${e.properties.id} drawn at start`).toBe(true);

    // Keyboard only: the skip link to the time controls, Tab to the end handle, Page Down until the window ends before 2020.
    await tabTo(page, 'Skip to the time controls');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Window end');
    for (let i = 0; i < 40; i++) {
      const text = (await endHandle(page).getAttribute('aria-valuetext'))!;
      if (Number(text.slice(-4)) < 2020) break;
      await page.keyboard.press('PageDown');
    }
    await expect(endHandle(page)).toHaveAttribute('aria-valuetext', /201\d$/);

    const listed = await listedIds(page);
    expect(listed).toContain(campaign!.properties.id);
    for (const e of recent) expect(listed).not.toContain(e.properties.id);
    await expect(listPanel(page).getByRole('heading', { name: /^2014/ })).toBeVisible();
    await expect(listPanel(page).getByRole('heading', { name: /^202\d/ })).toHaveCount(0);

    const drawn = await drawnIds(page);
    for (const e of recent) expect(drawn.has(e.properties.id), `${e.properties.id} hidden on the map`).toBe(false);
    expect(drawn.has(campaign!.properties.id), 'the 2014 campaign is drawn').toBe(true);

  });

  test('a year-precision event occupies its whole year: a June 2014 window shows the campaign', async ({ page }) => {
    await openApp(page, '?from=2014-06-01&to=2014-06-30');
    await expect(startHandle(page)).toHaveAttribute('aria-valuetext', '1 June 2014');
    await expect(endHandle(page)).toHaveAttribute('aria-valuetext', '30 June 2014');
    expect(await listedIds(page)).toContain(campaign!.properties.id);
    expect((await drawnIds(page)).has(campaign!.properties.id)).toBe(true);
  });

  test('the handles are keyboard sliders whose value text reads the date', async ({ page }) => {
    await openApp(page);
    await tabTo(page, 'Window start');
    const start = startHandle(page);
    await expect(start).toBeFocused();
    await expect(start).toHaveAttribute('aria-valuetext', formatDay(domain.start));
    await expect(start).toHaveAttribute('aria-valuemin', String(domain.start));

    await page.keyboard.press('ArrowRight');
    await expect(start).toHaveAttribute('aria-valuetext', formatDay(addCalendar(domain.start, steps.small, 1)));
    await page.keyboard.press('PageUp');
    const afterPageUp = addCalendar(addCalendar(domain.start, steps.small, 1), steps.large, 1);
    await expect(start).toHaveAttribute('aria-valuetext', formatDay(afterPageUp));
    await expect(start).toHaveAttribute('aria-valuenow', String(afterPageUp));
    await page.keyboard.press('Home');
    await expect(start).toHaveAttribute('aria-valuetext', formatDay(domain.start));

    // The end handle: End is the last day, Page Down a large step back; the start handle's maximum follows it.
    await page.keyboard.press('Tab');
    const end = endHandle(page);
    await expect(end).toBeFocused();
    await page.keyboard.press('PageDown');
    const endValue = addCalendar(domain.end, steps.large, -1);
    await expect(end).toHaveAttribute('aria-valuetext', formatDay(endValue));
    await expect(start).toHaveAttribute('aria-valuemax', String(endValue));
    await page.keyboard.press('End');
    await expect(end).toHaveAttribute('aria-valuetext', formatDay(domain.end));
    await expect(page.getByTestId('window-readout')).toHaveText(`${formatDay(domain.start)} – ${formatDay(domain.end)}`);

    // Focus is visible: the focused handle draws an outline.
    const outline = await end.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  test('Enter on a list item opens its popup and highlights it; the list says how many are shown', async ({ page }) => {
    await openApp(page);
    const target = recent.at(-1)!;
    await expect(page.getByTestId('list-status')).toHaveText(`${events.length} events shown`);
    const item = listPanel(page).locator(`[data-event-id="${target.properties.id}"]`);
    await item.focus();
    await page.keyboard.press('Enter');
    const popup = page.getByRole('dialog');
    await expect(popup).toBeVisible();
    await expect(popup).toContainText(target.properties.title);
    await expect(item).toHaveAttribute('aria-current', 'true');
    await expect(listPanel(page).getByRole('list').first()).toBeVisible();
  });

  test('an event selected by a link is highlighted and scrolled into view in the list', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 520 });
    const last = [...events].sort((a, b) => (eventSpan(a.properties)?.start ?? Infinity) - (eventSpan(b.properties)?.start ?? Infinity)).at(-1)!;
    await openApp(page, `?event=${encodeURIComponent(last.properties.id)}`);
    const item = listPanel(page).locator(`[data-event-id="${last.properties.id}"]`);
    await expect(item).toHaveAttribute('aria-current', 'true');
    await expect(item).toBeInViewport();
    await expect(listPanel(page).locator('[data-event-id]').first()).not.toBeInViewport();
  });

  test('play moves the window and pause stops it', async ({ page }) => {
    await openApp(page);
    const readout = page.getByTestId('window-readout');
    const before = await endHandle(page).getAttribute('aria-valuenow');
    await page.getByRole('button', { name: 'Play through time' }).click();
    await expect(page.getByRole('button', { name: 'Pause playback' })).toBeVisible();
    await expect(readout).not.toHaveText(`${formatDay(domain.start)} – ${formatDay(domain.end)}`);
    const first = Number(await endHandle(page).getAttribute('aria-valuenow'));
    await expect.poll(async () => Number(await endHandle(page).getAttribute('aria-valuenow'))).toBeGreaterThan(first);
    expect(first).not.toBe(Number(before));

    await page.getByRole('button', { name: 'Pause playback' }).click();
    const paused = await endHandle(page).getAttribute('aria-valuenow');
    await page.waitForTimeout(500);
    await expect(endHandle(page)).toHaveAttribute('aria-valuenow', paused!);
  });

  test('playback from a one-year window plays for seconds and skips the empty years', async ({ page }) => {
    test.setTimeout(120_000);
    // Reduced motion: playback jumps on a 1.5 s timer, so its wall time does not depend on how fast this
    // machine draws frames (animated playback follows the same rules, unit-tested in timeline-playback).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page, '?from=2020-01-01&to=2020-12-31');
    // Sampled in the page every 100 ms from the press of Play until playback stops: how long it took,
    // what was listed, how often nothing dated was.
    const undatedIds = undated.map((e) => e.properties.id);
    const run = await page.evaluate(
      (undatedIds) =>
        new Promise<{ ms: number; samples: number; empty: number; seen: string[] }>((resolve) => {
          const started = performance.now();
          const seen = new Set<string>();
          let samples = 0;
          let empty = 0;
          document.querySelector<HTMLButtonElement>('button[aria-label="Play through time"]')!.click();
          const timer = setInterval(() => {
            const ids = [...document.querySelectorAll('.event-list [data-event-id]')]
              .map((el) => el.getAttribute('data-event-id')!)
              .filter((id) => !undatedIds.includes(id));
            samples++;
            if (ids.length === 0) empty++;
            ids.forEach((id) => seen.add(id));
            const playing = [...document.querySelectorAll('button')].some((b) => b.getAttribute('aria-label') === 'Pause playback');
            if (!playing || performance.now() - started > 60_000) {
              clearInterval(timer);
              resolve({ ms: performance.now() - started, samples, empty, seen: [...seen] });
            }
          }, 100);
        }),
      undatedIds,
    );
    expect(run.ms, 'a one-year window does not end in a blink').toBeGreaterThan(3000);
    expect(run.ms).toBeLessThan(30_000);
    expect(run.empty / run.samples, `empty in ${run.empty} of ${run.samples} samples`).toBeLessThan(0.2);
    for (const e of events.filter((e) => eventSpan(e.properties))) expect(run.seen, `${e.properties.id} shown during playback`).toContain(e.properties.id);
  });

  test('the window dates can be typed', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('From', { exact: true }).fill('2014-03-01');
    await page.getByLabel('To', { exact: true }).fill('2019-12-31');
    await expect(startHandle(page)).toHaveAttribute('aria-valuetext', '1 March 2014');
    await expect(endHandle(page)).toHaveAttribute('aria-valuetext', '31 December 2019');
    const listed = await listedIds(page);
    expect(listed).toContain(campaign!.properties.id);
    for (const e of recent) expect(listed).not.toContain(e.properties.id);
    // A start after the end is refused with a message; the window stays.
    await page.getByLabel('From', { exact: true }).fill('2021-01-01');
    await expect(page.getByRole('alert')).toHaveText('The start date is after the end date.');
    await expect(startHandle(page)).toHaveAttribute('aria-valuetext', '1 March 2014');
  });

  test('with reduced motion, playback moves in discrete steps', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page);
    await page.getByRole('button', { name: 'Play through time' }).click();
    await expect(page.getByText('Playback moves in steps (reduced motion).')).toBeVisible();
    // Record every change of the end handle for 4 s: a few jumps by whole steps, not a glide every frame.
    const changes = await page.evaluate(
      () =>
        new Promise<{ t: number; v: number }[]>((resolve) => {
          const handle = document.querySelector('[role="slider"][aria-label="Window end"]')!;
          const seen: { t: number; v: number }[] = [{ t: performance.now(), v: Number(handle.getAttribute('aria-valuenow')) }];
          const observer = new MutationObserver(() =>
            seen.push({ t: performance.now(), v: Number(handle.getAttribute('aria-valuenow')) }),
          );
          observer.observe(handle, { attributes: true, attributeFilter: ['aria-valuenow'] });
          setTimeout(() => (observer.disconnect(), resolve(seen)), 4000);
        }),
    );
    const jumps = changes.slice(1).map((c, i) => ({ days: c.v - changes[i].v, ms: c.t - changes[i].t }));
    const report = JSON.stringify(jumps);
    expect(jumps.length, report).toBeGreaterThanOrEqual(1);
    for (const jump of jumps) expect(jump.days, report).toBeGreaterThan(20);
    for (const jump of jumps.slice(1)) expect(jump.ms, report).toBeGreaterThan(500);
  });

  test('cumulative mode shows everything up to one handle', async ({ page }) => {
    await openApp(page);
    await page.getByRole('radio', { name: 'Cumulative' }).check();
    await expect(startHandle(page)).toHaveCount(0);
    const upTo = page.getByRole('slider', { name: 'Show events up to' });
    await upTo.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('window-readout')).toHaveText(`up to ${formatDay(domain.start)}`);
    const expected = events
      .filter((e) => {
        const span = eventSpan(e.properties);
        return span === null || span.start <= domain.start;
      })
      .map((e) => e.properties.id);
    expect((await listedIds(page)).sort()).toEqual(expected.sort());
    await page.keyboard.press('End');
    expect(await listedIds(page)).toHaveLength(events.length);
  });

  test('"Date unknown" lists undated events and the toggle hides them everywhere', async ({ page }) => {
    test.skip(undated.length === 0, 'no undated events shipped');
    await openApp(page);
    const toggle = page.getByRole('checkbox', { name: `Date unknown (${undated.length})` });
    await expect(toggle).toBeChecked();
    await expect(listPanel(page).getByRole('heading', { name: /^Date unknown/ })).toBeVisible();
    for (const e of undated) expect(await listedIds(page)).toContain(e.properties.id);
    await toggle.uncheck();
    await expect(listPanel(page).getByRole('heading', { name: /^Date unknown/ })).toHaveCount(0);
    const drawn = await drawnIds(page);
    for (const e of undated) expect(drawn.has(e.properties.id)).toBe(false);
    await expect(page.getByTestId('list-status')).toHaveText(`${events.length - undated.length} of ${events.length} events shown`);
  });

  test('text search narrows the list and the map alike', async ({ page }) => {
    await openApp(page);
    await listPanel(page).getByRole('searchbox').fill('tehran');
    await expect(listPanel(page).locator('[data-event-id]').first()).toBeVisible();
    const listed = await listedIds(page);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(events.length);
    const drawn = await drawnIds(page);
    for (const id of drawn) expect(listed).toContain(id);
  });

  test('a search lists place and title matches first and says where each result matched', async ({ page }) => {
    await openApp(page);
    await listPanel(page).getByRole('searchbox').fill('tehran');
    const inPlaceOrTitle = (e: DatelineEvent) => /tehran/i.test(`${e.properties.place_name} ${e.properties.title}`);
    const best = events.filter(inPlaceOrTitle).map((e) => e.properties.id);
    const others = events.filter((e) => !inPlaceOrTitle(e) && e.properties.sources.some((s) => /tehran/i.test(s.outlet)));
    expect(best.length, 'the shipped events have place matches').toBeGreaterThan(0);
    expect(others.length, 'and outlet-only matches').toBeGreaterThan(0);
    await expect(listPanel(page).getByRole('heading', { name: /^Place or title matches/ })).toBeVisible();
    await expect(listPanel(page).getByRole('heading', { name: /^Other matches/ })).toBeVisible();
    await expect.poll(async () => (await listedIds(page)).slice(0, best.length).sort()).toEqual([...best].sort());
    const outletOnly = listPanel(page).locator(`[data-event-id="${others[0].properties.id}"]`);
    await expect(outletOnly).toContainText('Matched in outlet');
    await expect(listPanel(page).locator(`[data-event-id="${best[0]}"]`)).toContainText(/Matched in place/);
  });

  test('the handles follow a URL window', async ({ page }) => {
    await openApp(page, '?from=2015-03-01&to=2019-12-31');
    await expect(startHandle(page)).toHaveAttribute('aria-valuetext', formatDay(dayFromIso('2015-03-01')!));
    await expect(endHandle(page)).toHaveAttribute('aria-valuetext', '31 December 2019');
    for (const e of recent) expect(await listedIds(page)).not.toContain(e.properties.id);

    // Shift moves the whole window: the keyboard's way to drag the range.
    await startHandle(page).focus();
    await page.keyboard.press('Shift+PageUp');
    await expect(startHandle(page)).toHaveAttribute('aria-valuetext', '1 March 2016');
    await expect(endHandle(page)).toHaveAttribute('aria-valuetext', '31 December 2020');
    await page.keyboard.press('Shift+End');
    await expect(endHandle(page)).toHaveAttribute('aria-valuetext', formatDay(domain.end));
    const width = dayFromIso('2019-12-31')! - dayFromIso('2015-03-01')!;
    await expect(startHandle(page)).toHaveAttribute('aria-valuenow', String(domain.end - width));
  });

  test('the mouse drags the window as a whole, or one handle', async ({ page }) => {
    await openApp(page, '?from=2015-01-01&to=2016-12-31');
    const width = () =>
      Promise.all([startHandle(page), endHandle(page)].map((h) => h.getAttribute('aria-valuenow'))).then(
        ([a, b]) => Number(b) - Number(a),
      );
    const before = await width();
    const startBefore = Number(await startHandle(page).getAttribute('aria-valuenow'));
    const range = (await page.locator('.timeslider .range').boundingBox())!;
    await page.mouse.move(range.x + range.width / 2, range.y + range.height / 2);
    await page.mouse.down();
    await page.mouse.move(range.x + range.width / 2 + 120, range.y + range.height / 2, { steps: 6 });
    await page.mouse.up();
    const startAfter = Number(await startHandle(page).getAttribute('aria-valuenow'));
    expect(startAfter).toBeGreaterThan(startBefore);
    expect(await width()).toBe(before);

    const end = (await endHandle(page).boundingBox())!;
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
    await page.mouse.down();
    await page.mouse.move(end.x + end.width / 2 + 60, end.y + end.height / 2, { steps: 4 });
    await page.mouse.up();
    expect(await width()).toBeGreaterThan(before);
    expect(Number(await startHandle(page).getAttribute('aria-valuenow'))).toBe(startAfter);
    await expect(endHandle(page)).toBeFocused();

    // A press on the bare track moves the nearer handle there, and it follows the drag.
    const track = (await page.locator('.timeslider .track').boundingBox())!;
    await page.mouse.move(track.x + 2, track.y + track.height / 2);
    await page.mouse.down();
    await expect(startHandle(page)).toBeFocused();
    const pressed = Number(await startHandle(page).getAttribute('aria-valuenow'));
    expect(pressed - domain.start).toBeLessThan((domain.end - domain.start) * 0.01); // 2 px from the left end
    await page.mouse.move(track.x + track.width * 0.1, track.y + track.height / 2, { steps: 4 });
    await page.mouse.up();
    const dragged = Number(await startHandle(page).getAttribute('aria-valuenow'));
    expect(dragged).toBeGreaterThan(domain.start + (domain.end - domain.start) * 0.05);
    expect(dragged).toBeLessThan(domain.start + (domain.end - domain.start) * 0.15);
  });

  test('phone width: the slider fits, works by keyboard, and passes axe', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await openApp(page);
    for (const handle of [startHandle(page), endHandle(page)]) {
      const box = (await handle.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    await endHandle(page).focus();
    await page.keyboard.press('PageDown');
    await expect(endHandle(page)).toHaveAttribute('aria-valuetext', formatDay(addCalendar(domain.end, steps.large, -1)));
    const results = await new AxeBuilder({ page })
      .include('.timeslider')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('axe finds no violation in the slider and the list on a desktop', async ({ page }) => {
    await openApp(page);
    await listPanel(page).locator('[data-event-id]').first().click();
    const results = await new AxeBuilder({ page })
      .include('.timeslider')
      .include('.event-list')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
