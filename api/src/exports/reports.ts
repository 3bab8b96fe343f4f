import type { GraphQLSchema } from 'graphql';
import { DateTime } from 'luxon';
import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { Role } from '../auth/user.entity';
import { PERSONAL_DATA } from '../auth/personal-data';
import { BadInputError } from '../common/errors';
import { stationListWhere } from '../stations/station.service';
import type { StationFilter } from '../stations/station.inputs';
import { assignmentConditions, ASSIGNMENT_FROM, pgList } from '../shift-assignments/shift-assignment.service';
import type { ShiftAssignmentFilter } from '../shift-assignments/shift-assignment.inputs';

/** The `shiftAssignments` list's arguments an export takes: its filter (paging and order do not apply). */
interface ShiftAssignmentListArgs {
  filter?: ShiftAssignmentFilter;
}
import { recordableStationsSql } from '../supplies/supply.service';
import { assertCanRecordAt } from '../supplies/supply.service';
import { fieldArguments } from './args';
import { pgArray } from '../common/pagination';
import { zh } from './labels';

/** Rows are read in keyset batches of this many (never offset paging, never the whole table in memory). */
export const BATCH = 500;

export type Cell = string | number | null;

/** One column of a table export: its Chinese header, width in characters (xlsx) and value. */
export interface Column<R> {
  header: string;
  width?: number;
  value(row: R): Cell;
}

/** A table export: who may ask for it, its columns, how its query parameters are read and how rows are streamed. */
export interface TableReport<R = any, A = any> {
  /** URL name: `/exports/<name>.<format>`. */
  name: string;
  /** Chinese title (sheet name, file name). */
  title: string;
  /** The roles of the GraphQL list it exports (its `@Authorized`). */
  roles: Role[];
  columns: Column<R>[];
  /** The list's own arguments from the query string (see fieldArguments); BAD_USER_INPUT names the parameter. */
  parse(schema: GraphQLSchema, query: Record<string, unknown>): A;
  /** Checks the arguments against the viewer's scope (NOT_FOUND naming the field) before anything is sent. */
  prepare?(ctx: Context, args: A): Promise<void>;
  /** Batches of rows in a stable order, read by keyset. */
  rows(ctx: Context, args: A): AsyncGenerator<R[]>;
}

const localTime = (at: Date | string | null | undefined, zone = 'Asia/Shanghai'): string | null =>
  at ? DateTime.fromJSDate(new Date(at), { zone }).toFormat('yyyy-MM-dd HH:mm') : null;

/** A fresh EntityManager per batch, so an export of a million rows keeps no identity map growing. */
const batchEm = (ctx: Context): EntityManager => ctx.rawReader.fork();

// ---- Stations -------------------------------------------------------------------------------------------------

/** A station as the exports read it: WGS-84 coordinates, names of its region and organizations. */
export interface StationRow {
  id: string;
  name: string;
  kind: string;
  status: string;
  address: string | null;
  region_code: string | null;
  region_name: string | null;
  /** Names of the region's prefecture (地级) and province (省级), from the GB/T 2260 code. */
  city_name: string | null;
  province_name: string | null;
  lng: number;
  lat: number;
  opening_hours: string | null;
  amenities: string[];
  phone: string | null;
  capacity: number | null;
  timezone: string;
  operator_id: string | null;
  operator_name: string | null;
  operator_kind: string | null;
  host_id: string | null;
  host_name: string | null;
  host_kind: string | null;
  needs_review: boolean;
  valid_from: string | null;
  valid_until: string | null;
  updated_at: string;
}

/**
 * The `stations` list's rows for `filter`, within the viewer's list scope (Access.stationListScope: an OPERATOR
 * their stations), by name then id, in keyset batches of BATCH.
 */
export async function* stationRows(ctx: Context, filter: StationFilter | undefined): AsyncGenerator<StationRow[]> {
  const where = stationListWhere(filter, await ctx.access.stationListScope());
  let after: [string, string] | null = null;
  for (;;) {
    const keyset: string = after ? 'and (s.name, s.id) > (?, ?::uuid)' : '';
    const sqlText = `select s.id, s.name, s.kind, s.status, s.address, trim(s.region_code) as region_code, r.name as region_name, rc.name as city_name, rp.name as province_name,
              ST_X(s.location::geometry) as lng, ST_Y(s.location::geometry) as lat, s.opening_hours, s.amenities, s.phone,
              s.capacity, s.timezone, op.id as operator_id, op.name as operator_name, op.kind as operator_kind,
              h.id as host_id, h.name as host_name, h.kind as host_kind,
              coalesce((s.provenance->>'needsReview')::boolean, false) as needs_review, s.valid_from, s.valid_until, s.updated_at
         from station s left join region r on r.code = s.region_code
              left join region rc on rc.code = (left(s.region_code, 4) || '00')::char(6) left join region rp on rp.code = (left(s.region_code, 2) || '0000')::char(6)
              left join organization op on op.id = s.operator_organization_id left join organization h on h.id = s.host_organization_id
        where (${where.text}) ${keyset} order by s.name, s.id limit ?`;
    const params = [...where.params, ...(after ?? []), BATCH];
    const rows: StationRow[] = await batchEm(ctx).execute<StationRow[]>(sqlText, params);
    for (const r of rows) {
      r.amenities = pgList(r.amenities as unknown as string[]);
      r.lng = Number(r.lng);
      r.lat = Number(r.lat);
    }
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = [last.name, last.id];
  }
}

