import type { Access } from '../auth/access';
import { ShiftAssignmentOrderField, type ShiftAssignmentFilter, type ShiftAssignmentOrder } from './shift-assignment.inputs';
import { Conditions, idParam, idsParam, listPage } from '../common/list-query';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError, ConflictError } from '../common/errors';
import { pgArray, SortDirection } from '../common/pagination';
import { assertUuid } from '../common/ids';
import { ReferenceNotFoundError } from '../auth/not-found';
import { CampaignStatus } from '../campaigns/campaign.entity';
import { Shift } from '../shifts/shift.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { ACTIVE_STATUSES, AssignmentStatus, ShiftAssignment } from './shift-assignment.entity';
import { AssignmentConflict, TeamAssignmentResult } from './shift-assignment.types';

/** Rules that are configuration rather than law. */
export interface CheckInRules {
  /** Check-in opens this many minutes before the shift starts (and closes when it ends). */
  windowMinutes: number;
}

export interface ShiftRow {
  id: string;
  campaign_id: string;
  starts_at: Date;
  ends_at: Date;
  max_volunteers: number;
  filled_count: number;
  required_skills: string[] | string;
  campaign_status: CampaignStatus;
  campaign_starts_at: Date;
  campaign_ends_at: Date;
  /** The campaign's IANA time zone, to show the shift's times in. */
  time_zone: string;
}

