/** Messages between the page and the cluster worker (dense.worker.ts), one worker for every large layer. */
import type { TimeFilter } from '../../core/timewindow';

export type DenseRequest =
  /**
   * A layer's point events, once: coordinates, type index (EVENT_TYPES), source count, first and last
   * day (Infinity when undated); ids joined by NUL.
   */
  | { kind: 'load'; key: number; lonLat: Float64Array; types: Uint8Array; sources: Uint16Array; ids: string; starts: Float32Array; ends: Float32Array }
  /**
   * Cluster those in `window` from now on. `matching` (1 = matches the text and types, null = all) comes
   * only when that choice changed; otherwise the last one sent holds, so a slider step sends a few numbers.
   */
  | { kind: 'show'; key: number; version: number; window: TimeFilter; matching?: Uint8Array | null }
  | { kind: 'tile'; request: number; key: number; z: number; x: number; y: number }
  | { kind: 'expansion'; request: number; key: number; clusterId: number }
  | { kind: 'drop'; key: number };

export type DenseReply =
  | { kind: 'shown'; key: number; version: number; count: number }
  /** A Mapbox Vector Tile (layer {@link DENSE_TILE_LAYER}), or null where there is nothing. */
  | { kind: 'tile'; request: number; data: ArrayBuffer | null }
  | { kind: 'expansion'; request: number; zoom: number }
  | { kind: 'failed'; request?: number; message: string };

/** The vector tile layer clusters and single events are written to. */
export const DENSE_TILE_LAYER = 'events';
/** Tile extent of the cluster tiles (supercluster's and the vector tile's, which must agree). */
export const DENSE_TILE_EXTENT = 512;
/** Cluster radius in pixels: about a marker's width and a half. */
export const CLUSTER_RADIUS = 40;
/** Above this zoom every event is its own dot (a city block). */
export const CLUSTER_MAX_ZOOM = 13;
