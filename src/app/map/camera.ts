/**
 * Moving the camera to an event: points are flown to at a zoom that suits their precision, areas and
 * countries are fitted. Honours prefers-reduced-motion (jumps instead of flying).
 */
import { bbox } from '@turf/turf';
import type { Map as MaplibreMap, LngLatBoundsLike, PaddingOptions } from 'maplibre-gl';
import type { DatelineEvent, PlacePrecision } from '../../core/types';

/** Zoom to show a point event at, by precision: close for a site, wide for a country. */
const ZOOM_FOR_PRECISION: Record<PlacePrecision, number> = { site: 9, city: 7, region: 5.5, country: 4.5 };

function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Brings an event into view, keeping the current zoom when it is already closer.
 * @param padding room kept free (e.g. for the popup above the point)
 */
export function showEvent(map: MaplibreMap, event: DatelineEvent, padding: Partial<PaddingOptions> = {}): void {
  const p = event.properties;
  const animate = !prefersReducedMotion();
  const pad = { top: 40, bottom: 40, left: 40, right: 40, ...padding };
  // Leave room above the point for the popup (anchored below it when there is space).
  if (padding.top === undefined) pad.top = Math.min(map.getContainer().clientHeight * 0.55, 360);
  const g = event.geometry;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const [w, s, e, n] = bbox(event);
    map.fitBounds([w, s, e, n] as LngLatBoundsLike, { padding: pad, maxZoom: 8, animate, duration: 900 });
    return;
  }
  const zoom = Math.max(map.getZoom(), p.place_precision === 'country' ? 4 : Math.min(ZOOM_FOR_PRECISION[p.place_precision], 6));
  map.flyTo({ center: [p.lon, p.lat], zoom, padding: pad, animate, duration: 900, essential: false });
}

/** Room (CSS px) kept free on each side of the map. */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Room kept free around the events in the default view, by what sits on the map's edges. */
export function eventsPadding(layout: { legendOpen: boolean; narrow: boolean }): Padding {
  // An open legend covers the left side (wide screens); otherwise its folded button sits top-left,
  // the zoom buttons top-right, the scale bottom-left. Markers are up to ~12 px in radius.
  if (layout.legendOpen && !layout.narrow) return { top: 50, bottom: 50, left: 280, right: 100 };
  return { top: 50, bottom: 50, left: 50, right: 70 };
}

/**
 * Padding that leaves the events at least half of each dimension: on a small map (a phone's embed)
 * the wanted padding shrinks in proportion instead of making the fit impossible.
 * @example fitPadding(300, 200, { top: 50, bottom: 50, left: 280, right: 100 }) // ≈ { top: 50, bottom: 50, left: 110.5, right: 39.5 }
 */
export function fitPadding(width: number, height: number, wanted: Padding): Padding {
  const x = Math.min(1, (width / 2) / Math.max(1, wanted.left + wanted.right));
  const y = Math.min(1, (height / 2) / Math.max(1, wanted.top + wanted.bottom));
  return { top: wanted.top * y, bottom: wanted.bottom * y, left: wanted.left * x, right: wanted.right * x };
}

/**
 * Fits the map to all events (the default view when the URL names none).
 * @param size the map's size; by default its container's, read now (which lays the page out first if it
 *   changed: after a large DOM update, pass a size read before it)
 * @returns false when there is nothing to fit
 */
export function fitEvents(map: MaplibreMap, events: readonly DatelineEvent[], padding: Partial<PaddingOptions> = {}, size?: { width: number; height: number }): boolean {
  if (events.length === 0) return false;
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: events as DatelineEvent[] });
  const { width, height } = size ?? { width: map.getContainer().clientWidth, height: map.getContainer().clientHeight };
  const pad = fitPadding(width, height, { top: 50, bottom: 50, left: 50, right: 50, ...padding });
  map.fitBounds([w, s, e, n] as LngLatBoundsLike, { padding: pad, maxZoom: 6, animate: false });
  return true;
}

/**
 * Event data for a camera move that replaces the default view (the jump to an imported layer): like a
 * move by hand, it stops {@link keepEventsFitted} from refitting the first view when the map resizes.
 * @example map.fitBounds(box, { animate: false }, LEAVES_DEFAULT_VIEW)
 */
export const LEAVES_DEFAULT_VIEW = Object.freeze({ leavesDefaultView: true });

/**
 * Fits the events now and again each time the map changes size (an embed's frame growing to the
 * height it asked for, a phone turned), until someone moves the map by hand.
 * @param onstop called when it stops following because the map was moved
 * @returns a function that stops following the size
 */
export function keepEventsFitted(map: MaplibreMap, events: readonly DatelineEvent[], padding: Partial<PaddingOptions>, onstop?: () => void): () => void {
  fitEvents(map, events, padding);
  const onResize = () => fitEvents(map, events, padding);
  // Moves made by a person carry the input event, moves to a new view (an import) LEAVES_DEFAULT_VIEW;
  // the fits above carry neither.
  const onMoveStart = (e: { originalEvent?: unknown; leavesDefaultView?: boolean }) => {
    if (!e.originalEvent && !e.leavesDefaultView) return;
    stop();
    onstop?.();
  };
  const stop = () => {
    map.off('resize', onResize);
    map.off('movestart', onMoveStart);
  };
  map.on('resize', onResize);
  map.on('movestart', onMoveStart);
  return stop;
}
