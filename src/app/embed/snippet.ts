/**
 * The iframe snippet a course page pastes: the embed's address and the HTML around it. Pure string
 * building (no DOM), unit-tested in tests/unit/embed-snippet.test.ts.
 *
 * The responsive snippet works like Datawrapper's responsive embed: the iframe fills the page's width,
 * and a few lines of script on the HOST page set its height to what the map asks for in its
 * `heightChanged` message (protocol.ts). The script runs on the course page, not in the app, so the
 * app's strict Content-Security-Policy does not apply to it; the map is not loaded into the host page.
 */
import { EMBED_MESSAGE_TYPE } from './protocol';
import { permalink } from '../io/share';

/** Controls an embed can show besides the map (popups and attribution are always there). */
export const EMBED_CONTROLS = ['slider', 'legend', 'list'] as const;
export type EmbedControl = (typeof EMBED_CONTROLS)[number];

export const EMBED_SIZES = {
  small: { width: 480, height: 360 },
  medium: { width: 800, height: 500 },
  large: { width: 1024, height: 640 },
} as const;

/** The tallest height the host script gives the iframe, whatever the map asks (a runaway guard). */
export const MAX_EMBED_HEIGHT = 2000;

export interface EmbedOptions {
  width: number;
  height: number;
  /**
   * Fill the container's width; the height starts at `height` and then follows the map's
   * `heightChanged` messages (the snippet's script). Otherwise a fixed `width` × `height`.
   */
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
 * The host page's listener: sizes every iframe whose window sends a Dateline `heightChanged` from the
 * map's origin. It finds the iframe by its window (not by id), so the snippet can be pasted more than
 * once on a page; each copy adds a listener that does the same harmless thing.
 */
function heightListener(origin: string): string {
  return (
    `<script>\n` +
    `addEventListener('message', function (e) {\n` +
    `  var d = e.data;\n` +
    `  if (e.origin !== ${JSON.stringify(origin)} || !d || d.type !== '${EMBED_MESSAGE_TYPE}' || d.event !== 'heightChanged') return;\n` +
    `  var h = Math.min(Number(d.height), ${MAX_EMBED_HEIGHT});\n` +
    `  if (!(h > 0)) return;\n` +
    `  document.querySelectorAll('iframe').forEach(function (f) { if (f.contentWindow === e.source) f.style.height = h + 'px'; });\n` +
    `});\n` +
    `</script>`
  );
}

/**
 * The HTML to paste into a course page. Sandboxed: scripts and same-origin (the map needs both) and
 * popups (for "Open full map" and source links), nothing else.
 * @example embedSnippet('https://maps.example/?from=2020-01-01', { width: 800, height: 500, responsive: true, controls: ['slider'], hosts: [], title: 'Map' })
 * // '<iframe src="https://maps.example/?from=2020-01-01&amp;embed=1&amp;controls=slider" … style="display:block;width:100%;height:500px;border:0"></iframe>\n<script>…</script>'
 */
export function embedSnippet(href: string, options: EmbedOptions): string {
  const src = embedUrl(href, options);
  const common = `src="${attr(src)}" title="${attr(options.title)}" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-popups"`;
  if (!options.responsive) {
    return `<iframe ${common} width="${options.width}" height="${options.height}" style="border:0;max-width:100%"></iframe>`;
  }
  return (
    `<iframe ${common} style="display:block;width:100%;height:${options.height}px;border:0"></iframe>\n` +
    heightListener(new URL(src).origin)
  );
}
