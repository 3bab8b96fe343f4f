import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../common/errors';
import { assertUuid, isUuid } from '../common/ids';
import { CoordinateSystem, toWgs84, type LngLat, assertValidLngLat, convertPoint } from '../common/geo';
import { assertValidTimezone, isOpenAt, parseOpeningHours } from '../common/opening-hours';
import { assertIntRange, assertPage, codesFromPgArray, containsPattern, decodeCursor, encodeCursor, pgArray } from '../common/pagination';
import { Organization } from '../organizations/organization.entity';
import { assertRegionExists, findRegion } from '../regions/region.service';
import { Amenity, StationKind, StationStatus } from './station.enums';
import { Provenance, Station } from './station.entity';
import type { BoundingBoxInput, StationCreateInput, StationFilter, StationOrder, StationUpdateInput } from './station.inputs';
import { StationOrderField } from './station.inputs';
import type { Access } from '../auth/access';
import { ReferenceNotFoundError } from '../auth/not-found';
import { queryPrepared, type Sql } from '../db/prepared';
import { remembered } from '../common/memo';

/** The organizations that decide who may edit a station. */
export function stationOrganizations(station: Station): { operatorOrganizationId: string | null; hostOrganizationId: string | null } {
  return { operatorOrganizationId: station.operatorOrganization?.id ?? null, hostOrganizationId: station.hostOrganization?.id ?? null };
}

/**
 * Before an OPERATOR's edit: every organization the input names must be in their scope. Organizations are public
 * records, so the answer is BAD_USER_INPUT naming the field (the station contract's answer), the same for an
 * organization that exists elsewhere and one that does not.
 */
async function assertOwnOrganizations(em: EntityManager, access: Access | undefined, input: StationCreateInput | StationUpdateInput): Promise<void> {
  if (!access || access.isAdmin) return;
  for (const field of ['operatorOrganizationId', 'hostOrganizationId'] as const) {
    const id = input[field];
    if (id && !(await access.has('Organization', id, em))) {
      access.logDenied('ownership', { entity: 'Organization', id, field: `input.${field}` });
      throw new BadInputError(`input.${field}`, 'the station must be operated or hosted by one of your organizations (or one below them)');
    }
  }
}

/** After an edit by an OPERATOR: the station must still belong to one of their organizations. */
async function assertStillInScope(em: EntityManager, access: Access | undefined, station: Station): Promise<void> {
  if (access && !(await access.canEditStation(stationOrganizations(station), em))) {
    throw new BadInputError('input.operatorOrganizationId', 'the station must be operated or hosted by one of your organizations (or one below them)');
  }
}

export { assertUuid };

const AMENITY_VALUES = new Set<string>(Object.values(Amenity));

async function findOrganization(em: EntityManager, id: string, field: string): Promise<Organization> {
  assertUuid(id, field);
  const org = await em.findOne(Organization, id);
  if (!org) throw new BadInputError(field, `no organization has id ${id}`);
  return org;
}

/**
 * Validates `input` field by field and applies it to `station` (nothing is flushed). Every error is a
 * BadInputError naming `input.<field>`. Without an explicit `regionCode`, a new or moved station gets the
 * region whose boundary or centre is nearest its location.
 */
