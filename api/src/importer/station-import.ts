import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, databaseInputError, DomainError, type Reason, type ReasonArgs } from '../common/errors';
import { CoordinateSystem, assertValidLngLat, convertPoint, type LngLat } from '../common/geo';
import { Organization, OrganizationKind } from '../organizations/organization.entity';
import { findRegion } from '../regions/region.service';
import { Provenance, Station } from '../stations/station.entity';
import { StationKind, StationStatus } from '../stations/station.enums';
import type { StationCreateInput } from '../stations/station.inputs';
import { applyStationInput } from '../stations/station.service';
import { mapAmenityWords } from './amenity-words';
import { convertChineseHours } from './hours-text';

export type ImportFormat = 'json' | 'csv' | 'geojson';

/**
 * What is known about a source beyond its rows (e.g. `seeds/zhengzhou-stations/provenance.json`, written from
 * the source's SOURCE.txt): which fields it verified, which it guessed, and records known to be wrong.
 */
export interface ProvenanceProfile {
  source: string;
  sourceKeyPrefix?: string;
  /** The city the rows are in, to resolve district names (e.g. `{ code: '410100', name: '郑州市' }`). */
  city?: { code: string; name: string };
  verifiedFields?: string[];
  inferredFields?: string[];
  notes?: string[];
  /** Per field, the names of records for which the source did verify that field. */
  fieldOverrides?: Record<string, { verified?: string[]; noteWhenInferred?: string }>;
  /** Record name → why it needs a check on site. */
  needsReview?: Record<string, string>;
  /** Union that district federations named in the rows belong to, e.g. 郑州市总工会. */
  operatorParent?: string;
}

export interface ImportOptions {
  format: ImportFormat;
  /** Datum of the coordinates in the file. */
  crs: CoordinateSystem;
  dryRun?: boolean;
  /** Names the source in provenance and in source keys when the profile gives none. */
  sourceName: string;
  profile?: ProvenanceProfile;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Why a row was rejected, or what was left out of an imported row, for a client to say in its language: the
 * error's `code` (BAD_USER_INPUT, CONFLICT, or INTERNAL_SERVER_ERROR for a failure that is not the row's
 * fault), its `reason` (error-reasons.ts) with `args`, and the column at fault as `field` (`lng`, `name`…) —
 * the `extensions` of a GraphQL error.
 */
export interface ImportRowExtensions {
  code?: string;
  reason: Reason;
  args: ReasonArgs;
  field?: string;
}

/**
 * End-of-import report: counts and, for each rejected row, its line (CSV) or record number and the reason —
 * `reason`, the English text (as the CLI prints it), and `extensions`, the reason key and args; each warning
 * likewise as `message` and `extensions`.
 */
export interface ImportReport {
  read: number;
  created: number;
  updated: number;
  /** Rows whose station already matched the source exactly. */
  skipped: number;
  rejected: { line: number; name: string | null; reason: string; extensions: ImportRowExtensions }[];
  warnings: { line: number; name: string | null; message: string; extensions: ImportRowExtensions }[];
  dryRun: boolean;
}

/** A warning about one row: the English message, the reason and its args. */
interface RowWarning {
  message: string;
  reason: Reason;
  args: ReasonArgs;
}

interface RawRow {
  line: number;
  data: Record<string, unknown>;
}

