import { randomUUID } from 'node:crypto';
import { Station } from '../stations/station.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, ConflictError } from '../common/errors';
import { pgArray } from '../common/pagination';
import { assertUuid } from '../common/ids';
import { DateTime } from 'luxon';
import { ReferenceNotFoundError } from '../auth/not-found';
import { currentRequest } from '../common/request-context';
import { Campaign } from '../campaigns/campaign.entity';
import { cancel } from '../shift-assignments/shift-assignment.service';
import { VolunteerSkill } from '../volunteers/volunteer.entity';
import { assertSkills } from '../volunteers/volunteer.service';
import { Shift } from './shift.entity';
import { ShiftFilter, ShiftInput, ShiftOrder, ShiftOrderField, ShiftPatternInput } from './shift.inputs';
import { CampaignFillRate, HoursTotal, PlannedShift, PointCoverage, ShiftFill, ShiftPlan } from './shift.types';
import type { Access } from '../auth/access';
import { assertInterval, Conditions, idParam, idsParam, listPage } from '../common/list-query';
import { SortDirection } from '../common/pagination';

const SHIFT_ORDER: Record<ShiftOrderField, string> = { STARTS_AT: 'x.starts_at', ENDS_AT: 'x.ends_at', CREATED_AT: 'x.created_at', UPDATED_AT: 'x.updated_at' };

/**
 * The shift list: the shifts of the campaigns in the viewer's scope (ADMIN all, a COORDINATOR those of their
 * campaigns) matching `filter`, sorted by `order` (default start ascending) then id. BAD_USER_INPUT names the
 * filter field at fault (`filter.ids[2]`, `filter.campaignId`, `filter.from` after `filter.to`).
 */
export async function listShifts(
  em: EntityManager,
  access: Access,
  filter: ShiftFilter | undefined,
  order: ShiftOrder | undefined,
  page: { limit: number; offset: number },
): Promise<{ nodes: Shift[]; totalCount: number }> {
  const where = new Conditions();
  const ids = idsParam(filter?.ids, 'filter.ids');
  const campaignId = idParam(filter?.campaignId, 'filter.campaignId');
  const stationId = idParam(filter?.stationId, 'filter.stationId');
  assertInterval(filter?.from, filter?.to, 'filter.from');
  const scope = await access.campaignIds(em);
  if (scope !== null) where.add('x.campaign_id = any(?::uuid[])', pgArray(scope));
  if (ids) where.add('x.id = any(?::uuid[])', ids);
  if (campaignId) where.add('x.campaign_id = ?', campaignId);
  if (stationId) where.add('x.station_id = ?', stationId);
  if (filter?.from) where.add('x.ends_at > ?', filter.from);
  if (filter?.to) where.add('x.starts_at < ?', filter.to);
  const field = order?.field ?? ShiftOrderField.STARTS_AT;
  return listPage(em, Shift, 'shift x', where, SHIFT_ORDER[field], order?.direction ?? SortDirection.ASC, page);
}

/** Arguments of SHIFT_OUTSIDE_CAMPAIGN: the shift's and the campaign's instants (ISO, UTC) and the campaign's zone. */
function windowArgs(c: Campaign, startsAt: Date, endsAt: Date) {
  return { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), campaignStartsAt: c.startsAt.toISOString(), campaignEndsAt: c.endsAt.toISOString(), timeZone: c.timezone };
}

export async function assertShiftInCampaign(em: EntityManager, s: Shift): Promise<void> {
  const c = await em.findOneOrFail(Campaign, s.campaign.id);
  if (s.startsAt < c.startsAt || s.endsAt > c.endsAt) throw new BadInputError('input.startsAt', 'the shift must lie inside the campaign window', 'SHIFT_OUTSIDE_CAMPAIGN', windowArgs(c, s.startsAt, s.endsAt));
  if (s.endsAt <= s.startsAt) throw new BadInputError('input.endsAt', 'must be after startsAt', 'MUST_BE_AFTER', { other: 'startsAt' });
  if (s.endsAt.getTime() - s.startsAt.getTime() > 24 * 3_600_000) throw new BadInputError('input.endsAt', 'a shift lasts at most 24 hours', 'SHIFT_TOO_LONG', { hours: 24 });
  if (s.minVolunteers > s.maxVolunteers) throw new BadInputError('input.minVolunteers', 'must not exceed maxVolunteers', 'MIN_ABOVE_MAX');
  if (s.maxVolunteers < s.filledCount) throw new BadInputError('input.maxVolunteers', `${s.filledCount} volunteers already hold places`, 'CAPACITY_BELOW_FILLED', { filled: s.filledCount });
}

