/**
 * CSV row builders, shared by the extraction CLI and the browser export: pure functions from events
 * (or place mentions) to row objects with the columns of `formats.ts`, and `toCsv` to write them.
 * Cells that a spreadsheet would run as a formula are escaped (papaparse `escapeFormulae`); numeric
 * columns stay numbers so negative longitudes are not mistaken for formulae.
 */
import Papa from 'papaparse';
import { EVENTS_CSV_COLUMNS, EVENT_SOURCES_CSV_COLUMNS, MENTIONS_CSV_COLUMNS } from './formats';
import type { EventProperties, PlaceMention } from './types';
import { countryName } from './io/countries';

export type EventCsvRow = Record<(typeof EVENTS_CSV_COLUMNS)[number], string | number>;
export type EventSourceCsvRow = Record<(typeof EVENT_SOURCES_CSV_COLUMNS)[number], string | number>;
export type MentionCsvRow = Record<(typeof MENTIONS_CSV_COLUMNS)[number], string | number>;

const props = (e: EventProperties | { properties: EventProperties }): EventProperties =>
  'properties' in e ? e.properties : e;

/**
 * One `events.csv` row per event (ACLED-like layout; multi-valued cells joined with "; ").
 * @param events features of `events.geojson` or their properties
 * @returns rows keyed by `EVENTS_CSV_COLUMNS`
 * @example eventCsvRows([feature])[0].event_date // '2021-04-12'
 */
export function eventCsvRows(events: ReadonlyArray<EventProperties | { properties: EventProperties }>): EventCsvRow[] {
  return events.map((e) => {
    const p = props(e);
    return {
      event_id: p.id,
      event_date: p.date_start ?? '',
      end_date: p.date_end ?? '',
      time_precision: p.time_precision ?? '',
      event_type: p.type,
      title: p.title,
      location: p.place_name,
      place_id: p.place_id,
      place_precision: p.place_precision,
      latitude: p.lat,
      longitude: p.lon,
      geo_precision: p.geo_precision,
      country: p.country,
      actors: p.actors.join('; '),
      source_count: p.sources.length,
      sources: [...new Set(p.sources.map((s) => s.outlet || s.file))].join('; '),
      notes: [p.notes, ...p.conflicts].filter(Boolean).join('; '),
      planned: p.planned ? 'true' : '',
      targets: (p.roles?.targets ?? []).join('; '),
      commenters: (p.roles?.commenters ?? []).join('; '),
      country_name: countryName(p.country),
      source_type: p.source_type ?? '',
    };
  });
}

/**
 * One `event_sources.csv` row per event × source, with the quoted evidence and its offsets.
 * @param events features of `events.geojson` or their properties
 * @returns rows keyed by `EVENT_SOURCES_CSV_COLUMNS`
 * @example eventSourceCsvRows([feature]).map((r) => r.file) // ['000_….txt', '001_….txt']
 */
export function eventSourceCsvRows(events: ReadonlyArray<EventProperties | { properties: EventProperties }>): EventSourceCsvRow[] {
  return events.flatMap((e) => {
    const p = props(e);
    return p.sources.map((s) => ({
      event_id: p.id,
      file: s.file,
      outlet: s.outlet,
      url: s.url,
      published: s.published,
      title: s.title,
      quote: s.quote,
      start: s.start,
      end: s.end,
    }));
  });
}

/**
 * One `mentions.csv` row per resolved place mention.
 * @param mentions place mentions of every article
 * @returns rows keyed by `MENTIONS_CSV_COLUMNS`
 * @example mentionCsvRows([{ file: 'a.txt', start: 0, end: 6, text: 'Tehran', place }])[0].name // 'Tehran'
 */
export function mentionCsvRows(mentions: ReadonlyArray<PlaceMention>): MentionCsvRow[] {
  return mentions.map((m) => ({
    file: m.file,
    start: m.start,
    end: m.end,
    text: m.text,
    place_id: m.place.id,
    name: m.place.name,
    latitude: m.place.lat,
    longitude: m.place.lon,
    precision: m.place.precision,
    country: m.place.country,
  }));
}

/** What a spreadsheet would run: `= + - @`, tab or CR first (after any apostrophes), unless the cell is a plain number. */
const FORMULA_START = /^(?![+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$)'*[=+\-@\t\r]/i;

/**
 * Writes rows as CSV (header first, CRLF-free `\n` line ends, formula-looking text cells escaped).
 * @param rows row objects
 * @param columns the column order
 * @returns CSV text ending in a newline
 * @example toCsv([{ a: '=1+1', b: -3.5 }], ['a', 'b']) // 'a,b\n"\'=1+1",-3.5\n'
 */
export function toCsv<C extends string>(rows: ReadonlyArray<Record<C, string | number>>, columns: readonly C[]): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((r) => columns.map((c) => r[c])) },
    // Not `escapeFormulae: true`: papaparse's default pattern is /^[=+\-@\t\r].*$/ without the `s` flag,
    // so a multi-line cell such as "=cmd|…\nmore" slips through unescaped. Same characters, anchored at
    // the start only. (io export — see tests/unit/io-export.test.ts) Apostrophes already before such a
    // character count as part of it, so `'=x` is written `''=x` and an import that removes the one
    // apostrophe export added gets `'=x` back (src/core/io/rows.ts ESCAPED_FORMULA).
    // A text cell that is a plain number ("-12.5", an imported file's coordinate kept as text) is no
    // formula and stays as it is.
    { escapeFormulae: FORMULA_START, newline: '\n', quotes: false },
  );
  return body + '\n';
}
