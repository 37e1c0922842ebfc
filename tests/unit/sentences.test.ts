/**
 * Unit tests for the text helpers of src/core/sentences.ts (sentence splitting itself is covered by the
 * fixtures of the stages that use it).
 */
import { describe, expect, it } from 'vitest';
import { isWhitespaceCode } from '../../src/core/sentences';

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
