/**
 * `npm run eval`: the scorer on a hand-made corpus whose figures were worked out by hand
 * (tests/fixtures/eval/README.md), Python-style number printing, and bad input reported without a
 * stack trace.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EvalError, parseEvalArgs, runEval } from '../../src/cli/eval';
import { formatScore, haversineKm, parseGold, parseMentionsCsv, pyFixed, pyFloat, scoreMentions, type GoldCorpus } from '../../src/core/eval/score';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.resolve(__dirname, '../fixtures/eval');
const MENTIONS = path.join(FIXTURE, 'mentions.csv');
const fixtureText = (name: string) => readFileSync(path.join(FIXTURE, name), 'utf8');

function fixtureGold(): GoldCorpus {
  const parsed = parseGold(fixtureText('gold.json'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}
const fixtureTexts = () => new Map(['kenya.txt', 'peru.txt'].map((f) => [f, fixtureText(`articles/${f}`)]));

describe('scoreMentions on the hand-made corpus', () => {
  const score = scoreMentions(fixtureGold(), fixtureTexts(), parseMentionsCsv(fixtureText('mentions.csv')));

  it('counts gold, predictions (only in gold files), recognised and resolved toponyms', () => {
    expect(score.articles).toBe(2);
    expect(score.goldToponyms).toBe(9);
    expect(score.predicted).toBe(8); // other.txt's Quito is not in the gold: ignored
    expect(score.recognised).toBe(7); // 'in Mombasa' and "Peru's" overlap their gold spans
    expect(score.resolved).toBe(4); // Nairobi, Mombasa, Cusco, Peru
    expect(score.predictedRight).toBe(4);
    expect(score.resolvedByArea).toBe(5); // + Kenya (country level, 209 km off); not Kisumu (city level)
    expect(score.predictedRightByArea).toBe(5);
  });

  it('gives the figures worked out by hand', () => {
    expect(score.acc161).toBeCloseTo(4 / 7, 12);
    expect(score.recall161).toBeCloseTo(4 / 9, 12);
    expect(score.precision).toBeCloseTo(4 / 8, 12);
    expect(score.f1).toBeCloseTo(8 / 17, 12);
    expect(score.byArea.acc).toBeCloseTo(5 / 7, 12);
    expect(score.byArea.recall).toBeCloseTo(5 / 9, 12);
    expect(score.byArea.precision).toBeCloseTo(5 / 8, 12);
    expect(score.byArea.f1).toBeCloseTo(50 / 85, 12);
  });

  it('lists missed, spurious and wrongly placed toponyms', () => {
    expect(score.missed).toEqual([['Uganda', 1], ['Sacred Valley', 1]]);
    expect(score.spurious).toEqual([['Monday', 1]]);
    expect(score.wrong.map((w) => [w.gold.name, w.predicted.name, Math.round(w.km)])).toEqual([
      ['Kisumu', 'Kisumu', 898],
      ['Kenya', 'Kenya', 209],
      ['Lima', 'Lima', 5915],
    ]);
  });

  it("prints score.py's report", () => {
    expect(formatScore(score, 'GeoVirus', 5)).toEqual([
      'most often missed: Uganda ×1, Sacred Valley ×1',
      'spurious (not a gold toponym): Monday ×1',
      'wrong place:',
      '  Kisumu -> Kisumu (-6.8, 39.28), 898 km off  [kenya.txt]',
      '  Kenya -> Kenya (1.9, 37.9), 209 km off  [kenya.txt]',
      '  Lima -> Lima (40.7425, -84.1052), 5915 km off  [peru.txt]',
      'GeoVirus: 2 articles, 9 gold toponyms, 8 predicted mentions',
      'acc@161 0.571  recall@161 0.444  precision 0.500  F1@161 0.471',
      'by area: acc 0.714  recall 0.556  precision 0.625  F1 0.588',
    ]);
    expect(formatScore(score, 'fixture')).toHaveLength(3);
  });
});

describe('scoring rules', () => {
  const gold: GoldCorpus = new Map([['a.txt', [{ start: 10, end: 17, name: 'Nairobi', lat: -1.2864, lon: 36.8172, cc: 'KE' }]]]);
  const texts = new Map([['a.txt', 'Talks in: Nairobi.']]);
  const csv = (...rows: string[]) => parseMentionsCsv(['file,start,end,name,latitude,longitude,precision,country', ...rows].join('\n'));

  it('needs a true overlap: touching spans do not count', () => {
    const s = scoreMentions(gold, texts, csv('a.txt,17,18,Nairobi,-1.2864,36.8172,city,KE', 'a.txt,6,10,Nairobi,-1.2864,36.8172,city,KE'));
    expect([s.recognised, s.spurious]).toEqual([0, [['.', 1], ['in: ', 1]]]);
  });

  it('credits by area only a country-level mention of the gold country', () => {
    const far = (precision: string, country: string) => scoreMentions(gold, texts, csv(`a.txt,10,17,Kenya,0.5,38.0,${precision},${country}`));
    expect(far('country', 'KE').resolvedByArea).toBe(1);
    expect(far('country', 'TZ').resolvedByArea).toBe(0);
    expect(far('city', 'KE').resolvedByArea).toBe(0);
    const noCc = new Map([['a.txt', [{ ...gold.get('a.txt')![0], cc: null }]]]);
    expect(scoreMentions(noCc, texts, csv('a.txt,10,17,Kenya,0.5,38.0,country,')).resolvedByArea).toBe(0);
  });

  it('counts every overlapping prediction (no one-to-one matching) and skips rows without integer offsets', () => {
    const s = scoreMentions(gold, texts, csv('a.txt,10,17,Nairobi,-1.2864,36.8172,city,KE', 'dir/a.txt,10,13,Nai,-1.3,36.8,city,KE', 'a.txt,x,17,Nairobi,0,0,city,KE'));
    expect([s.predicted, s.predictedRight, s.recognised, s.resolved]).toEqual([2, 2, 1, 1]);
  });

  it('treats a prediction without coordinates as wrong', () => {
    const s = scoreMentions(gold, texts, csv('a.txt,10,17,Nairobi,,,city,KE'));
    expect(s.resolved).toBe(0);
    expect(formatScore(s, 'x', 1)[3]).toBe('  Nairobi -> Nairobi (None, None), nan km off  [a.txt]');
  });
});

describe('numbers as Python prints them', () => {
  it('rounds :.Nf ties to even on the exact binary value', () => {
    expect([pyFixed(0.0625, 3), pyFixed(0.5625, 3), pyFixed(2.5, 0), pyFixed(3.5, 0), pyFixed(1 / 3, 3), pyFixed(1, 3)]).toEqual(['0.062', '0.562', '2', '4', '0.333', '1.000']);
    expect(pyFixed(0.0005, 3)).toBe('0.001'); // 0.0005 is a little above one half-thousandth in binary
  });

  it('writes floats as repr does', () => {
    expect([pyFloat(51), pyFloat(-0), pyFloat(35.6892), pyFloat(0.0001), pyFloat(0.00001), pyFloat(1e16), pyFloat(1.5e16), pyFloat(NaN), pyFloat(null)]).toEqual(
      ['51.0', '-0.0', '35.6892', '0.0001', '1e-05', '1e+16', '1.5e+16', 'nan', 'None'],
    );
  });

  it('measures great-circle distance in km', () => {
    expect(haversineKm(48.8566, 2.3522, 51.5074, -0.1278)).toBeCloseTo(343.556, 3); // Paris–London
    expect(haversineKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6371, 6);
    expect(haversineKm(10, 20, 10, 20)).toBe(0);
  });
});

describe('eval CLI', () => {
  it('scores an existing mentions.csv of a corpus folder', async () => {
    const run = await runEval(parseEvalArgs([FIXTURE, '--mentions', MENTIONS]));
    expect(run.label).toBe('eval');
    expect(formatScore(run.score, run.label).slice(-2)).toEqual([
      'acc@161 0.571  recall@161 0.444  precision 0.500  F1@161 0.471',
      'by area: acc 0.714  recall 0.556  precision 0.625  F1 0.588',
    ]);
  });

  it('runs the pipeline in-process when no mentions file is given', async () => {
    const run = await runEval(parseEvalArgs([path.join(FIXTURE, 'articles'), '--gold', path.join(FIXTURE, 'gold.json')]));
    expect([run.score.articles, run.score.goldToponyms]).toEqual([2, 9]);
    expect(run.score.recognised).toBeGreaterThan(0); // the figures themselves follow the pipeline
  }, 60_000);

  it('rejects a bad command line', () => {
    expect(() => parseEvalArgs([])).toThrow(/no corpus folder/);
    expect(() => parseEvalArgs(['c', '--errors', 'many'])).toThrow(/whole number/);
    expect(() => parseEvalArgs(['c', '--frobnicate'])).toThrow(/unknown option --frobnicate/);
  });

  function corpus(gold: string | null): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'dateline-eval-'));
    cpSync(path.join(FIXTURE, 'articles'), path.join(dir, 'articles'), { recursive: true });
    if (gold !== null) writeFileSync(path.join(dir, 'gold.json'), gold);
    return dir;
  }
  const failure = async (dir: string) => {
    const error = await runEval({ corpus: dir, errors: 0, json: false, mentions: MENTIONS }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(EvalError);
    return (error as EvalError).message;
  };

  it('names the file when gold.json is missing, malformed or names an absent article', async () => {
    const missing = corpus(null);
    expect(await failure(missing)).toBe(`gold file not found: ${path.join(missing, 'gold.json')}`);
    const malformed = corpus('{"kenya.txt": [');
    expect(await failure(malformed)).toMatch(new RegExp(`^${path.join(malformed, 'gold.json')}: not valid JSON`));
    const badEntry = corpus('{"kenya.txt": [{"start": 0, "end": 5, "name": "Kenya", "lat": "north", "lon": 1}]}');
    expect(await failure(badEntry)).toBe(`${path.join(badEntry, 'gold.json')}: "kenya.txt" entry 0: "lat" must be a number`);
    const absent = corpus('{"kenya.txt": [], "chile.txt": []}');
    expect(await failure(absent)).toBe(`${path.join(absent, 'gold.json')}: names 1 article not readable in ${path.join(absent, 'articles')}: chile.txt`);
  });

  it('exits non-zero with one line and no stack trace', () => {
    const dir = corpus('not json');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', dir, '--mentions', MENTIONS], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^eval: ${path.join(dir, 'gold.json')}: not valid JSON`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
