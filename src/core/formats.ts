/** Versions of every format Dateline reads or writes. Documented in README.md ("Data formats"). */
export const EVENTS_GEOJSON_FORMAT = 'dateline-events/1';
export const EVENTS_CSV_FORMAT = 'dateline-events-csv/1';
export const EVENT_SOURCES_CSV_FORMAT = 'dateline-event-sources-csv/1';
export const MENTIONS_CSV_FORMAT = 'dateline-mentions-csv/1';
export const URL_STATE_VERSION = 1;
export const EMBED_API_VERSION = 1;
