import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { BadInputError, NotFoundError } from '../common/errors';
import { assertIntRange, assertPage, containsPattern, offsetPage, pgArray } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import { assertUuid } from '../common/ids';
import { AssignmentStatus, CampaignStatus } from './scheduling.enums';
import { Campaign, newCalendarToken, Shift, ShiftAssignment, SupplyItem, SupplyTally, ServiceLog, Volunteer, VolunteerTeam } from './scheduling.entities';
import { CampaignInput, ServicePointInput, ShiftInput, ShiftPatternInput, SupplyQuantityInput, VolunteerInput, VolunteerTeamInput } from './scheduling.inputs';
import * as assignments from './assignment.service';
import * as service from './scheduling.service';
import { personalField } from '../auth/personal-data';

const VolunteerTeamPage = offsetPage(VolunteerTeam, 'VolunteerTeamPage');
const VolunteerPage = offsetPage(Volunteer, 'VolunteerPage');
const CampaignPage = offsetPage(Campaign, 'CampaignPage');
const ShiftPage = offsetPage(Shift, 'ShiftPage');
const ShiftAssignmentPage = offsetPage(ShiftAssignment, 'ShiftAssignmentPage');

const PHONE = personalField('Volunteer', 'phone')!;
const NAME = personalField('Volunteer', 'name')!;

/**
 * Loads record `id` for a change through the access policy: NOT_FOUND naming `field` when it does not exist or is
 * outside the viewer's scope; with `version`, an optimistic lock (CONFLICT when the record changed meanwhile).
 */
async function loadForUpdate<T extends object>(
  em: EntityManager,
  ctx: Context,
  cls: new () => T,
  kind: Parameters<Context['access']['require']>[0],
  id: string,
  field = 'id',
  version?: number,
): Promise<T> {
  await ctx.access.require(kind, id, field, em);
  const e = await em.findOneOrFail(cls, id as never);
  if (version !== undefined) await em.lock(e, LockMode.OPTIMISTIC, version);
  return e;
}

@ObjectType({ description: 'What a shift pattern makes: every shift, whether it already existed, and how many were created.' })
class PlannedShift {
  @Field(() => ID) stationId!: string;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field() role!: string;
  @Field(() => Int) minVolunteers!: number;
  @Field(() => Int) maxVolunteers!: number;
  @Field({ description: 'true: a shift with this station, start and role already exists and is left as it is.' }) existing!: boolean;
}

@ObjectType()
class ShiftPlan {
  @Field(() => [PlannedShift]) shifts!: PlannedShift[];
  @Field(() => Int, { description: 'Shifts created by this call (0 for a preview or a repeat).' }) created!: number;
}

@ObjectType({ description: 'A sign-up of a team assignment that could not be made.' })
class AssignmentConflict {
  @Field(() => ID) shiftId!: string;
  @Field(() => ID) volunteerId!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'All or nothing: ok with the assignments made, or the conflicts and nothing saved.' })
class TeamAssignmentResult {
  @Field() ok!: boolean;
  @Field(() => [ShiftAssignment]) assignments!: ShiftAssignment[];
  @Field(() => [AssignmentConflict]) conflicts!: AssignmentConflict[];
}

@ObjectType({ description: 'A shift with its fill state.' })
class ShiftFill {
  @Field(() => Shift) shift!: Shift;
  @Field() stationName!: string;
  @Field(() => Int) filled!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) minimum!: number;
  @Field({ description: 'Crosses local midnight or starts 18:00–06:00 in the campaign zone.' }) isNight!: boolean;
  @Field({ description: 'Fewer volunteers than minVolunteers.' }) understaffed!: boolean;
}

@ObjectType({ description: 'Coverage of one service point on one local day.' })
class PointCoverage {
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
class CampaignFillRate {
  @Field(() => [ShiftFill]) shifts!: ShiftFill[];
  @Field(() => [PointCoverage]) coverage!: PointCoverage[];
  @Field(() => Int) totalFilled!: number;
  @Field(() => Int) totalCapacity!: number;
}

@ObjectType({ description: 'Hours credited to a volunteer or a team.' })
class HoursTotal {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Float) hours!: number;
  @Field(() => Int) completedShifts!: number;
}

