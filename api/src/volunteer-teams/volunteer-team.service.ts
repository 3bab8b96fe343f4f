import { Organization } from '../organizations/organization.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../common/errors';
import { assertRegionExists } from '../regions/region.service';
import { Access } from '../auth/access';
import { Volunteer } from '../volunteers/volunteer.entity';
import { VolunteerTeam } from './volunteer-team.entity';
import { VolunteerTeamFilter, VolunteerTeamInput, VolunteerTeamOrder, VolunteerTeamOrderField } from './volunteer-team.inputs';
import { Conditions, idParam, idsParam, listPage } from '../common/list-query';
import { containsPattern, pgArray, SortDirection } from '../common/pagination';

const TEAM_ORDER: Record<VolunteerTeamOrderField, string> = {
  NAME: 'x.name',
  KIND: 'x.kind',
  CREATED_AT: 'x.created_at',
  UPDATED_AT: 'x.updated_at',
};

/**
 * The volunteer team list: the teams in the viewer's scope (ADMIN all, a COORDINATOR those of their organization
 * scope) matching `filter`, sorted by `order` (default name ascending) then id. BAD_USER_INPUT names the filter
 * field at fault (`filter.ids[2]`, `filter.organizationId`).
 */
export async function listTeams(
  em: EntityManager,
  access: Access,
  filter: VolunteerTeamFilter | undefined,
  order: VolunteerTeamOrder | undefined,
  page: { limit: number; offset: number },
): Promise<{ nodes: VolunteerTeam[]; totalCount: number }> {
  const where = new Conditions();
  const ids = idsParam(filter?.ids, 'filter.ids');
  const organizationId = idParam(filter?.organizationId, 'filter.organizationId');
  const scope = await access.teamIds(em);
  if (scope !== null) where.add('x.id = any(?::uuid[])', pgArray(scope));
  if (ids) where.add('x.id = any(?::uuid[])', ids);
  if (organizationId) where.add('x.organization_id = ?', organizationId);
  if (filter?.kinds?.length) where.add('x.kind = any(?::text[])', pgArray(filter.kinds));
  if (filter?.search) where.add('x.name ilike ?', containsPattern(filter.search));
  const field = order?.field ?? VolunteerTeamOrderField.NAME;
  return listPage(em, VolunteerTeam, 'volunteer_team x', where, TEAM_ORDER[field], order?.direction ?? SortDirection.ASC, page);
}

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
