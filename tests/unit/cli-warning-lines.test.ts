/**
 * Issue 11, item 17: the CLI prints a line number with every warning about an event. The pipeline names
 * the files reporting an event left off the map, or an undated one, with the line in each (`Issue.at`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSummary, runExtract } from '../../src/cli/extract';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/pipeline');
const out = mkdtempSync(path.join(tmpdir(), 'dateline-warning-lines-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The printed warnings about events: where each points, and the sentence or place it names. */
async function eventWarnings(folder: string) {
  const run = await runExtract(path.join(fixtures, folder), path.join(out, folder));
  return formatSummary(run, out)
    .map((line) => /^ {2}warn {2}(.+?): (.*(?:not mapped: "(.*)"|undated .* at (.*): no source gives a date))$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => ({ places: m[1].split(', '), message: m[2], quote: m[3]?.replace(/…$/, '') }));
}

/** The text of a line of a fixture article. */
const lineText = (folder: string, file: string, line: number) => readFileSync(path.join(fixtures, folder, file), 'utf8').split('\n')[line - 1];

describe('CLI warnings about events carry file:line', () => {
  it.each(['background-not-events', 'story-dates', 'talks-topics-and-generalisations'])('events left off the map (%s): the line of the quoted sentence', async (folder) => {
    const warnings = await eventWarnings(folder);
    expect(warnings.filter((w) => w.quote).length).toBeGreaterThan(0);
    for (const w of warnings.filter((w) => w.quote)) {
      // Before: "monday.txt: strike background to the story, …" with no line.
      for (const place of w.places) {
        const [, file, line] = /^(.+):(\d+)$/.exec(place) ?? [];
        expect(line, `${place}: ${w.message}`).toBeDefined();
        expect(lineText(folder, file, Number(line))).toContain(w.quote);
      }
    }
  }, 60_000);

  it('undated events: the line of the first report in each file', async () => {
    const warnings = (await eventWarnings('no-dates')).filter((w) => w.message.startsWith('undated'));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      // Before: "a.txt, b.txt: undated strike at …" with no line.
      expect(w.places.every((p) => /:\d+$/.test(p)), w.places.join(', ')).toBe(true);
    }
  }, 60_000);
});