/** Reads rows from JSON (array, or `{items: []}`), CSV (header row) or GeoJSON (FeatureCollection of Points). */
export function readRows(content: string, format: ImportFormat): RawRow[] {
  if (format === 'csv') {
    const records = parseCsv(content, { columns: true, skip_empty_lines: true, bom: true, trim: true, info: true }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    return records.map((r) => ({ line: r.info.lines, data: r.record }));
  }
  const doc = JSON.parse(content) as unknown;
  if (format === 'geojson') {
    const fc = doc as { type?: string; features?: { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> }[] };
    if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new BadInputError('file', 'GeoJSON input must be a FeatureCollection', 'FILE_NOT_FEATURE_COLLECTION');
    return fc.features.map((f, i) => {
      const coords = f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : [];
      return { line: i + 1, data: { ...(f.properties ?? {}), lng: coords[0], lat: coords[1], __geometryType: f.geometry?.type } };
    });
  }
  const items = Array.isArray(doc) ? doc : (doc as { items?: unknown[] }).items;
  if (!Array.isArray(items)) throw new BadInputError('file', 'JSON input must be an array of stations or an object with an `items` array', 'FILE_NOT_A_LIST');
  return items.map((data, i) => ({ line: i + 1, data: data as Record<string, unknown> }));
}

const pick = (d: Record<string, unknown>, ...keys: string[]): unknown => {
  for (const k of keys) if (d[k] !== undefined && d[k] !== null && d[k] !== '') return d[k];
  return undefined;
};
const str = (v: unknown): string | undefined => (v === undefined ? undefined : String(v).trim() || undefined);

function num(v: unknown, field: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (v === undefined) throw new BadInputError(field, 'not a number: missing', 'REQUIRED');
  if (!Number.isFinite(n)) throw new BadInputError(field, `not a number: ${JSON.stringify(v)}`, 'NOT_A_NUMBER', { value: typeof v === 'string' ? v : JSON.stringify(v) });
  return n;
}

function kindOf(d: Record<string, unknown>, name: string): StationKind {
  const k = str(pick(d, 'kind', 'type'))?.toUpperCase();
  if (k) {
    if (!(Object.values(StationKind) as string[]).includes(k)) throw new BadInputError('kind', `unknown station kind ${k}`, 'UNKNOWN_VALUE', { value: k });
    return k as StationKind;
  }
  if (/司机之家/.test(name)) return StationKind.DRIVERS_HOME;
  if (/快递|骑手|外卖|新业态/.test(name)) return StationKind.COURIER_HOME;
  if (/临时服务点|志愿服务点/.test(name)) return StationKind.SERVICE_POINT;
  return StationKind.LOVE_STATION;
}

const STATUS_WORDS: Record<string, StationStatus> = {
  open: StationStatus.ACTIVE,
  active: StationStatus.ACTIVE,
  正常: StationStatus.ACTIVE,
  运营: StationStatus.ACTIVE,
  closed: StationStatus.TEMPORARILY_CLOSED,
  temporarily_closed: StationStatus.TEMPORARILY_CLOSED,
  暂停: StationStatus.TEMPORARILY_CLOSED,
  retired: StationStatus.RETIRED,
  关闭: StationStatus.RETIRED,
};

function listOf(v: unknown): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.map(String);
  return String(v).split(/[;|,，、；]/).map((s) => s.trim()).filter(Boolean);
}

interface PreparedRow {
  sourceKey: string;
  input: StationCreateInput;
  provenance: Provenance;
  operatorName?: string;
  warnings: RowWarning[];
}

