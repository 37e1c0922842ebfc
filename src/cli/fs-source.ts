/**
 * File adapter: reads a folder of articles (`.txt`, `.md`, UTF-8) and its optional `sources.csv`
 * manifest into `Article`s for the pure pipeline. Unreadable files and bad manifest rows become issues
 * with file and line; everything else is still read.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { emptyEntry, parseManifest } from '../core/manifest';
import type { Article, Issue } from '../core/types';

/** File names the adapter reads as articles. README files describe a folder, they are not articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'];
const NOT_ARTICLES = /^(readme|license|licence|changelog)(\.[a-z]+)?$/i;
const isArticleName = (name: string) => ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase()) && !NOT_ARTICLES.test(name);

export interface FolderInput {
  articles: Article[];
  issues: Issue[];
}

/**
 * Reads every article of a folder (sorted by name) with its manifest entry.
 * @param folder the articles folder
 * @returns articles and issues (unreadable or non-UTF-8 files, bad manifest rows, manifest rows without a file)
 * @example const { articles, issues } = readArticleFolder('seeds');
 */
export function readArticleFolder(folder: string): FolderInput {
  const issues: Issue[] = [];
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (error) {
    return { articles: [], issues: [{ file: folder, message: `cannot read folder: ${(error as Error).message}`, severity: 'error' }] };
  }
  let entries = new Map<string, ReturnType<typeof emptyEntry>>();
  let listed = new Map<string, number>();
  // Only regular files inside the folder are read: a symbolic link may point anywhere (another user's
  // files, /etc), and its text would end up in the outputs.
  const notRegular = (name: string): string | null => {
    const entry = lstatSync(path.join(folder, name));
    if (entry.isSymbolicLink()) return 'a symbolic link; not followed, skipped';
    return entry.isFile() ? null : 'not a regular file; skipped';
  };
  const manifestSkipped = names.includes('sources.csv') ? notRegular('sources.csv') : null;
  if (manifestSkipped) issues.push({ file: 'sources.csv', message: manifestSkipped, severity: 'warning' });
  else if (names.includes('sources.csv')) {
    try {
      const manifest = parseManifest(readFileSync(path.join(folder, 'sources.csv'), 'utf8'), 'sources.csv');
      entries = manifest.entries;
      listed = manifest.listed;
      issues.push(...manifest.issues);
    } catch (error) {
      issues.push({ file: 'sources.csv', message: `cannot read manifest: ${(error as Error).message}`, severity: 'error' });
    }
  }
  const articles: Article[] = [];
  for (const name of names) {
    if (!isArticleName(name)) continue;
    const file = path.join(folder, name);
    try {
      const skipped = notRegular(name);
      if (skipped) {
        issues.push({ file: name, message: skipped, severity: 'warning' });
        continue;
      }
      const bytes = readFileSync(file);
      const text = decodeArticle(bytes, name, issues).replace(/^\uFEFF/, '');
      articles.push({ file: name, text, meta: entries.get(name) ?? emptyEntry(name) });
    } catch (error) {
      issues.push({ file: name, message: `cannot read article: ${(error as Error).message}`, severity: 'error' });
    }
  }
  // Every listed file, even from a row dropped as bad, must be in the folder and be an article.
  for (const [file, line] of listed) {
    if (!names.includes(file)) {
      issues.push({ file: 'sources.csv', line, message: `${file} is listed but not in the folder`, severity: 'warning' });
    } else if (!isArticleName(file)) {
      issues.push({ file: 'sources.csv', line, message: `${file} is listed but is not an article (${ARTICLE_EXTENSIONS.join(' or ')})`, severity: 'warning' });
    }
  }
  return { articles, issues };
}

/**
 * An article's text: UTF-8, or — when the bytes are not valid UTF-8 (an older page saved as Latin-1 or
 * Windows-1252) — read as Windows-1252, whose every byte is a character, with a warning naming the line
 * of the first byte that is not UTF-8. The article is kept, not dropped.
 * @param bytes the file's bytes
 * @param file the file name, for the warning
 * @param issues where the warning goes
 * @returns the decoded text
 * @example decodeArticle(Buffer.from([0x43, 0x61, 0x66, 0xe9]), 'a.txt', []) // 'Café'
 */
export function decodeArticle(bytes: Uint8Array, file: string, issues: Issue[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 10) line++;
    issues.push({ file, line, message: 'not valid UTF-8; read as Windows-1252 (Latin-1), check accented letters', severity: 'warning' });
    return text;
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return bytes.length;
}