@ObjectType({ description: 'Total of one supply handed out.' })
class SupplyTotal {
  @Field(() => SupplyItem) item!: SupplyItem;
  @Field(() => Int) quantity!: number;
}

@ObjectType({ description: 'A secret iCalendar feed URL (path relative to the server); anyone with it can read the shifts, so rotate it if it leaks.' })
class CalendarFeed {
  @Field({ description: 'e.g. /ical/volunteer/<token>.ics' }) path!: string;
}

@Resolver(() => VolunteerTeam)
export class VolunteerTeamResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => VolunteerTeamPage, { description: 'ADMIN, COORDINATOR: volunteer teams (a coordinator sees the teams of their organizations), by name.' })
  async volunteerTeams(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('limit', () => Int, { defaultValue: 25 }) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ) {
    assertPage(limit, offset);
    const ids = await ctx.access.teamIds();
    const where: Record<string, unknown> = ids === null ? {} : { id: { $in: ids } };
    if (search?.trim()) where.name = { $ilike: containsPattern(search.trim().slice(0, 100)) };
    const [nodes, totalCount] = await ctx.em.findAndCount(VolunteerTeam, where, { limit, offset, orderBy: { name: 'asc', id: 'asc' } });
    return { nodes, totalCount };
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => VolunteerTeam, { nullable: true, description: 'ADMIN, COORDINATOR: a team; null when absent or not theirs.' })
  async volunteerTeam(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    return (await ctx.access.has('VolunteerTeam', id)) ? ctx.em.findOne(VolunteerTeam, id) : null;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => VolunteerTeam, { description: 'ADMIN, COORDINATOR: creates a team (name, kind, organization required).' })
  createVolunteerTeam(@Arg('input', () => VolunteerTeamInput) input: VolunteerTeamInput, @Ctx() ctx: Context) {
    return ctx.em.transactional((em) => service.saveTeam(em as EntityManager, ctx.access, null, input));
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => VolunteerTeam, { description: 'ADMIN, COORDINATOR: changes a team whose version is still `version` (CONFLICT otherwise); NOT_FOUND when not theirs.' })
  updateVolunteerTeam(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input', () => VolunteerTeamInput) input: VolunteerTeamInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const team = await loadForUpdate(t, ctx, VolunteerTeam, 'VolunteerTeam', id, 'id', version);
      return service.saveTeam(t, ctx.access, team, input);
    });
  }

  @FieldResolver(() => Organization)
  organization(@Root() t: VolunteerTeam) {
    return t.organization.load({ dataloader: true });
  }

  @FieldResolver(() => Volunteer, { nullable: true, description: 'Null unless the viewer coordinates the team (ADMIN, or a COORDINATOR of its organization).' })
  async leader(@Root() t: VolunteerTeam, @Ctx() ctx: Context) {
    if (!t.leader || !(await ctx.access.has('VolunteerTeam', t.id))) return null;
    return t.leader.load({ dataloader: true });
  }

  @FieldResolver(() => [Volunteer], { description: 'Empty unless the viewer coordinates the team (ADMIN, or a COORDINATOR of its organization): e.g. an operator reading a campaign sees its teams, not their people.' })
  async members(@Root() t: VolunteerTeam, @Ctx() ctx: Context) {
    if (!(await ctx.access.has('VolunteerTeam', t.id))) return [];
    return (await t.members.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => Int)
  async memberCount(@Root() t: VolunteerTeam) {
    return (await t.members.load({ dataloader: true })).count();
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => CalendarFeed, { description: 'ADMIN, COORDINATOR: a new secret iCalendar URL for a team (the old one stops working).' })
  async rotateTeamCalendar(@Arg('teamId', () => ID) teamId: string, @Ctx() ctx: Context) {
    const team = await loadForUpdate(ctx.em, ctx, VolunteerTeam, 'VolunteerTeam', teamId, 'teamId');
    team.calendarToken = newCalendarToken();
    await ctx.em.flush();
    return { path: `/ical/team/${team.calendarToken}.ics` };
  }
}

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => VolunteerPage, { description: 'ADMIN, COORDINATOR: volunteers (a coordinator sees the members of their teams), by name.' })
  async volunteers(
    @Ctx() ctx: Context,
    @Arg('teamId', () => ID, { nullable: true }) teamId?: string,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('limit', () => Int, { defaultValue: 25 }) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ) {
    assertPage(limit, offset);
    const teams = await ctx.access.teamIds();
    const cond: string[] = ['true'];
    const params: unknown[] = [];
    if (teams !== null) {
      cond.push('exists (select 1 from volunteer_team_members m where m.volunteer_id = v.id and m.volunteer_team_id = any(?::uuid[]))');
      params.push(pgArray(teams));
    }
    if (teamId) {
      assertUuid(teamId, 'teamId');
      cond.push('exists (select 1 from volunteer_team_members m where m.volunteer_id = v.id and m.volunteer_team_id = ?)');
      params.push(teamId);
    }
    if (search?.trim()) {
      cond.push('v.name ilike ?');
      params.push(containsPattern(search.trim().slice(0, 50)));
    }
    const rows = await ctx.em.execute<{ id: string }[]>(`select v.id from volunteer v where ${cond.join(' and ')} order by v.name, v.id limit ? offset ?`, [...params, limit, offset]);
    const [{ n }] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from volunteer v where ${cond.join(' and ')}`, params);
    const byId = new Map((await ctx.em.find(Volunteer, { id: { $in: rows.map((r) => r.id) } })).map((v) => [v.id, v]));
    return { nodes: rows.map((r) => byId.get(r.id)!), totalCount: n };
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => Volunteer, { nullable: true, description: 'ADMIN, COORDINATOR: a volunteer; null when absent or not in their teams.' })
  async volunteer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    return (await ctx.access.has('Volunteer', id)) ? ctx.em.findOne(Volunteer, id) : null;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Volunteer, { description: 'ADMIN, COORDINATOR: creates a volunteer; a coordinator must name one of their teams in teamIds.' })
  createVolunteer(@Arg('input', () => VolunteerInput) input: VolunteerInput, @Ctx() ctx: Context) {
    return ctx.em.transactional((em) => service.saveVolunteer(em as EntityManager, ctx.access, null, input));
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Volunteer, { description: 'ADMIN, COORDINATOR: changes a volunteer of their teams whose version is still `version`.' })
  updateVolunteer(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input', () => VolunteerInput) input: VolunteerInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const v = await loadForUpdate(t, ctx, Volunteer, 'Volunteer', id, 'id', version);
      return service.saveVolunteer(t, ctx.access, v, input);
    });
  }

  @FieldResolver(() => String, { description: 'Full name for staff; for API keys the surname only (张*).' })
  name(@Root() v: Volunteer, @Ctx() ctx: Context): string {
    return NAME.shown(ctx.access, v.name, ctx.access.isStaff) as string;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Personal data. In full only to a COORDINATOR of a team the volunteer belongs to; masked (138****5596) to other staff, ADMIN included (data minimisation); null for API keys and anonymous callers.',
  })
  async phone(@Root() v: Volunteer, @Ctx() ctx: Context): Promise<string | null> {
    if (!ctx.access.isStaff || !v.phone) return null;
    let inFull = false;
    if (ctx.access.isCoordinator) {
      // The rule of PERSONAL_DATA (a coordinator of one of the volunteer's teams), answered without a query per
      // volunteer: their teams come through the batched collection loader, the viewer's teams once per request.
      const mine = (await ctx.access.teamIds()) ?? [];
      inFull = (await v.teams.load({ dataloader: true })).getItems().some((t) => mine.includes(t.id));
    }
    return PHONE.shown(ctx.access, v.phone, inFull) as string | null;
  }

  @FieldResolver(() => [VolunteerTeam], { description: 'Staff only (empty for API keys).' })
  async teams(@Root() v: Volunteer, @Ctx() ctx: Context) {
    if (!ctx.access.isStaff) return [];
    return (await v.teams.load({ dataloader: true })).getItems();
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => CalendarFeed, { description: 'ADMIN, COORDINATOR: a new secret iCalendar URL for a volunteer (the old one stops working).' })
  async rotateVolunteerCalendar(@Arg('volunteerId', () => ID) volunteerId: string, @Ctx() ctx: Context) {
    const volunteer = await loadForUpdate(ctx.em, ctx, Volunteer, 'Volunteer', volunteerId, 'volunteerId');
    volunteer.calendarToken = newCalendarToken();
    await ctx.em.flush();
    return { path: `/ical/volunteer/${volunteer.calendarToken}.ics` };
  }
}

@Resolver(() => Campaign)
export class CampaignResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Query(() => CampaignPage, { description: 'Staff: campaigns, newest first (a coordinator sees the campaigns of their organizations and teams; an operator all, read only).' })
  async campaigns(
    @Ctx() ctx: Context,
    @Arg('status', () => CampaignStatus, { nullable: true }) status?: CampaignStatus,
    @Arg('limit', () => Int, { defaultValue: 25 }) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ) {
    assertPage(limit, offset);
    const ids = ctx.access.isOperator ? null : await ctx.access.campaignIds();
    const where: Record<string, unknown> = ids === null ? {} : { id: { $in: ids } };
    if (status) where.status = status;
    const [nodes, totalCount] = await ctx.em.findAndCount(Campaign, where, { limit, offset, orderBy: { startsAt: 'desc', id: 'asc' } });
    return { nodes, totalCount };
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
    return ctx.em.transactional((em) => service.saveCampaign(em as EntityManager, ctx.access, null, input));
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Campaign, { description: 'ADMIN, COORDINATOR: changes a campaign of theirs whose version is still `version` (CONFLICT otherwise). CLOSED stops sign-ups.' })
  updateCampaign(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input', () => CampaignInput) input: CampaignInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const c = await loadForUpdate(t, ctx, Campaign, 'Campaign', id, 'id', version);
      return service.saveCampaign(t, ctx.access, c, input);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Station, { description: 'ADMIN, COORDINATOR: creates a temporary SERVICE_POINT station for a campaign, found by nearbyStations only during its validity window (default: the campaign window).' })
  addServicePoint(@Arg('input', () => ServicePointInput) input: ServicePointInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const c = await loadForUpdate(t, ctx, Campaign, 'Campaign', input.campaignId, 'input.campaignId');
      return service.addServicePoint(t, c, input);
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

@Resolver(() => Shift)
export class ShiftResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => ShiftPage, { description: 'ADMIN, COORDINATOR: the shifts of a campaign of theirs, by start, optionally between two instants and at one station.' })
  async shifts(
    @Arg('campaignId', () => ID) campaignId: string,
    @Ctx() ctx: Context,
    @Arg('stationId', () => ID, { nullable: true }) stationId?: string,
    @Arg('from', () => DateTimeResolver, { nullable: true }) from?: Date,
    @Arg('to', () => DateTimeResolver, { nullable: true }) to?: Date,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit = 100,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ) {
    assertPage(limit, offset);
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    const where: Record<string, unknown> = { campaign: campaignId };
    if (stationId) {
      assertUuid(stationId, 'stationId');
      where.station = stationId;
    }
    if (from || to) where.startsAt = { ...(to ? { $lt: to } : {}) };
    if (from) where.endsAt = { $gt: from };
    const [nodes, totalCount] = await ctx.em.findAndCount(Shift, where, { limit, offset, orderBy: { startsAt: 'asc', id: 'asc' } });
    return { nodes, totalCount };
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
      if (!input.campaignId) throw new BadInputError('input.campaignId', 'is required');
      await ctx.access.require('Campaign', input.campaignId, 'input.campaignId', t);
      await ctx.access.require('Station', input.stationId, 'input.stationId', t);
      return service.saveShift(t, null, input);
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
      if (input.campaignId && input.campaignId !== s.campaign.id) throw new BadInputError('input.campaignId', 'a shift cannot move to another campaign');
      return service.saveShift(t, s, input);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Shift, { description: 'ADMIN, COORDINATOR: deletes a shift that never had a sign-up (CONFLICT otherwise).' })
  deleteShift(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const s = await loadForUpdate(t, ctx, Shift, 'Shift', id);
      return service.deleteShift(t, s);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ShiftPlan, {
    description: 'ADMIN, COORDINATOR: expands a daily pattern into shifts in the campaign time zone (end at or before start = next day). save: false previews; save: true creates the missing ones (running it twice creates nothing more).',
  })
  planShifts(@Arg('input', () => ShiftPatternInput) input: ShiftPatternInput, @Arg('save', () => Boolean, { defaultValue: false }) save: boolean, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      await ctx.access.require('Campaign', input.campaignId, 'input.campaignId', t);
      await ctx.access.require('Station', input.stationIds, 'input.stationIds', t);
      return service.planShifts(t, input, save);
    });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => CampaignFillRate, { description: 'ADMIN, COORDINATOR: every shift of a campaign with filled/capacity (understaffed first, night shifts flagged) and per-point coverage by local day.' })
  async campaignFillRate(@Arg('campaignId', () => ID) campaignId: string, @Ctx() ctx: Context) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    const { campaign, rows } = await service.fillRate(ctx.em, campaignId);
    return {
      shifts: rows.map((r) => ({ shift: r.shift, stationName: r.stationName, filled: r.shift.filledCount, capacity: r.shift.maxVolunteers, minimum: r.shift.minVolunteers, isNight: r.isNight, understaffed: r.understaffed })),
      coverage: service.coverage(rows, campaign.timezone),
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
    return service.hoursTotals(ctx.em, 'volunteer', { campaignId, teamId, teamIds: await ctx.access.teamIds(), limit });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [HoursTotal], { description: 'ADMIN, COORDINATOR: hours credited per team (most first), optionally for one campaign.' })
  async teamHours(@Ctx() ctx: Context, @Arg('campaignId', () => ID, { nullable: true }) campaignId?: string) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    return service.hoursTotals(ctx.em, 'team', { campaignId, teamIds: await ctx.access.teamIds() });
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

@Resolver(() => ShiftAssignment)
export class ShiftAssignmentResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => ShiftAssignmentPage, { description: 'ADMIN, COORDINATOR: assignments of a shift, a volunteer or a campaign of theirs, in arrival order.' })
  async shiftAssignments(
    @Ctx() ctx: Context,
    @Arg('shiftId', () => ID, { nullable: true }) shiftId?: string,
    @Arg('volunteerId', () => ID, { nullable: true }) volunteerId?: string,
    @Arg('campaignId', () => ID, { nullable: true }) campaignId?: string,
    @Arg('status', () => AssignmentStatus, { nullable: true }) status?: AssignmentStatus,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit = 100,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ) {
    assertPage(limit, offset);
    const campaigns = await ctx.access.campaignIds();
    const where: Record<string, unknown> = {};
    if (shiftId) (assertUuid(shiftId, 'shiftId'), (where.shift = shiftId));
    if (volunteerId) (assertUuid(volunteerId, 'volunteerId'), (where.volunteer = volunteerId));
    if (campaignId) {
      await ctx.access.require('Campaign', campaignId, 'campaignId');
      where.shift = { ...(shiftId ? { id: shiftId } : {}), campaign: campaignId };
    } else if (campaigns !== null) {
      where.shift = { ...(shiftId ? { id: shiftId } : {}), campaign: { $in: campaigns } };
    }
    if (status) where.status = status;
    const [nodes, totalCount] = await ctx.em.findAndCount(ShiftAssignment, where, { limit, offset, orderBy: { seq: 'asc' } });
    return { nodes, totalCount };
  }

  @Mutation(() => ShiftAssignment, {
    description:
      'Signs a volunteer up (ADMIN, a COORDINATOR of the campaign, or an API key with VOLUNTEER_APP). A full shift waitlists (allowWaitlist, default) or is CONFLICT; overlapping another shift of the volunteer, or already on it: CONFLICT; missing skills, closed campaign, outside the window or ended: BAD_USER_INPUT. The database enforces capacity and no overlap whatever the concurrency.',
  })
  async signUpForShift(
    @Arg('shiftId', () => ID) shiftId: string,
    @Arg('volunteerId', () => ID) volunteerId: string,
    @Ctx() ctx: Context,
    @Arg('allowWaitlist', () => Boolean, { defaultValue: true }) allowWaitlist: boolean,
  ) {
    ctx.access.requireVolunteerOperation();
    await ctx.access.require('Shift', shiftId, 'shiftId');
    await ctx.access.require('Volunteer', volunteerId, 'volunteerId');
    return assignments.signUp(ctx.em, shiftId, volunteerId, allowWaitlist);
  }

  @Mutation(() => ShiftAssignment, { description: 'Cancels a sign-up or waitlist place; the first waitlisted volunteer takes the place at once. Same callers as signUpForShift.' })
  async cancelShiftAssignment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    ctx.access.requireVolunteerOperation();
    await ctx.access.require('ShiftAssignment', id, 'id');
    return assignments.cancel(ctx.em, id);
  }

  @Mutation(() => ShiftAssignment, { description: `Checks in at \`at\` (default now): from CHECKIN_WINDOW_MINUTES before the start until the end, not in the future. Same callers as signUpForShift.` })
  async checkIn(@Arg('assignmentId', () => ID) assignmentId: string, @Ctx() ctx: Context, @Arg('at', () => DateTimeResolver, { nullable: true }) at?: Date) {
    ctx.access.requireVolunteerOperation();
    await ctx.access.require('ShiftAssignment', assignmentId, 'assignmentId');
    return assignments.checkIn(ctx.em, assignmentId, at, { windowMinutes: ctx.config.CHECKIN_WINDOW_MINUTES });
  }

  @Mutation(() => ShiftAssignment, { description: 'Checks out at `at` (default now), after check-in; credits hours capped at the shift length. Same callers as signUpForShift.' })
  async checkOut(@Arg('assignmentId', () => ID) assignmentId: string, @Ctx() ctx: Context, @Arg('at', () => DateTimeResolver, { nullable: true }) at?: Date) {
    ctx.access.requireVolunteerOperation();
    await ctx.access.require('ShiftAssignment', assignmentId, 'assignmentId');
    return assignments.checkOut(ctx.em, assignmentId, at);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ShiftAssignment, { description: 'ADMIN, COORDINATOR: SIGNED_UP → CONFIRMED.' })
  async confirmShiftAssignment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    await ctx.access.require('ShiftAssignment', id, 'id');
    return assignments.confirm(ctx.em, id);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ShiftAssignment, { description: 'ADMIN, COORDINATOR: marks a volunteer who did not come, once the shift has started.' })
  async markNoShow(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    await ctx.access.require('ShiftAssignment', id, 'id');
    return assignments.markNoShow(ctx.em, id);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ShiftAssignment, { description: 'ADMIN, COORDINATOR: sets the hours of a completed assignment (0–48), e.g. beyond the shift length; records the approver.' })
  async approveHours(@Arg('id', () => ID) id: string, @Arg('hours', () => Float) hours: number, @Ctx() ctx: Context) {
    await ctx.access.require('ShiftAssignment', id, 'id');
    return assignments.approveHours(ctx.em, id, hours, ctx.access.userId!);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => TeamAssignmentResult, { description: 'ADMIN, COORDINATOR: signs every member of a team up for every listed shift, all or nothing (no waitlist); on any conflict nothing is saved and the conflicts are listed. dryRun checks only.' })
  async assignTeamToShifts(
    @Arg('teamId', () => ID) teamId: string,
    @Arg('shiftIds', () => [ID]) shiftIds: string[],
    @Ctx() ctx: Context,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
  ) {
    if (shiftIds.length > 200) throw new BadInputError('shiftIds', 'at most 200 shifts at a time');
    await ctx.access.require('VolunteerTeam', teamId, 'teamId');
    await ctx.access.require('Shift', shiftIds, 'shiftIds');
    return service.assignTeam(ctx.em, teamId, shiftIds, dryRun);
  }

  @FieldResolver(() => Shift)
  shift(@Root() a: ShiftAssignment) {
    return a.shift.load({ dataloader: true });
  }

  @FieldResolver(() => Volunteer)
  volunteer(@Root() a: ShiftAssignment) {
    return a.volunteer.load({ dataloader: true });
  }
}

