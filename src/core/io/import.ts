/**
 * Importing whole files: the synchronous path used by tests, the benchmark and small files. The browser
 * streams large CSV files through the same {@link CsvTableReader} in a worker (src/app/io/import.worker.ts).
 */
import Papa from 'papaparse';
import type { DatelineEvent, Issue } from '../types';
import type { ColumnMapping, TableKind } from './columns';
import type { DateOrder } from './dates';
import { importGeoJson } from './geojson-import';
import { CsvTableReader, type SourceRow } from './rows';
import { CSV_PARSE_CONFIG } from './stream';
import { decodeFile } from './sniff';
import { runToEnd, SLICE_STEP } from '../slicing';

export interface ImportedFile {
  name: string;
  kind: TableKind | 'geojson';
  events: DatelineEvent[];
  /** Rows of a long event × source CSV, waiting to be joined to their events. */
  sources: SourceRow[];
  issues: Issue[];
  /** Data rows (CSV) or features (GeoJSON) read, good or bad. */
  rows: number;
}

export interface ImportOptions {
  mapping?: ColumnMapping;
  dateOrder?: DateOrder;
}

/** True when a file is GeoJSON by its name or, failing that, by its first character. */
export function looksLikeGeoJson(name: string, start: string): boolean {
  if (/\.(geo)?json$/i.test(name)) return true;
  if (/\.(csv|tsv|txt)$/i.test(name)) return false;
  return start.replace(/^\uFEFF/, '').trimStart().startsWith('{');
}


/**
 * Imports one file's text (CSV or GeoJSON).
 * @param name - the file name; it names the layer (`imported:<name>`)
 * @param text - the whole text
 * @param options - a column mapping chosen by the user, and how to read numeric dates
 * @example importText('acled.csv', text).events.length
 */
export function importText(name: string, text: string, options: ImportOptions = {}): ImportedFile {
  if (looksLikeGeoJson(name, text.slice(0, 64))) {
    const { events, issues } = importGeoJson(text, name, options.dateOrder);
    return { name, kind: 'geojson', events, sources: [], issues, rows: events.length + issues.filter((i) => i.line).length };
  }
  const reader = new CsvTableReader({ fileName: name, ...options });
  const raw = text.replace(/^\uFEFF/, '');
  reader.push({ ...Papa.parse<string[]>(raw, CSV_PARSE_CONFIG), raw });
  const out = reader.finish();
  return { name, kind: reader.kind, events: out.events, sources: out.sources, issues: out.issues, rows: reader.rowsRead };
}

/**
 * Imports one file's bytes: decoded as UTF-8, or UTF-16 by its byte order mark (src/core/io/sniff.ts); an
 * empty file or one that is not text is a single file-level error, never rows of garbage.
 * @example importBytes('utf16.csv', new Uint8Array(await file.arrayBuffer()))
 */
export function importBytes(name: string, bytes: ArrayBuffer | Uint8Array, options: ImportOptions = {}): ImportedFile {
  const decoded = decodeFile(bytes);
  if ('problem' in decoded) {
    return { name, kind: 'generic', events: [], sources: [], issues: [{ file: name, message: decoded.problem, severity: 'error' }], rows: 0 };
  }
  return importText(name, decoded.text, options);
}

/**
 * Attaches the rows of long event × source files to the events they name. An event's sources are
 * replaced by the detailed ones (quotes, offsets) when any exist; rows naming no imported event are
 * reported.
 * @returns the events (mutated in place) and warnings
 */
export function joinSources(events: DatelineEvent[], sourceRows: readonly SourceRow[], fileName = ''): Issue[] {
  if (sourceRows.length === 0) return [];
  const byId = new Map<string, SourceRow['source'][]>();
  for (const row of sourceRows) {
    const list = byId.get(row.eventId) ?? [];
    list.push(row.source);
    byId.set(row.eventId, list);
  }
  for (const event of events) {
    const detailed = byId.get(event.properties.id);
    if (detailed) {
      event.properties.sources = detailed;
      byId.delete(event.properties.id);
    }
  }
  return [...byId.keys()].map((id) => ({
    file: fileName,
    message: `sources for event "${id}" name no imported event (import the events file together with the sources file)`,
    severity: 'warning' as const,
  }));
}

/**
 * Imports several files chosen together: event files become layers, long event × source files attach
 * their quotes to the events of the other files.
 */
export function importFiles(files: readonly { name: string; text: string }[], options: ImportOptions = {}): ImportedFile[] {
  const imported = files.map((f) => importText(f.name, f.text, options));
  const allEvents = imported.flatMap((f) => f.events);
  for (const file of imported) {
    if (file.sources.length) file.issues.push(...joinSources(allEvents, file.sources, file.name));
  }
  return imported;
}

/**
 * Keeps event ids unique across layers (the list, the selection and the `event=` URL parameter rely on
 * it): an imported event whose id is already `taken` becomes `<id>@<fileName>` (then `…#2`, `…#3`).
 * @returns a warning naming how many were renamed, or null; `taken` gains the new ids
 * @example disambiguateIds(events, new Set(['ev-1']), 'mine.csv') // 'ev-1' → 'ev-1@mine.csv'
 */
export function disambiguateIds(events: readonly DatelineEvent[], taken: Set<string>, fileName: string): Issue | null {
  return runToEnd(disambiguateIdsInSlices(events, taken, fileName, Infinity));
}

/**
 * {@link disambiguateIds} as a generator that yields every `step` events (for a page's `runInSlices`):
 * a million imported ids are checked in short tasks. With `byId`, the layer's ids go into that index
 * (id → event, after renaming) instead of into `taken`, which then only holds the other layers' ids:
 * the page needs the index anyway, and building one map of a million ids instead of two saves a
 * second or so.
 */
export function* disambiguateIdsInSlices(
  events: readonly DatelineEvent[],
  taken: Set<string>,
  fileName: string,
  step = SLICE_STEP,
  byId?: Map<string, DatelineEvent>,
): Generator<void, Issue | null> {
  const renamed: string[] = [];
  const isTaken = byId ? (id: string) => taken.has(id) || byId.has(id) : (id: string) => taken.has(id);
  for (let i = 0; i < events.length; i++) {
    if ((i + 1) % step === 0) yield;
    const event = events[i];
    let id = event.properties.id;
    if (isTaken(id)) {
      let candidate = `${id}@${fileName}`;
      for (let n = 2; isTaken(candidate); n++) candidate = `${id}@${fileName}#${n}`;
      renamed.push(id);
      event.properties.id = id = candidate;
    }
    if (byId) byId.set(id, event);
    else taken.add(id);
  }
  if (renamed.length === 0) return null;
  const examples = renamed.slice(0, 3).join(', ') + (renamed.length > 3 ? ', …' : '');
  return {
    file: fileName,
    message: `${renamed.length} event id${renamed.length > 1 ? 's are' : ' is'} already on the map (${examples}); shown as <id>@${fileName}`,
    severity: 'warning',
  };
}
