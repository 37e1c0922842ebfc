import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanClockwise } from '@turf/turf';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/core/taxonomy';
import { dayFromIso } from '../../src/core/timewindow';
import type { DatelineEvent, EventSource } from '../../src/core/types';
import {
  exportEventSourcesCsv,
  exportEventsCsv,
  exportFileName,
  exportGeoJson,
  exportMetadata,
  type ExportContext,
  type ExportedProperties,
  exportEventsCsvt,
  eventsCsvColumns,
  OGR2OGR_CSV_OPTIONS,
} from '../../src/core/io/export';
import { importFiles, importText } from '../../src/core/io/import';

const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/io/events.geojson'), 'utf8'));
const events: DatelineEvent[] = fixture.features;

const context: ExportContext = {
  criteria: { text: '', types: [...EVENT_TYPES], start: dayFromIso('2014-01-01')!, end: dayFromIso('2021-12-31')!, mode: 'window', showUndated: true },
  layers: ['events'],
  permalink: 'http://127.0.0.1:4173/?from=2014-01-01&to=2021-12-31',
  version: '0.1.0',
  now: new Date('2026-11-26T11:20:05.123Z'),
};

/** The parts of a source a CSV round trip must keep. */
const csvSource = (s: EventSource) => ({ file: s.file, outlet: s.outlet, url: s.url, published: s.published, title: s.title, quote: s.quote, start: s.start, end: s.end });

describe('CSV export', () => {
  const csv = exportEventsCsv(events);
  const long = exportEventSourcesCsv(events);

  it('is plain UTF-8 without a byte order mark by default; "CSV for Excel" adds one (issue 11, item 9)', () => {
    expect(csv.startsWith('event_id,event_date,end_date,time_precision,event_type,title,')).toBe(true);
    expect(long.startsWith('event_id,file,')).toBe(true);
    expect(exportEventsCsv(events, { bom: true }).startsWith('\uFEFFevent_id,')).toBe(true);
    expect(exportEventSourcesCsv(events, { bom: true }).startsWith('\uFEFFevent_id,')).toBe(true);
  });

  it('neutralises formulae in text cells and keeps numbers numbers', () => {
    const rows = Papa.parse<Record<string, string>>(long, { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.outlet === 'Mehr News')!.quote).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows.find((r) => r.outlet === 'Al Jazeera')!.quote).toBe("'-5 degrees and a strike");
    expect(rows.find((r) => r.outlet === 'Rudaw' && r.event_id === 'ev-undated')!.quote).toBe("'\tTab-led quote");
    expect(long).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    const west = csv.split('\n').find((line) => line.startsWith('ev-west,'))!;
    expect(west).toContain(',51.48,-5.5,');
    expect(west).not.toContain("'-5.5");
  });

  it('neutralises a formula even when the cell spans lines', () => {
    const sneaky = structuredClone(events[0]);
    sneaky.properties.sources[0].quote = '=cmd|\' /C calc\'!A0\nsecond line';
    expect(exportEventSourcesCsv([sneaky])).toContain(`"'=cmd|' /C calc'!A0\nsecond line"`);
  });

  it('round-trips through import: ids, dates, precisions, coordinates and sources', () => {
    const [imported, sources] = importFiles([
      { name: 'events.csv', text: csv },
      { name: 'event-sources.csv', text: long },
    ]);
    expect(imported.kind).toBe('dateline');
    expect(sources.kind).toBe('dateline-sources');
    expect([...imported.issues, ...sources.issues]).toEqual([]);
    expect(imported.events.map((e) => e.properties.id)).toEqual(events.map((e) => e.properties.id));
    imported.events.forEach((event, i) => {
      const a = event.properties;
      const b = events[i].properties;
      expect([a.date_start, a.date_end, a.time_precision, a.place_precision, a.geo_precision, a.lon, a.lat]).toEqual([
        b.date_start, b.date_end, b.time_precision, b.place_precision, b.geo_precision, b.lon, b.lat,
      ]);
      expect([a.type, a.title, a.place_name, a.place_id, a.country, a.actors]).toEqual([b.type, b.title, b.place_name, b.place_id, b.country, b.actors]);
      expect(a.sources.map(csvSource)).toEqual(b.sources.map(csvSource));
      expect(a.layer).toBe('imported:events.csv');
    });
  });

  it('round-trips the events file alone with sources as outlets', () => {
    const result = importText('events.csv', csv);
    expect(result.events[0].properties.sources.map((s) => s.outlet)).toEqual(['Mehr News', 'IRNA']);
    expect(result.events[0].properties.notes).toBe('+ plus-sign note');
  });
});

