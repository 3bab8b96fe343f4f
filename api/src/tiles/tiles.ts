import { createHash } from 'node:crypto';
import type express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, transientDatabaseError, transientReason } from '../common/errors';
import type { RateLimits } from '../common/rate-limit';
import { RateLimitedError } from '../common/rate-limit';
import type { Config } from '../config';
import type { Logger } from '../common/log';
import { pgArray } from '../common/pagination';
import { Amenity, StationKind, StationStatus } from '../stations/station.enums';
import { stationFilterSql } from '../stations/station.service';
import type { StationFilter } from '../stations/station.inputs';
import { convertPoint, CoordinateSystem, fromMercator, toMercator } from '../common/geo';
import { PlaceLabels } from './places';
import { encodePointLayer, tileBounds } from './point-tile';

/** Below this zoom a tile shows counts per county (layer `regions`); from it, stations (layer `stations`). */
export const REGION_ZOOM_MAX = 7;
/** From REGION_ZOOM_MAX + 1 up to this zoom, stations are clustered on a 64 × 64 grid per tile (features with `count`). */
export const CLUSTER_ZOOM_MAX = 10;

function list<T extends string>(raw: unknown, allowed: Record<string, T>, param: string): T[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new BadInputError(param, 'give it once, as a comma-separated list', 'PARAMETER_REPEATED');
  const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
  const known = new Set<string>(Object.values(allowed));
  const bad = values.find((v) => !known.has(v));
  if (bad) throw new BadInputError(param, `unknown value ${bad}`, 'UNKNOWN_VALUE', { value: bad });
  return values as T[];
}

/**
 * Tiles are public, and PLANNED stations (awaiting acceptance) are in no public answer: PLANNED is dropped from
 * `statuses` (so the admin's "every status" still works), and asking for PLANNED alone is a 400 naming `statuses`.
 */
function publicStatuses(asked: StationStatus[] | undefined): StationStatus[] {
  if (!asked) return [StationStatus.ACTIVE];
  const kept = asked.filter((st) => st !== StationStatus.PLANNED);
  if (!kept.length) throw new BadInputError('statuses', 'PLANNED stations are not public: they appear in no tile', 'PLANNED_NOT_PUBLIC');
  return kept;
}

/**
 * The list filters as query parameters: `kinds`, `statuses` (default ACTIVE; never PLANNED), `amenities` (all of them), `region`
 * (a GB/T 2260 prefix). Same meaning and SQL as the `stations` list filter. BAD_USER_INPUT names the parameter.
 */
export function tileFilter(query: Record<string, unknown>): StationFilter {
  const filter: StationFilter = {
    kinds: list(query.kinds, StationKind, 'kinds'),
    statuses: publicStatuses(list(query.statuses, StationStatus, 'statuses')),
    amenities: list(query.amenities, Amenity, 'amenities'),
  } as StationFilter;
  if (query.region !== undefined && query.region !== '') {
    if (typeof query.region !== 'string' || !/^[0-9]{1,6}$/.test(query.region)) throw new BadInputError('region', 'must be 1 to 6 digits', 'REGION_CODE_PREFIX_FORMAT', { max: 6 });
    filter.regionCodePrefix = query.region;
  }
  return filter;
}

/**
 * The `crs` query parameter: the datum the tile's points are drawn in, WGS84 (default) or GCJ02 / BD09 for a
 * basemap drawn in it (AMap, Tencent / Baidu; MAP_STYLE_DATUM). BAD_USER_INPUT on `crs` for anything else.
 */
export function tileDatum(raw: unknown): CoordinateSystem {
  if (raw === undefined || raw === '') return CoordinateSystem.WGS84;
  const allowed: string[] = Object.values(CoordinateSystem);
  // Own values only: `in` would also accept the object's inherited keys (`toString`, `constructor`).
  if (typeof raw !== 'string' || !allowed.includes(raw)) throw new BadInputError('crs', `must be one of ${allowed.join(', ')}`, 'ONE_OF', { value: String(raw), allowed });
  return raw as CoordinateSystem;
}

