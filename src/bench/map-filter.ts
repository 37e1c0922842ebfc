/**
 * The map's time-filter benchmark in the browser: the production build (`npm run build`) in Debian's
 * Chromium, with a synthetic events file served in place of data/events.geojson. Two paths:
 * - points (just under DENSE_LAYER_EVENTS): one time-slider step done two ways on the same map,
 *   `setFilter` on the event layers (what the app does) and `setData` with the filtered features, each
 *   until the map is idle, with a plain repaint as the baseline (software WebGL draws every point);
 * - clustered (N events, seeded, default 100,000): the app's own step on the real slider, until the
 *   cluster worker's new clusters are drawn, and the longest main-thread task meanwhile.
 *
 * Run: `npm run build && DATELINE_BENCH_BROWSER=1 npx tsx src/bench/map-filter.ts` (or via run.ts).
 * DATELINE_BENCH_MAP_EVENTS sets N, DATELINE_BENCH_MAP_PATHS=clustered runs that path only, and
 * DATELINE_BENCH_PROFILE=<file> writes the clustered steps' CPU profile. The clustered path also reports
 * the page's main-thread JavaScript per step apart from MapLibre drawing (issue 12, finding 17), twice: from
 * the CPU profile's samples (wall-clock: a sample also counts the time the thread waited for a core, which
 * on 2 shared cores is much of it) and as the main thread's CPU time in a trace of the same steps.
 */
import type { FilterSpecification } from 'maplibre-gl';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchCompositing, openBenchBrowser, waitForAppSettled } from './browser';
import { EVENT_TYPES } from '../core/taxonomy';
import { dayFromCivil, isoFromDay } from '../core/calendar';
import { DENSE_LAYER_EVENTS } from '../app/map/event-features';
import { median } from './stats';

/** Port of this benchmark's own preview server (e2e tests use 4173, the import bench 4179; override with DATELINE_BENCH_MAP_PORT). */
const BENCH_PORT = Number(process.env.DATELINE_BENCH_MAP_PORT ?? 4177);
const EVENT_COUNT = Number(process.env.DATELINE_BENCH_MAP_EVENTS ?? 100_000);
/** Slider steps timed per method; the median is reported. */
const STEPS = 9;

/** Deterministic PRNG (mulberry32), so every run draws the same events. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** N city-precision point events spread over Iraq and Iran, dated 2014–2021. */
export function syntheticEvents(count: number): string {
  const random = prng(20210412);
  const first = dayFromCivil(2014, 1, 1);
  const days = dayFromCivil(2021, 12, 31) - first;
  const features = [];
  for (let i = 0; i < count; i++) {
    const lon = +(39 + random() * 22).toFixed(4);
    const lat = +(29 + random() * 9).toFixed(4);
    const date = isoFromDay(first + Math.floor(random() * days));
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        id: `bench-${i}`,
        type: EVENT_TYPES[i % EVENT_TYPES.length],
        title: `Benchmark event ${i}`,
        date_start: date,
        date_end: date,
        time_precision: 'day',
        place_name: `Place ${i % 997}`,
        place_id: `bench:${i % 997}`,
        place_precision: 'city',
        geo_precision: 1,
        country: 'IQ',
        lon,
        lat,
        actors: [],
        sources: [],
        conflicts: [],
        notes: '',
        layer: 'events',
      },
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', format: 'dateline-events/1', features });
}

export async function benchMapFilter(): Promise<Record<string, string | number>> {
  // DATELINE_BENCH_MAP_PATHS=clustered (or points) runs one path only.
  const paths = process.env.DATELINE_BENCH_MAP_PATHS ?? 'points,clustered';
  return {
    ...(paths.includes('points') ? await benchPointsPath() : {}),
    ...(paths.includes('clustered') ? await benchClusteredPath() : {}),
  };
}

/**
 * Below DENSE_LAYER_EVENTS every event is a drawn point: one slider step as `setFilter` on the event
 * layers (what the app does) and as `setData` with the filtered features, on the same map.
 */
