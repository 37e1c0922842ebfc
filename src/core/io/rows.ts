/**
 * Imported table rows → Dateline events. Every bad row is reported with its row number and the reason,
 * and the rows around it still load. Nothing is placed at 0,0 or anywhere else from missing data.
 *
 * Row numbers are spreadsheet rows: the header is row 1, the first record row 2 (a quoted cell spanning
 * several lines is still one row, as a spreadsheet shows it).
 */
import type { DatelineEvent, EventSource, Issue, PlacePrecision, TimePrecision } from '../types';
import { EVENT_TYPE_INFO, type EventType } from '../taxonomy';
import { detectColumns, type ColumnMapping, type ImportField, type TableKind } from './columns';
import { firstDayCovered, lastDayCovered } from '../calendar';
import { parseDate, type DateOrder } from './dates';
import { FALLBACK_EVENT_TYPE, mapEventType } from './typemap';
import { countryCode } from './countries';
import { encodeCells } from './kept-columns';
import { EVENTS_CSV_COLUMNS } from '../formats';
import type { CsvChunk } from './stream';

/** The layer name of events imported from `fileName`. */
export const importedLayer = (fileName: string) => `imported:${fileName}`;

/** Multi-valued cells (actors, sources) are joined with this in Dateline's CSV; `;` alone is accepted too. */
const LIST_SPLIT = /\s*;\s*/;

/**
 * Cells neutralised by formula escaping on export (src/core/csv.ts): an apostrophe added before `= + - @`,
 * tab or CR, or before apostrophes that precede one (`'=x` is exported as `''=x`). Import removes that
 * one apostrophe, so every value comes back as it was.
 */
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

const PLACE_PRECISIONS: readonly PlacePrecision[] = ['site', 'city', 'region', 'country'];
const TIME_PRECISIONS: readonly TimePrecision[] = ['day', 'month', 'year'];

/** ACLED time_precision: 1 exact day, 2 within a week, 3 within a month. Dateline has no week precision,
 * so 2 widens to the month — a coarser claim rather than a false exact day. */
const ACLED_TIME_PRECISION = new Map<string, TimePrecision>([['1', 'day'], ['2', 'month'], ['3', 'month']]);

export interface RowContext {
  fileName: string;
  kind: TableKind;
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  /** Unknown type wording → rows that used it, for one summary warning per wording. */
  unknownTypes: Map<string, number[]>;
  /** `type \0 sub-type` → mapped type and the file's wording: a file repeats a handful of pairs a million times. */
  typeCache?: Map<string, { mapped: EventType | null; wording: string }>;
  /**
   * Cell text → the list made from it (actors, sources). A file repeats a few hundred outlets and actor
   * pairs a million times; events share one frozen list per text, which also crosses from the import
   * worker to the page once per import (src/core/io/packed.ts codes values by identity).
   */
  listCache?: Map<string, readonly unknown[]>;
  /** Date cell (and declared precision) → what it says; a file repeats a few thousand dates. */
  dateCache?: Map<string, EventDates | string>;
  /** The file's header, kept on each event with the row's cells (`columns`); absent: nothing is kept. */
  header?: readonly string[];
  /** Indices of the columns kept: every column, but for Dateline's own layout only those it does not define. */
  kept?: readonly number[];
  /** Country cell → ISO alpha-2 code ('' when the text names no country). */
  countryCache?: Map<string, string>;
  /** Country cells that name no known country → rows, for one summary warning per text. */
  unknownCountries?: Map<string, number[]>;
}

/**
 * What a row context keeps of the header: all columns, except that Dateline's own layout keeps only the
 * columns it does not define (an export's appended ACLED columns), since the rest are the event itself.
 */
export function keptHeader(header: readonly string[], normalized: readonly string[], kind: TableKind): Pick<RowContext, 'header' | 'kept'> {
  const own = kind === 'dateline' ? new Set<string>(EVENTS_CSV_COLUMNS) : null;
  const kept = header.map((_, i) => i).filter((i) => !own?.has(normalized[i]));
  if (kept.length === 0) return {};
  return { header: Object.freeze(kept.map((i) => header[i])), kept };
}

