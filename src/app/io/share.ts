/**
 * Words and links for sharing a view: the permalink, a citation, and the iframe snippet. Pure string
 * building (no DOM), unit-tested in tests/unit/io-share.test.ts.
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

/** Controls an embed can show besides the map (popups and attribution are always there). */
export const EMBED_CONTROLS = ['slider', 'legend', 'list'] as const;
export type EmbedControl = (typeof EMBED_CONTROLS)[number];

export const EMBED_SIZES = {
  small: { width: 480, height: 360 },
  medium: { width: 800, height: 500 },
  large: { width: 1024, height: 640 },
} as const;

export interface EmbedOptions {
  width: number;
  height: number;
  /** Fill the container's width and keep the aspect ratio instead of a fixed size. */
  responsive: boolean;
  controls: readonly EmbedControl[];
  /** Origins of the pages allowed to drive the map through the postMessage API. */
  hosts: readonly string[];
  title: string;
}

/** The iframe's address: the view's link with the embed parameters. */
export function embedUrl(href: string, options: Pick<EmbedOptions, 'controls' | 'hosts'>): string {
  const url = new URL(permalink(href));
  url.searchParams.set('embed', '1');
  url.searchParams.set('controls', options.controls.join(','));
  if (options.hosts.length) url.searchParams.set('host', options.hosts.join(','));
  return url.toString();
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The HTML to paste into a course page. Sandboxed: scripts and same-origin (the map needs both) and
 * popups (for "Open full map" and source links), nothing else.
 */
export function embedSnippet(href: string, options: EmbedOptions): string {
  const src = attr(embedUrl(href, options));
  const common = `src="${src}" title="${attr(options.title)}" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-popups"`;
  if (!options.responsive) {
    return `<iframe ${common} width="${options.width}" height="${options.height}" style="border:0;max-width:100%"></iframe>`;
  }
  const ratio = `${options.width} / ${options.height}`;
  return (
    `<div style="position:relative;width:100%;aspect-ratio:${ratio}">\n` +
    `  <iframe ${common} style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe>\n` +
    `</div>`
  );
}
