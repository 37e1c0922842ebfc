/**
 * "Add articles" in the browser (issue 10's time budgets): the production build (`npm run build`, or
 * DATELINE_BENCH_DIST) in Chromium, the panel driven as a reader drives it.
 * - first paste: from the click on "Read and add" to the article's events listed, with the worker and
 *   the gazetteer loading (the panel's first load);
 * - pastes after that: a ~800-word article (two generated reports joined) from the click to its events in
 *   the store (list, map sources, slider; the panel's count of the added layer's events changes in the same update),
 *   to its message ("N events found", written once the article is kept in IndexedDB), and to the map idle
 *   again with them drawn; one article kept, then more;
 * - 100 articles dropped on the panel at once (a `drop` event carrying 100 files): from the drop to the
 *   message for the last one, and every main-thread task over 50 ms meanwhile (PerformanceObserver
 *   'longtask', which sees tasks of the page's main thread only, not the worker's);
 * - one more paste with those 100 kept.
 * Runnable alone: `npm run build && npx tsx src/bench/add-articles-browser.ts` (DATELINE_BENCH_RUNS=3
 * repeats it in fresh browser pages and prints the median of each figure; DATELINE_BENCH_VERBOSE=1 prints
 * every paste and the drop's long tasks; DATELINE_BENCH_TRACE=<file> writes Chromium traces of the pastes and the drop);
 * with DATELINE_BENCH_BROWSER=1, `npm run bench` adds it to the "add articles" rows.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { Article } from '../core/types';
import { benchCompositing, openBenchBrowser, waitForAppSettled } from './browser';
import { generateCorpus } from './extract';
import { median } from './stats';

/** Port of the benchmark's own preview server; DATELINE_BENCH_PORT overrides. */
const BENCH_PORT = Number(process.env.DATELINE_BENCH_PORT ?? 4181);
const BENCH_DIST = process.env.DATELINE_BENCH_DIST;
const PASTES = 5;

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
    __replies?: { at: number; workerMs: number }[];
  }
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A typical ~800-word report: two generated reports (different seed stories) joined as one text. */
function typicalArticles(corpus: Article[], count: number): { title: string; text: string; published: string }[] {
  const out: { title: string; text: string; published: string }[] = [];
  for (let i = 0; out.length < count && i + 1 < corpus.length; i += 2) {
    const [a, b] = [corpus[i], corpus[i + 1]];
    if (a.meta.file.slice(5) === b.meta.file.slice(5)) continue;
    out.push({ title: `Bench report ${out.length + 1}`, text: `${a.text.trim()}\n\n${b.text.trim()}\n`, published: a.meta.published || '2021-04-13' });
  }
  return out;
}

/**
 * Clicks "Read and add" for the text in the fields and waits for the article's message; times in the page:
 * to its events in the store (the panel's count of the added layer's events changes with the store), to its
 * message (written once the article is kept in IndexedDB), to the map idle with them drawn.
 */
async function timedPaste(page: Page, article: { title: string; text: string; published: string }): Promise<{ storedMs: number; listedMs: number; drawnMs: number; workerMs: number; replyMs: number }> {
  await page.getByLabel('Article text').fill(article.text);
  await page.getByLabel('Headline').fill(article.title);
  await page.getByLabel('Published').fill(article.published);
  return page.evaluate(async (title) => {
    const panel = document.getElementById('add-articles-panel')!;
    const button = [...panel.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Read and add')!;
    // The panel's count of the added layer's events ("Events of your articles (N new, …)") changes in the
    // store's update; its entry in the list of kept articles counts its events (0 before) in that update
    // or the next.
    const layerCount = () => panel.querySelector('.layers label')?.textContent ?? '';
    const before = layerCount();
    const stored = () =>
      layerCount() !== before ||
      [...panel.querySelectorAll('.kept li')].some((li) => li.querySelector('.name')?.textContent === title && !/ 0 events$/.test(li.querySelector('.sub')?.textContent ?? ''));
    const read = () => [...panel.querySelectorAll('.messages li')].some((li) => li.textContent?.startsWith(`${title}:`));
    const start = performance.now();
    let storedMs = 0;
    button.click();
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!storedMs && stored()) storedMs = performance.now() - start;
        if (read()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(panel, { childList: true, subtree: true, characterData: true });
    });
    const listedMs = performance.now() - start;
    const reply = window.__replies![window.__replies!.length - 1];
    const map = window.__map!;
    await new Promise<void>((resolve) => (map.loaded() && !map.isMoving() ? requestAnimationFrame(() => (map.loaded() ? resolve() : map.once('idle', () => resolve()))) : map.once('idle', () => resolve())));
    return { storedMs: storedMs || listedMs, listedMs, drawnMs: performance.now() - start, workerMs: reply.workerMs, replyMs: reply.at - start };
  }, article.title);
}

