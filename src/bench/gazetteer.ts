/**
 * Gazetteer benchmark: Node load time (cached form), cold build time, Node and browser form sizes,
 * name lookups per second and place recognition throughput on the seed articles.
 * Called by src/bench/run.ts; runnable alone: `npx tsx src/bench/gazetteer.ts`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Gazetteer, type GazetteerData } from '../core/gazetteer/index';
import { findPlaces } from '../core/places';
import { buildNodeGazetteerData, cachedGazetteerFile, parseGazetteerJson, PROJECT_ROOT } from '../cli/gazetteer-node';
import { BROWSER_MIN_POPULATION, browserGazetteerData } from '../cli/build-gazetteer';
import { median } from './stats';

const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(2));

/**
 * Runs `fn` repeatedly for about `ms` milliseconds after a warm-up; returns calls per second of this
 * process's CPU time (steadier than wall time on a shared machine).
 */
function rate(fn: () => number, ms = 1000): number {
  const warmUp = performance.now();
  while (performance.now() - warmUp < ms / 2) fn();
  let calls = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < ms) calls += fn();
  const used = process.cpuUsage(cpu);
  return Math.round(calls / ((used.user + used.system) / 1e6));
}

/**
 * Measures the gazetteer.
 * @returns named figures (ms, MB, per-second rates)
 * @example console.table(await benchGazetteer());
 */
export async function benchGazetteer(): Promise<Record<string, string | number>> {
  const file = cachedGazetteerFile();
  const loads: number[] = [];
  const loadsCpu: number[] = [];
  let gazetteer: Gazetteer | null = null;
  for (let run = 0; run < 3; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    gazetteer = Gazetteer.fromData(parseGazetteerJson(readFileSync(file, 'utf8')));
    loads.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    loadsCpu.push((used.user + used.system) / 1000);
  }
  const nodeJson = readFileSync(file);

  const coldStart = performance.now();
  buildNodeGazetteerData();
  const coldMs = performance.now() - coldStart;

  const browser = JSON.stringify(browserGazetteerData());
  const browserLoads: number[] = [];
  let browserGazetteer: Gazetteer | null = null;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    browserGazetteer = Gazetteer.fromData(JSON.parse(browser) as GazetteerData);
    browserLoads.push(performance.now() - start);
  }

  const g = gazetteer!;
  // Heap with one gazetteer loaded (after a collection when run with --expose-gc, as `npm run bench` does).
  browserGazetteer = browserGazetteer!;
  const browserSize = browserGazetteer.size;
  browserGazetteer = null;
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = mb(process.memoryUsage().heapUsed);
  const names = ['Paris', 'Baghdad', 'Arbil', 'Springfield', 'São Paulo', 'Nowhere-on-Earth', 'U.S.', 'Kurdistan region'];
  const lookups = rate(() => {
    for (const name of names) g.lookup(name);
    return names.length;
  });

  const seeds = path.join(PROJECT_ROOT, 'seeds');
  const texts = readdirSync(seeds)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(seeds, name), 'utf8'));
  const articles = rate(() => {
    for (const text of texts) findPlaces(text, 'bench.txt', g);
    return texts.length;
  }, 2000);

  return {
    'gazetteer places (Node form)': g.size,
    'gazetteer Node load, cached, first in process (ms)': Math.round(loads[0]),
    'gazetteer Node load, cached (ms, median of 3)': Math.round(median(loads)),
    'gazetteer Node load, cached (CPU ms, median of 3)': Math.round(median(loadsCpu)),
    'gazetteer Node cold build from packages (ms)': Math.round(coldMs),
    'gazetteer Node form raw (MB)': mb(statSync(file).size),
    'gazetteer Node form gzipped (MB)': mb(gzipSync(nodeJson, { level: 9 }).length),
    'gazetteer browser form places': browserSize,
    [`gazetteer browser form raw (MB, cities >= ${BROWSER_MIN_POPULATION})`]: mb(Buffer.byteLength(browser)),
    'gazetteer browser form gzipped (MB)': mb(gzipSync(browser, { level: 9 }).length),
    'gazetteer browser form parse + index (ms, median of 3)': Math.round(median(browserLoads)),
    'gazetteer lookups/s (CPU time)': lookups,
    'findPlaces articles/s (seed articles, places stage only, CPU time)': articles,
    'heap used with one Node gazetteer (MB)': heapMb,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  console.table(await benchGazetteer());
}
