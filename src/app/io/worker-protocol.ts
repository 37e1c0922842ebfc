/** Messages between the import dialog and the import worker (import.worker.ts). */
import type { DatelineEvent, Issue } from '../../core/types';
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
   * Events and detailed sources, structured-cloned: the lists events share (an outlet, an actor pair,
   * see `listCache` in src/core/io/rows.ts) are copied once per message, not once per event.
   */
  | { kind: 'batch'; events: DatelineEvent[]; sources: SourceRow[]; issues: Issue[]; progress: ImportProgress }
  | { kind: 'done'; tableKind: TableKind | 'geojson'; mapping: ColumnMapping; issues: Issue[]; progress: ImportProgress; elapsedMs: number }
  | { kind: 'failed'; message: string };
