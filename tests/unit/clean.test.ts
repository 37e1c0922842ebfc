/**
 * Fixture tests for src/core/clean.ts: tests/fixtures/clean/in/<case>.txt (+ optional <case>.json with
 * the manifest title/outlet) → out/<case>.json (ignored spans with reasons, dateline, date hint).
 * `REGEN=1 npm run test:unit` rewrites the expected files; review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findChrome, lineKey, overlapsChrome } from '../../src/core/clean';

const DIR = path.resolve(__dirname, '../fixtures/clean');

describe('clean fixtures', () => {
  for (const name of readdirSync(path.join(DIR, 'in')).filter((f) => f.endsWith('.txt')).sort()) {
    it(name, () => {
      const text = readFileSync(path.join(DIR, 'in', name), 'utf8');
      const metaFile = path.join(DIR, 'in', name.replace(/\.txt$/, '.json'));
      const meta = existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, 'utf8')) : { title: '', outlet: '' };
      const result = findChrome(text, meta);
      // Offsets are into the original text, never into a modified copy.
      for (const span of result.ignored) expect(text.slice(span.start, span.end)).toBe(span.text);
      const report = {
        ignored: result.ignored.map((s) => ({ reason: s.reason, text: s.text })),
        dateline: result.dateline?.text ?? null,
        publishedHint: result.publishedHint,
      };
      const out = path.join(DIR, 'out', name.replace(/\.txt$/, '.json'));
      if (process.env.REGEN || !existsSync(out)) writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
      expect(report).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});

describe('overlapsChrome', () => {
  it('detects overlap with sorted spans', () => {
    const spans = [{ start: 0, end: 5 }, { start: 10, end: 12 }];
    expect(overlapsChrome(spans, 4, 6)).toBe(true);
    expect(overlapsChrome(spans, 5, 10)).toBe(false);
    expect(overlapsChrome(spans, 11, 20)).toBe(true);
  });
});

describe('lineKey', () => {
  // The key as defined: NFKC, straight quotes, whitespace runs as one space, trimmed, lower case.
  const reference = (s: string) =>
    s.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
  it('equals the full normalisation on every pair of characters its shortcuts cover, and on other text', () => {
    const chars: string[] = [];
    for (let c = 0x20; c <= 0x7e; c++) chars.push(String.fromCharCode(c));
    for (let c = 0xc0; c <= 0xff; c++) chars.push(String.fromCharCode(c));
    chars.push('\u2013', '\u2014', '\u2018', '\u2019', '\u201c', '\u201d');
    const differ: string[] = [];
    for (const a of chars) for (const b of chars) if (lineKey(` ${a}${b}  x `) !== reference(` ${a}${b}  x `)) differ.push(a + b);
    expect(differ).toEqual([]);
    for (const s of ['Iran\u2019s  \u201cNews\u201d', 'e\u0301t\u00e9', '\u00bd\u2026 A\u00a0B\tC', 'Ｔｅｈｒａｎ', '  Caf\u00e9\u2014Bar  ']) expect(lineKey(s)).toBe(reference(s));
  });
});
