/**
 * Fixture tests for src/core/timewindow.ts: each tests/fixtures/timewindow/in/<case>.json (date fields,
 * windows, tick budget) is turned into a readable report compared with out/<case>.json.
 * `REGEN=1 npm run test:unit` rewrites the expected files; review the diff.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  addCalendar,
  axisTicks,
  binCounts,
  dayNumberProperties,
  eventSpan,
  floorCalendar,
  formatDay,
  formatEventDate,
  formatWindow,
  histogram,
  histogramInSlices,
  isSpanVisible,
  keyboardSteps,
  windowFilterExpression,
  type DaySpan,
  type TimeFilter,
  type WindowMode,
} from '../../src/core/timewindow';
import { dayFromCivil, dayFromIso, isoFromDay } from '../../src/core/calendar';
import type { TimePrecision } from '../../src/core/types';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/timewindow');

interface DateFields {
  id: string;
  date_start: string | null;
  date_end: string | null;
  time_precision: TimePrecision | null;
}
interface WindowCase {
  start: string;
  end: string;
  mode: WindowMode;
  showUndated: boolean;
}
interface TimewindowCase {
  description: string;
  events: DateFields[];
  windows: WindowCase[];
  maxTicks: number;
}

const isoSpan = (span: DaySpan | null) => (span ? `${isoFromDay(span.start)}..${isoFromDay(span.end)}` : null);

function toFilter(w: WindowCase): TimeFilter {
  return { start: dayFromIso(w.start)!, end: dayFromIso(w.end)!, mode: w.mode, showUndated: w.showUndated };
}

/** Everything timewindow.ts says about one case, in words a reviewer can check. */
function report(input: TimewindowCase) {
  const spans = input.events.map((e) => eventSpan(e));
  const hist = histogram(spans);
  return {
    events: input.events.map((e, i) => ({ id: e.id, span: isoSpan(spans[i]), label: formatEventDate(e) })),
    histogram: hist && {
      step: `${hist.step.n} ${hist.step.unit}`,
      domain: isoSpan(hist.domain),
      binCount: hist.bins.length,
      max: hist.max,
      // Only bins with events, to keep the file readable: "first day: count (precise)".
      nonEmpty: hist.bins.filter((b) => b.count > 0).map((b) => `${isoFromDay(b.start)}: ${b.count} (${b.precise})`),
    },
    keyboardSteps: hist && keyboardSteps(hist.domain),
    ticks: hist && axisTicks(hist.domain, input.maxTicks).map((t) => `${isoFromDay(t.day)} ${t.label}`),
    windows: input.windows.map((w) => {
      const filter = toFilter(w);
      return {
        window: `${w.mode} ${formatWindow(filter)}${w.showUndated ? ' + undated' : ''}`,
        visible: input.events.filter((_, i) => isSpanVisible(spans[i], filter)).map((e) => e.id),
      };
    }),
  };
}

const cases = readdirSync(path.join(FIXTURES, 'in')).filter((f) => f.endsWith('.json'));

describe('timewindow fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(3));
  for (const file of cases) {
    it(file, () => {
      const input = JSON.parse(readFileSync(path.join(FIXTURES, 'in', file), 'utf8')) as TimewindowCase;
      const actual = report(input);
      const outFile = path.join(FIXTURES, 'out', file);
      if (process.env.REGEN || !existsSync(outFile)) writeFileSync(outFile, JSON.stringify(actual, null, 2) + '\n');
      expect(actual).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
    });
  }
});

