/**
 * Dates with news semantics (src/core/dates.ts): the weekday × publication-day matrix in several time
 * zones, and fixtures tests/fixtures/dates/in/<case>.json ({ published, text }) → out/<case>.json.
 * `REGEN=1 npm run test:unit` rewrites the expected files; review the diff.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, weekdayOf } from '../../src/core/calendar';
import { earlierWindow, findDates, forwardDate, inferPublicationDate, isPlanned, lastWeekday, publicationDate, resolveRelative, urlDate } from '../../src/core/dates';

const DIR = path.resolve(__dirname, '../fixtures/dates');
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// A week of publication days: 2021-04-11 is a Sunday.
const PUBLICATION_DAYS = Array.from({ length: 7 }, (_, i) => addDays('2021-04-11', i));
const ORIGINAL_TZ = process.env.TZ;
afterAll(() => {
  process.env.TZ = ORIGINAL_TZ;
});

describe('bare weekday: the most recent such day on or before publication', () => {
  for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Adak', 'Asia/Tehran']) {
    it(`every weekday × publication weekday (TZ=${tz})`, () => {
      process.env.TZ = tz;
      for (const published of PUBLICATION_DAYS) {
        for (let wd = 0; wd < 7; wd++) {
          const text = `Officials met in Lagos on ${WEEKDAYS[wd]}.`;
          const [found] = findDates(text, published).dates;
          const back = (weekdayOf(published) - wd + 7) % 7;
          expect(found, `${WEEKDAYS[wd]} published ${published}`).toMatchObject({ text: WEEKDAYS[wd], date: addDays(published, -back), precision: 'day' });
          // The mention is the day itself, not "on" before it (the quote highlights only the date).
          expect(text.slice(found.start, found.end)).toBe(WEEKDAYS[wd]);
          expect(weekdayOf(found.date)).toBe(wd);
          expect(found.date <= published).toBe(true);
        }
      }
    });
  }

  it('lastWeekday matches the rule directly', () => {
    expect(lastWeekday(1, '2021-04-12')).toBe('2021-04-12'); // a Monday on a Monday is that day
    expect(lastWeekday(2, '2020-07-22')).toBe('2020-07-21');
    expect(lastWeekday(3, '2020-07-21')).toBe('2020-07-15');
  });
});

describe('publication dates', () => {
  it('reads a datetime as the local date of the article, in any machine time zone', () => {
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Adak']) {
      process.env.TZ = tz;
      expect(publicationDate('2021-04-12T14:36')).toBe('2021-04-12');
      expect(publicationDate('2021-04-12T23:59:00-10:00')).toBe('2021-04-12');
      expect(publicationDate('Monday, 12 April 2021 2:36 PM')).toBe('2021-04-12');
    }
    process.env.TZ = 'UTC';
  });

  it('refuses what is not a date', () => {
    expect(publicationDate('')).toBeNull();
    expect(publicationDate('soon')).toBeNull();
    expect(publicationDate('2021-02-30')).toBeNull();
  });
});

describe('helpers', () => {
  it('resolveRelative counts from a day-precision anchor only', () => {
    const rel = { start: 0, end: 32, text: 'two days after the assassination', days: 2, anchor: 'assassination' };
    expect(resolveRelative(rel, '2020-01-03', 'day')?.date).toBe('2020-01-05');
    expect(resolveRelative(rel, '2020-01-01', 'month')).toBeNull();
  });
  it('never uses today: nothing relative resolves without a publication date', () => {
    const { dates, unresolved } = findDates('They met yesterday and again on Friday.', null);
    expect(dates).toEqual([]);
    expect(unresolved.map((u) => u.text)).toEqual(['yesterday', 'Friday']);
  });
});

describe('publication date read from the page (no manifest date)', () => {
  it('prefers a Published stamp to an Updated one, and ignores related links', () => {
    const text = 'Headline\n\nBy A. Writer\nUpdated 9:05 AM, March 4, 2019\nPublished 3:14 PM, March 2, 2019\n\nTalks began on Friday.\n\nRelated: Port reopens (March 6, 2019)';
    expect(inferPublicationDate(text)).toMatchObject({ date: '2019-03-02', how: 'stamp' });
  });
  it('takes a date-only line under the byline', () => {
    expect(inferPublicationDate('Headline\n\nMarch 2, 2019 | 3:14 PM\n\nText on Friday.')?.date).toBe('2019-03-02');
  });
  it('else the latest full date that is not announced for the future', () => {
    const text = 'A caption (February 15, 2021).\n\nThe minister will visit on March 20, 2021. Work began on 3 January 2020.';
    expect(inferPublicationDate(text)).toMatchObject({ date: '2021-02-15', text: 'February 15, 2021', how: 'latest date' });
  });
  it('fixes the year of a weekday with a month-day from the latest written year, and needs one', () => {
    expect(inferPublicationDate('The flood on Monday evening (February 15) followed rains. The dam was built in 2019.')?.date).toBe('2021-02-15');
    expect(inferPublicationDate('The flood on Monday evening (February 15) followed rains.')).toBeNull();
  });
  it('lets a day written out beside a weekday name the day ("on Thursday evening (March 8th)")', () => {
    // 8 March 2024 was a Friday: the outlet's weekday is wrong (or its time zone's); the written day stands.
    const { dates } = findDates('The ferry capsized off Zanzibar on Thursday evening (March 8th), officials said.', '2024-03-08');
    expect(dates.map((d) => [d.text, d.date])).toEqual([['Thursday evening', '2024-03-08'], ['March 8th', '2024-03-08']]);
    // Only a day right beside the weekday (in brackets or after a comma) names it.
    expect(findDates('Talks ended on Monday, and on 5 March the envoy left.', '2024-03-08').dates.map((d) => d.date)).toEqual(['2024-03-04', '2024-03-05']);
  });
  it('keeps both the weekday and the month-day of a year-less date without a publication date', () => {
    const { unresolved } = findDates('Nine villagers were killed on Tuesday November 21 near Mopti.', null);
    expect(unresolved).toMatchObject([{ text: 'Tuesday November 21', weekday: 2, monthDay: '11-21' }]);
  });
  it('reads a year after "a" as a date, not a number that measures ("a 2021 drone strike", "a 1500-strong force")', () => {
    expect(findDates('He was killed in a 2021 drone strike near Gao.', '2024-02-01').dates.map((d) => d.text)).toEqual(['2021']);
    expect(findDates('A 1500-strong force guarded a 2000 km border.', '2024-02-01').dates).toEqual([]);
  });
  it('leaves the year open when two years after the latest written one fit the weekday', () => {
    // Sunday, July 16 was a Sunday in 2017 and in 2023, both within the span after 2016.
    const text = 'Raiders struck a village near Bol on the night of Sunday July 16 to Monday July 17. The Lake Chad region has seen such raids since 2016.';
    expect(inferPublicationDate(text)).toBeNull();
  });
  it('reads the month-day of a wire dateline, its year from the latest full date', () => {
    expect(inferPublicationDate('KABUL, Feb 15 (Wire) - Gunmen attacked a post on Monday. The base opened on March 3, 2020.')).toMatchObject({ date: '2021-02-15', text: 'Feb 15', how: 'dateline' });
    expect(inferPublicationDate('KABUL, Feb 15 (Wire) - No year anywhere.')).toBeNull();
  });
  it('finds nothing in a text without a full date', () => {
    expect(inferPublicationDate('They met on Monday in Lima.')).toBeNull();
  });
});

describe('announced events and back-references', () => {
  it('isPlanned: a future or intention phrase before the event word', () => {
    expect(isPlanned('President Okello will ', 'travel to')).toBe(true);
    expect(isPlanned('The minister is due to hold ', 'talks')).toBe(true);
    expect(isPlanned('She plans to ', 'visit')).toBe(true);
    expect(isPlanned('President Okello will travel to Kampala on Sunday for two days of trade ', 'talks')).toBe(true);
    expect(isPlanned('President Okello traveled to Kampala on Sunday for trade ', 'talks')).toBe(false);
    expect(isPlanned('The minister, who will retire in May, said the ', 'attack')).toBe(false);
    expect(isPlanned('Gunmen ', 'attacked')).toBe(false);
  });
  it('forwardDate: the coming weekday or the next occurrence of a year-less date', () => {
    const m = (text: string, date: string) => ({ start: 0, end: text.length, text, date, precision: 'day' as const });
    expect(forwardDate(m('Sunday', '2023-03-05'), '2023-03-08').date).toBe('2023-03-12');
    expect(forwardDate(m('15 March', '2022-03-15'), '2023-03-08').date).toBe('2023-03-15');
    expect(forwardDate(m('15 March 2022', '2022-03-15'), '2023-03-08').date).toBe('2022-03-15'); // a written year stays
    expect(forwardDate(m('yesterday', '2023-03-07'), '2023-03-08').date).toBe('2023-03-07');
    expect(forwardDate(m('Wednesday', '2023-03-08'), '2023-03-08').date).toBe('2023-03-08'); // the day itself
  });
  it('earlierWindow: "last week" is the previous calendar week, "since …" any day before; never the last two days', () => {
    expect(earlierWindow('had also ', 'gunmen had also killed a shopkeeper last week', '2021-09-22')).toEqual({ from: '2021-09-13', to: '2021-09-19' });
    expect(earlierWindow('had also ', 'gunmen had also killed a shopkeeper last week', '2021-09-20')).toEqual({ from: '2021-09-13', to: '2021-09-18' });
    expect(earlierWindow('has grown since the army ', 'x', '2021-09-20')).toEqual({ from: null, to: '2021-09-18' });
    expect(earlierWindow('Gunmen ', 'Gunmen attacked a post', '2021-09-20')).toBeNull();
    expect(earlierWindow('since the army ', 'x', null)).toBeNull();
  });
});

describe('date fixtures', () => {
  for (const name of readdirSync(path.join(DIR, 'in')).filter((f) => f.endsWith('.json')).sort()) {
    it(name, () => {
      process.env.TZ = 'UTC';
      const { published, text } = JSON.parse(readFileSync(path.join(DIR, 'in', name), 'utf8'));
      const found = findDates(text, publicationDate(published));
      for (const d of [...found.dates, ...found.relative, ...found.unresolved]) expect(text.slice(d.start, d.end)).toBe(d.text);
      const report = {
        dates: found.dates.map((d) => `${d.text} → ${d.date} (${d.precision})`),
        relative: found.relative.map((r) => `${r.text} → ${r.days >= 0 ? '+' : ''}${r.days} days from the ${r.anchor}`),
        unresolved: found.unresolved.map((u) => `${u.text}: ${u.reason}`),
      };
      const out = path.join(DIR, 'out', name);
      if (process.env.REGEN || !existsSync(out)) writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
      expect(report).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});

describe('urlDate: the day a news address is filed under', () => {
  it.each([
    ['https://example.com/world/2019/12/11/niger-attack/', '2019-12-11'],
    ['https://example.com/en/20191211-niger-soldiers-killed', '2019-12-11'],
    ['http://example.com/english/2017-06/07/c_136347953.htm', '2017-06-07'],
    ['http://example.com/world/2018/may/11/pm-arrives', '2018-05-11'],
    ['https://example.com/articles/2024/05/14/bill-passes-e', '2024-05-14'],
  ])('%s → %s', (url, day) => expect(urlDate(url)).toBe(day));

  it.each([
    ['https://example.com/news/2024123456'], // an id, not a date
    ['https://example.com/2024/02/30/not-a-day'], // no such day
    ['https://20191211.example.com/story'], // the host is not read
    ['https://example.com/story?date=2019-12-11'], // nor the query
    ['https://example.com/2024/05/'], // a month only
    ['not a url 2019/12/11'],
    [''],
  ])('%s → null', (url) => expect(urlDate(url)).toBeNull());
});
