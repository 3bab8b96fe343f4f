import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { BadInputError, ConflictError } from '../common/errors';
import { ForbiddenError } from '../auth/access';
import { ReferenceNotFoundError } from '../auth/not-found';
import { assertValidTimezone, parseOpeningHours } from '../common/opening-hours';
import { Organization } from '../organizations/organization.entity';
import { assertRegionExists } from '../regions/region.service';
import { Station } from '../stations/station.entity';
import { StationKind } from '../stations/station.enums';
import { createStation } from '../stations/station.service';
import { assertUuid } from '../common/ids';
import { pgArray } from '../common/pagination';
import { ACTIVE_STATUSES, CampaignStatus, VolunteerSkill } from './scheduling.enums';
import { Campaign, Shift, ShiftAssignment, SupplyItem, SupplyTally, ServiceLog, Volunteer, VolunteerTeam } from './scheduling.entities';
import type { CampaignInput, ServicePointInput, ShiftInput, ShiftPatternInput, VolunteerInput, VolunteerTeamInput } from './scheduling.inputs';
import type { Access } from '../auth/access';
import { currentRequest } from '../common/request-context';
import { signUp } from './assignment.service';

const SKILLS = new Set<string>(Object.values(VolunteerSkill));


function assertSkills(skills: string[] | undefined, field: string): void {
  const bad = skills?.find((s) => !SKILLS.has(s));
  if (bad) throw new BadInputError(field, `unknown skill ${bad}`);
}

// ---- Teams ----------------------------------------------------------------------------------------------------

/**
 * Creates or changes a team. Every id in the input is checked by the access policy first (NOT_FOUND naming the
 * field): the organization must be in the viewer's scope, members and leader volunteers they coordinate.
 */
export async function saveTeam(em: EntityManager, access: Access, team: VolunteerTeam | null, input: VolunteerTeamInput): Promise<VolunteerTeam> {
  const t = team ?? new VolunteerTeam();
  if (!team) {
    if (!input.name?.trim()) throw new BadInputError('input.name', 'is required');
    if (!input.kind) throw new BadInputError('input.kind', 'is required');
    if (!input.organizationId) throw new BadInputError('input.organizationId', 'is required');
  }
  await access.require('Organization', input.organizationId, 'input.organizationId', em);
  await access.require('Volunteer', input.memberIds, 'input.memberIds', em);
  await access.require('Volunteer', input.leaderId, 'input.leaderId', em);
  if (input.name !== undefined) {
    if (!input.name?.trim()) throw new BadInputError('input.name', 'must not be empty');
    t.name = input.name.trim();
  }
  if (input.kind) t.kind = input.kind;
  if (input.organizationId) t.organization = em.getReference(Organization, input.organizationId, { wrapped: true });
  if (input.contact !== undefined) t.contact = input.contact?.trim() || null;
  if (input.regionCode !== undefined) {
    if (input.regionCode) await assertRegionExists(em, input.regionCode, 'input.regionCode');
    t.regionCode = input.regionCode || null;
  }
  if (input.memberIds) t.members.set(await em.find(Volunteer, { id: { $in: [...new Set(input.memberIds)] } }));
  if (input.leaderId !== undefined) {
    if (input.leaderId) {
      if (!t.members.isInitialized()) await t.members.init();
      if (!t.members.getItems().some((m) => m.id === input.leaderId)) throw new BadInputError('input.leaderId', 'the leader must be a member of the team');
      t.leader = em.getReference(Volunteer, input.leaderId, { wrapped: true });
    } else t.leader = null;
  }
  em.persist(t);
  await em.flush();
  return t;
}

// ---- Volunteers -----------------------------------------------------------------------------------------------

