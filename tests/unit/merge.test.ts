/**
 * Fixture tests for src/core/merge.ts: tests/fixtures/merge/in/<case>.json lists observations (one report
 * of an event by one article) using the places of in/_places.json → out/<case>.json (merged events).
 * `REGEN=1 npm run test:unit` rewrites the expected files; review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeObservations, type Observation, type PlaceRelation } from '../../src/core/merge';
import type { Place } from '../../src/core/types';

const DIR = path.resolve(__dirname, '../fixtures/merge');
const shared = JSON.parse(readFileSync(path.join(DIR, 'in', '_places.json'), 'utf8')) as {
  places: Record<string, Place>;
  contains: Array<[string, string]>;
};
const geo: PlaceRelation = {
  contains: (outer, inner) => outer.id === inner.id || shared.contains.some(([a, b]) => a === outer.id && b === inner.id),
};

function observation(raw: Record<string, unknown>, order: number): Observation {
  const place = raw.place ? shared.places[raw.place as string] : null;
  return {
    file: raw.file as string,
    order,
    type: raw.type as Observation['type'],
    place,
    placeText: place?.name ?? '',
    date: (raw.date as string) ?? null,
    precision: raw.date ? ((raw.precision as Observation['precision']) ?? 'day') : null,
    relative: (raw.relative as Observation['relative']) ?? null,
    persons: (raw.persons as string[]) ?? [],
    orgs: (raw.orgs as string[]) ?? [],
    definite: (raw.definite as boolean) ?? false,
    ...(raw.soft ? { soft: true } : {}),
    ...(raw.targets ? { targets: raw.targets as string[] } : {}),
    ...(raw.window ? { window: raw.window as Observation['window'] } : {}),
    ...(raw.background ? { background: true } : {}),
    origin: null,
    quote: { start: 0, end: 0, text: (raw.quote as string) ?? '' },
    highlights: [],
  };
}

describe('merge fixtures', () => {
  for (const name of readdirSync(path.join(DIR, 'in')).filter((f) => f.endsWith('.json') && !f.startsWith('_')).sort()) {
    it(name, () => {
      const input = JSON.parse(readFileSync(path.join(DIR, 'in', name), 'utf8'));
      const observations = (input.observations as Array<Record<string, unknown>>).map(observation);
      const events = mergeObservations(observations, geo);
      const report = events.map((e) => ({
        type: e.type,
        place: e.place?.name ?? null,
        date: e.date ? `${e.date} (${e.precision})` : null,
        files: e.reports.map((r) => r.file),
        persons: [...e.persons].sort(),
        orgs: [...e.orgs].sort(),
        conflicts: e.conflicts,
      }));
      // Merging is order-independent: reversed input gives the same events.
      const reversed = mergeObservations([...observations].reverse(), geo);
      expect(reversed.map((e) => e.reports.map((r) => r.file).sort())).toEqual(events.map((e) => e.reports.map((r) => r.file).sort()));
      const out = path.join(DIR, 'out', name);
      if (process.env.REGEN || !existsSync(out)) writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
      expect(report).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});
