/**
 * Geoparsing evaluation: scores place mentions (the rows of `mentions.csv`) against gold toponyms, with
 * the rules and the output of the development set's `score.py` (GeoVirus), so the project measures itself
 * without Python. Pure: no file access; the CLI (`src/cli/eval.ts`) reads the files.
 *
 * Rules, as in score.py:
 * - Recognition: a prediction counts for a gold toponym when their [start, end) spans overlap. There is no
 *   one-to-one matching: several predictions may overlap one gold span and each is counted.
 * - Resolution: a recognised gold toponym is right when any overlapping prediction lies within 161 km
 *   (haversine, earth radius 6371 km) of the gold point.
 * - "By area": also right when a prediction has precision `country` and its `country` column equals the
 *   gold `cc` (the ISO alpha-2 country whose polygon holds the gold point; `cc` null never matches).
 * - Only files named in the gold count: predictions for other files are ignored, not spurious.
 * - Error lists: missed names and spurious texts by count (ties in first-seen order); wrongly placed
 *   toponyms in gold order, each with the first overlapping prediction.
 * Numbers are printed the way Python prints them (`repr` of floats, `:.3f` rounding half to even).
 */
import Papa from 'papaparse';

/** Distance within which a placement is right: 161 km (100 miles), the literature's acc@161. */
export const ACCURACY_KM = 161;
/** Mean earth radius in km, as in score.py. */
const EARTH_RADIUS_KM = 6371.0;

/** One gold toponym: its span in the article, its name, the gold point and the country holding it. */
export interface GoldToponym {
  start: number;
  end: number;
  name: string;
  lat: number;
  lon: number;
  /** ISO alpha-2 country whose polygon holds the point; null for seas, continents, border points. */
  cc: string | null;
}

/** The gold of a corpus, in the file order of gold.json. */
export type GoldCorpus = ReadonlyMap<string, readonly GoldToponym[]>;

/** One predicted mention, read from a `mentions.csv` row. */
export interface Prediction {
  start: number;
  end: number;
  /** null when the cell is empty or not a number. */
  lat: number | null;
  lon: number | null;
  name: string;
  precision: string;
  country: string;
}

/** A gold toponym that was recognised but placed more than 161 km away (and not by area). */
export interface WrongPlace {
  file: string;
  gold: GoldToponym;
  /** The first overlapping prediction in file order. */
  predicted: Prediction;
  /** Distance in km from the predicted to the gold point (NaN without coordinates). */
  km: number;
}

/** Figures of one scoring run. */
export interface EvalScore {
  articles: number;
  goldToponyms: number;
  predicted: number;
  /** Gold toponyms overlapped by some prediction. */
  recognised: number;
  /** Recognised gold toponyms with an overlapping prediction within 161 km. */
  resolved: number;
  /** Predictions overlapping a gold span and within 161 km of one of the overlapped gold points. */
  predictedRight: number;
  /** Gold toponyms right by area (within 161 km, or a country-level prediction of the gold's country). */
  resolvedByArea: number;
  /** Predictions right by area. */
  predictedRightByArea: number;
  acc161: number;
  recall161: number;
  precision: number;
  f1: number;
  byArea: { acc: number; recall: number; precision: number; f1: number };
  /** Missed gold names with counts, most often first (ties in first-seen order). */
  missed: Array<[string, number]>;
  /** Spurious mention texts with counts, most often first (ties in first-seen order). */
  spurious: Array<[string, number]>;
  /** Wrongly placed toponyms, in gold order. */
  wrong: WrongPlace[];
}

