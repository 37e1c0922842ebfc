/**
 * The URL state of the app (format version `URL_STATE_VERSION`): what a copied link restores. Pure and
 * forgiving: a bad parameter is reported with the reason and skipped, every valid one is still applied.
 *
 * | param    | example                  | meaning                                             |
 * | -------- | ------------------------ | --------------------------------------------------- |
 * | v        | 1                        | version of this parameter set                       |
 * | map      | 5.25/33.3406/44.4009     | zoom/latitude/longitude of the view                 |
 * | from, to | 2020-01-01, 2021-12-31   | time window, ISO dates, inclusive                   |
 * | mode     | cumulative               | `window` (default) or `cumulative` time slider      |
 * | undated  | 0                        | show events with unknown date (default 1)           |
 * | layers   | meeting,strike           | visible event types (default: all)                  |
 * | q        | Shamkhani                | list text filter                                    |
 * | event    | ev-0001                  | selected event id                                   |
 * | basemap  | osm                      | online basemap instead of the offline default       |
 *
 * Parameters this module does not know (e.g. `embed`) are kept untouched by `serializeUrlState`.
 */
import { dayFromIso } from './calendar';
import { URL_STATE_VERSION } from './formats';
import { EVENT_TYPES, isEventType, type EventType } from './taxonomy';

export const BASEMAP_NAMES = ['offline', 'osm'] as const;
export type BasemapChoice = (typeof BASEMAP_NAMES)[number];
export type TimeMode = 'window' | 'cumulative';

export interface MapView {
  /** [longitude, latitude] */
  center: [number, number];
  zoom: number;
}

/** Everything the URL can carry; an absent field means "not in the URL, use the app's default". */
export interface UrlState {
  view?: MapView;
  window?: { from: string; to: string };
  mode?: TimeMode;
  undated?: boolean;
  layers?: EventType[];
  query?: string;
  event?: string;
  basemap?: BasemapChoice;
}

/** A parameter that could not be used, and why — shown to the user, never fatal. */
export interface UrlStateProblem {
  param: string;
  value: string;
  message: string;
}

/** The parameters this module owns; `serializeUrlState` rewrites these and keeps all others. */
export const URL_STATE_PARAMS = ['v', 'map', 'from', 'to', 'mode', 'undated', 'layers', 'q', 'event', 'basemap'] as const;

/**
 * A minimal `application/x-www-form-urlencoded` reader/writer (the pure core has no URLSearchParams).
 * Keeps parameter order; the first occurrence of a name wins.
 */
class QueryParams {
  private readonly entries: [string, string][] = [];

  constructor(search: string) {
    const text = search.startsWith('?') ? search.slice(1) : search;
    for (const part of text.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const name = decodeQueryPart(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : decodeQueryPart(part.slice(eq + 1));
      this.entries.push([name, value]);
    }
  }

  get(name: string): string | null {
    return this.entries.find(([n]) => n === name)?.[1] ?? null;
  }

  set(name: string, value: string): void {
    this.delete(name);
    this.entries.push([name, value]);
  }

  delete(name: string): void {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i][0] === name) this.entries.splice(i, 1);
  }

  toString(): string {
    return this.entries.map(([n, v]) => `${encodeQueryPart(n)}=${encodeQueryPart(v)}`).join('&');
  }
}

function decodeQueryPart(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // a stray '%' stays literal; the value is then validated like any other
  }
}

/** Encodes like encodeURIComponent but keeps `/` and `,` readable (map=5/33/44, layers=a,b). */
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%2F/g, '/').replace(/%2C/g, ',').replace(/%20/g, '+');
}

const EVENT_ID = /^[\w.:-]{1,200}$/;

/** True for a real calendar date written `YYYY-MM-DD` (no time part: URLs carry days). */
export function isIsoDate(value: string): boolean {
  return value.length === 10 && dayFromIso(value) !== null;
}

/**
 * Reads the app state from a query string.
 *
 * @param search - `location.search` (with or without the leading `?`)
 * @returns the valid parts of the state, and one problem per parameter that was skipped
 * @example
 * parseUrlState('?v=1&map=5/33.3/44.4&event=ev-1&layers=meeting,nope')
 * // → { state: { view: { center: [44.4, 33.3], zoom: 5 }, event: 'ev-1', layers: ['meeting'] },
 * //     problems: [{ param: 'layers', value: 'nope', message: 'unknown event type …' }] }
 */
