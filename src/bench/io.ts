/**
 * Import/export benchmark (issue 4). Figures:
 * - Node, the import worker's pipeline: a deterministic 1,000,000-row ACLED-layout CSV (~150 MB) read as
 *   a UTF-8 stream through `streamCsv` + `CsvTableReader` (the code the worker runs), with the worker's
 *   batching (2,000 events a message), each batch packed (src/core/io/packed.ts) and structured-cloned
 *   (V8's serializer, as postMessage uses it) in the worker, then read and unpacked as on the page.
 * - Export of 100,000 events: events.csv, the long sources CSV and GeoJSON (time, size).
 * - Browser (`DATELINE_BENCH_BROWSER=1`, needs `npm run build`): the real app in Debian's Chromium imports
 *   a file of the same layout (DATELINE_BENCH_BROWSER_ROWS rows, default 20,000) through the file chooser;
 *   time to the first drawn imported events, time until done, and the longest main-thread task (Long
 *   Tasks API). DATELINE_BENCH_IO_ROWS changes the Node run's size (default 1,000,000).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { EVENT_TYPES } from '../core/taxonomy';
import type { DatelineEvent } from '../core/types';
import { exportEventSourcesCsv, exportEventsCsv, exportGeoJson } from '../core/io/export';
import { CsvTableReader } from '../core/io/rows';
import { EventPacker, EventUnpacker, type PackedEvents } from '../core/io/packed';
import { streamCsv } from '../core/io/stream';
import { EVENTS_PER_BATCH, IMPORT_CHUNK_CHARS } from '../app/io/worker-protocol';
import { dayFromIso } from '../core/timewindow';

const IMPORT_ROWS = Number(process.env.DATELINE_BENCH_IO_ROWS ?? 1_000_000);
const EXPORT_EVENTS = 100_000;

/** mulberry32: a small seeded PRNG, so the generated files are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ACLED_TYPES = [
  ['Battles', 'Armed clash'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Strategic developments', 'Agreement'],
  ['Protests', 'Peaceful protest'],
  ['Violence against civilians', 'Attack'],
];
const PLACES = [
  ['Baghdad', 33.3406, 44.4009],
  ['Erbil', 36.19, 44.01],
  ['Mosul', 36.34, 43.13],
  ['Basra', 30.5085, 47.7804],
  ['Tehran', 35.6892, 51.389],
  ['Sulaymaniyah', 35.5613, 45.4375],
] as const;

/** Writes the import benchmark's CSV: ACLED's columns, ~100 bytes a row. */
export async function writeBenchCsv(file: string, rows: number): Promise<void> {
  const next = random(42);
  const out = createWriteStream(file, { encoding: 'utf8' });
  out.write('event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,location,latitude,longitude,geo_precision,country,source,notes\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const [type, sub] = ACLED_TYPES[Math.floor(next() * ACLED_TYPES.length)];
    const [place, lat, lon] = PLACES[Math.floor(next() * PLACES.length)];
    const year = 2014 + Math.floor(next() * 8);
    const date = `${1 + Math.floor(next() * 28)} ${MONTHS[Math.floor(next() * 12)]} ${year}`;
    buffer +=
      `IRQ${i},${date},${1 + Math.floor(next() * 3)},${type},${sub},Group ${Math.floor(next() * 50)},,${place},` +
      `${(lat + (next() - 0.5) / 5).toFixed(4)},${(lon + (next() - 0.5) / 5).toFixed(4)},1,Iraq,Outlet ${i % 97},"Reported near ${place}, ""row ${i}""."\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Synthetic events for the export benchmark (point events with two quoted sources each). */
function syntheticEvents(n: number): DatelineEvent[] {
  const next = random(7);
  return Array.from({ length: n }, (_, i) => {
    const [place, lat, lon] = PLACES[i % PLACES.length];
    const date = `20${14 + (i % 8)}-0${1 + (i % 9)}-1${i % 9}`;
    const source = (k: number) => ({
      file: `${String(i).padStart(6, '0')}_${k}.txt`, outlet: `Outlet ${k}`, url: `https://news.example/${i}/${k}`, published: date,
      title: `Headline ${i}`, quote: `=On ${date} officials met in ${place}, sources said.`, start: 10, end: 60, highlights: [], date, place_name: place,
    });
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon + next() / 10, lat + next() / 10] },
      properties: {
        id: `ev-${i}`, type: EVENT_TYPES[i % EVENT_TYPES.length], title: `Event ${i} in ${place}`, date_start: date, date_end: date,
        time_precision: 'day', place_name: place, place_id: `gn:${i % 1000}`, place_precision: 'city', geo_precision: 1, country: 'IQ',
        lon, lat, actors: ['A', 'B'], sources: [source(1), source(2)], conflicts: [], notes: '', layer: 'events',
      },
    } satisfies DatelineEvent;
  });
}

