import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../common/errors';
import { assertUuid } from '../common/ids';
import { CoordinateSystem, toWgs84, type LngLat, assertValidLngLat, convertPoint } from '../common/geo';
import { assertValidTimezone, parseOpeningHours } from '../common/opening-hours';
import { containsPattern, pgArray } from '../common/pagination';
import { Organization } from '../organizations/organization.entity';
import { assertRegionExists, findRegion } from '../regions/region.service';
import { Amenity, StationKind, StationStatus } from './station.enums';
import { Provenance, Station } from './station.entity';
import type { BoundingBoxInput, StationCreateInput, StationFilter, StationOrder, StationUpdateInput } from './station.inputs';
import { StationOrderField } from './station.inputs';
import type { Access } from '../auth/access';
import { ReferenceNotFoundError } from '../auth/not-found';
import type { Sql } from '../db/prepared';
import { publicStationConditions } from './nearby';

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
      throw new BadInputError(`input.${field}`, 'the station must be operated or hosted by one of your organizations (or one below them)', 'STATION_ORG_NOT_YOURS');
    }
  }
}

/** After an edit by an OPERATOR: the station must still belong to one of their organizations. */
async function assertStillInScope(em: EntityManager, access: Access | undefined, station: Station): Promise<void> {
  if (access && !(await access.canEditStation(stationOrganizations(station), em))) {
    throw new BadInputError('input.operatorOrganizationId', 'the station must be operated or hosted by one of your organizations (or one below them)', 'STATION_ORG_NOT_YOURS');
  }
}

export { assertUuid };

const AMENITY_VALUES = new Set<string>(Object.values(Amenity));

async function findOrganization(em: EntityManager, id: string, field: string): Promise<Organization> {
  assertUuid(id, field);
  const org = await em.findOne(Organization, id);
  if (!org) throw new BadInputError(field, `no organization has id ${id}`, 'UNKNOWN_ID', { entity: 'Organization', id });
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
    if (!name) throw new BadInputError('input.name', 'must not be empty', 'EMPTY');
    station.name = name;
  }
  if (input.kind != null) station.kind = input.kind;
  if (input.address !== undefined) station.address = input.address?.trim() || null;
  if (input.amenities != null) {
    const bad = input.amenities.find((a) => !AMENITY_VALUES.has(a));
    if (bad) throw new BadInputError('input.amenities', `unknown amenity ${bad}`, 'UNKNOWN_VALUE', { value: bad });
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
  if (input.status != null && input.status !== station.status) {
    await assertStatusChange(em, station, input.status, isNew);
    station.status = input.status;
  }
  if (input.labels != null || input.kind != null) {
    const labels = input.labels ?? [station.kind, ...(station.labels ?? [])];
    // Stored without `kind` (which the public contract carries on its own), in the vocabulary's order.
    station.labels = Object.values(StationKind).filter((k) => k !== station.kind && labels.includes(k));
  }
  if (input.validFrom !== undefined) station.validFrom = input.validFrom;
  if (input.validUntil !== undefined) station.validUntil = input.validUntil;
  if (station.validFrom && station.validUntil && station.validUntil <= station.validFrom) {
    throw new BadInputError('input.validUntil', 'must be after validFrom', 'MUST_BE_AFTER', { other: 'validFrom' });
  }
  if (input.phone !== undefined) station.phone = input.phone?.trim() || null;
  // Bounds: the inputs' @NumberRule (0–10000; the column's CHECK refuses negatives too).
  if (input.capacity !== undefined) station.capacity = input.capacity;
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
      throw new BadInputError('input.location', `(${lng.toFixed(5)}, ${lat.toFixed(5)}) is outside China (lng 73.4–135.1, lat 3.8–53.6); are lng and lat swapped?`, 'OUTSIDE_CHINA', { lng, lat });
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

/**
 * The station lifecycle: a new station may start PLANNED; PLANNED → ACTIVE only after a PASSED acceptance
 * inspection (issue 15 §4: stations are applied for, inspected against the 六有 standard and accepted); a station
 * that was in service never goes back to PLANNED. BAD_USER_INPUT on `input.status` otherwise. Every status change
 * goes through updateStation (and so through this check), the one path webhooks listen to.
 */
async function assertStatusChange(em: EntityManager, station: Station, to: StationStatus, isNew: boolean): Promise<void> {
  if (isNew) return;
  if (to === StationStatus.PLANNED) throw new BadInputError('input.status', 'a station that was in service cannot return to PLANNED', 'STATION_BACK_TO_PLANNED');
  if (station.status === StationStatus.PLANNED && to === StationStatus.ACTIVE) {
    const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from station_inspection where station_id = ? and result = 'PASSED'`, [station.id]);
    if (!row.n) throw new BadInputError('input.status', 'a PLANNED station becomes ACTIVE only after a PASSED acceptance inspection (recordStationInspection)', 'STATION_NEEDS_PASSED_INSPECTION');
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
  if (box.south > box.north) throw new BadInputError(`${field}.south`, 'must not be north of `north`', 'BOX_INVERTED');
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
    if (!/^[0-9]{1,6}$/.test(filter.regionCodePrefix)) throw new BadInputError(`${field}.regionCodePrefix`, 'must be 1 to 6 digits', 'REGION_CODE_PREFIX_FORMAT', { max: 6 });
    parts.push('s.region_code like ?');
    params.push(`${filter.regionCodePrefix}%`);
  }
  // Trimmed and limited to 100 characters by its declared text rule (StationFilter.search).
  if (filter.search) {
    const like = containsPattern(filter.search);
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
    // The expression itself, not `= ?`: so the partial index station_needs_review_idx serves `needsReview: true`.
    parts.push(`${filter.needsReview ? '' : 'not '}coalesce((s.provenance->>'needsReview')::boolean, false)`);
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

/**
 * The condition (alias `s`) of the admin list and of its exports: `filter` (BAD_USER_INPUT naming `filter.…`)
 * and, for an OPERATOR, only the stations operated or hosted by `onlyOrganizations` (Access.stationListScope).
 */
export function stationListWhere(filter: StationFilter | undefined | null, onlyOrganizations?: Set<string> | null): Sql {
  const where = stationFilterSql(filter);
  if (onlyOrganizations) {
    // An operator's list: the stations they may edit.
    const ids = pgArray([...onlyOrganizations]);
    where.text = `(${where.text}) and (s.operator_organization_id = any(?::uuid[]) or s.host_organization_id = any(?::uuid[]))`;
    where.params = [...where.params, ids, ids];
  }
  return where;
}

/** One page of the admin list: stations matching `filter`, sorted (ties by id), with the total count. */
export async function listStations(
  em: EntityManager,
  filter: StationFilter | undefined,
  order: StationOrder | undefined,
  limit: number,
  offset: number,
  onlyOrganizations?: Set<string> | null,
): Promise<{ nodes: Station[]; totalCount: number }> {
  const where = stationListWhere(filter, onlyOrganizations);
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
