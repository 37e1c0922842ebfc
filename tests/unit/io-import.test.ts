import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectColumns, mappingProblems } from '../../src/core/io/columns';
import { lastDayCovered } from '../../src/core/calendar';
import { parseDate } from '../../src/core/io/dates';
import { mapEventType } from '../../src/core/io/typemap';
import { importText, importFiles } from '../../src/core/io/import';
import { CsvTableReader } from '../../src/core/io/rows';
import { streamCsv } from '../../src/core/io/stream';
import { keptColumns } from '../../src/core/io/kept-columns';

const dir = join(__dirname, '../fixtures/io/import');
const inputs = readdirSync(dir).filter((f) => /\.(csv|geojson)$/.test(f));

describe('import fixtures (REGEN=1 rewrites *.expected.json)', () => {
  for (const name of inputs) {
    it(name, () => {
      const result = importText(name, readFileSync(join(dir, name), 'utf8'));
      // Kept columns are shown as name → value pairs, so the expected files read as the rows they came from.
      const readable = result.events.map((e) => (e.properties.columns ? { ...e, properties: { ...e.properties, columns: Object.fromEntries(keptColumns(e.properties)) } } : e));
      const actual = { kind: result.kind, rows: result.rows, issues: result.issues, events: readable };
      const expectedPath = join(dir, name.replace(/\.\w+$/, '.expected.json'));
      if (process.env.REGEN || !existsSync(expectedPath)) writeFileSync(expectedPath, JSON.stringify(actual, null, 1) + '\n');
      expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
      // Never anything at 0,0 from missing data, and every event in range.
      for (const event of result.events) {
        const { lon, lat } = event.properties;
        expect(lon === 0 && lat === 0).toBe(false);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
        expect(event.properties.layer).toBe(`imported:${name}`);
      }
    });
  }
});

describe('bad rows', () => {
  it('reports each bad row with its number and reason, and loads the rest', () => {
    const result = importText('bad-rows.csv', readFileSync(join(dir, 'bad-rows.csv'), 'utf8'));
    expect(result.events.map((e) => e.properties.id)).toEqual(['ok-1', 'ok-2', 'ok-3']);
    expect(result.issues.map((i) => [i.line, i.message])).toEqual([
      [3, 'row 3: unbalanced quote in title; the row is skipped'],
      [5, 'row 5: latitude 95 is outside −90…90'],
      [6, 'row 6: empty coordinates (latitude and longitude are blank)'],
      [7, 'row 7: date: unreadable date "next Tuesday"'],
    ]);
    // The row after the broken quote keeps its escaped quotes.
    expect(result.events[2].properties.notes).toBe('a "quoted" note');
  });

  it('recovers the same way when the file arrives in small streamed chunks', async () => {
    const text = readFileSync(join(dir, 'bad-rows.csv'), 'utf8');
    const reader = new CsvTableReader({ fileName: 'bad-rows.csv' });
    const events: string[] = [];
    const lines: number[] = [];
    async function* pieces() {
      for (let i = 0; i < text.length; i += 16) yield text.slice(i, i + 16);
    }
    await streamCsv(pieces(), (results) => {
      reader.push(results);
      const out = reader.take();
      events.push(...out.events.map((e) => e.properties.id));
      lines.push(...out.issues.map((i) => i.line!));
    }, { chunkChars: 64 });
    const rest = reader.finish();
    events.push(...rest.events.map((e) => e.properties.id));
    expect(events).toEqual(['ok-1', 'ok-2', 'ok-3']);
    expect(lines).toEqual([3, 5, 6, 7]);
  });

  it('rejects rows whose cell count differs from the header, and repeated ids', () => {
    const text = 'event_id,latitude,longitude\na,1,2\nb,1\na,3,4\nc,5,6,,\n';
    const result = importText('t.csv', text);
    expect(result.events.map((e) => e.properties.id)).toEqual(['a', 'c']);
    expect(result.issues.map((i) => i.message)).toEqual(['row 3: has 2 cells, the header has 3', 'row 4: event_id "a" repeats row 2']);
  });

  it('reports an empty file', () => {
    expect(importText('empty.csv', '').issues[0].message).toBe('the file is empty');
  });
});

