/**
 * Keeps the URL and the app state in step (format in src/core/urlstate.ts). Map moves and filter
 * changes replace the current history entry (throttled: browsers limit history calls); choosing an
 * event pushes a new one, so Back returns to the previous selection. Back/forward and reload restore.
 */
import { parseUrlState, serializeUrlState, type BasemapChoice, type UrlState, type UrlStateProblem } from '../../core/urlstate';
import { EVENT_TYPES } from '../../core/taxonomy';
import type { TimelineState } from './timeline.svelte';
import type { FiltersState } from './filters.svelte';
import type { Selection } from './selection.svelte';
import type { MapContext } from '../map/map-context.svelte';

/** Minimum time between two replaceState calls (ms). */
const REPLACE_INTERVAL_MS = 300;

export interface UrlSyncTargets {
  timeline: TimelineState;
  filters: FiltersState;
  selection: Selection;
  mapContext: MapContext;
}

export class UrlSync {
  /** The state read from the URL at startup. */
  readonly initial: UrlState;
  /** Parameters that could not be used, shown to the user. */
  problems = $state.raw<UrlStateProblem[]>([]);
  readonly basemap: BasemapChoice;

  #targets: UrlSyncTargets;
  #lastEvent: string | null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending: string | null = null;

  constructor(targets: UrlSyncTargets, search = location.search) {
    this.#targets = targets;
    const { state, problems } = parseUrlState(search);
    this.initial = state;
    this.problems = problems;
    this.basemap = state.basemap ?? 'offline';
    this.#lastEvent = state.event ?? null;
  }

  /** Applies the non-view parts of a URL state (the view is the map's to apply). */
  applyState(state: UrlState, origin: 'url' | 'history'): void {
    const { timeline, filters, selection } = this.#targets;
    if (state.window) timeline.setWindowIso(state.window.from, state.window.to);
    else if (origin === 'history') timeline.resetWindow();
    timeline.mode = state.mode ?? 'window';
    timeline.showUndated = state.undated ?? true;
    // Absent from the URL: keep the startup defaults, or go back to them when history says so.
    if (state.layers) filters.setTypes(state.layers);
    else if (origin === 'history') filters.setTypes(EVENT_TYPES);
    if (state.query !== undefined) filters.text = state.query;
    else if (origin === 'history') filters.text = '';
    const event = state.event ?? null;
    if (event !== selection.id) selection.select(event, origin);
    this.#lastEvent = event;
  }

  /** The state to write, from the app's current state. */
  current(): UrlState {
    const { timeline, filters, selection, mapContext } = this.#targets;
    return {
      // The automatic fit to the events is no chosen view: left out, it is fitted again where the link opens.
      view: mapContext.fittedToEvents ? undefined : (mapContext.view ?? undefined),
      window: timeline.domain && !timeline.isFullRange ? timeline.windowIso : undefined,
      mode: timeline.mode,
      undated: timeline.showUndated,
      layers: filters.allTypesOn ? undefined : filters.types,
      query: filters.text || undefined,
      event: selection.id ?? undefined,
      basemap: this.basemap,
    };
  }

  /** Writes the current state: pushState when the selection changed, else a throttled replaceState. */
  write(): void {
    const state = this.current();
    const search = serializeUrlState(state, location.search);
    const event = state.event ?? null;
    if (event !== this.#lastEvent) {
      this.#lastEvent = event;
      this.#flush();
      if (search !== location.search) history.pushState(null, '', search || location.pathname);
      return;
    }
    this.#pending = search;
    this.#timer ??= setTimeout(() => this.#flush(), REPLACE_INTERVAL_MS);
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const search = this.#pending;
    this.#pending = null;
    if (search !== null && search !== location.search) history.replaceState(null, '', search || location.pathname);
  }

  /**
   * Reads the URL after back/forward.
   * @returns the parsed state (the caller moves the map to its view)
   */
  onPopState(): UrlState {
    this.#pending = null;
    const { state, problems } = parseUrlState(location.search);
    this.problems = problems;
    this.applyState(state, 'history');
    return state;
  }

  dismissProblems(): void {
    this.problems = [];
  }
}
