import gcoord from 'gcoord';
import type { CoordinateSystem } from '../enums';
import type { LngLat } from '../records';

const CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** Converts a point between datums with gcoord (the same library the API uses). */
export const convertPoint = (point: LngLat, from: CoordinateSystem, to: CoordinateSystem): LngLat => {
  if (from === to) return point;
  const [lng, lat] = gcoord.transform([point.lng, point.lat], CRS[from], CRS[to]);
  return { lng, lat };
};

export const isValidLngLat = (point: Partial<LngLat> | null | undefined): point is LngLat =>
  point != null &&
  Number.isFinite(point.lng) &&
  Number.isFinite(point.lat) &&
  Math.abs(point.lng as number) <= 180 &&
  Math.abs(point.lat as number) <= 90;

/** Six decimals of a degree are about 0.1 m: more is noise. */
export const formatDegrees = (value: number) => value.toFixed(6);
