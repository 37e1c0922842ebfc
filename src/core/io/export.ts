/**
 * Exports of what is currently shown: the events.csv layout, the long event × source CSV (one row per
 * quote) and GeoJSON. Rows come from the pipeline's own builders (../csv.ts), so data/events.csv and a
 * browser export are the same format.
 *
 * Decisions (README "Data formats"):
 * - CSV files are plain UTF-8 without a byte order mark, as GDAL, pandas, R, Python's `csv` and ACLED's
 *   and GDELT's own files expect (Python's `csv` with `encoding='utf-8'` reads a BOM into the first
 *   column name, `'\ufeffevent_id'`). `bom: true` is "CSV for Excel": Excel reads BOM-less CSV in the
 *   system code page and garbles curly quotes and accents.
 * - Formula injection: text cells starting with `= + - @`, tab or CR get a leading apostrophe (in csv.ts);
 *   numeric columns stay numbers, so a longitude of -5.5 is written as -5.5.
 * - The view an export came from is recorded where each format has room for it: GeoJSON carries a
 *   top-level foreign member `"dateline"` (RFC 7946 §6.1); a CSV stays a plain table (one header row,
 *   so GDAL, pandas and kepler.gl read it unchanged) and the same metadata is a separate JSON download,
 *   while the CSV's file name carries the window and the export time.
 */
import { rewind } from '@turf/turf';
import type { FeatureCollection, Geometry } from 'geojson';
import { eventCsvRows, eventSourceCsvRows, toCsv } from '../csv';
import { EVENTS_CSV_COLUMNS, EVENTS_GEOJSON_FORMAT, EVENT_SOURCES_CSV_COLUMNS, EXPORT_METADATA_FORMAT } from '../formats';
import type { ShownCriteria } from '../eventfilter';
import { isoFromDay } from '../calendar';
import type { DatelineEvent, EventProperties } from '../types';

/** The view an export was made from, as the app knows it. */
export interface ExportContext {
  criteria: ShownCriteria;
  /** Layers switched on (`pipeline`, `imported:<file>` …). */
  layers: readonly string[];
  /** Link that restores the view. */
  permalink: string;
  /** Dateline's version (package.json). */
  version: string;
  /** Time of export; a parameter so exports are reproducible in tests. */
  now: Date;
}

/** The metadata written next to (GeoJSON: inside) every export. Format {@link EXPORT_METADATA_FORMAT}. */
export interface ExportMetadata {
  format: string;
  dateline_version: string;
  exported_at: string;
  event_count: number;
  permalink: string;
  view: {
    window: { start: string; end: string; mode: ShownCriteria['mode'] };
    show_undated: boolean;
    types: string[];
    text: string;
    layers: string[];
  };
}

/**
 * The metadata describing an export of `count` events made from `context`.
 * @example exportMetadata(ctx, 12).view.window // { start: '2020-01-01', end: '2021-12-31', mode: 'window' }
 */
export function exportMetadata(context: ExportContext, count: number): ExportMetadata {
  const { criteria } = context;
  return {
    format: EXPORT_METADATA_FORMAT,
    dateline_version: context.version,
    exported_at: context.now.toISOString(),
    event_count: count,
    permalink: context.permalink,
    view: {
      window: { start: isoFromDay(criteria.start), end: isoFromDay(criteria.end), mode: criteria.mode },
      show_undated: criteria.showUndated,
      types: [...criteria.types],
      text: criteria.text,
      layers: [...context.layers],
    },
  };
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, for Excel (default false; see the module comment). */
  bom?: boolean;
}

const BOM = '\uFEFF';

/**
 * Events in the events.csv layout (one row per event).
 * @example exportEventsCsv(shown) // 'event_id,event_date,…'
 */
export function exportEventsCsv(events: readonly DatelineEvent[], options: CsvOptions = {}): string {
  return (options.bom ? BOM : '') + toCsv(eventCsvRows(events), EVENTS_CSV_COLUMNS);
}

/**
 * The long table: one row per event × source, with the quote.
 * @example exportEventSourcesCsv(shown)
 */
export function exportEventSourcesCsv(events: readonly DatelineEvent[], options: CsvOptions = {}): string {
  return (options.bom ? BOM : '') + toCsv(eventSourceCsvRows(events), EVENT_SOURCES_CSV_COLUMNS);
}

/** A FeatureCollection of events with the export's metadata as the `dateline` foreign member. */
export interface ExportedCollection extends FeatureCollection<Geometry, EventProperties> {
  dateline: ExportMetadata & { events_format: string };
}

/**
 * RFC 7946 GeoJSON: [lon, lat] positions, polygons wound by the right-hand rule (outer rings
 * counter-clockwise), the view recorded in `dateline`.
 * @returns the JSON text (2-space indented for readability; diff-friendly)
 */
export function exportGeoJson(events: readonly DatelineEvent[], context: ExportContext): string {
  const collection: ExportedCollection = {
    type: 'FeatureCollection',
    dateline: { ...exportMetadata(context, events.length), events_format: EVENTS_GEOJSON_FORMAT },
    features: events.map((event) => {
      const type = event.geometry?.type;
      const needsWinding = type === 'Polygon' || type === 'MultiPolygon' || type === 'GeometryCollection';
      return {
        type: 'Feature',
        geometry: needsWinding ? (rewind(event.geometry, { mutate: false }) as Geometry) : event.geometry,
        properties: event.properties,
      };
    }),
  };
  return JSON.stringify(collection, null, 1);
}

/** The view metadata as its own JSON document (the CSV exports' companion). */
export function exportMetadataJson(context: ExportContext, count: number): string {
  return JSON.stringify(exportMetadata(context, count), null, 2) + '\n';
}

export type ExportKind = 'events-csv' | 'sources-csv' | 'geojson' | 'metadata';

const SUFFIX: Record<ExportKind, string> = {
  'events-csv': 'events.csv',
  'sources-csv': 'event-sources.csv',
  geojson: 'events.geojson',
  metadata: 'view.json',
};

/**
 * A file name that says what the file holds: the window and the time of export.
 * @example exportFileName('events-csv', ctx) // 'dateline_2020-01-01_2021-12-31_exported-20261126T1120Z_events.csv'
 */
export function exportFileName(kind: ExportKind, context: Pick<ExportContext, 'criteria' | 'now'>): string {
  const stamp = context.now.toISOString().replace(/[-:]/g, '').replace(/\d\d\.\d+Z$/, 'Z');
  const { start, end } = context.criteria;
  return `dateline_${isoFromDay(start)}_${isoFromDay(end)}_exported-${stamp}_${SUFFIX[kind]}`;
}