/** Creates or changes one shift; its station must be one of the campaign's points. */
export async function saveShift(em: EntityManager, shift: Shift | null, input: ShiftInput): Promise<Shift> {
  const s = shift ?? new Shift();
  if (!shift) {
    for (const f of ['campaignId', 'stationId', 'startsAt', 'endsAt', 'maxVolunteers'] as const) if (input[f] == null) throw new BadInputError(`input.${f}`, 'is required', 'REQUIRED');
    s.campaign = em.getReference(Campaign, input.campaignId!, { wrapped: true });
  }
  if (input.stationId) {
    assertUuid(input.stationId, 'input.stationId');
    const [linked] = await em.execute<{ n: number }[]>(`select count(*)::int as n from campaign_stations where campaign_id = ? and station_id = ?`, [s.campaign.id, input.stationId]);
    if (!linked.n) throw new BadInputError('input.stationId', 'is not one of the campaign\'s service points', 'NOT_A_SERVICE_POINT');
    s.station = em.getReference(Station, input.stationId, { wrapped: true });
  }
  if (shift && (input.startsAt || input.endsAt) && shift.filledCount + shift.waitlistCount > 0) {
    throw new ConflictError('volunteers are signed up: cancel them before moving the shift', {}, 'SHIFT_HAS_SIGN_UPS', { action: 'move' });
  }
  if (input.startsAt) s.startsAt = input.startsAt;
  if (input.endsAt) s.endsAt = input.endsAt;
  if (input.role) s.role = input.role.trim();
  if (input.maxVolunteers != null) s.maxVolunteers = input.maxVolunteers;
  if (input.minVolunteers != null) s.minVolunteers = input.minVolunteers;
  else if (!shift) s.minVolunteers = Math.min(1, s.maxVolunteers);
  if (input.requiredSkills) {
    assertSkills(input.requiredSkills, 'input.requiredSkills');
    s.requiredSkills = [...new Set(input.requiredSkills)];
  }
  if (input.notes !== undefined) s.notes = input.notes?.trim() || null;
  await assertShiftInCampaign(em, s);
  em.persist(s);
  await em.flush();
  return s;
}

