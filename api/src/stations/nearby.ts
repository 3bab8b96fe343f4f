import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../common/errors';
import { isUuid } from '../common/ids';
import type { LngLat } from '../common/geo';
import { isOpenAt } from '../common/opening-hours';
import { codesFromPgArray, decodeCursor, encodeCursor, pgArray } from '../common/pagination';
import { remembered } from '../common/memo';
import { queryPrepared, type Sql } from '../db/prepared';
import type { Organization } from '../organizations/organization.entity';
import type { Amenity, StationKind } from './station.enums';
import type { Station } from './station.entity';

// Nearby search (`nearbyStations`): its statements, keyset cursors bound to one search, and the raw row readers
// that build read-only stations from its rows without the ORM.

/** Arguments of `nearbyStations` (DESIGN.md public contract), already in WGS-84. */
export interface NearbyArgs {
  near: LngLat;
  radiusMeters: number;
  kinds?: StationKind[] | null;
  amenities?: Amenity[] | null;
  /** Instant at which a station must be open; null for no opening-hours filter. */
  openAt?: Date | null;
  /** openAt is "now" (`openNow: true`): a later page of the same search is another instant, the same search. */
  openNow?: boolean;
  first: number;
  after?: string | null;
}

/**
 * Bounds on (WGS-84 spheroid distance) / (PostGIS sphere distance, `<->`) for any two points, rounded outwards.
 * `<->` on geography measures on the sphere of radius R = (2a + b) / 3 = 6371008.77 m (liblwgeom spheroid_init,
 * `s.a = s.b = s.radius` in geography_distance_knn), with geodetic latitude and longitude as spherical
 * coordinates. The spheroid's line element is ds² = M² dφ² + N² cos²φ dλ² with a(1−e²) ≤ M ≤ N ≤ a/√(1−e²)
 * (meridian radius at the equator, polar radius of curvature); the sphere's is R² (dφ² + cos²φ dλ²). So every
 * curve is between a(1−e²)/R = 0.994417 and a/(R√(1−e²)) = 1.004487 times as long on the spheroid as on the
 * sphere, and applied to each surface's shortest path: 0.994417·d_sphere ≤ d_spheroid ≤ 1.004487·d_sphere.
 */
export const SPHEROID_OVER_SPHERE = { min: 0.9944, max: 1.0045 } as const;

/**
 * One result of a nearby search: the station id, its sphere distance (`knn`, the index's order), its spheroid
 * distance in metres (the order and the keyset), and its row (the columns read, for stationFromRow). A class, so
 * a page of hits shares one shape and one `cursor` getter instead of a closure per hit.
 */
export class NearbyHit {
  constructor(
    readonly id: string,
    readonly knn: number,
    readonly distanceMeters: number,
    /** The station's columns (plus the search's own `knn` and `distance`, which stationFromRow skips). */
    readonly row: Record<string, unknown>,
    /** The search that found it (its digest is computed once, when a cursor is first asked for). */
    readonly search: NearbySearch,
  ) {}

  /** Opaque keyset cursor (spheroid distance, id, search digest), encoded only when a client asks for it. */
  get cursor(): string {
    return encodeCursor([this.distanceMeters, this.id, this.search.digest]);
  }
}

/** The arguments of one search and, when first asked for, their searchDigest. */
class NearbySearch {
  private memo: string | null = null;
  constructor(private readonly args: NearbyArgs) {}
  get digest(): string {
    return (this.memo ??= searchDigest(this.args));
  }
}

type CursorKeys = [number, string, string];
const isCursorKeys = (v: unknown[]): v is CursorKeys =>
  v.length === 3 && typeof v[0] === 'number' && Number.isFinite(v[0]) && typeof v[1] === 'string' && isUuid(v[1]) && typeof v[2] === 'string';

const sortedSet = (values: readonly string[] | null | undefined): string[] => [...new Set(values ?? [])].sort();

/**
 * What makes two nearby requests the same search, as a short digest carried in its cursors: the WGS-84 point
 * (whatever datum it came in), the radius, the kinds and amenities as sets, and the opening-hours filter (the
 * instant, or "now"). Page size is not part of it: any `first` may continue a search.
 */