export const pgList = (v: string[] | string): string[] => (Array.isArray(v) ? v : String(v).replace(/[{}"]/g, '').split(',').filter(Boolean));

/** Loads a shift with its campaign's window and status, locking the shift row (sign-ups on one shift queue here). */
export async function lockShift(em: EntityManager, shiftId: string): Promise<ShiftRow> {
  assertUuid(shiftId, 'shiftId');
  const [row] = await em.execute<ShiftRow[]>(
    `select s.id, s.campaign_id, s.starts_at, s.ends_at, s.max_volunteers, s.filled_count, s.required_skills,
            c.status as campaign_status, c.starts_at as campaign_starts_at, c.ends_at as campaign_ends_at, c.timezone as time_zone
       from shift s join campaign c on c.id = s.campaign_id where s.id = ? for update of s`,
    [shiftId],
  );
  if (!row) throw new NotFoundError('Shift', shiftId);
  // Raw queries return timestamps as strings.
  for (const k of ['starts_at', 'ends_at', 'campaign_starts_at', 'campaign_ends_at'] as const) row[k] = new Date(row[k]);
  return row;
}

export function isExclusionViolation(e: unknown): boolean {
  const err = e as { code?: string; previous?: { code?: string }; message?: string };
  return err?.code === '23P01' || err?.previous?.code === '23P01' || /shift_assignment_no_overlap/.test(String(err?.message));
}

export function isCapacityViolation(e: unknown): boolean {
  return /shift_capacity_check/.test(String((e as Error)?.message));
}

/**
 * Signs a volunteer up for a shift. In one transaction, with the shift row locked (so sign-ups on one shift
 * queue and the waitlist keeps arrival order): refuses a closed campaign, a shift that has ended or lies
 * outside the campaign window, a volunteer without the required skills (BAD_USER_INPUT on volunteerId) and a
 * volunteer already on the shift or on an overlapping shift (CONFLICT). A full shift waitlists the volunteer
 * when `allowWaitlist`, else CONFLICT. The database enforces capacity (CHECK on `shift.filled_count`, kept by a
 * trigger) and no overlap (exclusion constraint), so even a bug here cannot over-book.
 */
export async function signUp(em: EntityManager, shiftId: string, volunteerId: string, allowWaitlist: boolean, now = new Date()): Promise<ShiftAssignment> {
  assertUuid(volunteerId, 'volunteerId');
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const shift = await lockShift(t, shiftId);
    if (shift.campaign_status === CampaignStatus.CLOSED) throw new BadInputError('shiftId', 'the campaign is closed: no more sign-ups', 'CAMPAIGN_CLOSED');
    if (shift.starts_at < shift.campaign_starts_at || shift.ends_at > shift.campaign_ends_at) {
      throw new BadInputError('shiftId', 'the shift lies outside the campaign window', 'SHIFT_OUTSIDE_CAMPAIGN');
    }
    if (shift.ends_at <= now) throw new BadInputError('shiftId', 'the shift has already ended', 'SHIFT_ENDED');
    const [vol] = await t.execute<{ id: string; skills: string[] | string }[]>(`select id, skills from volunteer where id = ?`, [volunteerId]);
    if (!vol) throw new BadInputError('volunteerId', `no volunteer has id ${volunteerId}`, 'UNKNOWN_ID', { entity: 'Volunteer', id: volunteerId });
    const missing = pgList(shift.required_skills).filter((s) => !pgList(vol.skills).includes(s));
    if (missing.length) throw new BadInputError('volunteerId', `the volunteer lacks skills this shift requires: ${missing.join(', ')}`, 'MISSING_SKILLS', { skills: missing });
    const [existing] = await t.execute<{ id: string; status: string }[]>(
      `select id, status from shift_assignment where shift_id = ? and volunteer_id = ? and status <> 'CANCELLED'`,
      [shiftId, volunteerId],
    );
    if (existing) throw new ConflictError(`the volunteer is already on this shift (${existing.status})`, { assignmentId: existing.id }, 'ALREADY_ON_SHIFT', { status: existing.status });
    const [overlap] = await t.execute<{ id: string }[]>(
      `select a.id from shift_assignment a where a.volunteer_id = ? and a.status = any(?::text[]) and a.during && tstzrange(?::timestamptz, ?::timestamptz)`,
      [volunteerId, pgArray(ACTIVE_STATUSES), shift.starts_at, shift.ends_at],
    );
    if (overlap) throw new ConflictError('the volunteer is already booked on an overlapping shift', { assignmentId: overlap.id }, 'SHIFT_OVERLAP', { startsAt: shift.starts_at.toISOString(), endsAt: shift.ends_at.toISOString(), timeZone: shift.time_zone });
    let status = shift.filled_count < shift.max_volunteers ? AssignmentStatus.SIGNED_UP : AssignmentStatus.WAITLISTED;
    if (status === AssignmentStatus.WAITLISTED && !allowWaitlist) throw new ConflictError('the shift is full', { field: 'shiftId' }, 'SHIFT_FULL');
    const id = crypto.randomUUID();
    try {
      await insertAssignment(t, id, shiftId, volunteerId, status, shift);
    } catch (e) {
      if (isExclusionViolation(e)) throw new ConflictError('the volunteer is already booked on an overlapping shift', {}, 'SHIFT_OVERLAP', { startsAt: shift.starts_at.toISOString(), endsAt: shift.ends_at.toISOString(), timeZone: shift.time_zone });
      if (!isCapacityViolation(e)) throw e;
      // Unreachable while the row lock holds; the database refused to over-book anyway.
      if (!allowWaitlist) throw new ConflictError('the shift is full', { field: 'shiftId' }, 'SHIFT_FULL');
      status = AssignmentStatus.WAITLISTED;
      await insertAssignment(t, id, shiftId, volunteerId, status, shift);
    }
    return t.findOneOrFail(ShiftAssignment, id);
  });
}

export async function insertAssignment(em: EntityManager, id: string, shiftId: string, volunteerId: string, status: AssignmentStatus, shift: ShiftRow): Promise<void> {
  // Through the ORM, so the audit log records it.
  const a = em.create(ShiftAssignment, {
    id,
    shift: shiftId,
    volunteer: volunteerId,
    status,
    during: `[${shift.starts_at.toISOString()},${shift.ends_at.toISOString()})`,
  } as never);
  await em.persist(a).flush();
}

/**
 * Moves the first waitlisted volunteers (arrival order) onto the shift while it has room, skipping anyone who
 * has meanwhile been booked on an overlapping shift. Runs inside the caller's transaction with the shift locked.
 */
export async function promoteWaitlist(em: EntityManager, shiftId: string): Promise<void> {
  for (;;) {
    const [shift] = await em.execute<{ filled_count: number; max_volunteers: number }[]>(`select filled_count, max_volunteers from shift where id = ?`, [shiftId]);
    if (shift.filled_count >= shift.max_volunteers) return;
    const waiting = await em.execute<{ id: string }[]>(
      `select a.id from shift_assignment a where a.shift_id = ? and a.status = 'WAITLISTED'
        and not exists (select 1 from shift_assignment b where b.volunteer_id = a.volunteer_id and b.status = any(?::text[]) and b.during && a.during)
        order by a.seq limit 1`,
      [shiftId, pgArray(ACTIVE_STATUSES)],
    );
    if (!waiting.length) return;
    const a = await em.findOneOrFail(ShiftAssignment, waiting[0].id);
    a.status = AssignmentStatus.SIGNED_UP;
    await em.flush();
  }
}

/** Loads an assignment with its shift locked. */
export async function lockAssignment(em: EntityManager, id: string): Promise<{ a: ShiftAssignment; shift: ShiftRow }> {
  assertUuid(id, 'id');
  const [row] = await em.execute<{ shift_id: string }[]>(`select shift_id from shift_assignment where id = ?`, [id]);
  if (!row) throw new NotFoundError('ShiftAssignment', id);
  const shift = await lockShift(em, row.shift_id);
  const a = await em.findOneOrFail(ShiftAssignment, id, { refresh: true });
  return { a, shift };
}

/**
 * Cancels a sign-up or a waitlist place. A cancelled place goes to the first waitlisted volunteer at once
 * (same transaction). Checked-in, completed and no-show assignments cannot be cancelled (CONFLICT).
 */
export async function cancel(em: EntityManager, id: string): Promise<ShiftAssignment> {
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const { a, shift } = await lockAssignment(t, id);
    if (a.status === AssignmentStatus.CANCELLED) return a;
    if (![AssignmentStatus.SIGNED_UP, AssignmentStatus.CONFIRMED, AssignmentStatus.WAITLISTED].includes(a.status)) {
      throw new ConflictError(`a ${a.status} assignment cannot be cancelled`, {}, 'ASSIGNMENT_STATUS', { status: a.status, action: 'cancel' });
    }
    a.status = AssignmentStatus.CANCELLED;
    await t.flush();
    await promoteWaitlist(t, shift.id);
    return a;
  });
}

