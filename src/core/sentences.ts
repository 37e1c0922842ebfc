/**
 * Sentence splitting with offsets into the original text. Chrome spans are skipped, line breaks end
 * sentences (paragraphs in saved pages are lines) unless the text is hard-wrapped (a line that stops
 * mid-sentence), and common abbreviations ("Lt.", "U.S.") do not.
 */

/** A sentence of an article; `start`/`end` are offsets into the original text, end exclusive. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (line) it belongs to, for context that does not cross paragraphs. */
  paragraph: number;
}

/**
 * Whether a UTF-16 code unit is whitespace as the pattern `\s` sees it (ASCII whitespace, no-break and
 * other Unicode spaces, line and paragraph separators, BOM): a comparison instead of a pattern call per character.
 * @param c a code unit (NaN, past the end of a string, is not whitespace)
 * @returns true for whitespace
 * @example isWhitespaceCode(' '.charCodeAt(0)) // true
 */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Words a line of wrapped text may stop on but a headline or a paragraph does not. */
const MID_SENTENCE_END = /(?:,|\b(?:the|a|an|of|on|in|at|to|and|or|but|for|from|with|by|near|into|when|while|that|which|who|whose|as|after|before|de|del|da|do|du|la|le|el|al|its|their|his|her))$/;

/**
 * Whether a line break is a hard wrap inside a sentence (text copied from e-mail, PDF or wire copy) rather
 * than the end of a paragraph or a headline: the line stops without sentence punctuation and either stops
 * on a comma or a word no sentence ends on, or the next line goes on in lower case.
 * @param line the text of the line before the break
 * @param next the text of the line after it
 * @returns true when the two lines are one sentence
 * @example continuesOnNextLine("Colombia's air force", 'carried out an air strike') // true
 * @example continuesOnNextLine('Rebels killed in air raid', 'Seven fighters were killed') // false
 */
export function continuesOnNextLine(line: string, next: string): boolean {
  const before = line.trimEnd();
  const after = next.trimStart();
  if (!before || !after || /[.!?…:;"'”’)\]]$/.test(before) || before.split(/\s+/).length < 3) return false;
  return MID_SENTENCE_END.test(before) || /^\p{Ll}/u.test(after);
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof lt col gen maj capt cpt sgt adm brig cmdr gov sen rep st mt ft no nos vs etc jr sr inc ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec approx est fig al op'.split(' '),
);

/**
 * Splits the story text into sentences, skipping ignored spans.
 * @param text the original article text
 * @param ignored sorted spans to skip (chrome)
 * @returns sentences in reading order
 * @example splitSentences('Lt. Gen. Smith arrived. He spoke.', []).map((s) => s.text) // ['Lt. Gen. Smith arrived.', 'He spoke.']
 */
export function splitSentences(text: string, ignored: ReadonlyArray<{ start: number; end: number }> = []): Sentence[] {
  const sentences: Sentence[] = [];
  // Story segments: maximal runs outside ignored spans, cut at line breaks.
  let paragraph = 0;
  let cursor = 0;
  const spans = [...ignored].sort((a, b) => a.start - b.start);
  const segments: Array<[number, number, number]> = [];
  const pushSegments = (from: number, to: number) => {
    const re = /\r\n|\r|\n/g;
    re.lastIndex = from;
    let at = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) && m.index < to) {
      const lineEnd = text.indexOf('\n', m.index + m[0].length);
      if (continuesOnNextLine(text.slice(at, m.index), text.slice(m.index + m[0].length, Math.min(lineEnd < 0 ? to : lineEnd, to)))) continue;
      segments.push([at, m.index, paragraph]);
      if (m.index > at) paragraph++;
      at = m.index + m[0].length;
    }
    segments.push([at, to, paragraph]);
  };
  for (const s of spans) {
    if (s.start > cursor) pushSegments(cursor, s.start);
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < text.length) pushSegments(cursor, text.length);

  for (const [from, to, para] of segments) splitSegment(text, from, to, para, sentences);
  return sentences;
}

function splitSegment(text: string, from: number, to: number, paragraph: number, out: Sentence[]) {
  let start = from;
  const boundary = /[.!?…]+["'’”)\]]*(?=\s+["'‘“(\[]?[\p{Lu}\p{N}])/gu;
  const segment = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(segment))) {
    const endAt = from + m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1 && isAbbreviation(segment, m.index)) continue;
    emit(text, start, endAt, paragraph, out);
    start = endAt;
  }
  emit(text, start, to, paragraph, out);
}

function isAbbreviation(segment: string, dotAt: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(segment.slice(Math.max(0, dotAt - 12), dotAt));
  if (!before) return false;
  const word = before[1];
  if (/^(\p{L}\.)+\p{L}?$/u.test(word + '.') || /^\p{Lu}$/u.test(word)) return true; // U.S. / initials
  return ABBREVIATIONS.has(word.toLowerCase().replace(/\.$/, ''));
}

function emit(text: string, start: number, end: number, paragraph: number, out: Sentence[]) {
  // Trim whitespace (including no-break spaces) without losing offsets.
  while (start < end && isWhitespaceCode(text.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  if (end - start < 2) return;
  out.push({ start, end, text: text.slice(start, end), paragraph });
}
