/**
 * After an import: show the new layer where and when it is — move the map to its extent, and fit the time
 * slider (its range, histogram and window) to its dates (`layerExtent`, src/core/io/extent.ts).
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { layerExtent } from '../../core/io/extent';
import type { DatelineEvent } from '../../core/types';
import type { TimelineState } from '../state/timeline.svelte';
import { LEAVES_DEFAULT_VIEW, eventsPadding, fitPadding } from '../map/camera';

/**
 * Moves the map to show every event of some layers (at most to a city's zoom for a single place). A jump,
 * not a flight: the import dialog is still open over the map, and each frame of a flight is a full
 * repaint (seconds where WebGL runs in software). It replaces the default view, which then stops
 * refitting itself to the first events when the map resizes (the layer's toggle joins the header).
 * @returns false when there is no map or no placed event
 */
export function jumpToLayers(map: MaplibreMap | null, layers: readonly { events: readonly DatelineEvent[] }[]): boolean {
  const box = layers.map((l) => layerExtent(l.events).bbox).reduce(unionBox, null);
  if (!map || !box) return false;
  // Clear of the legend, which is open on wide screens (the first view's padding, shrunk on small maps).
  const narrow = matchMedia('(max-width: 700px)').matches;
  const container = map.getContainer();
  const padding = fitPadding(container.clientWidth, container.clientHeight, eventsPadding({ legendOpen: !narrow, narrow }));
  map.fitBounds(box, { padding, maxZoom: 9, animate: false }, LEAVES_DEFAULT_VIEW);
  return true;
}

type Box = [number, number, number, number];
const unionBox = (a: Box | null, b: Box | null): Box | null =>
  !a ? b : !b ? a : [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/**
 * Fits the slider to the first and last day the events cover: its range and histogram zoom in to them
 * and the window covers them ("All dates" zooms out); false when none is dated.
 */
export function fitSliderToEvents(timeline: TimelineState, events: readonly DatelineEvent[]): boolean {
  const { start, end } = layerExtent(events);
  if (start === null || end === null) return false;
  return timeline.zoomTo(start, end);
}
