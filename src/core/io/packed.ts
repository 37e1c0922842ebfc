/**
 * Imported events in transit from the import worker to the page, as columns.
 *
 * A structured clone of event objects costs the page ~27 heap objects per event: every event gets its
 * own copies of 'Feature', 'Point', its dates, place and type strings, of its actor and source lists,
 * and its properties land in out-of-object storage. With a million events that heap makes every major
 * garbage collection a task of several hundred milliseconds. Packed, an event crosses as its unique
 * strings (id, title, notes) plus numbers: codes into a table of the values the import repeats (each
 * sent once per import, not once per message), coordinates and precision in typed arrays. The page
 * then builds plain objects of one shape that share those values — about 9 heap objects per event.
 *
 * Events that do not fit the columns (another geometry than their own point, properties beyond the
 * `EventProperties` fields, as a GeoJSON import may carry) travel whole, so nothing is lost.
 */
import type { DatelineEvent, EventProperties } from '../types';

/** Properties sent as codes into the import's value table, in this order per event. */
const CODED = [
  'type', 'date_start', 'date_end', 'time_precision', 'place_name', 'place_id', 'place_precision',
  'country', 'actors', 'sources', 'conflicts', 'layer', 'source_type',
] as const satisfies readonly (keyof EventProperties)[];

/**
 * Key order of an event that fits the columns: the order `rowToEvent` (rows.ts) writes and the page
 * rebuilds, so an exported GeoJSON reads the same whichever way its events travelled.
 */
const PACKED_KEYS = [
  'id', 'type', 'title', 'date_start', 'date_end', 'time_precision', 'place_name', 'place_id',
  'place_precision', 'geo_precision', 'country', 'lon', 'lat', 'actors', 'sources', 'conflicts', 'notes',
  'layer',
] as const satisfies readonly (keyof EventProperties)[];

/** Values remembered by a packer (each distinct date, place, list…); past it, values are sent again. */
const PACKER_MEMO_LIMIT = 200_000;

/** One message's events as columns (see the module comment). Typed arrays can be transferred. */
export interface PackedEvents {
  count: number;
  /** Values first used by this message, appended in order to the import's value table. */
  newValues: unknown[];
  ids: string[];
  titles: string[];
  /** `null` where the notes are the title (ACLED's one-sentence notes), so the text crosses once. */
  notes: (string | null)[];
  /** `CODED.length` codes per event into the value table. */
  codes: Uint32Array;
  /** Longitude and latitude per event. */
  lonLat: Float64Array;
  geoPrecision: Uint8Array;
  /** The row's own columns (`EventProperties.columns`): its header's code + 1 (0: none) and its cells. */
  columnHeaders: Uint32Array;
  columnRows: (string | null)[];
  /** Events that do not fit the columns, whole: [index in the message, event]. */
  whole: [number, DatelineEvent][];
}

/**
 * The worker's side: packs batches of one import. Keep one packer per import; its value table
 * continues from batch to batch, as does the page's {@link EventUnpacker}.
 * @example const packer = new EventPacker(); postMessage(packer.pack(events));
 */
export class EventPacker {
  readonly #memo = new Map<unknown, number>();
  #tableSize = 0;

  pack(events: readonly DatelineEvent[]): PackedEvents {
    const count = events.length;
    const out: PackedEvents = {
      count,
      newValues: [],
      ids: new Array<string>(count).fill(''),
      titles: new Array<string>(count).fill(''),
      notes: new Array<string | null>(count).fill(null),
      codes: new Uint32Array(count * CODED.length),
      lonLat: new Float64Array(count * 2),
      geoPrecision: new Uint8Array(count),
      columnHeaders: new Uint32Array(count),
      columnRows: new Array<string | null>(count).fill(null),
      whole: [],
    };
    for (let i = 0; i < count; i++) {
      const event = events[i];
      if (!fitsColumns(event)) {
        out.whole.push([i, event]);
        continue;
      }
      const p = event.properties;
      out.ids[i] = p.id;
      out.titles[i] = p.title;
      out.notes[i] = p.notes === p.title ? null : p.notes;
      out.lonLat[2 * i] = p.lon;
      out.lonLat[2 * i + 1] = p.lat;
      out.geoPrecision[i] = p.geo_precision;
      const at = i * CODED.length;
      for (let f = 0; f < CODED.length; f++) out.codes[at + f] = this.#code(p[CODED[f]], out.newValues);
      if (p.columns) {
        out.columnHeaders[i] = this.#code(p.columns.header, out.newValues) + 1;
        out.columnRows[i] = p.columns.row;
      }
    }
    return out;
  }

