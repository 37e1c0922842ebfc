/**
 * Issue 11, items 5 and 12: an ACLED file keeps every column through import and export, and countries
 * follow one convention (ISO alpha-2 in `country`, the English name in `country_name`).
 * Fixture: tests/fixtures/io/import/acled-sudan.csv (ACLED's column set; invented rows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/core/taxonomy';
import { dayFromIso } from '../../src/core/timewindow';
import { exportEventsCsv, exportGeoJson, eventsCsvColumns, type ExportContext } from '../../src/core/io/export';
import { importText } from '../../src/core/io/import';
import { keptColumns, keptValue } from '../../src/core/io/kept-columns';
import { countryCode, countryName } from '../../src/core/io/countries';
import { eventCsvRows } from '../../src/core/csv';

const original = readFileSync(join(__dirname, '../fixtures/io/import/acled-sudan.csv'), 'utf8');
const table = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
const acled = table(original);
const imported = importText('acled-sudan.csv', original);

const context: ExportContext = {
  criteria: { text: '', types: [...EVENT_TYPES], start: dayFromIso('2023-01-01')!, end: dayFromIso('2023-12-31')!, mode: 'window', showUndated: true },
  layers: ['imported:acled-sudan.csv'],
  permalink: 'http://127.0.0.1:4173/',
  version: '0.1.0',
  now: new Date('2026-12-07T12:00:00Z'),
};

describe('ACLED: every column kept (item 5)', () => {
  it('loads every row and keeps each row\'s own columns, in file order', () => {
    expect(imported.issues).toEqual([]);
    expect(imported.events).toHaveLength(acled.data.length);
    imported.events.forEach((event, i) => expect(Object.fromEntries(keptColumns(event.properties))).toEqual(acled.data[i]));
    expect(keptValue(imported.events[0].properties, 'fatalities')).toBe('12');
  });

  it('maps the six ACLED event types onto the taxonomy for colour and filtering, keeping the original names', () => {
    expect(imported.events.map((e) => [e.properties.type, e.properties.source_type])).toEqual([
      ['armed-group', 'Battles / Armed clash'],
      ['statement', 'Protests / Peaceful protest'],
      ['armed-group', 'Riots / Violent demonstration'],
      ['armed-group', 'Violence against civilians / Attack'],
      ['strike', 'Explosions/Remote violence / Air/drone strike'],
      ['meeting', 'Strategic developments / Agreement'],
    ]);
  });

  it('exported again in its own columns, equals the original in every ACLED column', () => {
    const again = table(exportEventsCsv(imported.events, { layout: 'original' }));
    expect(again.meta.fields).toEqual(acled.meta.fields);
    expect(again.data).toEqual(acled.data);
    // And it imports to the same events.
    expect(importText('acled-sudan.csv', exportEventsCsv(imported.events, { layout: 'original' })).events).toEqual(imported.events);
  });

  it("Dateline's layout carries the ACLED columns it has no column for, unchanged, after its own", () => {
    const csv = exportEventsCsv(imported.events);
    const rows = table(csv);
    const extra = ['year', 'disorder_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2',
      'interaction', 'civilian_targeting', 'iso', 'region', 'admin1', 'admin2', 'admin3', 'source', 'source_scale', 'fatalities', 'tags', 'timestamp', 'event_id_cnty'];
    for (const name of extra) expect(rows.data.map((r) => r[name]), name).toEqual(acled.data.map((r) => r[name]));
    expect(eventsCsvColumns(imported.events).slice(0, 3)).toEqual(['event_id', 'event_date', 'end_date']);
    expect(rows.data.map((r) => r.source_type)).toEqual(imported.events.map((e) => e.properties.source_type));
    // Read back, Dateline's layout is Dateline's: the same events, the ACLED columns still with them.
    const back = importText('again.csv', csv);
    expect(back.kind).toBe('dateline');
    expect(back.issues).toEqual([]);
    expect(back.events.map((e) => keptValue(e.properties, 'fatalities'))).toEqual(acled.data.map((r) => r.fatalities));
    expect(back.events.map((e) => e.properties.source_type)).toEqual(imported.events.map((e) => e.properties.source_type));
  });

  it('GeoJSON carries the columns as a name → text object and brings them back', () => {
    const collection = JSON.parse(exportGeoJson(imported.events, context));
    expect(collection.features.map((f: { properties: { columns: object } }) => f.properties.columns)).toEqual(acled.data);
    const back = importText('acled.geojson', JSON.stringify(collection));
    expect(back.events.map((e) => e.properties)).toEqual(imported.events.map((e) => ({ ...e.properties, layer: 'imported:acled.geojson' })));
  });

  it('a column named like an Object member is only a column', () => {
    const text = 'latitude,longitude,constructor,__proto__\n10,20,a,b\n';
    const [event] = importText('odd.csv', text).events;
    expect(table(exportEventsCsv([event], { layout: 'original' })).data).toEqual([{ latitude: '10', longitude: '20', constructor: 'a', __proto__: 'b' }]);
    expect(exportEventsCsv([event])).toContain(',a,b\n');
    expect(({} as Record<string, unknown>).b).toBeUndefined();
  });
});

describe('country: ISO alpha-2 plus country_name (item 12)', () => {
  it('reads names (ACLED spellings too) and codes as the alpha-2 code', () => {
    expect(imported.events.map((e) => e.properties.country)).toEqual(['SD', 'SD', 'SD', 'SD', 'SD', 'ML']);
    expect(['Democratic Republic of Congo', 'Republic of Congo', 'Ivory Coast', 'eSwatini', 'Turkey', 'Palestine', 'United States', 'Vietnam', 'iq', 'GB', 'UK']
      .map(countryCode)).toEqual(['CD', 'CG', 'CI', 'SZ', 'TR', 'PS', 'US', 'VN', 'IQ', 'GB', 'GB']);
    expect(countryCode('Atlantis')).toBeNull();
  });

  it('writes the code in country and the name in country_name, for pipeline and imported events alike', () => {
    const pipelineLike = { ...imported.events[0].properties, country: 'IQ', columns: undefined, layer: 'pipeline' };
    const rows = eventCsvRows([pipelineLike, imported.events[0].properties]);
    expect(rows.map((r) => [r.country, r.country_name])).toEqual([['IQ', 'Iraq'], ['SD', 'Sudan']]);
    expect(countryName('CD')).toBe('Democratic Republic of the Congo');
  });

  it('warns once about a country it cannot read, keeping the file\'s text with the row', () => {
    const result = importText('odd.csv', 'latitude,longitude,country\n10,20,Atlantis\n11,21,Atlantis\n12,22,Chad\n');
    expect(result.events.map((e) => e.properties.country)).toEqual(['', '', 'TD']);
    expect(result.issues.map((i) => i.message)).toEqual([
      'country "Atlantis" (rows 2, 3) is no country name or ISO code Dateline knows; its country is left empty (the file\'s text is kept with the row)',
    ]);
    expect(keptValue(result.events[0].properties, 'country')).toBe('Atlantis');
  });
});
