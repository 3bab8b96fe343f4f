import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../common/errors';
import { assertUuid } from '../common/ids';
import { Access } from '../auth/access';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Volunteer, VolunteerSkill } from './volunteer.entity';
import { VolunteerFilter, VolunteerInput, VolunteerOrder, VolunteerOrderField } from './volunteer.inputs';
import { Conditions, idsParam, listPage } from '../common/list-query';
import { containsPattern, pgArray, SortDirection } from '../common/pagination';

const VOLUNTEER_ORDER: Record<VolunteerOrderField, string> = { NAME: 'x.name', CREATED_AT: 'x.created_at', UPDATED_AT: 'x.updated_at' };

/**
 * The volunteer list: the volunteers in the viewer's scope (ADMIN all, a COORDINATOR the members of their teams)
 * matching `filter`, sorted by `order` (default name ascending) then id. BAD_USER_INPUT names the filter field at
 * fault (`filter.ids[2]`, `filter.teamIds[0]`).
 */
export async function listVolunteers(
  em: EntityManager,
  access: Access,
  filter: VolunteerFilter | undefined,
  order: VolunteerOrder | undefined,
  page: { limit: number; offset: number },
): Promise<{ nodes: Volunteer[]; totalCount: number }> {
  const where = new Conditions();
  const ids = idsParam(filter?.ids, 'filter.ids');
  const teamIds = idsParam(filter?.teamIds, 'filter.teamIds');
  const member = 'exists (select 1 from volunteer_team_members m where m.volunteer_id = x.id and m.volunteer_team_id = any(?::uuid[]))';
  const scope = await access.teamIds(em);
  if (scope !== null) where.add(member, pgArray(scope));
  if (ids) where.add('x.id = any(?::uuid[])', ids);
  if (teamIds) where.add(member, teamIds);
  if (filter?.isModelWorker != null) where.add('x.is_model_worker = ?', filter.isModelWorker);
  if (filter?.skills?.length) where.add('x.skills @> ?::text[]', pgArray(filter.skills));
  if (filter?.search) where.add('x.name ilike ?', containsPattern(filter.search));
  const field = order?.field ?? VolunteerOrderField.NAME;
  return listPage(em, Volunteer, 'volunteer x', where, VOLUNTEER_ORDER[field], order?.direction ?? SortDirection.ASC, page);
}

export const SKILLS = new Set<string>(Object.values(VolunteerSkill));

export function assertSkills(skills: string[] | undefined, field: string): void {
  const bad = skills?.find((s) => !SKILLS.has(s));
  if (bad) throw new BadInputError(field, `unknown skill ${bad}`, 'UNKNOWN_VALUE', { value: bad });
}

// ---- Teams ----------------------------------------------------------------------------------------------------

/** Creates or changes a volunteer. A COORDINATOR may only add them to teams they coordinate (NOT_FOUND on input.teamIds otherwise). */
export async function saveVolunteer(em: EntityManager, access: Access, vol: Volunteer | null, input: VolunteerInput): Promise<Volunteer> {
  const v = vol ?? new Volunteer();
  if (!vol && !input.name?.trim()) throw new BadInputError('input.name', 'is required', 'REQUIRED');
  await access.require('VolunteerTeam', input.teamIds, 'input.teamIds', em);
  if (!vol && !access.isAdmin && !input.teamIds?.length) throw new BadInputError('input.teamIds', 'name at least one of your teams', 'VOLUNTEER_TEAM_REQUIRED');
  if (input.name !== undefined) {
    if (!input.name?.trim()) throw new BadInputError('input.name', 'must not be empty', 'EMPTY');
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

