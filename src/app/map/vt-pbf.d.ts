/** vt-pbf ships no types; Dateline uses its geojson-vt (and supercluster getTile) encoder only. */
declare module 'vt-pbf' {
  /** Encodes tiles in geojson-vt's JSON form, by layer name, as a Mapbox Vector Tile. */
  export function fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
  const vtpbf: { fromGeojsonVt: typeof fromGeojsonVt };
  export default vtpbf;
}
