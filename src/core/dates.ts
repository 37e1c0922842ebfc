/**
 * Dates in article text, with precision and news semantics. chrono-node finds the expressions; the rules
 * that make them mean what a news reader understands are here:
 * - a bare weekday ("on Monday") is the most recent such day on or before publication;
 * - a year-less date ("on January 3", "in May") is its most recent occurrence on or before publication;
 * - "in 2014" is year precision, "in January 2020" month precision;
 * - "two days after the assassination" is kept as a relative date, resolved later against the event it
 *   names (see `resolveRelative`);
 * - without a publication date, anything that needs one stays unresolved and is reported — never today.
 * Day arithmetic is calendar.ts's (UTC day numbers), so results do not depend on the machine's time zone.
 */
import * as chrono from 'chrono-node';
import { addDays, isoFromCivil, validIso, weekdayOf } from './calendar';
import { monthNumber, parseDate } from './io/dates';
import { isWhitespaceCode } from './sentences';
import type { DateMention, TimePrecision } from './types';

/** "two days after the assassination": an offset from the date of another event, named by `anchor`. */
export interface RelativeDateMention {
  start: number;
  end: number;
  text: string;
  days: number;
  /** The noun naming the reference event, lower case ("assassination"). */
  anchor: string;
}

/** An expression that looks like a date but cannot be resolved (e.g. a weekday with no publication date). */
export interface UnresolvedDate {
  start: number;
  end: number;
  text: string;
  reason: string;
  /** What the words still tell without a publication date: the day of the week (0 = Sunday) or the
   * month and day ("07-16"); another report's date of the same event must agree with it. */
  weekday?: number;
  monthDay?: string;
}

export interface DateFindings {
  dates: DateMention[];
  relative: RelativeDateMention[];
  unresolved: UnresolvedDate[];
}

/**
 * The local calendar date of a manifest `published` value or a page date stamp. A datetime
 * ("2021-04-12T14:36", with or without offset) is read as the article's local date: its date part.
 * Also reads the stamps news sites print ("Wed Nov 23, 2016 | 4:58pm EST", "24 November 2016",
 * "7:58 AM ET, Sat January 3, 2015"); an all-numeric date is read only when it is unambiguous
 * ("11/23/2016" is 23 November; "04/05/2021" is refused). The one reader of publication dates: the
 * manifest (`manifest.ts`) and page stamps both use it.
 * @param value ISO date/datetime, or a page stamp such as "Monday, 12 April 2021 2:36 PM"
 * @returns `YYYY-MM-DD`, or null when the value is empty, not a date or ambiguous
 * @example publicationDate('2021-04-12T14:36') // '2021-04-12'
 */
export function publicationDate(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(v);
  if (m) return validIso(+m[1], +m[2], +m[3]);
  // All-numeric day/month dates ("11/23/2016", "04/05/2021") follow the import rule (io/dates.ts): read only
  // when one order alone gives a calendar day (or both give the same); chrono-node would guess US order.
  const numeric = /(?:^|[^\d/.-])(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?![\d/.-])/.exec(` ${v}`);
  if (numeric) {
    const read = parseDate(numeric[1], 'auto');
    return typeof read === 'string' ? null : read.date;
  }
  const r = chrono.casual.parse(v, noonOf('2000-01-01'))[0];
  // A year written out: chrono-node also calls the year of "last week" certain (from its reference day).
  if (r && /\b\d{4}\b/.test(r.text) && r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day')) {
    return validIso(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!);
  }
  return null;
}

// In an address's path: "/2024/05/14/", "/2017-06/07/", "/2018/may/11/", "/20191211-niger-…", "-2021-06-23".
const URL_DAY = /(?:^|[/_-])((?:19|20)\d{2})(?:[/-](\d{1,2}|[a-z]{3,9})[/-](\d{1,2})|(\d{2})(\d{2}))(?=$|[/_.-])/gi;

