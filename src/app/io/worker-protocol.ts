/** Messages between the import dialog and the import worker (import.worker.ts). */
import type { Issue } from '../../core/types';
import type { PackedEvents } from '../../core/io/packed';
import type { SourceRow } from '../../core/io/rows';
import type { ColumnMapping, TableKind } from '../../core/io/columns';
import type { DateOrder } from '../../core/io/dates';

export type ImportRequest =
  | { kind: 'inspect'; file: File }
  | { kind: 'import'; file: File; mapping?: ColumnMapping; dateOrder?: DateOrder }
  | { kind: 'cancel' };

export interface ImportProgress {
  /** Bytes of the file read so far, and its size. */
  bytes: number;
  total: number;
  rows: number;
  events: number;
  badRows: number;
}

export type ImportReply =
  | {
      kind: 'inspected';
      format: 'csv' | 'geojson';
      tableKind: TableKind | 'geojson';
      header: string[];
      sample: string[][];
      mapping: ColumnMapping;
      delimiter: string;
    }
  /**
   * Events as columns (src/core/io/packed.ts: the values an import repeats cross once per import, the
   * typed arrays are transferred) and detailed sources.
   */
  | { kind: 'batch'; events: PackedEvents; sources: SourceRow[]; issues: Issue[]; progress: ImportProgress }
  | { kind: 'done'; tableKind: TableKind | 'geojson'; mapping: ColumnMapping; issues: Issue[]; progress: ImportProgress; elapsedMs: number }
  | { kind: 'failed'; message: string };

/**
 * Characters parsed per chunk. Small enough that a chunk's events are handed over (and dead in the
 * worker) before the next young-generation GC, which would otherwise copy them: 512 K parse 13% faster
 * than 2 M (src/bench/io.ts). Progress also moves more smoothly.
 */
export const IMPORT_CHUNK_CHARS = 512 * 1024;
/** The first chunk is small, so the first events reach the map after a few hundred rows. */
export const FIRST_CHUNK_CHARS = 128 * 1024;
/** Events per message: one message must be cloned onto the page in well under 200 ms (a few ms here). */
export const EVENTS_PER_BATCH = 2000;
