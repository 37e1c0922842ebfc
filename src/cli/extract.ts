/**
 * `npm run extract -- <articles-folder> --out <folder>` (defaults: seeds/ → data/).
 * Reads the articles, runs the pipeline, writes events.geojson, events.csv, event_sources.csv and
 * mentions.csv, prints a summary and every issue. Exits 1 when an article or manifest row could not be
 * read (everything else is still processed and written).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENTS_CSV_COLUMNS, EVENT_SOURCES_CSV_COLUMNS, MENTIONS_CSV_COLUMNS } from '../core/formats';
import { eventCsvRows, eventSourceCsvRows, mentionCsvRows, toCsv } from '../core/csv';
import { eventsDocument, stringifyEvents } from '../core/geojson';
import { extractEvents, type PipelineResult } from '../core/pipeline';
import type { Issue } from '../core/types';
import { readArticleFolder } from './fs-source';
import { loadGazetteer, PROJECT_ROOT } from './gazetteer-node';

/** The files written to the output folder. */
export const OUTPUT_FILES = ['events.geojson', 'events.csv', 'event_sources.csv', 'mentions.csv'] as const;

export interface ExtractRun {
  result: PipelineResult;
  inputIssues: Issue[];
  /** True when some input could not be read (the exit code is then 1). */
  failed: boolean;
}

/**
 * Extracts events from a folder and writes the outputs.
 * @param input the articles folder
 * @param out the output folder (created if missing)
 * @returns the pipeline result and the input issues
 * @example await runExtract('seeds', 'data');
 */
export async function runExtract(input: string, out: string): Promise<ExtractRun> {
  const { articles, issues: inputIssues } = readArticleFolder(input);
  const gazetteer = await loadGazetteer();
  const result = extractEvents(articles, gazetteer);
  const version = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'events.geojson'), stringifyEvents(eventsDocument(result.events, version)));
  writeFileSync(path.join(out, 'events.csv'), toCsv(eventCsvRows(result.events), EVENTS_CSV_COLUMNS));
  writeFileSync(path.join(out, 'event_sources.csv'), toCsv(eventSourceCsvRows(result.events), EVENT_SOURCES_CSV_COLUMNS));
  writeFileSync(path.join(out, 'mentions.csv'), toCsv(mentionCsvRows(result.mentions), MENTIONS_CSV_COLUMNS));
  return { result, inputIssues, failed: inputIssues.some((i) => i.severity === 'error') };
}

/**
 * The human summary printed by the CLI.
 * @param run an extraction run
 * @param out the output folder
 * @returns lines of text
 * @example formatSummary(run, 'data').join('\n')
 */
export function formatSummary(run: ExtractRun, out: string): string[] {
  const { summary } = run.result;
  const histogram = Object.entries(summary.sourcesPerEvent)
    .map(([n, count]) => `${count} with ${n} source${n === '1' ? '' : 's'}`)
    .join(', ');
  const lines = [
    `articles read:     ${summary.articles}`,
    `events:            ${summary.events}${histogram ? ` (${histogram})` : ''}`,
    `undated events:    ${summary.undated}`,
    `unplaced (not mapped): ${summary.unplaced}`,
    `written:           ${OUTPUT_FILES.map((f) => path.join(out, f)).join(', ')}`,
  ];
  const all = [...run.inputIssues, ...run.result.issues];
  if (all.length) {
    lines.push('', `issues (${all.length}):`);
    for (const i of all) lines.push(`  ${i.severity === 'error' ? 'ERROR' : 'warn '} ${i.file}${i.line ? `:${i.line}` : ''}: ${i.message}`);
  }
  return lines;
}

function parseArgs(argv: string[]): { input: string; out: string } {
  let input = path.join(PROJECT_ROOT, 'seeds');
  let out = path.join(PROJECT_ROOT, 'data');
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = path.resolve(argv[++i] ?? out);
    else if (argv[i].startsWith('--out=')) out = path.resolve(argv[i].slice(6));
    else rest.push(argv[i]);
  }
  if (rest[0]) input = path.resolve(rest[0]);
  return { input, out };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { input, out } = parseArgs(process.argv.slice(2));
  const run = await runExtract(input, out);
  console.log(formatSummary(run, path.relative(process.cwd(), out) || '.').join('\n'));
  if (run.failed) process.exitCode = 1;
}