/** Deletes a shift nobody holds or waits for (CONFLICT otherwise). */
export async function deleteShift(em: EntityManager, shift: Shift): Promise<Shift> {
  const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from shift_assignment where shift_id = ?`, [shift.id]);
  if (row.n) throw new ConflictError('the shift has sign-ups (also cancelled ones are kept for history); set its capacity or cancel them instead', {}, 'SHIFT_HAS_SIGN_UPS', { action: 'delete' });
  await em.remove(shift).flush();
  return shift;
}

/**
 * Expands a pattern ("every day from June 2 to June 14 at these three points: 08:00–20:00 needs 4, 20:00–08:00
 * needs 2") into shifts, reading dates and times in the campaign's time zone (so 08:00 is 08:00 local also across
 * a DST change), an end at or before the start meaning the next day. With `save`, creates the missing ones in one
 * statement (`on conflict do nothing` on campaign + station + start + role), so running it twice creates nothing
 * the second time. A shift already at the same point with the same start and end counts as existing whatever its
 * role (so a pattern whose role differs from the seeded 白班/夜班 does not double the schedule). Refuses slots outside the campaign window, stations not linked to it, and more than 5000 shifts.
 */
export async function planShifts(em: EntityManager, input: ShiftPatternInput, save: boolean): Promise<ShiftPlan> {
  assertUuid(input.campaignId, 'input.campaignId');
  const campaign = await em.findOne(Campaign, input.campaignId);
  if (!campaign) throw new ReferenceNotFoundError('Campaign', input.campaignId, 'input.campaignId');
  const zone = campaign.timezone;
  const from = DateTime.fromISO(input.fromDate, { zone });
  const to = DateTime.fromISO(input.toDate, { zone });
  if (!from.isValid) throw new BadInputError('input.fromDate', 'is not a date', 'NOT_A_DATE');
  if (!to.isValid) throw new BadInputError('input.toDate', 'is not a date', 'NOT_A_DATE');
  if (to < from) throw new BadInputError('input.toDate', 'must not be before fromDate', 'MUST_BE_AFTER', { other: 'fromDate' });
  if (to.diff(from, 'days').days > 366) throw new BadInputError('input.toDate', 'at most a year of days', 'TOO_MANY', { max: 366 });
  // 1–50 stations and 1–12 slots: the input's @ListRule.
  input.stationIds.forEach((id, i) => assertUuid(id, `input.stationIds[${i}]`));
  const linked = await em.execute<{ station_id: string }[]>(`select station_id from campaign_stations where campaign_id = ? and station_id = any(?::uuid[])`, [campaign.id, pgArray(input.stationIds)]);
  const notLinked = input.stationIds.find((id) => !linked.some((l) => l.station_id === id));
  if (notLinked) throw new BadInputError('input.stationIds', `station ${notLinked} is not one of the campaign's service points`, 'NOT_A_SERVICE_POINT', { id: notLinked });
  input.slots.forEach((slot, i) => assertSkills(slot.requiredSkills, `input.slots[${i}].requiredSkills`));

  const shifts: PlannedShift[] = [];
  for (let day = from; day <= to; day = day.plus({ days: 1 })) {
    for (const [i, slot] of input.slots.entries()) {
      const [sh, sm] = slot.start.split(':').map(Number);
      const [eh, em_] = slot.end.split(':').map(Number);
      const startsAt = day.set({ hour: sh, minute: sm, second: 0, millisecond: 0 });
      let endsAt = eh === 24 ? day.plus({ days: 1 }).startOf('day').plus({ minutes: em_ }) : day.set({ hour: eh, minute: em_, second: 0, millisecond: 0 });
      if (endsAt <= startsAt) endsAt = endsAt.plus({ days: 1 });
      const s = startsAt.toJSDate();
      const e = endsAt.toJSDate();
      if (s < campaign.startsAt || e > campaign.endsAt) {
        throw new BadInputError(`input.slots[${i}]`, `the ${day.toISODate()} ${slot.start}–${slot.end} shift falls outside the campaign window`, 'SHIFT_OUTSIDE_CAMPAIGN', windowArgs(campaign, s, e));
      }
      for (const stationId of input.stationIds) {
        shifts.push({
          stationId,
          startsAt: s,
          endsAt: e,
          role: slot.role?.trim() || 'VOLUNTEER',
          maxVolunteers: slot.maxVolunteers,
          minVolunteers: Math.min(slot.minVolunteers ?? slot.maxVolunteers, slot.maxVolunteers),
          requiredSkills: [...new Set(slot.requiredSkills ?? [])],
          existing: false,
        });
      }
    }
  }
  if (shifts.length > 5000) throw new BadInputError('input', `the pattern makes ${shifts.length} shifts; at most 5000 at a time`, 'PLAN_TOO_LARGE', { count: shifts.length, max: 5000 });
  const existing = await em.execute<{ station_id: string; starts_at: Date; ends_at: Date }[]>(
    `select station_id, starts_at, ends_at from shift where campaign_id = ? and station_id = any(?::uuid[]) and starts_at between ? and ?`,
    [campaign.id, pgArray(input.stationIds), shifts[0].startsAt, shifts.at(-1)!.startsAt],
  );
  // Same point and time, whatever the role; two slots of one pattern at the same time are one shift too.
  const key = (station: string, from: Date, to: Date) => `${station}|${new Date(from).getTime()}|${new Date(to).getTime()}`;
  const have = new Set(existing.map((r) => key(r.station_id, r.starts_at, r.ends_at)));
  for (const s of shifts) {
    const k = key(s.stationId, s.startsAt, s.endsAt);
    s.existing = have.has(k);
    have.add(k);
  }
  let created = 0;
  if (save) {
    const fresh = shifts.filter((s) => !s.existing);
    for (let i = 0; i < fresh.length; i += 500) {
      const batch = fresh.slice(i, i + 500);
      // One statement per batch: insert what is missing and write its audit rows (raw SQL bypasses the ORM's hook).
      const req = currentRequest();
      const rows = await em.execute<{ entity_id: string }[]>(
        `with ins as (
           insert into shift (id, campaign_id, station_id, starts_at, ends_at, role, min_volunteers, max_volunteers, required_skills, created_at, updated_at)
           select u.id, u.c, u.s, u.a, u.b, u.r, u.mi, u.ma, coalesce(string_to_array(nullif(u.sk, ''), ','), '{}'), now(), now()
             from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::int[], ?::int[], ?::text[]) as u(id, c, s, a, b, r, mi, ma, sk)
           on conflict on constraint shift_slot_key do nothing
           returning id, campaign_id, station_id, starts_at, ends_at, role, min_volunteers, max_volunteers, required_skills)
         insert into audit_event (actor_kind, actor_id, actor_label, operation, action, entity_type, entity_id, changes, request_id, ip)
         select ?, ?, ?, ?, 'CREATE', 'Shift', ins.id::text,
                (select jsonb_agg(jsonb_build_object('field', k, 'before', null, 'after', v)) from jsonb_each(to_jsonb(ins) - 'id') as e(k, v)), ?, ?
           from ins
         returning entity_id`,
        [
          ...pgColumns(batch.map((s) => [randomUUID(), campaign.id, s.stationId, s.startsAt.toISOString(), s.endsAt.toISOString(), s.role, s.minVolunteers, s.maxVolunteers, s.requiredSkills.join(',')])),
          req.actor.kind,
          req.actor.id,
          req.actor.label,
          req.operation ?? 'planShifts',
          req.requestId,
          req.ip,
        ],
      );
      created += rows.length;
    }
  }
  return { shifts, created };
}