describe('GeoJSON export', () => {
  const v1 = JSON.parse(readFileSync(join(__dirname, '../fixtures/io/export-v1.geojson'), 'utf8'));
  /** The fixture's events and a visit with an origin (from the v1 export fixture): everything an export must carry. */
  const all: DatelineEvent[] = [...events, v1.features.find((f: DatelineEvent) => f.properties.origin)];
  const text = exportGeoJson(all, context);
  const collection = JSON.parse(text);
  const byId = (id: string) => collection.features.find((f: { properties: ExportedProperties }) => f.properties.event_id === id);

  it('records the view in a top-level "dateline" member', () => {
    expect(collection.dateline).toEqual({
      ...exportMetadata(context, all.length),
      events_format: 'dateline-events/2',
    });
    expect(collection.format).toBe('dateline-events/2');
    expect(collection.dateline.view.window).toEqual({ start: '2014-01-01', end: '2021-12-31', mode: 'window' });
    expect(collection.dateline.exported_at).toBe('2026-11-26T11:20:05.123Z');
    expect(collection.dateline.dateline_version).toBe('0.1.0');
  });

  it('names properties as the CSV names its columns (issue 11, item 11)', () => {
    const csvHeader = Papa.parse<string[]>(exportEventsCsv(all)).data[0];
    const optional = new Set(['planned', 'targets', 'commenters', 'source_type']);
    for (const feature of collection.features) {
      const names = Object.keys(feature.properties);
      expect(csvHeader.filter((c) => !optional.has(c)).filter((c) => !names.includes(c))).toEqual([]);
      // Nothing under a second name for the same thing.
      expect(names.filter((n) => ['id', 'type', 'date_start', 'date_end', 'place_name', 'lon', 'lat'].includes(n))).toEqual([]);
    }
    const tehran = byId('ev-tehran-2021').properties;
    const [row] = Papa.parse<Record<string, string>>(exportEventsCsv(all), { header: true }).data;
    for (const name of ['event_id', 'event_date', 'end_date', 'event_type', 'location', 'country', 'country_name', 'title']) expect(String(tehran[name])).toBe(row[name]);
    expect([tehran.latitude, tehran.longitude]).toEqual([Number(row.latitude), Number(row.longitude)]);
  });

  it('follows RFC 7946: lon/lat order, outer rings counter-clockwise', () => {
    const kurdistan = byId('ev-krg-2014');
    expect(booleanClockwise(events[2].geometry.type === 'Polygon' ? events[2].geometry.coordinates[0] : [])).toBe(true);
    expect(booleanClockwise(kurdistan.geometry.coordinates[0])).toBe(false);
    const tehran = collection.features[0];
    expect(tehran.geometry.coordinates).toEqual([tehran.properties.longitude, tehran.properties.latitude]);
  });

  it('exports travel as a LineString from origin to destination, with both named', () => {
    const visit = byId('ev-visit-2019');
    expect(visit.geometry).toEqual({ type: 'LineString', coordinates: [[-6.8326, 34.0133], [-9.1393, 38.7223]] });
    expect(visit.properties.origin).toEqual({ location: 'Rabat', place_id: 'gn:2538475', latitude: 34.0133, longitude: -6.8326 });
    expect([visit.properties.location, visit.properties.latitude, visit.properties.longitude]).toEqual(['Lisbon', 38.7223, -9.1393]);
  });

  it('offers points only: one geometry type, at each event\'s point', () => {
    const points = JSON.parse(exportGeoJson(all, context, { pointsOnly: true }));
    expect(new Set(points.features.map((f: DatelineEvent) => f.geometry.type))).toEqual(new Set(['Point']));
    for (const f of points.features) expect(f.geometry.coordinates).toEqual([f.properties.longitude, f.properties.latitude]);
  });

  it('round-trips through import unchanged but for the layer', () => {
    const result = importText('export.geojson', text);
    expect(result.issues).toEqual([]);
    expect(result.events.map((e) => e.properties)).toEqual(all.map((e) => ({ ...e.properties, layer: 'imported:export.geojson' })));
    // Travel comes back as its destination point (the line is drawn from `origin`).
    expect(result.events.map((e) => e.geometry)).toEqual(all.map((e, i) => (e.properties.origin ? e.geometry : collection.features[i].geometry)));
  });

  it('still loads exports of the previous version (dateline-events/1, fixture export-v1.geojson)', () => {
    const result = importText('export-v1.geojson', JSON.stringify(v1));
    expect(result.issues).toEqual([]);
    expect(result.events.map((e) => e.properties)).toEqual(v1.features.map((f: DatelineEvent) => ({ ...f.properties, layer: 'imported:export-v1.geojson' })));
  });
});

