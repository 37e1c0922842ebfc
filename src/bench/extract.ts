/**
 * Extraction benchmark: throughput (articles/s) and memory of the whole pipeline — cleaning, places,
 * dates, actors, typing and cross-article merging — on a corpus generated deterministically from the
 * seed articles (a seeded PRNG swaps in other cities, people and dates). Gazetteer loading is measured by
 * the gazetteer bench, not here. Runnable alone: `npx tsx --expose-gc src/bench/extract.ts`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findActors } from '../core/actors';
import { findChrome } from '../core/clean';
import { addDays } from '../core/calendar';
import { findDates, publicationDate } from '../core/dates';
import { analyseArticle, extractEvents } from '../core/pipeline';
import { findPlaces } from '../core/places';
import { splitSentences } from '../core/sentences';
import type { Article } from '../core/types';
import { readArticleFolder } from '../cli/fs-source';
import { loadGazetteer, PROJECT_ROOT } from '../cli/gazetteer-node';
import { median } from './stats';

/** Number of generated articles. */
export const BENCH_ARTICLES = 1000;
/** Timed passes over the corpus after warm-up; figures are their median. */
const TIMED_RUNS = 5;

// Names only (the gazetteer resolves them); no coordinates are typed here.
const CITIES = ['Nairobi', 'Lima', 'Jakarta', 'Ankara', 'Hanoi', 'Bogotá', 'Warsaw', 'Cairo', 'Manila', 'Santiago', 'Dakar', 'Kyiv', 'Oslo', 'Accra', 'Tashkent', 'Amman', 'Quito', 'Lusaka', 'Riga', 'Doha'];
const PEOPLE = [['Ana', 'Moreno'], ['Kofi', 'Mensah'], ['Ivan', 'Petrenko'], ['Mei', 'Tanaka'], ['Omar', 'Haddad'], ['Lena', 'Novak'], ['Raúl', 'Quispe'], ['Amina', 'Diallo'], ['Jonas', 'Berg'], ['Priya', 'Nair']];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** mulberry32: a small, fast, seeded PRNG — the same seed gives the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates a corpus from the seeds: each copy moves the story to other cities, gives it other people
 * and shifts its dates, so merging sees many distinct events.
 * @param count number of articles
 * @param seed PRNG seed
 * @returns articles with manifest entries
 * @example generateCorpus(10).length // 10
 */
export function generateCorpus(count = BENCH_ARTICLES, seed = 20210412): Article[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const seeds = readArticleFolder(path.join(PROJECT_ROOT, 'seeds')).articles;
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const base = seeds[i % seeds.length];
    const [hostCity, otherCity] = [pick(CITIES), pick(CITIES)];
    const [[f1, s1], [f2, s2]] = [pick(PEOPLE), pick(PEOPLE)];
    const published = addDays('2019-01-01', Math.floor(random() * 2000));
    const [year, month, day] = published.split('-').map(Number);
    const text = base.text
      .replace(/Tehran/g, hostCity)
      .replace(/Baghdad(?! International)/g, otherCity)
      .replace(/(Ali )?S[hj]amkhani/g, (m) => (m.startsWith('Ali') ? `${f1} ${s1}` : s1))
      .replace(/(Qasim (Mohammad Jalal )?)?al-Araji|Araji/g, (m) => (m.includes(' ') ? `${f2} al-${s2}` : s2))
      .replace(/January 3, 2020/g, `${MONTHS[month - 1]} ${Math.min(day, 28)}, ${year - 1}`)
      .replace(/January 2020/g, `${MONTHS[month - 1]} ${year - 1}`);
    const file = `${String(i).padStart(4, '0')}_${base.file}`;
    out.push({ file, text, meta: { ...base.meta, file, published: i % 7 === 3 ? '' : published } });
  }
  return out;
}

/**
 * Runs the extraction benchmark.
 * @returns named figures
 * @example console.table(await benchExtract());
 */
