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
import { parseDate } from './io/dates';
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
const YEAR = /\b(in|since|during|by|until|from|throughout|of|early|late|mid-?)\s+((?:1[6-9]|20)\d{2})\b(?!\s*[-–/]\s*\d)/gi;
const MONTH_NAME = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
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

  for (const m of text.matchAll(YEAR)) {
    const start = m.index! + m[0].length - m[2].length;
    const end = m.index! + m[0].length;
    if (!free(start, end)) continue;
    dates.push({ start, end, text: m[2], date: `${m[2]}-01-01`, precision: 'year' });
    taken.push([start, end]);
  }

  const ref = noonOf(published ?? '2000-01-01');
  for (const r of parseCueWindows(text, ref)) {
    const start = r.index;
    const end = start + r.text.length;
    if (!free(start, end)) continue;
    const mention = fromChrono(r, published);
    if (mention === null) continue;
    if ('reason' in mention) unresolved.push({ start, end, text: r.text, reason: mention.reason });
    else dates.push({ start, end, text: r.text, ...mention });
    taken.push([start, end]);
  }
  dates.sort((a, b) => a.start - b.start);
  return { dates, relative, unresolved };
}

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

type Resolved = { date: string; precision: TimePrecision } | { reason: string };

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
    if (!published) return { reason: 'weekday and no publication date' };
    if (/\bnext\b/i.test(text)) return { date: addDays(published, ((c.get('weekday')! - weekdayOf(published) + 7) % 7) || 7), precision: 'day' };
    const base = lastWeekday(c.get('weekday')!, published);
    // "last Monday" on a Monday means a week ago.
    return { date: /\blast\b/i.test(text) && base === published ? addDays(base, -7) : base, precision: 'day' };
  }
  const t = text.trim();
  if (/^(yesterday|today|tonight|this (morning|afternoon|evening)|last night|(a|an|one|two|three|four|five|six|seven|\d+) days? ago)$/i.test(t)) {
    if (!published) return { reason: `"${text}" and no publication date` };
    return day2(year!, month!, day!);
  }
  if (/^last (month|year)$/i.test(t)) {
    if (!published) return { reason: `"${text}" and no publication date` };
    return /month/i.test(t) ? { date: isoFromCivil(year!, month!, 1), precision: 'month' } : { date: isoFromCivil(year!, 1, 1), precision: 'year' };
  }
  if (hasMonth && hasDay && !hasYear) {
    if (!published) return { reason: 'date without a year and no publication date' };
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