/** The dates of an event as a date cell gives them. */
interface EventDates {
  date_start: string;
  date_end: string;
  time_precision: TimePrecision;
}

/** Distinct date cells remembered per file: enough for every day of decades, bounded for odd files. */
const DATE_CACHE_LIMIT = 50_000;

/**
 * The dates a cell gives, at the declared precision when that is coarser (ACLED writes a day for "some
 * day in April"), never finer: "2021" stays a year even if the file claims day precision.
 */
function eventDates(dateText: string, declared: TimePrecision | undefined, order: DateOrder): EventDates | string {
  const parsed = parseDate(dateText, order);
  if (typeof parsed === 'string') return `date: ${parsed}`;
  const rank = (p: TimePrecision) => TIME_PRECISIONS.indexOf(p);
  const time_precision = declared && rank(declared) > rank(parsed.precision) ? declared : parsed.precision;
  const date_start = firstDayCovered(parsed.date, time_precision);
  return { date_start, date_end: lastDayCovered(date_start, time_precision), time_precision };
}

/** The list every imported event shares (frozen, so a change in place would throw rather than spread). */
const NO_CONFLICTS = Object.freeze([]) as unknown as string[];

/** One frozen list per cell text, made once per file. */
function sharedList<T>(ctx: RowContext, key: string, make: () => T[]): T[] {
  const cache = (ctx.listCache ??= new Map());
  let list = cache.get(key) as T[] | undefined;
  if (!list) cache.set(key, (list = Object.freeze(make()) as T[]));
  return list;
}

/** A decimal number; a decimal comma (`35,6892`, as European spreadsheets write it) is accepted too. */
function parseNumber(text: string): number {
  if (DECIMAL.test(text)) return Number(text);
  return DECIMAL_COMMA.test(text) ? Number(text.replace(',', '.')) : NaN;
}

/** First sentence of a notes cell, as a title when a file has none (ACLED has only notes). */
function firstSentence(notes: string, max = 120): string {
  const sentence = /^.+?[.!?](?=\s|$)/.exec(notes)?.[0] ?? notes;
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
}

/** A cell as the user meant it: trimmed, and for Dateline's own exports with formula escaping undone. */
function cellReader(cells: readonly string[], ctx: RowContext) {
  const unescape = ctx.kind === 'dateline' || ctx.kind === 'dateline-sources';
  return (field: ImportField): string => {
    const index = ctx.mapping[field];
    if (index === undefined) return '';
    const raw = cells[index] ?? '';
    return (unescape && ESCAPED_FORMULA.test(raw) ? raw.slice(1) : raw).trim();
  };
}

function placePrecisionFromGeo(geo: number, kind: TableKind): PlacePrecision {
  // ACLED's 3 is "the region/province", Dateline's 3 is the country (types.ts).
  if (geo === 1) return 'city';
  if (geo === 2) return 'region';
  return kind === 'acled' ? 'region' : 'country';
}

function geoFromPlacePrecision(precision: PlacePrecision): 1 | 2 | 3 {
  return precision === 'country' ? 3 : precision === 'region' ? 2 : 1;
}

/** An EventSource known only by an outlet name or a link (from a `sources` cell). */
export function sourceFromCell(text: string): EventSource {
  const isUrl = /^https?:\/\//i.test(text);
  return {
    file: '',
    outlet: isUrl ? '' : text,
    url: isUrl ? text : '',
    published: '',
    title: '',
    quote: '',
    start: 0,
    end: 0,
    highlights: [],
    date: null,
    place_name: '',
  };
}

/**
 * One data row → an event, or the reason it cannot be one.
 * @param cells - the row's cells in file order
 * @param row - the spreadsheet row number, used for generated ids and warnings
 * @param ctx - mapping, table kind and file name
 * @returns the event, or a sentence saying what is wrong with the row
 */
