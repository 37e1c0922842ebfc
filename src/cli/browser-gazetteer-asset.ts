/**
 * The compact browser gazetteer as a static asset of the app (issue 10): a Vite plugin makes sure
 * `node_modules/.cache/dateline/browser-gazetteer.json` (written by `build-gazetteer.ts`) exists and is
 * up to date before a build or the dev server resolves `$gazetteer?url`; Vite then emits it with a
 * hashed name next to the app, fetched from the app's own origin only when "Add articles" is first used.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the browser form is kept between builds (the alias `$gazetteer` in vite.config.ts points here). */
export const BROWSER_GAZETTEER_FILE = path.join(ROOT, 'node_modules/.cache/dateline/browser-gazetteer.json');

/** What the browser form is built from: the builder, the gazetteer code and data, the packages' versions. */
const INPUTS = [
  'src/cli/build-gazetteer.ts', 'src/cli/gazetteer-node.ts', 'src/cli/reference-natural-earth.ts',
  'src/cli/reference-english-names.ts', 'src/core/gazetteer', 'src/core/formats.ts', 'package-lock.json',
];

function inputsDigest(): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const abs = path.join(ROOT, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) visit(path.posix.join(rel, name));
      return;
    }
    hash.update(`${rel}\0`).update(readFileSync(abs)).update('\0');
  };
  for (const rel of INPUTS) visit(rel);
  return hash.digest('hex');
}

/**
 * Builds the browser gazetteer when it is missing or its inputs changed (about 15 s, once per change).
 * @returns the file's absolute path
 * @example ensureBrowserGazetteer() // '/…/node_modules/.cache/dateline/browser-gazetteer.json'
 */
export function ensureBrowserGazetteer(): string {
  const stamp = `${BROWSER_GAZETTEER_FILE}.inputs`;
  const digest = inputsDigest();
  if (existsSync(BROWSER_GAZETTEER_FILE) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return BROWSER_GAZETTEER_FILE;
  mkdirSync(path.dirname(BROWSER_GAZETTEER_FILE), { recursive: true });
  const partial = `${BROWSER_GAZETTEER_FILE}.${process.pid}.tmp`;
  // A child process: the builder reads the data packages with Node's require, outside Vite's config bundle.
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/build-gazetteer.ts'), '--out', partial], { cwd: ROOT, stdio: 'inherit' });
  renameSync(partial, BROWSER_GAZETTEER_FILE); // atomic: a parallel build never reads half a file
  writeFileSync(stamp, digest);
  return BROWSER_GAZETTEER_FILE;
}

/** The Vite plugin: the browser gazetteer is there before any module asks for its URL. */
export function browserGazetteer(): Plugin {
  return {
    name: 'dateline-browser-gazetteer',
    buildStart() {
      // Unit tests never fetch it; only builds and the dev server do.
      if (!process.env.VITEST) ensureBrowserGazetteer();
    },
  };
}
