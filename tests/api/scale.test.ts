import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { startTestServer, type TestServer } from '../helpers/server';
import { SEEDS } from '../helpers/db';
import { haversine } from '../helpers/reference-geo';
import { bulkUpsertStations } from '../../api/src/importer/bulk';
import { readTowns, synthesizeStations } from '../../api/src/importer/synthetic';

/** Vector tiles, the route query and the fixed statement count of lists (issue "National scale"). */
let s: TestServer;

function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

async function getTile(z: number, x: number, y: number, query = '', headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}/tiles/stations/${z}/${x}/${y}.pbf${query}`, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body, tile: res.status === 200 ? new VectorTile(new PbfReader(body)) : null };
}

function features(tile: VectorTile | null, layer: string): Record<string, any>[] {
  const l = tile?.layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => l.feature(i).properties);
}

beforeAll(async () => {
  s = await startTestServer({ seed: true });
  // 20,000 synthetic stations across China next to the real Zhengzhou ones.
  const towns = readTowns(path.join(SEEDS, 'cn-adcode/towns_gcj02.csv'));
  const r = await bulkUpsertStations(s.app.orm.em.fork() as never, synthesizeStations(towns, 20_000, 21), { sourceName: 'scale-test' });
  expect(r.rejected).toEqual([]);
}, 180_000);
afterAll(async () => s?.stop());

describe('vector tiles', () => {
  it('at z5 over central China: counts per county that add up to the database\'s own count', async () => {
    const [x, y] = tileOf(113.6, 34.7, 5);
    const { res, tile } = await getTile(5, x, y);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/vnd.mapbox-vector-tile/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const regions = features(tile, 'regions');
    expect(regions.length).toBeGreaterThan(50);
    const zz = regions.filter((f) => String(f.code).startsWith('4101'));
    const [{ n }] = await s.app.orm.em.fork().execute(`select count(*)::int as n from station where region_code like '4101%' and status = 'ACTIVE'`);
    expect(zz.reduce((a, f) => a + Number(f.count), 0)).toBe(n);
  });

  it('at z12 in Zhengzhou: every active station in the tile, with public fields only', async () => {
    const [x, y] = tileOf(113.65, 34.76, 12);
    const { tile } = await getTile(12, x, y);
    const stations = features(tile, 'stations');
    const [{ n }] = await s.app.orm.em.fork().execute(
      `select count(*)::int as n from station s, (select ST_TileEnvelope(12, ?, ?) as env) b
        where ST_Transform(s.location::geometry, 3857) && ST_Expand(b.env, (ST_XMax(b.env) - ST_XMin(b.env)) / 64) and s.status = 'ACTIVE'`,
      [x, y],
    );
    expect(stations.length).toBe(n);
    expect(n).toBeGreaterThan(0);
    for (const f of stations) {
      expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['id', 'name', 'kind']));
      expect(Object.keys(f)).not.toContain('provenance');
      expect(Object.keys(f)).not.toContain('sourceKey');
    }
  });

  it('clusters at z9 with counts that add up, and honours the list filters', async () => {
    const [x, y] = tileOf(113.65, 34.76, 9);
    const all = features((await getTile(9, x, y)).tile, 'stations');
    expect(all.some((f) => f.count > 1)).toBe(true);
    const [{ n }] = await s.app.orm.em.fork().execute(
      `select count(*)::int as n from station s, (select ST_TileEnvelope(9, ?, ?) as env) b
        where ST_Transform(s.location::geometry, 3857) && ST_Expand(b.env, (ST_XMax(b.env) - ST_XMin(b.env)) / 64) and s.status = 'ACTIVE'`,
      [x, y],
    );
    expect(all.reduce((a, f) => a + Number(f.count), 0)).toBe(n);
    const [zx, zy] = tileOf(113.65, 34.76, 13);
    const toilets = features((await getTile(13, zx, zy, '?amenities=TOILET,DRINKING_WATER&kinds=LOVE_STATION')).tile, 'stations');
    for (const f of toilets) {
      expect(String(f.amenities).split(',')).toEqual(expect.arrayContaining(['TOILET', 'DRINKING_WATER']));
      expect(f.kind).toBe('LOVE_STATION');
    }
  });

  it('answers 304 to a matching ETag and 400 naming a bad parameter', async () => {
    const first = await getTile(6, 52, 25);
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await getTile(6, 52, 25, '', { 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    const other = await getTile(6, 52, 25, '?kinds=DRIVERS_HOME');
    expect(other.res.headers.get('etag')).not.toBe(etag);
    for (const [path, field] of [['6/64/1.pbf', 'x'], ['23/0/0.pbf', 'z'], ['6/1/1.pbf?amenities=HOT_TUB', 'amenities'], ['6/1/1.pbf?region=41x', 'region']] as const) {
      const res = await fetch(`${s.url}/tiles/stations/${path}`);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as any).error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('tile data version', () => {
  /** The tiles' data version as a new reader sees it now (a fresh StationTiles: no 5 s memory). */
  async function dataVersion(): Promise<string> {
    const { StationTiles } = await import('../../api/src/tiles/tiles');
    return new StationTiles(s.app.orm.em as never).dataVersion();
  }

  it('changes the data version behind ETags and county counts with every change to stations, not with other tables, and keeps its log small', async () => {
    const em = s.app.orm.em.fork();
    const [a, b] = await em.execute<{ id: string }[]>(`select id from station where source_key like 'synthetic:%' order by source_key limit 2`);
    const v0 = await dataVersion();
    await em.execute(`update station set name = name where id = ?`, [a.id]);
    const v1 = await dataVersion();
    expect(v1).not.toBe(v0);
    await em.execute(`update organization set name = name`);
    expect(await dataVersion()).toBe(v1);
    await em.execute(`delete from station where id = ?`, [b.id]);
    const v2 = await dataVersion();
    expect(v2).not.toBe(v1);
    // 1300 changing statements: the trigger prunes old rows every 256th, keeping ~1024 to ~1280.
    await em.execute(`do $$ begin for i in 1..1300 loop update station set name = name where id = '${a.id}'; end loop; end $$`);
    const [log] = await em.execute<{ n: number; span: number }[]>(`select count(*)::int as n, (max(id) - min(id))::int as span from station_change`);
    expect(log.n).toBeGreaterThan(1000);
    expect(log.n).toBeLessThanOrEqual(1281);
    expect(log.span).toBeLessThan(1281);
    expect(await dataVersion()).not.toBe(v2);
  });

  // Two transactions at once: needs a server that takes parallel connections (the embedded PGlite takes one).
  it.runIf(Boolean(inject('testDb')))('counts a change when it commits, even after a later change committed first', async () => {
    const url = s.app.orm.config.get('clientUrl') as string;
    const [early, late] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([early.connect(), late.connect()]);
    try {
      const { rows } = await early.query(`select id from station where source_key like 'synthetic:%' order by source_key offset 5 limit 2`);
      await early.query('begin');
      // Each stamps updated_at with its own transaction's start, as a long import does: the later change's stamp
      // is the newest when the earlier one commits.
      await early.query(`update station set status = 'TEMPORARILY_CLOSED', updated_at = now() where id = $1`, [rows[0].id]);
      await late.query(`update station set updated_at = now() where id = $1`, [rows[1].id]);
      const before = await dataVersion();
      await early.query('commit');
      expect(await dataVersion()).not.toBe(before);
    } finally {
      await Promise.all([early.end(), late.end()]);
    }
  });
});

describe('tiles without ST_AsMVT', () => {
  it('encodes the same features in JS (vt-pbf) as PostGIS does, for PostGIS builds without protobuf such as PGlite', async () => {
    const { StationTiles } = await import('../../api/src/tiles/tiles');
    const sql = new StationTiles(s.app.orm.em as never);
    const js = new StationTiles(s.app.orm.em as never);
    (js as any).mvtInDatabase = false;
    const filter = { statuses: ['ACTIVE'] } as never;
    const decode = (buf: Buffer, layer: string) => {
      const l = buf.length ? new VectorTile(new PbfReader(buf)).layers[layer] : undefined;
      if (!l) return [];
      return Array.from({ length: l.length }, (_, i) => {
        const f = l.feature(i);
        const p = f.loadGeometry()[0][0];
        return { ...f.properties, x: p.x, y: p.y };
      }).sort((a: any, b: any) => String(a.id ?? a.code).localeCompare(String(b.id ?? b.code)) || a.x - b.x || a.y - b.y);
    };
    const version = await sql.dataVersion();
    for (const [z, lng, lat, layer] of [[5, 113.6, 34.7, 'regions'], [9, 113.65, 34.76, 'stations'], [12, 113.65, 34.76, 'stations']] as const) {
      const [x, y] = tileOf(lng, lat, z);
      const a = decode(await sql.tile(z, x, y, filter, `k${z}`, version), layer);
      const b = decode(await js.tile(z, x, y, filter, `k${z}`, version), layer);
      expect(a.length, `z${z}`).toBeGreaterThan(0);
      expect(b.map((f: any) => ({ ...f, x: 0, y: 0 }))).toEqual(a.map((f: any) => ({ ...f, x: 0, y: 0 })));
      b.forEach((f: any, i: number) => {
        expect(Math.abs(f.x - a[i].x), `z${z} x`).toBeLessThanOrEqual(1);
        expect(Math.abs(f.y - a[i].y), `z${z} y`).toBeLessThanOrEqual(1);
      });
    }
  });
});

describe('stations along a route', () => {
  it('finds stations within the buffer of a route, ordered along it, with spheroid offsets', async () => {
    // Across Zhengzhou from west to east.
    const route = [{ lng: 113.55, lat: 34.75 }, { lng: 113.65, lat: 34.76 }, { lng: 113.75, lat: 34.77 }];
    const r = await s.graphql(`query($r: [LngLatInput!]!) { stationsAlongRoute(route: $r, bufferMeters: 1500, first: 100) { alongRouteMeters distanceFromRouteMeters node { location { lng lat } } } }`, { r: route });
    const hits = r.data.stationsAlongRoute;
    expect(hits.length).toBeGreaterThan(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i].alongRouteMeters).toBeGreaterThanOrEqual(hits[i - 1].alongRouteMeters);
    const length = haversine(113.55, 34.75, 113.65, 34.76) + haversine(113.65, 34.76, 113.75, 34.77);
    for (const h of hits) {
      expect(h.distanceFromRouteMeters).toBeLessThanOrEqual(1500);
      expect(h.alongRouteMeters).toBeLessThanOrEqual(length * 1.01);
      // Westward stations come first: along-route position grows with longitude on this west–east route.
    }
    const lngs = hits.map((h: any) => h.node.location.lng);
    expect(lngs[0]).toBeLessThan(lngs.at(-1));
  });

  it('refuses a one-point route, a bad point and a buffer over 5 km, naming the field', async () => {
    const Q = `query($r: [LngLatInput!]!, $b: Int!) { stationsAlongRoute(route: $r, bufferMeters: $b) { alongRouteMeters } }`;
    expect((await s.graphql(Q, { r: [{ lng: 113, lat: 34 }], b: 100 })).errors[0].extensions.field).toBe('route');
    expect((await s.graphql(Q, { r: [{ lng: 113, lat: 34 }, { lng: 113, lat: 95 }], b: 100 })).errors[0].extensions.field).toBe('route[1].lat');
    expect((await s.graphql(Q, { r: [{ lng: 113, lat: 34 }, { lng: 113.1, lat: 34 }], b: 5001 })).errors[0].extensions.field).toBe('bufferMeters');
  });
});

describe('no N+1', () => {
  it('a list of 100 stations with organizations, parents and regions costs as many statements as a list of 10', async () => {
    const knex = (s.app.orm.em.getConnection() as any).getKnex();
    let count = 0;
    const onQuery = () => count++;
    knex.on('query', onQuery);
    const run = async (limit: number) => {
      count = 0;
      const r = await s.graphql(`query($l: Int!) { stations(limit: $l, filter: {regionCodePrefix: "4101"}) { nodes { id operatorOrganization { name parent { name } } hostOrganization { name } region { name } } } }`, { l: limit });
      expect(r.errors).toBeUndefined();
      expect(r.data.stations.nodes.length).toBe(limit);
      return count;
    };
    try {
      const ten = await run(10);
      const hundred = await run(100);
      expect(hundred).toBe(ten);
      expect(hundred).toBeLessThanOrEqual(10);
    } finally {
      knex.removeListener('query', onQuery);
    }
  });
});

describe('query plans', () => {
  it('nearbyStations with kinds and amenities filters keeps to the location GiST index', async () => {
    const { nearbyFirstPageSql } = await import('../../api/src/stations/nearby');
    const sql = nearbyFirstPageSql({ near: { lng: 113.65, lat: 34.76 }, radiusMeters: 5000, kinds: ['LOVE_STATION' as never], amenities: ['DRINKING_WATER' as never, 'PHONE_CHARGING' as never], first: 20 });
    const em = s.app.orm.em.fork();
    await em.execute('analyze station');
    const plan = (await em.execute(`explain ${sql.text}`, sql.params)).map((r: any) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/station_location_gist/);
    expect(plan).not.toMatch(/Seq Scan on station/);
    expect(plan).not.toMatch(/station_amenities/);
  });

  it('the stations needing review, in list order (the station list filter and the dashboard sample), read the partial index', async () => {
    const { stationFilterSql } = await import('../../api/src/stations/station.service');
    const where = stationFilterSql({ needsReview: true });
    const em = s.app.orm.em.fork();
    await em.execute('analyze station');
    const plan = (await em.execute(`explain select s.id from station s where ${where.text} order by s.name, s.id limit 5`, where.params)).map((r: any) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/station_needs_review_idx/);
    expect(plan).not.toMatch(/Seq Scan on station/);
  });
});
