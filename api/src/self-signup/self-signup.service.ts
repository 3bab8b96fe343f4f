import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, DomainError } from '../common/errors';
import { isUuid } from '../common/ids';
import { checkText, nameRule, PHONE_RULE } from '../common/input-rules';
import { ReferenceNotFoundError } from '../auth/not-found';
import { cancel, checkIn, signUp } from '../shift-assignments/shift-assignment.service';
import { Volunteer } from '../volunteers/volunteer.entity';
import { assertSkills } from '../volunteers/volunteer.service';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { checkInPath, joinPath, mePath } from './signup-link.entity';

/**
 * The consent a volunteer gives when registering by link, shown on the page word for word; its version is stored
 * with the time of consent (volunteer_access). A new wording needs a new version.
 */
export const CONSENT = Object.freeze({
  version: '2026-12-03.1',
  text:
    '我同意主办工会为安排志愿服务班次、签到和联系我之目的，保存并使用我填写的姓名、手机号和技能；' +
    '手机号仅向我所在志愿服务队的协调员完整显示，不向其他志愿者或公众公开；活动结束后我可请协调员删除我的信息。',
});

/** A sign-up link that no longer works: 410 with `LINK_REVOKED` or `LINK_EXPIRED`. */
export class LinkGoneError extends Error {
  constructor(readonly code: 'LINK_REVOKED' | 'LINK_EXPIRED', message: string) {
    super(message);
  }
}

/** No volunteer has the secret link the request carries: 401 UNAUTHENTICATED (the page asks to register again). */
export class UnknownVolunteerError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 'Unknown volunteer link: register through a sign-up link, or open your own link again', {}, 'VOLUNTEER_LINK_UNKNOWN', {});
  }
}

const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface OpenLink {
  id: string;
  campaignId: string;
  campaignName: string;
  campaignDescription: string | null;
  campaignStartsAt: Date;
  campaignEndsAt: Date;
  timezone: string;
  teamId: string | null;
  teamName: string | null;
  expiresAt: Date | null;
}

/**
 * The sign-up link with this token, if it still works: NOT_FOUND (404) for an unknown token, LinkGoneError (410)
 * once revoked, past its `expiresAt`, or past the end of its campaign.
 */
export async function openLink(em: EntityManager, token: string, now = new Date()): Promise<OpenLink> {
  if (!TOKEN.test(token)) throw new ReferenceNotFoundError('SignupLink', token.slice(0, 40), 'link');
  const [row] = await em.execute<Record<string, any>[]>(
    `select l.id, l.campaign_id, l.volunteer_team_id, l.expires_at, l.revoked_at, c.name as campaign_name, c.description, c.starts_at, c.ends_at, c.timezone, t.name as team_name
       from signup_link l join campaign c on c.id = l.campaign_id left join volunteer_team t on t.id = l.volunteer_team_id where l.token = ?`,
    [token],
  );
  if (!row) throw new ReferenceNotFoundError('SignupLink', token, 'link');
  if (row.revoked_at) throw new LinkGoneError('LINK_REVOKED', 'This sign-up link was revoked by its coordinator');
  if ((row.expires_at && new Date(row.expires_at) <= now) || new Date(row.ends_at) <= now) throw new LinkGoneError('LINK_EXPIRED', 'This sign-up link has expired');
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    campaignDescription: row.description ?? null,
    campaignStartsAt: new Date(row.starts_at),
    campaignEndsAt: new Date(row.ends_at),
    timezone: row.timezone,
    teamId: row.volunteer_team_id ?? null,
    teamName: row.team_name ?? null,
    expiresAt: row.expires_at ? new Date(row.expires_at) : null,
  };
}

/** The volunteer whose secret link `token` is; UnknownVolunteerError (401) when none is. */
export async function volunteerByToken(em: EntityManager, token: string | undefined): Promise<string> {
  if (!token || !TOKEN.test(token)) throw new UnknownVolunteerError();
  const [row] = await em.execute<{ volunteer_id: string }[]>(`select volunteer_id from volunteer_access where token_hash = ?`, [hash(token)]);
  if (!row) throw new UnknownVolunteerError();
  return row.volunteer_id;
}

