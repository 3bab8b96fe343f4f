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
});

/** A WGS-84 point in decimal degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

const GCOORD_CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** Converts `p` from datum `from` to datum `to` (gcoord; GCJ-02/BD-09 offsets apply only inside China). */
export function convertPoint(p: LngLat, from: CoordinateSystem, to: CoordinateSystem): LngLat {
  if (from === to) return { lng: p.lng, lat: p.lat };
  const [lng, lat] = gcoord.transform([p.lng, p.lat], GCOORD_CRS[from], GCOORD_CRS[to]) as [number, number];
  return { lng, lat };
}

/**
 * Rejects what PostGIS would silently wrap or accept: NaN, ±Infinity, |lng| > 180, |lat| > 90.
 * `field` names the argument in the error, e.g. `near` gives `near.lng: …`.
 */
export function assertValidLngLat(p: LngLat, field: string): void {
  if (typeof p.lng !== 'number' || !Number.isFinite(p.lng) || p.lng < -180 || p.lng > 180) {
    throw new BadInputError(`${field}.lng`, 'longitude must be a finite number of degrees from -180 to 180');
  }
  if (typeof p.lat !== 'number' || !Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90) {
    throw new BadInputError(`${field}.lat`, 'latitude must be a finite number of degrees from -90 to 90');
  }
}

/** Validates an input point in its datum and returns it as WGS-84. */
export function toWgs84(input: LngLatInput, field: string): LngLat {
  assertValidLngLat(input, field);
  return convertPoint(input, input.crs ?? CoordinateSystem.WGS84, CoordinateSystem.WGS84);
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

@ObjectType({ description: 'A point in decimal degrees in the datum `crs`.' })
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