/** A parse result: the value, or a message saying what is wrong (without the file name). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Great-circle distance by the haversine formula, computed in score.py's order of operations.
 * @param lat1 latitude of the first point, degrees
 * @param lon1 longitude of the first point, degrees
 * @param lat2 latitude of the second point, degrees
 * @param lon2 longitude of the second point, degrees
 * @returns distance in km on a sphere of radius 6371 km
 * @example Math.round(haversineKm(33.3152, 44.3661, 35.6892, 51.389)) // 692 (Baghdad–Tehran)
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const p1 = lat1 * rad;
  const p2 = lat2 * rad;
  const s1 = Math.sin((p2 - p1) / 2);
  const s2 = Math.sin(((lon2 - lon1) * rad) / 2);
  const a = s1 * s1 + Math.cos(p1) * Math.cos(p2) * s2 * s2;
  const root = Math.sqrt(a);
  // Python's min(1.0, x): 1.0 unless x < 1.0 (so NaN gives 1.0, as in score.py).
  return EARTH_RADIUS_KM * 2 * Math.asin(root < 1 ? root : 1);
}

const DIGITS = String.raw`\d(?:_?\d)*`;
const PY_INT = new RegExp(`^[+-]?${DIGITS}$`);
const PY_FLOAT = new RegExp(String.raw`^[+-]?(?:(?:${DIGITS})?\.${DIGITS}|${DIGITS}\.?)(?:[eE][+-]?${DIGITS})?$`);
const PY_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Python's int(text) for a CSV cell, or null where int() would raise. */
function pyInt(text: string | null | undefined): number | null {
  const t = text?.trim();
  return t && PY_INT.test(t) ? Number(t.replace(/_/g, '')) : null;
}

/** Python's float(text) for a CSV cell, or null where float() would raise (score.py's num()). */
function pyNumber(text: string | null | undefined): number | null {
  const t = text?.trim();
  if (!t) return null;
  const special = PY_SPECIAL.exec(t);
  if (special) return special[2].toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  return PY_FLOAT.test(t) ? Number(t.replace(/_/g, '')) : null;
}

/**
 * A float as Python's `str()`/`repr()` writes it (shortest round-trip digits, `.0` on whole numbers,
 * exponent form below 1e-4 and from 1e16), so printed coordinates match score.py.
 * @param x a number, or null (Python's None)
 * @returns Python's text for it
 * @example [pyFloat(51), pyFloat(35.6892), pyFloat(0.00001), pyFloat(null)] // ['51.0', '35.6892', '1e-05', 'None']
 */
