/**
 * Issue 12, finding 8: an empty file, a binary file renamed .csv and a UTF-16 CSV. UTF-16 is decoded by
 * its byte order mark; the others are refused with a sentence before any column mapping is offered.
 */
import { describe, expect, it } from 'vitest';
import { decodeFile, sniffText } from '../../src/core/io/sniff';
import { importBytes } from '../../src/core/io/import';

const CSV = 'latitude,longitude,title,event_date\n33.1,44.4,Baghdad talks — “quoted”,2021-04-12\n36.19,44.01,Erbil visit,2021-04-13\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

/** The first bytes of a PNG image and a ZIP (xlsx) archive, with some body. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]);
const XLSX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...Array.from({ length: 300 }, (_, i) => (i * 91 + 7) % 256)]);

describe('sniffText', () => {
  it('an empty file, or one of only a byte order mark and blank lines, is an empty file', () => {
    expect(sniffText(new Uint8Array(0))).toEqual({ problem: 'empty file' });
    expect(sniffText(new TextEncoder().encode('\uFEFF\n\n  \r\n'))).toEqual({ problem: 'empty file' });
    expect(sniffText(utf16('\uFEFF\n', false).subarray(0, 4))).toEqual({ problem: 'empty file' });
  });

  it('binary files are not text, whatever their name', () => {
    expect(sniffText(PNG)).toEqual({ problem: 'not a text file' });
    expect(sniffText(XLSX)).toEqual({ problem: 'not a text file' });
    // Control characters without NUL bytes.
    expect(sniffText(new Uint8Array(Array.from({ length: 100 }, (_, i) => 1 + (i % 8))))).toEqual({ problem: 'not a text file' });
  });

  it('UTF-16 by its byte order mark, UTF-8 otherwise (a few Latin-1 accents are still text)', () => {
    expect(sniffText(utf16(CSV, false))).toEqual({ encoding: 'utf-16le' });
    expect(sniffText(utf16(CSV, true))).toEqual({ encoding: 'utf-16be' });
    expect(sniffText(new TextEncoder().encode(CSV))).toEqual({ encoding: 'utf-8' });
    const latin1 = Uint8Array.from('latitude,longitude,title\n33.1,44.4,Caf\xe9 talks\n', (c) => c.charCodeAt(0));
    expect(sniffText(latin1)).toEqual({ encoding: 'utf-8' });
  });

  it('a head cut inside a character is still text', () => {
    const bytes = utf16(CSV, false);
    expect(sniffText(bytes.subarray(0, 41), bytes.length)).toEqual({ encoding: 'utf-16le' });
    const utf8 = new TextEncoder().encode(CSV);
    const cut = utf8.indexOf(0xe2) + 1; // inside the em dash
    expect(sniffText(utf8.subarray(0, cut), utf8.length)).toEqual({ encoding: 'utf-8' });
  });
});

describe('importing bytes', () => {
  it.each([false, true])('a UTF-16 CSV (big endian: %s) loads like its UTF-8 twin', (bigEndian) => {
    const result = importBytes('utf16.csv', utf16(CSV, bigEndian));
    expect(result.issues).toEqual([]);
    expect(result.events.map((e) => [e.properties.title, e.properties.lat, e.properties.lon])).toEqual([
      ['Baghdad talks — “quoted”', 33.1, 44.4],
      ['Erbil visit', 36.19, 44.01],
    ]);
    expect('text' in decodeFile(utf16(CSV, bigEndian)) && decodeFile(utf16(CSV, bigEndian))).toEqual({ text: CSV });
  });

  it.each([
    ['empty.csv', new Uint8Array(0), 'empty file'],
    ['image.csv', PNG, 'not a text file'],
    ['sheet.csv', XLSX, 'not a text file'],
    ['image.geojson', PNG, 'not a text file'],
  ])('%s is one file-level error, no rows', (name, bytes, problem) => {
    const result = importBytes(name, bytes);
    expect(result.events).toEqual([]);
    expect(result.rows).toBe(0);
    expect(result.issues).toEqual([{ file: name, message: problem, severity: 'error' }]);
  });
});
