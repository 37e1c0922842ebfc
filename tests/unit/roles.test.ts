/**
 * Event roles and quotes on whole-pipeline fixtures (issue 9, classes 8, 9 and 13): who acted, who was
 * targeted, who only commented; titles name participants only; quotes never keep a dateline. The events
 * themselves (places, dates, merging) are checked by the fixtures' expected files (pipeline.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readArticleFolder } from '../../src/cli/fs-source';
import { loadGazetteer } from '../../src/cli/gazetteer-node';
import type { Gazetteer } from '../../src/core/gazetteer/index';
import { extractEvents } from '../../src/core/pipeline';

const DIR = path.resolve(__dirname, '../fixtures/pipeline');
let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
}, 60_000);

const run = (name: string) => extractEvents(readArticleFolder(path.join(DIR, name)).articles, gazetteer).events.map((e) => e.properties);

describe('roles', () => {
  it('keeps who condemned or described a strike out of its actors and title, and its target among them', () => {
    const [strike] = run('strike-three-outlets').filter((e) => e.type === 'strike');
    const coalition = 'Strategic Framework for the Defence of the People of Azawad';
    expect(strike.actors).toEqual([coalition]);
    expect(strike.roles).toEqual({ acted: [], targets: [coalition], commenters: ['Mohamed Ag Attaher', 'Claire Dubois'] });
    expect(strike.title).not.toContain(':');
    // "BAMAKO — A Malian army drone struck …": the dateline is not part of the quote.
    for (const s of strike.sources) expect(s.quote).not.toMatch(/^[A-Z]{3,}\b.*—/);
  });

  it('merges outlets naming different parties of one strike, with who was hit as target and who ordered it as actor', () => {
    const [strike] = run('strike-different-names').filter((e) => e.sources.length === 2);
    expect(strike.roles).toEqual({ acted: ['Paul Mugisha'], targets: ['Bonifacio Machude'], commenters: [] });
  });

  it('keeps who criticized a summit out of its participants', () => {
    const summit = run('summit-second-outlet').find((e) => e.type === 'meeting' && e.sources.length === 2)!;
    expect(summit.roles?.commenters).toEqual(['Peter Odhiambo']);
    expect(summit.actors).not.toContain('Peter Odhiambo');
    expect(summit.roles?.acted).toEqual(summit.actors);
  });
});