export function rowToEvent(cells: readonly string[], row: number, ctx: RowContext): DatelineEvent | string {
  const cell = cellReader(cells, ctx);

  const latText = cell('latitude');
  const lonText = cell('longitude');
  if (!latText && !lonText) return 'empty coordinates (latitude and longitude are blank)';
  if (!latText) return 'latitude is blank';
  if (!lonText) return 'longitude is blank';
  const lat = parseNumber(latText);
  const lon = parseNumber(lonText);
  if (Number.isNaN(lat)) return `latitude "${latText}" is not a number`;
  if (Number.isNaN(lon)) return `longitude "${lonText}" is not a number`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside −90…90`;
  if (lon < -180 || lon > 180) return `longitude ${lon} is outside −180…180`;
  if (lat === 0 && lon === 0) return 'coordinates 0,0 are a placeholder for missing data, not a place';

  let date_start: string | null = null;
  let date_end: string | null = null;
  let time_precision: TimePrecision | null = null;
  const precisionText = cell('time_precision').toLowerCase();
  let declared: TimePrecision | undefined;
  if (precisionText) {
    declared = (TIME_PRECISIONS as readonly string[]).includes(precisionText)
      ? (precisionText as TimePrecision)
      : ACLED_TIME_PRECISION.get(precisionText);
    if (!declared) return `time_precision "${precisionText}" is not day, month, year or ACLED 1/2/3`;
  }
  const dateText = cell('date');
  if (dateText) {
    const cache = (ctx.dateCache ??= new Map());
    const key = `${dateText}\u0000${declared ?? ''}`;
    let dates = cache.get(key);
    if (dates === undefined) {
      dates = eventDates(dateText, declared, ctx.dateOrder);
      if (cache.size < DATE_CACHE_LIMIT) cache.set(key, dates);
    }
    if (typeof dates === 'string') return dates;
    ({ date_start, date_end, time_precision } = dates);
    const endText = cell('end_date');
    if (endText) {
      const end = parseDate(endText, ctx.dateOrder);
      if (typeof end === 'string') return `end_date: ${end}`;
      const endLast = lastDayCovered(end.date, end.precision);
      if (endLast < dates.date_start) return `end_date ${endText} is before the date ${dateText}`;
      date_end = endLast;
    }
  }

  const geoText = cell('geo_precision');
  const geoNumber = geoText ? Number(geoText) : NaN;
  if (geoText && ![1, 2, 3].includes(geoNumber)) return `geo_precision "${geoText}" is not 1, 2 or 3`;
  const placeText = cell('place_precision').toLowerCase();
  if (placeText && !(PLACE_PRECISIONS as readonly string[]).includes(placeText)) {
    return `place_precision "${placeText}" is not site, city, region or country`;
  }
  const place_precision: PlacePrecision = placeText
    ? (placeText as PlacePrecision)
    : geoText
      ? placePrecisionFromGeo(geoNumber, ctx.kind)
      : 'site'; // bare coordinates say where, exactly
  const geo_precision = geoText ? (geoNumber as 1 | 2 | 3) : geoFromPlacePrecision(place_precision);

  const typeText = cell('type');
  const subText = cell('sub_event_type');
  let type: EventType = FALLBACK_EVENT_TYPE;
  let wording = '';
  if (typeText || subText) {
    const pair = `${typeText}\u0000${subText}`;
    const cache = (ctx.typeCache ??= new Map());
    let known = cache.get(pair);
    if (!known) {
      known = { mapped: mapEventType(typeText, subText), wording: [typeText, subText].filter(Boolean).join(' / ') };
      cache.set(pair, known);
    }
    wording = known.wording;
    if (known.mapped) type = known.mapped;
    else {
      const rows = ctx.unknownTypes.get(wording) ?? [];
      rows.push(row);
      ctx.unknownTypes.set(wording, rows);
    }
  }

  const location = cell('location');
  const actorsText = cell('actors');
  const actorsKey = actorsText ? `a\u0000${actorsText}` : `p\u0000${cell('actor1')}\u0000${cell('actor2')}`;
  const actors = sharedList(ctx, actorsKey, () =>
    (actorsText ? actorsText.split(LIST_SPLIT) : [cell('actor1'), cell('actor2')]).filter(Boolean),
  );
  const sourcesText = cell('sources');
  const sources = sharedList(ctx, `s\u0000${sourcesText}`, () =>
    sourcesText ? sourcesText.split(LIST_SPLIT).filter(Boolean).map((text) => Object.freeze(sourceFromCell(text))) : [],
  );
  const notes = cell('notes');
  const label = subText || typeText || EVENT_TYPE_INFO[type].label;
  // A row without a title is named by what and where it was, as the file words it ("Peaceful protest —
  // Omdurman"; the notes stay whole, and the popup quotes them). Without a type, the notes' first
  // sentence says more than a guessed type would.
  const where = location ? `${label} — ${location}` : label;
  const title = cell('title') || (typeText || subText ? where : notes ? firstSentence(notes) : where);
  const countryText = cell('country');
  let country = '';
  if (countryText) {
    const cache = (ctx.countryCache ??= new Map());
    let code = cache.get(countryText);
    if (code === undefined) cache.set(countryText, (code = countryCode(countryText) ?? ''));
    if (code) country = code;
    else {
      const unknown = (ctx.unknownCountries ??= new Map());
      unknown.set(countryText, [...(unknown.get(countryText) ?? []), row]);
    }
  }

  const event: DatelineEvent = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id: cell('event_id') || `${ctx.fileName}:${row}`,
      type,
      title,
      date_start,
      date_end,
      time_precision,
      place_name: location,
      place_id: cell('place_id'),
      place_precision,
      geo_precision,
      country,
      lon,
      lat,
      actors,
      sources,
      conflicts: NO_CONFLICTS,
      notes,
      layer: importedLayer(ctx.fileName),
    },
  };
  // Dateline's own layout names the original wording (ACLED's "Protests / Peaceful protest") in `source_type`.
  const sourceType = cell('source_type') || wording;
  if (sourceType && sourceType !== type) event.properties.source_type = sourceType;
  if (ctx.header && ctx.kept) {
    const kept = ctx.kept.length === cells.length ? cells : ctx.kept.map((i) => cells[i] ?? '');
    event.properties.columns = { header: ctx.header, row: encodeCells(kept) };
  }
  // Dateline's `planned` column (absent from older files): "true" marks an announced event.
  if (/^(?:true|yes|1)$/i.test(cell('planned'))) event.properties.planned = true;
  // Dateline's role columns (absent from older files): targets among the actors, and commenters.
  const targetsText = cell('targets'), commentersText = cell('commenters');
  if (targetsText || commentersText) {
    const targets = targetsText.split(LIST_SPLIT).filter(Boolean);
    event.properties.roles = { acted: actors.filter((a) => !targets.includes(a)), targets, commenters: commentersText.split(LIST_SPLIT).filter(Boolean) };
  }
  return event;
}

/** "rows 2, 3, 5 and 7 more" */
function rowList(rows: readonly number[]): string {
  return rows.length > 3 ? `rows ${rows.slice(0, 3).join(', ')} and ${rows.length - 3} more` : `row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}`;
}

/** One row of Dateline's long event × source CSV, keyed by event id. */
export interface SourceRow {
  eventId: string;
  source: EventSource;
}

function sourceRow(cells: readonly string[], header: readonly string[]): SourceRow | string {
  const get = (name: string) => {
    const raw = cells[header.indexOf(name)] ?? '';
    return ESCAPED_FORMULA.test(raw) ? raw.slice(1) : raw;
  };
  const eventId = get('event_id').trim();
  if (!eventId) return 'event_id is blank';
  const start = Number(get('start'));
  const end = Number(get('end'));
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `start/end "${get('start')}"/"${get('end')}" are not whole numbers`;
  return {
    eventId,
    source: {
      file: get('file'),
      outlet: get('outlet'),
      url: get('url'),
      published: get('published'),
      title: get('title'),
      quote: get('quote'),
      start,
      end,
      highlights: [],
      date: header.includes('date') ? get('date') || null : null,
      place_name: header.includes('place_name') ? get('place_name') : '',
    },
  };
}

export interface TableReaderOptions {
  fileName: string;
  /** A mapping chosen by the user; detected from the header when absent. */
  mapping?: ColumnMapping;
  dateOrder?: DateOrder;
}

/** What a reader has produced since the last {@link CsvTableReader.take}. */
export interface TableOutput {
  events: DatelineEvent[];
  sources: SourceRow[];
  issues: Issue[];
}

/** One record as read from raw text by {@link scanRecord}. */
interface ScannedRecord {
  cells: string[];
  /** Index just past the record's line break (or the end of the text). */
  end: number;
  /** A quoted cell runs to the end of the text. */
  open: boolean;
  /** A quote inside a quoted cell neither doubles nor closes it (`"a"b"`). */
  stray: boolean;
  /** Index of the cell left open at the end of the record's first line, or -1 when the record is one line. */
  spanningCell: number;
  /** Where each cell spanning lines lies in the text: after its opening quote, at its closing quote. */
  spans: [number, number][];
}

