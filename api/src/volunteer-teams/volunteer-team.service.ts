import { Organization } from '../organizations/organization.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../common/errors';
import { assertRegionExists } from '../regions/region.service';
import { Access } from '../auth/access';
import { Volunteer } from '../volunteers/volunteer.entity';
import { VolunteerTeam } from './volunteer-team.entity';
import { VolunteerTeamInput } from './volunteer-team.inputs';

/**
 * Creates or changes a team. Every id in the input is checked by the access policy first (NOT_FOUND naming the
 * field): the organization must be in the viewer's scope, members and leader volunteers they coordinate.
 */
export async function saveTeam(em: EntityManager, access: Access, team: VolunteerTeam | null, input: VolunteerTeamInput): Promise<VolunteerTeam> {
  const t = team ?? new VolunteerTeam();
  if (!team) {
    if (!input.name?.trim()) throw new BadInputError('input.name', 'is required', 'REQUIRED');
    if (!input.kind) throw new BadInputError('input.kind', 'is required', 'REQUIRED');
    if (!input.organizationId) throw new BadInputError('input.organizationId', 'is required', 'REQUIRED');
  }
  await access.require('Organization', input.organizationId, 'input.organizationId', em);
  await access.require('Volunteer', input.memberIds, 'input.memberIds', em);
  await access.require('Volunteer', input.leaderId, 'input.leaderId', em);
  if (input.name !== undefined) {
    if (!input.name?.trim()) throw new BadInputError('input.name', 'must not be empty', 'EMPTY');
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
      if (!t.members.getItems().some((m) => m.id === input.leaderId)) throw new BadInputError('input.leaderId', 'the leader must be a member of the team', 'LEADER_NOT_MEMBER');
      t.leader = em.getReference(Volunteer, input.leaderId, { wrapped: true });
    } else t.leader = null;
  }
  em.persist(t);
  await em.flush();
  return t;
}

// ---- Volunteers -----------------------------------------------------------------------------------------------
