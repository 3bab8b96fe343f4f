import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import gcoord from 'gcoord';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../common/errors';
import type { LngLat } from '../common/geo';
import { Region, RegionLevel } from './region.entity';

const LEVEL_BY_RANK: Record<string, RegionLevel> = {
  '0': RegionLevel.COUNTRY,
  '1': RegionLevel.PROVINCE,
  '2': RegionLevel.CITY,
  '3': RegionLevel.COUNTY,
};

/** Throws BadInputError on `field` unless `code` is a six-digit code present in the region table. */
export async function assertRegionExists(em: EntityManager, code: string, field: string): Promise<void> {
  if (!/^[0-9]{6}$/.test(code)) throw new BadInputError(field, 'must be a six-digit GB/T 2260 code, e.g. 410102', 'REGION_CODE_FORMAT', { max: 6 });
  const found = await em.execute<{ n: number }[]>('select 1 as n from region where code = ?', [code]);
  if (found.length === 0) throw new BadInputError(field, `no administrative division has code ${code}`, 'UNKNOWN_REGION', { code });
}

/** How a station's region code was found, for the import report and provenance. */
export interface RegionMatch {
  code: string | null;
  /** `district-name`, `boundary` or `nearest-centre`. */
  method: 'district-name' | 'boundary' | 'nearest-centre' | null;
  /** The county whose boundary contains the point, where boundaries are known; used to flag suspect locations. */
  boundaryCode: string | null;
  boundaryName: string | null;
}

/**
 * Finds the county-level region of a WGS-84 point. A stated district name (looked up inside `cityCode`) wins,
 * since the bundled source geocodes addresses and sometimes misses; otherwise the county whose boundary covers
 * the point; otherwise the nearest county centre within 30 km.
 */
export async function findRegion(
  em: EntityManager,
  point: LngLat,
  district?: { name: string; cityCode: string } | null,
): Promise<RegionMatch> {
  const [inside] = await em.execute<{ code: string; name: string }[]>(
    `select code, name from region where level = 'COUNTY' and boundary is not null
       and ST_Covers(boundary, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) limit 1`,
    [point.lng, point.lat],
  );
  const boundary = { boundaryCode: inside?.code ?? null, boundaryName: inside?.name ?? null };
  if (district?.name) {
    const [byName] = await em.execute<{ code: string }[]>(
      `select code from region where level = 'COUNTY' and name = ? and code like ? limit 1`,
      [district.name, `${district.cityCode.slice(0, 4)}%`],
    );
    if (byName) return { code: byName.code, method: 'district-name', ...boundary };
  }
  if (inside) return { code: inside.code, method: 'boundary', ...boundary };
  const [nearest] = await em.execute<{ code: string }[]>(
    `select code from region where level = 'COUNTY' and centre is not null
       and ST_DWithin(centre, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, 30000)
     order by centre <-> ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography limit 1`,
    [point.lng, point.lat, point.lng, point.lat],
  );
  return { code: nearest?.code ?? null, method: nearest ? 'nearest-centre' : null, ...boundary };
}

/**
 * Loads the GB/T 2260 division table (country, provinces, cities, counties) from the cn-adcode CSV and the
 * county boundaries in `fencesDir`, converting GCJ-02 to WGS-84. Idempotent: existing codes are updated.
 * Returns the number of regions and boundaries written.
 */
export async function importRegions(em: EntityManager, csvPath: string, fencesDir?: string): Promise<{ regions: number; boundaries: number }> {
  const rows = parse(fs.readFileSync(csvPath), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const values: unknown[][] = [];
  for (const r of rows) {
    const level = LEVEL_BY_RANK[r.rank];
    if (!level || !/^[0-9]{6}$/.test(r.adcode)) continue;
    if (r.virtual === 't' && level === RegionLevel.COUNTY) continue; // "市辖区" placeholders carry no territory
    const parent = r.parent && r.parent !== r.code ? r.parent.slice(0, 6) : null;
    let lng: number | null = null;
    let lat: number | null = null;
    if (r.longitude && r.latitude) {
      [lng, lat] = gcoord.transform([Number(r.longitude), Number(r.latitude)], gcoord.GCJ02, gcoord.WGS84) as [number, number];
    }
    values.push([r.adcode, r.name, level, parent, lng, lat]);
  }
  await em.transactional(async (tx) => {
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500);
      await tx.execute(
        `insert into region (code, name, level, parent_code, centre)
         select v.code, v.name, v.level, v.parent_code,
                case when v.lng is null then null else ST_SetSRID(ST_MakePoint(v.lng, v.lat), 4326)::geography end
         from jsonb_to_recordset(?::jsonb) as v(code text, name text, level text, parent_code text, lng float8, lat float8)
         on conflict (code) do update set name = excluded.name, level = excluded.level,
           parent_code = excluded.parent_code, centre = excluded.centre`,
        [JSON.stringify(chunk.map(([code, name, level, parent_code, lng, lat]) => ({ code, name, level, parent_code, lng, lat })))],
      );
    }
  });
  let boundaries = 0;
  if (fencesDir && fs.existsSync(fencesDir)) {
    for (const file of fs.readdirSync(fencesDir).filter((f) => /^[0-9]{6}\.json$/.test(f))) {
      const geometry = gcoord.transform(JSON.parse(fs.readFileSync(path.join(fencesDir, file), 'utf8')), gcoord.GCJ02, gcoord.WGS84);
      const res = await em.execute(
        `update region set boundary = ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)), 3))::geography where code = ?`,
        [JSON.stringify(geometry), file.slice(0, 6)],
        'run',
      );
      boundaries += (res as { affectedRows?: number }).affectedRows ?? 0;
    }
  }
  return { regions: values.length, boundaries };
}

export type { Region };
