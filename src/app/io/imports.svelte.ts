/**
 * Imported files as map layers: runs the import worker, keeps each file's events, problems and
 * visibility, and puts visible layers into the shared EventStore, so imported events take part in the
 * slider, list, popups and export like the pipeline's.
 */
import { createContext, tick } from 'svelte';
import type { ColumnMapping, TableKind } from '../../core/io/columns';
import type { DateOrder } from '../../core/io/dates';
import type { SourceRow } from '../../core/io/rows';
import type { DatelineEvent, Issue } from '../../core/types';
import { idsInSlices, rememberIdIndex, type EventStore } from '../state/events.svelte';
import { IncrementalSort, sortInSlices } from '../../core/eventfilter';
import { inSlices } from '../state/slices';
import { SLICE_STEP } from '../../core/slicing';
import { countTypesInSlices } from '../map/event-features';
import type { ImportProgress, ImportReply, ImportRequest } from './worker-protocol';

/** Problems kept per file for the list; the rest are counted. */
const MAX_LISTED_ISSUES = 500;

export interface InspectedFile {
  file: File;
  format: 'csv' | 'geojson';
  tableKind: TableKind | 'geojson';
  header: string[];
  sample: string[][];
  mapping: ColumnMapping;
}

export interface ImportedLayer {
  layer: string;
  name: string;
  tableKind: TableKind | 'geojson';
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  events: DatelineEvent[];
  visible: boolean;
  rows: number;
  badRows: number;
  issues: Issue[];
  /** Problems beyond the listed ones. */
  moreIssues: number;
  elapsedMs: number;
}

/** One file in flight: what the progress bar shows. */
export interface ImportActivity {
  name: string;
  progress: ImportProgress;
}

function createWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'dateline-import' });
}

/** Asks a fresh worker one question and collects its replies until it is done. */
function runWorker(request: ImportRequest, onReply: (reply: ImportReply) => boolean, onCancel?: (cancel: () => void) => void) {
  return new Promise<void>((resolve, reject) => {
    const worker = createWorker();
    onCancel?.(() => worker.postMessage({ kind: 'cancel' } satisfies ImportRequest));
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.kind === 'failed') {
        worker.terminate();
        reject(new Error(reply.message));
      } else if (onReply(reply)) {
        worker.terminate();
        resolve();
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the import worker failed'));
    };
    worker.postMessage(request);
  });
}

export class ImportedLayers {
  layers = $state.raw<ImportedLayer[]>([]);
  /** The file being read, while an import runs. */
  activity = $state.raw<ImportActivity | null>(null);
  /** Problems with whole files (unreadable, worker failure), one sentence each. */
  failures = $state.raw<string[]>([]);
  private cancelCurrent: (() => void) | null = null;
  /** The File behind each imported name, for "Fix columns…" (read again with another mapping). */
  private readonly files = new Map<string, File>();
  /** Milliseconds from the start of the last import to its first and last events in the store. */
  timings = $state.raw<{ firstEventsMs: number | null; doneMs: number | null }>({ firstEventsMs: null, doneMs: null });

  constructor(private readonly store: EventStore) {}

  /** Reads a file's header and a few rows, and detects its columns. */
  inspect(file: File): Promise<InspectedFile> {
    let result: InspectedFile | null = null;
    return runWorker({ kind: 'inspect', file }, (reply) => {
      if (reply.kind !== 'inspected') return false;
      result = { file, ...reply };
      return true;
    }).then(() => result!);
  }