/**
 * Reads one record from `start` as RFC 4180 and papaparse do: a quote at the start of a cell opens it,
 * `""` inside is a quote, and a quote followed by the delimiter, the line break or the end closes it.
 * Line breaks inside a quoted cell belong to the cell.
 */
function scanRecord(text: string, start: number, delimiter: string, lineBreak: string): ScannedRecord {
  const cells: string[] = [];
  const spans: [number, number][] = [];
  const firstBreak = text.indexOf(lineBreak, start);
  const firstLineEnd = firstBreak < 0 ? text.length : firstBreak;
  let spanningCell = -1;
  let open = false;
  let stray = false;
  let i = start;
  for (;;) {
    const cellStart = i;
    if (text[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          value += text.slice(from);
          i = text.length;
          open = true;
          break;
        }
        if (text[quote + 1] === '"') {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        let after = quote + 1;
        while (text[after] === ' ') after++;
        if (after >= text.length || text.startsWith(delimiter, after) || text.startsWith(lineBreak, after)) {
          value += text.slice(from, quote);
          if (quote > firstLineEnd && spanningCell < 0) spanningCell = cells.length;
          if (value.includes(lineBreak)) spans.push([cellStart + 1, quote]);
          i = after;
          break;
        }
        stray = true;
        value += text.slice(from, quote + 1);
        from = quote + 1;
      }
      if (open && firstLineEnd < text.length && spanningCell < 0) spanningCell = cells.length;
      if (open && value.includes(lineBreak)) spans.push([cellStart + 1, text.length]);
      cells.push(value);
    } else {
      const delimiterAt = text.indexOf(delimiter, i);
      const breakAt = text.indexOf(lineBreak, i);
      const cellEnd = Math.min(delimiterAt < 0 ? text.length : delimiterAt, breakAt < 0 ? text.length : breakAt);
      cells.push(text.slice(i, cellEnd));
      i = cellEnd;
    }
    if (i < text.length && text.startsWith(delimiter, i)) {
      i += delimiter.length;
      continue;
    }
    const end = i < text.length ? i + lineBreak.length : text.length;
    return { cells, end, open, stray, spanningCell, spans };
  }
}