export async function applyStationInput(
  em: EntityManager,
  station: Station,
  input: StationCreateInput | StationUpdateInput,
  isNew: boolean,
): Promise<void> {
  if (input.name !== undefined) {
    const name = input.name?.trim();
    if (!name) throw new BadInputError('input.name', 'must not be empty');
    station.name = name;
  }
  if (input.kind != null) station.kind = input.kind;
  if (input.address !== undefined) station.address = input.address?.trim() || null;
  if (input.amenities != null) {
    const bad = input.amenities.find((a) => !AMENITY_VALUES.has(a));
    if (bad) throw new BadInputError('input.amenities', `unknown amenity ${bad}`);
    station.amenities = Object.values(Amenity).filter((a) => input.amenities!.includes(a));
  }
  if (input.timezone !== undefined) {
    if (input.timezone) assertValidTimezone(input.timezone, 'input.timezone');
    station.timezone = input.timezone || 'Asia/Shanghai';
  }
  if (input.openingHours !== undefined) {
    const value = input.openingHours?.trim() || null;
    if (value) parseOpeningHours(value, 'input.openingHours');
    station.openingHours = value;
  }
  if (input.status != null) station.status = input.status;
  if (input.validFrom !== undefined) station.validFrom = input.validFrom;
  if (input.validUntil !== undefined) station.validUntil = input.validUntil;
  if (station.validFrom && station.validUntil && station.validUntil <= station.validFrom) {
    throw new BadInputError('input.validUntil', 'must be after validFrom');
  }
  if (input.phone !== undefined) station.phone = input.phone?.trim() || null;
  if (input.capacity !== undefined) {
    if (input.capacity != null) assertIntRange(input.capacity, 0, 10000, 'input.capacity');
    station.capacity = input.capacity;
  }
  if (input.hostOrganizationId !== undefined) {
    station.hostOrganization = input.hostOrganizationId
      ? em.getReference(Organization, (await findOrganization(em, input.hostOrganizationId, 'input.hostOrganizationId')).id, { wrapped: true })
      : null;
  }
  if (input.operatorOrganizationId !== undefined) {
    station.operatorOrganization = input.operatorOrganizationId
      ? em.getReference(Organization, (await findOrganization(em, input.operatorOrganizationId, 'input.operatorOrganizationId')).id, { wrapped: true })
      : null;
  }
  let moved = false;
  if (input.location != null) {
    station.location = toWgs84(input.location, 'input.location');
    // China's extent (with its islands): a station outside it is almost always lng and lat swapped or a typo.
    const { lng, lat } = station.location;
    if (lng < 73.4 || lng > 135.1 || lat < 3.8 || lat > 53.6) {
      throw new BadInputError('input.location', `(${lng.toFixed(5)}, ${lat.toFixed(5)}) is outside China (lng 73.4–135.1, lat 3.8–53.6); are lng and lat swapped?`);
    }
    moved = true;
  }
  if (input.regionCode) {
    await assertRegionExists(em, input.regionCode, 'input.regionCode');
    station.regionCode = input.regionCode;
  } else if (input.regionCode === null || moved || isNew) {
    station.regionCode = (await findRegion(em, station.location)).code;
  }
}

/** Provenance of a record typed in through the API. */
function manualProvenance(): Provenance {
  return { source: 'admin', sourceDatum: null, verifiedFields: [], inferredFields: [], notes: [], needsReview: false };
}

/**
 * Creates a station from validated input; throws BadInputError naming the field at fault, writing nothing.
 * With `access` (requests), an OPERATOR must make it operated or hosted by one of their organizations.
 */
export async function createStation(em: EntityManager, input: StationCreateInput, provenance = manualProvenance(), access?: Access): Promise<Station> {
  const station = new Station();
  station.provenance = provenance;
  await assertOwnOrganizations(em, access, input);
  await applyStationInput(em, station, input, true);
  await assertStillInScope(em, access, station);
  em.persist(station);
  await em.flush();
  return station;
}

/** Loads a station or throws NOT_FOUND. */
export async function getStation(em: EntityManager, id: string, field = 'id'): Promise<Station> {
  assertUuid(id, field);
  const station = await em.findOne(Station, id);
  if (!station) throw new ReferenceNotFoundError('Station', id, field);
  return station;
}

/**
 * Applies `input` to station `id` if its version is still `version`; a stale version is a CONFLICT
 * (MikroORM OptimisticLockError, mapped in formatError), so a concurrent edit is never silently overwritten.
 */
export async function updateStation(em: EntityManager, id: string, version: number, input: StationUpdateInput, access?: Access): Promise<Station> {
  const station = await getStation(em, id);
  // Someone else's station answers NOT_FOUND, as if it did not exist (and the attempt is logged).
  if (access && !(await access.canEditStation(stationOrganizations(station), em))) access.notFound('Station', id);
  await em.lock(station, LockMode.OPTIMISTIC, version);
  await assertOwnOrganizations(em, access, input);
  await applyStationInput(em, station, input, false);
  await assertStillInScope(em, access, station);
  await em.flush();
  return station;
}

/** Marks a station RETIRED (kept for history, gone from nearby search). */
export async function retireStation(em: EntityManager, id: string, version: number, access?: Access): Promise<Station> {
  return updateStation(em, id, version, { status: StationStatus.RETIRED }, access);
}

