/**
 * The words and pieces of an event popup, kept out of the component so they can be tested: quote
 * segments for highlighting, safe links, precision words, and disagreements between sources.
 */
import type { EventProperties, EventRoles, EventSource, Highlight, PlacePrecision } from '../../core/types';
import { dayFromIso, formatDay, formatEventDate } from '../../core/timewindow';
import { EVENT_TYPE_INFO } from '../../core/taxonomy';
import { keptColumns, keptValue } from '../../core/io/kept-columns';

export interface QuoteSegment {
  text: string;
  /** Set for highlighted words (a place or a date mention). */
  kind?: Highlight['kind'];
}

/**
 * Splits a quote into plain and highlighted runs. Offsets outside the quote are clamped, overlapping
 * highlights are merged into the first, so the text is always reproduced exactly once.
 * @example quoteSegments('held in Tehran on Monday', [{ start: 8, end: 14, kind: 'place' }])
 * // [{ text: 'held in ' }, { text: 'Tehran', kind: 'place' }, { text: ' on Monday' }]
 */
export function quoteSegments(quote: string, highlights: readonly Highlight[]): QuoteSegment[] {
  const sorted = [...highlights]
    .map((h) => ({ ...h, start: clamp(h.start, 0, quote.length), end: clamp(h.end, 0, quote.length) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: QuoteSegment[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue; // overlaps one already marked
    if (h.start > at) segments.push({ text: quote.slice(at, h.start) });
    segments.push({ text: quote.slice(h.start, h.end), kind: h.kind });
    at = h.end;
  }
  if (at < quote.length) segments.push({ text: quote.slice(at) });
  return segments;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(n) ? n : min));
}

/**
 * The link target for a source URL, only for http(s); anything else (javascript:, data:, relative
 * paths, garbage) gives null and the popup shows no link.
 * @example safeHttpUrl('javascript:alert(1)') // null
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** How a place precision reads in a popup. */
export const PLACE_PRECISION_WORDS: Record<PlacePrecision, string> = {
  site: 'exact site',
  city: 'city',
  region: 'region (approximate)',
  country: 'whole country (approximate)',
};

/**
 * The event's date with its precision, e.g. "12 April 2021 (day precision)" or "2014 (year precision)";
 * an announced event reads "Planned: 12 April 2021 (day precision)".
 * @param p the event's date properties and its `planned` flag
 * @returns the text shown under "Date" in the popup
 * @example eventDateText({ date_start: '2023-03-15', date_end: '2023-03-15', time_precision: 'day', planned: true }) // 'Planned: 15 March 2023 (day precision)'
 */
export function eventDateText(p: Pick<EventProperties, 'date_start' | 'date_end' | 'time_precision' | 'planned'>): string {
  const date = formatEventDate(p);
  const text = p.time_precision ? `${date} (${p.time_precision} precision)` : date;
  if (!p.planned) return text;
  return p.date_start ? `Planned: ${text}` : 'Planned, date unknown';
}

/**
 * A source's publication date as written in the manifest, made readable: "12 April 2021, 14:36".
 * @returns 'date unknown' when the manifest has none
 */
export function publishedText(published: string): string {
  if (!published) return 'date unknown';
  const day = dayFromIso(published);
  if (day === null) return published;
  const time = /T(\d{2}:\d{2})/.exec(published)?.[1];
  return time ? `${formatDay(day)}, ${time}` : formatDay(day);
}

/**
 * Where merged sources disagree: the pipeline's own notes, else the differences visible in the
 * sources' own date and place.
 * @example disagreements({ conflicts: [], sources: [{ date: '2021-04-12', … }, { date: '2021-04-13', … }] })
 * // ['Sources give different dates: 12 April 2021, 13 April 2021']
 */
export function disagreements(p: Pick<EventProperties, 'conflicts' | 'sources'>): string[] {
  if (p.conflicts.length) return p.conflicts;
  const found: string[] = [];
  const dates = distinct(p.sources.map((s: EventSource) => s.date).filter((d): d is string => !!d));
  if (dates.length > 1) {
    found.push(`Sources give different dates: ${dates.map((d) => (dayFromIso(d) === null ? d : formatDay(dayFromIso(d)!))).join(', ')}`);
  }
  const places = distinct(p.sources.map((s) => s.place_name).filter(Boolean));
  if (places.length > 1) found.push(`Sources name different places: ${places.join(', ')}`);
  return found;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/**
 * How many sources report an event, for the list and the popup. Imported rows may name none.
 * @example sourceCountText(0) // 'no source given'
 */
export function sourceCountText(count: number): string {
  if (count === 0) return 'no source given';
  return `${count} ${count === 1 ? 'source' : 'sources'}`;
}

/** One line of the popup's "who" facts: a role and the names in it. */
export interface RoleLine {
  label: string;
  names: string;
}

const ROLE_LABELS: ReadonlyArray<[keyof EventRoles, string]> = [
  ['acted', 'Who acted'],
  ['targets', 'Targeted'],
  ['commenters', 'Commented'],
];

/**
 * Who did what in an event, for the popup: those who acted, those targeted, those who only commented.
 * Files written before roles existed (or imported ones) have only `actors`: they read as one "Involved" line.
 * @param p the event's actors and roles
 * @returns the lines with at least one name, in that order
 * @example roleLines({ actors: ['A', 'B'], roles: { acted: ['A'], targets: ['B'], commenters: ['C'] } })
 * // [{ label: 'Who acted', names: 'A' }, { label: 'Targeted', names: 'B' }, { label: 'Commented', names: 'C' }]
 */
export function roleLines(p: Pick<EventProperties, 'actors' | 'roles'>): RoleLine[] {
  if (!p.roles) return p.actors.length ? [{ label: 'Involved', names: p.actors.join(', ') }] : [];
  const roles = p.roles;
  return ROLE_LABELS.filter(([key]) => roles[key]?.length).map(([key, label]) => ({ label, names: roles[key].join(', ') }));
}

/**
 * The event's type as its file words it (ACLED's "Protests / Peaceful protest"), else the taxonomy's label.
 * @example typeLabel({ type: 'statement', source_type: 'Protests / Peaceful protest' }) // 'Protests / Peaceful protest'
 */
export function typeLabel(p: Pick<EventProperties, 'type' | 'source_type'>): string {
  return p.source_type || EVENT_TYPE_INFO[p.type].label;
}

/**
 * The place line: an imported row's `location, admin1, country` (ACLED's columns) when it has them,
 * else the place name.
 * @example placeText(acledRow) // 'Omdurman, Khartoum, Sudan'
 */
export function placeText(p: Pick<EventProperties, 'place_name' | 'columns'>): string {
  if (!p.columns) return p.place_name;
  const parts = [p.place_name || keptValue(p, 'location'), keptValue(p, 'admin1'), keptValue(p, 'country')].map((s) => s.trim()).filter(Boolean);
  return [...new Set(parts)].join(', ');
}

/** An imported row's report: its outlets together and its notes as the quote. */
export interface RowReport {
  outlets: string;
  quote: string;
}

/**
 * For rows that name outlets but quote nothing (ACLED's `source` and `notes`): one report listing the
 * outlets with the notes as its quote, instead of one empty section per outlet. Null for the pipeline's
 * sources, which quote their articles.
 * @example rowReport({ sources: [{ outlet: 'Radio Dabanga', quote: '', file: '' }], notes: 'Clashes near…' })
 * // { outlets: 'Radio Dabanga', quote: 'Clashes near…' }
 */
export function rowReport(p: Pick<EventProperties, 'sources' | 'notes' | 'layer'>): RowReport | null {
  if (!p.layer.startsWith('imported:') || !p.notes || p.sources.some((s) => s.quote || s.file)) return null;
  return { outlets: p.sources.map((s) => s.outlet || s.url).filter(Boolean).join(', '), quote: p.notes };
}

/**
 * An imported row's own columns with a value, for the popup's table.
 * @example keptColumnRows(acledRow) // [['event_id_cnty', 'SDN90001'], ['fatalities', '12'], …]
 */
export function keptColumnRows(p: Pick<EventProperties, 'columns'>): [string, string][] {
  return keptColumns(p).filter(([, value]) => value.trim() !== '');
}
