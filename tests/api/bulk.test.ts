import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestOrm, SEEDS } from '../helpers/db';
import { haversine, wgsToGcj } from '../helpers/reference-geo';
import { bulkUpsertStations, type BulkStation } from '../../api/src/importer/bulk';
import { readTowns, synthesizeStations } from '../../api/src/importer/synthetic';

/** The synthetic national data set and the bulk load path (issue "National scale"). */
let db: Awaited<ReturnType<typeof openTestOrm>>;
const towns = readTowns(path.join(SEEDS, 'cn-adcode/towns_gcj02.csv'));

beforeAll(async () => {
  db = await openTestOrm();
}, 120_000);
afterAll(async () => db?.close());

describe('synthetic stations', () => {
  it('are deterministic for a seed and differ between seeds', () => {
    const a = synthesizeStations(towns, 500, 7);
    expect(synthesizeStations(towns, 500, 7)).toEqual(a);
    expect(synthesizeStations(towns, 500, 8)).not.toEqual(a);
  });

  it('sit within ~2.5 km of a real town centre, converted from GCJ-02 (checked by an independent transform)', () => {
    const byCounty = new Map<string, typeof towns>();
    for (const t of towns) byCounty.set(t.adcode, [...(byCounty.get(t.adcode) ?? []), t]);
    for (const s of synthesizeStations(towns, 300, 3)) {
      const [gLng, gLat] = wgsToGcj(s.lng, s.lat);
      const nearest = Math.min(...byCounty.get(s.regionCode)!.map((t) => haversine(t.lng, t.lat, gLng, gLat)));
      expect(nearest).toBeLessThan(2500);
    }
  });

  it('have realistic shares: most with water, about 6 % open 24 h, 80 % love stations', () => {
    const rows = synthesizeStations(towns, 20_000, 1);
    const share = (f: (s: BulkStation) => boolean) => rows.filter(f).length / rows.length;
    expect(share((s) => s.amenities.includes('DRINKING_WATER' as never))).toBeGreaterThan(0.9);
    expect(share((s) => s.openingHours === '24/7')).toBeGreaterThan(0.05);
    expect(share((s) => s.openingHours === '24/7')).toBeLessThan(0.08);
    expect(share((s) => s.kind === 'LOVE_STATION')).toBeGreaterThan(0.75);
  });
});

describe('bulk load', () => {
  it('loads, reloads without writing, and reports what changed', async () => {
    const rows = synthesizeStations(towns, 3000, 11);
    const first = await bulkUpsertStations(db.em(), rows, { sourceName: 'test', batchSize: 1000 });
    expect(first).toMatchObject({ read: 3000, created: 3000, updated: 0, unchanged: 0, rejected: [] });
    const again = await bulkUpsertStations(db.em(), rows, { sourceName: 'test', batchSize: 1000 });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3000 });
    const changed = rows.map((r, i) => (i < 10 ? { ...r, name: `${r.name}（改）` } : r));
    expect(await bulkUpsertStations(db.em(), changed, { sourceName: 'test' })).toMatchObject({ created: 0, updated: 10, unchanged: 2990 });
    const [{ n, v }] = await db.em().execute(`select count(*)::int as n, max(version)::int as v from station where source_key like 'synthetic:11:%'`);
    expect([n, v]).toEqual([3000, 2]);
    const [row] = await db.em().execute(`select ST_X(location::geometry) as lng, ST_Y(location::geometry) as lat, region_code from station where source_key = ?`, [rows[5].sourceKey]);
    expect([Number(row.lng), Number(row.lat), row.region_code]).toEqual([rows[5].lng, rows[5].lat, rows[5].regionCode]);
    const [audit] = await db.em().execute(`select count(*)::int as n from audit_event where entity_type = 'StationImport'`);
    expect(audit.n).toBe(3);
  });

  it('rejects bad rows with the same rules as the single-row path and loads the rest', async () => {
    const good = synthesizeStations(towns, 5, 12);
    const bad: BulkStation[] = [
      { ...good[0], sourceKey: 'bad:1', lng: 200 },
      { ...good[0], sourceKey: 'bad:2', lng: 39.47, lat: 75.99 },
      { ...good[0], sourceKey: 'bad:3', amenities: ['HOT_TUB' as never] },
      { ...good[0], sourceKey: 'bad:4', openingHours: 'Mo-Fr 9am to 5pm' },
      { ...good[0], sourceKey: 'bad:5', regionCode: '999999' },
      { ...good[0], sourceKey: 'bad:6', name: '   ' },
      { ...good[0], sourceKey: 'bad:7', kind: 'SPACESHIP' as never },
    ];
    const r = await bulkUpsertStations(db.em(), [...good, ...bad], { sourceName: 'test-bad' });
    expect(r.created).toBe(5);
    expect(r.rejected.map((x) => [x.sourceKey, x.reason.split(':')[0]])).toEqual([
      ['bad:1', 'location.lng'],
      ['bad:2', 'location'],
      ['bad:3', 'amenities'],
      ['bad:4', 'openingHours'],
      ['bad:5', 'regionCode'],
      ['bad:6', 'name'],
      ['bad:7', 'kind'],
    ]);
    const [{ n }] = await db.em().execute(`select count(*)::int as n from station where source_key like 'bad:%'`);
    expect(n).toBe(0);
  });
});