/** Deletes a station for good and returns it as it was. */
export async function deleteStation(em: EntityManager, id: string): Promise<Station> {
  const station = await getStation(em, id);
  await em.remove(station).flush();
  return station;
}

function bboxCondition(box: BoundingBoxInput, field: string): Sql {
  const crs = box.crs ?? CoordinateSystem.WGS84;
  assertValidLngLat({ lng: box.west, lat: box.south }, `${field}.southWest`);
  assertValidLngLat({ lng: box.east, lat: box.north }, `${field}.northEast`);
  if (box.south > box.north) throw new BadInputError(`${field}.south`, 'must not be north of `north`');
  const sw = convertPoint({ lng: box.west, lat: box.south }, crs, CoordinateSystem.WGS84, `${field}.southWest`);
  const ne = convertPoint({ lng: box.east, lat: box.north }, crs, CoordinateSystem.WGS84, `${field}.northEast`);
  // geometry && envelope uses the GiST index through the geography→geometry cast only via the bounding box;
  // the table is small per box, so the plain intersection is exact and cheap.
  return {
    text: `ST_Intersects(s.location, ST_MakeEnvelope(?, ?, ?, ?, 4326)::geography)`,
    params: [sw.lng, sw.lat, ne.lng, ne.lat],
  };
}

/** SQL conditions for the admin station filter, against alias `s`. Shared by the list and (later) the tile endpoint. */
export function stationFilterSql(filter: StationFilter | undefined | null, field = 'filter'): Sql {
  const parts: string[] = ['true'];
  const params: unknown[] = [];
  if (!filter) return { text: 'true', params };
  if (filter.ids) {
    if (filter.ids.length > 1000) throw new BadInputError(`${field}.ids`, 'at most 1000 ids');
    filter.ids.forEach((id, i) => assertUuid(id, `${field}.ids[${i}]`));
    parts.push('s.id = any(?::uuid[])');
    params.push(pgArray(filter.ids));
  }
  if (filter.kinds?.length) {
    parts.push('s.kind = any(?::text[])');
    params.push(pgArray(filter.kinds));
  }
  if (filter.statuses?.length) {
    parts.push('s.status = any(?::text[])');
    params.push(pgArray(filter.statuses));
  }
  if (filter.amenities?.length) {
    parts.push('s.amenities @> ?::text[]');
    params.push(pgArray(filter.amenities));
  }
  if (filter.regionCodePrefix) {
    if (!/^[0-9]{1,6}$/.test(filter.regionCodePrefix)) throw new BadInputError(`${field}.regionCodePrefix`, 'must be 1 to 6 digits');
    parts.push('s.region_code like ?');
    params.push(`${filter.regionCodePrefix}%`);
  }
  if (filter.search?.trim()) {
    const q = filter.search.trim();
    if (q.length > 100) throw new BadInputError(`${field}.search`, 'at most 100 characters');
    const like = containsPattern(q);
    parts.push('(s.name ilike ? or s.address ilike ?)');
    params.push(like, like);
  }
  if (filter.within) {
    const c = bboxCondition(filter.within, `${field}.within`);
    parts.push(c.text);
    params.push(...c.params);
  }
  if (filter.hostOrganizationId) {
    assertUuid(filter.hostOrganizationId, `${field}.hostOrganizationId`);
    parts.push('s.host_organization_id = ?');
    params.push(filter.hostOrganizationId);
  }
  if (filter.operatorOrganizationId) {
    assertUuid(filter.operatorOrganizationId, `${field}.operatorOrganizationId`);
    parts.push('s.operator_organization_id = ?');
    params.push(filter.operatorOrganizationId);
  }
  if (filter.needsReview != null) {
    parts.push(`coalesce((s.provenance->>'needsReview')::boolean, false) = ?`);
    params.push(filter.needsReview);
  }
  return { text: parts.join(' and '), params };
}

const ORDER_COLUMNS: Record<StationOrderField, string> = {
  NAME: 's.name',
  KIND: 's.kind',
  STATUS: 's.status',
  REGION_CODE: 's.region_code',
  CREATED_AT: 's.created_at',
  UPDATED_AT: 's.updated_at',
};