/** Drops files on the panel's drop zone and waits until the last one's message is shown. */
async function timedDrop(page: Page, files: { name: string; text: string }[]): Promise<{ ms: number; longTasks: LongTask[]; messages: number; workerMs: number; replyMs: number }> {
  // The files are made first, in a task of their own: the drop's long tasks are the app's.
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const f of files) transfer.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    (window as unknown as { __drop: DataTransfer }).__drop = transfer;
  }, files);
  await page.waitForTimeout(300);
  return page.evaluate(async (last) => {
    const panel = document.getElementById('add-articles-panel')!;
    const zone = panel.querySelector('.drop') ?? panel;
    const transfer = (window as unknown as { __drop: DataTransfer }).__drop;
    const done = () => [...panel.querySelectorAll('.messages li')].some((li) => li.textContent?.startsWith(`${last}:`)) && !panel.querySelector('progress');
    const start = performance.now();
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (done()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(panel, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    const end = performance.now();
    // Long tasks are reported after they end: let the observer deliver the last ones.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const longTasks = (window.__longTasks ?? []).filter((t) => t.start + t.duration > start && t.start < end).map((t) => ({ start: t.start - start, duration: t.duration }));
    const reply = window.__replies![window.__replies!.length - 1];
    return { ms: end - start, longTasks, messages: panel.querySelectorAll('.messages li').length, workerMs: reply.workerMs, replyMs: reply.at - start };
  }, files[files.length - 1].name);
}

/** One run in a fresh page. */
async function runOnce(origin: string, open: Awaited<ReturnType<typeof openBenchBrowser>>['browser']): Promise<Record<string, number>> {
  const context = await open.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // tsx names the functions declared inside the evaluated callbacks with a helper the page lacks.
  await page.addInitScript('window.__name = (f) => f;');
  await page.addInitScript(() => {
    // The worker's own time for each run (its reply's `elapsedMs`) and when the page got the reply.
    window.__replies = [];
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent) => {
          if (event.data?.kind === 'extracted') window.__replies!.push({ at: performance.now(), workerMs: event.data.result.elapsedMs });
        });
      }
    };
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  try {
    await page.goto(`${origin}/`);
    await waitForAppSettled(page);
    const corpus = generateCorpus(260, 20261207);
    const typical = typicalArticles(corpus.slice(0, 40), PASTES + 2);
    await page.getByRole('button', { name: 'Add articles' }).click();
    const first = await timedPaste(page, typical[0]);
    // DATELINE_BENCH_TRACE=<file>: Chromium traces with the JavaScript profiler's samples (chrome://tracing,
    // Perfetto) of the pastes (<file> with '-pastes' before its extension) and of the drop (<file>).
    const trace = process.env.DATELINE_BENCH_TRACE;
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'disabled-by-default-v8.cpu_profiler'];
    if (trace) await open.startTracing(page, { path: trace.replace(/(\.[^./]*)?$/, '-pastes$1'), categories });
    const pastes: Awaited<ReturnType<typeof timedPaste>>[] = [];
    for (const article of typical.slice(1, PASTES + 1)) pastes.push(await timedPaste(page, article));
    if (trace) await open.stopTracing();
    const hundred = corpus.slice(60, 160).map((a, i) => ({ name: `drop-${String(i).padStart(3, '0')}.txt`, text: a.text }));
    if (trace) await open.startTracing(page, { path: trace, categories });
    const drop = await timedDrop(page, hundred);
    if (trace) await open.stopTracing();
    const after = await timedPaste(page, typical[PASTES + 1]);
    const longest = Math.max(0, ...drop.longTasks.map((t) => t.duration));
    if (process.env.DATELINE_BENCH_VERBOSE) {
      console.log(`drop: reply at ${Math.round(drop.replyMs)} ms (worker ${Math.round(drop.workerMs)} ms), done at ${Math.round(drop.ms)} ms; long tasks (start+duration): ${drop.longTasks.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`).join(', ')}`);
      console.log(`pastes: ${pastes.map((p) => `stored ${Math.round(p.storedMs)}, listed ${Math.round(p.listedMs)} (reply ${Math.round(p.replyMs)}, worker ${Math.round(p.workerMs)}), drawn ${Math.round(p.drawnMs)}`).join('; ')}`);
    }
    return {
      words: words(typical[1].text),
      firstMs: first.listedMs,
      pasteStoredMs: median(pastes.map((p) => p.storedMs)),
      pasteListedMs: median(pastes.map((p) => p.listedMs)),
      pasteDrawnMs: median(pastes.map((p) => p.drawnMs)),
      pasteWorkerMs: median(pastes.map((p) => p.workerMs)),
      pasteReplyMs: median(pastes.map((p) => p.replyMs)),
      dropMs: drop.ms,
      dropWorkerMs: drop.workerMs,
      dropReplyMs: drop.replyMs,
      dropMessages: drop.messages,
      longest,
      over50: drop.longTasks.length,
      over100: drop.longTasks.filter((t) => t.duration > 100).length,
      afterStoredMs: after.storedMs,
      afterListedMs: after.listedMs,
      afterDrawnMs: after.drawnMs,
      afterWorkerMs: after.workerMs,
      afterReplyMs: after.replyMs,
    };
  } finally {
    await context.close();
  }
}

/**
 * @param runs fresh pages to run it in (medians reported)
 * @returns named figures
 */
export async function benchAddArticlesInBrowser(runs = Number(process.env.DATELINE_BENCH_RUNS ?? 1)): Promise<Record<string, string | number>> {
  const { browser, origin, close } = await openBenchBrowser(BENCH_PORT, BENCH_DIST);
  try {
    const results: Record<string, number>[] = [];
    for (let i = 0; i < runs; i++) results.push(await runOnce(origin, browser));
    const m = (key: string) => Math.round(median(results.map((r) => r[key])));
    const all = (key: string) => results.map((r) => Math.round(r[key])).join(' / ');
    const label = `browser, ${benchCompositing()} compositing, median of ${runs} page${runs === 1 ? '' : 's'}`;
    return {
      [`browser: first paste, worker + gazetteer loading (ms; ${label})`]: m('firstMs'),
      [`browser: paste one ${results[0].words}-word article, 1-5 kept: to its events in the store (ms, median of ${PASTES} pastes; each page: ${all('pasteStoredMs')})`]: m('pasteStoredMs'),
      [`browser: the same, to its message (kept in IndexedDB; ms; ${all('pasteListedMs')})`]: m('pasteListedMs'),
      [`browser: the same, to the map idle with them drawn (ms; ${all('pasteDrawnMs')})`]: m('pasteDrawnMs'),
      [`browser: of which in the worker (its elapsedMs; ${all('pasteWorkerMs')}) / until the reply reached the page (${all('pasteReplyMs')})`]: `${m('pasteWorkerMs')} / ${m('pasteReplyMs')}`,
      [`browser: 100 articles dropped at once, to the last one's message (ms; ${all('dropMs')})`]: m('dropMs'),
      [`browser: of which in the worker (${all('dropWorkerMs')}) / until the reply reached the page (${all('dropReplyMs')})`]: `${m('dropWorkerMs')} / ${m('dropReplyMs')}`,
      [`browser: 100 dropped: longest main-thread task (ms; ${all('longest')})`]: m('longest'),
      [`browser: 100 dropped: main-thread tasks over 50 ms / over 100 ms (${results.map((r) => `${r.over50}/${r.over100}`).join(' ; ')})`]: `${m('over50')} / ${m('over100')}`,
      [`browser: paste one more with 106 kept: to its events in the store (ms; ${all('afterStoredMs')})`]: m('afterStoredMs'),
      [`browser: the same, to its message (ms; ${all('afterListedMs')})`]: m('afterListedMs'),
      [`browser: the same, to the map idle (ms; ${all('afterDrawnMs')})`]: m('afterDrawnMs'),
      [`browser: of which in the worker (${all('afterWorkerMs')}) / until the reply reached the page (${all('afterReplyMs')})`]: `${m('afterWorkerMs')} / ${m('afterReplyMs')}`,
    };
  } finally {
    await close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.table(await benchAddArticlesInBrowser());
}
