/**
 * The extract CLI end to end: bad input is reported with file and line and makes the exit code non-zero,
 * while every readable article is still processed and written; reruns are byte-identical.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatSummary, OUTPUT_FILES, runExtract } from '../../src/cli/extract';

const BAD = path.resolve(__dirname, '../fixtures/articles/bad-input');
const SEEDS = path.resolve(__dirname, '../../seeds');
const ROOT = path.resolve(__dirname, '../..');

describe('extract CLI', () => {
  it('reports bad input with file and line, and still writes the rest', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dateline-cli-'));
    const run = await runExtract(BAD, out);
    expect(run.failed).toBe(true);
    const messages = run.inputIssues.map((i) => `${i.severity} ${i.file}${i.line ? `:${i.line}` : ''}: ${i.message}`);
    // Not UTF-8: read as Windows-1252 with a warning naming the line, not dropped.
    expect(messages).toContain('warning latin1.txt:1: not valid UTF-8; read as Windows-1252 (Latin-1), check accented letters');
    expect(messages.some((m) => m.startsWith('warning sources.csv:3: url "javascript:alert(1)"'))).toBe(true);
    expect(messages.some((m) => m.startsWith('error sources.csv:5: published "last Tuesday"'))).toBe(true);
    expect(messages).toContain('error sources.csv:6: row has no file name');
    expect(messages.some((m) => m.startsWith('error sources.csv:7: malformed row'))).toBe(true);
    expect(messages).toContain('warning sources.csv:4: missing.txt is listed but not in the folder');
    // The good article, the Latin-1 one and the article with the bad manifest row are still processed.
    expect(run.result.summary.articles).toBe(3);
    const events = JSON.parse(readFileSync(path.join(out, 'events.geojson'), 'utf8'));
    expect(events.format).toBe('dateline-events/1');
    expect(events.features.map((f: { properties: { place_name: string } }) => f.properties.place_name).sort()).toEqual(['Lyon', 'Nairobi', 'Tokyo']);
    const summary = formatSummary(run, 'out').join('\n');
    expect(summary).toContain('articles read:     3');
    expect(summary).toContain('latin1.txt:1: not valid UTF-8; read as Windows-1252');
  }, 60_000);

  it('writes byte-identical files on rerun', async () => {
    const a = mkdtempSync(path.join(tmpdir(), 'dateline-a-'));
    const b = mkdtempSync(path.join(tmpdir(), 'dateline-b-'));
    await runExtract(SEEDS, a);
    await runExtract(SEEDS, b);
    for (const f of OUTPUT_FILES) expect(readFileSync(path.join(b, f))).toEqual(readFileSync(path.join(a, f)));
  }, 60_000);

  it('exits non-zero from the command line on bad input, zero on the seeds', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dateline-exit-'));
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    let code = 0;
    try {
      execFileSync(tsx, ['src/cli/extract.ts', BAD, '--out', out], { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      code = (error as { status: number }).status;
    }
    expect(code).toBe(1);
    const stdout = execFileSync(tsx, ['src/cli/extract.ts', SEEDS, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(stdout).toMatch(/articles read:\s+5/);
  }, 60_000);
});
