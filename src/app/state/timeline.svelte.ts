/**
 * The time controls' state: the slider's domain and histogram (from the events), the window, the mode,
 * the "date unknown" toggle, and playback. Values are UTC day numbers (see src/core/timewindow.ts).
 *
 * The shell wires it like this:
 * - `timeline.setEvents(events.all)` whenever the events change (domain, histogram, undated count);
 * - URL → state: `timeline.setWindowIso(from, to)`, `timeline.mode = …`, `timeline.showUndated = …`
 *   (safe before `setEvents`: an explicit window is kept and clamped once the domain is known);
 * - state → URL: `timeline.windowIso` ({ from, to }), `timeline.mode`, `timeline.showUndated`;
 * - map: `timeline.filter` (a `TimeFilter`) goes into `shownCriteria(filters, timeline)`.
 */
import { createContext, untrack } from 'svelte';
import { spanOf, type HasEventProperties } from '../../core/eventfilter';
import { runInSlices } from './slices';
import {
  addCalendar,
  binCounts,
  dayFromIso,
  histogram,
  histogramInSlices,
  isoFromDay,
  keyboardSteps,
  type CalendarUnit,
  type DaySpan,
  type Histogram,
  type KeyboardSteps,
  type TimeFilter,
  type WindowMode,
} from '../../core/timewindow';
import { runToEnd, SLICE_STEP } from '../../core/slicing';
import { playbackIndex, playbackRate, playbackStep, type PlaybackIndex } from '../timeline/playback';

/** Playback speeds offered (multiples of the base rate). */
export const PLAYBACK_SPEEDS = [0.5, 1, 2, 4] as const;

export const PLAYBACK_DEFAULTS = {
  reducedMotionIntervalMs: 1500, // with prefers-reduced-motion: one discrete jump this often, no animation
};

export type Handle = 'start' | 'end';

/** A day number beyond any real date (a finite stand-in for ±∞ that JSON and map filters accept). */
const UNBOUNDED_DAYS = 1e9;

export class TimelineState {
  /** Histogram of the dated events; its domain is the slider's range. `null` while nothing is dated. */
  histogram = $state.raw<Histogram | null>(null);
  /** Each event's span (null = undated), in the order given to `setEvents`. */
  spans = $state.raw<(DaySpan | null)[]>([]);
  /** Events without a usable date (listed under "Date unknown"). */
  undatedCount = $state(0);
  /** First day of the window (day number). In cumulative mode the window starts at the domain's start. */
  start = $state(0);
  /** Last day of the window, inclusive. */
  end = $state(0);
  mode = $state<WindowMode>('window');
  showUndated = $state(true);
  playing = $state(false);
  speed = $state<number>(1);
  /** Set from `prefers-reduced-motion`: playback then jumps in steps instead of animating. */
  reducedMotion = $state(false);

  /**
   * The slider's range narrowed to some events' dates ("Fit the slider to this layer"): the histogram's
   * bars and the handles' range cover it instead of every dated event. `null`: every dated event.
   */
  zoom = $state.raw<DaySpan | null>(null);

  /** A window set explicitly (URL, user) survives `setEvents`; otherwise the window is the whole domain. */
  #windowSet = $state(false);

  readonly domain: DaySpan | null = $derived(this.histogram?.domain ?? null);
  readonly steps: KeyboardSteps = $derived(
    this.domain ? keyboardSteps(this.domain) : { small: 'day', large: 'month' },
  );
  /**
   * What the time controls show; the rule is `isSpanVisible` / `windowFilterExpression`. Until the
   * domain is known (events not yet given to `setEvents`) and no window was set, nothing is hidden by date.
   */
  readonly filter: TimeFilter = $derived(
    !this.domain && !this.#windowSet
      ? { start: -UNBOUNDED_DAYS, end: UNBOUNDED_DAYS, mode: this.mode, showUndated: this.showUndated }
      : {
          start: this.mode === 'cumulative' && this.domain ? this.domain.start : this.start,
          end: this.end,
          mode: this.mode,
          showUndated: this.showUndated,
        },
  );
  /** The window as ISO dates, for the URL. */
  readonly windowIso = $derived({ from: isoFromDay(this.start), to: isoFromDay(this.end) });
  /** Whether the window covers every dated event (the URL may then omit it); never while zoomed in. */
  readonly isFullRange = $derived(
    !this.domain || (!this.zoom && this.start <= this.domain.start && this.end >= this.domain.end),
  );

  /** Playback position with sub-day precision, so slow speeds still advance smoothly. */
  #position = 0;
  #cancelTimer: (() => void) | null = null;

  constructor(events: readonly HasEventProperties[] = []) {
    this.setEvents(events);
  }