export interface Registration {
  name?: unknown;
  phone?: unknown;
  skills?: unknown;
  consentVersion?: unknown;
}

/**
 * Registers a volunteer through a sign-up link: name (1–50 characters) and phone (PHONE_RULE) required, skills
 * from VolunteerSkill, and `consentVersion` equal to CONSENT.version (BAD_USER_INPUT naming the field otherwise;
 * nothing written). Joins the link's team when it has one. Returns the volunteer's new secret token (shown once;
 * only its hash is kept).
 */
export async function register(em: EntityManager, link: OpenLink, input: Registration, now = new Date()): Promise<{ volunteerId: string; token: string }> {
  if (typeof input.name !== 'string') throw new BadInputError('name', 'is required', 'REQUIRED');
  const name = checkText(input.name, nameRule(50), 'name')!;
  if (typeof input.phone !== 'string') throw new BadInputError('phone', 'is required', 'REQUIRED');
  const phone = checkText(input.phone, PHONE_RULE, 'phone');
  if (!phone) throw new BadInputError('phone', 'is required', 'REQUIRED');
  const skills = input.skills ?? [];
  if (!Array.isArray(skills) || skills.length > 20 || skills.some((s) => typeof s !== 'string')) throw new BadInputError('skills', 'must be a list of at most 20 skills', 'SKILLS_LIST', { max: 20 });
  assertSkills(skills as string[], 'skills');
  if (input.consentVersion !== CONSENT.version) throw new BadInputError('consentVersion', `consent to the current text (version ${CONSENT.version}) is required`, 'CONSENT_REQUIRED', { version: CONSENT.version });
  const token = randomBytes(24).toString('base64url');
  const volunteerId = await em.transactional(async (tx) => {
    const t = tx as EntityManager;
    const v = t.create(Volunteer, { name, phone, skills: [...new Set(skills as Volunteer['skills'])] });
    t.persist(v);
    if (link.teamId) {
      const team = await t.findOneOrFail(VolunteerTeam, link.teamId, { populate: ['members'] });
      team.members.add(v);
    }
    await t.flush();
    await t.execute(`insert into volunteer_access (volunteer_id, token_hash, signup_link_id, consent_version, consent_at) values (?, ?, ?, ?, ?)`, [
      v.id,
      hash(token),
      link.id,
      CONSENT.version,
      now,
    ]);
    return v.id;
  });
  return { volunteerId, token };
}

/** A returning volunteer opening a team's link joins that team (once). */
export async function joinLinkTeam(em: EntityManager, link: OpenLink, volunteerId: string): Promise<void> {
  if (!link.teamId) return;
  await em.execute(`insert into volunteer_team_members (volunteer_team_id, volunteer_id) values (?, ?) on conflict do nothing`, [link.teamId, volunteerId]);
}

/** One of the volunteer's own assignments as their page shows it. */
export interface OwnAssignment {
  id: string;
  status: string;
  /** 1-based place in the waitlist, for WAITLISTED. */
  waitlistPosition: number | null;
  checkedInAt: string | null;
  shift: { id: string; startsAt: string; endsAt: string; role: string; campaignName: string; timezone: string; station: { id: string; name: string; address: string | null } };
}

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

/**
 * What the volunteer's own page shows: their own name, phone and skills (only ever their own), the consent they
 * gave, their iCalendar path and their assignments (cancelled ones left out), newest shifts last.
 */
