/**
 * Which event is selected, shared by map, list and popup. `origin` says who selected it, so the map
 * flies only when the choice came from elsewhere (list, URL, history) and the list scrolls only when
 * it came from the map.
 */
import { createContext } from 'svelte';

export type SelectionOrigin = 'map' | 'list' | 'url' | 'history' | 'api';

export class Selection {
  id = $state<string | null>(null);
  origin = $state<SelectionOrigin>('url');
  /** Increments on every selection, so choosing the same event again still flies to it. */
  serial = $state(0);

  select(id: string | null, origin: SelectionOrigin): void {
    this.id = id;
    this.origin = origin;
    this.serial++;
  }

  clear(origin: SelectionOrigin = 'map'): void {
    if (this.id !== null) this.select(null, origin);
  }
}

export const [getSelection, setSelection] = createContext<Selection>();
