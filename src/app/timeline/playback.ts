/**
 * How playback moves the time window, as pure functions over day numbers (TimelineState drives them;
 * unit-tested in tests/unit/timeline-playback.test.ts).
 *
 * - The speed is relative to the window: at 1× the window travels its own width in
 *   {@link PLAYBACK.windowSeconds}, so each event stays in view that long, whether the window is a
 *   month or a year wide. Cumulative mode uses one large keyboard step (a month or a year) as its width.
 * - Empty stretches are skipped: when the window would show no event (cumulative: no event began
 *   within the last width), it jumps so the next event enters at its end. After the last event has
 *   left, playback jumps to the end and stops.
 */
import type { DaySpan, WindowMode } from '../../core/timewindow';

export const PLAYBACK = {
  windowSeconds: 4, // at 1×, the window moves by its own width in this many seconds
  minWidthDays: 7, // a one-day window still moves a week per windowSeconds
};

/** The dated events' spans sorted by start, with the latest end so far: answers "any event in [a, b]?" in O(log n). */
export interface PlaybackIndex {
  starts: Float64Array;
  /** `maxEnds[i]`: the latest end among the spans up to `starts[i]`. */
  maxEnds: Float64Array;
}

/**
 * Indexes spans for playback (undated ones are left out).
 * @example playbackIndex([{ start: 5, end: 9 }, null, { start: 1, end: 2 }]) // starts [1, 5], maxEnds [2, 9]
 */
export function playbackIndex(spans: readonly (DaySpan | null)[]): PlaybackIndex {
  const dated = spans.filter((s): s is DaySpan => s !== null).sort((a, b) => a.start - b.start);
  const starts = new Float64Array(dated.length);
  const maxEnds = new Float64Array(dated.length);
  let max = -Infinity;
  dated.forEach((s, i) => {
    starts[i] = s.start;
    maxEnds[i] = max = Math.max(max, s.end);
  });
  return { starts, maxEnds };
}

/** Number of starts ≤ day (binary search). */
function countStartsUpTo(index: PlaybackIndex, day: number): number {
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the window [start, end] has something to show: an event overlapping it (window mode) or an
 * event that began in it (cumulative mode: what is new).
 * @example hasEventIn(playbackIndex([{ start: 5, end: 9 }]), 8, 20, 'window') // true
 */
export function hasEventIn(index: PlaybackIndex, start: number, end: number, mode: WindowMode): boolean {
  const upToEnd = countStartsUpTo(index, end);
  if (upToEnd === 0) return false;
  if (mode === 'cumulative') return upToEnd > countStartsUpTo(index, start - 1);
  return index.maxEnds[upToEnd - 1] >= start;
}

/**
 * The first event start after `day`, or null when none is left.
 * @example nextEventStart(playbackIndex([{ start: 5, end: 9 }]), 2) // 5
 */
export function nextEventStart(index: PlaybackIndex, day: number): number | null {
  const i = countStartsUpTo(index, day);
  return i < index.starts.length ? index.starts[i] : null;
}

/**
 * Days per second for a window `widthDays` wide at `speed` (1 = normal).
 * @example playbackRate(365, 1) // 91.25: a one-year window moves a year in 4 s
 */
export function playbackRate(widthDays: number, speed: number): number {
  return (Math.max(widthDays, PLAYBACK.minWidthDays) / PLAYBACK.windowSeconds) * speed;
}

export interface PlaybackPosition {
  /** The window's end, with sub-day precision so slow speeds still advance. */
  position: number;
  /** Days the window spans before its end (window mode: end − start; cumulative: one large step). */
  width: number;
  mode: WindowMode;
  speed: number;
  /** Last day playback may reach. */
  domainEnd: number;
}

/**
 * Where the window's end goes after `elapsedMs` of playback, and whether playback is over.
 * @example playbackStep(playbackIndex([{ start: 0, end: 0 }, { start: 1000, end: 1000 }]), { position: 10, width: 10, mode: 'window', speed: 1, domainEnd: 2000 }, 1000)
 * // { position: 1000, done: false }: the window [3.5, 13.5] is empty, so it jumps to the next event
 */
export function playbackStep(index: PlaybackIndex, at: PlaybackPosition, elapsedMs: number): { position: number; done: boolean } {
  let position = Math.min(at.domainEnd, at.position + (playbackRate(at.width, at.speed) * elapsedMs) / 1000);
  const end = Math.floor(position);
  if (!hasEventIn(index, end - at.width, end, at.mode)) {
    const next = nextEventStart(index, end);
    position = next === null ? at.domainEnd : Math.min(at.domainEnd, Math.max(position, next));
  }
  return { position, done: position >= at.domainEnd };
}