/** One page of the admin list: stations matching `filter`, sorted (ties by id), with the total count. */
export async function listStations(
  em: EntityManager,
  filter: StationFilter | undefined,
  order: StationOrder | undefined,
  limit: number,
  offset: number,
  onlyOrganizations?: Set<string> | null,
): Promise<{ nodes: Station[]; totalCount: number }> {
  assertPage(limit, offset, 10_000_000);
  const where = stationFilterSql(filter);
  if (onlyOrganizations) {
    // An operator's list: the stations they may edit.
    const ids = pgArray([...onlyOrganizations]);
    where.text = `(${where.text}) and (s.operator_organization_id = any(?::uuid[]) or s.host_organization_id = any(?::uuid[]))`;
    where.params = [...where.params, ids, ids];
  }
  const column = ORDER_COLUMNS[order?.field ?? StationOrderField.NAME];
  const dir = order?.direction === 'DESC' ? 'desc' : 'asc';
  const rows = await em.execute<{ id: string }[]>(
    `select s.id from station s where ${where.text} order by ${column} ${dir} nulls last, s.id ${dir} limit ? offset ?`,
    [...where.params, limit, offset],
  );
  const [{ n }] = await em.execute<{ n: string }[]>(`select count(*) as n from station s where ${where.text}`, where.params);
  const byId = new Map((await em.find(Station, { id: { $in: rows.map((r) => r.id) } })).map((s) => [s.id, s]));
  return { nodes: rows.map((r) => byId.get(r.id)!).filter(Boolean), totalCount: Number(n) };
}

/** Arguments of `nearbyStations` (DESIGN.md public contract), already in WGS-84. */
export interface NearbyArgs {
  near: LngLat;
  radiusMeters: number;
  kinds?: StationKind[] | null;
  amenities?: Amenity[] | null;
  /** Instant at which a station must be open; null for no opening-hours filter. */
  openAt?: Date | null;
  first: number;
  after?: string | null;
}

/**
 * One result of a nearby search: the station id, its sphere distance for the keyset (`knn`), its spheroid
 * distance in metres, and its row (the columns read, for stationFromRow). A class, so a page of hits shares one
 * shape and one `cursor` getter instead of a closure per hit.
 */
export class NearbyHit {
  constructor(
    readonly id: string,
    readonly knn: number,
    readonly distanceMeters: number,
    /** The station's columns (plus the search's own `knn` and `distance`, which stationFromRow skips). */
    readonly row: Record<string, unknown>,
  ) {}

  /** Opaque keyset cursor (sphere distance, id), encoded only when a client asks for it. */
  get cursor(): string {
    return encodeCursor([this.knn, this.id]);
  }
}

