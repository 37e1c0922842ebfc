/**
 * `npm run extract -- <articles-folder> --out <folder>` (defaults: seeds/ → data/).
 * Reads the articles, runs the pipeline, writes events.geojson, events.csv, event_sources.csv and
 * mentions.csv, prints a summary and every issue. Exits 1 when an article or manifest row could not be
 * read (everything else is still processed and written).
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  checkFolders(input, out);
  const { articles, issues: inputIssues } = readArticleFolder(input);
  const gazetteer = await loadGazetteer();
  const result = extractEvents(articles, gazetteer);
  const version = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(out, { recursive: true });
  const write = (name: (typeof OUTPUT_FILES)[number], text: string) => {
    if (writeOutput(out, name, text)) {
      inputIssues.push({ file: name, message: 'was a symbolic link in the output folder; replaced by a file (the file it pointed to is untouched)', severity: 'warning' });
    }
  };
  write('events.geojson', stringifyEvents(eventsDocument(result.events, version)));
  write('events.csv', toCsv(eventCsvRows(result.events), EVENTS_CSV_COLUMNS));
  write('event_sources.csv', toCsv(eventSourceCsvRows(result.events), EVENT_SOURCES_CSV_COLUMNS));
  write('mentions.csv', toCsv(mentionCsvRows(result.mentions), MENTIONS_CSV_COLUMNS));
  return { result, inputIssues, failed: inputIssues.some((i) => i.severity === 'error') };
}

/** A mistake in the command line or its folders: printed as one line, exit code 2, nothing written. */
export class UsageError extends Error {}

/** The articles folder must be a folder, and `out` a folder or nothing yet — checked before any work. */
function checkFolders(input: string, out: string) {
  const kind = (p: string) => {
    try {
      return statSync(p).isDirectory() ? 'folder' : 'file';
    } catch {
      return null;
    }
  };
  const inputKind = kind(input);
  if (inputKind === null) throw new UsageError(`articles folder ${input} not found`);
  if (inputKind === 'file') throw new UsageError(`articles folder ${input} is a file, not a folder`);
  if (kind(out) === 'file') throw new UsageError(`--out ${out} is a file, not a folder`);
}

/**
 * Writes one output file without writing through a symbolic link: the text goes to a new file (created
 * exclusively, so not through a planted link either) that then replaces the name — a link there is
 * replaced, the file it pointed to is not touched.
 * @returns true when the name was a symbolic link
 */
function writeOutput(out: string, name: string, text: string): boolean {
  const target = path.join(out, name);
  const temp = path.join(out, `.${name}.${process.pid}.tmp`);
  let wasLink = false;
  try {
    wasLink = lstatSync(target).isSymbolicLink();
  } catch {
    // not there yet
  }
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return wasLink;
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
    `events (mapped):   ${summary.events}${histogram ? ` (${histogram})` : ''}`,
    `  of which undated: ${summary.undated} (on the map, listed under "Date unknown")`,
    `unplaced events:   ${summary.unplaced} (not counted above: without a place they are not mapped; each is a warning below)`,
    `written:           ${OUTPUT_FILES.map((f) => path.join(out, f)).join(', ')}`,
  ];
  const all = [...run.inputIssues, ...run.result.issues];
  if (all.length) {
    lines.push('', `issues (${all.length}):`);
    for (const i of all) lines.push(`  ${i.severity === 'error' ? 'ERROR' : 'warn '} ${issueLocation(i)}: ${i.message}`);
  }
  return lines;
}

/** Where an issue points: `file:line`, or for an event several articles report, each file with its line. */
function issueLocation(issue: Issue): string {
  if (issue.at) return issue.at.map(({ file, line }) => (line ? `${file}:${line}` : file)).join(', ');
  return issue.line ? `${issue.file}:${issue.line}` : issue.file;
}

/** Reads `<articles-folder> --out <folder>`; a missing value, an unknown option or a second folder is a {@link UsageError}. */
function parseArgs(argv: string[]): { input: string; out: string } {
  let input = path.join(PROJECT_ROOT, 'seeds');
  let out = path.join(PROJECT_ROOT, 'data');
  const rest: string[] = [];
  const outValue = (value: string | undefined) => {
    // Never fall back to data/ when the value was forgotten: that would replace the checkout's data.
    if (!value || value.startsWith('--')) throw new UsageError('--out needs a folder (--out path/to/output)');
    return path.resolve(value);
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = outValue(argv[++i]);
    else if (argv[i].startsWith('--out=')) out = outValue(argv[i].slice(6));
    else if (argv[i].startsWith('--')) throw new UsageError(`unknown option ${argv[i]} (usage: extract <articles-folder> --out <folder>)`);
    else rest.push(argv[i]);
  }
  if (rest.length > 1) throw new UsageError(`one articles folder expected, got ${rest.length} (${rest.join(', ')}); the output folder goes after --out`);
  if (rest[0]) input = path.resolve(rest[0]);
  return { input, out };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { input, out } = parseArgs(process.argv.slice(2));
    const run = await runExtract(input, out);
    console.log(formatSummary(run, path.relative(process.cwd(), out) || '.').join('\n'));
    if (run.failed) process.exitCode = 1;
  } catch (error) {
    // One line, not a stack trace: the messages name the argument or file at fault.
    console.error(`extract: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