  /**
   * Recomputes domain, histogram and undated count from the events. A window the user (or the URL)
   * narrowed is kept, clamped; a window covering everything grows with the data (e.g. after an import).
   */
  setEvents(events: readonly HasEventProperties[]): void {
    runToEnd(this.#eventsInSlices(events, Infinity));
  }

  /**
   * {@link setEvents} in short tasks (at once for small data), so a million imported events never
   * block the page; the slider keeps its old domain until they are counted.
   * @returns a function that abandons the work (when newer events arrive first)
   */
  setEventsInSlices(events: readonly HasEventProperties[]): () => void {
    return runInSlices(this.#eventsInSlices(events), () => {});
  }

  *#eventsInSlices(events: readonly HasEventProperties[], step = SLICE_STEP): Generator<void, void> {
    // spanOf: parsed once per event and shared with the list's filter (a million events re-import fast).
    const spans: (DaySpan | null)[] = new Array(events.length);
    let undated = 0;
    for (let i = 0; i < events.length; i++) {
      const span = (spans[i] = spanOf(events[i].properties));
      if (!span) undated++;
      if ((i + 1) % step === 0) yield;
    }
    const zoom = untrack(() => this.zoom);
    const zoomed = zoom && zoomedHistogram(spans, zoom);
    const hist = zoomed || (yield* histogramInSlices(spans, {}, step));
    // Reads of the window here must not make a caller's $effect depend on it (it would re-run forever).
    untrack(() => {
      const old = this.domain;
      const wasFull = !this.#windowSet || (old !== null && this.start <= old.start && this.end >= old.end);
      this.spans = spans;
      this.histogram = hist;
      this.undatedCount = undated;
      if (!zoomed) this.zoom = null; // nothing left in it (its layer was removed): every date again
      if (!hist) return;
      if (wasFull) this.#fillWindow();
      else this.setWindow(this.start, this.end);
    });
  }

  /**
   * Narrows the slider to a stretch of days and sets the window to it: the histogram's bars cover that
   * stretch (finer bins), not every dated event. "All dates" ({@link resetWindow}) widens it again.
   * @returns false when no event falls in the stretch (nothing changes)
   */
  zoomTo(start: number, end: number): boolean {
    const zoom = { start: Math.min(start, end), end: Math.max(start, end) };
    const hist = zoomedHistogram(this.spans, zoom);
    if (!hist) return false;
    this.zoom = zoom;
    this.histogram = hist;
    this.setWindow(zoom.start, zoom.end);
    return true;
  }

  /**
   * Sets the window, clamped to the domain and ordered.
   * @param start first day (day number)
   * @param end last day, inclusive
   */
  setWindow(start: number, end: number): void {
    this.#windowSet = true;
    let [a, b] = start <= end ? [start, end] : [end, start];
    if (this.domain) {
      a = clamp(a, this.domain.start, this.domain.end);
      b = clamp(b, this.domain.start, this.domain.end);
    }
    this.start = Math.round(a);
    this.end = Math.round(b);
  }

  /**
   * Sets the window from ISO dates (the URL's `from`/`to`); invalid dates leave it unchanged.
   * @returns whether both dates were valid
   */
  setWindowIso(from: string, to: string): boolean {
    const a = dayFromIso(from);
    const b = dayFromIso(to);
    if (a === null || b === null) return false;
    this.setWindow(a, b);
    return true;
  }

  /** Every date again: no zoom, the whole domain (and it follows the domain when the events change). */
  resetWindow(): void {
    if (this.zoom) {
      this.zoom = null;
      this.histogram = histogram(this.spans);
    }
    this.#fillWindow();
  }

  /** The window over the whole domain (zoomed or not), following it when the events change. */
  #fillWindow(): void {
    if (!this.domain) return;
    this.start = this.domain.start;
    this.end = this.domain.end;
    this.#windowSet = false;
  }

  /** Lowest and highest value a handle may take (the handles never cross). */
  handleBounds(handle: Handle): DaySpan {
    const domain = this.domain ?? { start: this.start, end: this.end };
    if (this.mode === 'cumulative') return domain;
    return handle === 'start' ? { start: domain.start, end: this.end } : { start: this.start, end: domain.end };
  }

  /** Moves one handle to a day, clamped between the domain's edge and the other handle. */
  setHandle(handle: Handle, day: number): void {
    const bounds = this.handleBounds(handle);
    const value = clamp(Math.round(day), bounds.start, bounds.end);
    if (handle === 'start') this.setWindow(value, this.end);
    else this.setWindow(this.mode === 'cumulative' ? Math.min(this.start, value) : this.start, value);
  }

  /** Moves one handle by whole calendar units (keyboard). */
  stepHandle(handle: Handle, unit: CalendarUnit, n: number): void {
    this.setHandle(handle, addCalendar(handle === 'start' ? this.start : this.end, unit, n));
  }

  /** Moves the whole window by `days`, keeping its width, stopping at the domain's edges (range drag). */
  shiftWindow(days: number): void {
    const domain = this.domain;
    if (!domain) return;
    const width = this.end - this.start;
    const start = clamp(Math.round(this.start + days), domain.start, domain.end - width);
    this.setWindow(start, start + width);
  }