/** Turns one raw row into validated station input in WGS-84; throws BadInputError naming the column at fault. */
async function prepareRow(em: EntityManager, row: RawRow, opts: ImportOptions): Promise<PreparedRow> {
  const d = row.data;
  const warnings: RowWarning[] = [];
  if (d.__geometryType !== undefined && d.__geometryType !== 'Point') throw new BadInputError('geometry', 'must be a Point', 'GEOMETRY_NOT_POINT', { type: String(d.__geometryType ?? 'null') });
  const name = str(pick(d, 'name', '名称', 'title'));
  if (!name) throw new BadInputError('name', 'missing', 'REQUIRED');
  if (name.length > 200) throw new BadInputError('name', 'longer than 200 characters', 'TOO_LONG', { max: 200 });
  const loc = pick(d, 'location') as { lat?: unknown; lng?: unknown } | undefined;
  const raw: LngLat = {
    lng: num(pick(d, 'lng', 'lon', 'longitude', '经度') ?? loc?.lng, 'lng'),
    lat: num(pick(d, 'lat', 'latitude', '纬度') ?? loc?.lat, 'lat'),
  };
  assertValidLngLat(raw, 'location');
  const point = convertPoint(raw, opts.crs, CoordinateSystem.WGS84);

  const hoursText = str(pick(d, 'opening_hours', 'openingHours', 'open_hours', 'hours', '开放时间', '营业时间'));
  const hours = convertChineseHours(hoursText);
  if (hours.problem) warnings.push({ message: `opening hours left empty: ${hours.problem}`, reason: 'IMPORT_HOURS_UNREAD', args: { text: hoursText ?? '' } });

  const { amenities, unknown } = mapAmenityWords(listOf(pick(d, 'amenities', 'facilities', '设施')));
  if (unknown.length) warnings.push({ message: `unknown facility words ignored: ${unknown.join(', ')}`, reason: 'IMPORT_FACILITIES_UNKNOWN', args: { words: unknown } });

  const statusWord = str(pick(d, 'status'))?.toLowerCase();
  let status: StationStatus | undefined;
  if (statusWord) {
    status = STATUS_WORDS[statusWord];
    if (!status) throw new BadInputError('status', `unknown status ${statusWord}`, 'UNKNOWN_VALUE', { value: statusWord });
  }
  const capacityRaw = pick(d, 'capacity', '座位');
  const capacity = capacityRaw === undefined ? null : num(capacityRaw, 'capacity');

  const profile = opts.profile;
  const district = str(pick(d, 'district', '区县'));
  const match = await findRegion(em, point, district && profile?.city ? { name: district, cityCode: profile.city.code } : null);
  const regionCode = str(pick(d, 'region_code', 'regionCode', 'adcode')) ?? match.code;

  const prefix = profile?.sourceKeyPrefix ?? opts.sourceName;
  const sourceKey = `${prefix}:${str(pick(d, 'source_key', 'sourceKey', 'id')) ?? name}`;

  const verified = new Set(profile?.verifiedFields ?? []);
  const inferred = new Set(profile?.inferredFields ?? []);
  const notes = [...(profile?.notes ?? [])];
  for (const [field, o] of Object.entries(profile?.fieldOverrides ?? {})) {
    if (o.verified?.includes(name)) {
      inferred.delete(field);
      verified.add(field);
    } else {
      if (verified.has(field)) continue;
      inferred.add(field);
      if (o.noteWhenInferred) notes.push(o.noteWhenInferred);
    }
  }
  const review = profile?.needsReview?.[name];
  if (review) notes.push(review);
  if (match.method === 'district-name' && match.boundaryCode && match.boundaryCode !== match.code) {
    notes.push(`坐标落在${match.boundaryName} (${match.boundaryCode})，与所述行政区 ${district} 不符 (location lies outside the stated district)`);
  }
  if (!regionCode) warnings.push({ message: 'no administrative division found for this location', reason: 'IMPORT_NO_REGION', args: {} });
  const provenance: Provenance = {
    source: profile?.source ?? opts.sourceName,
    sourceDatum: opts.crs,
    verifiedFields: [...verified].sort(),
    inferredFields: [...inferred].sort(),
    notes,
    needsReview: Boolean(review) || notes.some((n) => n.includes('不符')),
  };
  const manager = str(pick(d, 'operator', 'manager', '管理单位'));
  return {
    sourceKey,
    input: {
      kind: kindOf(d, name),
      name,
      address: str(pick(d, 'address', '地址')) ?? null,
      location: { ...point, crs: CoordinateSystem.WGS84 },
      amenities,
      openingHours: hours.openingHours,
      status: status ?? null,
      phone: str(pick(d, 'phone', 'contact_phone', '电话')) ?? null,
      capacity,
      regionCode: regionCode ?? null,
    },
    provenance,
    operatorName: manager && /工会$/.test(manager) ? manager : undefined,
    warnings,
  };
}

async function findOrCreateOperator(em: EntityManager, name: string, regionCode: string | null, parentName?: string): Promise<Organization> {
  const existing = await em.findOne(Organization, { name });
  if (existing) return existing;
  const org = em.create(Organization, {
    name,
    kind: /总工会$/.test(name) ? OrganizationKind.FEDERATION : OrganizationKind.UNION,
    regionCode,
  });
  if (parentName) {
    const parent = await em.findOne(Organization, { name: parentName });
    if (parent) org.parent = em.getReference(Organization, parent.id, { wrapped: true });
  }
  return org;
}

class DryRunRollback extends Error {}

/** JSON with sorted keys, so a jsonb read back from PostgreSQL compares equal to the object written. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

/** What a re-import compares; coordinates to 1e-9° (0.1 mm), below the float noise of a geography round trip. */
function fingerprint(s: Station): string {
  const loc = s.location ? [s.location.lng.toFixed(9), s.location.lat.toFixed(9)] : null;
  return canonical([s.kind, s.name, s.address, loc, s.amenities, s.openingHours, s.status, s.phone, s.capacity, s.regionCode, s.provenance, s.operatorOrganization?.id ?? null]);
}

