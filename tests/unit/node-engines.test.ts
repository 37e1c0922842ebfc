/**
 * The README's Quick start says which installed packages declare that they need a Node newer than 20 (the
 * EBADENGINE warnings `npm install` prints on Node 20, issue 11 item 17): this keeps that list complete.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** True when every alternative of an `engines.node` range starts above Node 20 (`>= 22`, `>=21.1`, `^22`). */
function excludesNode20(range: string): boolean {
  return range.split('||').every((clause) => /^\s*(>=?|\^|~)?\s*v?(2[1-9]|[3-9]\d)(\.|\s|$)/.test(clause.trim() + ' '));
}

describe('Node 20 support', () => {
  it('reads ranges the way npm does for the cases that matter', () => {
    expect(excludesNode20('>= 22')).toBe(true);
    expect(excludesNode20('^22.12.0 || >=24')).toBe(true);
    expect(excludesNode20('^20.19.0 || >=22.12.0')).toBe(false);
    expect(excludesNode20('>=18.0.0')).toBe(false);
    expect(excludesNode20('>= 0.6')).toBe(false);
  });

  it('the README names every installed package that declares a Node newer than 20', () => {
    const needNewer = Object.entries(lock.packages)
      .filter(([name, p]) => name && !p.optional && typeof (p.engines as { node?: string } | undefined)?.node === 'string')
      .filter(([, p]) => excludesNode20((p.engines as { node: string }).node))
      .map(([name]) => name.replace(/^.*node_modules\//, ''));
    expect(needNewer.length).toBeGreaterThan(0); // today: @mapbox/jsonlint-lines-primitives
    for (const name of needNewer) expect(readme, `${name} is not explained in README's Quick start`).toContain(`\`${name}\``);
  });
});
