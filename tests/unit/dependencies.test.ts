/**
 * Issue 12, finding 14: `npm audit` cannot run on these machines (the registry's advisory service answers
 * HTTP 405), so the versions that carry known fixes are pinned here, for the packages whose advisories
 * reach Dateline's users. README "Dependencies and advisories" says how advisories are checked and when
 * to add a row.
 */
import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The oldest version of each package that has every fix we know of, and why. */
const FLOORS: { name: string; floor: string; advisory: string }[] = [
  // DOM.sanitize() skipped attributes while removing them: a crafted attribution string ran script (zero-click XSS).
  { name: 'maplibre-gl', floor: '6.4.1', advisory: 'GHSA-jrc7-96c5-q579 / CVE-2026-85061' },
  // The number-detecting regular expression (dynamicTyping) took exponential time on '0000…a' cells.
  { name: 'papaparse', floor: '5.2.0', advisory: 'GHSA-qvjc-g5vr-mfgr / CVE-2020-36649 (PapaParse#777, fixed by #779)' },
];

/**
 * Whether `version` is at least `floor` (major.minor.patch; a pre-release of the floor itself is older).
 * @example atLeast('6.17.0', '6.4.1') // true
 */
function atLeast(version: string, floor: string): boolean {
  const parse = (v: string) => {
    const m = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?/.exec(v.trim());
    if (!m) throw new Error(`not a version: ${JSON.stringify(v)}`);
    return { nums: [Number(m[1]), Number(m[2]), Number(m[3])], pre: !!m[4] };
  };
  const a = parse(version);
  const b = parse(floor);
  for (let i = 0; i < 3; i++) if (a.nums[i] !== b.nums[i]) return a.nums[i] > b.nums[i];
  return !a.pre || b.pre;
}

/** The lowest version a declared range ('^6.17.0', '~5.7', '6.17.0', '>=6.4.1') lets npm install. */
function rangeFloor(range: string): string {
  const m = /^(?:\^|~|>=)?\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(range.trim());
  if (!m || /\|\||\s-\s|^[<*x]/.test(range)) throw new Error(`range not understood: ${range}`);
  return `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}`;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

describe('the version check itself', () => {
  test('rejects the vulnerable versions and accepts the fixed ones', () => {
    expect(atLeast('6.4.0', '6.4.1')).toBe(false);
    expect(atLeast('6.4.1-beta.2', '6.4.1')).toBe(false);
    expect(atLeast('5.24.0', '6.4.1')).toBe(false);
    expect(atLeast('5.1.1', '5.2.0')).toBe(false);
    expect(atLeast('4.6.3', '5.2.0')).toBe(false);
    expect(atLeast('6.4.1', '6.4.1')).toBe(true);
    expect(atLeast('6.17.0', '6.4.1')).toBe(true);
    expect(atLeast('5.10.0', '5.2.0')).toBe(true);
    expect(rangeFloor('^6.17.0')).toBe('6.17.0');
    expect(rangeFloor('~5.7')).toBe('5.7.0');
    expect(() => rangeFloor('<7 || 5.1.0')).toThrow();
  });
});

describe.each(FLOORS)('$name ≥ $floor ($advisory)', ({ name, floor }) => {
  test('the installed copy (node_modules/<pkg>/package.json)', () => {
    const installed = readJson(`node_modules/${name}/package.json`).version as string;
    expect(atLeast(installed, floor), `${name} ${installed} installed`).toBe(true);
  });

  test('the lockfile (what npm ci installs)', () => {
    const locked = readJson('package-lock.json').packages[`node_modules/${name}`]?.version as string;
    expect(locked, `${name} missing from package-lock.json`).toBeDefined();
    expect(atLeast(locked, floor), `${name} ${locked} locked`).toBe(true);
  });

  test("package.json's range cannot resolve below it", () => {
    const pkg = readJson('package.json');
    const range = (pkg.dependencies?.[name] ?? pkg.devDependencies?.[name]) as string;
    expect(range, `${name} not declared`).toBeDefined();
    expect(atLeast(rangeFloor(range), floor), `${name} declared as ${range}`).toBe(true);
  });
});
