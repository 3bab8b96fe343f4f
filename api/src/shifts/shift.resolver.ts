import { LongPageArgs } from '../common/page-args';
import { Args, Field, Float, ID, Int, ObjectType, Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Station } from '../stations/station.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { assertIntRange, offsetPage } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { assertUuid } from '../common/ids';
import { loadForUpdate } from '../auth/load-for-update';
import { Campaign } from '../campaigns/campaign.entity';
import { ShiftAssignment } from '../shift-assignments/shift-assignment.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Shift } from './shift.entity';
import { ShiftFilter, ShiftInput, ShiftOrder, ShiftPatternInput } from './shift.inputs';
import { listShifts, coverage, deleteShift, fillRate, hoursTotals, planShifts, saveShift } from './shift.service';

export const ShiftPage = offsetPage(Shift, 'ShiftPage');

@ObjectType({ description: 'What a shift pattern makes: every shift, whether it already existed, and how many were created.' })
export class PlannedShift {
  @Field(() => ID) stationId!: string;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field() role!: string;
  @Field(() => Int) minVolunteers!: number;
  @Field(() => Int) maxVolunteers!: number;
  @Field({ description: 'true: a shift with this station, start and role already exists and is left as it is.' }) existing!: boolean;
}

@ObjectType()
export class ShiftPlan {
  @Field(() => [PlannedShift]) shifts!: PlannedShift[];
  @Field(() => Int, { description: 'Shifts created by this call (0 for a preview or a repeat).' }) created!: number;
}

@ObjectType({ description: 'A shift with its fill state.' })
export class ShiftFill {
  @Field(() => Shift) shift!: Shift;
  @Field() stationName!: string;
  @Field(() => Int) filled!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) minimum!: number;
  @Field({ description: 'Crosses local midnight or starts 18:00–06:00 in the campaign zone.' }) isNight!: boolean;
  @Field({ description: 'Fewer volunteers than minVolunteers.' }) understaffed!: boolean;
}

@ObjectType({ description: 'Coverage of one service point on one local day.' })
export class PointCoverage {
  @Field(() => ID) stationId!: string;
  @Field() stationName!: string;
  @Field({ description: 'Local date, YYYY-MM-DD.' }) date!: string;
  @Field(() => Int) shifts!: number;
  @Field(() => Int) filled!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) minimum!: number;
  @Field(() => Int) understaffedShifts!: number;
}

@ObjectType({ description: 'Fill rate of a campaign: shifts understaffed first, and per-point coverage by day.' })
export class CampaignFillRate {
  @Field(() => [ShiftFill]) shifts!: ShiftFill[];
  @Field(() => [PointCoverage]) coverage!: PointCoverage[];
  @Field(() => Int) totalFilled!: number;
  @Field(() => Int) totalCapacity!: number;
}

@ObjectType({ description: 'Hours credited to a volunteer or a team.' })
export class HoursTotal {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Float) hours!: number;
  @Field(() => Int) completedShifts!: number;
}

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
  @Query(() => Shift, { nullable: true })
  async shift(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    return (await ctx.access.has('Shift', id)) ? ctx.em.findOne(Shift, id) : null;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Shift, { description: 'ADMIN, COORDINATOR: creates one shift at one of the campaign\'s points, inside its window, at most 24 hours long.' })
  createShift(@Arg('input', () => ShiftInput) input: ShiftInput, @Ctx() ctx: Context) {
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
  updateShift(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input', () => ShiftInput) input: ShiftInput, @Ctx() ctx: Context) {
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
  deleteShift(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
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
  planShifts(@Arg('input', () => ShiftPatternInput) input: ShiftPatternInput, @Arg('save', () => Boolean, { defaultValue: false }) save: boolean, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      await ctx.access.require('Campaign', input.campaignId, 'input.campaignId', t);
      await ctx.access.require('Station', input.stationIds, 'input.stationIds', t);
      return planShifts(t, input, save);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => CampaignFillRate, { description: 'ADMIN, COORDINATOR: every shift of a campaign with filled/capacity (understaffed first, night shifts flagged) and per-point coverage by local day.' })
  async campaignFillRate(@Arg('campaignId', () => ID) campaignId: string, @Ctx() ctx: Context) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    const { campaign, rows } = await fillRate(ctx.em, campaignId);
    return {
      shifts: rows.map((r) => ({ shift: r.shift, stationName: r.stationName, filled: r.shift.filledCount, capacity: r.shift.maxVolunteers, minimum: r.shift.minVolunteers, isNight: r.isNight, understaffed: r.understaffed })),
      coverage: coverage(rows, campaign.timezone),
      totalFilled: rows.reduce((n, r) => n + r.shift.filledCount, 0),
      totalCapacity: rows.reduce((n, r) => n + r.shift.maxVolunteers, 0),
    };
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [HoursTotal], { description: 'ADMIN, COORDINATOR: hours credited per volunteer (most first), optionally for one campaign and/or team: the 优秀志愿者 list.' })
  async volunteerHours(
    @Ctx() ctx: Context,
    @Arg('campaignId', () => ID, { nullable: true }) campaignId?: string,
    @Arg('teamId', () => ID, { nullable: true }) teamId?: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
  ) {
    assertIntRange(limit, 1, 1000, 'limit');
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    await ctx.access.require('VolunteerTeam', teamId, 'teamId');
    return hoursTotals(ctx.em, 'volunteer', { campaignId, teamId, teamIds: await ctx.access.teamIds(), limit });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [HoursTotal], { description: 'ADMIN, COORDINATOR: hours credited per team (most first), optionally for one campaign.' })
  async teamHours(@Ctx() ctx: Context, @Arg('campaignId', () => ID, { nullable: true }) campaignId?: string) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    return hoursTotals(ctx.em, 'team', { campaignId, teamIds: await ctx.access.teamIds() });
  }

  @FieldResolver(() => Campaign)
  campaign(@Root() s: Shift) {
    return s.campaign.load({ dataloader: true });
  }

  @FieldResolver(() => Station)
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
