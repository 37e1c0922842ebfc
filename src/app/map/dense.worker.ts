/**
 * Cluster worker: keeps the points of every large data layer, clusters the shown ones with supercluster
 * and serves them as vector tiles (vt-pbf), so the page never builds, copies or draws a million
 * features: MapLibre asks for a tile, the page forwards the request here (dense-tiles.ts), and a few
 * kilobytes come back.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import vtpbf from 'vt-pbf';
import { EVENT_TYPES } from '../../core/taxonomy';
import { shownByDays } from './dense-features';
import type { TimeFilter } from '../../core/timewindow';
import {
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS,
  DENSE_TILE_EXTENT,
  DENSE_TILE_LAYER,
  type DenseReply,
  type DenseRequest,
} from './dense-messages';

/** What a single event's dot carries: the event (popup, tooltip), its colour and its size. */
interface PointProperties {
  id: string;
  type: string;
  n: number;
}

interface LayerPoints {
  lonLat: Float64Array;
  types: Uint8Array;
  sources: Uint16Array;
  ids: string[];
  starts: Float32Array;
  ends: Float32Array;
  /** Which points match the text and types (null: all), as last sent. */
  matching: Uint8Array | null;
  index: Supercluster<PointProperties> | null;
}

const layers = new Map<number, LayerPoints>();
const post = (reply: DenseReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

/**
 * The newest window asked for per layer, clustered once the messages waiting have been read: while a
 * slider is held down, the steps that arrived during one clustering are skipped for the last of them.
 */
const pendingShows = new Map<number, { version: number; window: TimeFilter }>();
let showScheduled = false;

function showPending(): void {
  showScheduled = false;
  for (const [key, { version, window }] of pendingShows) {
    const points = layers.get(key);
    try {
      if (points) post({ kind: 'shown', key, version, count: show(points, shownByDays(points.starts, points.ends, points.matching, window)) });
    } catch (error) {
      post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }
  pendingShows.clear();
}

function show(points: LayerPoints, mask: Uint8Array): number {
  const features: PointFeature<PointProperties>[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [points.lonLat[2 * i], points.lonLat[2 * i + 1]] },
      properties: { id: points.ids[i], type: EVENT_TYPES[points.types[i]] ?? '', n: points.sources[i] },
    });
  }
  points.index = new Supercluster<PointProperties>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM, extent: DENSE_TILE_EXTENT }).load(features);
  return features.length;
}

function tile(points: LayerPoints | undefined, z: number, x: number, y: number): ArrayBuffer | null {
  const found = points?.index?.getTile(z, x, y);
  if (!found) return null;
  const bytes: Uint8Array = vtpbf.fromGeojsonVt({ [DENSE_TILE_LAYER]: found }, { version: 2, extent: DENSE_TILE_EXTENT });
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

self.onmessage = (event: MessageEvent<DenseRequest>) => {
  const request = event.data;
  try {
    switch (request.kind) {
      case 'load': {
        const { lonLat, types, sources, starts, ends } = request;
        layers.set(request.key, { lonLat, types, sources, starts, ends, ids: request.ids.split('\u0000'), matching: null, index: null });
        break;
      }
      case 'show': {
        const points = layers.get(request.key);
        if (!points) break;
        if (request.matching !== undefined) points.matching = request.matching;
        pendingShows.set(request.key, { version: request.version, window: request.window });
        if (!showScheduled) {
          showScheduled = true;
          setTimeout(showPending, 0);
        }
        break;
      }
      case 'tile': {
        const data = tile(layers.get(request.key), request.z, request.x, request.y);
        post({ kind: 'tile', request: request.request, data }, data ? [data] : []);
        break;
      }
      case 'expansion': {
        const index = layers.get(request.key)?.index;
        post({ kind: 'expansion', request: request.request, zoom: index ? index.getClusterExpansionZoom(request.clusterId) : CLUSTER_MAX_ZOOM + 1 });
        break;
      }
      case 'drop':
        layers.delete(request.key);
        pendingShows.delete(request.key);
        break;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ kind: 'failed', request: 'request' in request ? request.request : undefined, message });
  }
};
