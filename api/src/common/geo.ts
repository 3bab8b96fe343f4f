import gcoord from 'gcoord';
import { Field, Float, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Type } from './orm';
import { BadInputError } from './errors';

/** Geodetic datums used by map apps in China. Stored data is always WGS84. */
export enum CoordinateSystem {
  /** GPS, OpenStreetMap, EPSG:4326. */
  WGS84 = 'WGS84',
  /** China's obfuscated "Mars" datum used by AMap (高德), Tencent and WeChat. */
  GCJ02 = 'GCJ02',
  /** Baidu's datum (GCJ-02 with a further offset). */
  BD09 = 'BD09',
}
registerEnumType(CoordinateSystem, {
  name: 'CoordinateSystem',
  description: 'Datum of a coordinate: WGS84 (GPS/OSM), GCJ02 (AMap, Tencent, WeChat) or BD09 (Baidu). Converted with gcoord.',
  valuesConfig: {
    WGS84: { description: 'WGS-84: GPS, OpenStreetMap, EPSG:4326. The datum stations are stored in.' },
    GCJ02: { description: 'GCJ-02 (火星坐标), China\'s offset datum used by AMap (高德), Tencent and WeChat (`wx.getLocation({type: "gcj02"})`).' },
    BD09: { description: 'BD-09, Baidu Maps\' datum (GCJ-02 with a further offset).' },
  },
});

