/**
 * Whole-pipeline fixtures: each folder tests/fixtures/pipeline/<case>/ holds articles (+ optional
 * sources.csv), run through the real pipeline and gazetteer → out/<case>.json (summary, events, issues).
 * `REGEN=1 npm run test:unit` rewrites the expected files; review the diff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readArticleFolder } from '../../src/cli/fs-source';
import { loadGazetteer } from '../../src/cli/gazetteer-node';
import type { Gazetteer } from '../../src/core/gazetteer/index';
import { type Analysis, analyseArticle, extractEvents, placeRelation } from '../../src/core/pipeline';

const DIR = path.resolve(__dirname, '../fixtures/pipeline');
let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
}, 60_000);

describe('pipeline fixtures', () => {
  const cases = readdirSync(DIR).filter((d) => d !== 'out' && statSync(path.join(DIR, d)).isDirectory()).sort();
  for (const name of cases) {
    it(name, () => {
      const { articles, issues } = readArticleFolder(path.join(DIR, name));
      const result = extractEvents(articles, gazetteer);
      const report = {
        summary: result.summary,
        events: result.events.map((e) => ({
          type: e.properties.type,
          title: e.properties.title,
          date: e.properties.date_start ? `${e.properties.date_start} (${e.properties.time_precision})` : null,
          place: `${e.properties.place_name} (${e.properties.place_id})`,
          actors: e.properties.actors,
          sources: e.properties.sources.map((s) => `${s.file}${s.date ? ` ${s.date}` : ''}`),
          conflicts: e.properties.conflicts,
          ...(e.properties.planned ? { planned: true } : {}),
        })),
        issues: [...issues, ...result.issues].map((i) => `${i.severity} ${i.file}${i.line ? `:${i.line}` : ''}: ${i.message}`),
      };
      mkdirSync(path.join(DIR, 'out'), { recursive: true });
      const out = path.join(DIR, 'out', `${name}.json`);
      if (process.env.REGEN || !existsSync(out)) writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
      expect(report).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }

  it('is deterministic: the same input gives the same events', () => {
    const { articles } = readArticleFolder(path.join(DIR, 'two-meetings'));
    const a = JSON.stringify(extractEvents(articles, gazetteer).events);
    const b = JSON.stringify(extractEvents([...articles].reverse(), gazetteer).events);
    expect(b).toBe(a);
  });
});

describe('extractEvents with analyses kept from an earlier run', () => {
  it('reuses them instead of reading the articles again, with the same result', () => {
    const { articles } = readArticleFolder(path.join(__dirname, '../../seeds'));
    const kept = new Map<string, Analysis>();
    for (const article of articles) {
      const issues: Analysis['issues'] = [];
      kept.set(article.file, { work: analyseArticle(article, gazetteer, issues), issues });
    }
    const asked: string[] = [];
    const reused = extractEvents(articles, gazetteer, (article) => {
      asked.push(article.file);
      return kept.get(article.file);
    });
    expect(asked.sort()).toEqual(articles.map((a) => a.file).sort());
    expect(JSON.stringify(reused)).toBe(JSON.stringify(extractEvents(articles, gazetteer)));
    // An analysis is what the run uses: one whose article reads otherwise changes the result.
    const first = articles[0];
    const issues: Analysis['issues'] = [];
    const other = { work: analyseArticle({ ...first, text: 'Nothing happened here.' }, gazetteer, issues), issues };
    const changed = extractEvents(articles, gazetteer, (article) => (article.file === first.file ? other : kept.get(article.file)));
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(reused));
  });
});

describe('placeRelation', () => {
  const place = (name: string, precision: string) => {
    const entry = gazetteer.lookup(name).find((e) => e.place.precision === precision);
    if (!entry) throw new Error(`${name} (${precision}) is not in the gazetteer`);
    return entry.place;
  };

  it('puts a town of the same country that lies just outside the simplified outline inside the area', () => {
    // Both coastal capitals fall a few kilometres outside their state's simplified shape.
    const geo = placeRelation(gazetteer);
    expect(geo.contains(place('Santa Catarina', 'region'), place('Florianópolis', 'city'))).toBe(true);
    expect(geo.contains(place('Maranhão', 'region'), place('São Luís', 'city'))).toBe(true);
  });

  it('keeps a town of another country, or far from the area, outside it', () => {
    const geo = placeRelation(gazetteer);
    expect(geo.contains(place('Santa Catarina', 'region'), place('São Luís', 'city'))).toBe(false);
    expect(geo.contains(place('Misiones', 'region'), place('Foz do Iguaçu', 'city'))).toBe(false);
  });
});