/** Confirms a sign-up (coordinator): SIGNED_UP → CONFIRMED. */
export async function confirm(em: EntityManager, id: string): Promise<ShiftAssignment> {
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const { a } = await lockAssignment(t, id);
    if (a.status === AssignmentStatus.CONFIRMED) return a;
    if (a.status !== AssignmentStatus.SIGNED_UP) throw new ConflictError(`a ${a.status} assignment cannot be confirmed`, {}, 'ASSIGNMENT_STATUS', { status: a.status, action: 'confirm' });
    a.status = AssignmentStatus.CONFIRMED;
    await t.flush();
    return a;
  });
}

/**
 * Checks a volunteer in at `at` (default now): only from `windowMinutes` before the shift starts until it ends,
 * only a SIGNED_UP or CONFIRMED assignment, and not in the future. BAD_USER_INPUT on `at` otherwise.
 */
export async function checkIn(em: EntityManager, id: string, at: Date | null | undefined, rules: CheckInRules, now = new Date()): Promise<ShiftAssignment> {
  const when = at ?? now;
  if (when.getTime() > now.getTime() + 60_000) throw new BadInputError('at', 'cannot be in the future', 'IN_FUTURE');
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const { a, shift } = await lockAssignment(t, id);
    if (![AssignmentStatus.SIGNED_UP, AssignmentStatus.CONFIRMED].includes(a.status)) throw new ConflictError(`a ${a.status} assignment cannot check in`, {}, 'ASSIGNMENT_STATUS', { status: a.status, action: 'checkIn' });
    const opens = new Date(shift.starts_at.getTime() - rules.windowMinutes * 60_000);
    if (when < opens) throw new BadInputError('at', `check-in opens ${rules.windowMinutes} minutes before the shift starts (${opens.toISOString()})`, 'CHECK_IN_WINDOW', { minutes: rules.windowMinutes, opensAt: opens.toISOString(), startsAt: shift.starts_at.toISOString(), timeZone: shift.time_zone });
    if (when >= shift.ends_at) throw new BadInputError('at', 'the shift has ended', 'SHIFT_ENDED');
    a.status = AssignmentStatus.CHECKED_IN;
    a.checkedInAt = when;
    await t.flush();
    return a;
  });
}