describe('detectColumns', () => {
  it('knows GIS, ACLED and Dateline spellings', () => {
    expect(detectColumns(['Y', 'X', 'Date']).mapping).toEqual({ latitude: 0, longitude: 1, date: 2 });
    expect(detectColumns(['lat', 'long', 'Title', 'notes']).mapping).toEqual({ latitude: 0, longitude: 1, title: 2, notes: 3 });
    const acled = detectColumns(['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'latitude', 'longitude', 'source']);
    expect(acled.kind).toBe('acled');
    expect(acled.mapping).toMatchObject({ event_id: 0, date: 1, type: 2, sub_event_type: 3, actor1: 4, sources: 7 });
    expect(detectColumns(['\uFEFFEvent Date', 'Latitude', 'Longitude']).mapping).toEqual({ date: 0, latitude: 1, longitude: 2 });
  });

  it('says what a mapping is missing', () => {
    expect(mappingProblems({ latitude: 0 }).errors).toEqual(['no column chosen for longitude']);
    expect(mappingProblems({ latitude: 0, longitude: 0, date: 1 }).errors).toEqual(['latitude and longitude read the same column']);
    expect(mappingProblems({ latitude: 0, longitude: 1 }).warnings).toHaveLength(1);
  });
});

describe('parseDate', () => {
  it.each([
    ['2021-04-12', { date: '2021-04-12', precision: 'day' }],
    ['2021-04-12T14:36:00Z', { date: '2021-04-12', precision: 'day' }],
    ['12 April 2021', { date: '2021-04-12', precision: 'day' }],
    ['03-January-2020', { date: '2020-01-03', precision: 'day' }],
    ['April 12, 2021', { date: '2021-04-12', precision: 'day' }],
    ['April 2021', { date: '2021-04-01', precision: 'month' }],
    ['2021-04', { date: '2021-04-01', precision: 'month' }],
    ['2014', { date: '2014-01-01', precision: 'year' }],
    ['13/04/2021', { date: '2021-04-13', precision: 'day' }],
    ['04/13/2021', { date: '2021-04-13', precision: 'day' }],
  ])('%s', (text, expected) => expect(parseDate(text)).toEqual(expected));

  it('refuses what it cannot read with certainty', () => {
    expect(parseDate('31 April 2021')).toBe('day 31 does not exist in 2021-04');
    expect(parseDate('04/05/2021')).toMatch(/^ambiguous date/);
    expect(parseDate('04/05/2021', 'dmy')).toEqual({ date: '2021-05-04', precision: 'day' });
    expect(parseDate('next Tuesday')).toBe('unreadable date "next Tuesday"');
    expect(parseDate('12 Foo 2021')).toBe('unknown month name "Foo"');
  });

  it('knows month lengths', () => {
    expect(lastDayCovered('2020-02-01', 'month')).toBe('2020-02-29');
    expect(lastDayCovered('2014-01-01', 'year')).toBe('2014-12-31');
  });
});

describe('mapEventType', () => {
  it.each([
    ['meeting', '', 'meeting'],
    ['Visit / travel', '', 'visit'],
    ['Explosions/Remote violence', 'Air/drone strike', 'strike'],
    ['Battles', 'Armed clash', 'armed-group'],
    ['Strategic developments', 'Agreement', 'meeting'],
    ['Protests', 'Peaceful protest', 'statement'],
    ['Riots', '', 'armed-group'],
    ['043', '', 'visit'],
    ['195', '', 'strike'],
    ['Something new', '', null],
  ])('%s / %s → %s', (type, sub, expected) => expect(mapEventType(type, sub)).toBe(expected));
});

describe('GeoJSON import', () => {
  it('loads Dateline features as they were, in their own layer', () => {
    const text = readFileSync(join(__dirname, '../fixtures/io/events.geojson'), 'utf8');
    const original = JSON.parse(text);
    const result = importText('events.geojson', text);
    expect(result.issues).toEqual([]);
    expect(result.events.map((e) => e.properties)).toEqual(
      original.features.map((f: { properties: object }) => ({ ...f.properties, layer: 'imported:events.geojson' })),
    );
  });

  it('reports broken JSON without throwing', () => {
    const result = importText('x.geojson', '{"type": "FeatureCollection", ');
    expect(result.events).toEqual([]);
    expect(result.issues[0].message).toMatch(/^not valid JSON/);
  });
});

describe('joining the long sources table', () => {
  it('attaches detailed sources to events imported with it, and reports orphans', () => {
    const events = 'event_id,event_date,latitude,longitude,sources\ne1,2021-04-12,35.7,51.4,Mehr\n';
    const sources =
      'event_id,file,outlet,url,published,title,quote,start,end\ne1,a.txt,Mehr,https://m.example/1,2021-04-12,T,"\'=1+1",3,9\ne9,b.txt,X,,,,q,0,1\n';
    const [ev, src] = importFiles([
      { name: 'e.csv', text: events },
      { name: 's.csv', text: sources },
    ]);
    expect(src.kind).toBe('dateline-sources');
    expect(ev.events[0].properties.sources).toEqual([
      { file: 'a.txt', outlet: 'Mehr', url: 'https://m.example/1', published: '2021-04-12', title: 'T', quote: '=1+1', start: 3, end: 9, highlights: [], date: null, place_name: '' },
    ]);
    expect(src.issues.map((i) => i.message)).toEqual([
      'sources for event "e9" name no imported event (import the events file together with the sources file)',
    ]);
  });
});

describe('disambiguateIds', () => {
  it('renames only colliding ids, and says so', async () => {
    const { disambiguateIds } = await import('../../src/core/io/import');
    const events = importText('b.csv', 'event_id,latitude,longitude\na,1,2\nb,3,4\nc,5,6\n').events;
    const taken = new Set(['a', 'c', 'c@b.csv']);
    const warning = disambiguateIds(events, taken, 'b.csv');
    expect(events.map((e) => e.properties.id)).toEqual(['a@b.csv', 'b', 'c@b.csv#2']);
    expect(warning?.message).toBe('2 event ids are already on the map (a, c); shown as <id>@b.csv');
    expect(disambiguateIds(importText('d.csv', 'id,lat,lon\nz,1,1\n').events, taken, 'd.csv')).toBeNull();
  });

  it('with an index, renames the same and indexes the layer instead of growing the taken set', async () => {
    const { disambiguateIds, disambiguateIdsInSlices } = await import('../../src/core/io/import');
    const { runToEnd } = await import('../../src/core/slicing');
    // The second row's id is what the first one is renamed to: the clash inside the layer is caught too.
    const csv = 'event_id,latitude,longitude\na,1,2\na@b.csv,3,4\nb,5,6\nc,7,8\n';
    const plain = importText('b.csv', csv).events;
    const plainWarning = disambiguateIds(plain, new Set(['a', 'c', 'c@b.csv']), 'b.csv');
    const indexed = importText('b.csv', csv).events;
    const taken = new Set(['a', 'c', 'c@b.csv']);
    const byId = new Map();
    const warning = runToEnd(disambiguateIdsInSlices(indexed, taken, 'b.csv', 1, byId));
    expect(indexed.map((e) => e.properties.id)).toEqual(plain.map((e) => e.properties.id));
    expect(indexed.map((e) => e.properties.id)).toEqual(['a@b.csv', 'a@b.csv@b.csv', 'b', 'c@b.csv#2']);
    expect(warning).toEqual(plainWarning);
    expect([...byId.keys()]).toEqual(['a@b.csv', 'a@b.csv@b.csv', 'b', 'c@b.csv#2']);
    expect(byId.get('a@b.csv@b.csv')).toBe(indexed[1]);
    expect([...taken]).toEqual(['a', 'c', 'c@b.csv']);
  });
});

describe('rows that repeat a cell share one list', () => {
  it('events of the same outlet and actors share frozen lists; dates are read the same from the cache', () => {
    const text = [
      'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,location,latitude,longitude,geo_precision,country,source,notes',
      'IRQ1,03 January 2020,1,Battles,Armed clash,Group A,,Baghdad,33.34,44.40,1,Iraq,Outlet 1,First.',
      'IRQ2,03 January 2020,2,Battles,Armed clash,Group A,,Baghdad,33.34,44.40,1,Iraq,Outlet 1,Second.',
      'IRQ3,03 January 2020,1,Battles,Armed clash,Group B,,Erbil,36.19,44.01,1,Iraq,Outlet 2,Third.',
    ].join('\n');
    const { events } = importText('acled.csv', text);
    const [a, b, c] = events.map((e) => e.properties);
    expect(a.sources).toBe(b.sources);
    expect(a.actors).toBe(b.actors);
    expect(a.sources).not.toBe(c.sources);
    expect(c.sources[0].outlet).toBe('Outlet 2');
    expect(Object.isFrozen(a.sources) && Object.isFrozen(a.sources[0]) && Object.isFrozen(a.conflicts)).toBe(true);
    expect(() => (a.actors as string[]).push('x')).toThrow();
    // The same date cell at another declared precision is read again, not taken from the cache.
    expect([a.date_start, a.time_precision, b.date_start, b.date_end, b.time_precision]).toEqual(['2020-01-03', 'day', '2020-01-01', '2020-01-31', 'month']);
  });
});
