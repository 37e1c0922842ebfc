/**
 * The browser's article adapter (the counterpart of src/cli/fs-source.ts): dropped or chosen files, a
 * folder's files, or a pasted text become `Article`s for the pure pipeline, with the same manifest
 * (`sources.csv`, parsed by src/core/manifest.ts) and the same messages for what cannot be used. Runs in
 * the worker: File objects are read there, off the page's main thread.
 */
import Papa from 'papaparse';
import { emptyEntry, MANIFEST_COLUMNS, parseManifest } from '../../core/manifest';
import { SNIFF_BYTES, sniffText } from '../../core/io/sniff';
import type { Issue, ManifestEntry } from '../../core/types';
import { MAX_ARTICLE_CHARS, type PastedArticle, type StoredArticle } from './protocol';
import { unreadScript } from './script';

/** Article file names, as the CLI reads them: `.txt` and `.md`, not a folder's README or licence. */
const ARTICLE_NAME = /\.(txt|md)$/i;
const NOT_ARTICLES = /^(readme|license|licence|changelog)(\.[a-z]+)?$/i;
const isArticleName = (name: string) => ARTICLE_NAME.test(name) && !NOT_ARTICLES.test(name);

export interface ReadInput {
  articles: StoredArticle[];
  /** Inputs not read at all, one sentence each naming the file. */
  rejected: string[];
  /** What was read with a problem (manifest rows, encodings): kept, with file and line. */
  issues: Issue[];
}

/** A file's name without its folder ("news/a.txt" → "a.txt"). */
export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The text of an article, or why it cannot be one.
 * @param problem what sniffing found; else the text is checked for size and script
 */
function articleProblem(text: string): string | null {
  if (!text.trim()) return 'is empty';
  if (text.length > MAX_ARTICLE_CHARS) {
    return `is ${(text.length / 1e6).toFixed(1)} million characters long; an article is read up to ${(MAX_ARTICLE_CHARS / 1e6).toFixed(0)} million — split it into one file per article`;
  }
  const script = unreadScript(text);
  if (script) return `is written in ${script} script; Dateline reads English text (Latin script) only`;
  return null;
}

/**
 * Decodes one file as the CLI does: UTF-8 (or UTF-16 by its byte order mark); bytes that are not valid
 * UTF-8 are read as Windows-1252 with a warning naming the line of the first one.
 * @returns the text, or a sentence saying why it is not an article's text
 */
export async function decodeArticleFile(file: File, name: string, issues: Issue[]): Promise<{ text: string } | { problem: string }> {
  const head = new Uint8Array(await file.slice(0, Math.min(file.size, 8)).arrayBuffer());
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) {
    return { problem: 'is a PDF document, not text: copy its text into a .txt file or paste it' };
  }
  if (file.size > MAX_ARTICLE_CHARS * 4) return { problem: `is ${(file.size / 1e6).toFixed(1)} MB; an article file is read up to ${(MAX_ARTICLE_CHARS / 1e6).toFixed(0)} million characters` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniffText(bytes.subarray(0, SNIFF_BYTES), bytes.length);
  if ('problem' in sniffed) {
    return { problem: sniffed.problem === 'empty file' ? 'is empty' : 'is not a text file (binary data): save the article as plain text (.txt)' };
  }
  let text: string;
  if (sniffed.encoding !== 'utf-8') text = new TextDecoder(sniffed.encoding).decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      issues.push({ file: name, line: lineOfFirstNonUtf8(bytes), message: 'not valid UTF-8; read as Windows-1252 (Latin-1), check accented letters', severity: 'warning' });
    }
  }
  text = text.replace(/^\uFEFF/, '');
  const problem = articleProblem(text);
  return problem ? { problem } : { text };
}

function lineOfFirstNonUtf8(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    let ok = n >= 0;
    for (let k = 1; ok && k <= n; k++) ok = i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
    if (!ok) return line;
    if (b === 10) line++;
    i += n + 1;
  }
  return line;
}