/**
 * Checks a volunteer out at `at` (default now), after their check-in, and credits hours: the time between
 * check-in and check-out, counted no earlier than the shift start, capped at the shift length (a coordinator
 * can approve more with approveHours). The assignment becomes COMPLETED.
 */
export async function checkOut(em: EntityManager, id: string, at: Date | null | undefined, now = new Date()): Promise<ShiftAssignment> {
  const when = at ?? now;
  if (when.getTime() > now.getTime() + 60_000) throw new BadInputError('at', 'cannot be in the future', 'IN_FUTURE');
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const { a, shift } = await lockAssignment(t, id);
    if (a.status !== AssignmentStatus.CHECKED_IN || !a.checkedInAt) throw new ConflictError(`a ${a.status} assignment cannot check out (check in first)`, {}, 'ASSIGNMENT_STATUS', { status: a.status, action: 'checkOut' });
    if (when <= a.checkedInAt) throw new BadInputError('at', 'must be after the check-in', 'CHECK_OUT_BEFORE_CHECK_IN');
    a.status = AssignmentStatus.COMPLETED;
    a.checkedOutAt = when;
    a.hoursCredited = creditedHours(a.checkedInAt, when, shift.starts_at, shift.ends_at);
    await t.flush();
    return a;
  });
}

/** Hours between check-in and check-out, from no earlier than the shift start, capped at the shift length, to 0.01 h. */
export function creditedHours(checkedInAt: Date, checkedOutAt: Date, startsAt: Date, endsAt: Date): number {
  const from = Math.max(checkedInAt.getTime(), startsAt.getTime());
  const worked = Math.max(0, checkedOutAt.getTime() - from);
  const cap = endsAt.getTime() - startsAt.getTime();
  return Math.round((Math.min(worked, cap) / 3_600_000) * 100) / 100;
}

/** A coordinator sets the hours of a completed assignment (e.g. beyond the shift length), recording who approved. */
export async function approveHours(em: EntityManager, id: string, hours: number, userId: string): Promise<ShiftAssignment> {
  // hours 0–48: the argument's @NumberRule.
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const { a } = await lockAssignment(t, id);
    if (a.status !== AssignmentStatus.COMPLETED) throw new ConflictError('only a completed assignment gets hours', {}, 'NOT_COMPLETED');
    a.hoursCredited = Math.round(hours * 100) / 100;
    a.hoursApprovedById = userId;
    await t.flush();
    return a;
  });
}

/** Marks a volunteer who did not come (coordinator): SIGNED_UP/CONFIRMED → NO_SHOW, once the shift has started. */
export async function markNoShow(em: EntityManager, id: string, now = new Date()): Promise<ShiftAssignment> {
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const { a, shift } = await lockAssignment(t, id);
    if (![AssignmentStatus.SIGNED_UP, AssignmentStatus.CONFIRMED].includes(a.status)) throw new ConflictError(`a ${a.status} assignment cannot be marked NO_SHOW`, {}, 'ASSIGNMENT_STATUS', { status: a.status, action: 'noShow' });
    if (now < shift.starts_at) throw new ConflictError('the shift has not started yet', {}, 'SHIFT_NOT_STARTED');
    a.status = AssignmentStatus.NO_SHOW;
    await t.flush();
    return a;
  });
}

