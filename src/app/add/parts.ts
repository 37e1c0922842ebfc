/**
 * A batch's data in parts, each handled in a task of its own on the page's main thread: readings sent by
 * the worker in several messages (each is deserialised in the task that receives it), articles kept in
 * IndexedDB a few at a time (each put copies the text on the main thread).
 */

/**
 * @param items a list
 * @param size the most items a part holds (≥ 1)
 * @returns the list in order, in parts of `size` items (the last may hold fewer); no part for an empty list
 * @example inParts([1, 2, 3, 4, 5], 2) // [[1, 2], [3, 4], [5]]
 */
export function inParts<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let at = 0; at < items.length; at += Math.max(1, size)) parts.push(items.slice(at, at + Math.max(1, size)));
  return parts;
}

/**
 * @param articles articles with their text
 * @param maxChars the text a part should not exceed, unless one article alone does
 * @returns the articles in order, in parts of at most `maxChars` characters of text (an article longer than
 *   that is a part of its own)
 * @example byTextLength([{ text: 'aaa' }, { text: 'bb' }, { text: 'c' }], 3) // [[aaa], [bb, c]]
 */
export function byTextLength<T extends { text: string }>(articles: readonly T[], maxChars: number): T[][] {
  const parts: T[][] = [];
  let part: T[] = [];
  let chars = 0;
  for (const article of articles) {
    if (part.length && chars + article.text.length > maxChars) {
      parts.push(part);
      part = [];
      chars = 0;
    }
    part.push(article);
    chars += article.text.length;
  }
  if (part.length) parts.push(part);
  return parts;
}
