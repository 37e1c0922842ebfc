/**
 * After an import: show the new layer where and when it is — fly the map to its extent, and fit the time
 * slider's window to its dates (`layerExtent`, src/core/io/extent.ts).
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { layerExtent } from '../../core/io/extent';
import type { DatelineEvent } from '../../core/types';
import type { TimelineState } from '../state/timeline.svelte';

/** Moves the map to show every one of the events (at most to a city's zoom for a single place). */
export function flyToEvents(map: MaplibreMap | null, events: readonly DatelineEvent[]): boolean {
  const { bbox } = layerExtent(events);
  if (!map || !bbox) return false;
  // A jump, not an animation: the dialog is still open over the map, and every animated frame is a full
  // repaint (slow where WebGL runs in software).
  map.fitBounds(bbox, { padding: 60, maxZoom: 9, duration: 0 });
  return true;
}

/** Sets the time window to the first and last day the events cover; false when none is dated. */
export function fitSliderToEvents(timeline: TimelineState, events: readonly DatelineEvent[]): boolean {
  const { start, end } = layerExtent(events);
  if (start === null || end === null) return false;
  timeline.setWindow(start, end);
  return true;
}
