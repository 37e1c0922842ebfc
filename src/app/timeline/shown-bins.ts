/**
 * The histogram's "shown" bars at every slider step, without touching an event object: each event's
 * days and first and last bin are read once per spans array and histogram, so a step over 100,000
 * events is one pass over typed arrays (no per-event arrays to build and collect, no bin searches), and
 * a bin whose counts did not change keeps its entry, so its bars are not redrawn.
 */
import { binIndex, type DaySpan, type Histogram, type TimeFilter } from '../../core/timewindow';

interface SpanBins {
  hist: Histogram;
  starts: Float64Array;
  ends: Float64Array;
  /** First and last bin each span touches; -1 when undated (never counted). */
  first: Int32Array;
  last: Int32Array;
  /** The counts last returned, whose unchanged entries are returned again. */
  shown: BinCount[];
}

/** Shown events in one bin: all of them, and of those the ones wholly inside it. */
export interface BinCount {
  count: number;
  precise: number;
}

/** Per spans array: its bins in the last histogram asked for. */
const cache = new WeakMap<readonly (DaySpan | null)[], SpanBins>();

function spanBins(hist: Histogram, spans: readonly (DaySpan | null)[]): SpanBins {
  const cached = cache.get(spans);
  if (cached && cached.hist === hist && cached.starts.length === spans.length) return cached;
  const binStarts = hist.bins.map((b) => b.start);
  const starts = new Float64Array(spans.length);
  const ends = new Float64Array(spans.length);
  const first = new Int32Array(spans.length).fill(-1);
  const last = new Int32Array(spans.length).fill(-1);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (!span) continue;
    starts[i] = span.start;
    ends[i] = span.end;
    first[i] = binIndex(binStarts, span.start);
    last[i] = binIndex(binStarts, span.end);
  }
  const made: SpanBins = { hist, starts, ends, first, last, shown: [] };
  cache.set(spans, made);
  return made;
}

/**
 * Per bin of `hist`, the visible spans it counts: the same as
 * `binCounts(hist, spans.filter((s) => isSpanVisible(s, filter)))`, undated spans never counted. A bin
 * whose counts did not change since the last call (same spans and histogram) gets the same object.
 * @param hist the histogram the bins belong to
 * @param spans every event's span (the array the histogram was made from, or any other)
 * @param filter the time window
 * @returns one `{ count, precise }` per bin, in bin order
 * @example shownBinCounts(timeline.histogram, timeline.spans, timeline.filter)[0].count
 */
export function shownBinCounts(hist: Histogram, spans: readonly (DaySpan | null)[], filter: TimeFilter): BinCount[] {
  const index = spanBins(hist, spans);
  const { starts, ends, first, last, shown: previous } = index;
  const count = new Int32Array(hist.bins.length);
  const precise = new Int32Array(hist.bins.length);
  const windowStart = filter.mode === 'cumulative' ? -Infinity : filter.start;
  const windowEnd = filter.end;
  for (let i = 0; i < starts.length; i++) {
    const a = first[i];
    if (a < 0 || starts[i] > windowEnd || ends[i] < windowStart) continue;
    const b = last[i];
    if (a === b) {
      count[a]++;
      precise[a]++;
    } else for (let k = a; k <= b; k++) count[k]++;
  }
  return (index.shown = Array.from(count, (c, k) => (previous[k]?.count === c && previous[k].precise === precise[k] ? previous[k] : { count: c, precise: precise[k] })));
}

