import type { LngLat } from './queries';

/**
 * The datum the finder's map draws in. The bundled basemap and the station tiles are WGS-84 today; a basemap
 * drawn in GCJ-02 or BD-09 (a `MAP_STYLE_DATUM` setting, planned) changes only these two functions.
 */
export const MAP_DATUM = 'WGS84' as const;

/** A WGS-84 position (what the API answers with `location`) as the map draws it: `[lng, lat]` in MAP_DATUM. */
export function toMapPosition(point: LngLat): [number, number] {
  return [point.lng, point.lat];
}

/** A position on the map (a tap, the map's centre) back to WGS-84, the datum the finder sends to the API. */
export function fromMapPosition(lngLat: { lng: number; lat: number }): LngLat {
  return { lng: lngLat.lng, lat: lngLat.lat };
}