/**
 * Signs every member of a team up for every shift in `shiftIds`, all or nothing: in one transaction, each
 * sign-up follows the rules of signUp without a waitlist; if any fails (full shift, overlap, missing skills,
 * closed campaign), everything is rolled back and the conflicts are reported. `dryRun` reports without saving.
 */
export async function assignTeam(em: EntityManager, teamId: string, shiftIds: string[], dryRun: boolean): Promise<TeamAssignmentResult> {
  assertUuid(teamId, 'teamId');
  // 1–200 shifts: the argument's @ListRule.
  shiftIds.forEach((id, i) => assertUuid(id, `shiftIds[${i}]`));
  const team = await em.findOne(VolunteerTeam, teamId, { populate: ['members'] });
  if (!team) throw new ReferenceNotFoundError('VolunteerTeam', teamId, 'teamId');
  const members = team.members.getItems();
  if (!members.length) throw new BadInputError('teamId', 'the team has no members', 'TEAM_EMPTY');
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

const ASSIGNMENT_ORDER: Record<ShiftAssignmentOrderField, string> = {
  SEQ: 'x.seq',
  SHIFT_STARTS_AT: 's.starts_at',
  CREATED_AT: 'x.created_at',
  UPDATED_AT: 'x.updated_at',
};

/**
 * The assignment list: the assignments of shifts of the campaigns in the viewer's scope (ADMIN all, a
 * COORDINATOR those of their campaigns) matching `filter`, sorted by `order` (default arrival order) then id.
 * BAD_USER_INPUT names the filter field at fault (`filter.ids[2]`, `filter.shiftId`).
 */
export async function listAssignments(
  em: EntityManager,
  access: Access,
  filter: ShiftAssignmentFilter | undefined,
  order: ShiftAssignmentOrder | undefined,
  page: { limit: number; offset: number },
): Promise<{ nodes: ShiftAssignment[]; totalCount: number }> {
  const where = await assignmentConditions(em, access, filter);
  const field = order?.field ?? ShiftAssignmentOrderField.SEQ;
  return listPage(em, ShiftAssignment, ASSIGNMENT_FROM, where, ASSIGNMENT_ORDER[field], order?.direction ?? SortDirection.ASC, page);
}

/** The rows the `shiftAssignments` list and its exports read: assignments `x` with their shift `s`. */
export const ASSIGNMENT_FROM = 'shift_assignment x join shift s on s.id = x.shift_id';

/**
 * The condition of the `shiftAssignments` list and of its exports, over ASSIGNMENT_FROM: the filter (BAD_USER_INPUT
 * naming `filter.…`) and the viewer's campaigns (Access.campaignIds; ADMIN: all). An id outside the viewer's
 * scope simply matches nothing, like a missing one.
 */
export async function assignmentConditions(em: EntityManager, access: Access, filter: ShiftAssignmentFilter | undefined): Promise<Conditions> {
  const where = new Conditions();
  const ids = idsParam(filter?.ids, 'filter.ids');
  const shiftId = idParam(filter?.shiftId, 'filter.shiftId');
  const volunteerId = idParam(filter?.volunteerId, 'filter.volunteerId');
  const campaignId = idParam(filter?.campaignId, 'filter.campaignId');
  const scope = await access.campaignIds(em);
  if (scope !== null) where.add('s.campaign_id = any(?::uuid[])', pgArray(scope));
  if (ids) where.add('x.id = any(?::uuid[])', ids);
  if (shiftId) where.add('x.shift_id = ?', shiftId);
  if (volunteerId) where.add('x.volunteer_id = ?', volunteerId);
  if (campaignId) where.add('s.campaign_id = ?', campaignId);
  if (filter?.statuses?.length) where.add('x.status = any(?::text[])', pgArray(filter.statuses));
  return where;
}