/**
 * Why a row was refused: a domain error's message, reason, args and field; a database refusal of its data
 * (databaseInputError: a constraint, a value the column cannot hold) with that reason; anything else as
 * IMPORT_ROW_UNKNOWN_ERROR (the server's fault, not the row's: logged in the English text only).
 */
function rowRejection(e: unknown): { reason: string; extensions: ImportRowExtensions } {
  if (e instanceof DomainError) {
    const field = typeof e.details.field === 'string' ? e.details.field : undefined;
    return { reason: e.message, extensions: { code: e.code, reason: e.reason, args: e.args, ...(field ? { field } : {}) } };
  }
  const text = `database refused the row: ${(e as Error).message.split('\n')[0]}`;
  const refused = databaseInputError(e);
  if (refused) return { reason: text, extensions: { code: refused.code, reason: refused.reason, args: {}, ...(refused.field ? { field: refused.field } : {}) } };
  return { reason: text, extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'IMPORT_ROW_UNKNOWN_ERROR', args: {} } };
}

/**
 * Imports stations from `content`: converts the datum, the Chinese opening hours and facility words, finds
 * each region, and upserts by the source key. Each row is its own transaction, so a bad row is reported
 * (with its line and reason) and never aborts the good ones or half-writes a station. With `dryRun`, every
 * row is validated and rolled back.
 */
export async function importStations(em: EntityManager, content: string, opts: ImportOptions): Promise<ImportReport> {
  let rows: RawRow[];
  try {
    rows = readRows(content, opts.format);
  } catch (e) {
    if (e instanceof BadInputError) throw e;
    // The parser's own words (JSON.parse, csv-parse) stay as `detail`, with the line csv-parse stopped at.
    const detail = (e as Error).message.split('\n')[0];
    const line = (e as { lines?: unknown }).lines;
    throw new BadInputError('file', `the ${opts.format} file could not be read: ${detail}`, 'FILE_UNREADABLE', { format: opts.format, detail, ...(typeof line === 'number' ? { line } : {}) });
  }
  const report: ImportReport = { read: rows.length, created: 0, updated: 0, skipped: 0, rejected: [], warnings: [], dryRun: Boolean(opts.dryRun) };
  let done = 0;
  for (const row of rows) {
    const name = str(pick(row.data, 'name', '名称', 'title')) ?? null;
    let outcome: 'created' | 'updated' | 'skipped' | null = null;
    try {
      await em.fork().transactional(async (tx) => {
        const prepared = await prepareRow(tx, row, opts);
        let station = await tx.findOne(Station, { sourceKey: prepared.sourceKey });
        const isNew = !station;
        if (!station) {
          station = new Station();
          station.sourceKey = prepared.sourceKey;
        }
        const before = isNew ? null : fingerprint(station);
        station.provenance = prepared.provenance;
        await applyStationInput(tx, station, prepared.input, isNew);
        if (prepared.input.status == null && isNew) station.status = StationStatus.ACTIVE;
        if (prepared.operatorName) {
          const op = await findOrCreateOperator(tx, prepared.operatorName, station.regionCode ?? null, opts.profile?.operatorParent);
          station.operatorOrganization = tx.getReference(Organization, op.id, { wrapped: true });
        }
        outcome = isNew ? 'created' : before === fingerprint(station) ? 'skipped' : 'updated';
        if (isNew) tx.persist(station);
        for (const w of prepared.warnings) report.warnings.push({ line: row.line, name, message: w.message, extensions: { reason: w.reason, args: w.args } });
        if (outcome !== 'skipped') await tx.flush();
        // A dry run, and a row that matched already, roll back: nothing of theirs is written (not even the
        // commit-time flush of an unchanged station), so a second run leaves the database exactly as it was.
        if (opts.dryRun || outcome === 'skipped') throw new DryRunRollback();
      });
    } catch (e) {
      if (!(e instanceof DryRunRollback)) {
        outcome = null;
        report.rejected.push({ line: row.line, name, ...rowRejection(e) });
      }
    }
    const counted = outcome as 'created' | 'updated' | 'skipped' | null;
    if (counted) report[counted] += 1;
    done += 1;
    opts.onProgress?.(done, rows.length);
  }
  return report;
}

/** Reads a file and imports it (see `importStations`). */
export function importStationFile(em: EntityManager, file: string, opts: ImportOptions): Promise<ImportReport> {
  return importStations(em, fs.readFileSync(file, 'utf8'), opts);
}