/** Lines in `text` (a last line without a line break counts too). */
function lineCount(text: string, lineBreak: string): number {
  let count = 0;
  for (let at = text.indexOf(lineBreak); at >= 0; at = text.indexOf(lineBreak, at + lineBreak.length)) count++;
  return count + (text.length > 0 && !text.endsWith(lineBreak) ? 1 : 0);
}

/**
 * The lines of the cells spanning lines after their first: whole lines, and the last one up to the
 * closing quote (which, read on its own, may as well open a cell).
 */
function swallowedLines(text: string, record: ScannedRecord, lineBreak: string): { line: string; whole: boolean }[] {
  return record.spans.flatMap(([from, to]) => {
    const lines = text.slice(from, to + 1).split(lineBreak).slice(1);
    return lines.map((line, i) => ({ line, whole: i < lines.length - 1 }));
  });
}

/**
 * Reads a table record by record, as papaparse delivers them (all at once or in streamed chunks).
 *
 * Recovers from a quote left open: papaparse, as RFC 4180 says, folds every following line into the open
 * cell until a quote closes it. When a chunk holds a record spanning lines (or a quote error), the reader
 * reads that chunk's raw text again, line by line: a record spanning lines stays one row (notes written
 * over several lines) unless it is malformed (a stray quote, a quote never closed) or one of its lines
 * holds a whole row; then its first line is reported as an unbalanced quote and reading goes on from the
 * next line. Every line ends up in a loaded or a reported row.
 *
 * @example
 * const reader = new CsvTableReader({ fileName: 'a.csv' });
 * const parsed = Papa.parse<string[]>(text, CSV_PARSE_CONFIG);
 * reader.push({ ...parsed, raw: text });
 * const { events, issues } = reader.finish();
 */