/** Creates or changes a volunteer. A COORDINATOR may only add them to teams they coordinate (NOT_FOUND on input.teamIds otherwise). */
export async function saveVolunteer(em: EntityManager, access: Access, vol: Volunteer | null, input: VolunteerInput): Promise<Volunteer> {
  const v = vol ?? new Volunteer();
  if (!vol && !input.name?.trim()) throw new BadInputError('input.name', 'is required');
  await access.require('VolunteerTeam', input.teamIds, 'input.teamIds', em);
  if (!vol && !access.isAdmin && !input.teamIds?.length) throw new BadInputError('input.teamIds', 'name at least one of your teams');
  if (input.name !== undefined) {
    if (!input.name?.trim()) throw new BadInputError('input.name', 'must not be empty');
    v.name = input.name.trim();
  }
  if (input.phone !== undefined) v.phone = input.phone?.trim() || null;
  if (input.skills) {
    assertSkills(input.skills, 'input.skills');
    v.skills = [...new Set(input.skills)];
  }
  if (input.isModelWorker != null) v.isModelWorker = input.isModelWorker;
  em.persist(v);
  if (input.teamIds?.length) {
    const teams = await em.find(VolunteerTeam, { id: { $in: [...new Set(input.teamIds)] } });
    for (const t of teams) {
      await t.members.init();
      if (!t.members.contains(v)) t.members.add(v);
    }
  }
  await em.flush();
  return v;
}

// ---- Campaigns ------------------------------------------------------------------------------------------------

/** Ids in `next` that are not in `current`: the references an input adds. */
function added(next: readonly string[], current: readonly string[]): string[] {
  return next.filter((id) => !current.includes(id));
}

/**
 * Creates or changes a campaign: window (end after start), time zone, region, organizers, teams, stations.
 * Only its organizers change a campaign (a COORDINATOR whose team was only invited gets FORBIDDEN). Every
 * organization, team and station the input adds must be in the viewer's scope (NOT_FOUND naming the field), and a
 * COORDINATOR can neither drop an organizer outside their scope nor leave the campaign without one of theirs.
 */
export async function saveCampaign(em: EntityManager, access: Access, campaign: Campaign | null, input: CampaignInput): Promise<Campaign> {
  const c = campaign ?? new Campaign();
  if (!campaign) {
    for (const f of ['name', 'kind', 'startsAt', 'endsAt'] as const) if (input[f] == null) throw new BadInputError(`input.${f}`, 'is required');
  } else if (!(await access.organizesCampaign(campaign.id, em))) {
    access.logDenied('organizer', { entity: 'Campaign', id: campaign.id });
    throw new ForbiddenError('Only the campaign\'s organizers may change it');
  }
  const [orgsNow, teamsNow, stationsNow] = campaign
    ? await Promise.all([c.organizations.loadItems(), c.teams.loadItems(), c.stations.loadItems()]).then((l) => l.map((items) => items.map((x) => x.id)))
    : [[], [], []];
  if (input.organizationIds) await access.require('Organization', added(input.organizationIds, orgsNow), 'input.organizationIds', em);
  if (input.teamIds) await access.require('VolunteerTeam', added(input.teamIds, teamsNow), 'input.teamIds', em);
  if (input.stationIds) await access.require('Station', added(input.stationIds, stationsNow), 'input.stationIds', em);
  if (!access.isAdmin) {
    const mine = await access.organizationScope(em);
    const next = input.organizationIds ?? orgsNow;
    if (!next.some((id) => mine.has(id))) throw new BadInputError('input.organizationIds', 'include at least one of your organizations');
    const dropped = orgsNow.find((id) => !mine.has(id) && !next.includes(id));
    if (dropped) throw new BadInputError('input.organizationIds', `organization ${dropped} organizes the campaign too and is not yours to remove`);
  }
  if (input.name !== undefined) {
    if (!input.name?.trim()) throw new BadInputError('input.name', 'must not be empty');
    c.name = input.name.trim();
  }
  if (input.kind) c.kind = input.kind;
  if (input.startsAt) c.startsAt = input.startsAt;
  if (input.endsAt) c.endsAt = input.endsAt;
  if (c.endsAt <= c.startsAt) throw new BadInputError('input.endsAt', 'must be after startsAt');
  if (c.endsAt.getTime() - c.startsAt.getTime() > 366 * 86_400_000) throw new BadInputError('input.endsAt', 'a campaign lasts at most a year');
  if (input.timezone) {
    assertValidTimezone(input.timezone, 'input.timezone');
    c.timezone = input.timezone;
  }
  if (input.regionCode !== undefined) {
    if (input.regionCode) await assertRegionExists(em, input.regionCode, 'input.regionCode');
    c.regionCode = input.regionCode || null;
  }
  if (input.status) c.status = input.status;
  if (input.goals) c.goals = input.goals.map((g) => ({ name: g.name.trim(), unit: g.unit.trim(), target: g.target }));
  if (input.description !== undefined) c.description = input.description?.trim() || null;
  const byIds = async <T extends object>(cls: new () => T, ids: string[]) => em.find(cls, { id: { $in: [...new Set(ids)] } } as never);
  if (input.organizationIds) c.organizations.set(await byIds(Organization, input.organizationIds));
  if (input.teamIds) c.teams.set(await byIds(VolunteerTeam, input.teamIds));
  if (input.stationIds) c.stations.set(await byIds(Station, input.stationIds));
  em.persist(c);
  await em.flush();
  return c;
}

