import { PageArgs } from '../common/page-args';
import { Args, ID, Int, Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organization } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { offsetPage } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { assertUuid } from '../common/ids';
import { loadForUpdate } from '../auth/load-for-update';
import { SupplyItem } from '../supplies/supply.entity';
import { SupplyTotal } from '../supplies/supply.resolver';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Campaign } from './campaign.entity';
import { CampaignFilter, CampaignInput, CampaignOrder, ServicePointInput } from './campaign.inputs';
import { addServicePoint, listCampaigns, saveCampaign } from './campaign.service';

export const CampaignPage = offsetPage(Campaign, 'CampaignPage');

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
  async campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    if (!ctx.access.isOperator && !(await ctx.access.has('Campaign', id))) return null;
    return ctx.em.findOne(Campaign, id);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Campaign, { description: 'ADMIN, COORDINATOR: creates a campaign (name, kind, startsAt, endsAt required; a coordinator names one of their organizations).' })
  createCampaign(@Arg('input', () => CampaignInput) input: CampaignInput, @Ctx() ctx: Context) {
    return ctx.em.transactional((em) => saveCampaign(em as EntityManager, ctx.access, null, input));
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Campaign, { description: 'ADMIN, COORDINATOR: changes a campaign of theirs whose version is still `version` (CONFLICT otherwise). CLOSED stops sign-ups.' })
  updateCampaign(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input', () => CampaignInput) input: CampaignInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const c = await loadForUpdate(t, ctx, Campaign, 'Campaign', id, 'id', version);
      return saveCampaign(t, ctx.access, c, input);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Station, { description: 'ADMIN, COORDINATOR: creates a temporary SERVICE_POINT station for a campaign, found by nearbyStations only during its validity window (default: the campaign window).' })
  addServicePoint(@Arg('input', () => ServicePointInput) input: ServicePointInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const c = await loadForUpdate(t, ctx, Campaign, 'Campaign', input.campaignId, 'input.campaignId');
      return addServicePoint(t, c, input);
    });
  }

  @FieldResolver(() => [Organization])
  async organizations(@Root() c: Campaign) {
    return (await c.organizations.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [VolunteerTeam])
  async teams(@Root() c: Campaign) {
    return (await c.teams.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [Station], { description: 'Its service points.' })
  async stations(@Root() c: Campaign) {
    return (await c.stations.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [SupplyItem])
  supplyItems(@Root() c: Campaign, @Ctx() ctx: Context) {
    return ctx.em.find(SupplyItem, { campaign: c.id }, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => [SupplyTotal], { description: 'Supplies handed out over the campaign, per item.' })
  async supplyTotals(@Root() c: Campaign, @Ctx() ctx: Context) {
    const rows = await ctx.em.execute<{ item_id: string; q: number }[]>(
      `select t.item_id, sum(t.quantity)::int as q from supply_tally t join supply_item i on i.id = t.item_id where i.campaign_id = ? group by t.item_id`,
      [c.id],
    );
    const items = await ctx.em.find(SupplyItem, { id: { $in: rows.map((r) => r.item_id) } });
    return rows.map((r) => ({ item: items.find((i) => i.id === r.item_id)!, quantity: r.q }));
  }

  @FieldResolver(() => Int, { description: 'People served (服务人次) logged for the campaign.' })
  async peopleServed(@Root() c: Campaign, @Ctx() ctx: Context) {
    const [row] = await ctx.em.execute<{ n: number }[]>(`select coalesce(sum(people_served), 0)::int as n from service_log where campaign_id = ?`, [c.id]);
    return row.n;
  }
}
