/**
 * Compiles the clustered layers' shader programs while the app is idle after its first picture, so the first
 * large import does not pay for them. MapLibre compiles a program the first time a layer of its kind
 * draws, and waits there for the GPU to link it: 100–200 ms on software GL, one long task at the end of
 * a million-row import. A program depends only on which paint properties are constant and which are
 * data-driven, not on their values, so near-transparent copies of the clustered layers, drawn once over
 * two features at the map's centre, compile the same programs unseen; they are removed once drawn.
 */
import type { LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import { denseLayers } from './event-style';

const WARMUP_SOURCE = 'dateline-warmup';
/** Opaque enough to be drawn (MapLibre skips a layer at opacity 0), too faint to change a pixel. */
const FAINT = 0.002;
/** User Timing mark set once the programs are compiled. */
export const WARMED_MARK = 'dateline:clustered-programs-compiled';
/** Give up waiting for the copies to draw after this long (a hidden tab draws nothing). */
const GIVE_UP_MS = 15_000;

/**
 * Starts the warm-up once the map has settled.
 * @returns a function that cancels it and removes what it added
 */
export function warmClusteredLayerPrograms(map: MaplibreMap): () => void {
  let layerIds: string[] = [];
  let finished = false;
  const timers: ReturnType<typeof setTimeout>[] = [];

  const cleanUp = () => {
    if (finished) return;
    finished = true;
    timers.forEach(clearTimeout);
    map.off('idle', start);
    map.off('render', afterDraw);
    for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(WARMUP_SOURCE)) map.removeSource(WARMUP_SOURCE);
  };

  const afterDraw = () => {
    if (!map.getSource(WARMUP_SOURCE) || !map.isSourceLoaded(WARMUP_SOURCE)) return;
    cleanUp();
    // User Timing: benchmarks start an import only after this (src/bench/browser.ts).
    performance.mark(WARMED_MARK);
  };

  function start() {
    map.off('idle', start);
    if (finished || map.getSource(WARMUP_SOURCE)) return;
    const [lon, lat] = map.getCenter().toArray();
    map.addSource(WARMUP_SOURCE, {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: [
          // A cluster as the cluster worker's tiles carry it, and a single event.
          { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { point_count: 2, point_count_abbreviated: '2' } },
          { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id: 'warmup', type: 'meeting' } },
        ],
      },
    });
    const layers = denseLayers(WARMUP_SOURCE, 'warmup').map(faintCopy);
    layerIds = layers.map((l) => l.id);
    for (const layer of layers) map.addLayer(layer);
    map.on('render', afterDraw);
    timers.push(setTimeout(cleanUp, GIVE_UP_MS));
  }

  if (map.loaded()) timers.push(setTimeout(start, 0));
  else map.on('idle', start);
  return cleanUp;
}

/**
 * Runs `then` once the map has drawn what it has been given (its next `idle`, or now if it is idle
 * already): for work the first picture does not need, such as the admin lines and this warm-up.
 * @returns a function that cancels it if it has not run yet
 */
export function afterFirstPicture(map: MaplibreMap, then: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    map.off('idle', run);
    then();
  };
  // A task later, so the sources given data in this one count as pending.
  const timer = setTimeout(() => (map.loaded() ? run() : map.on('idle', run)), 0);
  return () => {
    done = true;
    clearTimeout(timer);
    map.off('idle', run);
  };
}

/** The layer without its vector-tile layer name, every opacity constant and faint (same program, nothing seen). */
function faintCopy(layer: LayerSpecification): LayerSpecification {
  const { ['source-layer']: _vectorLayer, ...rest } = layer as LayerSpecification & { 'source-layer'?: string };
  if (rest.type === 'circle') {
    return { ...rest, paint: { ...rest.paint, 'circle-opacity': FAINT, 'circle-stroke-opacity': FAINT } };
  }
  if (rest.type === 'symbol') {
    return { ...rest, paint: { ...rest.paint, 'text-opacity': FAINT } };
  }
  return rest as LayerSpecification;
}
