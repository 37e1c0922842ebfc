/**
 * Page chrome: the parts of a saved news page that are not the story — republisher banners, repeated
 * outlet lines, share widgets, "Read More" links to other stories, source credits, the headline and
 * dateline lines. Cleaning never edits the text: it returns spans to ignore, so every later offset still
 * points into the original file.
 *
 * The rules are general (layout and vocabulary of page furniture), not strings from particular pages.
 */
import type { ManifestEntry } from './types';
import { continuesOnNextLine } from './sentences';

export type ChromeReason =
  | 'headline'
  | 'banner'
  | 'outlet'
  | 'dateline'
  | 'widget'
  | 'related'
  | 'credit'
  | 'caption';

/** A span of the original text that is not part of the story; `end` exclusive. */
export interface ChromeSpan {
  start: number;
  end: number;
  reason: ChromeReason;
  text: string;
}

export interface CleanResult {
  /** Spans to ignore, sorted, non-overlapping. */
  ignored: ChromeSpan[];
  /** A dateline place prefix such as "Tehran (IP):" — where the story was filed, when the page says so. */
  dateline: { start: number; end: number; text: string } | null;
  /** Text of a date-only line ("Monday, 12 April 2021 2:36 PM"): a publication-date hint. */
  publishedHint: string | null;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

// Page furniture vocabulary, matched on short lines only.
const FURNITURE = /\b(mailing list|newsletter|subscribe|subscription|donation|donate|sign up|log ?in|follow us|share (it|this|on)|share\s*:|print this|cookies?|all rights reserved|copyright|advertisement|click here|tap here|download (the|our) app|failed to load|refresh(ing)? (your|the) (browser|page)|(story|article) continues below|back to video)\b|©/i;
const WIDGET = /^(share( it| this)?|tweet|print|email|comments?|like|follow|whatsapp|facebook|twitter|telegram|linkedin)(\s*[:|/·,]\s*\w*)*\s*:?\s*$/i;
const RELATED_MARKER = /^(read more|read also|also read|related( stories| articles| news| posts)?|see also|more on this( story)?|recommended|you may also like|more from|further reading)\b\s*[:»>|-]?/i;
/**
 * A photo caption: "Soldiers patrol a market in Gao, Mali, March 3, 2019. REUTERS/Name" (the wires' form ends
 * in the photo's date after a comma, where prose says "on March 3"; a short credit may follow), or a file
 * photo ("FILE - …", "FILE PHOTO: …"). Its date is the photo's, its verbs in the present: no news of the day.
 */
const PHOTO_CAPTION = /^(?:FILE(?: PHOTO)?\s*[-–—:]\s|\(?File photo\)?[\s:-])|,\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.(?:\s+[^.!?]{0,60}\.?)?\s*$/;
const CREDIT = /^(source|via|sources|credit|photo|image|courtesy)\s*[:»>|/-]/i;
// "Tehran (IP):", "BAGHDAD (Reuters) -", "Kyiv (AFP) —", "NAIROBI, Feb 18 (Reuters) -", "YANGON, May 20, 2023 (Wire) —": a place, perhaps the filing date.
const DATELINE_PREFIX = /^((?:[A-Z][\p{L}'’.-]*)(?:[ ,]+(?:[A-Z][\p{L}'’.-]*|\d{1,4}\b)){0,5})\s*\(([^()\n]{1,30})\)\s*[:—–-]\s*/u;
// "BAMAKO —", "SULAIMANI —", "NAIROBI, Kenya —": an all-capitals place and a dash, without an outlet.
const DATELINE_CAPS = /^(\p{Lu}[\p{Lu}'’.]+(?:[ -]\p{Lu}[\p{Lu}'’.]+){0,3}(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?)\s*(?:[—–]|--|-(?=\s))\s*/u;
// Wire copy: "KATHMANDU, Aug 3 (IANS) Prime Minister …", "TBILISI, May 14. /TASS/. Georgia's …",
// "ASTANA, June 7 (Xinhua) -- …": an all-capitals place, maybe a day, and a one-word agency, no dash needed.
const DATELINE_WIRE = /^(\p{Lu}[\p{Lu}'’.-]+(?:[ -]\p{Lu}[\p{Lu}'’.-]+){0,3})(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\.?\s*(?:\([A-Z][A-Za-z.&-]{1,15}\)|\/[A-Z][A-Za-z.&-]{1,15}\/\.?)\s*(?:(?:[:—–]|--?)\s*)?(?=\p{Lu}|["“‘'])/u;
// "NEW DELHI, Apr 23:", "Lima, 29th January 2024 —": a place and the filing date, then a colon or dash. The
// date is the page's, not the news's (group 2; the place before it may be a desk's, not a city).
const MONTH_WORD = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const DATE_STAMP_PREFIX = new RegExp(`^(\\p{Lu}[\\p{L} /.'’-]{1,40}),\\s*((?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_WORD}(?:,?\\s+\\d{4})?|${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,\\s*\\d{4})?))\\s*[:—–]\\s*`, 'u');
// "Iran Press News:", "Xinhua Agency:" — a title-case outlet-like label before the paragraph text.
const OUTLET_LABEL = /^((?:[A-Z][\p{L}0-9&'’.-]*\s*){1,6}):[\s\u00a0]*/u;
const OUTLET_WORDS = /(news|press|tv|agency|times|media|service|network|radio|post|herald|tribune|gazette|journal|daily|wire|online|report)/i;
const WEEKDAY_OR_MONTH = /\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b|\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;
/** A date line that says when the page was changed, not published. */
const UPDATE_STAMP = /^\W*(?:last\s+)?(?:updated|modified|edited)\b/i;
const DATE_LINE_RESIDUE = /\b((mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?|(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?|am|pm|a\.m\.|p\.m\.|gmt|utc|updated|published|posted|last updated|on|at|[a-z]{3,4}t)\b|[\d:,./\-–—|+()]+/gi;

/**
 * Finds the chrome of an article page.
 * @param text the article's original text
 * @param meta what the manifest says about it (title and outlet help recognise headline and outlet lines)
 * @returns spans to ignore, the dateline prefix and a publication-date hint
 * @example
 * findChrome('Share It :\nThe minister met the envoy in Paris on Monday.', { title: '', outlet: '' }).ignored[0].reason // 'widget'
 */
export function findChrome(text: string, meta: Pick<ManifestEntry, 'title' | 'outlet'>): CleanResult {
  const lines = splitLines(text);
  const ignored: ChromeSpan[] = [];
  let dateline: CleanResult['dateline'] = null;
  // The publication date hint: of the date lines before the story, the last that is no update stamp (a page
  // header's "today" comes first: "Friday, April 26, 2024" above a 2018 story whose own date line sits over
  // its dateline); else the first date line.
  let firstDateLine: string | null = null;
  let lastDateLineBeforeStory: string | null = null;
  const add = (start: number, end: number, reason: ChromeReason) => {
    if (end > start) ignored.push({ start, end, reason, text: text.slice(start, end) });
  };
  const titleKey = lineKey(meta.title);
  const outletKey = lineKey(meta.outlet);
  // Repeated short lines (an outlet name printed twice) are furniture; long paragraphs never repeat-match.
  const counts = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const l of lines) {
    if (l.text.length > 160) continue;
    const k = lineKey(l.text);
    keys.set(l.text, k);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }

  let inBody = false;
  let afterRelated = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const t = line.text.trim();
    if (!t) continue;
    const lead = line.start + line.text.indexOf(t);
    const end = lead + t.length;
    const short = t.length <= 160;
    const k = short ? (keys.get(t) ?? lineKey(t)) : '';

    if (afterRelated) {
      // Lines after a "Read More"/"Related" marker are other stories' headlines until a real paragraph.
      if (isBodyLine(t) && t.length > 160) afterRelated = false;
      else {
        add(lead, end, 'related');
        continue;
      }
    }
    if (RELATED_MARKER.test(t) && short && !isSentence(t.replace(RELATED_MARKER, ''))) {
      add(lead, end, 'related');
      afterRelated = true;
      continue;
    }
    if (short && (WIDGET.test(t) || (FURNITURE.test(t) && t.length <= 120))) {
      add(lead, end, FURNITURE.test(t) && !WIDGET.test(t) ? 'banner' : 'widget');
      continue;
    }
    if (short && CREDIT.test(t) && !isSentence(t)) {
      add(lead, end, 'credit');
      continue;
    }
    if (t.length <= 400 && PHOTO_CAPTION.test(t)) {
      add(lead, end, 'caption');
      continue;
    }
    if (short && isDateOnly(t)) {
      add(lead, end, 'dateline');
      firstDateLine ??= t;
      if (!inBody && !UPDATE_STAMP.test(t)) lastDateLineBeforeStory = t;
      continue;
    }
    if (titleKey && k === titleKey) {
      add(lead, end, 'headline');
      continue;
    }
    if (short && !isSentence(t) && ((outletKey && (k === outletKey || outletKey.includes(k) || k.includes(outletKey))) || (counts.get(k) ?? 0) > 1)) {
      add(lead, end, 'outlet');
      continue;
    }
    if (!inBody) {
      // The story's first paragraph stored without its final period, right under the page's date or
      // byline ("Aug 13, 2023" / "At least four people were killed in … on Sunday, state news reported").
      const underStamp = ignored.length > 0 && (ignored[ignored.length - 1].reason === 'dateline' || ignored[ignored.length - 1].reason === 'credit');
      if (isBodyLine(t) || isWrappedBody(wrappedParagraph(lines, index)) || (underStamp && t.split(/\s+/).length >= 12)) inBody = true;
      else {
        // Before the story starts, short lines without sentence punctuation are headlines and labels.
        add(lead, end, ignoredFirst(ignored, text) ? 'banner' : 'headline');
        continue;
      }
    }
    // Paragraph-initial prefixes: a dateline ("Tehran (IP):") or an outlet label ("Iran Press News:").
    let offset = lead;
    let rest = t;
    for (let guard = 0; guard < 3; guard++) {
      const d = DATELINE_PREFIX.exec(rest) ?? DATELINE_CAPS.exec(rest) ?? DATELINE_WIRE.exec(rest);
      if (d && !dateline && d[1].length <= 40) {
        dateline = { start: offset, end: offset + d[1].length, text: d[1] };
        add(offset, offset + d[0].length, 'dateline');
        offset += d[0].length;
        rest = rest.slice(d[0].length);
        continue;
      }
      const stamp = DATE_STAMP_PREFIX.exec(rest);
      if (stamp) {
        // Three spans: the place, the date alone (so it can be read as the page's date), the colon.
        const at = offset + stamp[0].indexOf(stamp[2], stamp[1].length);
        add(offset, at, 'dateline');
        add(at, at + stamp[2].length, 'dateline');
        add(at + stamp[2].length, offset + stamp[0].length, 'dateline');
        if (/\d{4}/.test(stamp[2])) firstDateLine ??= stamp[2];
        offset += stamp[0].length;
        rest = rest.slice(stamp[0].length);
        continue;
      }
      const o = OUTLET_LABEL.exec(rest);
      if (o && (OUTLET_WORDS.test(o[1]) || (outletKey && lineKey(o[1]).includes(outletKey)))) {
        add(offset, offset + o[0].length, 'outlet');
        offset += o[0].length;
        rest = rest.slice(o[0].length);
        continue;
      }
      break;
    }
  }
  ignored.sort((a, b) => a.start - b.start);
  return { ignored, dateline, publishedHint: lastDateLineBeforeStory ?? firstDateLine };
}

/**
 * Whether an offset range overlaps an ignored span.
 * @param spans sorted ignored spans
 * @param start range start
 * @param end range end (exclusive)
 * @returns true when the range touches chrome
 * @example overlapsChrome([{ start: 0, end: 5, reason: 'banner', text: 'Hello' }], 3, 8) // true
 */
export function overlapsChrome(spans: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start >= end) break;
    if (s.end > start) return true;
  }
  return false;
}

function ignoredFirst(ignored: ChromeSpan[], _text: string): boolean {
  return ignored.length > 0;
}

/** The lines of a text, without their breaks (\r\n, \r or \n); a final break ends the last line, it opens no empty one. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  // Most texts break lines with \n alone: then the next break is one search away.
  const carriageReturns = text.includes('\r');
  let p = 0;
  while (p < n) {
    let q: number;
    if (carriageReturns) {
      q = p;
      while (q < n && text.charCodeAt(q) !== 10 && text.charCodeAt(q) !== 13) q++;
    } else {
      q = text.indexOf('\n', p);
      if (q < 0) q = n;
    }
    lines.push({ start: p, end: q, text: text.slice(p, q) });
    p = text.charCodeAt(q) === 13 && text.charCodeAt(q + 1) === 10 ? q + 2 : q + 1;
  }
  return lines;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Printable ASCII, Latin-1 letters, dashes and curly quotes: characters NFKC leaves as they are, and no
 * two of which compose. Lines of them (most lines with any non-ASCII) need no normalisation.
 */
const NFKC_STABLE = /^[\x20-\x7e\u00c0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d]*$/;

/**
 * Normalised comparison key for lines, titles and outlet names: NFKC, straight quotes, single spaces,
 * trimmed, lower case.
 * @param s a line, title or outlet name
 * @returns the key
 * @example lineKey('  Iran’s  “News”  ') // 'iran\'s "news"'
 */
export function lineKey(s: string): string {
  // Printable ASCII (most lines): nothing to normalise or straighten, only spaces to collapse.
  if (PRINTABLE_ASCII.test(s)) return s.replace(/ {2,}/g, ' ').trim().toLowerCase();
  // No character that NFKC changes, and spaces the only whitespace: quotes to straighten, spaces to collapse.
  if (NFKC_STABLE.test(s)) return s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/ {2,}/g, ' ').trim().toLowerCase();
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A line with the lines that continue it when the text is hard-wrapped ('' when none does). */
function wrappedParagraph(lines: Line[], index: number): string {
  let paragraph = lines[index].text.trim();
  let last = paragraph;
  for (let next = index + 1; next < lines.length && continuesOnNextLine(last, lines[next].text); next++) {
    last = lines[next].text.trim();
    paragraph += ` ${last}`;
  }
  return paragraph === lines[index].text.trim() ? '' : paragraph;
}

/** Lines of one wrapped paragraph: a story's, unless too short (a widget cut off mid-sentence is cut off later). */
function isWrappedBody(paragraph: string): boolean {
  return paragraph !== '' && (isBodyLine(paragraph) || paragraph.split(/\s+/).length >= 10);
}

/** Ends like a sentence (possibly inside closing quotes/brackets). */
function isSentence(t: string): boolean {
  return /[.!?…][\s"'’”)\]]*$/.test(t.trim());
}

/** A story paragraph: sentence-final punctuation and enough words, or simply long. */
function isBodyLine(t: string): boolean {
  const words = t.split(/\s+/).filter(Boolean).length;
  return (isSentence(t) && words >= 6) || t.length >= 200;
}

/** A line that is only a date/time stamp, e.g. "Monday, 12 April 2021 2:36 PM" or "Updated: 2021-04-12 14:36". */
function isDateOnly(t: string): boolean {
  if (t.length > 80) return false;
  if (!WEEKDAY_OR_MONTH.test(t) && !/\d{4}-\d{2}-\d{2}/.test(t)) return false;
  return t.replace(DATE_LINE_RESIDUE, '').trim() === '';
}