  /**
   * Imports files chosen together: each event file becomes a layer `imported:<name>`; a long
   * event × source file attaches its quotes to the events of the others.
   */
  async importFiles(files: readonly { file: File; mapping?: ColumnMapping; dateOrder?: DateOrder }[]): Promise<void> {
    const started = performance.now();
    this.timings = { firstEventsMs: null, doneMs: null };
    // Fetched with the first import, not with the first view (papaparse comes with them).
    const [{ disambiguateIds, disambiguateIdsInSlices, joinSources }, { importedLayer }, { EventUnpacker }] = await Promise.all([
      import('../../core/io/import'),
      import('../../core/io/rows'),
      import('../../core/io/packed'),
    ]);
    const loaded: ImportedLayer[] = [];
    const sorters = new Map<ImportedLayer, IncrementalSort<DatelineEvent>>();
    const sourceRows: { name: string; rows: SourceRow[] }[] = [];
    for (const { file, mapping, dateOrder = 'auto' } of files) {
      this.files.set(file.name, file);
      const layer = importedLayer(file.name);
      const entry: ImportedLayer = {
        layer, name: file.name, tableKind: 'generic', mapping: mapping ?? {}, dateOrder, events: [], visible: true,
        rows: 0, badRows: 0, issues: [], moreIssues: 0, elapsedMs: 0,
      };
      const sources: SourceRow[] = [];
      sorters.set(entry, new IncrementalSort<DatelineEvent>());
      const unpacker = new EventUnpacker();
      let shownFirst = false;
      this.activity = { name: file.name, progress: { bytes: 0, total: file.size, rows: 0, events: 0, badRows: 0 } };
      try {
        await runWorker(
          { kind: 'import', file, mapping, dateOrder },
          (reply) => {
            if (reply.kind === 'batch') {
              const batch = unpacker.unpack(reply.events);
              for (const event of batch) entry.events.push(event);
              // Sorted batch by batch while the worker parses on: afterwards only merges remain.
              sorters.get(entry)!.add(batch);
              for (const row of reply.sources) sources.push(row);
              this.addIssues(entry, reply.issues);
              this.activity = { name: file.name, progress: reply.progress };
              if (!shownFirst && entry.events.length > 0) {
                // Draw what is there as soon as there is something, then once more when complete.
                shownFirst = true;
                this.timings = { ...this.timings, firstEventsMs: performance.now() - started };
                // A preview copy: ids unique against the other layers; the real renaming comes after
                // the sources tables are joined (they name the file's own ids).
                const preview = entry.events.map((e) => ({ ...e, properties: { ...e.properties } }));
                disambiguateIds(preview, this.idsOutside(layer), file.name);
                performance.mark('dateline:import-first-events');
                this.publish({ ...entry, events: preview });
              }
              return false;
            }
            if (reply.kind === 'done') {
              this.addIssues(entry, reply.issues);
              Object.assign(entry, {
                tableKind: reply.tableKind, mapping: reply.mapping, rows: reply.progress.rows,
                badRows: reply.progress.badRows, elapsedMs: reply.elapsedMs,
              });
              return true;
            }
            return false;
          },
          (cancel) => (this.cancelCurrent = cancel),
        );
      } catch (error) {
        this.failures = [...this.failures, `${file.name}: ${(error as Error).message}`];
        continue;
      } finally {
        this.cancelCurrent = null;
      }
      if (entry.tableKind === 'dateline-sources') sourceRows.push({ name: file.name, rows: sources });
      else loaded.push(entry);
    }
    const allEvents = sourceRows.length ? [...loaded.flatMap((l) => l.events), ...this.layers.flatMap((l) => l.events)] : [];
    for (const { name, rows } of sourceRows) {
      const warnings = joinSources(allEvents, rows, name);
      const target = loaded[0] ?? this.layers[0];
      if (target) this.addIssues(target, warnings);
      else this.failures = [...this.failures, `${name}: a sources table needs an events file imported with it`];
    }
    // Ids stay unique across layers: rename imported ones that are already shown elsewhere.
    // User Timing marks (DevTools, src/bench/io-browser.ts): parsing is over, the app takes the layers.
    performance.mark('dateline:import-parsed');
    const taken = this.idsOutside(...loaded.map((l) => l.layer));
    for (const [n, entry] of loaded.entries()) {
      // The id check builds the layer's id index as it goes (one map of a million ids, not two).
      const byId = new Map<string, DatelineEvent>();
      const warning = await inSlices(disambiguateIdsInSlices(entry.events, taken, entry.name, SLICE_STEP, byId));
      rememberIdIndex(entry.events, byId);
      // Files imported together: the next one's ids must not clash with this one's.
      if (n < loaded.length - 1) for (const id of byId.keys()) taken.add(id);
      if (warning) this.addIssues(entry, [warning]);
      // Renamed ids may order ties differently from the batches' keys: then sort anew (prepareLayer).
      else await inSlices(sorters.get(entry)!.finish(entry.events));
      // Sort and index the layer in short tasks (memoised per array), so the store, list and slider
      // take in even a million events without one long task.
      await inSlices(prepareLayer(entry.events));
      const published = performance.now();
      this.publish(entry);
      // User Timing: the one task in which the store, list and slider take the layer (Svelte's flush).
      await tick();
      performance.measure('dateline:import-publish', { start: published, end: performance.now() });
    }
    this.activity = null;
    this.timings = { ...this.timings, doneMs: performance.now() - started };
  }

