/**
 * Fixture tests for event typing (src/core/events.ts) on top of the real per-article stages and the
 * real gazetteer: tests/fixtures/typing/in/<case>.txt (+ <case>.json with `published`) →
 * out/<case>.json (event candidates: type, trigger, place, date, actors).
 * `REGEN=1 npm run test:unit` rewrites the expected files; review the diff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadGazetteer } from '../../src/cli/gazetteer-node';
import type { Gazetteer } from '../../src/core/gazetteer/index';
import { emptyEntry } from '../../src/core/manifest';
import { analyseArticle } from '../../src/core/pipeline';
import { splitClauses, TRIGGERS } from '../../src/core/events';

const DIR = path.resolve(__dirname, '../fixtures/typing');
let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
}, 60_000);

describe('typing fixtures', () => {
  for (const name of readdirSync(path.join(DIR, 'in')).filter((f) => f.endsWith('.txt')).sort()) {
    it(name, () => {
      const text = readFileSync(path.join(DIR, 'in', name), 'utf8');
      const meta = { ...emptyEntry(name), ...JSON.parse(readFileSync(path.join(DIR, 'in', name.replace(/\.txt$/, '.json')), 'utf8')) };
      const work = analyseArticle({ file: name, text, meta }, gazetteer);
      const report = work.candidates.map((c) => ({
        type: c.type,
        trigger: c.trigger.text,
        place: c.place ? `${c.place.place.name} (${c.place.place.id}, ${c.place.place.precision})` : null,
        date: c.date ? `${c.date.date} (${c.date.precision})` : null,
        actors: c.actors.map((a) => `${a.name} [${a.kind}${a.certain ? '' : ', needs corpus confirmation'}]`),
        ...(c.legislature ? { legislature: c.legislature } : {}),
      }));
      const out = path.join(DIR, 'out', name.replace(/\.txt$/, '.json'));
      if (process.env.REGEN || !existsSync(out)) writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
      expect(report).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});

describe('trigger lexicon', () => {
  it('ignores letter case in every rule but those that read capitals on purpose', () => {
    for (const rule of TRIGGERS) if (!rule.readsCapitals) expect(rule.pattern.flags).toContain('i');
    expect(TRIGGERS.filter((rule) => rule.readsCapitals).every((rule) => !rule.pattern.flags.includes('i'))).toBe(true);
  });
  it('splits quotations into their own clauses', () => {
    const text = 'He said "the strike hit Odesa on Saturday" in Kyiv.';
    const clauses = splitClauses(text, { start: 0, end: text.length, text, paragraph: 0 });
    expect(clauses.map((c) => [c.quoted, text.slice(c.start, c.end)])).toEqual([
      [false, text],
      [true, '"the strike hit Odesa on Saturday"'],
    ]);
    expect(clauses[0].holes).toEqual([[8, 42]]);
  });
});
