/**
 * Run by `npm start` and `npm run build`: regenerates data/ from seeds/ only when the seeds or the
 * pipeline changed since data/ was written. The inputs' digest is stored in data/inputs.sha256.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSummary, OUTPUT_FILES, runExtract } from './extract';
import { PROJECT_ROOT } from './gazetteer-node';

const SEEDS = path.join(PROJECT_ROOT, 'seeds');
const DATA = path.join(PROJECT_ROOT, 'data');
const DIGEST_FILE = path.join(DATA, 'inputs.sha256');

/** What the generated data depends on: the seeds, the pipeline and gazetteer code, the data packages' versions. */
export const PIPELINE_INPUTS = [
  'seeds',
  'src/core/calendar.ts', 'src/core/clean.ts', 'src/core/sentences.ts', 'src/core/dates.ts', 'src/core/actors.ts', 'src/core/events.ts',
  'src/core/merge.ts', 'src/core/manifest.ts', 'src/core/csv.ts', 'src/core/geojson.ts', 'src/core/pipeline.ts',
  'src/core/places.ts', 'src/core/gazetteer', 'src/core/types.ts', 'src/core/taxonomy.ts', 'src/core/formats.ts',
  'src/cli/extract.ts', 'src/cli/fs-source.ts', 'src/cli/gazetteer-node.ts', 'package-lock.json',
];

/**
 * Digest of every pipeline input (file paths and contents, in sorted order).
 * @returns hex SHA-256
 * @example inputsDigest().length // 64
 */
export function inputsDigest(): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const abs = path.join(PROJECT_ROOT, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) visit(path.posix.join(rel, name));
      return;
    }
    hash.update(`${rel}\0`);
    hash.update(readFileSync(abs));
    hash.update('\0');
  };
  for (const rel of PIPELINE_INPUTS) visit(rel);
  return hash.digest('hex');
}

/**
 * Regenerates data/ when it is missing or stale.
 * @returns true when the data was regenerated
 * @example await ensureData(); // "data/ is up to date with seeds/ and the pipeline"
 */
export async function ensureData(): Promise<boolean> {
  const digest = inputsDigest();
  const complete = OUTPUT_FILES.every((f) => existsSync(path.join(DATA, f)));
  const stored = existsSync(DIGEST_FILE) ? readFileSync(DIGEST_FILE, 'utf8').trim() : '';
  if (complete && stored === digest) {
    console.log('data/ is up to date with seeds/ and the pipeline');
    return false;
  }
  console.log('regenerating data/ from seeds/ …');
  const run = await runExtract(SEEDS, DATA);
  console.log(formatSummary(run, 'data').join('\n'));
  writeFileSync(DIGEST_FILE, `${digest}\n`);
  if (run.failed) process.exitCode = 1;
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureData();
}