export async function benchExtract(): Promise<Record<string, string | number>> {
  const gazetteer = await loadGazetteer();
  const corpus = generateCorpus();
  const chars = corpus.reduce((n, a) => n + a.text.length, 0);
  const cpuMsSince = (before: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  // Warm-up on other corpora of the same size. The first pass is also reported: it pays for JIT
  // compilation and chrono-node's lazily built parsers, as a one-off `npm run extract` does. V8 keeps
  // optimising (on background threads, counted in CPU time) for a few more passes, hence three.
  const coldStart = performance.now();
  const coldCpu = process.cpuUsage();
  extractEvents(generateCorpus(BENCH_ARTICLES, 7), gazetteer);
  const cold = { ms: performance.now() - coldStart, cpuMs: cpuMsSince(coldCpu) };
  for (const seed of [8, 9]) extractEvents(generateCorpus(BENCH_ARTICLES, seed), gazetteer);
  const runs: Array<{ ms: number; cpuMs: number; heap: number }> = [];
  let result = extractEvents([], gazetteer);
  for (let run = 0; run < TIMED_RUNS; run++) {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    result = extractEvents(corpus, gazetteer);
    const ms = performance.now() - start;
    runs.push({ ms, cpuMs: cpuMsSince(cpuBefore), heap: process.memoryUsage().heapUsed - heapBefore });
  }
  const ms = median(runs.map((r) => r.ms));
  const cpuMs = median(runs.map((r) => r.cpuMs));
  globalThis.gc?.();
  const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));
  // Per-stage CPU cost on the same corpus (each stage alone, so the figures overlap with the total);
  // median of 3 passes, as a single pass on a shared machine is mostly noise.
  const perArticle = (fn: (a: Article) => void) => {
    const passes: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      const before = process.cpuUsage();
      for (const a of corpus) fn(a);
      passes.push(cpuMsSince(before) / corpus.length);
    }
    return Number(median(passes).toFixed(3));
  };
  const stages = {
    'stage CPU ms/article (median of 3): cleaning': perArticle((a) => findChrome(a.text, a.meta)),
    'stage CPU ms/article (median of 3): places (gazetteer)': perArticle((a) => findPlaces(a.text, a.file, gazetteer)),
    'stage CPU ms/article (median of 3): dates': perArticle((a) => findDates(a.text, publicationDate(a.meta.published))),
    'stage CPU ms/article (median of 3): sentences + actors': perArticle((a) => {
      for (const s of splitSentences(a.text)) findActors(a.text, s.start, s.end);
    }),
    'stage CPU ms/article (median of 3): all per-article stages': perArticle((a) => analyseArticle(a, gazetteer)),
  };
  return {
    'extraction articles (generated from seeds)': corpus.length,
    'extraction corpus size (MB of text)': mb(chars * 2),
    'extraction total (ms, incl. merging; median of 5 warm runs)': Math.round(ms),
    'extraction throughput (articles/s, wall clock)': Math.round(corpus.length / (ms / 1000)),
    // CPU time of all the process's threads (V8's background compilation and GC included): steadier
    // than wall time on a busy machine, and what one core would have to do.
    'extraction CPU time (ms, all threads, median of 5)': Math.round(cpuMs),
    'extraction throughput (articles/s, CPU time)': Math.round(corpus.length / (cpuMs / 1000)),
    'extraction first pass, cold JIT (articles/s wall / CPU)': `${Math.round(corpus.length / (cold.ms / 1000))} / ${Math.round(corpus.length / (cold.cpuMs / 1000))}`,
    ...stages,
    'extraction events found / merged': `${result.events.length} events, ${result.events.reduce((n, e) => n + e.properties.sources.length, 0)} sources`,
    'extraction heap growth during run (MB, median of 5)': mb(median(runs.map((r) => r.heap))),
    'extraction heap after gc (MB)': globalThis.gc ? mb(process.memoryUsage().heapUsed) : 'run with --expose-gc',
    'process peak RSS so far (MB)': mb(process.resourceUsage().maxRSS * 1024),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.table(await benchExtract());
}
