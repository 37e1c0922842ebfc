/**
 * Part of the first view: whether this browser keeps added articles. Asked without opening (and so
 * creating) the database, so a new reader's first view loads nothing else of "Add articles".
 */

/** The IndexedDB database of added articles and corrections (db.ts). */
export const DATABASE_NAME = 'dateline-articles';

/**
 * @returns true when the database exists, or when the browser cannot tell without opening it
 * @example if (await hasSavedArticles()) restore();
 */
export async function hasSavedArticles(): Promise<boolean> {
  if (!('indexedDB' in globalThis)) return false;
  if (typeof indexedDB.databases !== 'function') return true;
  const all = await indexedDB.databases();
  return all.some((d) => d.name === DATABASE_NAME);
}