export function pyFloat(x: number | null): string {
  if (x === null) return 'None';
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0.0`;
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  return `${sign}${whole}.${digits.slice(exp + 1) || '0'}`;
}

/**
 * A number with a fixed count of decimals, rounded as Python's `f'{x:.Nf}'` does: on the exact binary
 * value, ties to even (`toFixed` rounds ties up, so 0.0625 would print 0.063 where Python prints 0.062).
 * @param x the number
 * @param decimals digits after the point (0 gives no point)
 * @returns the text Python prints
 * @example [pyFixed(0.0625, 3), pyFixed(2.5, 0), pyFixed(0.5625, 3)] // ['0.062', '2', '0.562']
 */
export function pyFixed(x: number, decimals: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  // |x| = m / 2^k exactly, with m an integer.
  let m = Math.abs(x);
  let k = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  const scaled = BigInt(m) * 10n ** BigInt(decimals);
  const denominator = 1n << BigInt(k);
  let q = scaled / denominator;
  const twiceRest = (scaled % denominator) * 2n;
  if (twiceRest > denominator || (twiceRest === denominator && q % 2n === 1n)) q++;
  const text = q.toString().padStart(decimals + 1, '0');
  return decimals ? `${sign}${text.slice(0, -decimals)}.${text.slice(-decimals)}` : `${sign}${text}`;
}

/** score.py's os.path.basename: the part after the last `/`. */
const basename = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/**
 * Reads `mentions.csv` text (dateline-mentions-csv/1, or any CSV with the columns `file, start, end`
 * and optionally `latitude, longitude, name, precision, country`) as score.py does: a leading BOM is
 * dropped, files are keyed by base name, rows whose start or end is not an integer are skipped, and
 * coordinates that are not numbers become null.
 * @param text the CSV text
 * @returns predictions per file, in row order
 * @example parseMentionsCsv('file,start,end,name,latitude,longitude\na.txt,0,5,Paris,48.85,2.35\n').get('a.txt')?.[0].lat // 48.85
 */
export function parseMentionsCsv(text: string): Map<string, Prediction[]> {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data;
  const byFile = new Map<string, Prediction[]>();
  const header = rows[0] ?? [];
  const column = new Map<string, number>();
  header.forEach((name, i) => column.set(name, i)); // a repeated column name: the last one wins, as in csv.DictReader
  const cell = (row: string[], name: string): string | null => {
    const i = column.get(name);
    return i === undefined ? null : (row[i] ?? null);
  };
  for (const row of rows.slice(1)) {
    const start = pyInt(cell(row, 'start'));
    const end = pyInt(cell(row, 'end'));
    if (start === null || end === null) continue;
    const file = basename(cell(row, 'file') ?? '');
    const list = byFile.get(file) ?? [];
    list.push({
      start,
      end,
      lat: pyNumber(cell(row, 'latitude')),
      lon: pyNumber(cell(row, 'longitude')),
      name: cell(row, 'name') ?? '',
      precision: cell(row, 'precision') ?? '',
      country: cell(row, 'country') ?? '',
    });
    byFile.set(file, list);
  }
  return byFile;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Reads and checks gold.json: `{ file: [{ start, end, name, lat, lon, cc }] }`.
 * @param text the JSON text
 * @returns the gold in file order, or a message naming the first problem (file and entry)
 * @example parseGold('{"a.txt":[{"start":0,"end":5,"name":"Paris","lat":48.85,"lon":2.35,"cc":"FR"}]}') // { ok: true, value: Map { 'a.txt' => [ … ] } }
 */
export function parseGold(text: string): Parsed<GoldCorpus> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: 'expected an object { "<file>": [{ start, end, name, lat, lon, cc }] }' };
  }
  const gold = new Map<string, GoldToponym[]>();
  for (const [file, list] of Object.entries(data)) {
    if (!Array.isArray(list)) return { ok: false, message: `"${file}": expected an array of toponyms` };
    const toponyms: GoldToponym[] = [];
    for (const [i, t] of list.entries()) {
      const where = `"${file}" entry ${i}`;
      if (typeof t !== 'object' || t === null) return { ok: false, message: `${where}: expected an object` };
      const r = t as Record<string, unknown>;
      for (const key of ['start', 'end', 'lat', 'lon'] as const) {
        if (!isNumber(r[key])) return { ok: false, message: `${where}: "${key}" must be a number` };
      }
      if (typeof r.name !== 'string') return { ok: false, message: `${where}: "name" must be a string` };
      if (r.cc !== undefined && r.cc !== null && typeof r.cc !== 'string') {
        return { ok: false, message: `${where}: "cc" must be a country code or null` };
      }
      toponyms.push({
        start: r.start as number,
        end: r.end as number,
        name: r.name,
        lat: r.lat as number,
        lon: r.lon as number,
        cc: (r.cc as string | null | undefined) ?? null,
      });
    }
    gold.set(file, toponyms);
  }
  return { ok: true, value: gold };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Within 161 km (a prediction without coordinates never is). */
function near(p: Prediction, t: GoldToponym): boolean {
  return p.lat !== null && p.lon !== null && haversineKm(p.lat, p.lon, t.lat, t.lon) <= ACCURACY_KM;
}

/** Within 161 km, or a country-level prediction whose country holds the gold point. */
function sameArea(p: Prediction, t: GoldToponym): boolean {
  return near(p, t) || (p.precision === 'country' && t.cc !== null && p.country === t.cc);
}

/** Python's Counter.most_common(): by count, ties in first-seen order (Array.sort is stable). */
const mostCommon = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]);

const ratio = (n: number, d: number) => n / Math.max(d, 1);
const harmonic = (a: number, b: number) => (2 * a * b) / Math.max(a + b, 1e-9);

/**
 * Scores predictions against the gold with score.py's rules (see the module comment).
 * @param gold gold toponyms per file, in order
 * @param texts the article texts by file name (the spurious list quotes `text.slice(start, end)`)
 * @param predictions predictions per file, in row order (files not in the gold are ignored)
 * @returns counts, the acc@161 / recall@161 / precision / F1@161 figures, the by-area figures and the error lists
 * @example scoreMentions(gold, texts, parseMentionsCsv(csv)).f1
 */
export function scoreMentions(
  gold: GoldCorpus,
  texts: ReadonlyMap<string, string>,
  predictions: ReadonlyMap<string, readonly Prediction[]>,
): EvalScore {
  let goldToponyms = 0;
  let recognised = 0;
  let resolved = 0;
  let predicted = 0;
  let predictedRight = 0;
  let resolvedByArea = 0;
  let predictedRightByArea = 0;
  const missed = new Map<string, number>();
  const spurious = new Map<string, number>();
  const wrong: WrongPlace[] = [];
  for (const [file, toponyms] of gold) {
    const preds = predictions.get(file) ?? [];
    predicted += preds.length;
    for (const p of preds) {
      const over = toponyms.filter((t) => overlaps(p, t));
      if (!over.length) {
        const text = (texts.get(file) ?? '').slice(p.start, p.end);
        spurious.set(text, (spurious.get(text) ?? 0) + 1);
        continue;
      }
      if (over.some((t) => near(p, t))) predictedRight++;
      if (over.some((t) => sameArea(p, t))) predictedRightByArea++;
    }
    for (const t of toponyms) {
      goldToponyms++;
      const over = preds.filter((p) => overlaps(p, t));
      if (!over.length) {
        missed.set(t.name, (missed.get(t.name) ?? 0) + 1);
        continue;
      }
      recognised++;
      if (over.some((p) => sameArea(p, t))) resolvedByArea++;
      if (over.some((p) => near(p, t))) resolved++;
      else {
        const p = over[0];
        const km = p.lat !== null && p.lon !== null ? haversineKm(p.lat, p.lon, t.lat, t.lon) : NaN;
        wrong.push({ file, gold: t, predicted: p, km });
      }
    }
  }
  const recall161 = ratio(resolved, goldToponyms);
  const precision = ratio(predictedRight, predicted);
  const areaRecall = ratio(resolvedByArea, goldToponyms);
  const areaPrecision = ratio(predictedRightByArea, predicted);
  return {
    articles: gold.size,
    goldToponyms,
    predicted,
    recognised,
    resolved,
    predictedRight,
    resolvedByArea,
    predictedRightByArea,
    acc161: ratio(resolved, recognised),
    recall161,
    precision,
    f1: harmonic(recall161, precision),
    byArea: { acc: ratio(resolvedByArea, recognised), recall: areaRecall, precision: areaPrecision, f1: harmonic(areaRecall, areaPrecision) },
    missed: mostCommon(missed),
    spurious: mostCommon(spurious),
    wrong,
  };
}

/**
 * The report score.py prints, line for line: with `errors` > 0 first the most often missed names, the
 * spurious mentions and the wrongly placed toponyms (up to `errors` of each), then the counts line, the
 * figures line and the by-area line.
 * @param score a scoring run
 * @param label the corpus name opening the counts line (score.py prints `GeoVirus`)
 * @param errors how many examples of each error kind to list (0: none)
 * @returns the lines of text
 * @example formatScore(score, 'GeoVirus', 0)[1] // 'acc@161 0.812  recall@161 0.700  precision 0.650  F1@161 0.674'
 */
export function formatScore(score: EvalScore, label: string, errors = 0): string[] {
  const f3 = (x: number) => pyFixed(x, 3);
  const lines: string[] = [];
  if (errors > 0) {
    const counted = (list: Array<[string, number]>) => list.slice(0, errors).map(([k, v]) => `${k} ×${v}`).join(', ');
    lines.push(`most often missed: ${counted(score.missed)}`);
    lines.push(`spurious (not a gold toponym): ${counted(score.spurious)}`);
    lines.push('wrong place:');
    for (const w of score.wrong.slice(0, errors)) {
      const p = w.predicted;
      lines.push(`  ${w.gold.name} -> ${p.name} (${pyFloat(p.lat)}, ${pyFloat(p.lon)}), ${pyFixed(w.km, 0)} km off  [${w.file}]`);
    }
  }
  lines.push(`${label}: ${score.articles} articles, ${score.goldToponyms} gold toponyms, ${score.predicted} predicted mentions`);
  lines.push(`acc@161 ${f3(score.acc161)}  recall@161 ${f3(score.recall161)}  precision ${f3(score.precision)}  F1@161 ${f3(score.f1)}`);
  const a = score.byArea;
  lines.push(`by area: acc ${f3(a.acc)}  recall ${f3(a.recall)}  precision ${f3(a.precision)}  F1 ${f3(a.f1)}`);
  return lines;
}
