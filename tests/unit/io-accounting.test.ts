/**
 * Issue 12, finding 4: every input row or feature is loaded or reported — loaded + reported = input —
 * property-tested with fast-check over mixes of good and broken CSV rows and GeoJSON features.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/core/io/import';
import { CsvTableReader } from '../../src/core/io/rows';
import { streamCsv } from '../../src/core/io/stream';

const HEADER = 'event_id,latitude,longitude,event_date,title';

/** Text safe inside a cell, with commas and quotes when quoted. */
const words = fc.stringMatching(/^[A-Za-z ]{1,12}$/);
const quotedText = fc.stringMatching(/^[A-Za-z ,"]{1,12}$/).map((s) => `"${s.replace(/"/g, '""')}"`);

type Row = { kind: 'good' | 'bad'; line: (id: string) => string };
const good: fc.Arbitrary<Row> = fc
  .record({ lat: fc.integer({ min: 1, max: 80 }), lon: fc.integer({ min: 1, max: 170 }), title: fc.oneof(words, quotedText) })
  .map(({ lat, lon, title }) => ({ kind: 'good', line: (id) => `${id},${lat}.5,${lon}.25,2021-04-12,${title}` }));
const bad: fc.Arbitrary<Row> = fc.oneof(
  fc.constant<Row>({ kind: 'bad', line: (id) => `${id},95,44.1,2021-04-12,too far north` }),
  fc.constant<Row>({ kind: 'bad', line: (id) => `${id},,,2021-04-12,no place` }),
  fc.constant<Row>({ kind: 'bad', line: (id) => `${id},35.1,44.1,next Tuesday,no date` }),
  fc.constant<Row>({ kind: 'bad', line: (id) => `${id},35.1,44.1,2021-04-12,one,cell too many` }),
  fc.constant<Row>({ kind: 'bad', line: (id) => `${id},35.1,44.1,2021-04-12` }),
  fc.constant<Row>({ kind: 'bad', line: (id) => `${id},35.1,44.1,2021-04-12,"a quote never closed` }),
  fc.constant<Row>({ kind: 'bad', line: (id) => `${id},35.1,44.1,"2021-04-12,unclosed in the middle` }),
);

function csvOf(rows: Row[]): string {
  return [HEADER, ...rows.map((r, i) => r.line(`r${i}`))].join('\n') + '\n';
}

/**
 * Each input row is either an event (by its id) or reported with its row number, never both or neither,
 * a good row loads and a bad row is reported — unless a quote in it can pair with a quote left open by a
 * bad row above it: then the file is ambiguous, and only the first rule holds.
 */
function expectEveryRowAccounted(rows: Row[], loaded: string[], reportedLines: number[], text = csvOf(rows)) {
  const reported = new Set(reportedLines);
  expect(reported.size, `one error per row: ${JSON.stringify(text)}`).toBe(reportedLines.length);
  let openQuoteAbove = false;
  for (const [i, row] of rows.entries()) {
    const line = row.line(`r${i}`);
    const isLoaded = loaded.includes(`r${i}`);
    const actual = { row: i + 2, kind: row.kind, loaded: isLoaded, reported: reported.has(i + 2) };
    expect(actual.loaded !== actual.reported, `row ${i + 2} loaded or reported: ${JSON.stringify(text)}`).toBe(true);
    // Below a quote left open, quotes pair up differently than the rows meant: only the count holds.
    if (!(openQuoteAbove && line.includes('"'))) expect(actual, JSON.stringify(text)).toEqual({ ...actual, loaded: row.kind === 'good' });
    if (row.kind === 'bad' && line.includes('"')) openQuoteAbove = true;
  }
  expect(loaded.length + reported.size).toBe(rows.length);
}

describe('CSV: loaded + reported = rows', () => {
  it('an unclosed quote closed by a quote in a row with an extra cell loses no row (fixture quote-then-extra-cell.csv)', () => {
    // Before: 5 rows in, 3 loaded, 1 reported ("row 3: has 6 cells": rows 3 and 4 folded into one record), 1 gone.
    const text = readFileSync(join(__dirname, '../fixtures/io/import/quote-then-extra-cell.csv'), 'utf8');
    const result = importText('quote-then-extra-cell.csv', text);
    expect(result.events.map((e) => e.properties.id)).toEqual(['r0', 'r3', 'r4']);
    expect(result.issues.map((i) => i.message)).toEqual([
      'row 3: unbalanced quote in title; the row is skipped',
      'row 4: unbalanced quote; the row is skipped',
    ]);
    expect(result.rows).toBe(5);
  });

  it('for any mix of good and broken rows (whole text)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: bad }), { maxLength: 12 }), (rows) => {
        const result = importText('mix.csv', csvOf(rows));
        const errors = result.issues.filter((i) => i.severity === 'error' && i.line);
        expectEveryRowAccounted(rows, result.events.map((e) => e.properties.id), errors.map((i) => i.line!));
        expect(result.rows).toBe(rows.length);
      }),
      { numRuns: 400 },
    );
  });

  it('for any mix of good and broken rows, streamed in small chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: bad }), { maxLength: 10 }),
        fc.integer({ min: 8, max: 64 }),
        async (rows, chunk) => {
          const text = csvOf(rows);
          const reader = new CsvTableReader({ fileName: 'mix.csv' });
          const loaded: string[] = [];
          const lines: number[] = [];
          const take = (out: ReturnType<CsvTableReader['take']>) => {
            loaded.push(...out.events.map((e) => e.properties.id));
            lines.push(...out.issues.filter((i) => i.severity === 'error' && i.line).map((i) => i.line!));
          };
          async function* pieces() {
            for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk);
          }
          await streamCsv(pieces(), (r) => {
            reader.push(r.data, r.errors, r.meta.delimiter);
            take(reader.take());
          }, { chunkChars: chunk });
          take(reader.finish());
          expectEveryRowAccounted(rows, loaded, lines);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('GeoJSON: loaded + reported = features', () => {
  const dateline = JSON.parse(readFileSync(join(__dirname, '../fixtures/io/events.geojson'), 'utf8')).features[0];
  type Make = (id: string) => unknown;
  const goodFeature: fc.Arbitrary<{ kind: 'good'; make: Make }> = fc.oneof(
    fc.record({ lat: fc.double({ min: -89, max: 89, noNaN: true }), lon: fc.double({ min: -179, max: 179, noNaN: true }), title: words })
      .filter(({ lat, lon }) => lat !== 0 || lon !== 0)
      .map(({ lat, lon, title }) => ({ kind: 'good' as const, make: (id: string) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id, title } }) })),
    fc.constant({ kind: 'good' as const, make: (id: string) => ({ ...dateline, properties: { ...dateline.properties, id } }) }),
    fc.constant({ kind: 'good' as const, make: (id: string) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[44, 33], [45, 33], [45, 34], [44, 33]]] }, properties: { id } }) }),
  );
  const brokenGeometries = [
    { type: 'Point', coordinates: null }, { type: 'Polygon', coordinates: [null] }, { type: 'Circle', coordinates: [44, 33] },
    { coordinates: [44, 33] }, { type: 'GeometryCollection', geometries: null }, { type: 'Point', coordinates: [0, 0] },
    { type: 'Point', coordinates: [44, 95] }, { type: 'LineString', coordinates: [[44, 33]] }, 'Point',
  ];
  const badFeature: fc.Arbitrary<{ kind: 'bad'; make: Make }> = fc.oneof(
    fc.constantFrom(...brokenGeometries).map((geometry) => ({ kind: 'bad' as const, make: (id: string) => ({ type: 'Feature', geometry, properties: { id } }) })),
    fc.constantFrom(null, 5, 'feature', [], { type: 'Point', coordinates: [44, 33] }).map((value) => ({ kind: 'bad' as const, make: () => value })),
    fc.constantFrom<(p: Record<string, unknown>) => void>(
      (p) => (p.actors = [{}]), (p) => (p.sources = [null]), (p) => (p.date_end = '2000-01-01'), (p) => (p.type = '__proto__'), (p) => (p.lon = 'x'),
    ).map((change) => ({ kind: 'bad' as const, make: (id: string) => {
      const properties = { ...structuredClone(dateline.properties), id };
      change(properties);
      return { ...dateline, properties };
    } })),
    fc.constant({ kind: 'bad' as const, make: () => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [44, 33] }, properties: 'text' }) }),
  );

  it('for any mix of good and broken features', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(goodFeature, badFeature), { maxLength: 12 }), (items) => {
        const features = items.map((item, i) => item.make(`f${i}`));
        const result = importText('mix.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
        const reported = result.issues.filter((i) => i.severity === 'error' && i.line).map((i) => i.line!);
        expect(new Set(reported).size).toBe(reported.length);
        const loaded = result.events.map((e) => e.properties.id);
        for (const [i, item] of items.entries()) {
          expect({ n: i + 1, loaded: loaded.includes(`f${i}`), reported: reported.includes(i + 1) }).toEqual({
            n: i + 1, loaded: item.kind === 'good', reported: item.kind === 'bad',
          });
        }
        expect(loaded.length + reported.length).toBe(items.length);
        if (items.length) expect(result.rows).toBe(items.length);
      }),
      { numRuns: 300 },
    );
  });
});
