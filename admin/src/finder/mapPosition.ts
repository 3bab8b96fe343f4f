import gcoord from 'gcoord';
import type { LngLat } from './queries';

/**
 * The datum a basemap is drawn in: the bundled background and the station tiles without `crs` are WGS-84; an
 * online basemap (MAP_STYLE_URL) is drawn in MAP_STYLE_DATUM, GCJ-02 for AMap and Tencent, BD-09 for Baidu.
 */
export type MapDatum = 'WGS84' | 'GCJ02' | 'BD09';

const CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** A WGS-84 position (what the API answers with `location`) as a map in `datum` draws it: `[lng, lat]`. */
export function toMapPosition(point: LngLat, datum: MapDatum = 'WGS84'): [number, number] {
  if (datum === 'WGS84') return [point.lng, point.lat];
  return gcoord.transform([point.lng, point.lat], CRS.WGS84, CRS[datum]) as [number, number];
}

/** A position on a map in `datum` (a tap, the map's centre) back to WGS-84, the datum the finder sends to the API. */
export function fromMapPosition(lngLat: { lng: number; lat: number }, datum: MapDatum = 'WGS84'): LngLat {
  if (datum === 'WGS84') return { lng: lngLat.lng, lat: lngLat.lat };
  const [lng, lat] = gcoord.transform([lngLat.lng, lngLat.lat], CRS[datum], CRS.WGS84) as [number, number];
  return { lng, lat };
}
