/**
 * Which event is selected, shared by map, list and popup. `origin` says who selected it, so the map
 * flies only when the choice came from elsewhere (list, URL, history) and the list scrolls only when
 * it came from the map.
 */
import { createContext } from 'svelte';

/** Who selected: a map click, Enter on the focused map ('keyboard'), the list, a link, history, a host page. */
export type SelectionOrigin = 'map' | 'keyboard' | 'list' | 'url' | 'history' | 'api';

export class Selection {
  id = $state<string | null>(null);
  origin = $state<SelectionOrigin>('url');
  /** Increments on every selection, so choosing the same event again still flies to it. */
  serial = $state(0);
  /**
   * Events that were under the pointer together with the selected one (same place), so the popup can
   * offer them; empty unless the selection came from a map click on several events.
   */
  group = $state.raw<string[]>([]);

  /**
   * Selects an event (or none).
   * @param group for map clicks: every event under the pointer, topmost first
   */
  select(id: string | null, origin: SelectionOrigin, group: string[] = []): void {
    this.id = id;
    this.origin = origin;
    this.group = id !== null && group.length > 1 ? group : [];
    this.serial++;
  }

  /** Switches to another event of the current group, keeping the group. */
  selectInGroup(id: string): void {
    const group = this.group;
    this.select(id, 'map', group);
  }

  clear(origin: SelectionOrigin = 'map'): void {
    if (this.id !== null) this.select(null, origin);
  }
}

export const [getSelection, setSelection] = createContext<Selection>();
