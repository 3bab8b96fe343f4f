import { LongPageArgs } from '../common/page-args';
import { Args, Field, Float, ID, Int, ObjectType, Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Station } from '../stations/station.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NumberRule } from '../common/input-rules';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { offsetPage } from '../common/pagination';
import { PAGE_LIMIT_RULE } from '../common/page-args';
import { Role } from '../auth/user.entity';
import { readableLoader, registerNodeType } from '../node/node.registry';
import { assertUuid } from '../common/ids';
import { loadForUpdate } from '../auth/load-for-update';
import { Campaign } from '../campaigns/campaign.entity';
import { ShiftAssignment } from '../shift-assignments/shift-assignment.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Shift } from './shift.entity';
import { ShiftFilter, ShiftInput, ShiftOrder, ShiftPatternInput } from './shift.inputs';
import { listShifts, coverage, deleteShift, fillRate, hoursTotals, planShifts, saveShift } from './shift.service';
import { CampaignFillRate, HoursTotal, ShiftPlan } from './shift.types';

export { CampaignFillRate, HoursTotal, PlannedShift, PointCoverage, ShiftFill, ShiftPlan } from './shift.types';

export const ShiftPage = offsetPage(Shift, 'ShiftPage');

registerNodeType(Shift, readableLoader(Shift, 'Shift'));