async function benchPointsPath(): Promise<Record<string, string | number>> {
  const count = DENSE_LAYER_EVENTS - 1;
  const body = syntheticEvents(count);
  const { browser, origin, close } = await openBenchBrowser(BENCH_PORT, process.env.DATELINE_BENCH_DIST);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx keeps function names with a `__name` helper that does not exist inside the page.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.route('**/assets/events-*.geojson', (route) => route.fulfill({ body, contentType: 'application/geo+json' }));
    const t0 = Date.now();
    await page.goto(`${origin}/`);
    await page.waitForFunction(
      () => {
        const map = window.__map;
        return !!map && !!map.getSource('events-points') && map.isSourceLoaded('events-points') && map.querySourceFeatures('events-points').length > 0 && !map.isMoving();
      },
      null,
      { timeout: 600_000, polling: 100 },
    );
    const ready = Date.now() - t0;

    const timings = await page.evaluate(async (steps) => {
      const map = window.__map!;
      const idle = () => new Promise<void>((resolve) => map.once('idle', () => resolve()));
      const layers = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('events-') && map.getLayer(id)?.source === 'events-points');
      const source = map.getSource('events-points') as unknown as { setData(data: unknown): void; serialize(): { data: { features: { properties: { t0: number; t1: number } }[] } } };
      const all = source.serialize().data.features;
      const own = new Map(layers.map((id) => [id, (map.getFilter(id) ?? null) as FilterSpecification | null]));
      // A one-year window moving by one month per step, as the slider's Page Up/Down does.
      const start = 16071; // 2014-01-01
      const windowAt = (i: number) => ({ from: start + i * 30, to: start + i * 30 + 365 });

      // Baseline: one redraw with nothing changed. Under software WebGL this alone can dominate a step.
      const repaintTimes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const done = idle();
        map.triggerRepaint();
        await done;
        repaintTimes.push(performance.now() - t);
      }

      const filterTimes: number[] = [];
      for (let i = 0; i < steps; i++) {
        const { from, to } = windowAt(i);
        const time = ['all', ['has', 't0'], ['<=', ['get', 't0'], to], ['>=', ['get', 't1'], from]] as FilterSpecification;
        const t = performance.now();
        const done = idle();
        for (const id of layers) {
          const layerFilter = own.get(id);
          map.setFilter(id, layerFilter ? (['all', layerFilter, time] as FilterSpecification) : time);
        }
        await done;
        filterTimes.push(performance.now() - t);
      }
      for (const id of layers) map.setFilter(id, own.get(id));

      const dataTimes: number[] = [];
      for (let i = 0; i < steps; i++) {
        const { from, to } = windowAt(i);
        const t = performance.now();
        const done = idle();
        source.setData({ type: 'FeatureCollection', features: all.filter((f) => f.properties.t0 <= to && f.properties.t1 >= from) });
        await done;
        dataTimes.push(performance.now() - t);
      }
      return { repaintTimes, filterTimes, dataTimes };
    }, STEPS);

    const filterMs = median(timings.filterTimes);
    const dataMs = median(timings.dataTimes);
    return {
      'map: compositing (DATELINE_BENCH_COMPOSITING)': benchCompositing(),
      'map, points: events': count,
      'map, points: app ready with the events drawn (ms)': ready,
      'map, points: one repaint, nothing changed, median (ms)': Math.round(median(timings.repaintTimes)),
      'map, points: slider step with setFilter, median (ms)': Math.round(filterMs),
      'map, points: slider step with setData, median (ms)': Math.round(dataMs),
      'map, points: setData / setFilter': +(dataMs / filterMs).toFixed(2),
    };
  } finally {
    await close();
  }
}

/**
 * From DENSE_LAYER_EVENTS on, a layer is clustered (DenseLayer.svelte): a slider step, pressed on the
 * real slider, runs until the legend shows the new count and the map has drawn the new clusters.
 */
