/**
 * The histogram's shown bars per slider step (shownBinCounts, typed arrays read once per spans array)
 * must equal counting the visible spans the plain way, for any mix of long and short spans, undated
 * ones, spans beyond the histogram's ends (a zoomed slider), windows and modes, and again after the
 * window moves (the per-array index is reused); a bin a step did not change keeps its entry.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { binCounts, histogram, isSpanVisible, type DaySpan, type TimeFilter } from '../../src/core/timewindow';
import { shownBinCounts } from '../../src/app/timeline/shown-bins';

const arbitrarySpans = fc.array(
  fc.option(
    fc.tuple(fc.integer({ min: 16000, max: 19000 }), fc.integer({ min: 0, max: 900 })).map(([start, length]): DaySpan => ({ start, end: start + length })),
    { nil: null, freq: 8 },
  ),
  { maxLength: 400 },
);
const arbitraryFilter = fc
  .record({
    start: fc.integer({ min: 15800, max: 19200 }),
    length: fc.integer({ min: 0, max: 3000 }),
    mode: fc.constantFrom<'window' | 'cumulative'>('window', 'cumulative'),
    showUndated: fc.boolean(),
  })
  .map(({ start, length, mode, showUndated }): TimeFilter => ({ start, end: start + length, mode, showUndated }));

describe('shownBinCounts', () => {
  test('counts what binCounts counts of the visible spans, step after step', () => {
    fc.assert(
      fc.property(arbitrarySpans, fc.array(arbitraryFilter, { minLength: 1, maxLength: 4 }), fc.integer({ min: 3, max: 120 }), (spans, filters, maxBins) => {
        const hist = histogram(spans, { maxBins });
        if (!hist) return;
        // Spans beyond the histogram's ends, as when the slider is fitted to one layer: counted in the end bins.
        spans = [...spans, { start: hist.domain.start - 40, end: hist.domain.start - 1 }, { start: hist.domain.end + 1, end: hist.domain.end + 9 }, { start: hist.domain.start - 5, end: hist.domain.end + 5 }];
        for (const filter of filters) {
          const expected = binCounts(hist, spans.filter((s) => s !== null && isSpanVisible(s, filter)));
          expect(shownBinCounts(hist, spans, filter)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('follows a new histogram of the same spans (other bins)', () => {
    const spans: (DaySpan | null)[] = [{ start: 16071, end: 16071 }, { start: 16071, end: 16500 }, null, { start: 18000, end: 18000 }];
    const filter: TimeFilter = { start: 16000, end: 16100, mode: 'window', showUndated: true };
    const byDay = histogram(spans, { maxBins: 5000 })!;
    const byYear = histogram(spans, { maxBins: 8 })!;
    expect(shownBinCounts(byDay, spans, filter)).toEqual(binCounts(byDay, [spans[0], spans[1]]));
    expect(shownBinCounts(byYear, spans, filter)).toEqual(binCounts(byYear, [spans[0], spans[1]]));
    // The year bins: both visible events in 2014's bin, only the one inside the year counted as precise there.
    expect(shownBinCounts(byYear, spans, filter).find((b) => b.count > 0)).toEqual({ count: 2, precise: 1 });
  });

  test('a step returns the very same entry for every bin it did not change (those bars are not redrawn)', () => {
    // 50,000 one-day events over 2014–2021 in months; the window's end moves back a week at a time.
    const spans: DaySpan[] = Array.from({ length: 50_000 }, (_, i) => ({ start: 16071 + ((i * 7919) % 2922), end: 16071 + ((i * 7919) % 2922) }));
    const hist = histogram(spans)!;
    let filter: TimeFilter = { start: hist.domain.start, end: hist.domain.end, mode: 'window', showUndated: false };
    let before = shownBinCounts(hist, spans, filter);
    for (let step = 0; step < 6; step++) {
      filter = { ...filter, end: filter.end - 7 };
      const now = shownBinCounts(hist, spans, filter);
      expect(now).toEqual(binCounts(hist, spans.filter((s) => isSpanVisible(s, filter))));
      // Only the bin the end moved through changed: every other bin's entry is the very same object.
      const changed = now.filter((bin, k) => bin !== before[k]).length;
      expect(changed).toBeLessThanOrEqual(2);
      expect(changed).toBeGreaterThanOrEqual(1);
      before = now;
    }
  });
});