@Resolver(() => Shift)
export class ShiftResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => ShiftPage, { description: 'ADMIN, COORDINATOR: the shifts of the campaigns in their scope matching the filter (a campaign, a station, a time range, ids), sorted (default by start), one page (default 100) with the total count. BAD_USER_INPUT names the filter field at fault.' })
  shifts(
    @Ctx() ctx: Context,
    @Args(() => LongPageArgs) paging: LongPageArgs,
    @Arg('filter', () => ShiftFilter, { nullable: true, description: 'Conditions a shift must all meet; none: every shift the caller may list.' }) filter?: ShiftFilter,
    @Arg('orderBy', () => ShiftOrder, { nullable: true, description: 'Sort order; default by start ascending, ties by id.' }) orderBy?: ShiftOrder,
  ) {
    return listShifts(ctx.em, ctx.access, filter, orderBy, paging.page);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => Shift, { nullable: true, description: 'ADMIN, COORDINATOR: a shift of a campaign of theirs; null when absent or not theirs. BAD_USER_INPUT on id when malformed.' })
  async shift(@Arg('id', () => ID, { description: 'UUID of the shift.' }) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    return (await ctx.access.readableIds('Shift', [id])).has(id) ? ctx.em.findOne(Shift, id) : null;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Shift, { description: 'ADMIN, COORDINATOR: creates one shift at one of the campaign\'s points, inside its window, at most 24 hours long.' })
  createShift(@Arg('input', () => ShiftInput, { description: 'The new record (required fields as the input type says); nothing is written on any error.' }) input: ShiftInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      if (!input.campaignId) throw new BadInputError('input.campaignId', 'is required', 'REQUIRED');
      await ctx.access.require('Campaign', input.campaignId, 'input.campaignId', t);
      await ctx.access.require('Station', input.stationId, 'input.stationId', t);
      return saveShift(t, null, input);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Shift, { description: 'ADMIN, COORDINATOR: changes a shift whose version is still `version`; capacity cannot drop below the places taken.' })
  updateShift(@Arg('id', () => ID, { description: 'UUID of the record; NOT_FOUND on id when it does not exist or is outside your scope.' }) id: string, @Arg('version', () => Int, { description: 'The version last read; CONFLICT when the record has changed since (nothing written).' }) version: number, @Arg('input', () => ShiftInput, { description: 'The fields to change; omitted fields keep their value.' }) input: ShiftInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const s = await loadForUpdate(t, ctx, Shift, 'Shift', id, 'id', version);
      await ctx.access.require('Campaign', input.campaignId, 'input.campaignId', t);
      await ctx.access.require('Station', input.stationId, 'input.stationId', t);
      if (input.campaignId && input.campaignId !== s.campaign.id) throw new BadInputError('input.campaignId', 'a shift cannot move to another campaign', 'SHIFT_CAMPAIGN_FIXED');
      return saveShift(t, s, input);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Shift, { description: 'ADMIN, COORDINATOR: deletes a shift that never had a sign-up (CONFLICT otherwise).' })
  deleteShift(@Arg('id', () => ID, { description: 'UUID of the shift; NOT_FOUND on id when it does not exist or is outside your scope.' }) id: string, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const s = await loadForUpdate(t, ctx, Shift, 'Shift', id);
      return deleteShift(t, s);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ShiftPlan, {
    description: 'ADMIN, COORDINATOR: expands a daily pattern into shifts in the campaign time zone (end at or before start = next day). save: false previews; save: true creates the missing ones (running it twice creates nothing more). A shift already at the same station with the same start and end counts as existing whatever its role. SHIFT_OUTSIDE_CAMPAIGN (BAD_USER_INPUT on input.slots[i]) for a slot outside the campaign window.',
  })
  planShifts(@Arg('input', () => ShiftPatternInput, { description: 'The pattern: campaign, local dates, stations and daily slots.' }) input: ShiftPatternInput, @Arg('save', () => Boolean, { defaultValue: false, description: 'false (default): preview only; true: create the shifts that do not exist yet.' }) save: boolean, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      await ctx.access.require('Campaign', input.campaignId, 'input.campaignId', t);
      await ctx.access.require('Station', input.stationIds, 'input.stationIds', t);
      return planShifts(t, input, save);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => CampaignFillRate, { description: 'ADMIN, COORDINATOR: every shift of a campaign with filled/capacity (understaffed first, night shifts flagged) and per-point coverage by local day.' })
  async campaignFillRate(@Arg('campaignId', () => ID, { description: 'UUID of a campaign in your scope; NOT_FOUND on campaignId otherwise (as for a missing one).' }) campaignId: string, @Ctx() ctx: Context) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    return fillRate(ctx.em, campaignId);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [HoursTotal], { description: 'ADMIN, COORDINATOR: hours credited per volunteer (most first), optionally for one campaign and/or team: the 优秀志愿者 list.' })
  async volunteerHours(
    @Ctx() ctx: Context,
    @Arg('campaignId', () => ID, { nullable: true, description: 'Only hours of this campaign (in your scope; NOT_FOUND on campaignId otherwise).' }) campaignId?: string,
    @Arg('teamId', () => ID, { nullable: true, description: 'Only the members of this team (one you coordinate; NOT_FOUND on teamId otherwise).' }) teamId?: string,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'Most rows, 1–1000 (default 50; INTEGER_RANGE on limit otherwise).' }) @NumberRule(PAGE_LIMIT_RULE) limit = 50,
  ) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    await ctx.access.require('VolunteerTeam', teamId, 'teamId');
    return hoursTotals(ctx.em, 'volunteer', { campaignId, teamId, teamIds: await ctx.access.teamIds(), limit });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [HoursTotal], { description: 'ADMIN, COORDINATOR: hours credited per team (most first), optionally for one campaign.' })
  async teamHours(@Ctx() ctx: Context, @Arg('campaignId', () => ID, { nullable: true, description: 'Only hours of this campaign (in your scope; NOT_FOUND on campaignId otherwise).' }) campaignId?: string) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    return hoursTotals(ctx.em, 'team', { campaignId, teamIds: await ctx.access.teamIds() });
  }

  @FieldResolver(() => Campaign, { description: 'The campaign the shift belongs to.' })
  campaign(@Root() s: Shift) {
    return s.campaign.load({ dataloader: true });
  }

  @FieldResolver(() => Station, { description: 'The station (service point) the shift is at.' })
  station(@Root() s: Shift) {
    return s.station.load({ dataloader: true });
  }

  @FieldResolver(() => Int, { description: 'Alias of maxVolunteers (the public contract).' })
  capacity(@Root() s: Shift) {
    return s.maxVolunteers;
  }

  @FieldResolver(() => [ShiftAssignment], { description: 'Staff only: its assignments in arrival order (empty for API keys).' })
  assignments(@Root() s: Shift, @Ctx() ctx: Context) {
    if (!ctx.access.isStaff) return [];
    return ctx.em.find(ShiftAssignment, { shift: s.id }, { orderBy: { seq: 'asc' } });
  }
}
