/**
 * An article's text cut into plain runs and highlighted spans, for the reading view: text stays text
 * (each piece is rendered as a text node), spans are never nested.
 */
import type { ReadSpan } from './protocol';

export type TextPiece = { text: string; span: null } | { text: string; span: ReadSpan; index: number };

/**
 * @param text the article's text
 * @param spans non-overlapping spans in text order
 * @returns the pieces in order; joined, their text is the article's
 * @example textPieces('Met in Lima.', [{ start: 7, end: 11, … }]).map((p) => p.text) // ['Met in ', 'Lima', '.']
 */
export function textPieces(text: string, spans: readonly ReadSpan[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  spans.forEach((span, index) => {
    if (span.start < at || span.end > text.length) return;
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), span: null });
    pieces.push({ text: text.slice(span.start, span.end), span, index });
    at = span.end;
  });
  if (at < text.length) pieces.push({ text: text.slice(at), span: null });
  return pieces;
}