/** Creates a temporary SERVICE_POINT station for a campaign (valid during its window unless given) and links it. */
export async function addServicePoint(em: EntityManager, campaign: Campaign, input: ServicePointInput): Promise<Station> {
  const openingHours = input.openingHours?.trim() || '24/7';
  parseOpeningHours(openingHours, 'input.openingHours');
  const orgs = await campaign.organizations.loadItems();
  const provenance = {
    source: `campaign:${campaign.name}`,
    sourceDatum: input.location.crs ?? 'WGS84',
    verifiedFields: [],
    inferredFields: input.approximateNote ? ['location'] : [],
    notes: input.approximateNote ? [`location approximate: ${input.approximateNote}`] : [],
    needsReview: Boolean(input.approximateNote),
  };
  const station = await createStation(
    em,
    {
      kind: StationKind.SERVICE_POINT,
      name: input.name,
      address: input.address,
      location: input.location,
      amenities: input.amenities,
      openingHours,
      operatorOrganizationId: orgs[0]?.id ?? null,
      validFrom: input.validFrom ?? campaign.startsAt,
      validUntil: input.validUntil ?? campaign.endsAt,
    } as never,
    provenance as never,
  );
  campaign.stations.add(station);
  await em.flush();
  return station;
}

// ---- Shifts ---------------------------------------------------------------------------------------------------

async function assertShiftInCampaign(em: EntityManager, s: Shift): Promise<void> {
  const c = await em.findOneOrFail(Campaign, s.campaign.id);
  if (s.startsAt < c.startsAt || s.endsAt > c.endsAt) throw new BadInputError('input.startsAt', 'the shift must lie inside the campaign window');
  if (s.endsAt <= s.startsAt) throw new BadInputError('input.endsAt', 'must be after startsAt');
  if (s.endsAt.getTime() - s.startsAt.getTime() > 24 * 3_600_000) throw new BadInputError('input.endsAt', 'a shift lasts at most 24 hours');
  if (s.minVolunteers > s.maxVolunteers) throw new BadInputError('input.minVolunteers', 'must not exceed maxVolunteers');
  if (s.maxVolunteers < s.filledCount) throw new BadInputError('input.maxVolunteers', `${s.filledCount} volunteers already hold places`);
}

