import type { CoordinateSystem } from '../enums';
import { convertPoint } from '../map/coordinates';
import type { LngLat } from './queries';

/**
 * The datum a basemap is drawn in: the bundled background and the station tiles without `crs` are WGS-84; an
 * online basemap (MAP_STYLE_URL) is drawn in MAP_STYLE_DATUM, GCJ-02 for AMap and Tencent, BD-09 for Baidu.
 */
export type MapDatum = CoordinateSystem;

/** A WGS-84 position (what the API answers with `location`) as a map in `datum` draws it: `[lng, lat]`. */
export function toMapPosition(point: LngLat, datum: MapDatum = 'WGS84'): [number, number] {
  const p = convertPoint(point, 'WGS84', datum);
  return [p.lng, p.lat];
}

/** A position on a map in `datum` (a tap, the map's centre) back to WGS-84, the datum the finder sends to the API. */
export function fromMapPosition(lngLat: { lng: number; lat: number }, datum: MapDatum = 'WGS84'): LngLat {
  const { lng, lat } = convertPoint(lngLat, datum, 'WGS84');
  return { lng, lat };
}
