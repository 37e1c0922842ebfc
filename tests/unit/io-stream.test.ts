import { describe, expect, it } from 'vitest';
import { streamCsv } from '../../src/core/io/stream';
import { CsvTableReader } from '../../src/core/io/rows';

/** Yields `text` in pieces of `size` characters, as a decoder stream would. */
async function* pieces(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('streamCsv', () => {
  it('delivers every record once across arbitrary piece and chunk boundaries, BOM dropped', async () => {
    let text = '\uFEFFevent_id,latitude,longitude,title\r\n';
    for (let i = 0; i < 3000; i++) text += `e${i},33.${i},44.1,"Bağdad ال${i}\nsecond ""line"""\r\n`;
    for (const [pieceSize, chunkChars] of [[1, 50], [7, 1000], [4096, 1 << 20]]) {
      const reader = new CsvTableReader({ fileName: 's.csv' });
      const ids: string[] = [];
      const raw: string[] = [];
      await streamCsv(pieces(text, pieceSize), (r) => {
        raw.push(r.raw);
        reader.push(r);
        ids.push(...reader.take().events.map((e) => e.properties.id));
      }, { chunkChars });
      ids.push(...reader.finish().events.map((e) => e.properties.id));
      expect(reader.header).toEqual(['event_id', 'latitude', 'longitude', 'title']);
      expect(ids).toEqual(Array.from({ length: 3000 }, (_, i) => `e${i}`));
      expect(raw.join(''), 'each chunk carries the raw text of its records, together the whole text').toBe(text.slice(1));
    }
    // 3,000 multi-line records fed one character at a time: seconds of work, more on a busy machine.
  }, 60_000);

  it('keeps the text of a title intact', async () => {
    const reader = new CsvTableReader({ fileName: 's.csv' });
    await streamCsv(pieces('title,lat,lon\n"Bağdad ال\n""x""",1,2\n', 3), (r) => reader.push(r), { chunkChars: 4 });
    expect(reader.finish().events[0].properties.title).toBe('Bağdad ال\n"x"');
  });

  it('stops when aborted and keeps what was delivered', async () => {
    const controller = new AbortController();
    let text = 'lat,lon\n';
    for (let i = 0; i < 1000; i++) text += `1.${i},2\n`;
    let records = 0;
    await streamCsv(pieces(text, 100), (r) => {
      records += r.data.length;
      controller.abort();
    }, { chunkChars: 100, signal: controller.signal });
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThan(1001);
  });
});

describe('streamCsv first chunk', () => {
  it('hands papaparse a smaller first chunk, then full ones', async () => {
    let text = 'lat,lon\n';
    for (let i = 0; i < 2000; i++) text += `1.${i},2\n`;
    const sizes: number[] = [];
    await streamCsv(pieces(text, 10), (r) => sizes.push(r.data.length), { chunkChars: 4000, firstChunkChars: 100 });
    expect(sizes[0]).toBeLessThan(20);
    expect(sizes[1]).toBeGreaterThan(300);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2001);
  });
});