/**
 * The publication day a news address carries in its path, the way most news sites file articles
 * ("/2024/05/14/slug", "/20191211-slug", "/2018/may/11/slug"). Only the path is read (not the host or
 * query), and only a whole, valid calendar day; the last one wins (archives nest a date folder).
 * @param url the article's address
 * @returns `YYYY-MM-DD`, or null when the path carries no full date
 * @example urlDate('https://example.com/world/2019/12/11/niger-attack/') // '2019-12-11'
 */
export function urlDate(url: string | null | undefined): string | null {
  const path = /^https?:\/\/[^/?#]+(\/[^?#]*)/i.exec((url ?? '').trim())?.[1];
  if (!path) return null;
  let found: string | null = null;
  for (const m of path.matchAll(URL_DAY)) {
    const year = Number(m[1]);
    const monthText = m[2] ?? m[4];
    // A month word is read by its first three letters ("may", "sept", "october"); 0 (no month) fails below.
    const month = /^\d+$/.test(monthText) ? Number(monthText) : monthNumber(monthText.slice(0, 3)) ?? 0;
    const day = Number(m[3] ?? m[5]);
    found = validIso(year, month, day) ?? found;
  }
  return found;
}

/**
 * The most recent given weekday on or before a date (news semantics of "on Monday").
 * @param weekday 0 = Sunday … 6 = Saturday
 * @param published the publication date `YYYY-MM-DD`
 * @returns the resolved date
 * @example lastWeekday(2, '2020-07-22') // '2020-07-21' (Tuesday before a Wednesday)
 */
export function lastWeekday(weekday: number, published: string): string {
  return addDays(published, -((weekdayOf(published) - weekday + 7) % 7));
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7 };
// "two days after the assassination", "a week before the vote", "the day after the strike"
const RELATIVE = /\b(?:(the)\s+day|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d{1,3})\s+(day|week)s?)\s+(after|before|following|prior to)\s+(?:the|his|her|their|its|this|that)\s+(?:[a-z-]+\s+){0,2}?([a-z][a-z-]{3,})\b/gi;
// What every RELATIVE match contains: "day(s) after", "week before", "day prior to"…
const RELATIVE_CUE = /\b(?:day|week)s?\s+(?:after|before|following|prior to)\b/i;
// "in 2014", "since 2003", "during 1991": years chrono-node leaves alone.
// "the 2019 massacre": a year used as an adjective dates the event it names.
// Scanned as the year first (rare in a text) and the word before it second: faster than the other way round.
const YEAR_NUMBER = /\b(?:1[6-9]|20)\d{2}\b(?!\s*[-–/]\s*\d)/g;
const YEAR_LEAD = /\b(?:in|since|during|by|until|from|throughout|of|early|late|mid-?|the)\s+$/i;
const MONTH_NAME = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
// After a number: it counts or measures ("a 1500-strong force", "a 2000 km border", "an 1800-page report").
const MEASURE_AFTER = /^(?:-|\s*(?:km|kilomet|mile|metre|meter|m\b|kg|ton|people|troops|soldiers|men|strong|page|word))/i;
const SKIP = /\b(week|weekend|later|earlier|now|ago\s+\w+\s+later)\b/i;

/**
 * Finds dates in text with news semantics.
 * @param text the original article text (or any text; offsets are relative to it)
 * @param published publication date `YYYY-MM-DD`, or null when unknown
 * @param skip sorted spans to ignore (chrome)
 * @returns resolved dates, relative dates waiting for their anchor event, and unresolved expressions
 * @example findDates('They met on Monday.', '2021-04-14').dates[0].date // '2021-04-12'
 */