/**
 * Web Mercator metres by which a GCJ-02 or BD-09 position can lie from its WGS-84 one inside China: the offsets are
 * at most about 1.5 km on the ground (GCJ-02 ≤ ~0.7 km, BD-09 adds ~0.7 km), times Mercator's 1/cos φ (≤ 1.75 at
 * 55° N), rounded up. A tile in such a datum selects the stations of its envelope grown by this much, then keeps those
 * whose converted position falls in it.
 */
const DATUM_MARGIN_M = 4000;

/** A tile address, checked: z 0–22, x and y within 0..2^z − 1. */
export function tileAddress(z: string, x: string, y: string): { z: number; x: number; y: number } {
  const [zi, xi, yi] = [z, x, y].map(Number);
  if (!Number.isInteger(zi) || zi < 0 || zi > 22) throw new BadInputError('z', 'must be an integer from 0 to 22', 'INTEGER_RANGE', { min: 0, max: 22 });
  const n = 2 ** zi;
  if (!Number.isInteger(xi) || xi < 0 || xi >= n) throw new BadInputError('x', `must be an integer from 0 to ${n - 1}`, 'INTEGER_RANGE', { min: 0, max: n - 1 });
  if (!Number.isInteger(yi) || yi < 0 || yi >= n) throw new BadInputError('y', `must be an integer from 0 to ${n - 1}`, 'INTEGER_RANGE', { min: 0, max: n - 1 });
  return { z: zi, x: xi, y: yi };
}

/**
 * The stations' data version now: `count:minId:maxId` of the visible `station_change` rows, which the statement-level
 * trigger `station_changed` adds for every committed statement that inserts, updates, deletes or truncates stations
 * (migration Migration20261121400000_station_changes; at most ~1,300 rows, 0.1–0.5 ms). Read it before the data
 * cached under it, so a cached value is never older than its version. Tile ETags and county counts, and the
 * dashboard's station counts, are cached under it.
 */
export async function readStationDataVersion(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ v: string }[]>(`select concat(count(*), ':', min(id), ':', max(id)) as v from station_change`);
  return row.v;
}

/**
 * Station vector tiles straight from PostGIS (ST_AsMVT, ST_AsMVTGeom, ST_TileEnvelope), with only public fields
 * (id, name, kind, status, amenities, openingHours; never provenance). Zoom 0–7: layer `regions`, one point per
 * county at its centre with `count` of matching stations (the whole-country counts are computed once per filter
 * and data version, then every low-zoom tile reads them). Zoom 8–10: layer `stations` clustered on a 64 × 64
 * grid per tile (`count`; single stations keep id, name, kind, status, amenities). Zoom 11+: every station, at most 20,000 per tile.
 */
export class StationTiles {
  private version: { value: string; at: number } | null = null;
  private readonly regionCounts = new Map<string, { version: string; codes: string; counts: string }>();

  constructor(private readonly em: EntityManager) {}

  /**
   * Changes whenever a committed statement has added, changed or removed stations (checked at most every 5 s):
   * the count and id range of the visible `station_change` rows, which the trigger `station_changed` writes
   * (migration Migration20261121400000_station_changes). A small table, so no scan of the stations; the caller
   * reads it before the data it caches under it, so a cached value is never older than its version.
   */
  async dataVersion(): Promise<string> {
    if (this.version && Date.now() - this.version.at < 5000) return this.version.value;
    const value = await readStationDataVersion(this.em.fork());
    this.version = { value, at: Date.now() };
    return value;
  }

  private async countsByRegion(filter: StationFilter, key: string, version: string): Promise<{ codes: string; counts: string }> {
    const cached = this.regionCounts.get(key);
    if (cached && cached.version === version) return cached;
    const where = stationFilterSql(filter);
    const rows = await this.em.fork().execute<{ code: string; n: number }[]>(
      `select s.region_code as code, count(*)::int as n from station s where ${where.text} and s.region_code is not null group by s.region_code`,
      where.params,
    );
    const value = { version, codes: pgArray(rows.map((r) => r.code)), counts: pgArray(rows.map((r) => r.n)) };
    if (this.regionCounts.size > 200) this.regionCounts.clear();
    this.regionCounts.set(key, value);
    return value;
  }

