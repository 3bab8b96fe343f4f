import { PageArgs } from '../common/page-args';
import { Args, ID, Int, Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organization } from '../organizations/organization.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { offsetPage } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { readableLoader, registerNodeType } from '../node/node.registry';
import { assertUuid } from '../common/ids';
import ical from 'ical-generator';
import { loadForUpdate } from '../auth/load-for-update';
import { CalendarFeed } from '../shift-assignments/shift-assignment.entity';
import { Volunteer, newCalendarToken } from '../volunteers/volunteer.entity';
import { VolunteerTeam } from './volunteer-team.entity';
import { VolunteerTeamFilter, VolunteerTeamInput, VolunteerTeamOrder } from './volunteer-team.inputs';
import { listTeams, saveTeam } from './volunteer-team.service';

export const VolunteerTeamPage = offsetPage(VolunteerTeam, 'VolunteerTeamPage');

registerNodeType(VolunteerTeam, readableLoader(VolunteerTeam, 'VolunteerTeam'));

@Resolver(() => VolunteerTeam)
export class VolunteerTeamResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => VolunteerTeamPage, { description: 'ADMIN, COORDINATOR: volunteer teams (a coordinator sees the teams of their organizations) matching the filter, sorted (default by name), one page with the total count. BAD_USER_INPUT names the filter field at fault.' })
  volunteerTeams(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) paging: PageArgs,
    @Arg('filter', () => VolunteerTeamFilter, { nullable: true, description: 'Conditions a team must all meet; none: every team the caller may list.' }) filter?: VolunteerTeamFilter,
    @Arg('orderBy', () => VolunteerTeamOrder, { nullable: true, description: 'Sort order; default by name ascending, ties by id.' }) orderBy?: VolunteerTeamOrder,
  ) {
    return listTeams(ctx.em, ctx.access, filter, orderBy, paging.page);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => VolunteerTeam, { nullable: true, description: 'ADMIN, COORDINATOR: a team; null when absent or not theirs.' })
  async volunteerTeam(@Arg('id', () => ID, { description: 'UUID of the team; BAD_USER_INPUT when malformed.' }) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    return (await ctx.access.readableIds('VolunteerTeam', [id])).has(id) ? ctx.em.findOne(VolunteerTeam, id) : null;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => VolunteerTeam, { description: 'ADMIN, COORDINATOR: creates a team (name, kind, organization required).' })
  createVolunteerTeam(@Arg('input', () => VolunteerTeamInput, { description: 'The new record (required fields as the input type says); nothing is written on any error.' }) input: VolunteerTeamInput, @Ctx() ctx: Context) {
    return ctx.em.transactional((em) => saveTeam(em as EntityManager, ctx.access, null, input));
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => VolunteerTeam, { description: 'ADMIN, COORDINATOR: changes a team whose version is still `version` (CONFLICT otherwise); NOT_FOUND when not theirs.' })
  updateVolunteerTeam(@Arg('id', () => ID, { description: 'UUID of the record; NOT_FOUND on id when it does not exist or is outside your scope.' }) id: string, @Arg('version', () => Int, { description: 'The version last read; CONFLICT when the record has changed since (nothing written).' }) version: number, @Arg('input', () => VolunteerTeamInput, { description: 'The fields to change; omitted fields keep their value.' }) input: VolunteerTeamInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const team = await loadForUpdate(t, ctx, VolunteerTeam, 'VolunteerTeam', id, 'id', version);
      return saveTeam(t, ctx.access, team, input);
    });
  }

  @FieldResolver(() => Organization, { description: 'The organization the team belongs to.' })
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

  @FieldResolver(() => Int, { description: 'Number of members (visible to every reader of the team, even when `members` is empty for them).' })
  async memberCount(@Root() t: VolunteerTeam) {
    return (await t.members.load({ dataloader: true })).count();
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => CalendarFeed, { description: 'ADMIN, COORDINATOR: a new secret iCalendar URL for a team (the old one stops working).' })
  async rotateTeamCalendar(@Arg('teamId', () => ID, { description: 'UUID of a team you coordinate; NOT_FOUND on teamId otherwise (as for a missing one).' }) teamId: string, @Ctx() ctx: Context) {
    const team = await loadForUpdate(ctx.em, ctx, VolunteerTeam, 'VolunteerTeam', teamId, 'teamId');
    team.calendarToken = newCalendarToken();
    await ctx.em.flush();
    return { path: `/ical/team/${team.calendarToken}.ics` };
  }
}
