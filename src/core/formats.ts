/** Versions of every format Dateline reads or writes. Documented in README.md ("Data formats"). */
export const EVENTS_GEOJSON_FORMAT = 'dateline-events/1';
export const EVENTS_CSV_FORMAT = 'dateline-events-csv/1';
export const EVENT_SOURCES_CSV_FORMAT = 'dateline-event-sources-csv/1';
export const MENTIONS_CSV_FORMAT = 'dateline-mentions-csv/1';
export const URL_STATE_VERSION = 1;
export const EMBED_API_VERSION = 1;
/** The gazetteer's JSON form (Node cache and browser form), read by `Gazetteer.fromData`. */
export const GAZETTEER_FORMAT = 'dateline-gazetteer/1';
/**
 * The app's GeoJSON export: the events.csv vocabulary as property names (`event_id`, `event_date`,
 * `location`, `event_type`, …, lists as lists), travel as LineStrings. Version 1 (`EVENTS_GEOJSON_FORMAT`,
 * what the pipeline writes and older exports are) still loads. Documented in data/README.md.
 */
export const EXPORT_EVENTS_GEOJSON_FORMAT = 'dateline-events/2';
/** The view metadata of a browser export (GeoJSON `dateline` member; `…_view.json` beside a CSV). */
export const EXPORT_METADATA_FORMAT = 'dateline-export-metadata/1';

/**
 * Column orders of the CSV files. `events.csv` follows ACLED's layout where a column exists there
 * (event_id_cnty → event_id, event_date, time_precision, event_type, location, latitude, longitude,
 * geo_precision, country, actors, source, notes). Multi-valued cells (actors, sources) are joined with "; ".
 */
export const EVENTS_CSV_COLUMNS = [
  'event_id',
  'event_date',
  'end_date',
  'time_precision',
  'event_type',
  'title',
  'location',
  'place_id',
  'place_precision',
  'latitude',
  'longitude',
  'geo_precision',
  'country',
  'actors',
  'source_count',
  'sources',
  'notes',
  // Added after the first files were written, at the end so older readers still work: `true` for an
  // announced event (EventProperties.planned), empty otherwise. Readers must not require it.
  'planned',
  // Roles (EventProperties.roles), also added at the end: who of `actors` was targeted, and who only
  // commented on the event (not in `actors`); "; "-joined, empty when none or unknown.
  'targets',
  'commenters',
  // One country convention (issue 11): `country` is the ISO 3166-1 alpha-2 code, `country_name` its English
  // name; `source_type` is an imported file's own wording of the type (ACLED's "Protests / Peaceful
  // protest"), empty for the pipeline's events. Added at the end like the columns above.
  'country_name',
  'source_type',
] as const;

/** Columns of `events.csv` added after version 1 was first written: a file without them is still version 1. */
export const EVENTS_CSV_ADDED_COLUMNS: readonly string[] = ['planned', 'targets', 'commenters', 'country_name', 'source_type'];

export const EVENT_SOURCES_CSV_COLUMNS = [
  'event_id',
  'file',
  'outlet',
  'url',
  'published',
  'title',
  'quote',
  'start',
  'end',
] as const;

export const MENTIONS_CSV_COLUMNS = [
  'file',
  'start',
  'end',
  'text',
  'place_id',
  'name',
  'latitude',
  'longitude',
  'precision',
  'country',
] as const;
