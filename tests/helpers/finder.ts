import * as coordtransform from 'coordtransform';
import { linkPosition } from '../../admin/src/finder/navigation';
import { haversine } from './reference-geo';
import type { TestServer } from './server';

/** The geolocation the finder tests give the phone: WGS-84, in central Zhengzhou (金水区, near 紫荆山). */
export const ZHENGZHOU = { lng: 113.6721, lat: 34.7605 };

/**
 * Stations the finder tests place around ZHENGZHOU (WGS-84 offsets in metres east/north), open 24/7 so the
 * "open now" list does not depend on the hour the test runs, plus one that is closed at every hour. Returns their ids by name.
 */
export const FINDER_FIXTURES = [
  { name: '测试驿站甲（有厕所）', east: 60, north: 20, amenities: ['DRINKING_WATER', 'TOILET', 'PHONE_CHARGING'], hours: '24/7', phone: '0371-12345678' },
  { name: '测试驿站乙（无厕所）', east: -40, north: 90, amenities: ['DRINKING_WATER', 'REST_SEATING'], hours: '24/7', phone: null },
  { name: '测试司机之家丙', east: 100, north: -90, amenities: ['TOILET', 'TRUCK_PARKING', 'FOOD_HEATING'], hours: '24/7', phone: '13800138000; 0371-6666' },
  { name: '测试驿站丁（已关门）', east: 15, north: -10, amenities: ['TOILET'], hours: 'Mo-Su off', phone: null },
] as const;

const M_PER_DEG_LAT = 111_320;
export const offset = (east: number, north: number) => ({
  lng: ZHENGZHOU.lng + east / (M_PER_DEG_LAT * Math.cos((ZHENGZHOU.lat * Math.PI) / 180)),
  lat: ZHENGZHOU.lat + north / M_PER_DEG_LAT,
});

export async function createFinderStations(s: TestServer): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const f of FINDER_FIXTURES) {
    const r = await s.graphql(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, {
      i: {
        kind: f.name.includes('司机之家') ? 'DRIVERS_HOME' : 'LOVE_STATION',
        name: f.name,
        address: `郑州市金水区测试路${Object.keys(ids).length + 1}号`,
        location: { ...offset(f.east, f.north), crs: 'WGS84' },
        amenities: f.amenities,
        openingHours: f.hours,
        phone: f.phone,
      },
    });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    ids[f.name] = r.data.createStation.id;
  }
  return ids;
}

/**
 * Metres between the position a navigation link carries and the independent conversion (coordtransform, not
 * the server's gcoord) of the station's WGS-84 location into that link's datum: GCJ-02 for AMap and Tencent,
 * BD-09 for Baidu.
 */
export function linkErrorMeters(href: string, wgs: { lng: number; lat: number }): number {
  const gcj = coordtransform.wgs84togcj02(wgs.lng, wgs.lat);
  const expected = new URL(href).hostname === 'api.map.baidu.com' ? coordtransform.gcj02tobd09(gcj[0], gcj[1]) : gcj;
  const got = linkPosition(href);
  return haversine(got.lng, got.lat, expected[0], expected[1]);
}
