/**
 * Which readings a reply must carry: the worker keeps the last reading of each article as text with a
 * version, and sends a reading only when the page does not hold it in that version (a new article, one
 * whose events changed, or a page that dropped its copy). Versions are unique to one worker: a worker
 * started again never reuses a version the page holds from an earlier one.
 */
import type { ArticleReading } from './protocol';

export class ReadingVersions {
  readonly #last = new Map<string, { reading: ArticleReading; text: string; version: string }>();
  readonly #prefix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-`;
  #count = 0;

  /**
   * @param readings every article's reading after a run
   * @param held the version of each reading the page holds (`ArticleReading.version`, by file)
   * @returns the readings the page lacks, each with its version
   */
  changed(readings: readonly ArticleReading[], held: Readonly<Record<string, string>>): ArticleReading[] {
    const out: ArticleReading[] = [];
    for (const r of readings) {
      const { version: _ignored, ...content } = r;
      let last = this.#last.get(r.file);
      // The same object as last time (ReadingMemo) is the same reading: no need to compare its text.
      if (last?.reading !== r) {
        const text = JSON.stringify(content);
        if (!last || last.text !== text) last = { reading: r, text, version: `${this.#prefix}${++this.#count}` };
        else last = { ...last, reading: r };
        this.#last.set(r.file, last);
      }
      if (held[r.file] !== last.version) out.push({ ...content, version: last.version });
    }
    return out;
  }
}
