import { describe, expect, test } from 'vitest';
import { disagreements, eventDateText, publishedText, quoteSegments, roleLines, safeHttpUrl, sourceCountText } from '../../src/app/map/popup-format';
import type { EventSource } from '../../src/core/types';

describe('quoteSegments', () => {
  test('marks place and date words and reproduces the quote exactly', () => {
    const quote = 'held in Tehran on Monday, he said';
    const segments = quoteSegments(quote, [
      { start: 18, end: 24, kind: 'date' },
      { start: 8, end: 14, kind: 'place' },
    ]);
    expect(segments).toEqual([
      { text: 'held in ' },
      { text: 'Tehran', kind: 'place' },
      { text: ' on ' },
      { text: 'Monday', kind: 'date' },
      { text: ', he said' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(quote);
  });

  test('overlapping, empty and out-of-range highlights never duplicate or lose text', () => {
    const quote = 'Baghdad International Airport';
    const segments = quoteSegments(quote, [
      { start: 0, end: 7, kind: 'place' },
      { start: 0, end: 29, kind: 'place' },
      { start: 5, end: 5, kind: 'date' },
      { start: 20, end: 500, kind: 'date' },
      { start: -4, end: -1, kind: 'date' },
    ]);
    expect(segments).toEqual([{ text: quote, kind: 'place' }]);
  });

  test('markup in a quote stays text', () => {
    expect(quoteSegments('<b>x</b>', [])).toEqual([{ text: '<b>x</b>' }]);
  });
});

describe('roleLines', () => {
  test('lists who acted, who was targeted and who commented, leaving out empty roles', () => {
    expect(roleLines({ actors: ['Al-Shabaab', 'Jane Doe'], roles: { acted: ['Al-Shabaab'], targets: ['Jane Doe'], commenters: [] } })).toEqual([
      { label: 'Who acted', names: 'Al-Shabaab' },
      { label: 'Targeted', names: 'Jane Doe' },
    ]);
    expect(roleLines({ actors: [], roles: { acted: [], targets: [], commenters: ['UN envoy'] } })).toEqual([{ label: 'Commented', names: 'UN envoy' }]);
  });

  test('files without roles show their actors as one line, and nothing when there are none', () => {
    expect(roleLines({ actors: ['Mayor of Gao', 'Governor of Kidal'] })).toEqual([{ label: 'Involved', names: 'Mayor of Gao, Governor of Kidal' }]);
    expect(roleLines({ actors: [] })).toEqual([]);
  });
});

describe('safeHttpUrl', () => {
  test.each([
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['data:text/html,<script>', null],
    ['/relative/path', null],
    ['', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(safeHttpUrl(url)).toBe(expected);
  });
});

test('dates read with their precision', () => {
  expect(eventDateText({ date_start: '2021-04-12', date_end: '2021-04-12', time_precision: 'day' })).toBe('12 April 2021 (day precision)');
  expect(eventDateText({ date_start: '2014-01-01', date_end: '2014-12-31', time_precision: 'year' })).toBe('2014 (year precision)');
  expect(eventDateText({ date_start: null, date_end: null, time_precision: null })).toBe('Date unknown');
  // An announced event says so before its date.
  expect(eventDateText({ date_start: '2023-03-15', date_end: '2023-03-15', time_precision: 'day', planned: true })).toBe('Planned: 15 March 2023 (day precision)');
  expect(eventDateText({ date_start: null, date_end: null, time_precision: null, planned: true })).toBe('Planned, date unknown');
  expect(publishedText('2021-04-12T14:36')).toBe('12 April 2021, 14:36');
  expect(publishedText('')).toBe('date unknown');
});

describe('disagreements', () => {
  const source = (date: string | null, place_name: string): EventSource => ({
    file: 'a.txt', outlet: 'A', url: '', published: '', title: '', quote: '', start: 0, end: 0, highlights: [], date, place_name,
  });

  test('the pipeline’s own notes win', () => {
    expect(disagreements({ conflicts: ['X says Monday'], sources: [source('2021-04-12', 'Tehran'), source('2021-04-13', 'Tehran')] })).toEqual([
      'X says Monday',
    ]);
  });

  test('otherwise differing dates and places are spelled out; unknowns are not a disagreement', () => {
    expect(
      disagreements({ conflicts: [], sources: [source('2021-04-12', 'Tehran'), source('2021-04-13', 'Tehran'), source(null, '')] }),
    ).toEqual(['Sources give different dates: 12 April 2021, 13 April 2021']);
    expect(disagreements({ conflicts: [], sources: [source(null, 'Tehran'), source(null, 'Baghdad')] })).toEqual([
      'Sources name different places: Baghdad, Tehran',
    ]);
    expect(disagreements({ conflicts: [], sources: [source('2021-04-12', 'Tehran'), source(null, 'Tehran')] })).toEqual([]);
  });
});

describe('sourceCountText', () => {
  test('says when an imported row names no source, instead of "0 sources"', () => {
    expect([0, 1, 2].map(sourceCountText)).toEqual(['no source given', '1 source', '2 sources']);
  });
});