async function benchClusteredPath(): Promise<Record<string, string | number>> {
  const body = syntheticEvents(EVENT_COUNT);
  const { browser, origin, close } = await openBenchBrowser(BENCH_PORT, process.env.DATELINE_BENCH_DIST);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    await page.route('**/assets/events-*.geojson', (route) => route.fulfill({ body, contentType: 'application/geo+json' }));
    const shownCount = () => page.evaluate(() => document.querySelector('.legend .clustered li')?.textContent?.match(/([\d,]+) shown/)?.[1] ?? null);
    const t0 = Date.now();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => /[\d,]+ shown/.test(document.querySelector('.legend .clustered li')?.textContent ?? '') && window.__map!.loaded(), null, { timeout: 600_000, polling: 100 });
    const ready = Date.now() - t0;
    await waitForAppSettled(page);
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));

    const end = page.getByRole('slider', { name: 'Window end' });
    await end.focus();
    // A CPU profile of the page's main thread over the steps: its JavaScript per step, apart from drawing.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    // And a trace of the same steps: the main thread's CPU time per task, which the profile's wall-clock
    // samples overstate whenever the thread waits for a core (2 cores, shared with the workers and the GPU process).
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
    const stepTimes: number[] = [];
    for (let i = 0; i < STEPS; i++) {
      const before = await shownCount();
      const t = Date.now();
      await page.keyboard.press('ArrowLeft'); // the window's end a week earlier
      await page.waitForFunction(
        (previous) => {
          const now = document.querySelector('.legend .clustered li')?.textContent?.match(/([\d,]+) shown/)?.[1] ?? null;
          return now !== previous && window.__map!.loaded();
        },
        before,
        { timeout: 120_000, polling: 20 },
      );
      stepTimes.push(Date.now() - t);
    }
    const { profile } = await cdp.send('Profiler.stop');
    const cpu = mainThreadCpu(JSON.parse((await browser.stopTracing()).toString('utf8')));
    // DATELINE_BENCH_PROFILE=<file>: the steps' CPU profile (open in DevTools' Performance panel).
    if (process.env.DATELINE_BENCH_PROFILE) writeFileSync(process.env.DATELINE_BENCH_PROFILE, JSON.stringify(profile));
    const js = mainThreadJs(profile);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    return {
      'map, clustered: main-thread JavaScript per step, not drawing (ms; target ≤ 8)': +(js.appMs / STEPS).toFixed(1),
      'map, clustered: of which garbage collection, whoever allocated (ms)': +(js.gcMs / STEPS).toFixed(1),
      'map, clustered: main-thread JavaScript per step, MapLibre drawing (ms)': +(js.drawingMs / STEPS).toFixed(1),
      'map, clustered: the same as CPU time (trace), not drawing (ms)': +(cpu.appMs / STEPS).toFixed(1),
      'map, clustered: of which garbage collection, CPU time (ms)': +(cpu.gcMs / STEPS).toFixed(1),
      'map, clustered: CPU time not drawing, by what started it (ms)': Object.entries(cpu.bySource)
        .sort((a, b) => b[1] - a[1])
        .map(([source, ms]) => `${source} ${(ms / STEPS).toFixed(1)}`)
        .join(', '),
      'map, clustered: the same as CPU time (trace), MapLibre drawing (ms)': +(cpu.drawingMs / STEPS).toFixed(1),
      'map, clustered: events': EVENT_COUNT,
      'map, clustered: app ready with the clusters drawn (ms)': ready,
      'map, clustered: slider step until the new clusters are drawn, median (ms)': Math.round(median(stepTimes)),
      'map, clustered: longest task during the steps (ms)': Math.round(Math.max(0, ...tasks)),
    };
  } finally {
    await close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Splits the page's JavaScript time in a CPU profile (its own scripts under `/assets/`, garbage
 * collection included; idle time, the browser's own work and the bench's polling excluded) into
 * MapLibre drawing frames (anything under its `_render`) and the rest: the app's reaction to the step
 * (state, filters, list, slider, messages to the cluster worker) and MapLibre taking what it was given.
 * The bench's polling is the scripts Playwright evaluates in the page (no URL, unlike the page's own,
 * which the CSP keeps to files): what they call, e.g. `map.loaded()`, is not the page's work either.
 */
