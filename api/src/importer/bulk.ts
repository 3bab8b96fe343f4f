import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-event.entity';
import { BadInputError, DomainError } from '../common/errors';
import { assertValidLngLat } from '../common/geo';
import { assertValidTimezone, parseOpeningHours } from '../common/opening-hours';
import { currentRequest } from '../common/request-context';
import { pgArray } from '../common/pagination';
import { Amenity, StationKind, StationStatus } from '../stations/station.enums';

/** One station for the bulk path: already in WGS-84, with a stable source key. */
export interface BulkStation {
  sourceKey: string;
  kind: StationKind;
  name: string;
  address?: string | null;
  lng: number;
  lat: number;
  amenities: Amenity[];
  openingHours?: string | null;
  timezone?: string | null;
  regionCode: string;
  status?: StationStatus;
  phone?: string | null;
  provenance: Record<string, unknown>;
}

export interface BulkReport {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { index: number; sourceKey: string; reason: string }[];
  seconds: number;
}

const KINDS = new Set<string>(Object.values(StationKind));
const AMENITIES = new Set<string>(Object.values(Amenity));
const STATUSES = new Set<string>(Object.values(StationStatus));

/**
 * The single-row rules (station.service applyStationInput) for one bulk row, without database round trips:
 * name 1–200 characters, a known kind and status, amenities from the vocabulary, finite coordinates inside
 * China's extent, strict OSM opening hours, an IANA zone. Region codes are checked against the region table in
 * SQL. Results of the costly checks are memoised by value (hours strings repeat a lot).
 */
function validator() {
  const hoursOk = new Map<string, string | null>();
  const zoneOk = new Map<string, string | null>();
  const check = <T>(cache: Map<T, string | null>, key: T, fn: () => void): string | null => {
    if (!cache.has(key)) {
      try {
        fn();
        cache.set(key, null);
      } catch (e) {
        cache.set(key, e instanceof DomainError ? e.message : String(e));
      }
    }
    return cache.get(key)!;
  };
  return (s: BulkStation): string | null => {
    if (!s.sourceKey || s.sourceKey.length > 200) return 'sourceKey: must be 1–200 characters';
    const name = s.name?.trim();
    if (!name || name.length > 200) return 'name: must be 1–200 characters';
    if (!KINDS.has(s.kind)) return `kind: unknown kind ${s.kind}`;
    if (s.status && !STATUSES.has(s.status)) return `status: unknown status ${s.status}`;
    const bad = s.amenities.find((a) => !AMENITIES.has(a));
    if (bad) return `amenities: unknown amenity ${bad}`;
    try {
      assertValidLngLat({ lng: s.lng, lat: s.lat }, 'location');
    } catch (e) {
      return (e as BadInputError).message;
    }
    if (s.lng < 73.4 || s.lng > 135.1 || s.lat < 3.8 || s.lat > 53.6) return 'location: outside China (lng 73.4–135.1, lat 3.8–53.6)';
    if (!/^[0-9]{6}$/.test(s.regionCode)) return 'regionCode: must be six digits';
    if (s.openingHours) {
      const err = check(hoursOk, s.openingHours, () => parseOpeningHours(s.openingHours!, 'openingHours'));
      if (err) return err;
    }
    if (s.timezone) {
      const err = check(zoneOk, s.timezone, () => assertValidTimezone(s.timezone!, 'timezone'));
      if (err) return err;
    }
    if (s.address && s.address.length > 500) return 'address: at most 500 characters';
    if (s.phone && s.phone.length > 50) return 'phone: at most 50 characters';
    return null;
  };
}


/**
 * Loads many stations fast and idempotently: each batch (default 5000 rows) is validated in memory like the
 * single-row path, then upserted by `source_key` in one statement from `unnest` arrays (rows whose values are
 * unchanged are left alone, so a second run writes nothing), with unknown region codes rejected by a join.
 * Each batch is its own transaction. One summary audit event records the import (per-row audit rows would
 * double its cost; the single-row importer and the API audit every row).
 */
