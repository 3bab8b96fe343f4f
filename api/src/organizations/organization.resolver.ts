import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NumberRule } from '../common/input-rules';
import type { Context } from '../context';
import { offsetPage } from '../common/pagination';
import { PAGE_LIMIT_RULE, PAGE_OFFSET_RULE } from '../common/page-args';
import { Region } from '../regions/region.entity';
import { assertUuid } from '../common/ids';
import { Organization } from './organization.entity';
import { OrganizationCreateInput, OrganizationFilter, OrganizationOrder, OrganizationUpdateInput } from './organization.inputs';
import * as service from './organization.service';
import { Role } from '../auth/user.entity';
import { idempotent } from '../common/idempotency';
import { registerNodeType } from '../node/node.registry';

const OrganizationPage = offsetPage(Organization, 'OrganizationPage');

// Any caller may read any organization by id, as with `organization(id:)`.
registerNodeType(Organization, (ctx, ids) => ctx.em.find(Organization, { id: { $in: ids } }));

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'An organization by id; null when there is none.' })
  organization(@Arg('id', () => ID, { description: 'The organization\'s UUID; BAD_USER_INPUT when it is not a UUID.' }) id: string, @Ctx() { em }: Context): Promise<Organization | null> {
    assertUuid(id, 'id');
    return em.findOne(Organization, id);
  }

  @Authorized()
  @Query(() => OrganizationPage, { description: 'Staff: list of organizations, one page (limit 1–1000) with the total count.' })
  async organizations(
    @Ctx() { em, access }: Context,
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Conditions an organization must all meet.' }) filter?: OrganizationFilter,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true, description: 'Sort order; default by name ascending, ties by id.' }) orderBy?: OrganizationOrder,
    @Arg('limit', () => Int, { defaultValue: 25, description: 'Page size, 1–1000.' }) @NumberRule(PAGE_LIMIT_RULE) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Rows to skip, 0–1000000.' }) @NumberRule(PAGE_OFFSET_RULE) offset = 0,
  ) {
    const scope = filter?.assignable && !access.isAdmin ? [...(await access.organizationScope(em))] : null;
    return service.listOrganizations(em, filter, orderBy, limit, offset, scope);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Organization, { description: 'ADMIN: creates an organization. BAD_USER_INPUT names the field at fault.' })
  async createOrganization(
    @Arg('input', () => OrganizationCreateInput, { description: 'The new organization.' }) input: OrganizationCreateInput,
    @Ctx() { em, access }: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Any unique string (a UUID); the same key and input return the first result.' }) idempotencyKey?: string,
  ): Promise<Organization> {
    const { result } = await idempotent(
      em,
      { actor: access.userId!, key: idempotencyKey, operation: 'createOrganization', body: input },
      (tx) => service.createOrganization(tx, input),
      (tx, id) => service.getOrganization(tx, id),
    );
    return result;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Organization, { description: 'ADMIN: changes an organization whose version is still `version`; CONFLICT otherwise.' })
  updateOrganization(
    @Arg('id', () => ID, { description: 'UUID of the organization to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The `version` the change was made on; CONFLICT when it has changed since.' }) version: number,
    @Arg('input', () => OrganizationUpdateInput, { description: 'The fields to change.' }) input: OrganizationUpdateInput,
    @Ctx() { em }: Context,
  ) {
    return service.updateOrganization(em, id, version, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Organization, { description: 'ADMIN: deletes an organization; CONFLICT while stations or child organizations refer to it.' })
  deleteOrganization(@Arg('id', () => ID, { description: 'UUID of the organization to delete.' }) id: string, @Ctx() { em }: Context) {
    return service.deleteOrganization(em, id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The enclosing union or federation.' })
  async parent(@Root() org: Organization): Promise<Organization | null> {
    return org.parent ? org.parent.load({ dataloader: true }) : null;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The GB/T 2260 division of regionCode.' })
  region(@Root() org: Organization, @Ctx() { loaders }: Context) {
    return org.regionCode ? loaders.region.load(org.regionCode) : null;
  }
}
