/**
 * What the user narrowed the events to besides time: a text query and the event types switched on.
 * Together with the timeline it makes the `ShownCriteria` that src/core/eventfilter.ts turns into the
 * shown events (list, export) and the map filter. The per-type layer toggles are these `types`.
 */
import { createContext } from 'svelte';
import { EVENT_TYPES, type EventType } from '../../core/taxonomy';
import type { ShownCriteria } from '../../core/eventfilter';
import type { TimelineState } from './timeline.svelte';

export class FiltersState {
  /** Free-text query (title, place, actors, outlets). */
  text = $state('');
  /** Event types switched on, in taxonomy order. */
  types = $state.raw<EventType[]>([...EVENT_TYPES]);

  readonly allTypesOn = $derived(this.types.length === EVENT_TYPES.length);

  isOn(type: EventType): boolean {
    return this.types.includes(type);
  }

  /** Switches one type on or off (keeps taxonomy order, so URLs stay stable). */
  setType(type: EventType, on: boolean): void {
    this.types = EVENT_TYPES.filter((t) => (t === type ? on : this.types.includes(t)));
  }

  toggleType(type: EventType): void {
    this.setType(type, !this.isOn(type));
  }

  /** Sets the active types (e.g. from the URL's `layers`); unknown names are the caller's to report. */
  setTypes(types: readonly EventType[]): void {
    this.types = EVENT_TYPES.filter((t) => types.includes(t));
  }

  /** Clears the text and switches every type on. */
  reset(): void {
    this.text = '';
    this.types = [...EVENT_TYPES];
  }
}

/**
 * Everything that decides what is shown, for `shownEvents` / `shownFilterExpression`.
 * @example const shown = $derived(shownEvents(events.all, shownCriteria(filters, timeline)));
 */
export function shownCriteria(filters: FiltersState, timeline: TimelineState): ShownCriteria {
  return { ...timeline.filter, text: filters.text, types: filters.types };
}

export const [getFilters, setFilters] = createContext<FiltersState>();