/** Transposes rows into PostgreSQL array literals, one per column, for `unnest(?::type[], …)`. */
export function pgColumns(rows: (string | number)[][]): string[] {
  return rows.length ? rows[0].map((_, c) => pgArray(rows.map((r) => r[c]))) : [];
}

/** A shift is a night shift when it crosses local midnight or starts at 18:00 or later, in the campaign's zone. */
export function isNightShift(startsAt: Date, endsAt: Date, zone: string): boolean {
  const s = DateTime.fromJSDate(startsAt, { zone });
  const e = DateTime.fromJSDate(endsAt, { zone }).minus({ milliseconds: 1 });
  return s.hour >= 18 || s.hour < 6 || s.toISODate() !== e.toISODate();
}

/**
 * Every shift of a campaign with filled/capacity (understaffed, filled < min, first; then by fill ratio and start),
 * per-point coverage by local day, and the totals. NOT_FOUND on `campaignId` when there is no such campaign (the
 * caller's scope is checked by the resolver).
 */
export async function fillRate(em: EntityManager, campaignId: string): Promise<CampaignFillRate> {
  assertUuid(campaignId, 'campaignId');
  const campaign = await em.findOne(Campaign, campaignId);
  if (!campaign) throw new ReferenceNotFoundError('Campaign', campaignId, 'campaignId');
  const shifts = await em.find(Shift, { campaign: campaignId }, { orderBy: { startsAt: 'asc', id: 'asc' }, populate: ['station'] });
  const rows: ShiftFill[] = shifts.map((s) => ({
    shift: s,
    stationName: s.station.getEntity().name,
    filled: s.filledCount,
    capacity: s.maxVolunteers,
    minimum: s.minVolunteers,
    isNight: isNightShift(s.startsAt, s.endsAt, campaign.timezone),
    understaffed: s.filledCount < s.minVolunteers,
  }));
  rows.sort((a, b) => Number(b.understaffed) - Number(a.understaffed) || a.shift.filledCount / a.shift.maxVolunteers - b.shift.filledCount / b.shift.maxVolunteers || a.shift.startsAt.getTime() - b.shift.startsAt.getTime());
  return {
    shifts: rows,
    coverage: coverage(rows, campaign.timezone),
    totalFilled: rows.reduce((n, r) => n + r.filled, 0),
    totalCapacity: rows.reduce((n, r) => n + r.capacity, 0),
  };
}

