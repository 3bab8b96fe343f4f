import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, ConflictError } from '../common/errors';
import { ReferenceNotFoundError } from '../auth/not-found';
import { pgArray, containsPattern } from '../common/pagination';
import { assertRegionExists } from '../regions/region.service';
import { assertUuid } from '../common/ids';
import { Organization } from './organization.entity';
import type { OrganizationCreateInput, OrganizationFilter, OrganizationOrder, OrganizationUpdateInput } from './organization.inputs';

/** Loads an organization, or NOT_FOUND `Organization <id> not found` naming `field` (the policy's one NOT_FOUND). */
export async function getOrganization(em: EntityManager, id: string, field = 'id'): Promise<Organization> {
  assertUuid(id, field);
  const org = await em.findOne(Organization, id);
  if (!org) throw new ReferenceNotFoundError('Organization', id, field);
  return org;
}

async function applyInput(em: EntityManager, org: Organization, input: OrganizationCreateInput | OrganizationUpdateInput): Promise<void> {
  if (input.name !== undefined) {
    const name = input.name?.trim();
    if (!name) throw new BadInputError('input.name', 'must not be empty', 'EMPTY');
    org.name = name;
  }
  if (input.kind != null) org.kind = input.kind;
  if (input.regionCode !== undefined) {
    if (input.regionCode) await assertRegionExists(em, input.regionCode, 'input.regionCode');
    org.regionCode = input.regionCode || null;
  }
  if (input.parentId !== undefined) {
    if (!input.parentId) {
      org.parent = null;
    } else {
      assertUuid(input.parentId, 'input.parentId');
      // Walk up from the new parent: reaching `org` would make the union tree a cycle.
      const chain = await em.execute<{ id: string }[]>(
        `with recursive up(id, parent_id, depth) as (
           select id, parent_id, 0 from organization where id = ?
           union all select o.id, o.parent_id, up.depth + 1 from organization o join up on o.id = up.parent_id where up.depth < 100)
         select id from up`,
        [input.parentId],
      );
      if (chain.length === 0) throw new ReferenceNotFoundError('Organization', input.parentId, 'input.parentId');
      if (chain.some((r) => r.id === org.id)) throw new BadInputError('input.parentId', 'an organization cannot be its own ancestor', 'ORGANIZATION_OWN_ANCESTOR');
      org.parent = em.getReference(Organization, input.parentId, { wrapped: true });
    }
  }
}

export async function createOrganization(em: EntityManager, input: OrganizationCreateInput): Promise<Organization> {
  const org = new Organization();
  await applyInput(em, org, input);
  await em.persist(org).flush();
  return org;
}

/** Changes an organization if its version is still `version` (else CONFLICT). */
export async function updateOrganization(em: EntityManager, id: string, version: number, input: OrganizationUpdateInput): Promise<Organization> {
  const org = await getOrganization(em, id);
  await em.lock(org, LockMode.OPTIMISTIC, version);
  await applyInput(em, org, input);
  await em.flush();
  return org;
}

/** Deletes an organization; CONFLICT while stations or child organizations still refer to it. */
export async function deleteOrganization(em: EntityManager, id: string): Promise<Organization> {
  const org = await getOrganization(em, id);
  const [{ n }] = await em.execute<{ n: string }[]>(
    `select (select count(*) from station where host_organization_id = ? or operator_organization_id = ?)
          + (select count(*) from organization where parent_id = ?) as n`,
    [id, id, id],
  );
  if (Number(n) > 0) throw new ConflictError(`Organization ${id} still has ${n} stations or child organizations; move them first`, {}, 'ORGANIZATION_NOT_EMPTY', { count: Number(n) });
  await em.remove(org).flush();
  return org;
}

const ORDER: Record<string, string> = { NAME: 'name', KIND: 'kind', REGION_CODE: 'region_code', CREATED_AT: 'created_at', UPDATED_AT: 'updated_at' };

/** One page of the admin organization list with its total count. */
export async function listOrganizations(
  em: EntityManager,
  filter: OrganizationFilter | undefined,
  order: OrganizationOrder | undefined,
  limit: number,
  offset: number,
  scope: readonly string[] | null = null,
): Promise<{ nodes: Organization[]; totalCount: number }> {
  const parts = ['true'];
  const params: unknown[] = [];
  if (filter?.ids) {
    filter.ids.forEach((id, i) => assertUuid(id, `filter.ids[${i}]`));
    parts.push('id = any(?::uuid[])');
    params.push(pgArray(filter.ids));
  }
  if (filter?.kinds?.length) {
    parts.push('kind = any(?::text[])');
    params.push(pgArray(filter.kinds));
  }
  // Trimmed and limited to 100 characters by its declared text rule (OrganizationFilter.search).
  if (filter?.search) {
    parts.push('name ilike ?');
    params.push(containsPattern(filter.search));
  }
  if (filter?.parentId) {
    assertUuid(filter.parentId, 'filter.parentId');
    parts.push('parent_id = ?');
    params.push(filter.parentId);
  }
  // Digits only, by its declared text rule (OrganizationFilter.regionCodePrefix).
  if (filter?.regionCodePrefix) {
    parts.push('region_code like ?');
    params.push(`${filter.regionCodePrefix}%`);
  }
  // `assignable`: the caller's organizations and those below them (Access.organizationScope), given by the resolver.
  if (scope) {
    parts.push('id = any(?::uuid[])');
    params.push(pgArray([...scope]));
  }
  const where = parts.join(' and ');
  const dir = order?.direction === 'DESC' ? 'desc' : 'asc';
  const rows = await em.execute<{ id: string }[]>(
    `select id from organization where ${where} order by ${ORDER[order?.field ?? 'NAME']} ${dir} nulls last, id ${dir} limit ? offset ?`,
    [...params, limit, offset],
  );
  const [{ n }] = await em.execute<{ n: string }[]>(`select count(*) as n from organization where ${where}`, params);
  const byId = new Map((await em.find(Organization, { id: { $in: rows.map((r) => r.id) } })).map((o) => [o.id, o]));
  return { nodes: rows.map((r) => byId.get(r.id)!).filter(Boolean), totalCount: Number(n) };
}
