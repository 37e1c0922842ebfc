/**
 * The events the app shows, by data layer: `events` is the pipeline's data/events.geojson; imports add
 * their own layers. Features that break the `EventProperties` contract are reported and left out,
 * everything valid around them still loads.
 */
import { createContext } from 'svelte';
import type { DatelineEvent } from '../../core/types';
import { EVENTS_GEOJSON_FORMAT } from '../../core/formats';
import { validateEventCollection } from './validate';

export type LoadStatus = 'loading' | 'ready' | 'error';

export class EventStore {
  /** Layer name → its events, in file order. */
  layers = $state.raw<Record<string, DatelineEvent[]>>({});
  status = $state<LoadStatus>('loading');
  /** Problems found while loading (one line each, with where and why). */
  problems = $state.raw<string[]>([]);

  /** All events of all layers. */
  readonly all = $derived(Object.values(this.layers).flat());
  readonly byId = $derived(new Map(this.all.map((event) => [event.properties.id, event])));

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

export const [getEventStore, setEventStore] = createContext<EventStore>();
