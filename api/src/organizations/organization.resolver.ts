import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { offsetPage } from '../common/pagination';
import { Region } from '../regions/region.entity';
import { assertUuid } from '../stations/station.service';
import { Organization } from './organization.entity';
import { OrganizationCreateInput, OrganizationFilter, OrganizationOrder, OrganizationUpdateInput } from './organization.inputs';
import * as service from './organization.service';

const OrganizationPage = offsetPage(Organization, 'OrganizationPage');

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'An organization by id; null when there is none.' })
  organization(@Arg('id', () => ID) id: string, @Ctx() { em }: Context): Promise<Organization | null> {
    assertUuid(id, 'id');
    return em.findOne(Organization, id);
  }

  @Query(() => OrganizationPage, { description: 'Admin list of organizations, one page (limit 1–1000) with the total count.' })
  organizations(
    @Ctx() { em }: Context,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true }) orderBy?: OrganizationOrder,
    @Arg('limit', () => Int, { defaultValue: 25 }) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ) {
    return service.listOrganizations(em, filter, orderBy, limit, offset);
  }

  @Mutation(() => Organization, { description: 'Creates an organization. BAD_USER_INPUT names the field at fault.' })
  createOrganization(@Arg('input', () => OrganizationCreateInput) input: OrganizationCreateInput, @Ctx() { em }: Context) {
    return service.createOrganization(em, input);
  }

  @Mutation(() => Organization, { description: 'Changes an organization whose version is still `version`; CONFLICT otherwise.' })
  updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => OrganizationUpdateInput) input: OrganizationUpdateInput,
    @Ctx() { em }: Context,
  ) {
    return service.updateOrganization(em, id, version, input);
  }

  @Mutation(() => Organization, { description: 'Deletes an organization; CONFLICT while stations or child organizations refer to it.' })
  deleteOrganization(@Arg('id', () => ID) id: string, @Ctx() { em }: Context) {
    return service.deleteOrganization(em, id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The enclosing union or federation.' })
  async parent(@Root() org: Organization): Promise<Organization | null> {
    return org.parent ? org.parent.load({ dataloader: true }) : null;
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() org: Organization, @Ctx() { loaders }: Context) {
    return org.regionCode ? loaders.region.load(org.regionCode) : null;
  }
}
