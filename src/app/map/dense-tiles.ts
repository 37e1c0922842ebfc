/**
 * The page's side of the cluster worker (dense.worker.ts): one worker for all large layers, and the
 * `dateline-dense://` tile protocol through which MapLibre asks it for vector tiles.
 */
import { addProtocol, type AddProtocolAction } from 'maplibre-gl';
import type { DenseReply, DenseRequest } from './dense-messages';
import type { DensePointArrays } from './dense-features';
import type { TimeFilter } from '../../core/timewindow';

const PROTOCOL = 'dateline-dense';
const TILE_URL = /^dateline-dense:\/\/k(\d+)\/v\d+\/(\d+)\/(\d+)\/(\d+)$/;

type Question = Extract<DenseRequest, { request: number }>;
type Answer = Extract<DenseReply, { kind: 'tile' | 'expansion' }>;

let worker: Worker | null = null;
let nextRequest = 1;
let nextKey = 1;
const answers = new Map<number, { resolve: (reply: Answer) => void; reject: (error: Error) => void }>();
const layers = new Map<number, ClusteredLayer>();
const bySource = new Map<string, ClusteredLayer>();

function clusterWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./dense.worker.ts', import.meta.url), { type: 'module', name: 'dateline-clusters' });
  worker.onmessage = (event: MessageEvent<DenseReply>) => {
    const reply = event.data;
    if (reply.kind === 'shown') {
      layers.get(reply.key)?.onshown(reply.version, reply.count);
    } else if (reply.kind === 'failed') {
      const waiting = reply.request === undefined ? undefined : answers.get(reply.request);
      answers.delete(reply.request ?? -1);
      if (waiting) waiting.reject(new Error(reply.message));
      else console.warn(`cluster worker: ${reply.message}`);
    } else {
      answers.get(reply.request)?.resolve(reply);
      answers.delete(reply.request);
    }
  };
  worker.onerror = (event) => {
    // A worker that cannot run answers nothing: fail what waits instead of leaving tiles pending.
    const error = new Error(`cluster worker: ${event.message || 'failed to start'}`);
    for (const waiting of answers.values()) waiting.reject(error);
    answers.clear();
  };
  addProtocol(PROTOCOL, loadTile);
  return worker;
}

type Asked<K extends Question['kind']> = Omit<Extract<Question, { kind: K }>, 'request'>;

/** Sends a question that has an answer, and waits for it. */
function ask(question: Asked<'tile'>): Promise<Extract<Answer, { kind: 'tile' }>>;
function ask(question: Asked<'expansion'>): Promise<Extract<Answer, { kind: 'expansion' }>>;
function ask(question: Asked<Question['kind']>): Promise<Answer> {
  const request = nextRequest++;
  return new Promise((resolve, reject) => {
    answers.set(request, { resolve, reject });
    clusterWorker().postMessage({ ...question, request });
  });
}

const loadTile: AddProtocolAction = async (params) => {
  const match = TILE_URL.exec(params.url);
  if (!match) throw new Error(`not a cluster tile: ${params.url}`);
  const [key, z, x, y] = match.slice(1).map(Number);
  const reply = await ask({ kind: 'tile', key, z, x, y });
  // An empty buffer is an empty vector tile: nothing shown there.
  return { data: reply.data ?? new ArrayBuffer(0) };
};

/** The points of one large layer, held and clustered by the worker. */
export class ClusteredLayer {
  readonly key = nextKey++;

  /**
   * @param sourceId the map source drawing it (for {@link clusterExpansionZoom})
   * @param onshown called when the worker has clustered the shown events of `version`
   */
  constructor(
    readonly sourceId: string,
    readonly onshown: (version: number, count: number) => void,
  ) {
    layers.set(this.key, this);
    bySource.set(sourceId, this);
  }

  /** Hands the layer's points to the worker (the arrays are transferred, not copied). */
  load({ lonLat, types, sources, ids, starts, ends }: DensePointArrays): void {
    const request: DenseRequest = { kind: 'load', key: this.key, lonLat, types, sources, ids, starts, ends };
    clusterWorker().postMessage(request, [lonLat.buffer, types.buffer, sources.buffer, starts.buffer, ends.buffer]);
  }

  /**
   * Clusters the points in `window` that match the text and types; `onshown(version, …)` follows.
   * @param matching which points match (1), null for all; leave it out when unchanged since the last call
   */
  show(version: number, window: TimeFilter, matching?: Uint8Array | null): void {
    const request: DenseRequest = { kind: 'show', key: this.key, version, window: { start: window.start, end: window.end, mode: window.mode, showUndated: window.showUndated } };
    if (matching !== undefined) request.matching = matching;
    clusterWorker().postMessage(request, matching ? [matching.buffer] : []);
  }

  /** The tile URL of a version of the shown events (a new URL makes the map fetch the tiles again). */
  tileUrl(version: number): string {
    return `${PROTOCOL}://k${this.key}/v${version}/{z}/{x}/{y}`;
  }

  async expansionZoom(clusterId: number): Promise<number> {
    return (await ask({ kind: 'expansion', key: this.key, clusterId })).zoom;
  }

  /** Frees the worker's copy. */
  drop(): void {
    layers.delete(this.key);
    if (bySource.get(this.sourceId) === this) bySource.delete(this.sourceId);
    worker?.postMessage({ kind: 'drop', key: this.key } satisfies DenseRequest);
  }
}

/**
 * The zoom at which a cluster of a large layer splits (null when the source is not one).
 * @example map.easeTo({ center, zoom: (await clusterExpansionZoom(f.source, f.properties.cluster_id)) ?? map.getZoom() + 2 })
 */
export function clusterExpansionZoom(sourceId: string, clusterId: number): Promise<number> | null {
  return bySource.get(sourceId)?.expansionZoom(clusterId) ?? null;
}
