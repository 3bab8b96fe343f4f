import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { convertPoint, CoordinateSystem, toMercator } from '../common/geo';
import { encodePointLayer, tileBounds } from './point-tile';

/** Administrative level of a place label, and the first zoom at which the offline basemap shows it. */
export const PLACE_MIN_ZOOM = { province: 3, city: 6, county: 8, town: 11 } as const;
export type PlaceLevel = keyof typeof PLACE_MIN_ZOOM;

interface Place {
  name: string;
  level: PlaceLevel;
  /** Web Mercator metres in the datum of the tiles being built. */
  mx: number;
  my: number;
}

/**
 * Place names for the offline basemap, from the data Yizhan ships (`seeds/cn-adcode`, GB/T 2260 via
 * Vonng/adcode, CC BY 4.0): provinces, prefecture cities and counties of the division table at their centres, and
 * the towns and sub-districts (乡镇街道) of the town table. Both are in GCJ-02; a tile is built in the datum asked
 * for (WGS-84 for the offline basemap). Virtual divisions (the 市辖区 placeholders) have no label. Kept in memory:
 * about 38,000 points, loaded at the first tile.
 */
export class PlaceLabels {
  private readonly byDatum = new Map<CoordinateSystem, Place[]>();
  private source: { name: string; level: PlaceLevel; lng: number; lat: number }[] | null = null;

  constructor(private readonly seedsDir: string) {}

  private load() {
    if (this.source) return this.source;
    const dir = path.join(this.seedsDir, 'cn-adcode');
    const divisions = parse(fs.readFileSync(path.join(dir, 'divisions_to_county_gcj02.csv')), { columns: true }) as Record<string, string>[];
    const out: { name: string; level: PlaceLevel; lng: number; lat: number }[] = [];
    for (const d of divisions) {
      if (!(d.level in PLACE_MIN_ZOOM) || d.virtual === 't' || d.dummy === 't') continue;
      out.push({ name: d.name, level: d.level as PlaceLevel, lng: Number(d.longitude), lat: Number(d.latitude) });
    }
    const towns = path.join(dir, 'towns_gcj02.csv');
    if (fs.existsSync(towns)) {
      for (const t of parse(fs.readFileSync(towns), { columns: true }) as Record<string, string>[]) {
        // 东华门街道办事处 → 东华门街道: the office's suffix is not the place's name.
        out.push({ name: t.name.replace(/办事处$/, ''), level: 'town', lng: Number(t.longitude), lat: Number(t.latitude) });
      }
    }
    this.source = out.filter((p) => Number.isFinite(p.lng) && Number.isFinite(p.lat));
    return this.source;
  }

  /** Every label with its position in `datum` (Web Mercator metres), computed once per datum. */
  places(datum: CoordinateSystem): Place[] {
    let places = this.byDatum.get(datum);
    if (!places) {
      places = this.load().map((p) => {
        const at = convertPoint({ lng: p.lng, lat: p.lat }, CoordinateSystem.GCJ02, datum);
        const [mx, my] = toMercator(at.lng, at.lat);
        return { name: p.name, level: p.level, mx, my };
      });
      this.byDatum.set(datum, places);
    }
    return places;
  }

  /**
   * The labels of tile z/x/y (layer `places`: `name`, `level` province/city/county/town) as Mapbox Vector Tile
   * bytes, with the levels shown from their PLACE_MIN_ZOOM and a buffer of 1/8 tile so labels at an edge are not
   * cut. Empty buffer for an empty tile.
   */
  async tile(z: number, x: number, y: number, datum: CoordinateSystem): Promise<Buffer> {
    const bounds = tileBounds(z, x, y);
    const { xmin, ymax, size } = bounds;
    const buffer = size / 8;
    const points = this.places(datum)
      .filter((p) => z >= PLACE_MIN_ZOOM[p.level] && p.mx >= xmin - buffer && p.mx <= xmin + size + buffer && p.my >= ymax - size - buffer && p.my <= ymax + buffer)
      .map((p) => ({ mx: p.mx, my: p.my, name: p.name, level: p.level }));
    return encodePointLayer('places', bounds, points);
  }
}
