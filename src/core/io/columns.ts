/**
 * Which column of an imported table holds what. Detection is by header name (Dateline's own CSV, ACLED
 * exports and the usual GIS spellings); the import dialog lets the user fix the result.
 */
import { EVENTS_CSV_ADDED_COLUMNS, EVENTS_CSV_COLUMNS, EVENT_SOURCES_CSV_COLUMNS } from '../formats';

/** The event properties an imported column can feed. */
export const IMPORT_FIELDS = [
  'event_id',
  'date',
  'end_date',
  'time_precision',
  'type',
  'sub_event_type',
  'title',
  'notes',
  'location',
  'place_id',
  'place_precision',
  'latitude',
  'longitude',
  'geo_precision',
  'country',
  'actors',
  'actor1',
  'actor2',
  'sources',
  'planned',
  'targets',
  'commenters',
  'source_type',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → index of the column that feeds it; a missing key means no column does. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** What a table is, which decides a few conventions (precision codes, formula un-escaping). */
export type TableKind = 'dateline' | 'dateline-sources' | 'acled' | 'generic';

/** Header spellings per field, most specific first. Compared after {@link normalizeHeader}. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  event_id: ['event_id', 'event_id_cnty', 'id', 'eventid', 'globaleventid', 'uid', 'event_id_no_cnty'],
  date: ['event_date', 'date', 'date_start', 'start_date', 'start', 'day', 'sqldate', 'timestamp', 'datetime', 'time'],
  end_date: ['end_date', 'date_end', 'end'],
  time_precision: ['time_precision', 'date_precision'],
  type: ['event_type', 'type', 'category', 'kind', 'eventrootcode'],
  sub_event_type: ['sub_event_type', 'subtype', 'sub_type', 'eventcode'],
  title: ['title', 'name', 'headline', 'label'],
  notes: ['notes', 'description', 'summary', 'text', 'comment', 'comments'],
  location: ['location', 'place', 'place_name', 'city', 'town', 'admin2', 'admin1'],
  place_id: ['place_id', 'geonameid', 'geoname_id'],
  place_precision: ['place_precision'],
  latitude: ['latitude', 'lat', 'y', 'lat_dd', 'actiongeo_lat', 'decimallatitude'],
  longitude: ['longitude', 'lon', 'lng', 'long', 'x', 'lon_dd', 'actiongeo_long', 'decimallongitude'],
  geo_precision: ['geo_precision', 'geoprecision'],
  country: ['country', 'country_code', 'iso2', 'iso_a2', 'countrycode'],
  actors: ['actors'],
  actor1: ['actor1', 'actor_1', 'actor1name'],
  actor2: ['actor2', 'actor_2', 'actor2name'],
  sources: ['sources', 'source', 'source_url', 'sourceurl', 'url'],
  planned: ['planned'],
  targets: ['targets'],
  commenters: ['commenters'],
  source_type: ['source_type', 'original_type'],
};

/**
 * Lower-cases a header cell and turns spaces, dots and dashes into underscores; drops a UTF-8 BOM.
 * @example normalizeHeader('\uFEFFEvent Date') // 'event_date'
 */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, '_');
}

export interface DetectedColumns {
  kind: TableKind;
  mapping: ColumnMapping;
  /** Header cells as normalised, by index. */
  header: string[];
}

/**
 * Guesses which column feeds which field, and what kind of table this is.
 * @param headerCells - the first row of the table
 * @returns the kind and a mapping the user may still edit
 * @example detectColumns(['lat', 'lng', 'Date']).mapping // { latitude: 0, longitude: 1, date: 2 }
 */
export function detectColumns(headerCells: readonly string[]): DetectedColumns {
  const header = headerCells.map(normalizeHeader);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    for (const name of SYNONYMS[field]) {
      const index = header.indexOf(name);
      if (index >= 0 && !taken.has(index)) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return { kind: tableKind(header), mapping, header };
}

function tableKind(header: readonly string[]): TableKind {
  const has = (name: string) => header.includes(name);
  if (EVENT_SOURCES_CSV_COLUMNS.every(has)) return 'dateline-sources';
  // Files written before a column was added at the end (`planned`) are Dateline's too.
  if (EVENTS_CSV_COLUMNS.every((c) => has(c) || EVENTS_CSV_ADDED_COLUMNS.includes(c))) return 'dateline';
  if (has('event_id_cnty') || (has('sub_event_type') && has('actor1'))) return 'acled';
  return 'generic';
}

/** Fields an event cannot be placed without; the mapping dialog insists on these. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['latitude', 'longitude'];

/** Why a mapping cannot be used (`errors`) and what it will cost (`warnings`). */
export function mappingProblems(mapping: ColumnMapping): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const field of REQUIRED_FIELDS) {
    if (mapping[field] === undefined) errors.push(`no column chosen for ${field}`);
  }
  const seen = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const index = mapping[field];
    if (index === undefined) continue;
    const other = seen.get(index);
    if (other) errors.push(`${other} and ${field} read the same column`);
    seen.set(index, field);
  }
  if (mapping.date === undefined) warnings.push('no date column: events will be listed under "date unknown"');
  return { errors, warnings };
}
