/**
 * `npm run eval -- <corpus-dir> [--errors N] [--gold path] [--mentions path] [--label NAME] [--json]`
 * Measures place extraction on a corpus with gold toponyms: reads `<corpus-dir>/articles` (or the
 * folder itself when it holds the articles) and `<corpus-dir>/gold.json`, runs the pipeline in-process
 * (or, with `--mentions`, reads an existing mentions.csv instead) and prints the figures of the
 * development set's score.py (see src/core/eval/score.ts). Bad input exits 1 with a message naming the
 * file; a bad command line exits 2.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mentionCsvRows, toCsv } from '../core/csv';
import { formatScore, parseGold, parseMentionsCsv, scoreMentions, type EvalScore, type GoldCorpus } from '../core/eval/score';
import { MENTIONS_CSV_COLUMNS } from '../core/formats';
import { extractEvents } from '../core/pipeline';
import { readArticleFolder } from './fs-source';
import { loadGazetteer } from './gazetteer-node';

export const USAGE = 'usage: npm run eval -- <corpus-dir> [--errors N] [--gold gold.json] [--mentions mentions.csv] [--label NAME] [--json]';

/** A problem with the input, reported as one line without a stack trace. */
export class EvalError extends Error {
  constructor(
    message: string,
    /** 1 for bad input files, 2 for a bad command line. */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface EvalOptions {
  corpus: string;
  /** Examples of each error kind to list (0: none). */
  errors: number;
  /** gold.json path (default `<corpus>/gold.json`). */
  gold?: string;
  /** An existing mentions.csv (or a folder holding one) to score instead of running the pipeline. */
  mentions?: string;
  /** The corpus name on the counts line (default: the corpus folder's name). */
  label?: string;
  json: boolean;
}

/**
 * Reads the command line.
 * @param argv the arguments after the script name
 * @returns the options
 * @throws EvalError (exit code 2) on an unknown option, a missing value or a missing corpus folder
 * @example parseEvalArgs(['corpus', '--errors', '20']).errors // 20
 */
export function parseEvalArgs(argv: string[]): EvalOptions {
  const options: Partial<EvalOptions> & { json: boolean; errors: number } = { json: false, errors: 0 };
  const value = (i: number, flag: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new EvalError(`${flag} needs a value\n${USAGE}`, 2);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(++i, flag);
    if (flag === '--json') options.json = true;
    else if (flag === '--errors') {
      const n = take();
      if (!/^\d+$/.test(n)) throw new EvalError(`--errors needs a whole number, not "${n}"\n${USAGE}`, 2);
      options.errors = Number(n);
    } else if (flag === '--gold') options.gold = take();
    else if (flag === '--mentions') options.mentions = take();
    else if (flag === '--label') options.label = take();
    else if (flag === '--help' || flag === '-h') throw new EvalError(USAGE, 2);
    else if (flag.startsWith('-')) throw new EvalError(`unknown option ${flag}\n${USAGE}`, 2);
    else if (options.corpus === undefined) options.corpus = arg;
    else throw new EvalError(`unexpected argument ${arg}\n${USAGE}`, 2);
  }
  if (options.corpus === undefined) throw new EvalError(`no corpus folder given\n${USAGE}`, 2);
  return options as EvalOptions;
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EvalError(code === 'ENOENT' ? `${what} not found: ${file}` : `cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}

export interface EvalRun {
  score: EvalScore;
  /** The corpus name printed on the counts line (`--label`, else the corpus folder's name). */
  label: string;
  /** Articles the folder could not give (unreadable files); the rest is still scored. */
  warnings: string[];
}

/**
 * Scores a corpus: reads gold and articles, runs the pipeline (or reads `--mentions`) and scores.
 * @param options the parsed command line
 * @returns the score, the corpus label and warnings about the input
 * @throws EvalError naming the file when the corpus, gold or mentions cannot be used
 * @example const { score } = await runEval({ corpus: 'corpus', errors: 0, json: false });
 */
export async function runEval(options: EvalOptions): Promise<EvalRun> {
  const corpus = path.resolve(options.corpus);
  if (!isDir(corpus)) throw new EvalError(`corpus folder not found: ${options.corpus}`);
  const articlesDir = isDir(path.join(corpus, 'articles')) ? path.join(corpus, 'articles') : corpus;
  const goldFile = options.gold ?? path.join(corpus, 'gold.json');
  const parsed = parseGold(readText(goldFile, 'gold file'));
  if (!parsed.ok) throw new EvalError(`${goldFile}: ${parsed.message}`);
  const gold: GoldCorpus = parsed.value;

  const { articles, issues } = readArticleFolder(articlesDir);
  const warnings = issues.filter((i) => i.severity === 'error').map((i) => `${path.join(articlesDir, i.file)}${i.line ? `:${i.line}` : ''}: ${i.message}`);
  const texts = new Map(articles.map((a) => [a.file, a.text]));
  const absent = [...gold.keys()].filter((file) => !texts.has(file));
  if (absent.length) {
    const shown = absent.slice(0, 5).join(', ') + (absent.length > 5 ? ` and ${absent.length - 5} more` : '');
    throw new EvalError(`${goldFile}: names ${absent.length} article${absent.length === 1 ? '' : 's'} not readable in ${articlesDir}: ${shown}`);
  }

  let csv: string;
  if (options.mentions) {
    const file = isDir(options.mentions) ? path.join(options.mentions, 'mentions.csv') : options.mentions;
    csv = readText(file, 'mentions file');
  } else {
    // Through the writer of `npm run extract`, so both routes score the very same rows.
    const result = extractEvents(articles, await loadGazetteer());
    csv = toCsv(mentionCsvRows(result.mentions), MENTIONS_CSV_COLUMNS);
  }
  const score = scoreMentions(gold, texts, parseMentionsCsv(csv));
  return { score, label: options.label ?? path.basename(corpus), warnings };
}

/**
 * The figures as JSON: counts, ratios and (when asked for) the error lists.
 * @param run an evaluation run
 * @param errors how many examples of each error kind to include
 * @returns a JSON-ready object
 * @example JSON.stringify(scoreJson(run, 0))
 */
export function scoreJson(run: EvalRun, errors: number): Record<string, unknown> {
  const { missed, spurious, wrong, ...figures } = run.score;
  return {
    corpus: run.label,
    ...figures,
    ...(errors > 0
      ? {
          missed: missed.slice(0, errors).map(([name, count]) => ({ name, count })),
          spurious: spurious.slice(0, errors).map(([text, count]) => ({ text, count })),
          wrong: wrong.slice(0, errors).map((w) => ({ file: w.file, gold: w.gold, predicted: w.predicted, km: Number.isNaN(w.km) ? null : w.km })),
        }
      : {}),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseEvalArgs(process.argv.slice(2));
    const run = await runEval(options);
    for (const w of run.warnings) console.error(`warning: ${w}`);
    console.log(options.json ? JSON.stringify(scoreJson(run, options.errors), null, 2) : formatScore(run.score, run.label, options.errors).join('\n'));
  } catch (error) {
    console.error(error instanceof EvalError ? `eval: ${error.message}` : `eval: ${(error as Error).message ?? error}`);
    process.exitCode = error instanceof EvalError ? error.exitCode : 1;
  }
}