export function mainThreadJs(profile: CpuProfile): { appMs: number; gcMs: number; drawingMs: number } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** What a stack is: MapLibre drawing a frame, other code of the page, the bench's polling, or none of these (the browser's own). */
  type Kind = 'drawing' | 'page' | 'bench' | 'other';
  const kinds = new Map<number, Kind>();
  const kindOf = (id: number): Kind => {
    const known = kinds.get(id);
    if (known) return known;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const up = parent.get(id);
    const above = up === undefined ? 'other' : kindOf(up);
    const kind: Kind =
      above === 'bench' || above === 'drawing'
        ? above
        : url === '' && lineNumber >= 0
          ? 'bench'
          : functionName === '_render' && /maplibre/.test(url)
            ? 'drawing'
            : above === 'page' || /\/assets\//.test(url)
              ? 'page'
              : 'other';
    kinds.set(id, kind);
    return kind;
  };
  let appUs = 0;
  let gcUs = 0;
  let drawingUs = 0;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    // A sample stands for the time until the next one.
    const us = deltas[i + 1] ?? 0;
    const name = byId.get(id)!.callFrame.functionName;
    if (name === '(garbage collector)') {
      appUs += us;
      gcUs += us;
    }
    else if (kindOf(id) === 'drawing') drawingUs += us;
    else if (kindOf(id) === 'page') appUs += us;
  });
  return { appMs: appUs / 1000, gcMs: gcUs / 1000, drawingMs: drawingUs / 1000 };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** CPU time of the thread during the event (µs). */
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/** Where the page's main thread enters JavaScript (or collects garbage) in a trace. */
const JS_ENTRIES = new Set(['FunctionCall', 'EventDispatch', 'FireAnimationFrame', 'TimerFire', 'HandlePostMessage', 'BlinkScheduler_PerformMicrotaskCheckpoint', 'MinorGC', 'MajorGC']);

/**
 * The same split as {@link mainThreadJs}, as CPU time from a trace (each event's `tdur`): the outermost
 * JavaScript entries on the page's main thread — animation frames are MapLibre drawing, entries that
 * call only the bench's own scripts (no URL) are its polling, everything else is the page's (style,
 * layout and paint are not JavaScript and not counted). Garbage collection is counted as the page's.
 */
export function mainThreadCpu(trace: { traceEvents: TraceEvent[] } | TraceEvent[]): { appMs: number; gcMs: number; drawingMs: number; bySource: Record<string, number> } {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // The page's main thread: the renderer main thread that ran the most JavaScript.
  const calls = new Map<string, number>();
  for (const e of events) if (e.name === 'FunctionCall' && mains.has(`${e.pid}:${e.tid}`)) calls.set(`${e.pid}:${e.tid}`, (calls.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...calls].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let appUs = 0;
  let gcUs = 0;
  let drawingUs = 0;
  /** The page's time (not drawing) by what started it: a key press, MapLibre's script, the app's own, or none (microtasks, idle-time GC). */
  const bySource: Record<string, number> = {};
  const stack: TraceEvent[] = [];
  let entry: { event: TraceEvent; drawing: boolean; page: boolean; bench: boolean; script: string } | null = null;
  const close = () => {
    if (!entry) return;
    const us = entry.event.tdur ?? 0;
    if (entry.drawing) drawingUs += us;
    else if (entry.page || !entry.bench) {
      appUs += us;
      const name = entry.event.name;
      const source = name === 'EventDispatch' ? 'input' : entry.script || (/GC$/.test(name) ? 'garbage collection' : /Microtask/.test(name) ? 'microtasks' : name);
      bySource[source] = (bySource[source] ?? 0) + us / 1000;
    }
    if (/GC$/.test(entry.event.name)) gcUs += us;
    entry = null;
  };
  for (const e of onMain) {
    while (stack.length && stack[stack.length - 1].ts + (stack[stack.length - 1].dur ?? 0) <= e.ts) stack.pop();
    if (entry && !stack.includes(entry.event)) close();
    if (!entry && JS_ENTRIES.has(e.name)) entry = { event: e, drawing: false, page: false, bench: false, script: '' };
    if (entry) {
      if (e.name === 'FireAnimationFrame') entry.drawing = true;
      if (e.name === 'FunctionCall') {
        const url = e.args?.data?.url ?? '';
        if (/\/assets\//.test(url)) {
          entry.page = true;
          entry.script ||= /\/assets\/maplibre-/.test(url) ? 'MapLibre' : 'app';
        } else entry.bench = true;
      }
      // Garbage collected inside the page's JavaScript is in its entry's time already.
      if (/GC$/.test(e.name) && e !== entry.event) gcUs += e.tdur ?? 0;
    }
    stack.push(e);
  }
  close();
  return { appMs: appUs / 1000, gcMs: gcUs / 1000, drawingMs: drawingUs / 1000, bySource };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(await benchMapFilter());
}
