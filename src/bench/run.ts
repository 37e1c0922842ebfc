/**
 * `npm run bench`: runs every benchmark module and prints one table of figures. Benchmarks measure speed
 * and memory; tests assert behaviour. Add a module by adding one line to BENCHES.
 * Re-runs itself with --expose-gc so heap figures are measured after garbage collection.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Figures = Record<string, string | number>;

/** The benchmark modules, run in order. */
const BENCHES: Array<{ name: string; run: () => Promise<Figures> }> = [
  { name: 'extraction', run: async () => (await import('./extract')).benchExtract() },
  { name: 'gazetteer', run: async () => (await import('./gazetteer')).benchGazetteer() },
  {
    name: 'load (browser)',
    run: async () =>
      process.env.DATELINE_BENCH_BROWSER === '1'
        ? (await import('./load')).benchLoad()
        : { skipped: 'set DATELINE_BENCH_BROWSER=1 after npm run build' },
  },
  {
    name: 'map (browser)',
    run: async () =>
      process.env.DATELINE_BENCH_BROWSER === '1'
        ? (await import('./map-filter')).benchMapFilter()
        : { skipped: 'set DATELINE_BENCH_BROWSER=1 after npm run build' },
  },
  { name: 'io', run: async () => (await import('./io')).benchIo() },
  { name: 'add articles', run: async () => (await import('./add-articles')).benchAddArticles() },
];

async function main() {
  const rows: Array<{ bench: string; figure: string; value: string | number }> = [];
  for (const bench of BENCHES) {
    try {
      const figures = await bench.run();
      for (const [figure, value] of Object.entries(figures)) rows.push({ bench: bench.name, figure, value });
    } catch (error) {
      rows.push({ bench: bench.name, figure: 'FAILED', value: (error as Error).message });
      process.exitCode = 1;
    }
  }
  rows.push({ bench: 'process', figure: 'peak RSS (MB)', value: Math.round(process.resourceUsage().maxRSS / 1024) });
  console.log(`Dateline benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.table(rows);
}

if (typeof globalThis.gc !== 'function' && !process.env.DATELINE_BENCH_CHILD) {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, DATELINE_BENCH_CHILD: '1' },
  });
  process.exitCode = child.status ?? 1;
} else {
  await main();
}