  /** Ids of the events in the store's layers other than `layers`. */
  private idsOutside(...layers: string[]): Set<string> {
    const ids = new Set<string>();
    for (const [layer, events] of Object.entries(this.store.layers)) {
      if (!layers.includes(layer)) for (const e of events) ids.add(e.properties.id);
    }
    // Hidden imported layers too: they may be shown again.
    for (const l of this.layers) if (!layers.includes(l.layer)) for (const e of l.events) ids.add(e.properties.id);
    return ids;
  }

  /** The file imported under `name`, if it is still known. */
  fileOf(name: string): File | undefined {
    return this.files.get(name);
  }

  /** Stops the running import; rows read so far are kept. */
  cancel(): void {
    this.cancelCurrent?.();
  }

  private addIssues(entry: ImportedLayer, issues: readonly Issue[]) {
    const room = Math.max(0, MAX_LISTED_ISSUES - entry.issues.length);
    if (room > 0) entry.issues = [...entry.issues, ...issues.slice(0, room)];
    entry.moreIssues += Math.max(0, issues.length - room);
  }

  /** Adds or replaces a layer's entry and, when visible, its events in the store. */
  private publish(entry: ImportedLayer) {
    const others = this.layers.filter((l) => l.layer !== entry.layer);
    this.layers = [...others, entry];
    this.syncStore(entry);
  }

  private syncStore(entry: ImportedLayer) {
    const { [entry.layer]: _old, ...rest } = this.store.layers;
    // Imported events are validated by the import itself (src/core/io); the store takes them as they are.
    this.store.layers = entry.visible && entry.events.length ? { ...rest, [entry.layer]: entry.events } : rest;
  }

  /** Shows or hides an imported layer everywhere (map, list, slider, export). */
  setVisible(layer: string, visible: boolean): void {
    const entry = this.layers.find((l) => l.layer === layer);
    if (!entry || entry.visible === visible) return;
    const updated = { ...entry, visible };
    this.layers = this.layers.map((l) => (l.layer === layer ? updated : l));
    this.syncStore(updated);
  }

  /** Forgets an imported layer. */
  remove(layer: string): void {
    const entry = this.layers.find((l) => l.layer === layer);
    if (!entry) return;
    this.layers = this.layers.filter((l) => l.layer !== layer);
    this.syncStore({ ...entry, visible: false });
  }
}

/** Sorts, indexes and counts a layer in short tasks (each memoised per array), before it is published. */
function* prepareLayer(events: readonly DatelineEvent[]): Generator<void, void> {
  yield* sortInSlices(events);
  yield* idsInSlices(events);
  yield* countTypesInSlices(events);
}

export const [getImportedLayers, setImportedLayers] = createContext<ImportedLayers>();