export function parseUrlState(search: string): { state: UrlState; problems: UrlStateProblem[] } {
  const params = new QueryParams(search);
  const state: UrlState = {};
  const problems: UrlStateProblem[] = [];
  const problem = (param: string, value: string, message: string) => problems.push({ param, value, message });

  const version = params.get('v');
  if (version !== null && version !== String(URL_STATE_VERSION)) {
    if (/^\d+$/.test(version) && +version > URL_STATE_VERSION)
      problem('v', version, `link made by a newer Dateline (version ${version}); parts of it may be ignored`);
    else problem('v', version, `unknown link version; expected ${URL_STATE_VERSION}`);
  }

  const map = params.get('map');
  if (map !== null) {
    const parts = map.split('/');
    const [zoom, lat, lon] = parts.map(Number);
    if (parts.length !== 3 || parts.some((p: string) => p.trim() === '') || ![zoom, lat, lon].every(Number.isFinite))
      problem('map', map, 'expected zoom/latitude/longitude, e.g. 5/33.3/44.4');
    else if (zoom < 0 || zoom > 22) problem('map', map, 'zoom must be between 0 and 22');
    else if (lat < -85.06 || lat > 85.06) problem('map', map, 'latitude must be between -85 and 85');
    else if (lon < -180 || lon > 180) problem('map', map, 'longitude must be between -180 and 180');
    else state.view = { center: [lon, lat], zoom };
  }

  const from = params.get('from');
  const to = params.get('to');
  if (from !== null || to !== null) {
    const fromOk = from !== null && isIsoDate(from);
    const toOk = to !== null && isIsoDate(to);
    if (from !== null && !fromOk) problem('from', from, 'not a date (YYYY-MM-DD)');
    if (to !== null && !toOk) problem('to', to, 'not a date (YYYY-MM-DD)');
    if (from === null) problem('from', '', 'time window needs both from and to');
    else if (to === null) problem('to', '', 'time window needs both from and to');
    else if (fromOk && toOk) {
      if (from > to) problem('from', from, `window starts after it ends (${to})`);
      else state.window = { from, to };
    }
  }

  const mode = params.get('mode');
  if (mode !== null) {
    if (mode === 'window' || mode === 'cumulative') state.mode = mode;
    else problem('mode', mode, 'expected "window" or "cumulative"');
  }

  const undated = params.get('undated');
  if (undated !== null) {
    if (undated === '0' || undated === '1') state.undated = undated === '1';
    else problem('undated', undated, 'expected 0 or 1');
  }

  const layers = params.get('layers');
  if (layers !== null) {
    const names = layers === '' ? [] : layers.split(',');
    const valid: EventType[] = [];
    for (const name of names) {
      if (isEventType(name)) {
        if (!valid.includes(name)) valid.push(name);
      } else problem('layers', name, `unknown event type; known: ${EVENT_TYPES.join(', ')}`);
    }
    state.layers = valid;
  }

  const query = params.get('q');
  if (query !== null) {
    if (query.length > 500) problem('q', query.slice(0, 40) + '…', 'search text longer than 500 characters');
    else state.query = query;
  }

  const event = params.get('event');
  if (event !== null) {
    if (EVENT_ID.test(event)) state.event = event;
    else problem('event', event, 'not a valid event id');
  }

  const basemap = params.get('basemap');
  if (basemap !== null) {
    if ((BASEMAP_NAMES as readonly string[]).includes(basemap)) state.basemap = basemap as BasemapChoice;
    else problem('basemap', basemap, `unknown basemap; known: ${BASEMAP_NAMES.join(', ')}`);
  }

  return { state, problems };
}

/** Decimal places for coordinates at a zoom: enough to keep the view within a pixel, no more. */
function coordinateDecimals(zoom: number): number {
  return Math.max(2, Math.min(6, Math.ceil((zoom * Math.LN2 + Math.log(256 / 360)) / Math.LN10)));
}

/**
 * Writes the app state as a query string, keeping parameters owned by others (e.g. `embed`).
 *
 * @param state - the state to write; absent fields are left out of the URL
 * @param keep - the current query string whose foreign parameters are preserved
 * @returns the query string with a leading `?`, or '' when empty
 * @example
 * serializeUrlState({ view: { center: [44.4, 33.3], zoom: 5 }, event: 'ev-1' }, '?embed=1')
 * // → '?embed=1&v=1&map=5.00/33.30/44.40&event=ev-1'
 */
export function serializeUrlState(state: UrlState, keep = ''): string {
  const params = new QueryParams(keep);
  for (const name of URL_STATE_PARAMS) params.delete(name);
  params.set('v', String(URL_STATE_VERSION));
  if (state.view) {
    const { zoom, center } = state.view;
    const d = coordinateDecimals(zoom);
    params.set('map', `${zoom.toFixed(2)}/${center[1].toFixed(d)}/${center[0].toFixed(d)}`);
  }
  if (state.window) {
    params.set('from', state.window.from);
    params.set('to', state.window.to);
  }
  if (state.mode && state.mode !== 'window') params.set('mode', state.mode);
  if (state.undated === false) params.set('undated', '0');
  if (state.layers) params.set('layers', state.layers.join(','));
  if (state.query) params.set('q', state.query);
  if (state.event) params.set('event', state.event);
  if (state.basemap && state.basemap !== 'offline') params.set('basemap', state.basemap);
  const text = params.toString();
  return text ? `?${text}` : '';
}