const EARTH_RADIUS = 6378137;
/** Web Mercator metres → WGS-84 degrees. */
export function fromMercator(mx: number, my: number): { lng: number; lat: number } {
  return { lng: ((mx / EARTH_RADIUS) * 180) / Math.PI, lat: ((2 * Math.atan(Math.exp(my / EARTH_RADIUS)) - Math.PI / 2) * 180) / Math.PI };
}
/** WGS-84 (or GCJ-02/BD-09 as if they were) degrees → Web Mercator metres. */
export function toMercator(lng: number, lat: number): [number, number] {
  return [(lng * Math.PI * EARTH_RADIUS) / 180, EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
}

/** A WGS-84 point in decimal degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

const GCOORD_CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** gcoord's rough China box: GCJ-02 offsets apply inside it, nowhere else. */
const GCJ_BOX = { west: 72.004, east: 137.8347, south: 0.8293, north: 55.8271 };
const EDGE = 0.05;

/**
 * True near an edge of gcoord's China box (all of it outside China itself), where gcoord's GCJ-02 → WGS-84
 * iteration can step out of the box and loop for ever (gcoord 1.0.7 has no iteration cap): found by the
 * property tests, e.g. GCJ-02 (72.005, 30).
 */
function nearGcjBoxEdge(p: LngLat): boolean {
  const inLng = p.lng > GCJ_BOX.west - EDGE && p.lng < GCJ_BOX.east + EDGE;
  const inLat = p.lat > GCJ_BOX.south - EDGE && p.lat < GCJ_BOX.north + EDGE;
  if (!inLng || !inLat) return false;
  return (
    Math.abs(p.lng - GCJ_BOX.west) < EDGE || Math.abs(p.lng - GCJ_BOX.east) < EDGE || Math.abs(p.lat - GCJ_BOX.south) < EDGE || Math.abs(p.lat - GCJ_BOX.north) < EDGE
  );
}

/**
 * Converts `p` from datum `from` to datum `to` (gcoord; GCJ-02/BD-09 offsets apply only inside China).
 * GCJ-02/BD-09 input within 0.05° of the edge of gcoord's China box — outside China, where those datums mean
 * nothing — is BAD_USER_INPUT on `field` (gcoord's inverse would never return there).
 */
export function convertPoint(p: LngLat, from: CoordinateSystem, to: CoordinateSystem, field = 'location'): LngLat {
  if (from === to) return { lng: p.lng, lat: p.lat };
  if (from !== CoordinateSystem.WGS84) {
    const gcj = from === CoordinateSystem.BD09 ? (gcoord.transform([p.lng, p.lat], gcoord.BD09, gcoord.GCJ02) as [number, number]) : [p.lng, p.lat];
    // Only the way back to WGS-84 iterates (GCJ-02 ↔ BD-09 is closed-form).
    if (to === CoordinateSystem.WGS84 && nearGcjBoxEdge({ lng: gcj[0], lat: gcj[1] })) {
      throw new BadInputError(field, `(${p.lng}, ${p.lat}) in ${from} lies outside China, where ${from} is not defined; send it in WGS84`, 'CRS_OUTSIDE_CHINA', { lng: p.lng, lat: p.lat, crs: from });
    }
  }
  const [lng, lat] = gcoord.transform([p.lng, p.lat], GCOORD_CRS[from], GCOORD_CRS[to]) as [number, number];
  return { lng, lat };
}

/**
 * Rejects what PostGIS would silently wrap or accept: NaN, ±Infinity, |lng| > 180, |lat| > 90.
 * `field` names the argument in the error, e.g. `near` gives `near.lng: …`.
 */
export function assertValidLngLat(p: LngLat, field: string): void {
  if (typeof p.lng !== 'number' || !Number.isFinite(p.lng) || p.lng < -180 || p.lng > 180) {
    throw new BadInputError(`${field}.lng`, 'longitude must be a finite number of degrees from -180 to 180', 'LNG_RANGE');
  }
  if (typeof p.lat !== 'number' || !Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90) {
    throw new BadInputError(`${field}.lat`, 'latitude must be a finite number of degrees from -90 to 90', 'LAT_RANGE');
  }
}

/** Validates an input point in its datum and returns it as WGS-84; BAD_USER_INPUT on `field.lng`/`field.lat` or `field`. */
export function toWgs84(input: LngLatInput, field: string): LngLat {
  assertValidLngLat(input, field);
  const wgs = convertPoint(input, input.crs ?? CoordinateSystem.WGS84, CoordinateSystem.WGS84, field);
  // A BD-09 point at the very edge of the globe can convert to one just past it (BD-09 (0, -90) → lat -90.006).
  assertValidLngLat(wgs, field);
  return wgs;
}

@InputType({ description: 'A point given as longitude and latitude in decimal degrees, in the datum `crs` (default WGS84).' })
export class LngLatInput {
  @Field(() => Float, { description: 'Longitude in degrees, -180..180 (east positive).' })
  lng!: number;

  @Field(() => Float, { description: 'Latitude in degrees, -90..90 (north positive).' })
  lat!: number;

  @Field(() => CoordinateSystem, { nullable: true, defaultValue: CoordinateSystem.WGS84, description: 'Datum of lng/lat.' })
  crs?: CoordinateSystem;
}

@ObjectType({ simpleResolvers: true, description: 'A point in decimal degrees in the datum `crs`.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Longitude in degrees.' })
  lng!: number;

  @Field(() => Float, { description: 'Latitude in degrees.' })
  lat!: number;

  @Field(() => CoordinateSystem, { description: 'Datum of lng/lat.' })
  crs!: CoordinateSystem;

  static of(p: LngLat, crs: CoordinateSystem): GeoPoint {
    return Object.assign(new GeoPoint(), convertPoint(p, CoordinateSystem.WGS84, crs), { crs });
  }
}

/**
 * MikroORM type for a `geography(Point, 4326)` column holding a WGS-84 `LngLat`.
 * Written as EWKT through `ST_GeogFromText`, read back with `ST_AsText` (15 significant digits).
 */
export class GeographyPointType extends Type<LngLat | null, string | null> {
  override convertToDatabaseValue(value: LngLat | null): string | null {
    if (!value) return null;
    return `SRID=4326;POINT(${value.lng} ${value.lat})`;
  }

  override convertToJSValue(value: string | LngLat | null): LngLat | null {
    if (value == null) return null;
    if (typeof value === 'object') return value;
    const m = /^POINT\((\S+) (\S+)\)$/i.exec(value);
    if (!m) throw new Error(`Unexpected geography value ${value}`);
    return { lng: Number(m[1]), lat: Number(m[2]) };
  }

  override convertToJSValueSQL(key: string): string {
    return `ST_AsText(${key})`;
  }

  override convertToDatabaseValueSQL(key: string): string {
    return `ST_GeogFromText(${key})`;
  }

  override getColumnType(): string {
    return 'geography(Point, 4326)';
  }

  override compareAsType(): string {
    return 'string';
  }
}
