/**
 * Issue 12, findings 6 and 7: the extract CLI stays inside its folders and fails cleanly on bad arguments.
 * - 6: a symbolic link in the articles folder is not followed (reported as skipped); an output file that
 *   is a symbolic link is replaced by a file, the file it pointed to is never written.
 * - 7: `--out` without a value, a missing articles folder and `--out` naming a file each end with a
 *   one-line error and exit code 2, before anything is written.
 * The article texts are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUTPUT_FILES, runExtract } from '../../src/cli/extract';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const ARTICLE = 'Iraqi and Iranian officials met in Tehran on 12 April 2021 to discuss border security.\n';
const OUTSIDE = 'OUTSIDE-SECRET: the ministers met in Nairobi on 3 May 2021.\n';

function folders() {
  const root = mkdtempSync(path.join(tmpdir(), 'dateline-cli-h12-'));
  const input = path.join(root, 'articles');
  const out = path.join(root, 'out');
  mkdirSync(input);
  mkdirSync(out);
  writeFileSync(path.join(input, 'a.txt'), ARTICLE);
  writeFileSync(path.join(root, 'secret.txt'), OUTSIDE);
  return { root, input, out };
}

function cli(args: string[]) {
  const run = spawnSync(TSX, ['src/cli/extract.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('finding 6: the CLI stays inside its folders', () => {
  it('does not follow a symbolic link out of the articles folder, and says so', async () => {
    const { root, input, out } = folders();
    symlinkSync(path.join(root, 'secret.txt'), path.join(input, 'link.txt'));
    writeFileSync(path.join(root, 'manifest.csv'), 'file,outlet,url,published,title,notes\nlink.txt,OUTSIDE-OUTLET,,,,\n');
    symlinkSync(path.join(root, 'manifest.csv'), path.join(input, 'sources.csv'));
    const run = await runExtract(input, out);
    const messages = run.inputIssues.map((i) => `${i.severity} ${i.file}: ${i.message}`);
    expect(messages).toContain('warning link.txt: a symbolic link; not followed, skipped');
    expect(messages).toContain('warning sources.csv: a symbolic link; not followed, skipped');
    expect(run.result.summary.articles).toBe(1);
    for (const file of OUTPUT_FILES) expect(readFileSync(path.join(out, file), 'utf8')).not.toMatch(/OUTSIDE|Nairobi/);
  }, 60_000);

  it('replaces an output file that is a symbolic link instead of writing through it', async () => {
    const { root, input, out } = folders();
    const victim = path.join(root, 'victim.csv');
    writeFileSync(victim, 'keep me\n');
    symlinkSync(victim, path.join(out, 'events.csv'));
    symlinkSync(victim, path.join(out, 'mentions.csv'));
    await runExtract(input, out);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    for (const file of OUTPUT_FILES) expect(lstatSync(path.join(out, file)).isFile()).toBe(true);
    expect(readFileSync(path.join(out, 'events.csv'), 'utf8')).toMatch(/^event_id,/);
    expect(readdirSync(out).sort()).toEqual([...OUTPUT_FILES].sort());
  }, 60_000);
});

describe('finding 7: bad arguments end with one line and write nothing', () => {
  const oneLineError = (stderr: string, pattern: RegExp) => {
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(pattern);
    expect(stderr).not.toMatch(/\n\s+at /);
  };

  it('--out without a value', () => {
    const { input } = folders();
    const before = statSync(path.join(ROOT, 'data/events.geojson')).mtimeMs;
    for (const args of [[input, '--out'], [input, '--out', '--verbose'], [input, '--out=']]) {
      const run = cli(args);
      expect(run.status).toBe(2);
      oneLineError(run.stderr, /^extract: --out needs a folder/);
    }
    expect(statSync(path.join(ROOT, 'data/events.geojson')).mtimeMs).toBe(before);
  }, 60_000);

  it('a missing articles folder leaves earlier outputs alone', () => {
    const { root, out } = folders();
    writeFileSync(path.join(out, 'events.csv'), 'earlier\n');
    const run = cli([path.join(root, 'nowhere'), '--out', out]);
    expect(run.status).toBe(2);
    oneLineError(run.stderr, /^extract: articles folder .*nowhere not found/);
    expect(readdirSync(out)).toEqual(['events.csv']);
    expect(readFileSync(path.join(out, 'events.csv'), 'utf8')).toBe('earlier\n');
  }, 60_000);

  it('--out naming a file', () => {
    const { root, input } = folders();
    const file = path.join(root, 'secret.txt');
    const run = cli([input, '--out', file]);
    expect(run.status).toBe(2);
    oneLineError(run.stderr, /^extract: --out .*secret\.txt is a file, not a folder/);
    expect(readFileSync(file, 'utf8')).toBe(OUTSIDE);
  }, 60_000);

  it('an unknown option or a second folder', () => {
    const { input, out } = folders();
    oneLineError(cli([input, '--outt', out]).stderr, /^extract: unknown option --outt/);
    oneLineError(cli([input, out]).stderr, /^extract: one articles folder expected/);
  }, 60_000);
});