  /** false once the database said its PostGIS lacks protobuf-c (the embedded PGlite build): tiles are then encoded in JS. */
  private mvtInDatabase = true;

  /** The tile as Mapbox Vector Tile bytes (empty for an empty tile). */
  async tile(z: number, x: number, y: number, filter: StationFilter, key: string, version: string, datum = CoordinateSystem.WGS84): Promise<Buffer> {
    // In another datum the points move after selection, which the JS encoder does (ST_AsMVT would clip them first).
    if (datum !== CoordinateSystem.WGS84) return this.tileInJs(z, x, y, filter, key, version, datum);
    if (this.mvtInDatabase) {
      try {
        return await this.tileInDatabase(z, x, y, filter, key, version);
      } catch (e) {
        if (!/protobuf/i.test(String((e as Error).message))) throw e;
        this.mvtInDatabase = false;
      }
    }
    return this.tileInJs(z, x, y, filter, key, version);
  }

  /**
   * The same tile, with the points selected in SQL and the protobuf written by @maplibre/vt-pbf: for PostGIS builds
   * without protobuf-c (ST_AsMVT unavailable), such as the embedded PGlite + PostGIS. Same layers and properties.
   * With `datum` GCJ02 or BD09 every point is drawn at its position in that datum (gcoord, as `location(crs:)`).
   */
  private async tileInJs(z: number, x: number, y: number, filter: StationFilter, key: string, version: string, datum = CoordinateSystem.WGS84): Promise<Buffer> {
    const em = this.em.fork();
    const bounds = tileBounds(z, x, y);
    const { xmin, ymax, size } = bounds;
    const buffer = size / 64;
    const shifted = datum !== CoordinateSystem.WGS84;
    const margin = shifted ? DATUM_MARGIN_M : 0;
    const env = [xmin - buffer - margin, ymax - size - buffer - margin, xmin + size + buffer + margin, ymax + buffer + margin];
    type Row = { mx: number; my: number } & Record<string, unknown>;
    let layer: string;
    let rows: Row[];
    if (z <= REGION_ZOOM_MAX) {
      const { codes, counts } = await this.countsByRegion(filter, key, version);
      layer = 'regions';
      rows = await em.execute<Row[]>(
        `with c as (select * from unnest(?::text[], ?::int[]) as u(code, n)), m as (select r.code, r.name, c.n as count, ST_Transform(r.centre::geometry, 3857) as g
            from region r join c on c.code = r.code where r.centre is not null)
         select ST_X(g) as mx, ST_Y(g) as my, code, name, count from m where g && ST_MakeEnvelope(?, ?, ?, ?, 3857)`,
        [codes, counts, xmin - margin, ymax - size - margin, xmin + size + margin, ymax + margin],
      );
    } else {
      const where = stationFilterSql(filter);
      layer = 'stations';
      const inTile = `ST_Transform(s.location::geometry, 3857) && ST_MakeEnvelope(?, ?, ?, ?, 3857) and ${where.text}`;
      rows =
        z <= CLUSTER_ZOOM_MAX
          ? await em.execute<Row[]>(
              `select ST_X(c) as mx, ST_Y(c) as my, n as count, case when n = 1 then id end as id, case when n = 1 then name end as name,
                      case when n = 1 then kind end as kind, case when n = 1 then status end as status, case when n = 1 then amenities end as amenities
                 from (select ST_SnapToGrid(ST_Transform(s.location::geometry, 3857), ?::float8) as c, count(*)::int as n, min(s.id::text) as id, min(s.name) as name,
                              min(s.kind) as kind, min(s.status) as status, min(array_to_string(s.amenities, ',')) as amenities
                         from station s where ${inTile} group by 1) g`,
              [size / 64, ...env, ...where.params],
            )
          : await em.execute<Row[]>(
              `select ST_X(ST_Transform(s.location::geometry, 3857)) as mx, ST_Y(ST_Transform(s.location::geometry, 3857)) as my, s.id::text as id, s.name,
                      s.kind, s.status, array_to_string(s.amenities, ',') as amenities, s.opening_hours as "openingHours", 1 as count
                 from station s where ${inTile} limit 20000`,
              [...env, ...where.params],
            );
    }
    if (shifted) {
      // Move each point to its position in `datum`, then keep those the tile (plus its buffer; none for counties) shows.
      const keep = layer === 'regions' ? 0 : buffer;
      rows = rows.flatMap((r) => {
        const p = convertPoint(fromMercator(Number(r.mx), Number(r.my)), CoordinateSystem.WGS84, datum);
        const [mx, my] = toMercator(p.lng, p.lat);
        const inside = mx >= xmin - keep && mx <= xmin + size + keep && my >= ymax - size - keep && my <= ymax + keep;
        return inside ? [{ ...r, mx, my }] : [];
      });
    }
    return encodePointLayer(layer, bounds, rows);
  }