export const stationsReport: TableReport<StationRow, { filter?: StationFilter }> = {
  name: 'stations',
  title: '驿站',
  roles: [Role.ADMIN, Role.OPERATOR, Role.COORDINATOR],
  columns: [
    { header: '名称', width: 30, value: (r) => r.name },
    { header: '类型', width: 12, value: (r) => zh('StationKind', r.kind) },
    { header: '状态', width: 10, value: (r) => zh('StationStatus', r.status) },
    { header: '地址', width: 40, value: (r) => r.address },
    { header: '行政区划代码', width: 12, value: (r) => r.region_code },
    { header: '行政区划', width: 12, value: (r) => r.region_name },
    { header: '经度（WGS-84）', width: 14, value: (r) => r.lng },
    { header: '纬度（WGS-84）', width: 14, value: (r) => r.lat },
    { header: '开放时间', width: 24, value: (r) => r.opening_hours },
    { header: '服务设施', width: 40, value: (r) => r.amenities.map((a) => zh('Amenity', a)).join('、') },
    { header: '电话', width: 16, value: (r) => r.phone },
    { header: '容纳人数', width: 10, value: (r) => r.capacity },
    { header: '运营单位', width: 24, value: (r) => r.operator_name },
    { header: '承建单位', width: 24, value: (r) => r.host_name },
    { header: '待核实', width: 8, value: (r) => zh('Boolean', r.needs_review) },
    { header: '更新时间', width: 18, value: (r) => localTime(r.updated_at, r.timezone) },
    { header: 'ID', width: 38, value: (r) => r.id },
  ],
  parse: (schema, query) => fieldArguments(schema, 'stations', query, ['filter']),
  rows: (ctx, args) => stationRows(ctx, args.filter),
};

// ---- Sign-ups and volunteer hours ------------------------------------------------------------------------------

const ASSIGNMENT_ARGS = ['filter'];

/** Which volunteers' phone numbers the viewer sees in full (the personal-data rule of Volunteer.phone). */
async function phonesShown(ctx: Context, volunteers: { id: string; phone?: string | null }[], em: EntityManager): Promise<Map<string, string | null>> {
  const rule = PERSONAL_DATA.find((p) => p.entity === 'Volunteer' && p.field === 'phone')!;
  const full = await rule.inFull(ctx.access, volunteers.map((v) => v.id), em);
  return new Map(volunteers.map((v) => [v.id, rule.shown(ctx.access, v.phone ?? null, full.has(v.id)) as string | null]));
}

interface AssignmentRow {
  id: string;
  seq: string;
  status: string;
  checked_in_at: string | null;
  checked_out_at: string | null;
  hours_credited: string | null;
  starts_at: string;
  ends_at: string;
  role: string;
  station_name: string;
  timezone: string;
  campaign_name: string;
  volunteer_id: string;
  volunteer_name: string;
  phone: string | null;
}

/**
 * The `shiftAssignments` list's rows (its filters and scope: assignmentConditions) in arrival order, by keyset on `seq`; each batch's shift, station, campaign and volunteer in one
 * statement, phones as the personal-data rule shows them to the viewer.
 */
async function* assignmentRows(ctx: Context, args: ShiftAssignmentListArgs): AsyncGenerator<AssignmentRow[]> {
  const where = await assignmentConditions(ctx.em, ctx.access, args.filter);
  let after: string | null = null;
  for (;;) {
    const em = batchEm(ctx);
    const page: { id: string; seq: string }[] = await em.execute<{ id: string; seq: string }[]>(
      `select x.id, x.seq::text as seq from ${ASSIGNMENT_FROM} where ${where.sql}${after ? ' and x.seq > ?::bigint' : ''} order by x.seq limit ?`,
      [...where.params, ...(after ? [after] : []), BATCH],
    );
    if (!page.length) return;
    const rows = await em.execute<AssignmentRow[]>(
      `select a.id, a.seq::text as seq, a.status, a.checked_in_at, a.checked_out_at, a.hours_credited, sh.starts_at, sh.ends_at, sh.role,
              st.name as station_name, st.timezone, c.name as campaign_name, v.id as volunteer_id, v.name as volunteer_name, v.phone
         from shift_assignment a join shift sh on sh.id = a.shift_id join station st on st.id = sh.station_id
              join campaign c on c.id = sh.campaign_id join volunteer v on v.id = a.volunteer_id
        where a.id = any(?::uuid[]) order by a.seq`,
      [pgArray(page.map((p) => p.id))],
    );
    const phones = await phonesShown(ctx, rows.map((r) => ({ id: r.volunteer_id, phone: r.phone })), em);
    for (const r of rows) r.phone = phones.get(r.volunteer_id) ?? null;
    yield rows;
    if (page.length < BATCH) return;
    after = String(page[page.length - 1].seq);
  }
}

