/**
 * The shared vocabulary of Dateline: what the pipeline produces and the app, export and import consume.
 * Pure types only — this module runs unchanged in Node and in the browser.
 *
 * Versioned formats are documented in README.md ("Data formats"); bump the version constants in
 * `formats.ts` when a shape here changes incompatibly.
 */
import type { Feature, Geometry } from 'geojson';
import type { EventType } from './taxonomy';

/** How exact a place is. Mirrors ACLED's geo_precision: site/city → 1, region → 2, country → 3. */
export type PlacePrecision = 'site' | 'city' | 'region' | 'country';

/** How exact a date is. An event of month/year precision covers the whole month/year. */
export type TimePrecision = 'day' | 'month' | 'year';

/** One row of the optional `sources.csv` manifest. Empty strings where unknown. */
export interface ManifestEntry {
  file: string;
  outlet: string;
  url: string;
  /** ISO 8601 date or datetime as written in the manifest, or '' when unknown. */
  published: string;
  title: string;
  notes: string;
}

/** An article as read by an adapter: the raw text is never modified, offsets point into it. */
export interface Article {
  file: string;
  text: string;
  meta: ManifestEntry;
}

/** A problem found while reading input; `line` is 1-based when known. Never fatal for other input. */
export interface Issue {
  file: string;
  line?: number;
  /** For an issue about an event several articles report (`file` lists them): each file and the line of its report. */
  at?: Array<{ file: string; line?: number }>;
  message: string;
  severity: 'error' | 'warning';
}

/** A gazetteer entry: one named place with coordinates and a precision. */
export interface Place {
  /** Stable id, prefixed by source: `gn:98182` (GeoNames), `ap:ORBI` (airport), `cc:IQ` (country), `adm1:IQ-AR`, `rg:kurdistan-region`. */
  id: string;
  name: string;
  precision: PlacePrecision;
  /** ISO 3166-1 alpha-2 country code ('' for areas spanning several countries). */
  country: string;
  /** Representative point [lon, lat] (the city, the airport, or a point inside the area). */
  lon: number;
  lat: number;
  population?: number;
}

/** A place mention in an article's original text, resolved to a gazetteer entry. */
export interface PlaceMention {
  file: string;
  /** UTF-16 offsets into the original file text, end exclusive (JavaScript string indices). */
  start: number;
  end: number;
  text: string;
  place: Place;
}

/** A date mention in an article's original text, resolved with news semantics. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO date `YYYY-MM-DD` of the first day the expression covers. */
  date: string;
  precision: TimePrecision;
}

/** A span inside a quote (offsets relative to the quote) that the popup highlights. */
export interface Highlight {
  start: number;
  end: number;
  kind: 'place' | 'date';
}

/** One report of an event: who said it and the sentence(s) quoted as evidence. */
export interface EventSource {
  file: string;
  outlet: string;
  url: string;
  published: string;
  title: string;
  quote: string;
  /** UTF-16 offsets of the quote in the original file, end exclusive. */
  start: number;
  end: number;
  highlights: Highlight[];
  /** What this source alone says about date and place, so disagreements stay visible after merging. */
  date: string | null;
  /** Precision of `date` ("January 2020" is `month`); absent in files written before it was added. */
  date_precision?: TimePrecision | null;
  place_name: string;
}

/** Properties of one Feature of `events.geojson` (format `dateline-events/1`). */
export interface EventProperties {
  id: string;
  type: EventType;
  title: string;
  /** ISO `YYYY-MM-DD`, null when undated. `date_end` is the last day covered (== start for day precision). */
  date_start: string | null;
  date_end: string | null;
  time_precision: TimePrecision | null;
  place_name: string;
  place_id: string;
  place_precision: PlacePrecision;
  /** ACLED geo_precision: 1 site/city, 2 region, 3 country. */
  geo_precision: 1 | 2 | 3;
  country: string;
  /** Representative point [lon, lat] — for lists, CSV and fly-to; for points it equals the geometry. */
  lon: number;
  lat: number;
  /** For travel/visit events: where the traveller came from (drawn as a great-circle arc). */
  origin?: { name: string; place_id: string; lon: number; lat: number };
  /** The participants: who acted and who was targeted (people first, then organisations). */
  actors: string[];
  /** What each named party did: `actors` split into who acted and who was targeted, and who only commented
   * (condemned, welcomed, reported it; not in `actors`). Absent in files written before roles were added. */
  roles?: EventRoles;
  sources: EventSource[];
  /** Human-readable disagreements between merged sources (date or place), empty when they agree. */
  conflicts: string[];
  /** True when every source announces the event rather than reports it ("will arrive on Sunday"): the date
   * is the announced day. Absent (not false) otherwise, and in files written before it was added. */
  planned?: boolean;
  notes: string;
  /** Where the event came from: the pipeline, or a user's import (the layer it belongs to). */
  layer: string;
  /** Imported table rows only: every column of the row as the file had it (ACLED's fatalities, admin1,
   * actor1, …), shown in the popup and exported unchanged. Read it with `keptColumns` (src/core/io/kept-columns.ts). */
  columns?: ImportedColumns;
  /** Imported events only: the file's own type wording (e.g. ACLED `Battles / Armed clash`), kept because
   * the taxonomy is coarser than many files. */
  source_type?: string;
  /** What a reader corrected by hand in the browser ("Add articles"), oldest first; absent when nothing
   * was. Each correction is also summed up in `notes`. */
  corrections?: EventCorrection[];
}

/** One reader's correction of an event read from added articles (data/README.md, "corrections"). */
export interface EventCorrection {
  /** What was corrected: the place, the date, the event type, or the event rejected as not one. */
  field: 'place' | 'date' | 'type' | 'rejected';
  /** The value before, as text: a place as `name (place id)`, a date `YYYY-MM-DD`, a type; '' for a rejection. */
  from: string;
  /** The value after, in the same form; '' for a rejection. */
  to: string;
  /** When it was made (ISO 8601 date and time, UTC). */
  at: string;
}

/** The parties of an event by role. `acted` ∪ `targets` = `EventProperties.actors`; commenters are apart. */
export interface EventRoles {
  acted: string[];
  targets: string[];
  commenters: string[];
}

export type DatelineEvent = Feature<Geometry, EventProperties>;

/** An imported row's own columns. The cells travel as one string (a million rows of 30 cells would
 * otherwise be 30 million strings on the page); `keptColumns` splits them when a popup or export asks. */
export interface ImportedColumns {
  /** The file's header, one list shared by every event of the file. */
  header: readonly string[];
  /** The row's cells in header order, encoded by `encodeCells` (src/core/io/kept-columns.ts). */
  row: string;
}
