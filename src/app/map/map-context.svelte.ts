/**
 * The one map, shared with every layer component through context. Layer components render only once
 * `map` is set and its style has loaded, so they can add sources and layers straight away.
 */
import { createContext } from 'svelte';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapView } from '../../core/urlstate';

export class MapContext {
  /** The MapLibre instance; raw state, Svelte must not proxy it. */
  map = $state.raw<MaplibreMap | null>(null);
  /** The view after the last completed move (for the URL). */
  view = $state.raw<MapView | null>(null);
  /**
   * Set while the map shows its automatic fit to the events, a view nobody chose: the URL and the
   * snippets made from it leave the view out, so wherever they are opened the map fits the events again.
   */
  fittedToEvents = $state(false);
  /** Set when a move was started by the user (drag, zoom), so the URL is updated with replaceState. */
  moving = $state(false);
  /**
   * Set when this browser cannot draw the map at all (no WebGL 2): `map` then stays null, and the
   * selected event's details are shown beside the list instead of in a popup (MapUnavailable.svelte).
   */
  unavailable = $state(false);
}

export const [getMapContext, setMapContext] = createContext<MapContext>();

/** The map of the surrounding MapView; only call inside its children. */
export function useMap(): MaplibreMap {
  const map = getMapContext().map;
  if (!map) throw new Error('useMap() outside a loaded MapView');
  return map;
}
