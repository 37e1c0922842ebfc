/**
 * The load benchmark's yardstick (src/bench/load.ts): MapLibre alone drawing the app's offline Natural
 * Earth basemap — the same style and the same files of the build (land, coastline, borders, country
 * names; src/cli/basemap-assets.ts), without admin lines, events or interface — at the camera given as
 * `?map=zoom/lat/lon`. Built by the benchmark with the app's MapLibre chunking, and timed to its first
 * idle map: `performance.mark('bench:bare-idle')`.
 */
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import landUrl from '$basemap/land.geojson?url';
import bordersUrl from '$basemap/borders.geojson?url';
import labelsUrl from '$basemap/labels.geojson?url';
import { offlineBasemapStyle } from '../../core/basemap/style';
import './bare.css';

setWorkerUrl(workerUrl);

const absolute = (url: string) => new URL(url, document.baseURI).href;
const [zoom, lat, lon] = (new URLSearchParams(location.search).get('map') ?? '3.5/33/44').split('/').map(Number);
const map = new MaplibreMap({
  container: 'map',
  style: offlineBasemapStyle({ world: { land: absolute(landUrl), borders: absolute(bordersUrl), labels: absolute(labelsUrl) } }),
  center: [lon, lat],
  zoom,
  attributionControl: false,
});
map.once('idle', () => performance.mark('bench:bare-idle'));
