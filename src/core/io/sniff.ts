/**
 * What a file's first bytes say about it before anything parses it: empty, not text at all (an image or
 * a spreadsheet renamed `.csv`), or text in UTF-8 or — by its byte order mark — UTF-16. Without this a
 * UTF-16 CSV reached papaparse as text with a NUL between every character, and a binary file opened the
 * column-mapping dialog with garbage columns.
 */

/** The encodings an import decodes (TextDecoder labels). */
export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many bytes {@link sniffText} wants to see: enough for a header and a few rows. */
export const SNIFF_BYTES = 64 * 1024;

/** Control characters (other than tab, line feed, form feed, carriage return) and U+FFFD per character above which a file is not text. */
const MAX_NON_TEXT_SHARE = 0.1;

/**
 * Decides how to decode a file, or why not to.
 * @param head - the file's first bytes (up to {@link SNIFF_BYTES}; all of it for a small file)
 * @param size - the file's whole size in bytes
 * @returns the encoding (by byte order mark, else UTF-8), or a problem: `empty file` / `not a text file`
 * @example sniffText(new Uint8Array([0xff, 0xfe, 0x61, 0]), 4) // { encoding: 'utf-16le' }
 */
export function sniffText(head: Uint8Array, size = head.length): { encoding: ImportEncoding } | { problem: 'empty file' | 'not a text file' } {
  if (size === 0) return { problem: 'empty file' };
  let encoding: ImportEncoding = 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  // A NUL byte is in no UTF-8 text file; it is every other byte of UTF-16 without a byte order mark.
  else if (head.includes(0)) return { problem: 'not a text file' };
  // An odd byte at the end of a UTF-16 head is half a character cut by the slice, not an error.
  const whole = encoding === 'utf-8' ? head : head.subarray(0, head.length - (head.length % 2));
  const text = new TextDecoder(encoding).decode(whole);
  let nonText = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f || c === 0xfffd) nonText++;
  }
  // The last few bytes of a head may be a character cut in two: no verdict on those alone.
  if (nonText > 3 && nonText > text.length * MAX_NON_TEXT_SHARE) return { problem: 'not a text file' };
  if (head.length >= size && text.trim() === '') return { problem: 'empty file' };
  return { encoding };
}

/**
 * A whole file's bytes as text, decoded as {@link sniffText} says (the byte order mark removed).
 * @returns the text, or the problem
 * @example decodeFile(await file.arrayBuffer())
 */
export function decodeFile(bytes: ArrayBuffer | Uint8Array): { text: string } | { problem: 'empty file' | 'not a text file' } {
  const all = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const sniffed = sniffText(all.subarray(0, SNIFF_BYTES), all.length);
  if ('problem' in sniffed) return sniffed;
  return { text: new TextDecoder(sniffed.encoding).decode(all) };
}
