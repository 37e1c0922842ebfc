/**
 * Words and links for sharing a view: the permalink and a citation (the iframe snippet is
 * src/app/embed/snippet.ts). Pure string building (no DOM), unit-tested in tests/unit/io-share.test.ts.
 */
import type { ShownCriteria } from '../../core/eventfilter';
import { EVENT_TYPES, EVENT_TYPE_INFO, type EventType } from '../../core/taxonomy';
import { isoFromDay } from '../../core/timewindow';

/** URL parameters that belong to an embed, not to the view itself. */
const EMBED_PARAMS = ['embed', 'host', 'controls'] as const;

/** The link to the full app for the view in `href` (embed parameters removed). */
export function permalink(href: string): string {
  const url = new URL(href);
  for (const name of EMBED_PARAMS) url.searchParams.delete(name);
  return url.toString();
}

export interface ViewDescription {
  start: string;
  end: string;
  types: readonly EventType[];
  text: string;
}

/**
 * A title naming what the view shows.
 * @example viewTitle({ start: '2020-01-01', end: '2021-12-31', types: ['meeting'], text: '' })
 * // 'Dateline: Meeting events, 2020-01-01 to 2021-12-31'
 */
export function viewTitle(view: ViewDescription): string {
  const all = EVENT_TYPES.every((t) => view.types.includes(t));
  const kinds = all || view.types.length === 0 ? 'events' : `${view.types.map((t) => EVENT_TYPE_INFO[t].label).join(', ')} events`;
  const query = view.text.trim() ? ` matching “${view.text.trim()}”` : '';
  return `Dateline: ${kinds[0].toUpperCase()}${kinds.slice(1)}${query}, ${view.start} to ${view.end}`;
}

/** The title of the view that `criteria` (from `shownCriteria(filters, timeline)`) selects. */
export function criteriaTitle(criteria: ShownCriteria): string {
  return viewTitle({ start: isoFromDay(criteria.start), end: isoFromDay(criteria.end), types: criteria.types, text: criteria.text });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "26 November 2026" (UTC), the way citation styles write an access date. */
function accessDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * "Cite this view": title, URL and access date, in the shape most style guides accept for web pages.
 * @example citation('Dateline: Events, 2020-01-01 to 2021-12-31', 'https://x.example/?from=…', new Date())
 * // 'Dateline: Events, 2020-01-01 to 2021-12-31. Dateline event map. https://x.example/?from=… (accessed 26 November 2026).'
 */
export function citation(title: string, url: string, accessed: Date): string {
  return `${title}. Dateline event map. ${url} (accessed ${accessDate(accessed)}).`;
}
