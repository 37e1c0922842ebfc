/**
 * The events the app shows, by data layer: `events` is the pipeline's data/events.geojson; imports add
 * their own layers. Features that break the `EventProperties` contract are reported and left out,
 * everything valid around them still loads.
 */
import { createContext } from 'svelte';
import type { DatelineEvent } from '../../core/types';
import { EVENTS_GEOJSON_FORMAT } from '../../core/formats';
import { validateEventCollection } from './validate';
import { mergeSorted, sortedByDate } from '../../core/eventfilter';
import { SLICE_STEP } from '../../core/slicing';

export type LoadStatus = 'loading' | 'ready' | 'error';

export class EventStore {
  /** Layer name → its events, in file order. */
  layers = $state.raw<Record<string, DatelineEvent[]>>({});
  status = $state<LoadStatus>('loading');
  /** Problems found while loading (one line each, with where and why). */
  problems = $state.raw<string[]>([]);

  /** All events of all layers. */
  readonly all = $derived(Object.values(this.layers).flat());
  /** All events in date order (`compareEvents`): each layer sorted once (memoised), then merged. */
  readonly sorted = $derived(mergeSorted(Object.values(this.layers).map((events) => sortedByDate(events))));
  /** Events by id, over every layer (each layer indexed once; see {@link idsInSlices}). */
  readonly byId = $derived(new EventsById(Object.values(this.layers)));

  /**
   * Loads a `dateline-events/1` GeoJSON file as a data layer.
   * @param url where to fetch it (relative to the page, so the app works from any sub-path)
   * @param layer the data layer name (`events` for the pipeline output)
   */
  async load(url: string, layer = 'events'): Promise<void> {
    this.status = 'loading';
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const json: unknown = await response.json();
      this.add(layer, json, url);
      this.status = 'ready';
    } catch (error) {
      this.problems = [...this.problems, `Could not load events: ${(error as Error).message}`];
      this.status = 'error';
    }
  }

  /** Adds (or replaces) a data layer from parsed GeoJSON; invalid features are reported, not drawn. */
  add(layer: string, json: unknown, origin: string): void {
    const { events, problems } = validateEventCollection(json, origin, EVENTS_GEOJSON_FORMAT);
    this.layers = { ...this.layers, [layer]: events.map((e) => withLayer(e, layer)) };
    if (problems.length) this.problems = [...this.problems, ...problems];
  }

  /** Removes a data layer (e.g. an import the user discards). */
  remove(layer: string): void {
    const { [layer]: _removed, ...rest } = this.layers;
    this.layers = rest;
  }
}

function withLayer(event: DatelineEvent, layer: string): DatelineEvent {
  return event.properties.layer === layer ? event : { ...event, properties: { ...event.properties, layer } };
}

/** Id → event of one layer's array, memoised per array (layers are replaced, never changed). */
const idIndexes = new WeakMap<readonly DatelineEvent[], { length: number; index: Map<string, DatelineEvent> }>();

function idsOf(events: readonly DatelineEvent[]): Map<string, DatelineEvent> {
  const cached = idIndexes.get(events);
  if (cached?.length === events.length) return cached.index;
  const index = new Map(events.map((event) => [event.properties.id, event]));
  idIndexes.set(events, { length: events.length, index });
  return index;
}

/**
 * Builds a layer's id index in steps (a generator for `runInSlices`), so publishing a million imported
 * events never indexes them in one task. Ids are unique across layers (imports rename clashes).
 */
export function* idsInSlices(events: readonly DatelineEvent[], step = SLICE_STEP): Generator<void, void> {
  if (idIndexes.get(events)?.length === events.length) return;
  const index = new Map<string, DatelineEvent>();
  for (let i = 0; i < events.length; i++) {
    index.set(events[i].properties.id, events[i]);
    if ((i + 1) % step === 0) yield;
  }
  idIndexes.set(events, { length: events.length, index });
}

/**
 * Adopts a layer's id index built elsewhere: an import's id check (`disambiguateIdsInSlices` with
 * `byId`) builds it while renaming clashes, so `idsInSlices` is then free.
 */
export function rememberIdIndex(events: readonly DatelineEvent[], index: Map<string, DatelineEvent>): void {
  if (index.size === events.length) idIndexes.set(events, { length: events.length, index });
}

/** Lookup by id over several layers' indexes (a read-only Map-like view; like one Map, the last wins). */
export class EventsById {
  readonly #indexes: Map<string, DatelineEvent>[];
  constructor(layers: readonly (readonly DatelineEvent[])[]) {
    this.#indexes = layers.map(idsOf).reverse();
  }
  get(id: string): DatelineEvent | undefined {
    for (const index of this.#indexes) {
      const event = index.get(id);
      if (event) return event;
    }
    return undefined;
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

export const [getEventStore, setEventStore] = createContext<EventStore>();
