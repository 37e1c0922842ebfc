/**
 * The embed postMessage API, version {@link EMBED_API_VERSION} (README "Data formats" → "Embed API").
 * Pure: message shapes, validation and the host-origin list; the window wiring is in bridge.ts.
 *
 * Every message is a plain object `{ type: 'dateline', version: 1, … }`.
 *
 * Host → map (commands; accepted only from an origin listed in `?host=`):
 *   { command: 'setTimeWindow', start: 'YYYY-MM-DD', end: 'YYYY-MM-DD', mode?: 'window' | 'cumulative' }
 *   { command: 'selectEvent', id: string | null }
 *   { command: 'setLayers', types?: EventType[], layers?: string[] }   // event types and data layers shown
 *   { command: 'getState' }
 *   Any command may carry `requestId` (string or number); the map answers each command with
 *   { event: 'response', requestId, ok: true, state } or { event: 'response', requestId, ok: false, error }.
 *
 * Map → host (posted only to the origins listed in `?host=`):
 *   { event: 'ready', state }                       once the events are loaded
 *   { event: 'selectionChanged', id, title }        id null when nothing is selected
 *   { event: 'timeChanged', start, end, mode }
 *   { event: 'layersChanged', types, layers }
 * Map → any framing page (a number only; what the responsive snippet's script listens for, snippet.ts):
 *   { event: 'heightChanged', height }              the height (CSS px) the embed would like: its controls at
 *                                                   their natural height plus a map sized for the frame's
 *                                                   width (layout.ts: about 4:5, 300–540 px)
 */
import { EMBED_API_VERSION } from '../../core/formats';
import { isEventType, type EventType } from '../../core/taxonomy';
import type { WindowMode } from '../../core/timewindow';

export const EMBED_MESSAGE_TYPE = 'dateline';

/** What the host can read back: the view the embedded map shows. */
export interface EmbedState {
  window: { start: string; end: string; mode: WindowMode };
  selected: string | null;
  types: EventType[];
  layers: string[];
  eventCount: number;
}

export type EmbedCommand =
  | { command: 'setTimeWindow'; start: string; end: string; mode?: WindowMode; requestId?: string | number }
  | { command: 'selectEvent'; id: string | null; requestId?: string | number }
  | { command: 'setLayers'; types?: EventType[]; layers?: string[]; requestId?: string | number }
  | { command: 'getState'; requestId?: string | number };

export type EmbedNotice =
  | { event: 'ready'; state: EmbedState }
  | { event: 'selectionChanged'; id: string | null; title: string | null }
  | { event: 'timeChanged'; start: string; end: string; mode: WindowMode }
  | { event: 'layersChanged'; types: EventType[]; layers: string[] }
  | { event: 'heightChanged'; height: number }
  | { event: 'response'; requestId: string | number | null; ok: true; state: EmbedState }
  | { event: 'response'; requestId: string | number | null; ok: false; error: string };

export type Envelope<T> = T & { type: typeof EMBED_MESSAGE_TYPE; version: number };