export function findDates(text: string, published: string | null, skip: ReadonlyArray<{ start: number; end: number }> = []): DateFindings {
  const dates: DateMention[] = [];
  const relative: RelativeDateMention[] = [];
  const unresolved: UnresolvedDate[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => !skip.some((k) => k.start < e && k.end > s) && !taken.some(([a, b]) => a < e && b > s);

  // The full pattern is slow to scan for; most articles have no "days after" at all.
  const relatives = RELATIVE_CUE.test(text) ? text.matchAll(RELATIVE) : [];
  for (const m of relatives) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const count = m[1] ? 1 : /^\d+$/.test(m[2]) ? Number(m[2]) : NUMBER_WORDS[m[2].toLowerCase()];
    const unit = m[1] ? 1 : UNIT_DAYS[m[3].toLowerCase()];
    const sign = /^(before|prior to)$/i.test(m[4]) ? -1 : 1;
    relative.push({ start, end, text: m[0], days: sign * count * unit, anchor: m[5].toLowerCase() });
    taken.push([start, end]);
  }

  for (const m of text.matchAll(YEAR_NUMBER)) {
    const start = m.index!;
    const end = start + m[0].length;
    const lead = text.slice(Math.max(0, start - 14), start);
    // "a 2020 drone strike" dates the strike; "a 1500-strong force", "a 2000 km border" measure something.
    const article = /\b(?:a|an)\s+$/i.test(lead) && !MEASURE_AFTER.test(text.slice(end, end + 12));
    if ((!YEAR_LEAD.test(lead) && !article) || !free(start, end)) continue;
    dates.push({ start, end, text: m[0], date: `${m[0]}-01-01`, precision: 'year' });
    taken.push([start, end]);
  }

  const ref = noonOf(published ?? '2000-01-01');
  for (const r of parseCueWindows(text, ref)) {
    const start = r.index;
    const end = start + r.text.length;
    if (!free(start, end)) continue;
    let mention = fromChrono(r, published);
    if (mention === null) continue;
    // "last September" is September of the year before publication (a month this year would be "in September").
    const last = published && 'precision' in mention && mention.precision === 'month' ? /\blast\s+$/i.exec(text.slice(Math.max(0, start - 6), start)) : null;
    if (last && published && 'date' in mention) {
      mention = { date: `${Number(published.slice(0, 4)) - 1}${mention.date.slice(4)}`, precision: 'month' };
      const from = start - last[0].length;
      if (free(from, end)) {
        dates.push({ start: from, end, text: text.slice(from, end), ...mention });
        taken.push([from, end]);
        continue;
      }
    }
    if ('reason' in mention) unresolved.push({ start, end, text: r.text, ...mention });
    else dates.push({ start, end, text: r.text, ...mention });
    taken.push([start, end]);
  }
  dates.sort((a, b) => a.start - b.start);
  // "on Monday evening (August 13th)": the day written out names the day, even when the weekday beside
  // it is wrong (or the outlet's time zone makes it so).
  for (let i = 0; i + 1 < dates.length; i++) {
    const [day, stated] = [dates[i], dates[i + 1]];
    if (day.precision === 'day' && stated.precision === 'day' && WEEKDAY_ONLY.test(day.text) && MONTH_WORD.test(stated.text) && /^\s*[(,]\s*$/.test(text.slice(day.end, stated.start))) day.date = stated.date;
  }
  return { dates, relative, unresolved };
}

/** A weekday with at most a part of the day ("Monday evening"), no month or number. */
const WEEKDAY_ONLY = /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$/i;
const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * Resolves a relative date against the date of the event it refers to.
 * @param rel the relative mention
 * @param anchorDate the referred event's first day, `YYYY-MM-DD`
 * @param anchorPrecision the referred event's precision; only day precision gives a day
 * @returns the resolved date mention, or null when the anchor is not precise enough
 * @example resolveRelative({ start: 0, end: 32, text: 'two days after the assassination', days: 2, anchor: 'assassination' }, '2020-01-03', 'day')?.date // '2020-01-05'
 */
export function resolveRelative(rel: RelativeDateMention, anchorDate: string, anchorPrecision: TimePrecision): DateMention | null {
  if (anchorPrecision !== 'day') return null;
  return { start: rel.start, end: rel.end, text: rel.text, date: addDays(anchorDate, rel.days), precision: 'day' };
}

// Words without which chrono-node finds nothing we keep (weekdays, months, numeric dates, "yesterday",
// "N days ago", "last month"); it only runs on windows around them — much faster than the whole text.
// Bare years are the YEAR rule's; day numbers sit next to a month name. Month and weekday cues are the
// words chrono-node knows, not every word that starts like one ("thus", "decision", "martyr").
// One `\b` shared by the alternatives: the boundary is tested once per position, not once per alternative.
const CUE = /\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:days?)?\b|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|(?:yesterday|today|tonight|tomorrow|ago)\b|(?:this|last|next) (?:morning|afternoon|evening|night|week|month|year)\b)/gi;
const WINDOW = 20;