export class CsvTableReader {
  /** Header cells as in the file, once read. */
  header: string[] | null = null;
  kind: TableKind = 'generic';
  mapping: ColumnMapping = {};
  /** Rows read so far, good or bad (not counting the header). */
  rowsRead = 0;
  eventsRead = 0;
  badRows = 0;
  private normalizedHeader: string[] = [];
  private ctx!: RowContext;
  private seenIds = new Map<string, number>();
  private out: TableOutput = { events: [], sources: [], issues: [] };
  /** Raw text of a record read line by line that may go on in the next chunk. */
  private unread = '';
  private delimiter = ',';
  private lineBreak = '\n';

  constructor(private readonly options: TableReaderOptions) {}

  private issue(row: number | undefined, message: string, severity: Issue['severity'] = 'error') {
    this.out.issues.push({ file: this.options.fileName, line: row, message: row ? `row ${row}: ${message}` : message, severity });
    if (severity === 'error' && row) this.badRows++;
  }

  private readHeader(cells: string[]) {
    this.header = cells;
    const detected = detectColumns(cells);
    this.kind = detected.kind;
    this.normalizedHeader = detected.header;
    this.mapping = this.options.mapping ?? detected.mapping;
    this.ctx = {
      fileName: this.options.fileName,
      kind: this.kind,
      mapping: this.mapping,
      dateOrder: this.options.dateOrder ?? 'auto',
      unknownTypes: new Map(),
      ...(this.kind === 'dateline-sources' ? {} : keptHeader(cells, detected.header, this.kind)),
    };
  }

  /**
   * Feeds one chunk: papaparse's records, errors, delimiter and line break, and the raw text they were
   * read from (`raw`, see {@link CsvChunk}), needed to re-read lines a quote left open folded together.
   */
  push(chunk: CsvChunk): void {
    const { data: records, errors, meta, raw } = chunk;
    if (meta.delimiter) this.delimiter = meta.delimiter;
    if (meta.linebreak) this.lineBreak = meta.linebreak;
    const lineBreak = this.lineBreak;
    // A record spans lines only if there are more lines than records (blank lines, skipped, are the other reason).
    const foldedLines = () =>
      errors.some((e) => e.type === 'Quotes') ||
      (lineCount(raw, lineBreak) > records.length && records.some((cells) => cells.some((cell) => cell.includes(lineBreak))));
    if (this.unread || (raw.includes('"') && foldedLines())) {
      this.readLines(this.unread + raw, false);
      return;
    }
    for (const cells of records) {
      if (!this.header) this.readHeader(cells);
      else this.readRow(cells, ++this.rowsRead + 1);
    }
  }

