import { Field, ID, Int, ObjectType, Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListRule, LOCAL_DATE_RULE, nameRule, NumberRule, TextArgRule } from '../common/input-rules';
import { Station } from '../stations/station.entity';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { Role } from '../auth/user.entity';
import { assertUuid } from '../common/ids';
import { Campaign } from '../campaigns/campaign.entity';
import { ServiceLog, SupplyItem, SupplyTally } from './supply.entity';
import { ServiceLogFilter, ServiceLogOrder, SupplyQuantityInput, SupplyTallyFilter, SupplyTallyOrder } from './supply.inputs';
import { PAGE_LIMIT_RULE } from '../common/page-args';
import { assertCanRecordAt, listServiceLogs, listSupplyTallies, recordServiceLog, recordSupplies } from './supply.service';

@ObjectType({ description: 'Total of one supply handed out.' })
export class SupplyTotal {
  @Field(() => SupplyItem, { description: 'The supply item.' }) item!: SupplyItem;
  @Field(() => Int, { description: 'Total handed out, in the item\'s unit.' }) quantity!: number;
}

@Resolver(() => SupplyItem)
export class SuppliesResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => SupplyItem, { description: 'ADMIN, COORDINATOR: a supply of a campaign, e.g. 矿泉水 (瓶). CONFLICT when the campaign already has one with that name.' })
  async createSupplyItem(
    @Arg('campaignId', () => ID, { description: 'UUID of a campaign in your scope; NOT_FOUND on campaignId otherwise (as for a missing one).' }) campaignId: string,
    @Arg('name', { description: '1–50 characters (trimmed, at least one visible).' }) @TextArgRule(nameRule(50)) name: string,
    @Arg('unit', { description: '1–20 characters (trimmed, at least one visible), e.g. 瓶.' }) @TextArgRule(nameRule(20)) unit: string,
    @Ctx() ctx: Context,
  ) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    const item = ctx.em.create(SupplyItem, { name, unit, campaign: campaignId } as never);
    await ctx.em.flush();
    return item;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => [SupplyTally], { description: 'Staff who run the station (its OPERATOR, a COORDINATOR of a campaign it serves, ADMIN): supplies handed out on a local day.' })
  async recordSupplies(
    @Arg('stationId', () => ID, { description: 'UUID of a station you run (see above); NOT_FOUND on stationId otherwise (as for a missing one).' }) stationId: string,
    @Arg('day', { description: 'Local date YYYY-MM-DD (1900–2100).' }) @TextArgRule(LOCAL_DATE_RULE) day: string,
    @Arg('items', () => [SupplyQuantityInput], { description: '1–100 items with their quantities (TOO_FEW / TOO_MANY on items); each item general or of a campaign the station serves (BAD_USER_INPUT on items[i].itemId otherwise).' }) @ListRule({ min: 1, max: 100, noun: 'items' }) items: SupplyQuantityInput[],
    @Ctx() ctx: Context,
    @Arg('shiftId', () => ID, { nullable: true, description: 'The shift during which they were handed out, at this station (BAD_USER_INPUT on shiftId otherwise; NOT_FOUND outside your scope).' }) shiftId?: string,
  ) {
    await assertCanRecordAt(ctx, stationId);
    return recordSupplies(ctx.em, ctx.access, { stationId, day, shiftId, items }, ctx.access.userId);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => ServiceLog, { description: 'Staff who run the station: people served (服务人次) on a local day; a second entry for the day replaces the first.' })
  async recordServiceLog(
    @Arg('stationId', () => ID, { description: 'UUID of a station you run (see above); NOT_FOUND on stationId otherwise (as for a missing one).' }) stationId: string,
    @Arg('day', { description: 'Local date YYYY-MM-DD (1900–2100).' }) @TextArgRule(LOCAL_DATE_RULE) day: string,
    @Arg('peopleServed', () => Int, { description: 'People served that day, 0–1000000 (INTEGER_RANGE on peopleServed otherwise).' }) @NumberRule({ min: 0, max: 1_000_000 }) peopleServed: number,
    @Ctx() ctx: Context,
    @Arg('campaignId', () => ID, { nullable: true, description: 'The campaign the visits count for: in your scope (NOT_FOUND on campaignId otherwise) and served by the station (BAD_USER_INPUT otherwise).' }) campaignId?: string,
  ) {
    await assertCanRecordAt(ctx, stationId);
    return recordServiceLog(ctx.em, ctx.access, { stationId, day, peopleServed, campaignId });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Query(() => [ServiceLog], { description: 'Staff who run the station (as for recordServiceLog): people-served entries of a station between two local dates (inclusive), filtered (ids, campaign) and sorted like the other lists, at most `limit`.' })
  async serviceLogs(
    @Arg('stationId', () => ID, { description: 'UUID of a station you run; NOT_FOUND on stationId otherwise (as for a missing one).' }) stationId: string,
    @Arg('from', { description: 'Local date YYYY-MM-DD (1900–2100).' }) @TextArgRule(LOCAL_DATE_RULE) from: string,
    @Arg('to', { description: 'Local date YYYY-MM-DD (1900–2100).' }) @TextArgRule(LOCAL_DATE_RULE) to: string,
    @Ctx() ctx: Context,
    @Arg('filter', () => ServiceLogFilter, { nullable: true, description: 'Further conditions (ids, campaign); BAD_USER_INPUT names the filter field at fault.' }) filter?: ServiceLogFilter,
    @Arg('orderBy', () => ServiceLogOrder, { nullable: true, description: 'Sort order; default by day ascending, ties by id.' }) orderBy?: ServiceLogOrder,
    @Arg('limit', () => Int, { defaultValue: 1000, description: 'Most entries, 1–1000 (default 1000).' }) @NumberRule(PAGE_LIMIT_RULE) limit = 1000,
  ) {
    await assertCanRecordAt(ctx, stationId);
    return listServiceLogs(ctx.em, stationId, from, to, filter, orderBy, limit);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Query(() => [SupplyTally], { description: 'Staff who run the station (as for recordSupplies): supply entries at a station between two local dates (inclusive), filtered (ids, item, shift) and sorted like the other lists, at most `limit`.' })
  async supplyTallies(
    @Arg('stationId', () => ID, { description: 'UUID of a station you run; NOT_FOUND on stationId otherwise (as for a missing one).' }) stationId: string,
    @Arg('from', { description: 'Local date YYYY-MM-DD (1900–2100).' }) @TextArgRule(LOCAL_DATE_RULE) from: string,
    @Arg('to', { description: 'Local date YYYY-MM-DD (1900–2100).' }) @TextArgRule(LOCAL_DATE_RULE) to: string,
    @Ctx() ctx: Context,
    @Arg('filter', () => SupplyTallyFilter, { nullable: true, description: 'Further conditions (ids, item, shift); BAD_USER_INPUT names the filter field at fault.' }) filter?: SupplyTallyFilter,
    @Arg('orderBy', () => SupplyTallyOrder, { nullable: true, description: 'Sort order; default by day then creation, ascending, ties by id.' }) orderBy?: SupplyTallyOrder,
    @Arg('limit', () => Int, { defaultValue: 1000, description: 'Most entries, 1–1000 (default 1000).' }) @NumberRule(PAGE_LIMIT_RULE) limit = 1000,
  ) {
    await assertCanRecordAt(ctx, stationId);
    return listSupplyTallies(ctx.em, stationId, from, to, filter, orderBy, limit);
  }
}

@Resolver(() => SupplyTally)
export class SupplyTallyResolver {
  @FieldResolver(() => SupplyItem, { description: 'The supply handed out.' })
  item(@Root() t: SupplyTally) {
    return t.item.load({ dataloader: true });
  }
}
