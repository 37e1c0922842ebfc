/**
 * The gazetteer "Add articles" ships to the browser (the compact file the build emits, decoded as the
 * worker decodes it) reads the seeds and every pipeline fixture as the CLI's Node gazetteer does: the
 * same events, places, dates, actors and sources. Only the coordinates of whole countries and areas may
 * differ a little: the browser form draws countries from 1:110m shapes, the Node form from 1:50m.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticleFolder } from '../../cli/fs-source';
import { loadGazetteer, PROJECT_ROOT } from '../../cli/gazetteer-node';
import { ensureBrowserGazetteer } from '../../cli/browser-gazetteer-asset';
import { Gazetteer } from '../../core/gazetteer/index';
import { decodeCompactGazetteer, type CompactGazetteerData } from '../../core/gazetteer/compact';
import { extractEvents } from '../../core/pipeline';
import type { DatelineEvent } from '../../core/types';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/pipeline');
const folders = [
  path.join(PROJECT_ROOT, 'seeds'),
  ...readdirSync(FIXTURES)
    .filter((name) => name !== 'out' && statSync(path.join(FIXTURES, name)).isDirectory())
    .sort()
    .map((name) => path.join(FIXTURES, name)),
];

/** Degrees an area's point may move between 1:50m and 1:110m shapes (Iraq's centroid moves 0.013°). */
const AREA_POINT_TOLERANCE = 0.1;

let node: Gazetteer;
let browser: Gazetteer;
beforeAll(async () => {
  node = await loadGazetteer();
  browser = Gazetteer.fromData(decodeCompactGazetteer(JSON.parse(readFileSync(ensureBrowserGazetteer(), 'utf8')) as CompactGazetteerData));
}, 120_000);

/** An event without its area's drawn outline and point, which come from shapes at another scale. */
function comparable(event: DatelineEvent): Record<string, unknown> {
  const { lon, lat, ...rest } = event.properties;
  const area = event.properties.place_precision === 'country' || event.properties.place_precision === 'region';
  // At 1:110m a country may lose its islands: a MultiPolygon at 1:50m can be a Polygon.
  return { ...rest, ...(area ? { geometry: 'area' } : { geometry: event.geometry?.type ?? null, lon, lat }) };
}

describe('the browser gazetteer', () => {
  it('is smaller than the Node form and holds the places the fixtures name', () => {
    expect(browser.size).toBeLessThan(node.size);
    expect(browser.size).toBeGreaterThan(60_000);
  });

  for (const folder of folders) {
    it(`reads ${path.relative(PROJECT_ROOT, folder)} as the Node gazetteer does`, () => {
      const { articles } = readArticleFolder(folder);
      const fromNode = extractEvents(articles, node);
      const fromBrowser = extractEvents(articles, browser);
      expect(fromBrowser.events.map(comparable)).toEqual(fromNode.events.map(comparable));
      expect(fromBrowser.summary).toEqual(fromNode.summary);
      expect(fromBrowser.issues).toEqual(fromNode.issues);
      fromBrowser.events.forEach((event, i) => {
        const other = fromNode.events[i].properties;
        expect(Math.abs(event.properties.lon! - other.lon!), event.properties.place_id).toBeLessThanOrEqual(AREA_POINT_TOLERANCE);
        expect(Math.abs(event.properties.lat! - other.lat!), event.properties.place_id).toBeLessThanOrEqual(AREA_POINT_TOLERANCE);
      });
    });
  }
});