export const signUpsReport: TableReport<AssignmentRow, ShiftAssignmentListArgs> = {
  name: 'signups',
  title: '报名',
  roles: [Role.ADMIN, Role.COORDINATOR],
  columns: [
    { header: '活动', width: 20, value: (r) => r.campaign_name },
    { header: '服务点', width: 28, value: (r) => r.station_name },
    { header: '岗位', width: 10, value: (r) => zh('ShiftRole', r.role) },
    { header: '开始', width: 18, value: (r) => localTime(r.starts_at, r.timezone) },
    { header: '结束', width: 18, value: (r) => localTime(r.ends_at, r.timezone) },
    { header: '志愿者', width: 12, value: (r) => r.volunteer_name },
    { header: '手机', width: 14, value: (r) => r.phone },
    { header: '状态', width: 10, value: (r) => zh('AssignmentStatus', r.status) },
    { header: '签到', width: 18, value: (r) => localTime(r.checked_in_at, r.timezone) },
    { header: '签退', width: 18, value: (r) => localTime(r.checked_out_at, r.timezone) },
    { header: '服务时长（小时）', width: 12, value: (r) => (r.hours_credited == null ? null : Number(r.hours_credited)) },
    { header: '报名顺序', width: 10, value: (r) => Number(r.seq) },
  ],
  parse: (schema, query) => fieldArguments(schema, 'shiftAssignments', query, ASSIGNMENT_ARGS) as ShiftAssignmentListArgs,
  prepare: async (ctx, args) => void (await assignmentConditions(ctx.em, ctx.access, args.filter)),
  rows: assignmentRows,
};

interface HoursRow {
  volunteer_id: string;
  name: string;
  phone: string | null;
  shifts: number;
  hours: number;
}

/**
 * Hours credited per volunteer over the `shiftAssignments` list's rows (its filters and scope) that have hours,
 * by volunteer id in keyset batches.
 */
async function* hoursRows(ctx: Context, args: ShiftAssignmentListArgs): AsyncGenerator<HoursRow[]> {
  const where = await assignmentConditions(ctx.em, ctx.access, args.filter);
  let after: string | null = null;
  for (;;) {
    const em = batchEm(ctx);
    const sums: { volunteer_id: string; shifts: string; hours: string }[] = await em.execute<{ volunteer_id: string; shifts: string; hours: string }[]>(
      `select x.volunteer_id, count(*) as shifts, sum(x.hours_credited) as hours from ${ASSIGNMENT_FROM}
        where ${where.sql} and x.hours_credited is not null${after ? ' and x.volunteer_id > ?::uuid' : ''}
        group by x.volunteer_id order by x.volunteer_id limit ?`,
      [...where.params, ...(after ? [after] : []), BATCH],
    );
    const people = await em.execute<{ id: string; name: string; phone: string | null }[]>(`select id, name, phone from volunteer where id = any(?::uuid[])`, [
      pgArray(sums.map((s) => s.volunteer_id)),
    ]);
    const byId = new Map(people.map((v) => [v.id, v]));
    const phones = await phonesShown(ctx, people, em);
    if (sums.length) {
      yield sums.map((s) => ({ volunteer_id: s.volunteer_id, name: byId.get(s.volunteer_id)?.name ?? '', phone: phones.get(s.volunteer_id) ?? null, shifts: Number(s.shifts), hours: Number(s.hours) }));
    }
    if (sums.length < BATCH) return;
    after = sums[sums.length - 1].volunteer_id;
  }
}

