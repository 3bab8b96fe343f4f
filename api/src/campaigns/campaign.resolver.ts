import { PageArgs } from '../common/page-args';
import { Args, ID, Int, Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organization } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { offsetPage } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { readableLoader, registerNodeType } from '../node/node.registry';
import { assertUuid } from '../common/ids';
import { loadForUpdate } from '../auth/load-for-update';
import { SupplyItem } from '../supplies/supply.entity';
import { SupplyTotal } from '../supplies/supply.resolver';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Campaign } from './campaign.entity';
import { CampaignFilter, CampaignInput, CampaignOrder, ServicePointInput } from './campaign.inputs';
import { addServicePoint, listCampaigns, saveCampaign } from './campaign.service';
import { peopleServed, supplyTotals } from '../supplies/supply.service';

export const CampaignPage = offsetPage(Campaign, 'CampaignPage');

registerNodeType(Campaign, readableLoader(Campaign, 'Campaign'));

@Resolver(() => Campaign)
export class CampaignResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Query(() => CampaignPage, { description: 'Staff: campaigns matching the filter (a coordinator sees the campaigns of their organizations and teams; an operator all, read only), sorted (default newest start first), one page with the total count. BAD_USER_INPUT names the filter field at fault.' })
  campaigns(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) paging: PageArgs,
    @Arg('filter', () => CampaignFilter, { nullable: true, description: 'Conditions a campaign must all meet; none: every campaign the caller may list.' }) filter?: CampaignFilter,
    @Arg('orderBy', () => CampaignOrder, { nullable: true, description: 'Sort order; default by start, newest first, ties by id.' }) orderBy?: CampaignOrder,
  ) {
    return listCampaigns(ctx.em, ctx.access, filter, orderBy, paging.page);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Query(() => Campaign, { nullable: true, description: 'Staff: a campaign; null when absent (or, for a coordinator, not theirs).' })
  async campaign(@Arg('id', () => ID, { description: 'UUID of the campaign; BAD_USER_INPUT when malformed.' }) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    return (await ctx.access.readableIds('Campaign', [id])).has(id) ? ctx.em.findOne(Campaign, id) : null;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Campaign, { description: 'ADMIN, COORDINATOR: creates a campaign (name, kind, startsAt, endsAt required; a coordinator names one of their organizations).' })
  createCampaign(@Arg('input', () => CampaignInput, { description: 'The new record (required fields as the input type says); nothing is written on any error.' }) input: CampaignInput, @Ctx() ctx: Context) {
    return ctx.em.transactional((em) => saveCampaign(em as EntityManager, ctx.access, null, input));
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Campaign, { description: 'ADMIN, COORDINATOR: changes a campaign of theirs whose version is still `version` (CONFLICT otherwise). CLOSED stops sign-ups.' })
  updateCampaign(@Arg('id', () => ID, { description: 'UUID of the record; NOT_FOUND on id when it does not exist or is outside your scope.' }) id: string, @Arg('version', () => Int, { description: 'The version last read; CONFLICT when the record has changed since (nothing written).' }) version: number, @Arg('input', () => CampaignInput, { description: 'The fields to change; omitted fields keep their value.' }) input: CampaignInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const c = await loadForUpdate(t, ctx, Campaign, 'Campaign', id, 'id', version);
      return saveCampaign(t, ctx.access, c, input);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Station, { description: 'ADMIN, COORDINATOR: creates a temporary SERVICE_POINT station for a campaign, found by nearbyStations only during its validity window (default: the campaign window).' })
  addServicePoint(@Arg('input', () => ServicePointInput, { description: 'The point and the campaign it serves.' }) input: ServicePointInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const c = await loadForUpdate(t, ctx, Campaign, 'Campaign', input.campaignId, 'input.campaignId');
      return addServicePoint(t, c, input);
    });
  }

  @FieldResolver(() => [Organization], { description: 'The organizing organizations (主办单位).' })
  async organizations(@Root() c: Campaign) {
    return (await c.organizations.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [VolunteerTeam], { description: 'The participating volunteer teams; their members only to those who coordinate them.' })
  async teams(@Root() c: Campaign) {
    return (await c.teams.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [Station], { description: 'Its service points.' })
  async stations(@Root() c: Campaign) {
    return (await c.stations.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [SupplyItem], { description: 'The campaign\'s own supply items, by name.' })
  supplyItems(@Root() c: Campaign, @Ctx() ctx: Context) {
    return ctx.em.find(SupplyItem, { campaign: c.id }, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => [SupplyTotal], { description: 'Supplies handed out over the campaign, per item.' })
  async supplyTotals(@Root() c: Campaign, @Ctx() ctx: Context) {
    return supplyTotals(ctx.em, c.id);
  }

  @FieldResolver(() => Int, { description: 'People served (服务人次) logged for the campaign.' })
  async peopleServed(@Root() c: Campaign, @Ctx() ctx: Context) {
    return peopleServed(ctx.em, c.id);
  }
}