/**
 * Who may record or read supplies and people served at a station: ADMIN, an OPERATOR who may edit the station,
 * or a COORDINATOR of a campaign the station serves. NOT_FOUND naming `stationId` otherwise (as for a station that
 * does not exist).
 */
async function assertCanRecordAt(ctx: Context, stationId: string): Promise<void> {
  assertUuid(stationId, 'stationId');
  if (ctx.access.isAdmin) return ctx.access.require('Station', stationId, 'stationId');
  if (ctx.access.isOperator) return ctx.access.require('Station', stationId, 'stationId');
  const campaigns = (await ctx.access.campaignIds()) ?? [];
  const [linked] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from campaign_stations where station_id = ? and campaign_id = any(?::uuid[])`, [stationId, pgArray(campaigns)]);
  if (!linked.n) ctx.access.notFound('Station', stationId, 'stationId');
}

@Resolver(() => SupplyItem)
export class SuppliesResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => SupplyItem, { description: 'ADMIN, COORDINATOR: a supply of a campaign, e.g. 矿泉水 (瓶). CONFLICT when the campaign already has one with that name.' })
  async createSupplyItem(@Arg('campaignId', () => ID) campaignId: string, @Arg('name') name: string, @Arg('unit') unit: string, @Ctx() ctx: Context) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    if (!name.trim() || name.length > 50) throw new BadInputError('name', 'must be 1–50 characters');
    if (!unit.trim() || unit.length > 20) throw new BadInputError('unit', 'must be 1–20 characters');
    const item = ctx.em.create(SupplyItem, { name: name.trim(), unit: unit.trim(), campaign: campaignId } as never);
    await ctx.em.flush();
    return item;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => [SupplyTally], { description: 'Staff who run the station (its OPERATOR, a COORDINATOR of a campaign it serves, ADMIN): supplies handed out on a local day.' })
  async recordSupplies(
    @Arg('stationId', () => ID) stationId: string,
    @Arg('day') day: string,
    @Arg('items', () => [SupplyQuantityInput]) items: SupplyQuantityInput[],
    @Ctx() ctx: Context,
    @Arg('shiftId', () => ID, { nullable: true }) shiftId?: string,
  ) {
    await assertCanRecordAt(ctx, stationId);
    return service.recordSupplies(ctx.em, ctx.access, { stationId, day, shiftId, items }, ctx.access.userId);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => ServiceLog, { description: 'Staff who run the station: people served (服务人次) on a local day; a second entry for the day replaces the first.' })
  async recordServiceLog(
    @Arg('stationId', () => ID) stationId: string,
    @Arg('day') day: string,
    @Arg('peopleServed', () => Int) peopleServed: number,
    @Ctx() ctx: Context,
    @Arg('campaignId', () => ID, { nullable: true }) campaignId?: string,
  ) {
    await assertCanRecordAt(ctx, stationId);
    return service.recordServiceLog(ctx.em, ctx.access, { stationId, day, peopleServed, campaignId });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Query(() => [ServiceLog], { description: 'Staff who run the station (as for recordServiceLog): people-served entries of a station between two local dates (inclusive).' })
  async serviceLogs(@Arg('stationId', () => ID) stationId: string, @Arg('from') from: string, @Arg('to') to: string, @Ctx() ctx: Context) {
    await assertCanRecordAt(ctx, stationId);
    return ctx.em.find(ServiceLog, { station: stationId, day: { $gte: from, $lte: to } }, { orderBy: { day: 'asc' }, limit: 1000 });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR, Role.OPERATOR)
  @Query(() => [SupplyTally], { description: 'Staff who run the station (as for recordSupplies): supply entries at a station between two local dates (inclusive).' })
  async supplyTallies(@Arg('stationId', () => ID) stationId: string, @Arg('from') from: string, @Arg('to') to: string, @Ctx() ctx: Context) {
    await assertCanRecordAt(ctx, stationId);
    return ctx.em.find(SupplyTally, { station: stationId, day: { $gte: from, $lte: to } }, { orderBy: { day: 'asc', createdAt: 'asc' }, limit: 1000 });
  }
}

@Resolver(() => SupplyTally)
export class SupplyTallyResolver {
  @FieldResolver(() => SupplyItem)
  item(@Root() t: SupplyTally) {
    return t.item.load({ dataloader: true });
  }
}