export async function me(em: EntityManager, volunteerId: string) {
  const [v] = await em.execute<Record<string, any>[]>(
    `select v.name, v.phone, v.skills, v.calendar_token, a.consent_version, a.consent_at, l.token as link_token, l.revoked_at, l.expires_at, c.ends_at
       from volunteer v join volunteer_access a on a.volunteer_id = v.id
       left join signup_link l on l.id = a.signup_link_id left join campaign c on c.id = l.campaign_id where v.id = ?`,
    [volunteerId],
  );
  if (!v) throw new UnknownVolunteerError();
  const rows = await em.execute<Record<string, any>[]>(
    `select a.id, a.status, a.checked_in_at, s.id as shift_id, s.starts_at, s.ends_at, s.role, st.id as station_id, st.name as station_name, st.address, c.name as campaign_name, c.timezone,
            case when a.status = 'WAITLISTED' then (select count(*)::int from shift_assignment w where w.shift_id = a.shift_id and w.status = 'WAITLISTED' and w.seq <= a.seq) end as position
       from shift_assignment a join shift s on s.id = a.shift_id join station st on st.id = s.station_id join campaign c on c.id = s.campaign_id
      where a.volunteer_id = ? and a.status <> 'CANCELLED' order by s.starts_at limit 500`,
    [volunteerId],
  );
  const now = Date.now();
  const linkWorks = v.link_token && !v.revoked_at && !(v.expires_at && new Date(v.expires_at).getTime() <= now) && new Date(v.ends_at).getTime() > now;
  return {
    name: v.name as string,
    phone: v.phone as string | null,
    skills: pgList(v.skills),
    consent: { version: v.consent_version as string, at: iso(v.consent_at) },
    calendarPath: `/ical/volunteer/${v.calendar_token}.ics`,
    joinPath: linkWorks ? joinPath(v.link_token) : null,
    assignments: rows.map(
      (r): OwnAssignment => ({
        id: r.id,
        status: r.status,
        waitlistPosition: r.position ?? null,
        checkedInAt: iso(r.checked_in_at),
        shift: {
          id: r.shift_id,
          startsAt: iso(r.starts_at)!,
          endsAt: iso(r.ends_at)!,
          role: r.role,
          campaignName: r.campaign_name,
          timezone: r.timezone,
          station: { id: r.station_id, name: r.station_name, address: r.address ?? null },
        },
      }),
    ),
  };
}

function pgList(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string') return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return [];
}

/**
 * The campaign's shifts that have not ended, by service point and start, with their capacity and counts (no one
 * else's name or phone) and the volunteer's own status on each (null when not on it). At most 1000 shifts.
 */
export async function openShifts(em: EntityManager, link: OpenLink, volunteerId: string, now = new Date()) {
  const rows = await em.execute<Record<string, any>[]>(
    `select s.id, s.starts_at, s.ends_at, s.role, s.required_skills, s.max_volunteers, s.filled_count, s.waitlist_count,
            st.id as station_id, st.name as station_name, st.address,
            (select a.status from shift_assignment a where a.shift_id = s.id and a.volunteer_id = ? and a.status <> 'CANCELLED' limit 1) as mine,
            (select a.id from shift_assignment a where a.shift_id = s.id and a.volunteer_id = ? and a.status <> 'CANCELLED' limit 1) as mine_id
       from shift s join station st on st.id = s.station_id
      where s.campaign_id = ? and s.ends_at > ? order by st.name, st.id, s.starts_at limit 1000`,
    [volunteerId, volunteerId, link.campaignId, now],
  );
  return rows.map((r) => ({
    id: r.id as string,
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    role: r.role as string,
    requiredSkills: pgList(r.required_skills),
    capacity: Number(r.max_volunteers),
    filledCount: Number(r.filled_count),
    waitlistCount: Number(r.waitlist_count),
    station: { id: r.station_id as string, name: r.station_name as string, address: (r.address ?? null) as string | null },
    myStatus: (r.mine ?? null) as string | null,
    myAssignmentId: (r.mine_id ?? null) as string | null,
  }));
}

/** One assignment in the shape the volunteer's page uses. */
async function ownAssignment(em: EntityManager, volunteerId: string, id: string): Promise<OwnAssignment> {
  const found = (await me(em, volunteerId)).assignments.find((a) => a.id === id);
  if (found) return found;
  const [r] = await em.execute<{ status: string }[]>(`select status from shift_assignment where id = ?`, [id]);
  return { id, status: r.status, waitlistPosition: null, checkedInAt: null, shift: null as never };
}

/**
 * Signs the volunteer up for a shift of the link's campaign through the staff sign-up service (signUp: capacity,
 * waitlist in arrival order, no overlap, skills, campaign window). A shift of another campaign is NOT_FOUND on
 * `shiftId`.
 */