describe('calendar steps', () => {
  it('adds months and years with the day clamped to the month', () => {
    const jan31 = dayFromCivil(2020, 1, 31);
    expect(isoFromDay(addCalendar(jan31, 'month', 1))).toBe('2020-02-29');
    expect(isoFromDay(addCalendar(jan31, 'month', -2))).toBe('2019-11-30');
    expect(isoFromDay(addCalendar(dayFromCivil(2020, 2, 29), 'year', 1))).toBe('2021-02-28');
    expect(isoFromDay(addCalendar(jan31, 'week', 1))).toBe('2020-02-07');
  });

  it('floors to Mondays, quarters and decades', () => {
    const day = dayFromCivil(2021, 4, 15); // a Thursday
    expect(isoFromDay(floorCalendar(day, { unit: 'week', n: 1 }))).toBe('2021-04-12');
    expect(isoFromDay(floorCalendar(day, { unit: 'month', n: 3 }))).toBe('2021-04-01');
    expect(isoFromDay(floorCalendar(day, { unit: 'year', n: 10 }))).toBe('2020-01-01');
  });

  it('formats days as they are read aloud', () => {
    expect(formatDay(dayFromCivil(2021, 4, 12))).toBe('12 April 2021');
    expect(formatDay(dayFromCivil(2014, 1, 1))).toBe('1 January 2014');
  });

  it('does not depend on the process time zone', () => {
    const before = process.env.TZ;
    const outputs = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((tz) => {
      process.env.TZ = tz;
      const span = eventSpan({ date_start: '2021-04-12T23:30:00+05:00', date_end: null, time_precision: 'month' });
      return [isoSpan(span), formatDay(span!.start)];
    });
    process.env.TZ = before;
    expect(new Set(outputs.map((o) => o.join()))).toHaveProperty('size', 1);
  });
});

describe('binCounts', () => {
  it('counts a subset into the bins of the full histogram, clipping spans outside it', () => {
    const all = [
      { start: dayFromCivil(2014, 1, 1), end: dayFromCivil(2014, 12, 31) },
      { start: dayFromCivil(2020, 1, 3), end: dayFromCivil(2020, 1, 3) },
      null,
    ];
    const hist = histogram(all)!;
    const subset = binCounts(hist, [all[1], null, { start: dayFromCivil(2030, 1, 1), end: dayFromCivil(2030, 1, 1) }]);
    expect(subset).toHaveLength(hist.bins.length);
    const nonEmpty = subset.map((b, i) => [isoFromDay(hist.bins[i].start), b.count, b.precise]).filter((b) => b[1]);
    expect(nonEmpty).toEqual([['2020-01-01', 2, 2]]); // the 2030 span lands in the last bin (January 2020)
    expect(binCounts(hist, all).map((b) => b.count)).toEqual(hist.bins.map((b) => b.count));
  });
});

describe('map filter expression', () => {
  // The expression the map evaluates must agree with isSpanVisible for every span/window combination.
  const spans: (DaySpan | null)[] = [null];
  for (let start = 0; start < 12; start += 2) for (let len = 0; len < 6; len += 2) spans.push({ start, end: start + len });
  const features = spans.map((span, i) => ({
    type: 2,
    id: i,
    properties: dayNumberProperties(
      span
        ? { date_start: isoFromDay(span.start), date_end: isoFromDay(span.end), time_precision: 'day' }
        : { date_start: null, date_end: null, time_precision: null },
    ),
  }));

  for (const mode of ['window', 'cumulative'] as const) {
    for (const showUndated of [false, true]) {
      it(`matches isSpanVisible in ${mode} mode${showUndated ? ' with undated' : ''}`, () => {
        for (const [start, end] of [[0, 0], [3, 5], [5, 3 + 5], [11, 20], [-5, -1]]) {
          const filter: TimeFilter = { start, end, mode, showUndated };
          const compiled = featureFilter(windowFilterExpression(filter) as FilterSpecification, 'filter');
          const byMap = features.map((f) => compiled.filter({ zoom: 0 }, f as never));
          expect(byMap).toEqual(spans.map((s) => isSpanVisible(s, filter)));
        }
      });
    }
  }
});

describe('histogramInSlices', () => {
  it('bins the same as histogram, in steps', () => {
    const spans = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? null : { start: 16000 + i * 3, end: 16000 + i * 3 + (i % 40) }));
    const work = histogramInSlices(spans, {}, 100);
    let yields = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(10);
    expect(step.value).toEqual(histogram(spans));
  });
});
