/**
 * Acceptance tests of issue 2 on the seed articles: the real pipeline with the real gazetteer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readArticleFolder } from '../../src/cli/fs-source';
import { loadGazetteer } from '../../src/cli/gazetteer-node';
import { extractEvents, type PipelineResult } from '../../src/core/pipeline';
import type { DatelineEvent } from '../../src/core/types';

const SEEDS = path.resolve(__dirname, '../../seeds');
let result: PipelineResult;
const files = (e: DatelineEvent) => e.properties.sources.map((s) => s.file.slice(0, 3));
const named = (e: DatelineEvent, pattern: RegExp) => e.properties.actors.some((a) => pattern.test(a));

beforeAll(async () => {
  const { articles, issues } = readArticleFolder(SEEDS);
  expect(issues).toEqual([]);
  result = extractEvents(articles, await loadGazetteer());
}, 60_000);

describe('seed acceptance', () => {
  it('finds one Shamkhani–al-Araji meeting in Tehran on 2021-04-12 with all four reports', () => {
    const meetings = result.events.filter((e) => e.properties.type === 'meeting' && named(e, /Araji/));
    expect(meetings).toHaveLength(1);
    const p = meetings[0].properties;
    expect(p.date_start).toBe('2021-04-12');
    expect(p.time_precision).toBe('day');
    expect(p.place_name).toBe('Tehran');
    expect(p.actors.filter((a) => /Shamkhani|Sjamkhani/.test(a))).toEqual(['Ali Shamkhani']);
    expect(files(meetings[0])).toEqual(['000', '001', '002', '003']);
    // 003 has no date of its own; it is dated by the other reports.
    expect(p.sources.find((s) => s.file.startsWith('003'))!.date).toBeNull();
  });

  it('finds one Shamkhani–al-Kadhimi meeting in Tehran on 2020-07-21', () => {
    const meetings = result.events.filter((e) => e.properties.type === 'meeting' && named(e, /Kadhimi/) && named(e, /Shamkhani/));
    expect(meetings).toHaveLength(1);
    expect(meetings[0].properties.date_start).toBe('2020-07-21');
    expect(meetings[0].properties.place_name).toBe('Tehran');
    expect(files(meetings[0])).toEqual(['004']);
  });

  it('records the Kadhimi visit to Tehran with an origin for the arc, not as another Shamkhani meeting', () => {
    const visits = result.events.filter((e) => e.properties.type === 'visit');
    expect(visits).toHaveLength(1);
    expect(visits[0].properties.place_name).toBe('Tehran');
    expect(visits[0].properties.origin?.name).toBe('Baghdad');
  });

  it('finds one strike at Baghdad International Airport on 2020-01-03 with every report', () => {
    const strikes = result.events.filter((e) => e.properties.type === 'strike');
    expect(strikes).toHaveLength(1);
    const s = strikes[0];
    expect(s.properties.date_start).toBe('2020-01-03');
    expect(s.properties.place_id).toBe('ap:ORBI');
    expect(s.properties.place_precision).toBe('site');
    expect(s.geometry).toEqual({ type: 'Point', coordinates: [s.properties.lon, s.properties.lat] });
    // The airport, not central Baghdad (about 12 km east).
    expect(s.properties.lon).toBeCloseTo(44.23, 1);
    expect(named(s, /Soleimani/) && named(s, /Muhandis/)).toBe(true);
    expect(files(s)).toEqual(['000', '001', '002', '003', '004']);
    expect(s.properties.conflicts).toEqual([]);
    // 000 says "in January 2020" (month) and 004 "on January 3" (2020, from its publication date).
    const bySource = Object.fromEntries(s.properties.sources.map((x) => [x.file.slice(0, 3), x.date]));
    expect(bySource['001']).toBe('2020-01-03');
    expect(bySource['004']).toBe('2020-01-03');
  });

  it('dates the Iraqi parliament vote two days after the assassination, in Baghdad', () => {
    const votes = result.events.filter((e) => e.properties.type === 'vote');
    expect(votes).toHaveLength(1);
    expect(votes[0].properties.date_start).toBe('2020-01-05');
    expect(votes[0].properties.place_name).toBe('Baghdad');
    expect(files(votes[0])).toContain('001');
  });

  it('maps armed groups in the Kurdistan Region / northern Iraq as an area with the reports that mention it', () => {
    const areas = result.events.filter((e) => e.properties.type === 'armed-group' && /kurdistan|northern-iraq/.test(e.properties.place_id));
    expect(areas).toHaveLength(1);
    expect(['Polygon', 'MultiPolygon']).toContain(areas[0].geometry.type);
    expect(areas[0].properties.geo_precision).toBe(2);
    expect(files(areas[0])).toEqual(['001', '002', '003', '004']);
  });

  it("dates Daesh's 2014 campaign in Iraq at year precision with the country's shape", () => {
    const campaign = result.events.filter((e) => e.properties.type === 'armed-group' && e.properties.date_start?.startsWith('2014'));
    expect(campaign).toHaveLength(1);
    const p = campaign[0].properties;
    expect(p.time_precision).toBe('year');
    expect(p.date_end).toBe('2014-12-31');
    expect(p.place_id).toBe('cc:IQ');
    expect(['Polygon', 'MultiPolygon']).toContain(campaign[0].geometry.type);
    expect(named(campaign[0], /Daesh/)).toBe(true);
  });

  it('takes no event from banner lines or the "Read More" link', () => {
    const quotes = result.events.flatMap((e) => e.properties.sources.map((s) => s.quote));
    for (const banned of [/UNITED24/, /mailing list/, /Weapons of Mass Destruction/, /Fuad Hussein/, /Read More/, /Iran Press TV/]) {
      expect(quotes.some((q) => banned.test(q))).toBe(false);
    }
    expect(result.mentions.some((m) => m.text === 'Ukraine')).toBe(false);
  });

  it('quotes evidence with offsets into the original files', () => {
    const { articles } = readArticleFolder(SEEDS);
    const text = new Map(articles.map((a) => [a.file, a.text]));
    for (const e of result.events) {
      for (const s of e.properties.sources) {
        expect(text.get(s.file)!.slice(s.start, s.end)).toBe(s.quote);
        for (const h of s.highlights) expect(h.end).toBeLessThanOrEqual(s.quote.length);
      }
    }
    for (const m of result.mentions) expect(text.get(m.file)!.slice(m.start, m.end)).toBe(m.text);
  });

  it('gives stable, unique ids', () => {
    const ids = result.events.map((e) => e.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^evt-[0-9a-f]{10}$/);
  });
});
