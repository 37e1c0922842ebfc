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

/**
 * Fits the map to all events (the default view when the URL names none).
 * @returns false when there is nothing to fit
 */
export function fitEvents(
  map: MaplibreMap,
  events: readonly DatelineEvent[],
  padding: Partial<PaddingOptions> = {},
): boolean {
  if (events.length === 0) return false;
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: events as DatelineEvent[] });
  const pad = { top: 50, bottom: 50, left: 50, right: 50, ...padding };
  map.fitBounds([w, s, e, n] as LngLatBoundsLike, { padding: pad, maxZoom: 6, animate: false });
  return true;
}
