/**
 * Country outlines for country-level events that carry only a point (imports, mostly): such an event is
 * drawn as its whole country. Events that bring their own polygon (the pipeline's) need none, so the
 * outlines file (735 KB of TopoJSON) and topojson-client are fetched only once an event needs them,
 * never for a first view that does not.
 */
import countriesUrl from '$basemap/countries.topo.json?url';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';

/**
 * Fetches the outlines and the code that converts them.
 * @returns outlines by ISO alpha-2, each converted the first time it is read (country-shapes.ts)
 * @example needsCountryOutlines(events) && (shapes = await loadCountryShapes())
 */
export async function loadCountryShapes(): Promise<ReadonlyMap<string, Polygon | MultiPolygon>> {
  const [{ CountryShapes }, response] = await Promise.all([import('./country-shapes'), fetch(countriesUrl)]);
  if (!response.ok) throw new Error(`${countriesUrl}: HTTP ${response.status}`);
  return new CountryShapes((await response.json()) as Topology);
}