describe('file names', () => {
  it('carry the window and the export time', () => {
    expect(exportFileName('events-csv', context)).toBe('dateline_2014-01-01_2021-12-31_exported-20261126T1120Z_events.csv');
    expect(exportFileName('geojson', context)).toBe('dateline_2014-01-01_2021-12-31_exported-20261126T1120Z_events.geojson');
  });
});

describe('real clients', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-io-'));

  it("Python's csv module with encoding='utf-8' reads the default export's header as event_id (issue 11, item 9)", () => {
    const file = join(dir, 'python.csv');
    writeFileSync(file, exportEventsCsv(events));
    // The README's analyst section shows this snippet.
    const script = [
      'import csv, sys',
      "with open(sys.argv[1], newline='', encoding='utf-8') as f:",
      '    rows = list(csv.DictReader(f))',
      "print(list(rows[0].keys())[0])",
      "print(float(rows[0]['latitude']), float(rows[0]['longitude']))",
    ].join('\n');
    const out = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).split('\n');
    expect(out[0]).toBe('event_id');
    expect(out[1]).toBe(`${events[0].properties.lat} ${events[0].properties.lon}`);
  }, 30_000); // starts a Python process: seconds on a busy machine

  const hasOgr = (() => {
    try {
      execFileSync('ogrinfo', ['--version']);
      return true;
    } catch {
      return false;
    }
  })();
  if (!hasOgr) console.warn('GDAL tests skipped: ogrinfo is not installed (apt-get install gdal-bin; .ci/run installs it)');

  it.skipIf(!hasOgr)('GDAL (ogrinfo) with no options reads the CSV and its .csvt sidecar as points with real coordinates (issue 11, item 10)', () => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, exportEventsCsv(events));
    writeFileSync(join(dir, 'export.csvt'), exportEventsCsvt(eventsCsvColumns(events)));
    const out = execFileSync('ogrinfo', ['-ro', '-al', file], { encoding: 'utf8' });
    expect(out).toContain('Geometry: Point');
    expect(out).toContain(`Feature Count: ${events.length}`);
    expect(out).toMatch(/\nlatitude: Real/);
    expect(out).toMatch(/\nlongitude: Real/);
    expect(out).toMatch(/\nevent_date: Date/);
    const points = [...out.matchAll(/POINT \((-?[\d.]+) (-?[\d.]+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points).toEqual(events.map((e) => [e.properties.lon, e.properties.lat]));
    expect(out).toMatch(/\n {2}event_id \(String\) = ev-tehran-2021/);
  }, 30_000);

  it.skipIf(!hasOgr)('the one-line ogr2ogr command of the README and the export dialog makes a GeoPackage of points without a sidecar', () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, exportEventsCsv(events));
    const gpkg = join(dir, 'events.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', gpkg, file, ...OGR2OGR_CSV_OPTIONS.split(' ')]);
    const out = execFileSync('ogrinfo', ['-ro', '-al', gpkg], { encoding: 'utf8' });
    expect(out).toContain('Geometry: Point');
    expect(out).toMatch(/\nlatitude: Real/);
    expect(out).toMatch(/\nsource_count: Integer/);
  }, 30_000);
});
