/**
 * Imported layers survive a reload (issue 11, item 8): the entry points the components call. The work is
 * in persist-imports.ts (IndexedDB through `idb`), fetched only when there is something to keep or a
 * database of kept files exists, so a first visit loads none of it. Failures to keep (private windows,
 * a full disk) are returned as one sentence; the import itself is never undone by them.
 */
import type { ColumnMapping } from '../../core/io/columns';
import type { DateOrder } from '../../core/io/dates';
import type { ImportedLayers } from './imports.svelte';

/** The IndexedDB database of kept imports. */
export const IMPORTS_DB = 'dateline-imports';

const store = () => import('./persist-imports');

/** Whether this browser may hold kept imports (asked without opening, or creating, the database). */
async function mayHaveKeptImports(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  // Every current browser answers; where one does not, open the database to look.
  if (!('databases' in indexedDB)) return true;
  return (await indexedDB.databases()).some((db) => db.name === IMPORTS_DB);
}

let restoring: Promise<string | null> | null = null;

/**
 * Reads the kept files again as layers, once per page (call it when the shipped events are in, so
 * imported ids are made unique against them), hiding those that were hidden.
 * @returns what went wrong, or null
 */
export function restoreKeptImports(imports: ImportedLayers): Promise<string | null> {
  restoring ??= (async () => {
    try {
      if (!(await mayHaveKeptImports())) return null;
      const groups = await (await store()).keptGroups();
      for (const group of groups) {
        await imports.importFiles(group.map(({ file, mapping, dateOrder }) => ({ file, mapping, dateOrder })));
        for (const kept of group) if (!kept.visible) imports.setVisible(`imported:${kept.name}`, false);
      }
      return null;
    } catch (error) {
      return `Imported layers kept in this browser could not be read: ${(error as Error).message}`;
    }
  })();
  return restoring;
}

/** Resolves when kept layers have been read again (or there were none to read). */
export const whenRestored = (): Promise<unknown> => restoring ?? Promise.resolve();

/**
 * Keeps files just imported together. `sourcesOnly`: a long event × source table (no layer of its own).
 * @returns what went wrong, or null
 */
export async function keepImported(
  files: readonly { file: File; mapping?: ColumnMapping; dateOrder: DateOrder; sourcesOnly: boolean }[],
): Promise<string | null> {
  if (files.length === 0 || typeof indexedDB === 'undefined') return null;
  try {
    await (await store()).keepFiles(files);
    return null;
  } catch (error) {
    return `Not kept for your next visit (${(error as Error).message}): import the file again then.`;
  }
}

/** Forgets a removed layer's file. */
export async function forgetImported(name: string): Promise<void> {
  if (await mayHaveKeptImports()) await (await store()).forgetFile(name).catch(() => {});
}

/** Remembers that a layer was shown or hidden. */
export async function keepImportedVisibility(name: string, visible: boolean): Promise<void> {
  if (await mayHaveKeptImports()) await (await store()).keepVisibility(name, visible).catch(() => {});
}