  /**
   * Reads raw text record by record (see the class comment). `final`: no text follows; otherwise a
   * quoted cell still open at the end waits for the next chunk.
   */
  private readLines(text: string, final: boolean) {
    const { delimiter, lineBreak } = this;
    let at = 0;
    while (at < text.length) {
      const record = scanRecord(text, at, delimiter, lineBreak);
      if (record.open && !final && record.spanningCell >= 0) break;
      const firstLine = text.indexOf(lineBreak, at);
      const nextLine = firstLine < 0 ? text.length : firstLine + lineBreak.length;
      if (record.cells.join('').trim() === '') {
        at = record.end; // a blank line, skipped as papaparse's skipEmptyLines 'greedy' does
        continue;
      }
      if (!this.header) {
        this.readHeader(record.cells);
        at = record.end;
        continue;
      }
      const row = ++this.rowsRead + 1;
      const spans = record.spanningCell >= 0;
      if (record.open || record.stray || (spans && this.swallowsRow(text, record))) {
        const column = spans ? this.header[record.spanningCell] || `column ${record.spanningCell + 1}` : '';
        this.issue(row, `unbalanced quote${column ? ` in ${column}` : ''}; the row is skipped`);
        at = spans ? nextLine : record.end;
        continue;
      }
      this.readRow(record.cells, row);
      at = record.end;
    }
    this.unread = text.slice(at);
  }

  /**
   * Whether a record spanning lines swallowed a row: one of the lines inside its cell, read on its own,
   * is a good row (or the start of one, for the line the cell closes on: coordinates that read; a source
   * row, all its cells). A quote left open folds the following rows into one cell this way; notes written
   * over several lines are not rows.
   */
  private swallowsRow(text: string, record: ScannedRecord): boolean {
    const columns = this.header!.length;
    const ctx: RowContext = { ...this.ctx, unknownTypes: new Map(), unknownCountries: new Map() };
    return swallowedLines(text, record, this.lineBreak).some(({ line, whole }) => {
      const cells = scanRecord(line, 0, this.delimiter, this.lineBreak).cells;
      if (this.kind === 'dateline-sources') return cells.length >= columns && typeof sourceRow(cells, this.normalizedHeader) !== 'string';
      return (!whole || cells.length >= columns) && typeof rowToEvent(cells, 0, ctx) !== 'string';
    });
  }

  private readRow(cells: readonly string[], row: number) {
    const header = this.header!;
    if (cells.length !== header.length && !(cells.length > header.length && cells.slice(header.length).every((c) => c === ''))) {
      this.issue(row, `has ${cells.length} cells, the header has ${header.length}`);
      return;
    }
    if (this.kind === 'dateline-sources') {
      const result = sourceRow(cells, this.normalizedHeader);
      if (typeof result === 'string') this.issue(row, result);
      else this.out.sources.push(result);
      return;
    }
    const result = rowToEvent(cells, row, this.ctx);
    if (typeof result === 'string') {
      this.issue(row, result);
      return;
    }
    const id = result.properties.id;
    const first = this.seenIds.get(id);
    if (first !== undefined) {
      this.issue(row, `event_id "${id}" repeats row ${first}`);
      return;
    }
    this.seenIds.set(id, row);
    this.eventsRead++;
    this.out.events.push(result);
  }

  /** Hands over what was produced since the last call (for streaming in batches). */
  take(): TableOutput {
    const out = this.out;
    this.out = { events: [], sources: [], issues: [] };
    return out;
  }

  /** Ends the table: adds summary warnings and hands over the rest. */
  finish(): TableOutput {
    if (this.unread) this.readLines(this.unread, true);
    if (!this.header) this.issue(undefined, 'the file is empty');
    else if (this.ctx) {
      for (const [wording, rows] of this.ctx.unknownTypes) {
        this.issue(undefined, `event type "${wording}" (${rowList(rows)}) is not in Dateline's taxonomy; shown as ${EVENT_TYPE_INFO[FALLBACK_EVENT_TYPE].label}`, 'warning');
      }
      this.ctx.unknownTypes.clear();
      for (const [text, rows] of this.ctx.unknownCountries ?? []) {
        this.issue(undefined, `country "${text}" (${rowList(rows)}) is no country name or ISO code Dateline knows; its country is left empty (the file's text is kept with the row)`, 'warning');
      }
      this.ctx.unknownCountries?.clear();
    }
    return this.take();
  }
}
