/**
 * Imported files kept in this browser's IndexedDB (database {@link IMPORTS_DB}) until their layer is
 * removed, so they come back after a reload. What is kept is each file as chosen, with the column
 * mapping and date order it was read with and whether its layer is shown; on reload the files are read
 * again, group by group in the order they were imported (a sources table with the events files it came
 * with). Nothing leaves the computer. Fetched on demand (src/app/io/persist.ts): the first view does
 * without this module and `idb`.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ColumnMapping } from '../../core/io/columns';
import type { DateOrder } from '../../core/io/dates';
import { IMPORTS_DB } from './persist';

/** One kept file. */
export interface KeptFile {
  /** The file's name, which names its layer (`imported:<name>`); the key: importing a name again replaces it. */
  name: string;
  file: File;
  mapping?: ColumnMapping;
  dateOrder: DateOrder;
  /** Files imported together share a group; groups come back in this order. */
  group: number;
  /** Position within its group. */
  order: number;
  visible: boolean;
  /** A long event × source table: no layer of its own, it adds quotes to its group's events. */
  sourcesOnly: boolean;
}

interface ImportsSchema extends DBSchema {
  files: { key: string; value: KeptFile };
}

const STORE = 'files';

function open(): Promise<IDBPDatabase<ImportsSchema>> {
  return openDB<ImportsSchema>(IMPORTS_DB, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: 'name' });
    },
  });
}

/** Runs `work` on the database and closes it; an emptied database is deleted (the next visit then loads nothing). */
async function withDb<T>(work: (db: IDBPDatabase<ImportsSchema>) => Promise<T>): Promise<T> {
  const db = await open();
  let result: T;
  let empty: boolean;
  try {
    result = await work(db);
    empty = (await db.count(STORE)) === 0;
  } finally {
    db.close();
  }
  if (empty) await deleteDB(IMPORTS_DB);
  return result;
}

/**
 * Keeps files imported together (one group, after the groups already kept).
 * @example await keepFiles([{ file, dateOrder: 'auto', sourcesOnly: false }])
 */
export function keepFiles(files: readonly Omit<KeptFile, 'name' | 'group' | 'order' | 'visible'>[]): Promise<void> {
  return withDb(async (db) => {
    const kept = await db.getAll(STORE);
    const group = kept.reduce((max, k) => Math.max(max, k.group + 1), 0);
    const tx = db.transaction(STORE, 'readwrite');
    await Promise.all([
      ...files.map(({ file, mapping, dateOrder, sourcesOnly }, order) =>
        tx.store.put({ name: file.name, file, mapping, dateOrder, group, order, visible: true, sourcesOnly }),
      ),
      tx.done,
    ]);
  });
}

/** Forgets a removed layer's file, and the sources tables that came only with it. */
export function forgetFile(name: string): Promise<void> {
  return withDb(async (db) => {
    const tx = db.transaction(STORE, 'readwrite');
    const entry = await tx.store.get(name);
    if (entry) {
      await tx.store.delete(name);
      const group = (await tx.store.getAll()).filter((k) => k.group === entry.group);
      if (!group.some((k) => !k.sourcesOnly)) for (const k of group) await tx.store.delete(k.name);
    }
    await tx.done;
  });
}

/** Remembers whether a kept layer is shown. */
export function keepVisibility(name: string, visible: boolean): Promise<void> {
  return withDb(async (db) => {
    const tx = db.transaction(STORE, 'readwrite');
    const entry = await tx.store.get(name);
    if (entry) await tx.store.put({ ...entry, visible });
    await tx.done;
  });
}

/** The kept files, as groups of files imported together, in the order they were imported. */
export async function keptGroups(): Promise<KeptFile[][]> {
  const kept = await withDb((db) => db.getAll(STORE));
  const groups = new Map<number, KeptFile[]>();
  for (const k of kept.sort((a, b) => a.group - b.group || a.order - b.order)) groups.set(k.group, [...(groups.get(k.group) ?? []), k]);
  return [...groups.values()];
}
