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
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { eventCsvRows, eventSourceCsvRows, toCsv } from '../csv';
import { EVENTS_CSV_COLUMNS, EVENT_SOURCES_CSV_COLUMNS, EXPORT_EVENTS_GEOJSON_FORMAT, EXPORT_METADATA_FORMAT } from '../formats';
import { countryName } from './countries';
import { keptColumns } from './kept-columns';
import type { ShownCriteria } from '../eventfilter';
import { isoFromDay } from '../calendar';
import type { DatelineEvent, EventCorrection, EventProperties } from '../types';

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
  /**
   * `dateline` (default): the events.csv columns for every event, then every column an imported file had
   * that Dateline's do not (ACLED's fatalities, admin1, actor1 …), unchanged. `original`: imported rows
   * only, in their files' own columns and wording — an ACLED file comes back as ACLED wrote it.
   */
  layout?: 'dateline' | 'original';
}

const BOM = '\uFEFF';
const DATELINE_COLUMNS = new Set<string>(EVENTS_CSV_COLUMNS);

/** Kept column names in the order first met, skipping `skip`. */
function keptColumnNames(events: readonly DatelineEvent[], skip: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  let lastHeader: readonly string[] | null = null; // a file's events share one header: look at it once
  for (const { properties: p } of events) {
    if (!p.columns || p.columns.header === lastHeader) continue;
    lastHeader = p.columns.header;
    for (const name of lastHeader) if (!skip.has(name)) names.add(name);
  }
  return [...names];
}

/**
 * The columns {@link exportEventsCsv} writes for these events.
 * @example eventsCsvColumns(acledEvents).slice(-3) // ['fatalities', 'tags', 'timestamp']
 */
export function eventsCsvColumns(events: readonly DatelineEvent[], layout: CsvOptions['layout'] = 'dateline'): string[] {
  return layout === 'original' ? keptColumnNames(events, new Set()) : [...EVENTS_CSV_COLUMNS, ...keptColumnNames(events, DATELINE_COLUMNS)];
}

/**
 * Events in the events.csv layout (one row per event), or imported rows in their own columns.
 * @example exportEventsCsv(shown) // 'event_id,event_date,…'
 * @example exportEventsCsv(acledLayer, { layout: 'original' }) // 'event_id_cnty,event_date,year,…'
 */
export function exportEventsCsv(events: readonly DatelineEvent[], options: CsvOptions = {}): string {
  const layout = options.layout ?? 'dateline';
  const columns = eventsCsvColumns(events, layout);
  // Rows without a prototype: a file's column may be called `constructor` or `__proto__`.
  const withKept = (row: Record<string, string | number>, p: DatelineEvent['properties']) => {
    for (const [name, value] of keptColumns(p)) if (!Object.hasOwn(row, name)) row[name] = value;
    return row;
  };
  const rows =
    layout === 'original'
      ? events.filter((e) => e.properties.columns).map((e) => withKept(Object.create(null), e.properties))
      : eventCsvRows(events).map((row, i) => withKept(Object.assign(Object.create(null), row), events[i].properties));
  for (const row of rows) for (const name of columns) if (!Object.hasOwn(row, name)) row[name] = '';
  return (options.bom ? BOM : '') + toCsv(rows, columns);
}

/**
 * What GDAL's CSV driver needs to read an events CSV without its `.csvt` (README, analyst section; the
 * export dialog's help): `ogr2ogr -f GPKG events.gpkg <file>.csv ` + this.
 */
export const OGR2OGR_CSV_OPTIONS = '-oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude -oo AUTODETECT_TYPE=YES -a_srs EPSG:4326';

/** GDAL column types of Dateline's own columns (`.csvt`); kept columns of imported files are text. */
const CSVT_TYPES: Partial<Record<string, string>> = {
  event_date: 'Date', end_date: 'Date', latitude: 'CoordY', longitude: 'CoordX', geo_precision: 'Integer', source_count: 'Integer',
};

/**
 * The `.csvt` sidecar GDAL's CSV driver (QGIS, ogr2ogr, ogrinfo) reads next to `<name>.csv`: one type per
 * column, so latitude and longitude are read as reals and as the point geometry, dates as dates, without
 * open options.
 * @example exportEventsCsvt(['event_id', 'latitude', 'longitude']) // '"String","CoordY","CoordX"\n'
 */
export function exportEventsCsvt(columns: readonly string[]): string {
  return columns.map((c) => `"${CSVT_TYPES[c] ?? 'String'}"`).join(',') + '\n';
}

/**
 * The long table: one row per event × source, with the quote.
 * @example exportEventSourcesCsv(shown)
 */
export function exportEventSourcesCsv(events: readonly DatelineEvent[], options: CsvOptions = {}): string {
  return (options.bom ? BOM : '') + toCsv(eventSourceCsvRows(events), EVENT_SOURCES_CSV_COLUMNS);
}

/** A FeatureCollection of events with the export's metadata as the `dateline` foreign member. */
export interface ExportedCollection extends FeatureCollection<Geometry, ExportedProperties> {
  format: string;
  dateline: ExportMetadata & { events_format: string };
}