export async function bulkUpsertStations(
  em: EntityManager,
  rows: BulkStation[],
  opts: { batchSize?: number; sourceName: string; onProgress?: (done: number, total: number) => void },
): Promise<BulkReport> {
  const started = Date.now();
  const validate = validator();
  const report: BulkReport = { read: rows.length, created: 0, updated: 0, unchanged: 0, rejected: [], seconds: 0 };
  const size = opts.batchSize ?? 5000;
  for (let from = 0; from < rows.length; from += size) {
    const batch: { i: number; s: BulkStation }[] = [];
    for (let i = from; i < Math.min(rows.length, from + size); i++) {
      const reason = validate(rows[i]);
      if (reason) report.rejected.push({ index: i, sourceKey: rows[i].sourceKey, reason });
      else batch.push({ i, s: rows[i] });
    }
    if (batch.length) {
      const cols = {
        id: pgArray(batch.map(() => crypto.randomUUID())),
        key: pgArray(batch.map((b) => b.s.sourceKey)),
        kind: pgArray(batch.map((b) => b.s.kind)),
        name: pgArray(batch.map((b) => b.s.name.trim())),
        address: pgArray(batch.map((b) => b.s.address?.trim() || null)),
        lng: pgArray(batch.map((b) => b.s.lng)),
        lat: pgArray(batch.map((b) => b.s.lat)),
        amenities: pgArray(batch.map((b) => Object.values(Amenity).filter((a) => b.s.amenities.includes(a)).join(','))),
        hours: pgArray(batch.map((b) => b.s.openingHours?.trim() || null)),
        tz: pgArray(batch.map((b) => b.s.timezone || 'Asia/Shanghai')),
        region: pgArray(batch.map((b) => b.s.regionCode)),
        status: pgArray(batch.map((b) => b.s.status ?? StationStatus.ACTIVE)),
        phone: pgArray(batch.map((b) => b.s.phone?.trim() || null)),
        prov: pgArray(batch.map((b) => JSON.stringify(b.s.provenance))),
      };
      const result = await em.transactional(async (tx) => {
        const t = tx as EntityManager;
        const unknown = await t.execute<{ region: string }[]>(
          `select distinct u.region from unnest(?::text[]) as u(region) left join region r on r.code = u.region where r.code is null`,
          [cols.region],
        );
        const badRegions = new Set(unknown.map((r) => r.region));
        const written = await t.execute<{ inserted: boolean }[]>(
          `insert into station (id, source_key, kind, name, address, location, amenities, opening_hours, timezone, region_code, status, phone, provenance, created_at, updated_at, version)
           select u.id, u.key, u.kind, u.name, u.address, ST_SetSRID(ST_MakePoint(u.lng, u.lat), 4326)::geography,
                  coalesce(string_to_array(nullif(u.amenities, ''), ','), '{}'), u.hours, u.tz, u.region, u.status, u.phone, u.prov::jsonb, now(), now(), 1
             from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                  as u(id, key, kind, name, address, lng, lat, amenities, hours, tz, region, status, phone, prov)
            where u.region <> all(?::text[])
           on conflict (source_key) do update set
                  kind = excluded.kind, name = excluded.name, address = excluded.address, location = excluded.location,
                  amenities = excluded.amenities, opening_hours = excluded.opening_hours, timezone = excluded.timezone,
                  region_code = excluded.region_code, status = excluded.status, phone = excluded.phone, provenance = excluded.provenance,
                  updated_at = now(), version = station.version + 1
            where (station.kind, station.name, station.address, station.location::text, station.amenities, station.opening_hours,
                   station.timezone, station.region_code, station.status, station.phone, station.provenance)
                  is distinct from
                  (excluded.kind, excluded.name, excluded.address, excluded.location::text, excluded.amenities, excluded.opening_hours,
                   excluded.timezone, excluded.region_code, excluded.status, excluded.phone, excluded.provenance)
           returning (xmax = 0) as inserted`,
          [cols.id, cols.key, cols.kind, cols.name, cols.address, cols.lng, cols.lat, cols.amenities, cols.hours, cols.tz, cols.region, cols.status, cols.phone, cols.prov, pgArray([...badRegions])],
        );
        return { written, badRegions };
      });
      for (const b of batch) if (result.badRegions.has(b.s.regionCode)) report.rejected.push({ index: b.i, sourceKey: b.s.sourceKey, reason: `regionCode: no division has code ${b.s.regionCode}` });
      const created = result.written.filter((r) => r.inserted).length;
      report.created += created;
      report.updated += result.written.length - created;
      report.unchanged += batch.length - result.written.length - batch.filter((b) => result.badRegions.has(b.s.regionCode)).length;
    }
    opts.onProgress?.(Math.min(rows.length, from + size), rows.length);
  }
  report.rejected.sort((a, b) => a.index - b.index);
  report.seconds = (Date.now() - started) / 1000;
  const req = currentRequest();
  await em.execute(
    `insert into audit_event (actor_kind, actor_id, actor_label, operation, action, entity_type, entity_id, changes, request_id, ip)
     values (?, ?, ?, 'bulkImport', ?, 'StationImport', ?, ?::jsonb, ?, ?)`,
    [
      req.actor.kind,
      req.actor.id,
      req.actor.label,
      report.created ? AuditAction.CREATE : AuditAction.UPDATE,
      opts.sourceName,
      JSON.stringify([{ field: 'counts', before: null, after: { read: report.read, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length } }]),
      req.requestId,
      req.ip,
    ],
  );
  return report;
}
