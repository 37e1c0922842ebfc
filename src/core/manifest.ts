/**
 * The optional `sources.csv` manifest: what is known about each article (outlet, address, publication
 * date, headline). Bad rows are reported with their line and skipped; the articles they name are still
 * processed, just without metadata.
 */
import Papa from 'papaparse';
import { publicationDate } from './dates';
import type { Issue, ManifestEntry } from './types';

/** Columns of `sources.csv`, in the order written by the project. */
export const MANIFEST_COLUMNS = ['file', 'outlet', 'url', 'published', 'title', 'notes'] as const;

// ISO 8601 date, optionally with a time and offset: 2021-04-12, 2021-04-12T14:36, 2021-04-12 14:36:00+04:30
const ISO_PUBLISHED = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export interface Manifest {
  /** Entries by file name. */
  entries: Map<string, ManifestEntry>;
  /** Every plain file name the manifest lists, with the 1-based line of its first row — also for rows dropped as bad, so a listed file missing from the folder can be reported where it is listed. */
  listed: Map<string, number>;
  issues: Issue[];
}

/**
 * An empty manifest entry for a file the manifest does not describe.
 * @param file the article's file name
 * @returns an entry with empty metadata
 * @example emptyEntry('a.txt') // { file: 'a.txt', outlet: '', url: '', published: '', title: '', notes: '' }
 */
export function emptyEntry(file: string): ManifestEntry {
  return { file, outlet: '', url: '', published: '', title: '', notes: '' };
}

/**
 * Parses `sources.csv`. A row with no file name or a duplicate file is reported (with its 1-based line in
 * the CSV) and dropped. A `published` value that is not ISO 8601 is read with `publicationDate` ("Wed
 * Nov 23, 2016 | 4:58pm EST" → 2016-11-23, logged as a warning) or, when it cannot be read unambiguously,
 * reported as an error and blanked — the row is kept. A bad `url` (not http/https) is reported and
 * blanked so it never becomes a link.
 * @param csv the manifest text
 * @param name the manifest's file name, used in issues
 * @returns the entries by file name and the issues found
 * @example parseManifest('file,outlet,url,published,title,notes\na.txt,Outlet,,2021-04-12,,\n').entries.get('a.txt')?.published // '2021-04-12'
 */
export function parseManifest(csv: string, name = 'sources.csv'): Manifest {
  const entries = new Map<string, ManifestEntry>();
  const listed = new Map<string, number>();
  const issues: Issue[] = [];
  const text = csv.replace(/^\uFEFF/, '');
  if (!text.trim()) return { entries, listed, issues };
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const column = (key: string) => header.indexOf(key);
  if (column('file') < 0) {
    issues.push({ file: name, line: 1, message: `header has no "file" column (found: ${header.join(', ')})`, severity: 'error' });
    return { entries, listed, issues };
  }
  const missing = MANIFEST_COLUMNS.filter((c) => column(c) < 0);
  if (missing.length) {
    issues.push({ file: name, line: 1, message: `header lacks column(s) ${missing.join(', ')}; they are read as empty`, severity: 'warning' });
  }
  // Papaparse reports malformed quoting per row index; map it to the row's first line.
  const rowErrors = new Map<number, string>();
  for (const e of parsed.errors) if (e.row !== undefined) rowErrors.set(e.row, e.message);

  // Line numbers: count newlines consumed by each row (quoted cells may span lines).
  let line = 1 + lineCount(rows[0]);
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    const rowLine = line;
    line += lineCount(row);
    if (row.length === 1 && row[0].trim() === '') continue; // blank line
    const cell = (key: string) => {
      const at = column(key);
      return at >= 0 ? (row[at] ?? '').trim() : '';
    };
    const bad = (message: string) => issues.push({ file: name, line: rowLine, message, severity: 'error' });
    if (rowErrors.has(i)) {
      bad(`malformed row: ${rowErrors.get(i)}`);
      continue;
    }
    if (row.length !== header.length) {
      bad(`row has ${row.length} cells, the header has ${header.length}`);
      continue;
    }
    const entry: ManifestEntry = {
      file: cell('file'),
      outlet: cell('outlet'),
      url: cell('url'),
      published: cell('published'),
      title: cell('title'),
      notes: cell('notes'),
    };
    if (!entry.file) {
      bad('row has no file name');
      continue;
    }
    if (entry.file.includes('/') || entry.file.includes('\\')) {
      bad(`file "${entry.file}" must be a plain file name inside the articles folder`);
      continue;
    }
    if (!listed.has(entry.file)) listed.set(entry.file, rowLine);
    if (entries.has(entry.file)) {
      bad(`file "${entry.file}" is listed twice; the first row is kept`);
      continue;
    }
    if (entry.published && !ISO_PUBLISHED.test(entry.published)) {
      // A date as news sites print it is read (and the reading logged); what cannot be read is an error,
      // but the row's other fields still load.
      const read = publicationDate(entry.published);
      if (read) issues.push({ file: name, line: rowLine, message: `published "${entry.published}" for ${entry.file} read as ${read}`, severity: 'warning' });
      else bad(`published "${entry.published}" for ${entry.file} is not a date that can be read unambiguously (use ISO 8601, YYYY-MM-DD[THH:MM]); the row is kept without a publication date`);
      entry.published = read ?? '';
    }
    if (entry.url && !/^https?:\/\//i.test(entry.url)) {
      issues.push({ file: name, line: rowLine, message: `url "${entry.url}" for ${entry.file} is not http(s); ignored`, severity: 'warning' });
      entry.url = '';
    }
    entries.set(entry.file, entry);
  }
  return { entries, listed, issues };
}

/** Newlines a parsed row spanned in the source (one per row, plus those inside quoted cells). */
function lineCount(row: string[] | undefined): number {
  if (!row) return 1;
  let n = 1;
  for (const cell of row) for (const ch of cell) if (ch === '\n') n++;
  return n;
}