const ms = (t: number) => Math.round(t);
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** Runs the import and export benchmarks; returns figures for the table printed by run.ts. */
export async function benchIo(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-io-'));
  const file = join(dir, 'acled-1m.csv');
  const figures: Record<string, string | number> = {};
  try {
    let t = performance.now();
    await writeBenchCsv(file, IMPORT_ROWS);
    figures['import: file rows'] = IMPORT_ROWS;
    figures['import: file size (MB)'] = mb(statSync(file).size);
    figures['import: generate (ms)'] = ms(performance.now() - t);

    // Baseline on this machine now: papaparse alone over the same stream (no validation, no events).
    t = performance.now();
    let records = 0;
    await streamCsv(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), (results) => (records += results.data.length), { chunkChars: IMPORT_CHUNK_CHARS });
    figures['import: papaparse alone, baseline (ms)'] = ms(performance.now() - t);
    if (records !== IMPORT_ROWS + 1) throw new Error(`baseline read ${records} records`);

    // The worker's pipeline, with its batching, packing (src/core/io/packed.ts) and the page's unpacking.
    const reader = new CsvTableReader({ fileName: 'acled-1m.csv' });
    const packer = new EventPacker();
    const unpacker = new EventUnpacker();
    let encodeMs = 0;
    let decodeMs = 0;
    let longestDecode = 0;
    let events = 0;
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    t = performance.now();
    const send = (batchEvents: DatelineEvent[]) => {
      for (let i = 0; i < batchEvents.length; i += EVENTS_PER_BATCH) {
        const e0 = performance.now();
        // postMessage's structured clone is V8's value serializer: serialized in the worker, read on the page.
        const buffer = v8.serialize(packer.pack(batchEvents.slice(i, i + EVENTS_PER_BATCH)));
        const e1 = performance.now();
        const batch = unpacker.unpack(v8.deserialize(buffer) as PackedEvents);
        const e2 = performance.now();
        encodeMs += e1 - e0;
        decodeMs += e2 - e1;
        longestDecode = Math.max(longestDecode, e2 - e1);
        events += batch.length;
      }
    };
    await streamCsv(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), (chunk) => {
      reader.push(chunk);
      send(reader.take().events);
    }, { chunkChars: IMPORT_CHUNK_CHARS });
    send(reader.finish().events);
    const total = performance.now() - t;
    figures['import: events loaded'] = events;
    figures['import: bad rows'] = reader.badRows;
    figures['import: whole pipeline (ms)'] = ms(total);
    figures['import: rows/s'] = Math.round(IMPORT_ROWS / (total / 1000));
    figures['import: parse+validate (ms)'] = ms(total - encodeMs - decodeMs);
    figures['import: worker packs and clones batches, total (ms)'] = ms(encodeMs);
    figures['import: page reads and unpacks batches, total (ms)'] = ms(decodeMs);
    figures['import: longest batch read and unpack (ms)'] = Math.round(longestDecode * 10) / 10;
    figures['import: heap growth (MB)'] = mb(process.memoryUsage().heapUsed - heapBefore);

    const exported = syntheticEvents(EXPORT_EVENTS);
    const context = {
      criteria: { text: '', types: [...EVENT_TYPES], start: dayFromIso('2014-01-01')!, end: dayFromIso('2021-12-31')!, mode: 'window' as const, showUndated: true },
      layers: ['events'], permalink: 'http://127.0.0.1/', version: 'bench', now: new Date(0),
    };
    for (const [name, run] of [
      ['events.csv', () => exportEventsCsv(exported)],
      ['sources csv', () => exportEventSourcesCsv(exported)],
      ['GeoJSON', () => exportGeoJson(exported, context)],
    ] as const) {
      t = performance.now();
      const text = run();
      figures[`export ${EXPORT_EVENTS / 1000}k: ${name} (ms)`] = ms(performance.now() - t);
      figures[`export ${EXPORT_EVENTS / 1000}k: ${name} (MB)`] = mb(Buffer.byteLength(text));
    }

    if (process.env.DATELINE_BENCH_BROWSER === '1') {
      // The whole app in Chromium. Its event list renders every event, so the browser run uses a smaller
      // file (DATELINE_BENCH_BROWSER_ROWS, default 20,000) — see the report in README "Benchmarks".
      const browserRows = Number(process.env.DATELINE_BENCH_BROWSER_ROWS ?? 20_000);
      const browserFile = join(dir, 'acled-browser.csv');
      await writeBenchCsv(browserFile, browserRows);
      figures['browser: file rows'] = browserRows;
      Object.assign(figures, await (await import('./io-browser')).benchImportInBrowser(browserFile));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchIo());
