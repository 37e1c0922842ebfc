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
  if (isObject(p.origin) && !(isLongitude(p.origin.lon) && isLatitude(p.origin.lat))) return 'origin lon/lat out of range';
  if (p.sources !== undefined) {
    if (!Array.isArray(p.sources)) return 'sources is not a list';
    if (p.sources.some((s) => !isObject(s))) return 'a source is not an object';
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
