/**
 * The compact transport form of `GazetteerData` that the browser fetches for "Add articles" (issue 10).
 * Lossless: `decodeCompactGazetteer(encodeCompactGazetteer(data))` deep-equals `data`, so the browser
 * reads exactly what the builder made. It only writes the same values in fewer gzipped bytes:
 * - ids: after an id `<prefix><number>`, a following id with the same prefix and a larger number is
 *   written as the difference (GeoNames ids are in ascending order: `gn:98182`, then `12`);
 * - longitudes and latitudes: whole numbers of 10^-decimals degrees, each the difference from the
 *   previous place (neighbouring places are near each other);
 * - area shapes: each ring's points as whole numbers of 10^-decimals degrees, each the difference from
 *   the previous point (TopoJSON's quantised delta encoding, without its shared arcs). A shape that
 *   needs more than `MAX_DECIMALS` decimals is kept as GeoJSON.
 * Everything else (names, other names, codes, populations, country shapes, common words) is kept as is.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GazetteerData } from './index';

/** Version of the compact form; bump when it changes incompatibly. */
export const COMPACT_GAZETTEER_FORMAT = 'dateline-gazetteer-compact/1';

/** The most decimals a coordinate may have to be written as a whole number (10^-7° is ~1 cm). */
const MAX_DECIMALS = 7;

/** A quantised shape: 0 = Polygon, 1 = MultiPolygon; decimals; rings of [dx, dy, dx, dy, …]. */
type CompactShape = [0, number, number[][]] | [1, number, number[][][]];

export interface CompactGazetteerData {
  compact: typeof COMPACT_GAZETTEER_FORMAT;
  format: GazetteerData['format'];
  meta: GazetteerData['meta'];
  places: Omit<GazetteerData['places'], 'id' | 'lon' | 'lat'> & {
    /** A full id, or the difference from the previous id's number (same prefix). */
    id: Array<string | number>;
    /** Decimals of every longitude and latitude. */
    decimals: number;
    /** Differences from the previous place, in units of 10^-decimals degrees. */
    lon: number[];
    lat: number[];
  };
  commonWords: string[];
  countries: GazetteerData['countries'];
  shapes: Record<string, CompactShape | Polygon | MultiPolygon>;
}

/** An id's prefix and trailing number, when the number has no leading zero (so it prints back the same). */
function splitId(id: string): [string, number] | null {
  let start = id.length;
  while (start > 0 && id.charCodeAt(start - 1) >= 48 && id.charCodeAt(start - 1) <= 57) start--;
  while (start < id.length && id.charCodeAt(start) === 48) start++; // leading zeros stay in the prefix
  if (start === id.length || id.length - start > 15) return null;
  return [id.slice(0, start), Number(id.slice(start))];
}

/** Fewest decimals that write every value exactly as an integer over 10^decimals, or -1 if none up to MAX_DECIMALS. */
function decimalsOf(values: Iterable<number>): number {
  let decimals = 0;
  for (const v of values) {
    while (decimals <= MAX_DECIMALS && Math.round(v * 10 ** decimals) / 10 ** decimals !== v) decimals++;
    if (decimals > MAX_DECIMALS) return -1;
  }
  return decimals;
}

function* shapeValues(polygons: Position[][][]): Generator<number> {
  for (const polygon of polygons) for (const ring of polygon) for (const point of ring) yield* point;
}

function encodeRing(ring: Position[], factor: number): number[] {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  for (const point of ring) {
    if (point.length !== 2) throw new Error('compact gazetteer: a shape point has more than two numbers');
    const qx = Math.round(point[0] * factor);
    const qy = Math.round(point[1] * factor);
    out.push(qx - x, qy - y);
    x = qx;
    y = qy;
  }
  return out;
}

function decodeRing(deltas: number[], factor: number): Position[] {
  const out: Position[] = new Array(deltas.length / 2);
  let x = 0;
  let y = 0;
  for (let i = 0; i < deltas.length; i += 2) {
    x += deltas[i];
    y += deltas[i + 1];
    out[i / 2] = [x / factor, y / factor];
  }
  return out;
}

