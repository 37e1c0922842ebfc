/**
 * Issue 12, finding 9: a value that starts with an apostrophe before a formula character (`'=…`) survives
 * export → import unchanged. Export escapes it like a formula (one more apostrophe); import removes only
 * the apostrophe export added, and only from Dateline's own files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatelineEvent } from '../../src/core/types';
import { exportEventSourcesCsv, exportEventsCsv } from '../../src/core/io/export';
import { importFiles, importText } from '../../src/core/io/import';

const base: DatelineEvent = JSON.parse(readFileSync(join(__dirname, '../fixtures/io/events.geojson'), 'utf8')).features[0];

const VALUES = ["'=SUM(A1:A3)", "''=1+1", "'+31 20 555", "'-x", "'@me", '=HYPERLINK("http://x")', "'plain apostrophe", "'", "''", 'plain'];

function eventWith(value: string, i: number): DatelineEvent {
  const e = structuredClone(base);
  Object.assign(e.properties, { id: `f${i}`, title: value, place_name: value, notes: value, actors: [value, 'Ali Shamkhani'] });
  e.properties.conflicts = [];
  e.properties.sources = [{ ...e.properties.sources[0], outlet: value, quote: value, title: value }];
  return e;
}

describe("values starting with ' round-trip through CSV export and import", () => {
  const events = VALUES.map(eventWith);
  const [imported, sources] = importFiles([
    { name: 'events.csv', text: exportEventsCsv(events) },
    { name: 'event-sources.csv', text: exportEventSourcesCsv(events) },
  ]);

  it.each(VALUES.map((v, i) => [v, i] as const))('%s', (value, i) => {
    const p = imported.events[i].properties;
    expect([p.title, p.place_name, p.notes, p.actors[0]]).toEqual([value, value, value, value]);
    expect([p.sources[0].outlet, p.sources[0].quote, p.sources[0].title]).toEqual([value, value, value]);
    expect(sources.issues).toEqual([]);
  });

  it('the exported cell is still neutralised for spreadsheets', () => {
    const csv = exportEventsCsv([eventWith("'=SUM(A1:A3)", 0)]);
    expect(csv).toContain(`,"''=SUM(A1:A3)",`);
  });

  it("a file that is not Dateline's keeps every apostrophe", () => {
    const result = importText('mine.csv', "latitude,longitude,title\n35.1,44.1,'=SUM(A1)\n35.2,44.2,''=x\n");
    expect(result.events.map((e) => e.properties.title)).toEqual(["'=SUM(A1)", "''=x"]);
  });
});