export function searchDigest(args: NearbyArgs): string {
  const open = args.openNow ? 'now' : (args.openAt?.toISOString() ?? null);
  const key = JSON.stringify([args.near.lng, args.near.lat, args.radiusMeters, sortedSet(args.kinds), sortedSet(args.amenities), open]);
  return createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

/** The keys of `after` (spheroid distance, id), refused unless it is a cursor of this very search. */
function cursorOf(after: string, search: NearbySearch): [number, string] {
  const [distance, id, digest] = decodeCursor(after, 'after', isCursorKeys);
  if (digest !== search.digest) throw new BadInputError('after', 'this cursor belongs to another search (point, radius, kinds, amenities or opening filter); start again without `after`', 'SEARCH_CURSOR_MISMATCH');
  return [distance, id];
}

/**
 * Statement texts already built, by their shape (which filters, columns and keyset a statement has): the same
 * shape gets the same string object back, so a repeated search neither rebuilds its text nor hashes it again
 * when queryPrepared looks up its prepared statement.
 */
const sqlTexts = new Map<string, string>();
const textOfShape = (shape: string, build: () => string): string => remembered(sqlTexts, shape, 1000, build);

/**
 * What the public searches (nearby, along a route) show: ACTIVE stations, temporary service points only inside
 * their validity window at `at`, of the given kinds, with all the given amenities. Conditions against alias `s`.
 */
export function publicStationConditions(args: { kinds?: StationKind[] | null; amenities?: Amenity[] | null; at: Date }): Sql & { shape: string } {
  const at = args.at.toISOString();
  const params: unknown[] = [at, at];
  const kinds = Boolean(args.kinds?.length);
  const amenities = Boolean(args.amenities?.length);
  if (kinds) params.push(pgArray(args.kinds!));
  if (amenities) params.push(pgArray(args.amenities!));
  const shape = `${kinds ? 'k' : ''}${amenities ? 'a' : ''}`;
  const text = textOfShape(`public:${shape}`, () => {
    const cond = [`s.status = 'ACTIVE'`, '(s.valid_from is null or s.valid_from <= ?::timestamptz)', '(s.valid_until is null or s.valid_until > ?::timestamptz)'];
    if (kinds) cond.push('s.kind = any(?::text[])');
    // `is true` keeps the planner on the GiST index: the distance is far more selective than common amenities.
    if (amenities) cond.push('(s.amenities @> ?::text[]) is true');
    return cond.join(' and ');
  });
  return { text, params, shape };
}

/**
 * `from … where …` of a nearby search over `station s` and the search point `p.g`, with its parameters and
 * shape (see textOfShape). Shared by the page query and the count, so both filter alike.
 */
function nearbyFromWhere(args: NearbyArgs): Sql & { shape: string } {
  const visible = publicStationConditions({ kinds: args.kinds, amenities: args.amenities, at: args.openAt ?? new Date() });
  return {
    text: textOfShape(`from:${visible.shape}`, () => `from station s, (select ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography as g) p where ST_DWithin(s.location, p.g, ?) and ${visible.text}`),
    params: [args.near.lng, args.near.lat, args.radiusMeters, ...visible.params],
    shape: visible.shape,
  };
}

/** A row key's SQL, the Station property it fills, and how the driver's value becomes it. */
interface ColumnSpec {
  sql: string;
  field?: Extract<keyof Station, string>;
  read?: (v: unknown) => unknown;
}

const orNull = (v: unknown) => v ?? null;
const asDate = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

/**
 * Station columns by the row key `stationFromRow` reads: the SQL over alias `s`, the Station property it fills
 * and how the driver's value becomes that property (as is when `read` is absent). `lng` and `lat` together make
 * `location`; the organization ids become references (see stationFromRow).
 */
const STATION_COLUMNS = {
  id: { sql: 's.id', field: 'id' },
  kind: { sql: 's.kind', field: 'kind' },
  name: { sql: 's.name', field: 'name' },
  address: { sql: 's.address', field: 'address', read: orNull },
  region_code: { sql: 's.region_code', field: 'regionCode', read: orNull },
  lng: { sql: 'ST_X(s.location::geometry) as lng' },
  lat: { sql: 'ST_Y(s.location::geometry) as lat' },
  // As text (`{A,B}`): amenity codes hold no commas or quotes, so no array parser is needed.
  amenities: { sql: 's.amenities::text as amenities', field: 'amenities', read: codesFromPgArray },
  opening_hours: { sql: 's.opening_hours', field: 'openingHours', read: orNull },
  timezone: { sql: 's.timezone', field: 'timezone' },
  status: { sql: 's.status', field: 'status' },
  labels: { sql: 's.labels::text as labels', field: 'labels', read: codesFromPgArray },
  grade_stars: { sql: 's.grade_stars', field: 'gradeStars', read: orNull },
  phone: { sql: 's.phone', field: 'phone', read: orNull },
  capacity: { sql: 's.capacity', field: 'capacity', read: orNull },
  host_organization_id: { sql: 's.host_organization_id', field: 'hostOrganization' },
  operator_organization_id: { sql: 's.operator_organization_id', field: 'operatorOrganization' },
  source_key: { sql: 's.source_key', field: 'sourceKey', read: orNull },
  provenance: { sql: 's.provenance', field: 'provenance', read: (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) },
  valid_from: { sql: 's.valid_from', field: 'validFrom', read: asDate },
  valid_until: { sql: 's.valid_until', field: 'validUntil', read: asDate },
  created_at: { sql: 's.created_at', field: 'createdAt', read: asDate },
  updated_at: { sql: 's.updated_at', field: 'updatedAt', read: asDate },
  version: { sql: 's.version', field: 'version', read: Number },
} satisfies Record<string, ColumnSpec>;

/** A key of a station row (see STATION_COLUMNS). */
export type StationColumn = keyof typeof STATION_COLUMNS;
const ALL_STATION_COLUMNS = Object.keys(STATION_COLUMNS) as StationColumn[];
const ORGANIZATION_IDS: StationColumn[] = ['host_organization_id', 'operator_organization_id'];

/**
 * The columns each GraphQL field of `Station` reads (fields with access rules also need the organizations the
 * rule looks at). A field missing here (one added later) makes `stationColumnsFor` read every column.
 */
const FIELD_COLUMNS: Record<string, StationColumn[]> = {
  __typename: [],
  id: ['id'],
  kind: ['kind'],
  name: ['name'],
  address: ['address'],
  regionCode: ['region_code'],
  region: ['region_code'],
  location: ['lng', 'lat'],
  amenities: ['amenities'],
  openingHours: ['opening_hours'],
  timezone: ['timezone'],
  isOpen: ['opening_hours', 'timezone', 'lng', 'lat'],
  status: ['status'],
  labels: ['kind', 'labels'],
  gradeStars: ['grade_stars'],
  titles: [],
  inspections: ORGANIZATION_IDS,
  peopleServedByYear: ORGANIZATION_IDS,
  phone: ['phone'],
  capacity: ['capacity'],
  hostOrganization: ['host_organization_id'],
  operatorOrganization: ['operator_organization_id'],
  viewerCanEdit: ORGANIZATION_IDS,
  provenance: ['provenance', ...ORGANIZATION_IDS],
  sourceKey: ['source_key', ...ORGANIZATION_IDS],
  validFrom: ['valid_from'],
  validUntil: ['valid_until'],
  createdAt: ['created_at'],
  updatedAt: ['updated_at'],
  version: ['version'],
};

/**
 * The row keys needed to answer the given `Station` fields (GraphQL field names, e.g. from the query's
 * selection): always `id`; every column when `fields` is null or names a field this table does not know.
 */
export function stationColumnsFor(fields: Iterable<string> | null): StationColumn[] {
  if (!fields) return ALL_STATION_COLUMNS;
  const wanted = new Set<StationColumn>(['id']);
  for (const f of fields) {
    const columns = FIELD_COLUMNS[f];
    if (!columns) return ALL_STATION_COLUMNS;
    for (const c of columns) wanted.add(c);
  }
  return ALL_STATION_COLUMNS.filter((c) => wanted.has(c));
}

/** The part of a Ref the field resolvers use: `id` and a batched `load()`. */
interface RefShim<T> {
  id: string;
  load(): Promise<T | null>;
}

function organizationRef(id: unknown, loadOrganization: (id: string) => Promise<Organization | null>): RefShim<Organization> | null {
  return typeof id === 'string' ? { id, load: () => loadOrganization(id) } : null;
}

/**
 * A read-only Station built straight from a row of `stationColumnsFor` columns, for hot public paths
 * (nearbyStations): no identity map, no change tracking (MikroORM's `em.map`/`merge` cost more than the query).
 * Columns that were not read stay undefined (the query did not ask for their fields). Relations load through
 * `loadOrganization` (a per-request DataLoader). Never flush these: they are not managed entities.
 */
export function stationFromRow(row: Record<string, unknown>, loadOrganization: (id: string) => Promise<Organization | null>): Station {
  const station: Record<string, unknown> = {};
  for (const key in row) {
    // Keys outside the table (a search's own knn and distance) are not the station's.
    const column = STATION_COLUMNS[key as StationColumn] as ColumnSpec | undefined;
    if (!column?.field) continue;
    const v = row[key];
    station[column.field] = key === 'host_organization_id' || key === 'operator_organization_id' ? organizationRef(v, loadOrganization) : column.read ? column.read(v) : v;
  }
  if ('lng' in row) station.location = { lng: Number(row.lng), lat: Number(row.lat) };
  return station as unknown as Station;
}


type NearbyRow = { id: string; knn: number; distance: number } & Record<string, unknown>;

/**
 * Candidates in index (sphere) order: `select <columns>, knn, distance … order by knn, id limit ?`. With `after`
 * (spheroid distance, id) only rows after it; the sphere bound in front of the exact test is implied by it (see
 * SPHEROID_OVER_SPHERE) and lets rows before it skip the spheroid computation. With `from` (sphere distance, id)
 * the scan continues after that row, in (sphere distance, id) order; with `continueAfter` null the order is the
 * sphere distance alone, which the GiST index returns directly (KNN) instead of a sort of every row in the radius.
 * Parameters in text order: from's, after's, from-keys, then the limit.
 */
function candidatesSql(from: Sql & { shape: string }, after: [number, string] | null, continueAfter: boolean | null, columns: readonly StationColumn[]): string {
  return `select ${columns.map((c) => STATION_COLUMNS[c].sql).join(', ')}, s.location <-> p.g as knn, ST_Distance(s.location, p.g) as distance
         ${from.text}${after ? ' and s.location <-> p.g >= ?::float8 and (ST_Distance(s.location, p.g), s.id) > (?::float8, ?::uuid)' : ''}${continueAfter ? ' and (s.location <-> p.g, s.id) > (?::float8, ?::uuid)' : ''}
        order by s.location <-> p.g${continueAfter === null ? '' : ', s.id'}
        limit ?`;
}

const afterParams = (after: [number, string] | null): unknown[] => (after ? [after[0] / SPHEROID_OVER_SPHERE.max, after[0], after[1]] : []);

/**
 * One page, nearest first by spheroid distance: the `candidates` nearest by sphere distance (the GiST KNN scan),
 * re-ranked by (spheroid distance, id), the first `limit` of them. Each row also carries `reach`, the largest
 * sphere distance among the candidates, and `candidates`, how many there were, for the completeness check.
 */
function rankedPageSql(from: Sql & { shape: string }, after: [number, string] | null, candidates: number, limit: number, columns: readonly StationColumn[]): Sql {
  const text = textOfShape(
    `ranked:${from.shape}:${after ? 'after' : ''}:${columns.join(',')}`,
    // The row's columns come with the page, so the resolver maps them without a second query.
    () => `select c.*, max(c.knn) over () as reach, count(*) over () as candidates
         from (${candidatesSql(from, after, null, columns)}) c
        order by c.distance, c.id
        limit ?`,
  );
  return { text, params: [...from.params, ...afterParams(after), candidates, limit] };
}

/** A batch of candidates in sphere order (for openAt, whose filter runs here, not in SQL). */
function batchSql(from: Sql & { shape: string }, after: [number, string] | null, continueAfter: [number, string] | null, limit: number, columns: readonly StationColumn[]): Sql {
  const text = textOfShape(`batch:${from.shape}:${after ? 'after' : ''}:${continueAfter ? 'from' : ''}:${columns.join(',')}`, () =>
    candidatesSql(from, after, Boolean(continueAfter), columns),
  );
  return { text, params: [...from.params, ...afterParams(after), ...(continueAfter ?? []), limit] };
}

/** Columns a nearby page reads: those of `fields`, plus the hours when it filters by `openAt`. */
function nearbyColumns(args: NearbyArgs, fields: Iterable<string> | null): StationColumn[] {
  return stationColumnsFor(fields && args.openAt ? [...fields, 'isOpen'] : fields);
}

/** Candidates read for a page of `wanted` rows: enough that the completeness check almost always passes at once. */
const candidatesFor = (wanted: number) => Math.ceil(wanted * 1.5) + 8;

/**
 * The first-page SQL of a nearby search without openAt, with `?` placeholders, for EXPLAIN in tests and for the
 * benchmark's raw-SQL floor: the same text nearbyStations prepares for a query asking for `fields` of each station.
 */
export function nearbyFirstPageSql(args: NearbyArgs, fields: Iterable<string> | null = null): Sql {
  const wanted = args.first + 1;
  return rankedPageSql(nearbyFromWhere(args), null, candidatesFor(wanted), wanted, nearbyColumns(args, fields));
}

const byDistance = (a: NearbyRow, b: NearbyRow) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Whether no station beyond the candidates read can come before the `wanted`-th one kept: every unread station
 * is at least `reach` away on the sphere, so at least SPHEROID_OVER_SPHERE.min·reach on the spheroid.
 */
const complete = (kept: NearbyRow[], wanted: number, reach: number) => kept.length >= wanted && SPHEROID_OVER_SPHERE.min * reach > Number(kept[wanted - 1].distance);

/**
 * Nearby search: ACTIVE stations within `radiusMeters` of `near`, nearest first by the spheroid (WGS-84)
 * distance it reports (`ST_Distance`), then id. `ST_DWithin` caps the radius on the spheroid; candidates come from
 * the GiST KNN scan (`<->`, sphere distance, `station_location_gist`) and are re-ranked by spheroid distance.
 * Candidates reach far enough when the farthest read is, by SPHEROID_OVER_SPHERE.min, beyond the last row kept;
 * otherwise the page is read again with four times as many. Keyset cursors hold (spheroid distance, id) and the
 * search's digest, so pages never overlap or skip and a cursor of another search is BAD_USER_INPUT on `after`.
 * With `openAt`, candidates are read in KNN batches and kept while open at that instant in their own time zone,
 * until the same check passes: it never evaluates every station in the radius for a page. `fields` are the
 * GraphQL fields of `Station` the caller will read (null: all); only their columns are read, and the statements
 * run prepared (queryPrepared).
 */
export async function nearbyStations(em: EntityManager, args: NearbyArgs, fields: Iterable<string> | null = null): Promise<{ hits: NearbyHit[]; hasNextPage: boolean }> {
  const search = new NearbySearch(args);
  const from = nearbyFromWhere(args);
  const columns = nearbyColumns(args, fields);
  const after = args.after ? cursorOf(args.after, search) : null;
  const wanted = args.first + 1;
  let rows: NearbyRow[];
  if (!args.openAt) {
    for (let candidates = candidatesFor(wanted); ; candidates *= 4) {
      rows = await queryPrepared<NearbyRow>(em, rankedPageSql(from, after, candidates, wanted, columns));
      if (!rows.length || Number(rows[0].candidates) < candidates || complete(rows, wanted, Number(rows[0].reach))) break;
    }
  } else {
    const openAt = args.openAt;
    const kept: NearbyRow[] = [];
    let continueAfter: [number, string] | null = null;
    for (let batch = Math.max(wanted * 4, 100); ; batch *= 2) {
      const page: NearbyRow[] = await queryPrepared<NearbyRow>(em, batchSql(from, after, continueAfter, batch, columns));
      for (const r of page) if (isOpenAt(r.opening_hours as string | null, r.timezone as string, openAt, { lng: Number(r.lng), lat: Number(r.lat) })) kept.push(r);
      kept.sort(byDistance);
      if (page.length < batch) break;
      // The whole batch was read: the next one starts after its last row.
      const last = page[page.length - 1];
      continueAfter = [Number(last.knn), last.id];
      if (complete(kept, wanted, continueAfter[0])) break;
    }
    rows = kept.slice(0, wanted);
  }
  const hits = rows.map((r) => new NearbyHit(r.id, Number(r.knn), Number(r.distance), r, search));
  return { hits: hits.slice(0, args.first), hasNextPage: hits.length > args.first };
}

/**
 * Number of stations matching a nearby search on all pages. Without `openAt` one indexed count; with it,
 * every station in the radius has its hours evaluated (only when a client asks for `totalCount`).
 */
export async function countNearbyStations(em: EntityManager, args: NearbyArgs): Promise<number> {
  const { text: from, params } = nearbyFromWhere(args);
  if (!args.openAt) {
    const [{ n }] = await em.execute<{ n: string }[]>(`select count(*) as n ${from}`, params);
    return Number(n);
  }
  const rows = await em.execute<{ opening_hours: string | null; timezone: string; lng: number; lat: number }[]>(
    `select s.opening_hours, s.timezone, ST_X(s.location::geometry) as lng, ST_Y(s.location::geometry) as lat ${from}`,
    params,
  );
  const at = args.openAt;
  return rows.filter((r) => isOpenAt(r.opening_hours, r.timezone, at, { lng: Number(r.lng), lat: Number(r.lat) })).length;
}
