/**
 * Place recognition fixtures: every tests/fixtures/places/in/<case>.txt is run through findPlaces and
 * compared with out/<case>.json. Options for a case (chrome spans to ignore) live in
 * in/<case>.options.json. `REGEN=1` rewrites the expected files; review the diff.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../src/core/gazetteer/index';
import { findPlaces, type FindPlacesOptions, nameLookups } from '../../src/core/places';
import { loadGazetteer } from '../../src/cli/gazetteer-node';

const root = path.resolve(import.meta.dirname, '../fixtures/places');
const cases = readdirSync(path.join(root, 'in'))
  .filter((name) => name.endsWith('.txt'))
  .sort();

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
}, 60_000);

/** The stable, reviewable view of a mention: coordinates rounded so formatting never shifts. */
function summarise(text: string, file: string, options: FindPlacesOptions) {
  return findPlaces(text, file, gazetteer, options).map((m) => ({
    start: m.start,
    end: m.end,
    text: m.text,
    id: m.place.id,
    name: m.place.name,
    precision: m.place.precision,
    country: m.place.country,
    lat: Math.round(m.place.lat * 1e4) / 1e4,
    lon: Math.round(m.place.lon * 1e4) / 1e4,
  }));
}

describe('findPlaces fixtures', () => {
  for (const name of cases) {
    it(name, () => {
      const base = name.replace(/\.txt$/, '');
      const text = readFileSync(path.join(root, 'in', name), 'utf8');
      const optionsFile = path.join(root, 'in', `${base}.options.json`);
      const options: FindPlacesOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      const actual = summarise(text, name, options);
      // Offsets are exact UTF-16 indices into the original text, whatever quotes or emoji precede them.
      for (const mention of actual) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
      const expectedFile = path.join(root, 'out', `${base}.json`);
      if (process.env.REGEN || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});

describe('name lookups shared by a run', () => {
  it('give every fixture the same places as asking the gazetteer directly, whatever was looked up before', () => {
    const names = nameLookups();
    for (const name of cases) {
      const text = readFileSync(path.join(root, 'in', name), 'utf8');
      const optionsFile = path.join(root, 'in', `${name.replace(/\.txt$/, '')}.options.json`);
      const options: FindPlacesOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      expect(findPlaces(text, name, gazetteer, { ...options, names })).toEqual(findPlaces(text, name, gazetteer, options));
    }
    expect(names.found.size).toBeGreaterThan(0);
  });
  it('keep one key per distinct word through many words, in any letter case', () => {
    const names = nameLookups();
    // Thousands of distinct words (the word-key table grows several times), places among them in mixed case.
    const filler = Array.from({ length: 3000 }, (_, i) => `${i % 2 ? 'Word' : 'word'}${i.toString(36)}x`).join(' ');
    const text = `Officials met in Paris, Texas. ${filler} They flew to BAGHDAD and then to Erbil. ${filler.toUpperCase()} Crowds gathered in Nice.`;
    expect(findPlaces(text, 'many.txt', gazetteer, { names })).toEqual(findPlaces(text, 'many.txt', gazetteer));
    expect(findPlaces(text, 'many.txt', gazetteer, { names }).map((m) => m.text)).toEqual(['Paris', 'Texas', 'BAGHDAD', 'Erbil', 'Nice']);
    expect(names.words.count).toBeGreaterThan(3000);
  });
});

describe('names that matched the gazetteer but are used as something else', () => {
  it('are reported with the reason when the caller asks', () => {
    const text = readFileSync(path.join(root, 'in', 'names-not-places-here.txt'), 'utf8');
    const rejected: NonNullable<FindPlacesOptions['rejected']> = [];
    findPlaces(text, 'names-not-places-here.txt', gazetteer, { rejected });
    const reasons = new Map(rejected.map((r) => [`${r.text}@${r.start}`, r.reason]));
    const at = (word: string, nth = 0) => {
      let index = -1;
      for (let k = 0; k <= nth; k++) index = text.indexOf(word, index + 1);
      return reasons.get(`${word}@${index}`);
    };
    expect(at('Canadian')).toBe('demonym');
    expect(at('August')).toBe('month');
    expect(at('US')).toBe('currency');
    expect(at('Spring')).toBe('season');
    expect(at('France')).toBe('part of a hyphenated name');
    expect(at('Moscow')).toBe('organisation name');
    expect(at('Selkirk')).toBe('name of a virus');
    expect(at('Morden')).toBe('person (quoted source)');
  });

  it('a demonym with "capital" is the country\'s capital, unless the capital is named right after it', () => {
    const text = 'Talks resumed in the Kenyan capital on Monday; the Malian capital, Bamako, sent envoys.';
    const found = findPlaces(text, 't.txt', gazetteer).map((m) => [m.text, m.place.name]);
    expect(found).toEqual([
      ['Kenyan capital', 'Nairobi'],
      ['Bamako', 'Bamako'],
    ]);
  });
});
