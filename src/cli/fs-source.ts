/**
 * File adapter: reads a folder of articles (`.txt`, `.md`, UTF-8) and its optional `sources.csv`
 * manifest into `Article`s for the pure pipeline. Unreadable files and bad manifest rows become issues
 * with file and line; everything else is still read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  if (names.includes('sources.csv')) {
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
      if (!statSync(file).isFile()) continue;
      const bytes = readFileSync(file);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      articles.push({ file: name, text, meta: entries.get(name) ?? emptyEntry(name) });
    } catch (error) {
      const reason = error instanceof TypeError ? 'not valid UTF-8' : (error as Error).message;
      issues.push({ file: name, message: `cannot read article: ${reason}`, severity: 'error' });
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
