import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../common/errors';
import { Access } from '../auth/access';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Volunteer, VolunteerSkill } from './volunteer.entity';
import { VolunteerInput } from './volunteer.inputs';

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

// ---- Campaigns ------------------------------------------------------------------------------------------------
