/**
 * Country outlines for country-level events, from the build's TopoJSON of Natural Earth countries keyed
 * by ISO alpha-2 (src/cli/basemap-assets.ts). A country is converted to GeoJSON the first time an event
 * asks for it, so the first view converts one or two countries, not two hundred.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** Outlines by ISO alpha-2, as `eventMapData` reads them (`get`, `has`); converted on first use. */
export class CountryShapes extends Map<string, Polygon | MultiPolygon> {
  private readonly pending: Map<string, GeometryCollection['geometries'][number]>;

  constructor(private readonly topology: Topology) {
    super();
    const countries = topology.objects.countries as GeometryCollection;
    this.pending = new Map(countries.geometries.map((g) => [String(g.id), g]));
  }

  override get(iso2: string): Polygon | MultiPolygon | undefined {
    const waiting = this.pending.get(iso2);
    if (waiting) {
      this.pending.delete(iso2);
      // A single geometry (not a collection) gives a single Feature.
      super.set(iso2, (feature(this.topology, waiting) as Feature<Polygon | MultiPolygon>).geometry);
    }
    return super.get(iso2);
  }

  override has(iso2: string): boolean {
    return this.pending.has(iso2) || super.has(iso2);
  }
}
