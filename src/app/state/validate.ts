/**
 * Checks an events GeoJSON against the `EventProperties` contract before anything is drawn. A broken
 * feature is reported with its position and reason and skipped; the rest load.
 */
import type { Geometry } from 'geojson';
import type { DatelineEvent, EventProperties } from '../../core/types';
import { eventPropertiesProblem, isObject } from '../../core/eventcheck';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/**
 * Validates a parsed events file.
 * @param json parsed JSON (anything)
 * @param origin file name or URL, for messages
 * @param expectedFormat the `format` member this app reads (a different one is reported, then tried)
 * @returns the valid events and one message per problem
 * @example validateEventCollection(await res.json(), 'events.geojson', 'dateline-events/1')
 */
export function validateEventCollection(
  json: unknown,
  origin: string,
  expectedFormat: string,
): { events: DatelineEvent[]; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return { events: [], problems: [`${origin}: not a GeoJSON FeatureCollection`] };
  }
  if (typeof json.format === 'string' && json.format !== expectedFormat) {
    problems.push(`${origin}: format "${json.format}", expected "${expectedFormat}"; reading it anyway`);
  }
  const events: DatelineEvent[] = [];
  const seen = new Set<string>();
  json.features.forEach((feature: unknown, index: number) => {
    const where = `${origin}: feature ${index + 1}`;
    const reason = featureProblem(feature);
    if (reason) {
      problems.push(`${where}: ${reason}; skipped`);
      return;
    }
    const event = feature as DatelineEvent;
    const id = event.properties.id;
    if (seen.has(id)) {
      problems.push(`${where}: duplicate id "${id}"; skipped`);
      return;
    }
    seen.add(id);
    events.push({ ...event, id, properties: withDefaults(event.properties) });
  });
  return { events, problems };
}

function featureProblem(feature: unknown): string | null {
  if (!isObject(feature) || feature.type !== 'Feature') return 'not a GeoJSON Feature';
  const geometry = feature.geometry as Geometry | null;
  if (!isObject(geometry) || !GEOMETRY_TYPES.has(geometry.type)) return 'missing or unsupported geometry';
  const p = feature.properties;
  if (!isObject(p)) return 'no properties';
  const problem = eventPropertiesProblem(p);
  return problem && problem !== 'no id' ? `id "${String(p.id)}": ${problem}` : problem;
}

/** Fills optional list fields so components never meet `undefined`. */
function withDefaults(p: EventProperties): EventProperties {
  return {
    ...p,
    actors: Array.isArray(p.actors) ? p.actors : [],
    sources: Array.isArray(p.sources) ? p.sources : [],
    conflicts: Array.isArray(p.conflicts) ? p.conflicts : [],
    notes: typeof p.notes === 'string' ? p.notes : '',
    place_name: typeof p.place_name === 'string' ? p.place_name : '',
  };
}
