/**
 * The `EventProperties` contract (types.ts), checked in one place: the app loading data/events.geojson
 * and the import of a Dateline GeoJSON apply the same rules, so a file one accepts the other does too.
 */
import { dayFromIso } from './calendar';
import { isEventType } from './taxonomy';

const TIME_PRECISIONS = ['day', 'month', 'year'];
const PLACE_PRECISIONS = ['site', 'city', 'region', 'country'];

/**
 * What is wrong with an event's properties, or null when they keep the contract.
 * @param p the properties of a feature (anything)
 * @param options `lonLat: 'required'` for events files; an import may take the point from the geometry
 * @returns one sentence naming the field and the value, e.g. `date_start "2021-13-01" is not a date`
 * @example eventPropertiesProblem({ id: 'a', type: 'parade' }) // 'unknown event type "parade"'
 */
export function eventPropertiesProblem(p: Record<string, unknown>, options: { lonLat: 'required' | 'optional' } = { lonLat: 'required' }): string | null {
  if (typeof p.id !== 'string' || p.id === '') return 'no id';
  if (typeof p.type !== 'string' || !isEventType(p.type)) return `unknown event type "${String(p.type)}"`;
  if (typeof p.title !== 'string') return 'no title';
  for (const key of ['date_start', 'date_end'] as const) {
    const value = p[key];
    if (value != null && !(typeof value === 'string' && value.length === 10 && dayFromIso(value) !== null)) return `${key} "${String(value)}" is not a date (YYYY-MM-DD)`;
  }
  if (p.time_precision != null && !TIME_PRECISIONS.includes(String(p.time_precision))) {
    return `time_precision "${String(p.time_precision)}" is not day, month or year`;
  }
  if (!PLACE_PRECISIONS.includes(String(p.place_precision))) {
    return `place_precision "${String(p.place_precision)}" is not site, city, region or country`;
  }
  const hasLonLat = p.lon !== undefined || p.lat !== undefined;
  if ((options.lonLat === 'required' || hasLonLat) && !(isLongitude(p.lon) && isLatitude(p.lat))) return 'lon/lat missing or out of range';
  if (typeof p.date_start === 'string' && typeof p.date_end === 'string' && p.date_end < p.date_start) {
    return `date_end ${p.date_end} is before date_start ${p.date_start}`;
  }
  if (p.geo_precision !== undefined && p.geo_precision !== 1 && p.geo_precision !== 2 && p.geo_precision !== 3) {
    return `geo_precision "${String(p.geo_precision)}" is not 1, 2 or 3`;
  }
  // Optional members (older files lack some) must have their documented type when present: an object
  // where text belongs would reach the popup, the list and CSV exports as "[object Object]".
  const problem = textProblem(p, ['place_name', 'place_id', 'country', 'notes', 'layer', 'source_type']) ?? textListProblem(p, ['actors', 'conflicts']);
  if (problem) return problem;
  if (p.origin != null) {
    if (!isObject(p.origin)) return 'origin is not an object';
    if (!(isLongitude(p.origin.lon) && isLatitude(p.origin.lat))) return 'origin lon/lat out of range';
    const originProblem = textProblem(p.origin, ['name', 'place_id']);
    if (originProblem) return `origin: ${originProblem}`;
  }
  if (p.planned !== undefined && typeof p.planned !== 'boolean') return 'planned is not true or false';
  if (p.roles !== undefined) {
    if (!isObject(p.roles)) return 'roles is not an object';
    const rolesProblem = textListProblem(p.roles, ['acted', 'targets', 'commenters']);
    if (rolesProblem) return `roles: ${rolesProblem}`;
  }
  if (p.sources !== undefined) {
    if (!Array.isArray(p.sources)) return 'sources is not a list';
    if (p.sources.some((s) => !isObject(s))) return 'a source is not an object';
    for (const [i, source] of (p.sources as Record<string, unknown>[]).entries()) {
      const sourceProblem = sourceProblemOf(source);
      if (sourceProblem) return `sources[${i + 1}]: ${sourceProblem}`;
    }
  }
  return null;
}

/** The first of `keys` present in `o` that is not a string. */
function textProblem(o: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) if (o[key] !== undefined && typeof o[key] !== 'string') return `${key} is not text`;
  return null;
}

/** The first of `keys` present in `o` that is not a list of strings (items numbered from 1). */
function textListProblem(o: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = o[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) return `${key} is not a list`;
    const bad = value.findIndex((item) => typeof item !== 'string');
    if (bad >= 0) return `${key}[${bad + 1}] is not text`;
  }
  return null;
}

const HIGHLIGHT_KINDS = ['place', 'date'];

/** What is wrong with one source object (fields are optional; present ones must have their type). */
function sourceProblemOf(s: Record<string, unknown>): string | null {
  const problem = textProblem(s, ['file', 'outlet', 'url', 'published', 'title', 'quote', 'place_name']);
  if (problem) return problem;
  for (const key of ['start', 'end']) if (s[key] !== undefined && !Number.isInteger(s[key])) return `${key} is not a whole number`;
  if (s.date != null && !(typeof s.date === 'string' && dayFromIso(s.date) !== null)) return `date "${String(s.date)}" is not a date (YYYY-MM-DD)`;
  if (s.date_precision != null && !TIME_PRECISIONS.includes(String(s.date_precision))) {
    return `date_precision "${String(s.date_precision)}" is not day, month or year`;
  }
  if (s.highlights !== undefined) {
    if (!Array.isArray(s.highlights)) return 'highlights is not a list';
    const bad = s.highlights.findIndex(
      (h) => !isObject(h) || !Number.isInteger(h.start) || !Number.isInteger(h.end) || (h.end as number) < (h.start as number) || !HIGHLIGHT_KINDS.includes(String(h.kind)),
    );
    if (bad >= 0) return `highlights[${bad + 1}] is not a span { start, end, kind: "place" | "date" }`;
  }
  return null;
}

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLongitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -180 && value <= 180;
}

function isLatitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -90 && value <= 90;
}