/** Wraps a notice in the envelope every message carries. */
export function envelope<T extends object>(message: T): Envelope<T> {
  return { type: EMBED_MESSAGE_TYPE, version: EMBED_API_VERSION, ...message };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The result of reading a message: a command, a reason to refuse it, or `null` when it is not ours. */
export type ParsedMessage = { ok: true; command: EmbedCommand } | { ok: false; error: string; requestId: string | number | null } | null;

/**
 * Reads an incoming message. Messages without `type: 'dateline'` are someone else's and give null.
 * @example parseCommand({ type: 'dateline', version: 1, command: 'selectEvent', id: 'ev-1' })
 */
export function parseCommand(data: unknown): ParsedMessage {
  if (!data || typeof data !== 'object' || (data as { type?: unknown }).type !== EMBED_MESSAGE_TYPE) return null;
  const m = data as Record<string, unknown>;
  if ('event' in m && !('command' in m)) return null; // our own notices echoed back
  const rawId = m.requestId;
  const requestId = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  const fail = (error: string): ParsedMessage => ({ ok: false, error, requestId });
  if (m.version !== EMBED_API_VERSION) {
    if (m.version === undefined) return fail(`version is missing; this map speaks version ${EMBED_API_VERSION}`);
    if (typeof m.version !== 'number') return fail(`version must be the number ${EMBED_API_VERSION}, not ${describeType(m.version)}`);
    return fail(`unsupported version ${String(m.version)}; this map speaks version ${EMBED_API_VERSION}`);
  }
  const withId = <T extends EmbedCommand>(c: T): ParsedMessage => ({ ok: true, command: requestId === null ? c : { ...c, requestId } });
  switch (m.command) {
    case 'setTimeWindow': {
      if (typeof m.start !== 'string' || !ISO_DAY.test(m.start)) return fail('start must be a YYYY-MM-DD date');
      if (typeof m.end !== 'string' || !ISO_DAY.test(m.end)) return fail('end must be a YYYY-MM-DD date');
      if (m.end < m.start) return fail('end is before start');
      if (m.mode !== undefined && m.mode !== 'window' && m.mode !== 'cumulative') return fail('mode must be "window" or "cumulative"');
      return withId({ command: 'setTimeWindow', start: m.start, end: m.end, ...(m.mode ? { mode: m.mode as WindowMode } : {}) });
    }
    case 'selectEvent':
      if (m.id !== null && typeof m.id !== 'string') return fail('id must be a string or null');
      return withId({ command: 'selectEvent', id: m.id as string | null });
    case 'setLayers': {
      const out: { command: 'setLayers'; types?: EventType[]; layers?: string[] } = { command: 'setLayers' };
      if (m.types !== undefined) {
        if (!Array.isArray(m.types) || !m.types.every((t) => typeof t === 'string' && isEventType(t))) {
          return fail('types must be a list of event types');
        }
        out.types = m.types as EventType[];
      }
      if (m.layers !== undefined) {
        if (!Array.isArray(m.layers) || !m.layers.every((l) => typeof l === 'string')) return fail('layers must be a list of layer names');
        out.layers = m.layers as string[];
      }
      if (!out.types && !out.layers) return fail('setLayers needs types or layers');
      return withId(out);
    }
    case 'getState':
      return withId({ command: 'getState' });
    default:
      return fail(`unknown command ${JSON.stringify(m.command)}`);
  }
}

/** What a value of the wrong type is, for messages: `the string "1"`, `a boolean`, `null`, `a list`. */
function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A DNS label as URL parsing leaves it (lower case, IDNA as punycode): letters, digits, inner hyphens. */
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** True when a parsed URL's host is a domain name, an IPv4 address or a bracketed IPv6 address. */
function isOriginHost(url: URL): boolean {
  const host = url.hostname;
  if (/^\[[0-9a-f:.]+\]$/.test(host)) return true;
  return host.split('.').every((label) => DNS_LABEL.test(label));
}

/**
 * Reads the `host` URL parameter: a comma- or space-separated list of http(s) origins allowed to send
 * commands and receive notices. Paths are not allowed (an origin is scheme://host:port); `*` and `null`
 * are refused, because they would let any page drive the map.
 * @example parseHostOrigins('https://course.example, http://localhost:8000') // { origins: [...], problems: [] }
 */
export function parseHostOrigins(param: string | null): { origins: string[]; problems: string[] } {
  const origins: string[] = [];
  const problems: string[] = [];
  for (const item of (param ?? '').split(/[\s,]+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      problems.push(`host "${item}" is not an origin such as https://course.example`);
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      problems.push(`host "${item}" must use http or https`);
      continue;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
      problems.push(`host "${item}" must be an origin only (no path, query or credentials)`);
      continue;
    }
    // URL parsing is lenient where an origin must be exact: it keeps `"` in a host name
    // (`https://course.example"`), decodes `%22`, and reads `\` as `/`.
    if (/^https?:/i.test(item) && (!/^https?:\/\/[^/?#\\]+\/?$/i.test(item) || !isOriginHost(url))) {
      problems.push(`host "${item}" is not an origin such as https://course.example`);
      continue;
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return { origins, problems };
}
