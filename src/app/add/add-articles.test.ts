/**
 * The pure parts of "Add articles" (issue 10): script detection, the browser's article adapter, merging
 * with the events already shown, corrections, the reading's text pieces. The worker and the panel are
 * covered by tests/e2e/add-articles*.spec.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractEvents } from '../../core/pipeline';
import type { Gazetteer } from '../../core/gazetteer/index';
import type { DatelineEvent } from '../../core/types';
import { loadGazetteer, PROJECT_ROOT } from '../../cli/gazetteer-node';
import { readDroppedFiles, readPasted } from './browser-source';
import { applyCorrections } from './corrections';
import { mergeWithShown } from './merge-existing';
import { findings, reading, ReadingMemo } from './reading';
import { readAll } from './read-all';
import { unreadScript } from './script';
import { textPieces } from './segments';
import type { ArticleReading, StoredCorrection } from './protocol';
import { ReadingVersions } from './reading-versions';
import { byTextLength, inParts } from './parts';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/add');
const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const seeds = () => JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/events.geojson'), 'utf8')).features as DatelineEvent[];
const pasted = (file: string, published: string, outlet = 'Test Outlet') =>
  readPasted({ text: text(file), outlet, url: '', published, title: '' }, path.basename(file), '2026-12-07T00:00:00Z').articles;

describe('unreadScript', () => {
  it('names the script of a text the pipeline cannot read', () => {
    expect(unreadScript('Министр иностранных дел встретился с коллегой в Москве.')).toBe('Cyrillic');
    expect(unreadScript('التقى وزير الخارجية نظيره في القاهرة يوم الاثنين')).toBe('Arabic');
    expect(unreadScript('外交部长星期一在北京会见了他的同行')).toBe('Han (Chinese characters)');
  });
  it('lets English through, also with a few names in other scripts', () => {
    expect(unreadScript('The minister met his counterpart (Сергей Иванов) in Moscow on Monday, officials said.')).toBeNull();
    expect(unreadScript('12 345 — 2024')).toBeNull();
  });
});

describe('readPasted', () => {
  it('reads the fields as a sources.csv row: a news-style date is read, a non-http address refused', () => {
    const read = readPasted({ text: 'Talks were held in Lima on Monday.', outlet: 'Andes Weekly', url: 'javascript:alert(1)', published: 'Wed Nov 23, 2016 | 4:58pm EST', title: 'Talks' }, 'p.txt', 'now');
    expect(read.articles[0].meta).toMatchObject({ outlet: 'Andes Weekly', url: '', published: '2016-11-23', title: 'Talks' });
    expect(read.issues.map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringContaining('read as 2016-11-23'), expect.stringContaining('is not http(s); ignored')]));
  });
  it('refuses empty text and text in another script, naming it', () => {
    expect(readPasted({ text: '  \n ', outlet: '', url: '', published: '', title: '' }, 'e.txt', 'now').rejected).toEqual(['The pasted text is empty']);
    expect(readPasted({ text: 'Президент прибыл в Москву.', outlet: '', url: '', published: '', title: '' }, 'c.txt', 'now').rejected[0]).toContain('Cyrillic script');
  });
});

describe('readDroppedFiles', () => {
  it('reads articles with their manifest, reports a PDF, binary data and a listed file that was not dropped', async () => {
    const file = (name: string, body: string | Uint8Array<ArrayBuffer>) => ({ path: `news/${name}`, file: new File([body], name) });
    const read = await readDroppedFiles(
      [
        file('b.txt', 'Second story.'),
        file('a.txt', 'First story.'),
        file('report.pdf', '%PDF-1.7\n'),
        file('blob.txt', new Uint8Array([0, 1, 2, 3, 0, 5, 6, 7, 0])),
        file('README.md', 'About this folder'),
        file('sources.csv', 'file,outlet,url,published,title,notes\na.txt,Outlet A,https://a.example/1,2025-01-02,Headline A,\ngone.txt,Outlet G,,,,\n'),
      ],
      'now',
    );
    expect(read.articles.map((a) => [a.file, a.meta.outlet])).toEqual([['a.txt', 'Outlet A'], ['b.txt', '']]);
    expect(read.rejected).toEqual(['blob.txt is not a text file (binary data): save the article as plain text (.txt)', 'report.pdf is a PDF document, not text: copy its text into a .txt file or paste it']);
    expect(read.issues).toEqual([{ file: 'sources.csv', line: 3, message: 'gone.txt is listed but was not dropped with it', severity: 'warning' }]);
  });
  it('reads bytes that are not UTF-8 as Windows-1252, with a warning naming the line (as the CLI does)', async () => {
    const read = await readDroppedFiles([{ path: 'l.txt', file: new File([new Uint8Array([0x4c, 0x69, 0x6d, 0x61, 0x0a, 0x43, 0x61, 0x66, 0xe9])], 'l.txt') }], 'now');
    expect(read.articles[0].text).toBe('Lima\nCafé');
    expect(read.issues[0]).toMatchObject({ file: 'l.txt', line: 2, severity: 'warning' });
  });
});

describe('with the gazetteer', () => {
  let gazetteer: Gazetteer;
  beforeAll(async () => {
    gazetteer = await loadGazetteer();
  }, 120_000);

  it('a new report of a shown meeting joins it (same id, one more source); an unrelated event stays apart', () => {
    const articles = [...pasted('paste/security-talks-tehran.txt', '2021-04-13'), ...pasted('paste/andes-talks-a.txt', '2025-09-12')];
    const { events } = extractEvents(articles, gazetteer);
    const shown = seeds();
    const tehran = shown.find((e) => e.properties.type === 'meeting' && e.properties.date_start === '2021-04-12' && e.properties.place_id === 'gn:112931')!;
    const merged = mergeWithShown(events, shown, gazetteer);
    expect([...merged.replaced.keys()]).toEqual([tehran.properties.id]);
    const joined = merged.replaced.get(tehran.properties.id)!.properties;
    expect(joined.sources.map((s) => s.file)).toEqual([...tehran.properties.sources.map((s) => s.file), 'security-talks-tehran.txt']);
    expect(joined.date_start).toBe('2021-04-12');
    expect(merged.events.map((e) => e.properties.place_name)).toEqual(['Santiago']);
    // Without the shown events (a map of one's own), both stay as read.
    expect(mergeWithShown(events, [], gazetteer).events).toHaveLength(2);
  });

  it('corrections set the place, date or type, are recorded in corrections and notes, and a rejection removes the event', () => {
    const { events } = extractEvents(pasted('paste/andes-talks-a.txt', '2025-09-12'), gazetteer);
    const event = events.find((e) => e.properties.place_name === 'Santiago')!;
    const quote = event.properties.sources[0];
    const valparaiso = gazetteer.lookup('Valparaíso').find((e) => e.place.country === 'CL' && e.place.precision === 'city')!.place;
    const base = { file: quote.file, start: quote.start, eventId: event.properties.id };
    const corrections: StoredCorrection[] = [
      { ...base, id: 'c1', at: '2026-12-07T10:00:00.000Z', value: { field: 'date', date: '2025-09-09' } },
      { ...base, id: 'c2', at: '2026-12-07T10:01:00.000Z', value: { field: 'place', place: { ...valparaiso, countryName: 'Chile', population: 0 } } },
      { ...base, id: 'c3', at: '2026-12-07T10:02:00.000Z', value: { field: 'type', type: 'visit' } },
    ];
    const [corrected] = applyCorrections(events, corrections, gazetteer).events;
    const p = corrected.properties;
    expect(p).toMatchObject({ id: event.properties.id, date_start: '2025-09-09', date_end: '2025-09-09', time_precision: 'day', place_id: valparaiso.id, place_name: valparaiso.name, type: 'visit' });
    expect(corrected.geometry).toEqual({ type: 'Point', coordinates: [expect.closeTo(valparaiso.lon, 5), expect.closeTo(valparaiso.lat, 5)] });
    expect(p.corrections!.map((c) => [c.field, c.from, c.to])).toEqual([
      ['date', '2025-09-10', '2025-09-09'],
      ['place', `Santiago (${event.properties.place_id})`, `${valparaiso.name} (${valparaiso.id})`],
      ['type', 'meeting', 'visit'],
    ]);
    expect(p.notes).toContain('date corrected by a reader from 2025-09-10 to 2025-09-09 (2026-12-07)');
    // The input is not changed.
    expect(event.properties.date_start).toBe('2025-09-10');
    const rejected = applyCorrections(events, [{ ...base, id: 'c4', at: '2026-12-07T10:03:00.000Z', value: { field: 'rejected' } }], gazetteer);
    expect(rejected.events.map((e) => e.properties.id)).not.toContain(event.properties.id);
    expect(rejected.rejected).toEqual([{ correctionId: 'c4', title: event.properties.title, file: quote.file }]);
  });

  it('the reading highlights places, dates and names with what they resolved to and the events they support', () => {
    const [article] = pasted('paste/andes-talks-a.txt', '2025-09-12');
    const { events } = extractEvents([article], gazetteer);
    const r = reading(findings(article, gazetteer), events);
    const wednesday = r.spans.find((s) => s.kind === 'date' && s.text === 'Wednesday')!;
    expect(wednesday.resolved).toBe('10 September 2025 (day precision)');
    expect(wednesday.events).toEqual([events.find((e) => e.properties.place_name === 'Santiago')!.properties.id]);
    const santiago = r.spans.find((s) => s.kind === 'place' && s.text === 'Santiago')!;
    expect(santiago.resolved).toMatch(/^Santiago, Chile — city — 33\.\d{4}° S, 70\.\d{4}° W$/);
    expect(r.spans.some((s) => s.kind === 'actor' && s.text === 'Lucía Mamani')).toBe(true);
    // Pieces give back the text exactly.
    expect(textPieces(article.text, r.spans).map((p) => p.text).join('')).toBe(article.text);
  });

  it('a reading is made again only when what it shows of its events changed (ReadingMemo), with the same result', () => {
    const articles = [...pasted('paste/andes-talks-a.txt', '2025-09-12'), ...pasted('paste/security-talks-tehran.txt', '2021-04-13')];
    const found = articles.map((a) => findings(a, gazetteer));
    const memo = new ReadingMemo();
    const first = readAll(articles, found, seeds(), [], gazetteer, memo);
    expect(first.readings).toEqual(readAll(articles, found, seeds(), [], gazetteer).readings);
    // The same input again: the same reading objects (no new reading, no new text for ReadingVersions).
    const again = readAll(articles, found, seeds(), [], gazetteer, memo);
    expect(again.readings.every((r, i) => r === first.readings[i])).toBe(true);
    // An event moved by a correction: the article whose quote it is gets a new reading; the other keeps its.
    const santiago = first.events.find((e) => e.properties.place_name === 'Santiago')!;
    const quote = santiago.properties.sources[0];
    const valparaiso = gazetteer.lookup('Valparaíso').find((e) => e.place.country === 'CL' && e.place.precision === 'city')!.place;
    const moved: StoredCorrection = { id: 'c1', file: quote.file, start: quote.start, eventId: santiago.properties.id, at: '2026-12-07T10:00:00.000Z', value: { field: 'place', place: { ...valparaiso, countryName: 'Chile', population: 0 } } };
    const corrected = readAll(articles, found, seeds(), [moved], gazetteer, memo);
    expect(corrected.readings[0]).not.toBe(first.readings[0]);
    expect(corrected.readings[0]).toEqual(readAll(articles, found, seeds(), [moved], gazetteer).readings[0]);
    expect(corrected.readings[0].spans.find((s) => s.kind === 'date' && s.text === 'Wednesday')!.lon).toBeCloseTo(valparaiso.lon, 3);
    expect(corrected.readings[1]).toBe(first.readings[1]);
  });
});

describe('corrections in exports', () => {
  it('a GeoJSON export keeps them and an import of it reads them back; malformed ones are read as text', async () => {
    const { exportedProperties } = await import('../../core/io/export');
    const { importGeoJson } = await import('../../core/io/geojson-import');
    const { correctionText } = await import('./correction-text');
    const [event] = seeds();
    const corrections = [{ field: 'date' as const, from: '2021-04-12', to: '2021-04-11', at: '2026-12-07T10:00:00.000Z' }];
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: event.geometry, properties: exportedProperties({ ...event.properties, corrections }) }] };
    const imported = importGeoJson(JSON.stringify(collection), 'export.geojson');
    expect(imported.events[0].properties.corrections).toEqual(corrections);
    const hostile = { ...collection, features: [{ ...collection.features[0], properties: { ...collection.features[0].properties, corrections: [{ field: 'date', from: 5, to: { a: 1 }, at: 7 }, { field: '<script>' }, null] } }] };
    const read = importGeoJson(JSON.stringify(hostile), 'hostile.geojson').events[0].properties.corrections!;
    expect(read).toEqual([{ field: 'date', from: '', to: '', at: '' }]);
    expect(correctionText(read[0])).toBe('Date: none → none (corrected )');
  });
});

describe('ReadingVersions', () => {
  const reading = (file: string, events: string[]): ArticleReading => ({ file, published: null, spans: [], places: 1, dates: 0, actors: 0, events, issues: [] });

  it('sends a reading once, again when it changes, and again to a page that dropped its copy', () => {
    const versions = new ReadingVersions();
    const first = versions.changed([reading('a.txt', ['e1']), reading('b.txt', [])], {});
    expect(first.map((r) => r.file)).toEqual(['a.txt', 'b.txt']);
    const held = Object.fromEntries(first.map((r) => [r.file, r.version!]));
    // Nothing changed: nothing to send.
    expect(versions.changed([reading('a.txt', ['e1']), reading('b.txt', [])], held)).toEqual([]);
    // b's events changed (a new article merged with it): only b, in a new version.
    const second = versions.changed([reading('a.txt', ['e1']), reading('b.txt', ['e2'])], held);
    expect(second.map((r) => [r.file, r.events])).toEqual([['b.txt', ['e2']]]);
    expect(second[0].version).not.toBe(held['b.txt']);
    // A page that holds nothing (reloaded, or everything removed) gets everything.
    expect(versions.changed([reading('a.txt', ['e1'])], {}).map((r) => r.file)).toEqual(['a.txt']);
  });

  it('never reuses a version of another worker', () => {
    const one = new ReadingVersions().changed([reading('a.txt', ['e1'])], {});
    const other = new ReadingVersions().changed([reading('a.txt', ['e9'])], { 'a.txt': one[0].version! });
    expect(other.map((r) => r.events)).toEqual([['e9']]);
  });
});

describe('a batch in parts (parts.ts)', () => {
  it('splits readings into messages of a few, in order, and the parts join back to the list', () => {
    const readings = Array.from({ length: 23 }, (_, i) => `r${i}`);
    const parts = inParts(readings, 10);
    expect(parts.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(parts.flat()).toEqual(readings);
    expect(inParts([], 10)).toEqual([]);
    expect(inParts(['a', 'b'], 0)).toEqual([['a'], ['b']]);
  });

  it('keeps articles in IndexedDB parts of at most so much text, a longer article alone', () => {
    const article = (file: string, chars: number) => ({ file, text: 'x'.repeat(chars) });
    const articles = [article('a', 40), article('b', 50), article('c', 20), article('d', 150), article('e', 10)];
    expect(byTextLength(articles, 100).map((p) => p.map((a) => a.file))).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(byTextLength(articles, 1000).map((p) => p.length)).toEqual([5]);
    expect(byTextLength([], 100)).toEqual([]);
  });
});