export async function signUpByLink(em: EntityManager, link: OpenLink, volunteerId: string, shiftId: string): Promise<OwnAssignment> {
  if (!isUuid(shiftId)) throw new BadInputError('shiftId', 'must be a UUID', 'NOT_A_UUID');
  const [row] = await em.execute<{ id: string }[]>(`select id from shift where id = ? and campaign_id = ?`, [shiftId, link.campaignId]);
  if (!row) throw new ReferenceNotFoundError('Shift', shiftId, 'shiftId');
  const a = await signUp(em, shiftId, volunteerId, true);
  return ownAssignment(em, volunteerId, a.id);
}

/** Cancels one of the volunteer's own assignments (cancel: the first waitlisted takes the place); anyone else's is NOT_FOUND on `id`. */
export async function cancelOwn(em: EntityManager, volunteerId: string, id: string): Promise<{ id: string; status: string }> {
  if (!isUuid(id)) throw new BadInputError('id', 'must be a UUID', 'NOT_A_UUID');
  const [row] = await em.execute<{ id: string }[]>(`select id from shift_assignment where id = ? and volunteer_id = ?`, [id, volunteerId]);
  if (!row) throw new ReferenceNotFoundError('ShiftAssignment', id, 'id');
  const a = await cancel(em, id);
  return { id: a.id, status: a.status };
}

/**
 * Checks the volunteer in at the service point whose check-in code is `code`, on their shift there whose check-in
 * window (CHECKIN_WINDOW_MINUTES before the start until the end) holds now, through the staff check-in service.
 * Unknown code: NOT_FOUND on `code`; no such shift: BAD_USER_INPUT on `code`. Already checked in: that assignment.
 */
export async function checkInByCode(em: EntityManager, volunteerId: string, code: string, windowMinutes: number, now = new Date()) {
  if (!TOKEN.test(code)) throw new ReferenceNotFoundError('CheckInCode', code.slice(0, 40), 'code');
  const [point] = await em.execute<{ station_id: string; name: string }[]>(
    `select k.station_id, st.name from check_in_code k join station st on st.id = k.station_id where k.token = ?`,
    [code],
  );
  if (!point) throw new ReferenceNotFoundError('CheckInCode', code, 'code');
  const [a] = await em.execute<{ id: string; status: string }[]>(
    `select a.id, a.status from shift_assignment a join shift s on s.id = a.shift_id
      where a.volunteer_id = ? and s.station_id = ? and a.status in ('SIGNED_UP', 'CONFIRMED', 'CHECKED_IN')
        and s.starts_at - make_interval(mins => ?) <= ? and s.ends_at > ?
      order by (a.status = 'CHECKED_IN'), s.starts_at limit 1`,
    [volunteerId, point.station_id, windowMinutes, now, now],
  );
  if (!a) throw new BadInputError('code', `you have no shift at ${point.name} whose check-in is open now (from ${windowMinutes} minutes before it starts until it ends)`, 'NO_OPEN_CHECK_IN', { station: point.name, minutes: windowMinutes });
  if (a.status !== 'CHECKED_IN') await checkIn(em, a.id, undefined, { windowMinutes });
  return { station: { id: point.station_id, name: point.name }, assignment: await ownAssignment(em, volunteerId, a.id) };
}

/** The current check-in code of a station, made on first use; `renew` replaces it (the old QR code stops working). */
export async function checkInCode(em: EntityManager, stationId: string, renew: boolean): Promise<{ stationId: string; path: string; createdAt: Date }> {
  const token = randomBytes(24).toString('base64url');
  const [row] = renew
    ? await em.execute<{ token: string; created_at: Date }[]>(
        `insert into check_in_code (station_id, token) values (?, ?) on conflict (station_id) do update set token = excluded.token, created_at = now() returning token, created_at`,
        [stationId, token],
      )
    : await em.execute<{ token: string; created_at: Date }[]>(
        `with ins as (insert into check_in_code (station_id, token) values (?, ?) on conflict (station_id) do nothing returning token, created_at)
         select token, created_at from ins union all select token, created_at from check_in_code where station_id = ? limit 1`,
        [stationId, token, stationId],
      );
  return { stationId, path: checkInPath(row.token), createdAt: new Date(row.created_at) };
}

export { mePath };