/**
 * Properties of a feature of the GeoJSON export (`dateline-events/2`): the events.csv columns under the
 * same names, lists as lists and sources whole (quotes, offsets, highlights); `targets`/`commenters` as
 * in the CSV; `origin` for travel; `columns` an imported row's own columns (name → text).
 */
export interface ExportedProperties {
  event_id: string;
  event_date: string | null;
  end_date: string | null;
  time_precision: EventProperties['time_precision'];
  event_type: EventProperties['type'];
  source_type?: string;
  title: string;
  location: string;
  place_id: string;
  place_precision: EventProperties['place_precision'];
  latitude: number;
  longitude: number;
  geo_precision: EventProperties['geo_precision'];
  country: string;
  country_name: string;
  actors: string[];
  targets?: string[];
  commenters?: string[];
  source_count: number;
  sources: EventProperties['sources'];
  notes: string;
  conflicts: string[];
  planned?: true;
  origin?: { location: string; place_id: string; latitude: number; longitude: number };
  layer: string;
  columns?: Record<string, string>;
  /** A reader's corrections of an event from added articles (data/README.md, "Corrections"). */
  corrections?: EventCorrection[];
}

/** One event's properties in the export vocabulary. */
export function exportedProperties(p: EventProperties): ExportedProperties {
  const out: ExportedProperties = {
    event_id: p.id,
    event_date: p.date_start,
    end_date: p.date_end,
    time_precision: p.time_precision,
    event_type: p.type,
    ...(p.source_type !== undefined ? { source_type: p.source_type } : {}),
    title: p.title,
    location: p.place_name,
    place_id: p.place_id,
    place_precision: p.place_precision,
    latitude: p.lat,
    longitude: p.lon,
    geo_precision: p.geo_precision,
    country: p.country,
    country_name: countryName(p.country),
    actors: p.actors,
    ...(p.roles ? { targets: p.roles.targets, commenters: p.roles.commenters } : {}),
    source_count: p.sources.length,
    sources: p.sources,
    notes: p.notes,
    conflicts: p.conflicts,
    ...(p.planned ? { planned: true as const } : {}),
    ...(p.origin ? { origin: { location: p.origin.name, place_id: p.origin.place_id, latitude: p.origin.lat, longitude: p.origin.lon } } : {}),
    layer: p.layer,
    ...(p.corrections?.length ? { corrections: p.corrections } : {}),
  };
  // Object.fromEntries makes own members even of names such as `__proto__`.
  if (p.columns) out.columns = Object.fromEntries(keptColumns(p));
  return out;
}

export interface GeoJsonOptions {
  /** Every feature a Point at the event's representative point, for tools that take one geometry type. */
  pointsOnly?: boolean;
}

/** The geometry an event is exported with. */
function exportedGeometry(event: DatelineEvent, pointsOnly: boolean): Geometry {
  const p = event.properties;
  if (pointsOnly) return { type: 'Point', coordinates: [p.lon, p.lat] };
  // Travel is drawn as an arc from where it started: a line from the origin to the destination.
  if (p.origin) return { type: 'LineString', coordinates: [[p.origin.lon, p.origin.lat], [p.lon, p.lat]] };
  const type = event.geometry?.type;
  const needsWinding = type === 'Polygon' || type === 'MultiPolygon' || type === 'GeometryCollection';
  return needsWinding ? (rewind(event.geometry, { mutate: false }) as Geometry) : event.geometry;
}

/**
 * RFC 7946 GeoJSON (`dateline-events/2`): [lon, lat] positions, polygons wound by the right-hand rule
 * (outer rings counter-clockwise), travel as a LineString from origin to destination, the events.csv
 * vocabulary as property names, the view recorded in `dateline`.
 * @returns the JSON text (one member per line: diff-friendly)
 * @example JSON.parse(exportGeoJson(shown, ctx)).features[0].properties.event_date // '2021-04-12'
 */
export function exportGeoJson(events: readonly DatelineEvent[], context: ExportContext, options: GeoJsonOptions = {}): string {
  const collection: ExportedCollection = {
    type: 'FeatureCollection',
    format: EXPORT_EVENTS_GEOJSON_FORMAT,
    dateline: { ...exportMetadata(context, events.length), events_format: EXPORT_EVENTS_GEOJSON_FORMAT },
    features: events.map((event): Feature<Geometry, ExportedProperties> => ({
      type: 'Feature',
      geometry: exportedGeometry(event, options.pointsOnly ?? false),
      properties: exportedProperties(event.properties),
    })),
  };
  return JSON.stringify(collection, null, 1);
}

/** The view metadata as its own JSON document (the CSV exports' companion). */
export function exportMetadataJson(context: ExportContext, count: number): string {
  return JSON.stringify(exportMetadata(context, count), null, 2) + '\n';
}

export type ExportKind = 'events-csv' | 'events-csvt' | 'sources-csv' | 'geojson' | 'metadata';

const SUFFIX: Record<ExportKind, string> = {
  'events-csv': 'events.csv',
  'events-csvt': 'events.csvt',
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
