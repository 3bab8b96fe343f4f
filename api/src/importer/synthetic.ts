import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { CoordinateSystem, convertPoint } from '../common/geo';
import { Amenity, StationKind } from '../stations/station.enums';
import type { BulkStation } from './bulk';

/** A town centre (乡镇/街道) from the cn-adcode table, GCJ-02. */
export interface Town {
  code: string;
  adcode: string;
  name: string;
  lng: number;
  lat: number;
}

/** Reads the town table (`seeds/cn-adcode/towns_gcj02.csv`, or the shared full file: both have these columns). */
export function readTowns(file: string): Town[] {
  const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows
    .filter((r) => r.longitude && r.latitude && /^[0-9]{6}$/.test(r.adcode))
    .map((r) => ({ code: r.code, adcode: r.adcode, name: r.name, lng: Number(r.longitude), lat: Number(r.latitude) }));
}

/**
 * Amenity shares modelled on the ACFTU's 2024 figures (186.1k stations, 110k with medicine, 12.1k open 24 h) and
 * the 六有/七个一 standards: almost every station has water, seats and charging; fewer have a microwave, toilet,
 * air conditioning; few have showers or legal aid.
 */
const AMENITY_SHARE: [Amenity, number][] = [
  [Amenity.DRINKING_WATER, 0.96], [Amenity.HOT_WATER, 0.88], [Amenity.REST_SEATING, 0.93], [Amenity.PHONE_CHARGING, 0.85],
  [Amenity.FOOD_HEATING, 0.62], [Amenity.TOILET, 0.48], [Amenity.AIR_CONDITIONING, 0.6], [Amenity.HEATING, 0.35],
  [Amenity.FIRST_AID_KIT, 0.59], [Amenity.HEATSTROKE_RELIEF, 0.45], [Amenity.COLD_RELIEF, 0.2], [Amenity.WIFI, 0.4],
  [Amenity.READING, 0.3], [Amenity.EBIKE_CHARGING, 0.15], [Amenity.UMBRELLA, 0.25], [Amenity.REPAIR_TOOLS, 0.2],
  [Amenity.ROUTE_INFO, 0.3], [Amenity.SHOWER, 0.04], [Amenity.LAUNDRY, 0.03], [Amenity.LOCKER, 0.06], [Amenity.LEGAL_AID, 0.05],
  [Amenity.FREE_MEALS, 0.02],
];
const HOURS: [string | null, number][] = [
  ['24/7', 0.065],
  ['Mo-Fr 08:30-17:30; PH off', 0.3],
  ['Mo-Su 08:00-20:00', 0.25],
  ['Mo-Fr 09:00-17:00; Sa 09:00-12:00; PH off', 0.15],
  ['Mo-Su 07:00-22:00', 0.1],
  ['Mo-Fr 08:00-12:00,14:00-18:00; PH off', 0.085],
  [null, 0.05],
];
const KIND_NAME: Record<string, string> = { LOVE_STATION: '爱心驿站', DRIVERS_HOME: '司机之家', COURIER_HOME: '快递小哥之家' };

/**
 * Makes `count` deterministic synthetic stations (same seed → same stations): each at a town centre drawn
 * uniformly from the real 35k towns (so density follows real settlement), jittered up to ~2 km, converted from
 * GCJ-02 to WGS-84; kinds 80 % love stations, 9 % drivers' homes, 11 % courier homes; amenities and hours by the
 * shares above; the town's county as region. Source keys `synthetic:<seed>:<n>` make reloading idempotent.
 */
export function synthesizeStations(towns: Town[], count: number, seed: number): BulkStation[] {
  const rng = xoroshiro128plus(seed);
  const r = () => uniformFloat64(rng);
  const pick = <T>(table: [T, number][]): T => {
    let x = r();
    for (const [v, p] of table) if ((x -= p) < 0) return v;
    return table[table.length - 1][0];
  };
  const out: BulkStation[] = [];
  for (let n = 0; n < count; n++) {
    const town = towns[Math.floor(r() * towns.length)];
    const kind = pick<StationKind>([[StationKind.LOVE_STATION, 0.8], [StationKind.DRIVERS_HOME, 0.09], [StationKind.COURIER_HOME, 0.11]]);
    const angle = r() * 2 * Math.PI;
    const dist = Math.sqrt(r()) * 0.018; // degrees, ≈ 2 km
    const gcj = { lng: town.lng + Math.cos(angle) * dist, lat: town.lat + Math.sin(angle) * dist * 0.8 };
    const wgs = convertPoint(gcj, CoordinateSystem.GCJ02, CoordinateSystem.WGS84);
    const amenities = AMENITY_SHARE.filter(([, p]) => r() < p).map(([a]) => a);
    if (kind === StationKind.DRIVERS_HOME && !amenities.includes(Amenity.TRUCK_PARKING)) amenities.push(Amenity.TRUCK_PARKING);
    out.push({
      sourceKey: `synthetic:${seed}:${n}`,
      kind,
      name: `${town.name}${KIND_NAME[kind]}${(n % 97) + 1}号`,
      address: `${town.name}`,
      lng: Math.round(wgs.lng * 1e7) / 1e7,
      lat: Math.round(wgs.lat * 1e7) / 1e7,
      amenities,
      openingHours: pick(HOURS),
      regionCode: town.adcode,
      provenance: { source: `synthetic:${seed}`, sourceDatum: 'GCJ02', verifiedFields: [], inferredFields: ['location', 'amenities', 'openingHours'], notes: ['synthetic test data'], needsReview: false },
    });
  }
  return out;
}
