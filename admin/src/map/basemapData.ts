import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import gcoord from 'gcoord';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land50m from 'world-atlas/land-50m.json';

/**
 * The offline basemap's data, bundled into its own chunk:
 * - land areas from Natural Earth 1:50m (world-atlas, public domain). Land only, without
 *   country borders: Natural Earth's de-facto borders differ from the boundaries maps published
 *   in China must show, and a coastline is all a station map needs at country scale.
 * - the boundaries of the divisions the seed data covers (seeds/cn-adcode/fences, AMap via
 *   Vonng/adcode, CC BY 4.0), converted from GCJ-02 to WGS-84 like every other coordinate here.
 */
const topology = land50m as unknown as Topology<{ land: GeometryCollection }>;
export const land = feature(topology, topology.objects.land) as FeatureCollection;

const fences = import.meta.glob<Polygon | MultiPolygon>('../../../seeds/cn-adcode/fences/*.json', {
  eager: true,
  import: 'default',
});

export const divisions: FeatureCollection = {
  type: 'FeatureCollection',
  features: Object.entries(fences).map(([path, geometry]): Feature => {
    const code = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
    return {
      type: 'Feature',
      properties: { code, level: code.endsWith('00') ? 'city' : 'county' },
      geometry: gcoord.transform(structuredClone(geometry) as never, gcoord.GCJ02, gcoord.WGS84) as Geometry,
    };
  }),
};
