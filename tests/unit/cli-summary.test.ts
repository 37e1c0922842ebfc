/** The CLI summary says which counts include which events (issue 11, item 17). */
import { describe, expect, it } from 'vitest';
import { formatSummary, type ExtractRun } from '../../src/cli/extract';

const run = {
  inputIssues: [],
  result: { events: [], mentions: [], issues: [], summary: { articles: 4, events: 7, sourcesPerEvent: { 1: 5, 2: 2 }, undated: 2, unplaced: 3 } },
} as unknown as ExtractRun;

describe('extract summary', () => {
  it('says that undated events are among the mapped ones and unplaced ones are not', () => {
    const lines = formatSummary(run, 'out');
    expect(lines).toContain('events (mapped):   7 (5 with 1 source, 2 with 2 sources)');
    expect(lines).toContain('  of which undated: 2 (on the map, listed under "Date unknown")');
    expect(lines.find((l) => l.startsWith('unplaced events:'))).toBe(
      'unplaced events:   3 (not counted above: without a place they are not mapped; each is a warning below)',
    );
  });
});
