/**
 * An article's reading: every place, date and name the pipeline found in it, each with what it was
 * resolved to and the events it is evidence for — what the reading view highlights. Uses the pipeline's
 * own per-article stages (`analyseArticle`, `findDates`), so it shows what the extraction saw.
 */
import { type Analysis, analyseArticle } from '../../core/pipeline';
import { findChrome } from '../../core/clean';
import { findDates } from '../../core/dates';
import type { NameLookups } from '../../core/places';
import { formatEventDate } from '../../core/timewindow';
import type { Gazetteer } from '../../core/gazetteer/index';
import type { Article, DatelineEvent, Issue, Place } from '../../core/types';
import type { ArticleReading, ReadSpan } from './protocol';

const PRECISION_WORDS = { site: 'exact site', city: 'city', region: 'region', country: 'whole country' } as const;

/** "1.2864° S, 36.8172° E". */
export function coordinatesText(lon: number, lat: number): string {
  return `${Math.abs(lat).toFixed(4)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lon).toFixed(4)}° ${lon < 0 ? 'W' : 'E'}`;
}

/** A place in words: "Nairobi, Kenya — city — 1.2864° S, 36.8172° E". */
export function placeText(place: Place, countryName: string): string {
  const name = countryName && place.precision !== 'country' ? `${place.name}, ${countryName}` : place.name;
  return `${name} — ${PRECISION_WORDS[place.precision]} — ${coordinatesText(place.lon, place.lat)}`;
}

/** The per-article findings the reading is made of (computed before the events are known). */
export interface ArticleFindings {
  file: string;
  published: string | null;
  spans: Omit<ReadSpan, 'events'>[];
  issues: Issue[];
  /** The pipeline's own analysis of the article, reused by the run over every article (stays in the worker). */
  analysis: Analysis;
}

/**
 * What the pipeline's stages find in one article, as highlightable spans (no overlaps: a place or date
 * wins over a name it lies in).
 * @param article the article
 * @param gazetteer the loaded gazetteer
 * @param names name lookups shared by the articles of one run (`nameLookups`): a batch asks the
 *   gazetteer about the same names over and over, and this halves its reading time
 * @returns spans in text order, the publication date used and the article's issues
 */
export function findings(article: Article, gazetteer: Gazetteer, names?: NameLookups): ArticleFindings {
  const issues: Issue[] = [];
  const work = analyseArticle(article, gazetteer, issues, names);
  const chrome = findChrome(article.text, article.meta);
  const dates = findDates(article.text, work.published, chrome.ignored).dates;
  const countryName = (code: string) => (code ? gazetteer.get(`cc:${code}`)?.name ?? code : '');
  const spans: Omit<ReadSpan, 'events'>[] = [];
  for (const m of work.mentions) {
    spans.push({
      start: m.start, end: m.end, kind: 'place', text: m.text, resolved: placeText(m.place, countryName(m.place.country)),
      lon: m.place.lon, lat: m.place.lat, label: m.place.name,
    });
  }
  for (const d of dates) {
    const day = formatEventDate({ date_start: d.date, date_end: null, time_precision: d.precision });
    spans.push({ start: d.start, end: d.end, kind: 'date', text: d.text, resolved: `${day} (${d.precision} precision)`, lon: null, lat: null, label: day });
  }
  for (const a of work.actors) {
    if (a.titleOnly) continue;
    spans.push({
      start: a.start, end: a.end, kind: 'actor', text: article.text.slice(a.start, a.end),
      resolved: `${a.kind === 'person' ? 'person' : 'organisation'}: ${a.name}`, lon: null, lat: null, label: a.name,
    });
  }
  const rank = { place: 0, date: 1, actor: 2 };
  spans.sort((a, b) => a.start - b.start || rank[a.kind] - rank[b.kind]);
  const kept: typeof spans = [];
  for (const s of spans) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) {
      if (rank[s.kind] < rank[last.kind]) kept[kept.length - 1] = s;
      continue;
    }
    kept.push(s);
  }
  return { file: article.file, published: work.published, spans: kept, issues, analysis: { work, issues: [...issues] } };
}

/** An event's quote from one article (its offsets in the article's text). */
export interface Quote {
  start: number;
  end: number;
  event: DatelineEvent;
}

/**
 * @param events every event shown
 * @returns each article's quotes in the events, by file: one pass over the events for every reading
 */
export function quotesByFile(events: readonly DatelineEvent[]): Map<string, Quote[]> {
  const byFile = new Map<string, Quote[]>();
  for (const event of events) {
    for (const s of event.properties.sources) {
      let quotes = byFile.get(s.file);
      if (!quotes) byFile.set(s.file, (quotes = []));
      quotes.push({ start: s.start, end: s.end, event });
    }
  }
  return byFile;
}

/**
 * Joins an article's findings to the events: each span supports the events whose quote from this article
 * contains it; a date or a name is shown on the map at the first of those events.
 * @param found the article's findings
 * @param events every event shown (added ones and those the article added a source to), or their quotes
 *   by file (`quotesByFile`)
 * @returns the reading
 */
export function reading(found: ArticleFindings, events: readonly DatelineEvent[] | ReadonlyMap<string, readonly Quote[]>): ArticleReading {
  const byFile: ReadonlyMap<string, readonly Quote[]> = Array.isArray(events) ? quotesByFile(events) : (events as ReadonlyMap<string, readonly Quote[]>);
  const quotes: readonly Quote[] = byFile.get(found.file) ?? [];
  const spans: ReadSpan[] = found.spans.map((s) => {
    const supported = quotes.filter((q) => q.start <= s.start && s.end <= q.end).map((q) => q.event);
    const first = supported[0]?.properties;
    const at = s.kind === 'place' || !first ? {} : { lon: first.lon, lat: first.lat, label: `${s.label}: ${first.title}` };
    return { ...s, ...at, events: [...new Set(supported.map((e) => e.properties.id))] };
  });
  const count = (kind: ReadSpan['kind']) => spans.filter((s) => s.kind === kind).length;
  return {
    file: found.file,
    published: found.published,
    spans,
    places: count('place'),
    dates: count('date'),
    actors: count('actor'),
    events: [...new Set(quotes.map((q) => q.event.properties.id))],
    issues: found.issues,
  };
}

/** "1 event — Meeting of … (12 March 2024)", for a span's description. */
export function eventLabel(event: DatelineEvent): string {
  return `${event.properties.title} (${formatEventDate(event.properties)})`;
}

/**
 * The last reading of each article, made again only when its findings or what its reading shows of its
 * events (their ids, quote offsets, coordinates and titles) changed: with 100 articles kept, a paste
 * changes one or two readings and every other one stays the same object.
 */
export class ReadingMemo {
  readonly #last = new WeakMap<ArticleFindings, { key: string; reading: ArticleReading }>();

  /**
   * @param found an article's findings (the same object while the article is unchanged)
   * @param quotes every event's quotes by file (`quotesByFile`)
   * @returns its reading, the object made last time when nothing it shows changed
   */
  of(found: ArticleFindings, quotes: ReadonlyMap<string, readonly Quote[]>): ArticleReading {
    const mine = quotes.get(found.file) ?? [];
    const key = JSON.stringify(mine.map((q) => [q.start, q.end, q.event.properties.id, q.event.properties.lon, q.event.properties.lat, q.event.properties.title]));
    const last = this.#last.get(found);
    if (last?.key === key) return last.reading;
    const made = reading(found, quotes);
    this.#last.set(found, { key, reading: made });
    return made;
  }
}
