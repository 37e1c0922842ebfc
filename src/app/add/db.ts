/**
 * Added articles and corrections kept in this browser's IndexedDB (database "dateline-articles", via
 * the `idb` wrapper). Nothing here is ever sent anywhere.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredArticle, StoredCorrection } from './protocol';
import { DATABASE_NAME } from './saved';

interface ArticlesSchema extends DBSchema {
  articles: { key: string; value: StoredArticle };
  corrections: { key: string; value: StoredCorrection };
  /** `baseShown`: whether the loaded events are shown with the added ones. */
  settings: { key: string; value: boolean };
}

export interface Saved {
  articles: StoredArticle[];
  corrections: StoredCorrection[];
  baseShown: boolean;
}

/** The database, opened (and created) on first use. */
export class ArticleDatabase {
  #db: Promise<IDBPDatabase<ArticlesSchema>> | null = null;

  private open(): Promise<IDBPDatabase<ArticlesSchema>> {
    this.#db ??= openDB<ArticlesSchema>(DATABASE_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'file' });
        db.createObjectStore('corrections', { keyPath: 'id' });
        db.createObjectStore('settings');
      },
    });
    return this.#db;
  }

  /** Everything kept, articles in the order they were added. */
  async load(): Promise<Saved> {
    const db = await this.open();
    const articles = await db.getAll('articles');
    articles.sort((a, b) => (a.added < b.added ? -1 : a.added > b.added ? 1 : a.file < b.file ? -1 : 1));
    const corrections = (await db.getAll('corrections')).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { articles, corrections, baseShown: (await db.get('settings', 'baseShown')) ?? true };
  }

  async putArticles(articles: readonly StoredArticle[]): Promise<void> {
    const tx = (await this.open()).transaction('articles', 'readwrite');
    await Promise.all([...articles.map((a) => tx.store.put(a)), tx.done]);
  }

  /** Removes articles and the corrections made on their events. */
  async removeArticles(files: readonly string[], corrections: readonly string[]): Promise<void> {
    const tx = (await this.open()).transaction(['articles', 'corrections'], 'readwrite');
    await Promise.all([
      ...files.map((f) => tx.objectStore('articles').delete(f)),
      ...corrections.map((id) => tx.objectStore('corrections').delete(id)),
      tx.done,
    ]);
  }

  async putCorrection(correction: StoredCorrection): Promise<void> {
    await (await this.open()).put('corrections', correction);
  }

  async removeCorrection(id: string): Promise<void> {
    await (await this.open()).delete('corrections', id);
  }

  async setBaseShown(shown: boolean): Promise<void> {
    await (await this.open()).put('settings', shown, 'baseShown');
  }

  /** Forgets everything: the database is deleted, so the next first view loads nothing of it. */
  async clear(): Promise<void> {
    const db = this.#db;
    this.#db = null;
    if (db) (await db).close();
    await deleteDB(DATABASE_NAME);
  }
}
