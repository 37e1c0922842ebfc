/**
 * "Add articles" benchmark (issue 10): what the browser panel loads and how long the worker's reading
 * takes, measured in Node on the same code (src/app/add/read-all.ts, reading.ts) with the browser form
 * of the gazetteer.
 * - size: the worker's code (from a build in dist/ or DATELINE_BENCH_DIST) and the gazetteer, gzipped;
 * - one typical article pasted with one article kept: findings of the new article + the whole reading
 *   (pipeline over both, merge with the seeds' events, readings), median of 20 after a warm-up;
 * - 100 articles dropped at once: findings of each + the reading, median of 3.
 * With DATELINE_BENCH_BROWSER=1 it adds the browser's figures (src/bench/add-articles-browser.ts).
 * Called by src/bench/run.ts; runnable alone: `npx tsx src/bench/add-articles.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Gazetteer } from '../core/gazetteer/index';
import { decodeCompactGazetteer, type CompactGazetteerData } from '../core/gazetteer/compact';
import type { DatelineEvent } from '../core/types';
import { ensureBrowserGazetteer } from '../cli/browser-gazetteer-asset';
import { PROJECT_ROOT } from '../cli/gazetteer-node';
import { findings } from '../app/add/reading';
import { nameLookups } from '../core/places';
import { readAll } from '../app/add/read-all';
import { generateCorpus } from './extract';
import { median } from './stats';

const kb = (bytes: number) => Math.round(bytes / 1024);

/** Gzipped size of the built worker (and the lazy panel chunk), when a build is there. */
function builtCode(): { worker: number; panel: number } | null {
  const dist = path.resolve(PROJECT_ROOT, process.env.DATELINE_BENCH_DIST ?? 'dist', 'assets');
  if (!existsSync(dist)) return null;
  const names = readdirSync(dist);
  const size = (re: RegExp) => names.filter((n) => re.test(n)).reduce((sum, n) => sum + gzipSync(readFileSync(path.join(dist, n)), { level: 9 }).length, 0);
  return { worker: size(/^extract\.worker-.*\.js$/), panel: size(/^lazy-.*\.(js|css)$/) };
}

/**
 * @returns named figures
 * @example console.table(await benchAddArticles());
 */
export async function benchAddArticles(): Promise<Record<string, string | number>> {
  const file = ensureBrowserGazetteer();
  const json = readFileSync(file);
  const gzGazetteer = gzipSync(json, { level: 9 }).length;
  const t0 = performance.now();
  const gazetteer = Gazetteer.fromData(decodeCompactGazetteer(JSON.parse(json.toString('utf8')) as CompactGazetteerData));
  const loadMs = performance.now() - t0;
  const shown = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/events.geojson'), 'utf8')).features as DatelineEvent[];
  const corpus = generateCorpus(120, 20261207);
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  // "A typical article": the generated article closest to 800 words.
  const typical = [...corpus].sort((a, b) => Math.abs(words(a.text) - 800) - Math.abs(words(b.text) - 800))[0];
  const kept = corpus.find((a) => a !== typical)!;
  const keptFound = findings(kept, gazetteer);

  const paste = () => {
    const start = performance.now();
    const found = findings(typical, gazetteer);
    readAll([kept, typical], [keptFound, found], shown, [], gazetteer);
    return performance.now() - start;
  };
  for (let i = 0; i < 5; i++) paste();
  const pastes = Array.from({ length: 20 }, paste);

  const hundred = corpus.slice(0, 100);
  const drop = () => {
    const start = performance.now();
    let longest = 0;
    const names = nameLookups(); // as the worker does for one run
    const found = hundred.map((a) => {
      const s = performance.now();
      const f = findings(a, gazetteer, names);
      longest = Math.max(longest, performance.now() - s);
      return f;
    });
    const s = performance.now();
    readAll(hundred, found, shown, [], gazetteer);
    return { ms: performance.now() - start, longestArticleMs: longest, readAllMs: performance.now() - s };
  };
  drop();
  const drops = Array.from({ length: 3 }, drop);
  const code = builtCode();
  // The same in the browser (src/bench/add-articles-browser.ts): the page, the worker and their messages.
  const browser = process.env.DATELINE_BENCH_BROWSER === '1' ? await (await import('./add-articles-browser')).benchAddArticlesInBrowser() : { browser: 'set DATELINE_BENCH_BROWSER=1 after npm run build' };
  return {
    'gazetteer (browser form) gzipped (KB)': kb(gzGazetteer),
    'worker code gzipped (KB)': code ? kb(code.worker) : 'no build in dist/',
    'panel chunk gzipped (KB)': code ? kb(code.panel) : 'no build in dist/',
    'panel total: code + gazetteer gzipped (MB)': code ? Number(((gzGazetteer + code.worker + code.panel) / 1024 / 1024).toFixed(2)) : 'no build in dist/',
    'gazetteer parse + index (ms, Node)': Math.round(loadMs),
    [`paste one ${words(typical.text)}-word article, one kept (ms, median of 20)`]: Number(median(pastes).toFixed(1)),
    '100 articles dropped (ms, median of 3)': Math.round(median(drops.map((d) => d.ms))),
    '100 articles: longest single-article step (ms)': Number(Math.max(...drops.map((d) => d.longestArticleMs)).toFixed(1)),
    '100 articles: pipeline + merge + readings step (ms)': Math.round(median(drops.map((d) => d.readAllMs))),
    ...browser,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.table(await benchAddArticles());
}