/**
 * Reads dropped or chosen files — loose files, or a folder's (paths with folders) — with their
 * `sources.csv`, like `readArticleFolder` reads a folder: articles sorted by name, each with its
 * manifest entry; every listed file that was not dropped is reported with the manifest's line.
 * @param files the files and their paths (a folder's relative path, else the name)
 * @param now the time stamp of the added articles
 * @returns the articles, the rejected inputs and the issues
 */
export async function readDroppedFiles(files: readonly { path: string; file: File }[], now: string, onFile?: (done: number, total: number) => void): Promise<ReadInput> {
  const issues: Issue[] = [];
  const rejected: string[] = [];
  const sorted = [...files].sort((a, b) => (baseName(a.path) < baseName(b.path) ? -1 : baseName(a.path) > baseName(b.path) ? 1 : 0));
  const manifests = sorted.filter((f) => baseName(f.path).toLowerCase() === 'sources.csv');
  let entries = new Map<string, ManifestEntry>();
  let listed = new Map<string, number>();
  if (manifests.length > 1) rejected.push(`${manifests.length} files named sources.csv were dropped; only ${manifests[0].path} is read`);
  if (manifests.length) {
    const bytes = new Uint8Array(await manifests[0].file.arrayBuffer());
    const sniffed = sniffText(bytes.subarray(0, SNIFF_BYTES), bytes.length);
    if ('problem' in sniffed && sniffed.problem === 'not a text file') rejected.push('sources.csv is not a text file; the articles are read without it');
    else if (!('problem' in sniffed)) {
      const manifest = parseManifest(new TextDecoder(sniffed.encoding).decode(bytes), 'sources.csv');
      entries = manifest.entries;
      listed = manifest.listed;
      issues.push(...manifest.issues);
    }
  }
  const names = new Set<string>();
  const articles: StoredArticle[] = [];
  let done = 0;
  for (const { path, file } of sorted) {
    onFile?.(done++, sorted.length);
    const name = baseName(path);
    if (name.toLowerCase() === 'sources.csv') continue;
    names.add(name);
    if (!isArticleName(name)) {
      const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
      const pdf = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46;
      if (NOT_ARTICLES.test(name)) continue; // a folder's README describes it, like the CLI skips it
      rejected.push(pdf ? `${name} is a PDF document, not text: copy its text into a .txt file or paste it` : `${name} is not read: only .txt and .md files are articles`);
      continue;
    }
    if (articles.some((a) => a.file === name)) {
      rejected.push(`${path}: another dropped file is also named ${name}; only the first is read`);
      continue;
    }
    const decoded = await decodeArticleFile(file, name, issues);
    if ('problem' in decoded) {
      rejected.push(`${name} ${decoded.problem}`);
      continue;
    }
    articles.push({ file: name, text: decoded.text, meta: entries.get(name) ?? emptyEntry(name), added: now });
  }
  for (const [file, line] of listed) {
    if (!names.has(file)) issues.push({ file: 'sources.csv', line, message: `${file} is listed but was not dropped with it`, severity: 'warning' });
    else if (!isArticleName(file)) issues.push({ file: 'sources.csv', line, message: `${file} is listed but is not an article (.txt or .md)`, severity: 'warning' });
  }
  return { articles, rejected, issues };
}

/**
 * A pasted article: its fields go through the manifest parser, so a publication date or an address is
 * read (or refused) exactly as in a `sources.csv` row.
 * @param pasted the text and fields
 * @param file the name it is kept under
 * @returns the article, or why not (as `rejected`)
 */
export function readPasted(pasted: PastedArticle, file: string, now: string): ReadInput {
  const problem = articleProblem(pasted.text);
  if (problem) return { articles: [], rejected: [`The pasted text ${problem}`], issues: [] };
  const row = [file, pasted.outlet.trim(), pasted.url.trim(), pasted.published.trim(), pasted.title.trim(), ''];
  const csv = Papa.unparse({ fields: [...MANIFEST_COLUMNS], data: [row] });
  const manifest = parseManifest(csv, 'the fields');
  // Line numbers of a one-row manifest say nothing to someone who typed into fields.
  const issues = manifest.issues.map(({ line: _line, ...issue }) => ({ ...issue, file }));
  const meta = manifest.entries.get(file) ?? emptyEntry(file);
  return { articles: [{ file, text: pasted.text, meta, added: now }], rejected: [], issues };
}