function encodeShape(shape: Polygon | MultiPolygon): CompactShape | Polygon | MultiPolygon {
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  const decimals = decimalsOf(shapeValues(polygons));
  if (decimals < 0) return shape;
  const factor = 10 ** decimals;
  const rings = polygons.map((polygon) => polygon.map((ring) => encodeRing(ring, factor)));
  return shape.type === 'Polygon' ? [0, decimals, rings[0]] : [1, decimals, rings];
}

function decodeShape(shape: CompactShape | Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (!Array.isArray(shape)) return shape;
  const factor = 10 ** shape[1];
  if (shape[0] === 0) return { type: 'Polygon', coordinates: shape[2].map((ring) => decodeRing(ring, factor)) };
  return { type: 'MultiPolygon', coordinates: shape[2].map((polygon) => polygon.map((ring) => decodeRing(ring, factor))) };
}

/**
 * Writes gazetteer data in the compact form.
 * @param data gazetteer data (its coordinates at most MAX_DECIMALS decimals)
 * @returns the compact form, to be written with `JSON.stringify`
 * @example writeFileSync(file, JSON.stringify(encodeCompactGazetteer(data)));
 */
export function encodeCompactGazetteer(data: GazetteerData): CompactGazetteerData {
  const { id, lon, lat, ...rest } = data.places;
  const ids: Array<string | number> = [];
  let previous: [string, number] | null = null;
  for (const value of id) {
    const split = splitId(value);
    if (split && previous && split[0] === previous[0] && split[1] > previous[1]) ids.push(split[1] - previous[1]);
    else ids.push(value);
    previous = split;
  }
  const decimals = decimalsOf([...lon, ...lat]);
  if (decimals < 0) throw new Error(`compact gazetteer: a place's coordinates have more than ${MAX_DECIMALS} decimals`);
  const factor = 10 ** decimals;
  const deltas = (values: number[]) => {
    let last = 0;
    return values.map((v) => {
      const q = Math.round(v * factor);
      const d = q - last;
      last = q;
      return d;
    });
  };
  const shapes: CompactGazetteerData['shapes'] = {};
  for (const [key, shape] of Object.entries(data.shapes)) shapes[key] = encodeShape(shape);
  return {
    compact: COMPACT_GAZETTEER_FORMAT,
    format: data.format,
    meta: data.meta,
    places: { id: ids, ...rest, decimals, lon: deltas(lon), lat: deltas(lat) },
    commonWords: data.commonWords,
    countries: data.countries,
    shapes,
  };
}

/**
 * Reads the compact form back into gazetteer data, the same values as were encoded (area shapes on first
 * access).
 * @param compact the parsed compact form
 * @returns gazetteer data for `Gazetteer.fromData`
 * @example Gazetteer.fromData(decodeCompactGazetteer(await response.json()));
 */
export function decodeCompactGazetteer(compact: CompactGazetteerData): GazetteerData {
  if (compact.compact !== COMPACT_GAZETTEER_FORMAT) {
    throw new Error(`Compact gazetteer has format "${compact.compact}", expected "${COMPACT_GAZETTEER_FORMAT}"`);
  }
  const { id, decimals, lon, lat, ...rest } = compact.places;
  const ids: string[] = new Array(id.length);
  let previous: [string, number] | null = null;
  for (let i = 0; i < id.length; i++) {
    const value = id[i];
    if (typeof value === 'number') {
      if (!previous) throw new Error(`Compact gazetteer: id ${i} follows no numbered id`);
      previous = [previous[0], previous[1] + value];
      ids[i] = `${previous[0]}${previous[1]}`;
    } else {
      ids[i] = value;
      previous = splitId(value);
    }
  }
  const factor = 10 ** decimals;
  const sums = (deltas: number[]) => {
    let q = 0;
    return deltas.map((d) => (q += d) / factor);
  };
  // Each shape is decoded when first asked for: most are never drawn, and the panel's first load waits for this.
  const shapes: GazetteerData['shapes'] = {};
  for (const [key, shape] of Object.entries(compact.shapes)) {
    Object.defineProperty(shapes, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = decodeShape(shape);
        Object.defineProperty(shapes, key, { value, configurable: true, enumerable: true, writable: true });
        return value;
      },
    });
  }
  return {
    format: compact.format,
    meta: compact.meta,
    places: { id: ids, ...rest, lon: sums(lon), lat: sums(lat) },
    commonWords: compact.commonWords,
    countries: compact.countries,
    shapes,
  };
}
