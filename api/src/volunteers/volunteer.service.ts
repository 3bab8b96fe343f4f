import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../common/errors';
import { assertUuid } from '../common/ids';
import { containsPattern, pgArray } from '../common/pagination';
import { Access } from '../auth/access';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Volunteer, VolunteerSkill } from './volunteer.entity';
import { VolunteerInput } from './volunteer.inputs';

export const SKILLS = new Set<string>(Object.values(VolunteerSkill));

export function assertSkills(skills: string[] | undefined, field: string): void {
  const bad = skills?.find((s) => !SKILLS.has(s));
  if (bad) throw new BadInputError(field, `unknown skill ${bad}`);
}

// ---- Teams ----------------------------------------------------------------------------------------------------

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


/**
 * One page of volunteers by name, then id, with the total: a COORDINATOR's are the members of their teams (ADMIN:
 * all), narrowed to the members of `teamId` (BAD_USER_INPUT when not a UUID) and to names containing `search`
 * (case-insensitive, its first 50 characters). Three statements whatever the page size.
 */
export async function listVolunteers(
  em: EntityManager,
  access: Access,
  filter: { teamId?: string | null; search?: string | null },
  page: { limit: number; offset: number },
): Promise<{ nodes: Volunteer[]; totalCount: number }> {
  const { teamId, search } = filter;
  const { limit, offset } = page;
  const teams = await access.teamIds(em);
  const cond: string[] = ['true'];
  const params: unknown[] = [];
  if (teams !== null) {
    cond.push('exists (select 1 from volunteer_team_members m where m.volunteer_id = v.id and m.volunteer_team_id = any(?::uuid[]))');
    params.push(pgArray(teams));
  }
  if (teamId) {
    assertUuid(teamId, 'teamId');
    cond.push('exists (select 1 from volunteer_team_members m where m.volunteer_id = v.id and m.volunteer_team_id = ?)');
    params.push(teamId);
  }
  if (search?.trim()) {
    cond.push('v.name ilike ?');
    params.push(containsPattern(search.trim().slice(0, 50)));
  }
  const rows = await em.execute<{ id: string }[]>(`select v.id from volunteer v where ${cond.join(' and ')} order by v.name, v.id limit ? offset ?`, [...params, limit, offset]);
  const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from volunteer v where ${cond.join(' and ')}`, params);
  const byId = new Map((await em.find(Volunteer, { id: { $in: rows.map((r) => r.id) } })).map((v) => [v.id, v]));
  return { nodes: rows.map((r) => byId.get(r.id)!), totalCount: n };
}
