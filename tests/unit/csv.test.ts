/** CSV row builders (src/core/csv.ts), shared by the CLI and the browser export. */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { eventCsvRows, eventSourceCsvRows, mentionCsvRows, toCsv } from '../../src/core/csv';
import { EVENTS_CSV_COLUMNS, EVENT_SOURCES_CSV_COLUMNS, MENTIONS_CSV_COLUMNS } from '../../src/core/formats';
import { importText } from '../../src/core/io/import';
import type { EventProperties, Place } from '../../src/core/types';

const lima: Place = { id: 'gn:3936456', name: 'Lima', precision: 'city', country: 'PE', lon: -77.02824, lat: -12.04318 };
const event: EventProperties = {
  id: 'evt-0123456789',
  type: 'statement',
  title: '=HYPERLINK("http://evil")',
  date_start: '2023-01-15',
  date_end: '2023-01-15',
  time_precision: 'day',
  place_name: 'Lima',
  place_id: lima.id,
  place_precision: 'city',
  geo_precision: 1,
  country: 'PE',
  lon: lima.lon,
  lat: lima.lat,
  actors: ['Dina Boluarte', '@protesters'],
  sources: [
    { file: 'a.txt', outlet: 'RPP', url: 'https://rpp.pe/a', published: '2023-01-16', title: 'T', quote: '-1 said "no"', start: 3, end: 15, highlights: [], date: '2023-01-15', place_name: 'Lima' },
    { file: 'b.txt', outlet: '', url: '', published: '', title: '', quote: 'q', start: 0, end: 1, highlights: [], date: null, place_name: '' },
  ],
  conflicts: ['Sources disagree on the date: 2023-01-15 (a.txt) vs 2023-01-14 (b.txt)'],
  notes: '',
  layer: 'pipeline',
};

describe('CSV rows', () => {
  it('builds events.csv rows in the column order of formats.ts', () => {
    const [row] = eventCsvRows([{ properties: event }]);
    expect(Object.keys(row)).toEqual([...EVENTS_CSV_COLUMNS]);
    expect(row).toMatchObject({ event_date: '2023-01-15', longitude: -77.02824, source_count: 2, sources: 'RPP; b.txt', actors: 'Dina Boluarte; @protesters' });
    expect(row.notes).toContain('Sources disagree');
    expect(row.planned).toBe('');
  });

  it('writes planned (a column added after notes) as "true" for an announced event, and reads it back on import', () => {
    const [row] = eventCsvRows([{ ...event, planned: true }]);
    expect(EVENTS_CSV_COLUMNS.indexOf('planned')).toBe(EVENTS_CSV_COLUMNS.indexOf('notes') + 1);
    expect(row.planned).toBe('true');
    const csv = toCsv(eventCsvRows([{ ...event, planned: true }, { ...event, id: 'evt-other' }]), EVENTS_CSV_COLUMNS);
    const imported = importText('events.csv', csv);
    expect(imported.kind).toBe('dateline');
    expect(imported.events.map((e) => e.properties.planned)).toEqual([true, undefined]);
  });

  it('writes roles as the last columns (targets, commenters) and reads them back on import', () => {
    const roles = { acted: ['Dina Boluarte'], targets: ['@protesters'], commenters: ['Amnesty International'] };
    expect(EVENTS_CSV_COLUMNS.slice(-4, -2)).toEqual(['targets', 'commenters']);
    const [row] = eventCsvRows([{ ...event, roles }]);
    expect(row).toMatchObject({ targets: '@protesters', commenters: 'Amnesty International' });
    const csv = toCsv(eventCsvRows([{ ...event, roles }, { ...event, id: 'evt-other' }]), EVENTS_CSV_COLUMNS);
    const imported = importText('events.csv', csv);
    expect(imported.kind).toBe('dateline');
    expect(imported.events.map((e) => e.properties.roles)).toEqual([roles, undefined]);
  });

  it('imports a Dateline events.csv written before the planned column existed', () => {
    const columns = EVENTS_CSV_COLUMNS.filter((c) => c !== 'planned' && c !== 'targets' && c !== 'commenters');
    const rows = eventCsvRows([event]).map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
    const imported = importText('old-events.csv', Papa.unparse(rows, { columns }));
    expect(imported.kind).toBe('dateline');
    expect(imported.events).toHaveLength(1);
    expect(imported.events[0].properties.planned).toBeUndefined();
    expect(imported.events[0].properties.date_start).toBe('2023-01-15');
  });

  it('builds one event_sources.csv row per source and one mentions.csv row per mention', () => {
    const rows = eventSourceCsvRows([event]);
    expect(rows.map((r) => Object.keys(r))).toEqual([[...EVENT_SOURCES_CSV_COLUMNS], [...EVENT_SOURCES_CSV_COLUMNS]]);
    expect(rows.map((r) => r.file)).toEqual(['a.txt', 'b.txt']);
    const [m] = mentionCsvRows([{ file: 'a.txt', start: 10, end: 14, text: 'Lima', place: lima }]);
    expect(Object.keys(m)).toEqual([...MENTIONS_CSV_COLUMNS]);
    expect(m.longitude).toBe(-77.02824);
  });

  it('escapes formula-looking text but leaves negative numbers alone, and round-trips', () => {
    const csv = toCsv(eventCsvRows([event]), EVENTS_CSV_COLUMNS);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(',-12.04318,-77.02824,');
    expect(toCsv([{ a: '@cmd', b: -3.5 }], ['a', 'b'])).toBe(`a,b\n"'@cmd",-3.5\n`);
    const sources = toCsv(eventSourceCsvRows([event]), EVENT_SOURCES_CSV_COLUMNS);
    expect(sources).toContain(`"'-1 said ""no"""`);
    const parsed = Papa.parse<Record<string, string>>(sources, { header: true, skipEmptyLines: true });
    expect(parsed.data[0].start).toBe('3');
    expect(csv.endsWith('\n')).toBe(true);
  });
});