  #code(value: unknown, newValues: unknown[]): number {
    const known = this.#memo.get(value);
    if (known !== undefined) return known;
    const code = this.#tableSize++;
    newValues.push(value);
    if (this.#memo.size < PACKER_MEMO_LIMIT) this.#memo.set(value, code);
    return code;
  }
}

/** The typed arrays of a packed message, for `postMessage`'s transfer list (moved, not copied). */
export function packedTransferables(packed: PackedEvents): ArrayBuffer[] {
  return [packed.codes.buffer, packed.lonLat.buffer, packed.geoPrecision.buffer, packed.columnHeaders.buffer] as ArrayBuffer[];
}

/**
 * The page's side: rebuilds the events of one import from its packed messages, in order.
 * @example const unpacker = new EventUnpacker(); worker.onmessage = (m) => show(unpacker.unpack(m.data));
 */
export class EventUnpacker {
  readonly #values: unknown[] = [];

  unpack(packed: PackedEvents): DatelineEvent[] {
    const values = this.#values;
    for (const value of packed.newValues) {
      // Shared by many events from now on: freeze lists (and the sources in them) so none is edited
      // through one event behind the others' backs.
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object') Object.freeze(item);
        Object.freeze(value);
      }
      values.push(value);
    }
    const { ids, titles, notes, codes, lonLat, geoPrecision, columnHeaders, columnRows } = packed;
    const events = new Array<DatelineEvent>(packed.count);
    for (const [i, event] of packed.whole) events[i] = event;
    for (let i = 0; i < packed.count; i++) {
      if (events[i]) continue;
      const c = i * CODED.length;
      const lon = lonLat[2 * i];
      const lat = lonLat[2 * i + 1];
      const title = titles[i];
      // One literal, in PACKED_KEYS order: every event gets the same hidden class with its fields inline.
      const properties = {
        id: ids[i],
        type: values[codes[c]],
        title,
        date_start: values[codes[c + 1]],
        date_end: values[codes[c + 2]],
        time_precision: values[codes[c + 3]],
        place_name: values[codes[c + 4]],
        place_id: values[codes[c + 5]],
        place_precision: values[codes[c + 6]],
        geo_precision: geoPrecision[i],
        country: values[codes[c + 7]],
        lon,
        lat,
        actors: values[codes[c + 8]],
        sources: values[codes[c + 9]],
        conflicts: values[codes[c + 10]],
        notes: notes[i] ?? title,
        layer: values[codes[c + 11]],
      } as EventProperties;
      const sourceType = values[codes[c + 12]];
      if (sourceType !== undefined) properties.source_type = sourceType as string;
      if (columnHeaders[i]) properties.columns = { header: values[columnHeaders[i] - 1] as string[], row: columnRows[i]! };
      events[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
    }
    return events;
  }
}

/** Whether the columns carry this event exactly: its own point as geometry and no other properties. */
function fitsColumns(event: DatelineEvent): boolean {
  const { geometry, properties: p } = event;
  if (geometry?.type !== 'Point' || geometry.coordinates.length !== 2) return false;
  if (geometry.coordinates[0] !== p.lon || geometry.coordinates[1] !== p.lat) return false;
  if (p.geo_precision !== 1 && p.geo_precision !== 2 && p.geo_precision !== 3) return false;
  if (typeof p.id !== 'string' || typeof p.title !== 'string' || typeof p.notes !== 'string') return false;
  let k = 0;
  let optional = 0; // source_type, then columns, each at most once and in that order
  for (const key in p) {
    if (k < PACKED_KEYS.length) {
      if (key !== PACKED_KEYS[k]) return false;
    } else if (key === 'source_type' && optional === 0 && p.source_type !== undefined) optional = 1;
    else if (key === 'columns' && optional < 2 && isColumns(p.columns)) optional = 2;
    else return false;
    k++;
  }
  return k >= PACKED_KEYS.length;
}

function isColumns(value: unknown): boolean {
  const c = value as EventProperties['columns'];
  return !!c && Array.isArray(c.header) && typeof c.row === 'string' && Object.keys(c).length === 2;
}