/** Per service point and local day (the day a shift starts, in the campaign zone): places filled and offered. */
export function coverage(rows: ShiftFill[], zone: string): PointCoverage[] {
  const by = new Map<string, PointCoverage>();
  for (const r of rows) {
    const date = DateTime.fromJSDate(r.shift.startsAt, { zone }).toISODate()!;
    const k = `${r.shift.station.id}|${date}`;
    const c = by.get(k) ?? { stationId: r.shift.station.id, stationName: r.stationName, date, shifts: 0, filled: 0, capacity: 0, minimum: 0, understaffedShifts: 0 };
    c.shifts++;
    c.filled += r.shift.filledCount;
    c.capacity += r.shift.maxVolunteers;
    c.minimum += r.shift.minVolunteers;
    c.understaffedShifts += Number(r.understaffed);
    by.set(k, c);
  }
  return [...by.values()].sort((a, b) => a.date.localeCompare(b.date) || a.stationName.localeCompare(b.stationName));
}

/**
 * Hours credited (completed assignments), most first, per volunteer (the 优秀志愿者 recognition list) or per team
 * (summing its members), optionally within one campaign, for the members of one team, or within `teamIds`
 * (a coordinator's teams; null = all).
 */
export async function hoursTotals(
  em: EntityManager,
  per: 'volunteer' | 'team',
  opts: { campaignId?: string | null; teamId?: string | null; teamIds?: string[] | null; limit?: number },
): Promise<HoursTotal[]> {
  const cond = [`a.status = 'COMPLETED'`];
  const params: unknown[] = [];
  if (opts.campaignId) {
    assertUuid(opts.campaignId, 'campaignId');
    cond.push('s.campaign_id = ?');
    params.push(opts.campaignId);
  }
  if (opts.teamId) {
    assertUuid(opts.teamId, 'teamId');
    cond.push('m.volunteer_team_id = ?');
    params.push(opts.teamId);
  }
  if (opts.teamIds) {
    cond.push('m.volunteer_team_id = any(?::uuid[])');
    params.push(pgArray(opts.teamIds));
  }
  const filterByTeam = per === 'team' || opts.teamId || opts.teamIds;
  const [key, from] =
    per === 'team'
      ? ['t', 'volunteer_team t join volunteer_team_members m on m.volunteer_team_id = t.id join shift_assignment a on a.volunteer_id = m.volunteer_id']
      : ['v', `volunteer v join shift_assignment a on a.volunteer_id = v.id${filterByTeam ? ' join volunteer_team_members m on m.volunteer_id = v.id' : ''}`];
  // A volunteer in two of the listed teams must count once: sum over distinct assignments.
  const rows = await em.execute<{ id: string; name: string; hours: string; n: number }[]>(
    `select id, name, coalesce(sum(hours), 0) as hours, count(*)::int as n from (
       select distinct ${key}.id, ${key}.name, a.id as assignment_id, a.hours_credited as hours
         from ${from} join shift s on s.id = a.shift_id where ${cond.join(' and ')}) x
      group by id, name order by hours desc, name limit ?`,
    [...params, opts.limit ?? 1000],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, hours: Number(r.hours), completedShifts: r.n }));
}

// ---- Supplies and people served -------------------------------------------------------------------------------
