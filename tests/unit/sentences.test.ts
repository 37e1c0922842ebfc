/**
 * Unit tests for the text helpers of src/core/sentences.ts (sentence splitting itself is covered by the
 * fixtures of the stages that use it).
 */
import { describe, expect, it } from 'vitest';
import { continuesOnNextLine, isWhitespaceCode, splitSentences } from '../../src/core/sentences';

describe('isWhitespaceCode', () => {
  it('agrees with the pattern \\s on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhitespaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
  it('is false past the end of a string', () => {
    expect(isWhitespaceCode('a'.charCodeAt(1))).toBe(false);
  });
});

describe('hard-wrapped text', () => {
  it('reads a line that stops mid-sentence and the next as one sentence', () => {
    expect(continuesOnNextLine("Colombia's air force", 'carried out an air strike')).toBe(true);
    expect(continuesOnNextLine('killed when the', 'Army shelled the town')).toBe(true);
    expect(continuesOnNextLine('Seven fighters were killed on Tuesday,', 'The army said')).toBe(true);
  });

  it('keeps headlines, finished sentences and short labels apart from the next line', () => {
    expect(continuesOnNextLine('Rebels killed in air raid', 'Seven fighters were killed')).toBe(false);
    expect(continuesOnNextLine('The army said so.', 'then it left')).toBe(false);
    expect(continuesOnNextLine('By', 'our reporter')).toBe(false);
    expect(continuesOnNextLine('Article content', 'ADDIS ABABA —')).toBe(false);
  });

  it('splits wrapped lines into the sentences they hold, offsets into the original text', () => {
    const text = 'Rebels killed in air raid\nSeven fighters were killed when the\nair force bombed their camp on\nTuesday. The minister said\nso on Wednesday.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Rebels killed in air raid',
      'Seven fighters were killed when the\nair force bombed their camp on\nTuesday.',
      'The minister said\nso on Wednesday.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