/** Creates or changes one shift; its station must be one of the campaign's points. */
export async function saveShift(em: EntityManager, shift: Shift | null, input: ShiftInput): Promise<Shift> {
  const s = shift ?? new Shift();
  if (!shift) {
    for (const f of ['campaignId', 'stationId', 'startsAt', 'endsAt', 'maxVolunteers'] as const) if (input[f] == null) throw new BadInputError(`input.${f}`, 'is required');
    s.campaign = em.getReference(Campaign, input.campaignId!, { wrapped: true });
  }
  if (input.stationId) {
    assertUuid(input.stationId, 'input.stationId');
    const [linked] = await em.execute<{ n: number }[]>(`select count(*)::int as n from campaign_stations where campaign_id = ? and station_id = ?`, [s.campaign.id, input.stationId]);
    if (!linked.n) throw new BadInputError('input.stationId', 'is not one of the campaign\'s service points');
    s.station = em.getReference(Station, input.stationId, { wrapped: true });
  }
  if (shift && (input.startsAt || input.endsAt) && shift.filledCount + shift.waitlistCount > 0) {
    throw new ConflictError('volunteers are signed up: cancel them before moving the shift');
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
  if (row.n) throw new ConflictError('the shift has sign-ups (also cancelled ones are kept for history); set its capacity or cancel them instead');
  await em.remove(shift).flush();
  return shift;
}

/** One shift a pattern would create (or has created). */
export interface PlannedShift {
  stationId: string;
  startsAt: Date;
  endsAt: Date;
  role: string;
  minVolunteers: number;
  maxVolunteers: number;
  requiredSkills: VolunteerSkill[];
  existing: boolean;
}

/**
 * Expands a pattern ("every day from June 2 to June 14 at these three points: 08:00–20:00 needs 4, 20:00–08:00
 * needs 2") into shifts, reading dates and times in the campaign's time zone (so 08:00 is 08:00 local also across
 * a DST change), an end at or before the start meaning the next day. With `save`, creates the missing ones in one
 * statement (`on conflict do nothing` on campaign + station + start + role), so running it twice creates nothing
 * the second time. Refuses slots outside the campaign window, stations not linked to it, and more than 5000 shifts.
 */
export async function planShifts(em: EntityManager, input: ShiftPatternInput, save: boolean): Promise<{ shifts: PlannedShift[]; created: number }> {
  assertUuid(input.campaignId, 'input.campaignId');
  const campaign = await em.findOne(Campaign, input.campaignId);
  if (!campaign) throw new ReferenceNotFoundError('Campaign', input.campaignId, 'input.campaignId');
  const zone = campaign.timezone;
  const from = DateTime.fromISO(input.fromDate, { zone });
  const to = DateTime.fromISO(input.toDate, { zone });
  if (!from.isValid) throw new BadInputError('input.fromDate', 'is not a date');
  if (!to.isValid) throw new BadInputError('input.toDate', 'is not a date');
  if (to < from) throw new BadInputError('input.toDate', 'must not be before fromDate');
  if (to.diff(from, 'days').days > 366) throw new BadInputError('input.toDate', 'at most a year of days');
  if (!input.stationIds.length) throw new BadInputError('input.stationIds', 'name at least one station');
  if (!input.slots.length) throw new BadInputError('input.slots', 'name at least one slot');
  input.stationIds.forEach((id, i) => assertUuid(id, `input.stationIds[${i}]`));
  const linked = await em.execute<{ station_id: string }[]>(`select station_id from campaign_stations where campaign_id = ? and station_id = any(?::uuid[])`, [campaign.id, pgArray(input.stationIds)]);
  const notLinked = input.stationIds.find((id) => !linked.some((l) => l.station_id === id));
  if (notLinked) throw new BadInputError('input.stationIds', `station ${notLinked} is not one of the campaign's service points`);
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
        throw new BadInputError(`input.slots[${i}]`, `the ${day.toISODate()} ${slot.start}–${slot.end} shift falls outside the campaign window`);
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
  if (shifts.length > 5000) throw new BadInputError('input', `the pattern makes ${shifts.length} shifts; at most 5000 at a time`);
  const existing = await em.execute<{ station_id: string; starts_at: Date; role: string }[]>(
    `select station_id, starts_at, role from shift where campaign_id = ? and station_id = any(?::uuid[]) and starts_at between ? and ?`,
    [campaign.id, pgArray(input.stationIds), shifts[0].startsAt, shifts.at(-1)!.startsAt],
  );
  const key = (station: string, at: Date, role: string) => `${station}|${at.getTime()}|${role}`;
  const have = new Set(existing.map((r) => key(r.station_id, new Date(r.starts_at), r.role)));
  for (const s of shifts) s.existing = have.has(key(s.stationId, s.startsAt, s.role));
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
function pgColumns(rows: (string | number)[][]): string[] {
  return rows.length ? rows[0].map((_, c) => pgArray(rows.map((r) => r[c]))) : [];
}

/** A sign-up that could not be made, with the reason. */
export interface AssignmentConflict {
  shiftId: string;
  volunteerId: string;
  reason: string;
}

/**
 * Signs every member of a team up for every shift in `shiftIds`, all or nothing: in one transaction, each
 * sign-up follows the rules of signUp without a waitlist; if any fails (full shift, overlap, missing skills,
 * closed campaign), everything is rolled back and the conflicts are reported. `dryRun` reports without saving.
 */
export async function assignTeam(em: EntityManager, teamId: string, shiftIds: string[], dryRun: boolean): Promise<{ ok: boolean; assignments: ShiftAssignment[]; conflicts: AssignmentConflict[] }> {
  assertUuid(teamId, 'teamId');
  if (!shiftIds.length) throw new BadInputError('shiftIds', 'name at least one shift');
  if (shiftIds.length > 200) throw new BadInputError('shiftIds', 'at most 200 shifts at a time');
  shiftIds.forEach((id, i) => assertUuid(id, `shiftIds[${i}]`));
  const team = await em.findOne(VolunteerTeam, teamId, { populate: ['members'] });
  if (!team) throw new ReferenceNotFoundError('VolunteerTeam', teamId, 'teamId');
  const members = team.members.getItems();
  if (!members.length) throw new BadInputError('teamId', 'the team has no members');
  const conflicts: AssignmentConflict[] = [];
  const assignments: ShiftAssignment[] = [];
  class Rollback extends Error {}
  try {
    await em.transactional(async (tx) => {
      const t = tx as EntityManager;
      for (const shiftId of shiftIds) {
        for (const v of members) {
          try {
            // A savepoint per sign-up, so one refusal does not poison the rest of the report.
            assignments.push(await t.transactional((sp) => signUp(sp as EntityManager, shiftId, v.id, false)));
          } catch (e) {
            const err = e as { message?: string; code?: string };
            if (!('code' in (e as object)) || !['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(String(err.code))) throw e;
            conflicts.push({ shiftId, volunteerId: v.id, reason: err.message ?? 'refused' });
          }
        }
      }
      if (conflicts.length || dryRun) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    return { ok: conflicts.length === 0, assignments: dryRun && !conflicts.length ? assignments : [], conflicts };
  }
  return { ok: true, assignments, conflicts };
}

// ---- Coordinator views ----------------------------------------------------------------------------------------

export interface FillRow {
  shift: Shift;
  stationName: string;
  isNight: boolean;
  understaffed: boolean;
}

/** A shift is a night shift when it crosses local midnight or starts at 18:00 or later, in the campaign's zone. */
export function isNightShift(startsAt: Date, endsAt: Date, zone: string): boolean {
  const s = DateTime.fromJSDate(startsAt, { zone });
  const e = DateTime.fromJSDate(endsAt, { zone }).minus({ milliseconds: 1 });
  return s.hour >= 18 || s.hour < 6 || s.toISODate() !== e.toISODate();
}

/** Every shift of a campaign with filled/capacity: understaffed (filled < min) first, then by start. */
export async function fillRate(em: EntityManager, campaignId: string): Promise<{ campaign: Campaign; rows: FillRow[] }> {
  assertUuid(campaignId, 'campaignId');
  const campaign = await em.findOne(Campaign, campaignId);
  if (!campaign) throw new ReferenceNotFoundError('Campaign', campaignId, 'campaignId');
  const shifts = await em.find(Shift, { campaign: campaignId }, { orderBy: { startsAt: 'asc', id: 'asc' }, populate: ['station'] });
  const rows = shifts.map((s) => ({
    shift: s,
    stationName: s.station.getEntity().name,
    isNight: isNightShift(s.startsAt, s.endsAt, campaign.timezone),
    understaffed: s.filledCount < s.minVolunteers,
  }));
  rows.sort((a, b) => Number(b.understaffed) - Number(a.understaffed) || a.shift.filledCount / a.shift.maxVolunteers - b.shift.filledCount / b.shift.maxVolunteers || a.shift.startsAt.getTime() - b.shift.startsAt.getTime());
  return { campaign, rows };
}

export interface CoverageRow {
  stationId: string;
  stationName: string;
  date: string;
  shifts: number;
  filled: number;
  capacity: number;
  minimum: number;
  understaffedShifts: number;
}

/** Per service point and local day (the day a shift starts, in the campaign zone): places filled and offered. */
export function coverage(rows: FillRow[], zone: string): CoverageRow[] {
  const by = new Map<string, CoverageRow>();
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

export interface HoursRow {
  id: string;
  name: string;
  hours: number;
  completedShifts: number;
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
): Promise<HoursRow[]> {
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

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records supplies handed out at a station on a day (several items at once), optionally during a shift at that
 * station. The station's access is checked by the caller; the shift and every item go through the access policy
 * (NOT_FOUND naming the field), and a campaign's supply is handed out only at that campaign's points.
 */
export async function recordSupplies(
  em: EntityManager,
  access: Access,
  input: { stationId: string; day: string; shiftId?: string | null; items: { itemId: string; quantity: number }[] },
  userId: string | null,
): Promise<SupplyTally[]> {
  assertUuid(input.stationId, 'stationId');
  if (!DAY.test(input.day) || !DateTime.fromISO(input.day).isValid) throw new BadInputError('day', 'must be a date YYYY-MM-DD');
  if (!input.items.length) throw new BadInputError('items', 'name at least one item');
  input.items.forEach((i, n) => assertUuid(i.itemId, `items[${n}].itemId`));
  await access.require('Shift', input.shiftId, 'shiftId', em);
  const inScope = await access.idsInScope('SupplyItem', input.items.map((i) => i.itemId), em);
  input.items.forEach((i, n) => {
    if (!inScope.has(i.itemId)) access.notFound('SupplyItem', i.itemId, `items[${n}].itemId`);
  });
  if (input.shiftId) {
    const [shift] = await em.execute<{ station_id: string }[]>(`select station_id from shift where id = ?`, [input.shiftId]);
    if (shift.station_id !== input.stationId) throw new BadInputError('shiftId', 'the shift is at another station');
  }
  const items = await em.find(SupplyItem, { id: { $in: [...inScope] } });
  // A campaign's supply is handed out at that campaign's points only.
  const points = await em.execute<{ campaign_id: string }[]>(`select campaign_id from campaign_stations where station_id = ?`, [input.stationId]);
  for (const [n, i] of input.items.entries()) {
    const item = items.find((x) => x.id === i.itemId)!;
    if (item.campaign && !points.some((p) => p.campaign_id === item.campaign!.id)) {
      throw new BadInputError(`items[${n}].itemId`, 'this supply belongs to a campaign the station does not serve');
    }
  }
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const out = input.items.map((i, n) => {
      if (!Number.isInteger(i.quantity) || i.quantity < 1 || i.quantity > 1_000_000) throw new BadInputError(`items[${n}].quantity`, 'must be an integer from 1 to 1000000');
      return t.create(SupplyTally, {
        item: items.find((x) => x.id === i.itemId)!.id,
        station: input.stationId,
        shift: input.shiftId ?? null,
        day: input.day,
        quantity: i.quantity,
        recordedById: userId,
      } as never);
    });
    await t.flush();
    return out;
  });
}

/**
 * Sets the people served (服务人次) at a station on a day; a second entry for the same day replaces the first.
 * The station's access is checked by the caller; `campaignId` goes through the access policy (NOT_FOUND naming
 * it) and must be a campaign the station serves (BAD_USER_INPUT otherwise), so nobody books visits against a
 * campaign that is not theirs.
 */
export async function recordServiceLog(em: EntityManager, access: Access, input: { stationId: string; day: string; peopleServed: number; campaignId?: string | null }): Promise<ServiceLog> {
  assertUuid(input.stationId, 'stationId');
  if (!DAY.test(input.day) || !DateTime.fromISO(input.day).isValid) throw new BadInputError('day', 'must be a date YYYY-MM-DD');
  if (!Number.isInteger(input.peopleServed) || input.peopleServed < 0 || input.peopleServed > 1_000_000) throw new BadInputError('peopleServed', 'must be an integer from 0 to 1000000');
  await access.require('Campaign', input.campaignId, 'campaignId', em);
  if (input.campaignId) {
    const [linked] = await em.execute<{ n: number }[]>(`select count(*)::int as n from campaign_stations where campaign_id = ? and station_id = ?`, [input.campaignId, input.stationId]);
    if (!linked.n) throw new BadInputError('campaignId', 'the station does not serve this campaign');
  }
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    await t.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`service_log:${input.stationId}:${input.day}`]);
    let log = await t.findOne(ServiceLog, { station: input.stationId, day: input.day });
    if (!log) log = t.create(ServiceLog, { station: input.stationId, day: input.day, peopleServed: input.peopleServed, campaign: input.campaignId ?? null } as never);
    else {
      log.peopleServed = input.peopleServed;
      if (input.campaignId !== undefined) log.campaign = input.campaignId ? t.getReference(Campaign, input.campaignId, { wrapped: true }) : null;
    }
    await t.flush();
    return log;
  });
}