  private async tileInDatabase(z: number, x: number, y: number, filter: StationFilter, key: string, version: string): Promise<Buffer> {
    const em = this.em.fork();
    if (z <= REGION_ZOOM_MAX) {
      const { codes, counts } = await this.countsByRegion(filter, key, version);
      const [row] = await em.execute<{ mvt: Buffer }[]>(
        `with b as (select ST_TileEnvelope(?, ?, ?) as env), c as (select * from unnest(?::text[], ?::int[]) as u(code, n))
         select ST_AsMVT(t, 'regions', 4096, 'geom') as mvt from (
           select ST_AsMVTGeom(ST_Transform(r.centre::geometry, 3857), b.env, 4096, 64, true) as geom, r.code, r.name, c.n as count
             from region r join c on c.code = r.code, b
            where r.centre is not null and ST_Transform(r.centre::geometry, 3857) && b.env) t`,
        [z, x, y, codes, counts],
      );
      return row.mvt ?? Buffer.alloc(0);
    }
    const where = stationFilterSql(filter);
    const base = `from station s, b where ST_Transform(s.location::geometry, 3857) && ST_Expand(b.env, (ST_XMax(b.env) - ST_XMin(b.env)) / 64) and ${where.text}`;
    if (z <= CLUSTER_ZOOM_MAX) {
      const [row] = await em.execute<{ mvt: Buffer }[]>(
        `with b as (select ST_TileEnvelope(?, ?, ?) as env, (ST_XMax(ST_TileEnvelope(?, ?, ?)) - ST_XMin(ST_TileEnvelope(?, ?, ?))) / 64 as cell),
         g as (select ST_SnapToGrid(ST_Transform(s.location::geometry, 3857), b.cell) as cell, count(*)::int as n,
                      min(s.id::text) as id, min(s.name) as name, min(s.kind) as kind, min(s.status) as status, min(array_to_string(s.amenities, ',')) as amenities
                 ${base} group by 1)
         select ST_AsMVT(t, 'stations', 4096, 'geom') as mvt from (
           select ST_AsMVTGeom(g.cell, b.env, 4096, 64, true) as geom, g.n as count,
                  case when g.n = 1 then g.id end as id, case when g.n = 1 then g.name end as name,
                  case when g.n = 1 then g.kind end as kind, case when g.n = 1 then g.status end as status, case when g.n = 1 then g.amenities end as amenities
             from g, b) t where geom is not null`,
        [z, x, y, z, x, y, z, x, y, ...where.params],
      );
      return row.mvt ?? Buffer.alloc(0);
    }
    const [row] = await em.execute<{ mvt: Buffer }[]>(
      `with b as (select ST_TileEnvelope(?, ?, ?) as env)
       select ST_AsMVT(t, 'stations', 4096, 'geom') as mvt from (
         select ST_AsMVTGeom(ST_Transform(s.location::geometry, 3857), b.env, 4096, 64, true) as geom, s.id::text as id, s.name,
                s.kind, s.status, array_to_string(s.amenities, ',') as amenities, s.opening_hours as "openingHours", 1 as count
         ${base} limit 20000) t where geom is not null`,
      [z, x, y, ...where.params],
    );
    return row.mvt ?? Buffer.alloc(0);
  }
}

