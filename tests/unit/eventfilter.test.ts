/**
 * Fixture tests for src/core/eventfilter.ts: tests/fixtures/timewindow/eventfilter/in/<case>.json holds
 * features and a list of criteria; out/<case>.json the ids, groups and summary shown for each.
 * Every case is also run through MapLibre's own filter evaluator, so the map shows exactly the list.
 * `REGEN=1 npm run test:unit` rewrites the expected files.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  compareEvents,
  groupByYear,
  matchesText,
  searchKey,
  shownEvents,
  shownFilterExpression,
  shownSummary,
  type ShownCriteria,
} from '../../src/core/eventfilter';
import { dayFromIso, dayNumberProperties, type WindowMode } from '../../src/core/timewindow';
import type { DatelineEvent } from '../../src/core/types';
import type { EventType } from '../../src/core/taxonomy';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/timewindow/eventfilter');

interface CriteriaCase {
  name: string;
  text: string;
  types: EventType[];
  start: string;
  end: string;
  mode: WindowMode;
  showUndated: boolean;
}
interface EventfilterCase {
  description: string;
  features: DatelineEvent[];
  criteria: CriteriaCase[];
}

function toCriteria(c: CriteriaCase): ShownCriteria {
  return { ...c, start: dayFromIso(c.start)!, end: dayFromIso(c.end)! };
}

/** Ids the MapLibre filter keeps, with `t0`/`t1` precomputed as the shell does. */
function idsShownByMap(features: DatelineEvent[], criteria: ShownCriteria): string[] {
  const compiled = featureFilter(shownFilterExpression(features, criteria) as FilterSpecification, 'filter');
  return features
    .filter((f) =>
      compiled.filter({ zoom: 0 }, { type: 1, properties: { ...f.properties, ...dayNumberProperties(f.properties) } } as never),
    )
    .map((f) => f.properties.id);
}

const cases = readdirSync(path.join(FIXTURES, 'in')).filter((f) => f.endsWith('.json'));

describe('eventfilter fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  for (const file of cases) {
    const input = JSON.parse(readFileSync(path.join(FIXTURES, 'in', file), 'utf8')) as EventfilterCase;

    it(file, () => {
      const actual = input.criteria.map((c) => {
        const shown = shownEvents(input.features, toCriteria(c));
        return {
          name: c.name,
          summary: shownSummary(shown.length, input.features.length),
          groups: groupByYear(shown).map((g) => `${g.heading}: ${g.events.map((e) => e.properties.id).join(', ')}`),
        };
      });
      const outFile = path.join(FIXTURES, 'out', file);
      if (process.env.REGEN || !existsSync(outFile)) writeFileSync(outFile, JSON.stringify(actual, null, 2) + '\n');
      expect(actual).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
    });

    for (const c of input.criteria) {
      it(`${file}: the map filter shows what the list shows (${c.name})`, () => {
        const criteria = toCriteria(c);
        const listed = shownEvents(input.features, criteria).map((f) => f.properties.id);
        expect(idsShownByMap(input.features, criteria).sort()).toEqual([...listed].sort());
      });
    }
  }
});

describe('search and order', () => {
  const base = JSON.parse(
    readFileSync(path.join(FIXTURES, 'in', 'seed-like.json'), 'utf8'),
  ) as EventfilterCase;
  const tehran = base.features[0].properties;

  it('normalises case and accents', () => {
    expect(searchKey('Tehrān BĀGHERI')).toBe('tehran bagheri');
    expect(matchesText(tehran, 'araji SHAMKHANI')).toBe(true);
    expect(matchesText(tehran, 'araji kadhimi')).toBe(false);
    expect(matchesText(tehran, '   ')).toBe(true);
  });

  it('sorts by date, undated last, whatever the input order', () => {
    const reversed = [...base.features].reverse();
    const all = toCriteria(base.criteria[0]);
    expect(shownEvents(reversed, all).map((f) => f.properties.id)).toEqual(
      shownEvents(base.features, all).map((f) => f.properties.id),
    );
    const sorted = [...base.features].sort((a, b) => compareEvents(a.properties, b.properties));
    expect(sorted.at(-1)!.properties.date_start).toBeNull();
    expect(sorted.map((f) => f.properties.id)).toEqual(shownEvents(base.features, all).map((f) => f.properties.id));
  });

  it('says how many are shown', () => {
    expect(shownSummary(6, 6)).toBe('6 events shown');
    expect(shownSummary(1, 1)).toBe('1 event shown');
    expect(shownSummary(0, 6)).toBe('0 of 6 events shown');
  });
});