/** A chrono-node result with its index into the whole text (chrono's own index is into the window). */
type Found = { index: number; text: string; start: chrono.ParsedComponents };

function parseCueWindows(text: string, ref: Date): Found[] {
  const windows: Array<[number, number]> = [];
  for (const m of text.matchAll(CUE)) {
    let a = Math.max(0, m.index! - WINDOW);
    let b = Math.min(text.length, m.index! + m[0].length + WINDOW);
    while (a > 0 && !isWhitespaceCode(text.charCodeAt(a - 1))) a--; // whole words only
    while (b < text.length && !isWhitespaceCode(text.charCodeAt(b))) b++;
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  const results: Found[] = [];
  for (const [a, b] of windows) {
    for (const r of chrono.casual.parse(text.slice(a, b), ref)) results.push(withoutFrame({ index: r.index + a, text: r.text, start: r.start }));
  }
  return results;
}

/**
 * chrono-node's weekday pattern takes in a leading "on" and a comma or bracket around the day ("on
 * Tuesday,"); the mention, and so the quote's highlight, is the date itself ("Tuesday").
 */
function withoutFrame(found: Found): Found {
  const lead = /^(?:[,(]\s*)?(?:on\s+)?/i.exec(found.text)![0].length;
  const kept = found.text.slice(lead).replace(/\s*[,)]\s*$/, '');
  return kept && kept !== found.text ? { ...found, index: found.index + lead, text: kept } : found;
}

type Resolved = { date: string; precision: TimePrecision } | { reason: string; weekday?: number; monthDay?: string };

function fromChrono(r: Found, published: string | null): Resolved | null {
  const c = r.start;
  const text = r.text;
  if (SKIP.test(text)) return null;
  // Month names must be capitalised ("may" and "march" are also verbs).
  const monthWord = /\p{L}+/u.exec(text.replace(/^(on|in|at|by|from|since|until|the)\s+/i, ''));
  if (monthWord && MONTH_NAME.test(monthWord[0]) && !/^\p{Lu}/u.test(monthWord[0])) return null;
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  const hasYear = c.isCertain('year');
  const hasMonth = c.isCertain('month');
  const hasDay = c.isCertain('day');
  const hasWeekday = c.isCertain('weekday');

  // Only a year written in the text makes a date absolute; chrono-node also "knows" the year of
  // "yesterday" (from the reference date), which is exactly what must not leak without a publication date.
  const explicitYear = /\b\d{4}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/.test(text);
  if (explicitYear && hasYear && hasMonth && hasDay) return day2(year!, month!, day!);
  if (explicitYear && hasYear && hasMonth) return { date: isoFromCivil(year!, month!, 1), precision: 'month' };
  if (hasWeekday && !(hasMonth && hasDay)) {
    if (!published) return /\b(?:next|last|this)\b/i.test(text) ? { reason: 'weekday and no publication date' } : { reason: 'weekday and no publication date', weekday: c.get('weekday')! };
    if (/\bnext\b/i.test(text)) return { date: addDays(published, ((c.get('weekday')! - weekdayOf(published) + 7) % 7) || 7), precision: 'day' };
    const base = lastWeekday(c.get('weekday')!, published);
    // "last Monday" on a Monday means a week ago.
    return { date: /\blast\b/i.test(text) && base === published ? addDays(base, -7) : base, precision: 'day' };
  }
  const t = text.trim();
  if (/^(yesterday|today|tonight|tomorrow|this (morning|afternoon|evening)|last night|(a|an|one|two|three|four|five|six|seven|\d+) days? ago)$/i.test(t)) {
    if (!published) return { reason: `"${text}" and no publication date` };
    return day2(year!, month!, day!);
  }
  if (/^last (month|year)$/i.test(t)) {
    if (!published) return { reason: `"${text}" and no publication date` };
    return /month/i.test(t) ? { date: isoFromCivil(year!, month!, 1), precision: 'month' } : { date: isoFromCivil(year!, 1, 1), precision: 'year' };
  }
  if (hasMonth && hasDay && !hasYear) {
    // "Tuesday November 21": the weekday narrows the years the day can be in.
    if (!published) return { reason: 'date without a year and no publication date', monthDay: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, ...(hasWeekday ? { weekday: c.get('weekday')! } : {}) };
    return day2(latestOccurrence(published, month!, day!), month!, day!);
  }
  if (hasMonth && !hasDay && !hasYear && /^(in|during|since|by|until|early|late|mid-?)?\s*\p{L}+\.?$/iu.test(t)) {
    if (!published) return { reason: 'month without a year and no publication date' };
    const [py, pm] = published.split('-').map(Number);
    return { date: isoFromCivil(month! <= pm ? py : py - 1, month!, 1), precision: 'month' };
  }
  return null; // times of day, ranges of hours and other expressions with no calendar meaning
}

function day2(y: number, m: number, d: number): Resolved {
  const v = validIso(y, m, d);
  return v ? { date: v, precision: 'day' } : { reason: `${isoFromCivil(y, m, d)} is not a calendar day` };
}

/** Year of the most recent month/day on or before the publication date. */
function latestOccurrence(published: string, month: number, day: number): number {
  const [py] = published.split('-').map(Number);
  return isoFromCivil(py, month, day) <= published ? py : py - 1;
}

/** Local noon of a calendar date: chrono-node computes in local time, noon keeps every zone on that day. */
function noonOf(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

/** A publication date read from an article's own text, and the words it was read from. */
export interface InferredPublication {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Offsets of the words it was read from, in the original text. */
  start: number;
  end: number;
  text: string;
  /** A "Published …"/date-only stamp line, an "Updated …" stamp (the page was first published on or
   * before it), a wire dateline, or the latest full date the story gives. */
  how: 'stamp' | 'updated' | 'dateline' | 'latest date';
}

// "Published 3:14 PM, March 2, 2019", "Posted on: 2 March 2019", "Updated Sat January 3, 2015 7:58 AM ET".
const STAMP_LINE = /^[ \t]*(?:(first\s+)?published|posted|(?:last\s+)?updated|modified)\b(?:\s+on)?\s*:?\s*(\S[^\n]{3,80})$/gim;
// Words before a date that put it after the article was written ("will meet on March 5, 2019", "due by").
const FUTURE_BEFORE = /\b(?:will|shall|would|expected to|due (?:to|on|by)|scheduled|slated|set to|plans? to|planned for|upcoming|until|deadline|later this|next)\b[^.!?\n]{0,40}$/i;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WD = '(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const MON = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// "Monday evening (February 15)", "on Monday, February 15" — no year after it.
const WEEKDAY_MONTH_DAY = new RegExp(`\\b${WD}\\b[^.;:\\n\\d]{0,25}?\\b${MON}\\s+(\\d{1,2})\\b(?!,?\\s*\\d{4}|:)`, 'g');
// "Monday, 15 February", "Monday (15 February)".
// A wire dateline with a month-day: "KABUL, Feb 15 (Reuters) -", "LAGOS, Nigeria, March 2 (AP) —".
const DATELINE_DATE = new RegExp(`^[ \\t]*\\p{Lu}[\\p{Lu} .'’-]+(?:,\\s*\\p{Lu}[\\p{L} .'’-]*)?,\\s+${MON}\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?\\s*\\(`, 'mu');
const WEEKDAY_DAY_MONTH = new RegExp(`\\b${WD}\\b[^.;:\\n\\d]{0,25}?\\b(\\d{1,2})\\s+${MON}(?!,?\\s*\\d{4})`, 'g');
/** How many years after the latest year the text writes out a weekday-fixed date may fall. */
const WEEKDAY_YEAR_SPAN = 7;

/**
 * The publication date of an article that has none in its manifest, read from the page itself: a stamp
 * line ("Published 3:14 PM, March 2, 2019", a date-only line under the byline; "Posted"/"Published"
 * before "Updated") first; then a wire dateline's month-day ("KABUL, Feb 15 (Reuters) -": its year, or
 * the first such day on or after the latest full date in the text); else the latest full date in the
 * story that is not announced as future
 * ("will meet on …", "due by …"). A weekday with a month and day and no year ("Monday evening (February
 * 15)") counts as a full date in the first year, from the latest year the text writes out up to
 * `WEEKDAY_YEAR_SPAN` years after it, in which that day is that weekday, when only one year there fits;
 * with two such years, or without a written year, it is ambiguous and not used.
 * @param text the original article text
 * @param skip spans whose dates belong to other pages (related-article links)
 * @returns the date and where it was read, or null when the text gives no full date
 * @example inferPublicationDate('Published 3:14 PM, March 2, 2019\n\nTalks began on Friday.')?.date // '2019-03-02'
 */
export function inferPublicationDate(text: string, skip: ReadonlyArray<{ start: number; end: number }> = []): InferredPublication | null {
  const outside = (s: number, e: number) => !skip.some((k) => k.start < e && k.end > s);
  // 1. Stamp lines: a "Published"/"Posted" stamp before an "Updated" one.
  let stamp: InferredPublication | null = null;
  let stampRank = -1;
  for (const m of text.matchAll(STAMP_LINE)) {
    const date = publicationDate(m[2]);
    if (!date || !outside(m.index!, m.index! + m[0].length)) continue;
    const rank = /updated|modified/i.test(m[0].slice(0, 20)) ? 0 : 1;
    if (rank > stampRank) {
      const start = m.index! + m[0].indexOf(m[2]);
      stamp = { date, start, end: start + m[2].trimEnd().length, text: m[2].trimEnd(), how: rank ? 'stamp' : 'updated' };
      stampRank = rank;
    }
  }
  if (stamp) return stamp;
  // A date-only line ("Monday, 12 April 2021 2:36 PM", "March 2, 2019 | 3:14 PM") is a stamp too.
  for (const line of text.matchAll(/^[ \t]*(\S[^\n]{5,60}?)[ \t]*$/gm)) {
    const t = line[1];
    if (!/\d{4}/.test(t) || !outside(line.index!, line.index! + line[0].length)) continue;
    const found = findDates(t, null).dates.filter((d) => d.precision === 'day');
    if (found.length !== 1) continue;
    const rest = t.slice(0, found[0].start) + t.slice(found[0].end);
    if (/[\p{L}]{3,}/u.test(rest.replace(/\b(?:am|pm|a\.m\.|p\.m\.|gmt|utc|[a-z]{1,2}t|on|at|mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b/gi, ''))) continue;
    const start = line.index! + line[0].indexOf(t);
    return { date: found[0].date, start, end: start + t.length, text: t, how: 'stamp' };
  }
  // 2. The latest full date the story gives, not announced as future.
  let best: InferredPublication | null = null;
  const consider = (date: string, start: number, end: number) => {
    if (!outside(start, end) || FUTURE_BEFORE.test(text.slice(Math.max(0, start - 60), start))) return;
    if (!best || date > best.date) best = { date, start, end, text: text.slice(start, end), how: 'latest date' };
  };
  const { dates } = findDates(text, null, skip);
  let latestYear = 0;
  for (const d of dates) {
    if (FUTURE_BEFORE.test(text.slice(Math.max(0, d.start - 60), d.start))) continue;
    latestYear = Math.max(latestYear, Number(d.date.slice(0, 4)));
    if (d.precision === 'day') consider(d.date, d.start, d.end);
  }
  if (latestYear) {
    for (const re of [WEEKDAY_MONTH_DAY, WEEKDAY_DAY_MONTH]) {
      for (const m of text.matchAll(re)) {
        const weekday = WEEKDAYS.indexOf(m[1].slice(0, 3).toLowerCase());
        const [monthName, dayText] = re === WEEKDAY_MONTH_DAY ? [m[2], m[3]] : [m[3], m[2]];
        const month = MONTH_PREFIXES.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
        // The span can hold two such years ("Sunday, July 16": 2017 and 2023): then the text does not tell.
        let fits: string | null = null;
        let count = 0;
        for (let y = latestYear; y <= latestYear + WEEKDAY_YEAR_SPAN; y++) {
          const date = validIso(y, month, Number(dayText));
          if (date && weekdayOf(date) === weekday && ++count === 1) fits = date;
        }
        if (count === 1) consider(fits!, m.index!, m.index! + m[0].length);
      }
    }
  }
  // A wire dateline's month-day is the publication day: the first such day on or after the latest full date.
  const wire = DATELINE_DATE.exec(text);
  const latest = best as InferredPublication | null;
  if (wire && (wire[3] || latest) && outside(wire.index, wire.index + wire[0].length)) {
    const month = MONTH_PREFIXES.indexOf(wire[1].slice(0, 3).toLowerCase()) + 1;
    const day = Number(wire[2]);
    const year = wire[3] ? Number(wire[3]) : Number(latest!.date.slice(0, 4));
    let date = validIso(year, month, day);
    if (date && !wire[3] && date < latest!.date) date = validIso(year + 1, month, day);
    const start = wire.index + wire[0].indexOf(wire[1]);
    if (date) return { date, start, end: start + wire[0].slice(wire[0].indexOf(wire[1])).replace(/\s*\($/, '').length, text: wire[0].slice(wire[0].indexOf(wire[1])).replace(/\s*\($/, ''), how: 'dateline' };
  }
  return best;
}

// Before an event word: it is announced, not reported ("will arrive", "is expected to meet", "plans to
// visit", "is due to hold talks", "a planned visit", "next week's summit").
const PLANNED_BEFORE = /(?:\b(?:will|shall|would|(?:is|are|was|were)\s+(?:(?:expected|due|scheduled|slated|set|poised|going)\s+)?to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|aims?\s+to)\s+(?:(?:also|then|later|soon|again|not|\w+ly)\s+)?(?:\w+\s+){0,2}|\b(?:planned|upcoming|scheduled|forthcoming|proposed|next\s+(?:week|month|year)['’]s|tomorrow['’]s)\s+(?:[\w-]+\s+){0,2})$/i;

// An announcing verb phrase earlier in the clause ("will travel to Kampala on Sunday for trade talks").
const ANNOUNCING = /\b(?:will|shall|(?:is|are)\s+(?:expected|due|scheduled|slated|set|poised|going)\s+to|plans?\s+to|intends?\s+to)\s/gi;
// What ends the announced phrase before a later event noun: a clause break, a verb of speech, a past verb.
const PHRASE_BREAK = /[.;:!?]|,\s*(?:and|but|while)\b|\b(?:said|says|told|after|when|while|since|\w+ed)\b/i;

/**
 * Whether an event word is announced for the future rather than reported as done: a future or
 * intention phrase right before it ("will arrive", "is due to hold talks", "a planned visit"), or, for an
 * event noun (talks, summit, visit…), an announcing verb phrase earlier in the clause that nothing ends
 * before it ("will travel to Kampala on Sunday for trade talks").
 * @param before the sentence's text before the event word (its last 120 characters are read)
 * @param word the event word itself
 * @returns true for "will arrive in", "is expected to meet", "plans to visit", "is due to hold talks"
 * @example isPlanned('The president is due to hold ', 'talks') // true
 */
export function isPlanned(before: string, word = ''): boolean {
  if (PLANNED_BEFORE.test(before.slice(-60))) return true;
  if (!/^(?:(?:held\s+)?talks|summit|meetings?|consultations|visit|trip(?:\s+to)?)$/i.test(word.trim())) return false;
  const tail = before.slice(-120);
  let last = -1;
  for (const m of tail.matchAll(ANNOUNCING)) last = m.index! + m[0].length;
  return last >= 0 && !PHRASE_BREAK.test(tail.slice(last));
}

/**
 * The future reading of a date of an announced event: a bare weekday or a year-less date is read as
 * the next such day on or after publication ("will arrive on Sunday", "talks on 5 March"), instead of
 * the latest one before it. Dates with a written year, and "yesterday" or "N days ago", stay as they are.
 * @param mention the date as `findDates` resolved it (news semantics: on or before publication)
 * @param published the publication date `YYYY-MM-DD`
 * @returns the mention with its date moved forward when it is relative and before publication
 * @example forwardDate({ start: 0, end: 6, text: 'Sunday', date: '2021-03-07', precision: 'day' }, '2021-03-10').date // '2021-03-14'
 */
export function forwardDate(mention: DateMention, published: string): DateMention {
  if (mention.date >= published || /\b\d{4}\b|\b(?:yesterday|ago|last|past)\b/i.test(mention.text)) return mention;
  const [y, m, d] = mention.date.split('-').map(Number);
  if (mention.precision === 'day' && /^(?:mon|tue|wed|thu|fri|sat|sun)\w*(?:\s+\w+)?$/i.test(mention.text.trim())) {
    return { ...mention, date: addDays(mention.date, 7) };
  }
  const next = mention.precision === 'day' ? validIso(y + 1, m, d) : isoFromCivil(y + 1, m, 1);
  return next && mention.precision !== 'year' ? { ...mention, date: next } : mention;
}

/** The latest day a back-reference can be: two days before publication (a day earlier is "yesterday" or its weekday). */
const RECENT = (published: string) => addDays(published, -2);

/**
 * The time span an undated back-reference to an earlier event can fall in, so that it never joins the
 * event the article reports for today or yesterday: "last week" (the calendar week, Monday to Sunday,
 * before the publication week) and "since the army killed …" (any day before); either way at least two
 * days before publication, since a report of one day earlier says "yesterday" or names the weekday.
 * @param before the clause's text before the event word (its last 60 characters are read)
 * @param clause the clause's whole text
 * @param published the publication date `YYYY-MM-DD`, or null
 * @returns the first and last possible day, or null when nothing says the event is earlier
 * @example earlierWindow('since the army ', 'since the army killed him', '2021-03-10') // { from: null, to: '2021-03-08' }
 */
export function earlierWindow(before: string, clause: string, published: string | null): { from: string | null; to: string } | null {
  if (!published) return null;
  if (/\blast\s+week\b/i.test(clause)) {
    const monday = addDays(published, -((weekdayOf(published) + 6) % 7));
    const sunday = addDays(monday, -1);
    return { from: addDays(monday, -7), to: sunday < RECENT(published) ? sunday : RECENT(published) };
  }
  if (/\bsince\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$/i.test(before.slice(-60))) return { from: null, to: RECENT(published) };
  return null;
}