/**
 * `GET /tiles/stations/{z}/{x}/{y}.pbf?kinds=&statuses=&amenities=&region=&crs=`: one tile (points in `crs`, default WGS84), with
 * `Cache-Control: public, max-age=60`, an ETag from the address, filter and data version (304 on a match), and
 * 1 point per tile charged to the caller's IP budget. Bad parameters: 400 `{error: {code: BAD_USER_INPUT, field}}`.
 * Also `GET /tiles/places/{z}/{x}/{y}.pbf?crs=`: the offline basemap's place names (see PlaceLabels), 1 point.
 */
export function mountStationTiles(app: express.Express, em: EntityManager, config: Config, deps: { limits: RateLimits; log: Logger }): StationTiles {
  const tiles = new StationTiles(em);
  app.get(/^\/tiles\/stations\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})\.pbf$/, async (req, res) => {
    try {
      const { z, x, y } = tileAddress(req.params[0], req.params[1], req.params[2]);
      const filter = tileFilter(req.query as Record<string, unknown>);
      const datum = tileDatum(req.query.crs);
      const ip = req.ip ?? 'unknown';
      const charge = await deps.limits.charge('anon', ip, config.RATE_LIMIT_ANONYMOUS_PER_MINUTE, 1);
      res.setHeader('x-ratelimit-limit', String(charge.limit));
      res.setHeader('x-ratelimit-remaining', String(charge.remaining));
      const key = JSON.stringify([filter.kinds, filter.statuses, filter.amenities, filter.regionCodePrefix]);
      const address = `${z}/${x}/${y}|${datum}`;
      const version = await tiles.dataVersion();
      const etag = `"${createHash('sha1').update(`${address}|${key}|${version}`).digest('base64url')}"`;
      res.setHeader('cache-control', 'public, max-age=60');
      res.setHeader('etag', etag);
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      const body = await tiles.tile(z, x, y, filter, key, version, datum);
      res.type('application/vnd.mapbox-vector-tile').send(body);
    } catch (e) {
      sendTileError(res, e, deps.log);
    }
  });
  const places = new PlaceLabels(config.SEEDS_DIR);
  app.get(/^\/tiles\/places\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})\.pbf$/, async (req, res) => {
    try {
      const { z, x, y } = tileAddress(req.params[0], req.params[1], req.params[2]);
      const datum = tileDatum(req.query.crs);
      const charge = await deps.limits.charge('anon', req.ip ?? 'unknown', config.RATE_LIMIT_ANONYMOUS_PER_MINUTE, 1);
      res.setHeader('x-ratelimit-limit', String(charge.limit));
      res.setHeader('x-ratelimit-remaining', String(charge.remaining));
      // The labels change only with the shipped seed files, that is with a new release.
      res.setHeader('cache-control', 'public, max-age=86400');
      res.type('application/vnd.mapbox-vector-tile').send(await places.tile(z, x, y, datum));
    } catch (e) {
      sendTileError(res, e, deps.log);
    }
  });
  return tiles;
}

/** A tile request's failure as JSON (`{ error: { code, message, reason, args, field } }`): 400 BAD_USER_INPUT naming the parameter, 429, 503 for an outage, else 500. */
function sendTileError(res: express.Response, e: unknown, log: Logger): void {
  if (e instanceof BadInputError) {
    res.status(400).json({ error: { code: 'BAD_USER_INPUT', field: e.field, message: e.message, reason: e.reason, args: e.args } });
  } else if (e instanceof RateLimitedError) {
    res.setHeader('retry-after', String(e.retryAfterSeconds));
    res.status(429).json({ error: { code: 'RATE_LIMITED', message: e.message, retryAfterSeconds: e.retryAfterSeconds, reason: e.reason, args: e.args } });
  } else if (transientDatabaseError(e)) {
    res.setHeader('retry-after', '5');
    res.status(503).json({ error: { code: 'SERVICE_UNAVAILABLE', message: transientDatabaseError(e), reason: transientReason(transientDatabaseError(e)!), args: {} } });
  } else {
    log.error({ err: e }, 'tile failed');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', reason: 'INTERNAL', args: {} } });
  }
}