export const hoursReport: TableReport<HoursRow, ShiftAssignmentListArgs> = {
  name: 'hours',
  title: '志愿服务时长',
  roles: [Role.ADMIN, Role.COORDINATOR],
  columns: [
    { header: '志愿者', width: 14, value: (r) => r.name },
    { header: '手机', width: 14, value: (r) => r.phone },
    { header: '班次数', width: 10, value: (r) => r.shifts },
    { header: '服务时长（小时）', width: 14, value: (r) => Math.round(r.hours * 100) / 100 },
    { header: '志愿者 ID', width: 38, value: (r) => r.volunteer_id },
  ],
  parse: (schema, query) => fieldArguments(schema, 'shiftAssignments', query, ASSIGNMENT_ARGS) as ShiftAssignmentListArgs,
  prepare: async (ctx, args) => void (await assignmentConditions(ctx.em, ctx.access, args.filter)),
  rows: hoursRows,
};

// ---- People served and supplies ---------------------------------------------------------------------------------

interface DayArgs {
  stationId?: string;
  from: string;
  to: string;
}

function parseDays(schema: GraphQLSchema, fieldName: string, query: Record<string, unknown>): DayArgs {
  const args = fieldArguments(schema, fieldName, query, ['stationId', 'from', 'to'], { optional: ['stationId'] }) as unknown as DayArgs;
  if (args.to < args.from) throw new BadInputError('to', 'must not be before `from`', 'MUST_BE_AFTER', { other: 'from' });
  return args;
}

/** Rows of `table` (alias `l`, with `day` and `id`) at the stations the viewer may read, by keyset on (day, id). */
async function* dayRows<R extends { day: string; id: string }>(ctx: Context, args: DayArgs, select: string, from: string): AsyncGenerator<R[]> {
  const scope = await recordableStationsSql(ctx.access);
  let after: [string, string] | null = null;
  for (;;) {
    const keyset: string = after ? 'and (l.day, l.id) > (?::date, ?::uuid)' : '';
    const rows: R[] = await batchEm(ctx).execute<R[]>(
      `select ${select}, to_char(l.day, 'YYYY-MM-DD') as day, l.id, s.name as station_name, trim(s.region_code) as region_code, r.name as region_name, c.name as campaign_name
         from ${from} join station s on s.id = l.station_id left join region r on r.code = s.region_code left join campaign c on c.id = l.campaign_id
        where (${scope.text}) and l.day between ?::date and ?::date ${args.stationId ? 'and l.station_id = ?' : ''} ${keyset}
        order by l.day, l.id limit ?`,
      [...scope.params, args.from, args.to, ...(args.stationId ? [args.stationId] : []), ...(after ?? []), BATCH],
    );
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = [last.day, last.id];
  }
}

interface DayRow {
  id: string;
  day: string;
  station_name: string;
  region_code: string | null;
  region_name: string | null;
  campaign_name: string | null;
}

const STAFF = [Role.ADMIN, Role.OPERATOR, Role.COORDINATOR];
const prepareStation = async (ctx: Context, args: DayArgs) => (args.stationId ? assertCanRecordAt(ctx, args.stationId) : undefined);
const dayColumns: Column<DayRow>[] = [
  { header: '日期', width: 12, value: (r) => r.day },
  { header: '驿站', width: 28, value: (r) => r.station_name },
  { header: '行政区划代码', width: 12, value: (r) => r.region_code },
  { header: '行政区划', width: 12, value: (r) => r.region_name },
];

export const servedReport: TableReport<DayRow & { people_served: number }, DayArgs> = {
  name: 'served',
  title: '服务人次',
  roles: STAFF,
  columns: [...dayColumns, { header: '服务人次', width: 10, value: (r) => Number(r.people_served) }, { header: '活动', width: 20, value: (r) => r.campaign_name }],
  parse: (schema, query) => parseDays(schema, 'serviceLogs', query),
  prepare: prepareStation,
  rows: (ctx, args) => dayRows(ctx, args, 'l.people_served', 'service_log l'),
};

export const suppliesReport: TableReport<DayRow & { item: string; unit: string; quantity: number }, DayArgs> = {
  name: 'supplies',
  title: '物资发放',
  roles: STAFF,
  columns: [
    ...dayColumns,
    { header: '物资', width: 16, value: (r) => r.item },
    { header: '数量', width: 10, value: (r) => Number(r.quantity) },
    { header: '单位', width: 8, value: (r) => r.unit },
    { header: '活动', width: 20, value: (r) => r.campaign_name },
  ],
  parse: (schema, query) => parseDays(schema, 'supplyTallies', query),
  prepare: prepareStation,
  rows: (ctx, args) =>
    dayRows(ctx, args, 'i.name as item, i.unit, l.quantity', '(select t.*, i.campaign_id from supply_tally t join supply_item i on i.id = t.item_id) l join supply_item i on i.id = l.item_id'),
};

/** Every table export, by URL name. */
export const TABLE_REPORTS: Record<string, TableReport> = Object.fromEntries(
  [stationsReport, signUpsReport, hoursReport, servedReport, suppliesReport].map((r) => [r.name, r as TableReport]),
);