  // -------------------------------------------------------------------------------------------------
  // Playback.

  /** Days the window spans for playback: its width, or one large step in cumulative mode (playback.ts). */
  get #playbackWidth(): number {
    if (this.mode === 'window') return this.end - this.start;
    return addCalendar(this.end, this.steps.large, 1) - this.end;
  }

  /** Days the window travels per second at the current speed: relative to its width (playback.ts). */
  get daysPerSecond(): number {
    return this.domain ? playbackRate(this.#playbackWidth, this.speed) : 0;
  }

  #index: { spans: readonly (DaySpan | null)[]; index: PlaybackIndex } | null = null;

  /** The spans indexed for skipping empty stretches, rebuilt when the events change. */
  get #playbackIndex(): PlaybackIndex {
    if (this.#index?.spans !== this.spans) this.#index = { spans: this.spans, index: playbackIndex(this.spans) };
    return this.#index.index;
  }

  /**
   * Starts playback. A window covering most of the domain first narrows to one Page Up step (a month
   * or a year), so there is room to move; with less than its own width left before the end, it first
   * rewinds to the beginning.
   */
  play(): void {
    const domain = this.domain;
    if (!domain || this.playing) return;
    if (this.mode === 'window' && (this.end - this.start) * 2 > domain.end - domain.start) {
      this.setWindow(this.start, Math.max(this.start, addCalendar(this.start, this.steps.large, 1) - 1));
    }
    if (this.end >= domain.end || domain.end - this.end < this.#playbackWidth) this.#rewind(domain);
    this.#position = this.end;
    this.playing = true;
    this.#startTimer();
  }

  pause(): void {
    this.playing = false;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
  }

  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /**
   * Advances playback by `elapsedMs` of wall time: the window (or, in cumulative mode, its end) moves
   * forward at a speed relative to its width, jumping over stretches without events; playback stops
   * at the domain's end (playback.ts). Called by the timer; public so tests can drive it.
   */
  advance(elapsedMs: number): void {
    const domain = this.domain;
    if (!domain || !this.playing) return;
    const step = playbackStep(
      this.#playbackIndex,
      { position: this.#position, width: this.#playbackWidth, mode: this.mode, speed: this.speed, domainEnd: domain.end },
      elapsedMs,
    );
    this.#position = step.position;
    const end = Math.floor(this.#position);
    if (end !== this.end) {
      if (this.mode === 'cumulative') this.setWindow(Math.min(this.start, end), end);
      else this.shiftWindow(end - this.end);
    }
    if (step.done) this.pause();
  }

  #rewind(domain: DaySpan): void {
    const width = this.end - this.start;
    if (this.mode === 'cumulative') this.setWindow(this.start, domain.start);
    else this.setWindow(domain.start, domain.start + width);
  }

  #startTimer(): void {
    this.#cancelTimer?.();
    if (this.reducedMotion || typeof requestAnimationFrame !== 'function') {
      const ms = PLAYBACK_DEFAULTS.reducedMotionIntervalMs;
      const id = setInterval(() => this.advance(ms), ms);
      this.#cancelTimer = () => clearInterval(id);
      return;
    }
    let last: number | null = null;
    let id = 0;
    const frame = (now: number) => {
      // Cap a frame's step so a backgrounded tab does not jump the window when it wakes up.
      if (last !== null) this.advance(Math.min(now - last, 100));
      last = now;
      if (this.playing) id = requestAnimationFrame(frame);
    };
    id = requestAnimationFrame(frame);
    this.#cancelTimer = () => cancelAnimationFrame(id);
  }
}

/**
 * The histogram of the spans over a stretch of days: bins as fine as for events covering just that
 * stretch, counting every event that overlaps it (one reaching beyond it counts where it overlaps, never
 * as precise). Null when no span overlaps the stretch.
 */
function zoomedHistogram(spans: readonly (DaySpan | null)[], zoom: DaySpan): Histogram | null {
  const shape = histogram([zoom]);
  if (!shape) return null;
  const { start, end } = shape.domain;
  const inside: DaySpan[] = [];
  const crossing: DaySpan[] = [];
  for (const span of spans) {
    if (!span || span.end < start || span.start > end) continue;
    if (span.start >= start && span.end <= end) inside.push(span);
    else crossing.push({ start: Math.max(span.start, start), end: Math.min(span.end, end) });
  }
  if (inside.length + crossing.length === 0) return null;
  const a = binCounts(shape, inside);
  const b = binCounts(shape, crossing);
  const bins = shape.bins.map((bin, i) => ({ ...bin, count: a[i].count + b[i].count, precise: a[i].precise }));
  return { ...shape, bins, max: bins.reduce((m, bin) => Math.max(m, bin.count), 0) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export const [getTimeline, setTimeline] = createContext<TimelineState>();