type CursorKeys = [number, string];
const isCursorKeys = (v: unknown[]): v is CursorKeys => v.length === 2 && typeof v[0] === 'number' && Number.isFinite(v[0]) && typeof v[1] === 'string' && isUuid(v[1]);

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
function publicStationConditions(args: { kinds?: StationKind[] | null; amenities?: Amenity[] | null; at: Date }): Sql & { shape: string } {
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
  isOpen: ['opening_hours', 'timezone'],
  status: ['status'],
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

function nearbyPageSql(from: Sql & { shape: string }, after: CursorKeys | null, limit: number, columns: readonly StationColumn[]): Sql {
  const text = textOfShape(
    `page:${from.shape}:${after ? 'after' : ''}:${columns.join(',')}`,
    // The row's columns come with the page, so the resolver maps them without a second query.
    () => `select ${columns.map((c) => STATION_COLUMNS[c].sql).join(', ')}, s.location <-> p.g as knn, ST_Distance(s.location, p.g) as distance
         ${from.text} ${after ? 'and (s.location <-> p.g, s.id) > (?::float8, ?::uuid)' : ''}
        order by s.location <-> p.g, s.id
        limit ?`,
  );
  return { text, params: after ? [...from.params, after[0], after[1], limit] : [...from.params, limit] };
}

/** Columns a nearby page reads: those of `fields`, plus the hours when it filters by `openAt`. */
function nearbyColumns(args: NearbyArgs, fields: Iterable<string> | null): StationColumn[] {
  return stationColumnsFor(fields && args.openAt ? [...fields, 'isOpen'] : fields);
}

/**
 * The first-page SQL of a nearby search with `?` placeholders, for EXPLAIN in tests and for the benchmark's
 * raw-SQL floor: the same text nearbyStations prepares for a query asking for `fields` of each station.
 */
export function nearbyFirstPageSql(args: NearbyArgs, fields: Iterable<string> | null = null): Sql {
  return nearbyPageSql(nearbyFromWhere(args), null, args.first + 1, nearbyColumns(args, fields));
}

/**
 * Nearby search: ACTIVE stations within `radiusMeters` of `near`, nearest first.
 * SQL: `ST_DWithin` caps the radius and `ORDER BY location <-> point, id` walks the GiST index (KNN); both use
 * `station_location_gist`. Ordering is by great-circle (sphere) distance, the reported `distanceMeters` is the
 * spheroid distance (`ST_Distance`, WGS-84). Keyset cursors hold (sphere distance, id), so pages never
 * overlap or skip. With `openAt`, candidates are read in KNN batches and kept while open at that instant in
 * their own time zone, until the page is full: it never evaluates every station in the radius for a page.
 * `fields` are the GraphQL fields of `Station` the caller will read (null: all); only their columns are read,
 * and the page runs as a prepared statement (queryPrepared).
 */
export async function nearbyStations(em: EntityManager, args: NearbyArgs, fields: Iterable<string> | null = null): Promise<{ hits: NearbyHit[]; hasNextPage: boolean }> {
  const from = nearbyFromWhere(args);
  const columns = nearbyColumns(args, fields);
  let after: CursorKeys | null = args.after ? decodeCursor(args.after, 'after', isCursorKeys) : null;
  const wanted = args.first + 1;
  const batch = args.openAt ? Math.max(wanted * 4, 100) : wanted;
  const hits: NearbyHit[] = [];
  for (;;) {
    const page = await queryPrepared<NearbyRow>(em, nearbyPageSql(from, after, batch, columns));
    for (const r of page) {
      if (args.openAt && !isOpenAt(r.opening_hours as string | null, r.timezone as string, args.openAt)) continue;
      hits.push(new NearbyHit(r.id, Number(r.knn), Number(r.distance), r));
      if (hits.length === wanted) break;
    }
    if (hits.length === wanted || page.length < batch) break;
    // The whole batch was read: the next one starts after its last row.
    const last = page[page.length - 1];
    after = [Number(last.knn), last.id];
  }
  const hasNextPage = hits.length > args.first;
  return { hits: hits.slice(0, args.first), hasNextPage };
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
  const rows = await em.execute<{ opening_hours: string | null; timezone: string }[]>(
    `select s.opening_hours, s.timezone ${from}`,
    params,
  );
  const at = args.openAt;
  return rows.filter((r) => isOpenAt(r.opening_hours, r.timezone, at)).length;
}

/** A station near a route: how far along the route (from its first point) and how far off it, in metres. */
export interface RouteHit {
  id: string;
  alongMeters: number;
  offsetMeters: number;
}

/**
 * Active stations within `bufferMeters` of a route (a LineString through `points`, WGS-84), ordered along the
 * route (ST_LineLocatePoint), then by id. `ST_DWithin` on geography caps the distance and uses the GiST index;
 * distances are spheroid metres, the position along the route is the located fraction times the route's length.
 * Filters by kinds and all-of amenities like nearbyStations; temporary points count only inside their window.
 */
export async function stationsAlongRoute(
  em: EntityManager,
  args: { points: LngLat[]; bufferMeters: number; kinds?: StationKind[] | null; amenities?: Amenity[] | null; first: number },
): Promise<RouteHit[]> {
  const line = `LINESTRING(${args.points.map((p) => `${p.lng} ${p.lat}`).join(', ')})`;
  const visible = publicStationConditions({ kinds: args.kinds, amenities: args.amenities, at: new Date() });
  const rows = await em.execute<{ id: string; along: number; offset: number }[]>(
    `with r as (select ST_GeomFromText(?, 4326) as geom, ST_GeomFromText(?, 4326)::geography as g)
     select s.id, ST_LineLocatePoint(r.geom, s.location::geometry) * ST_Length(r.g) as along, ST_Distance(s.location, r.g) as offset
       from station s, r where ST_DWithin(s.location, r.g, ?) and ${visible.text}
      order by along, s.id limit ?`,
    [line, line, args.bufferMeters, ...visible.params, args.first],
  );
  return rows.map((r) => ({ id: r.id, alongMeters: Number(r.along), offsetMeters: Number(r.offset) }));
}
