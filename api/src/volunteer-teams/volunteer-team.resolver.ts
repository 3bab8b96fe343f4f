import { PageArgs } from '../common/page-args';
import { Args, ID, Int, Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organization } from '../organizations/organization.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { offsetPage } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { assertUuid } from '../common/ids';
import ical from 'ical-generator';
import { loadForUpdate } from '../auth/load-for-update';
import { CalendarFeed } from '../shift-assignments/shift-assignment.entity';
import { Volunteer, newCalendarToken } from '../volunteers/volunteer.entity';
import { VolunteerTeam } from './volunteer-team.entity';
import { VolunteerTeamFilter, VolunteerTeamInput, VolunteerTeamOrder } from './volunteer-team.inputs';
import { listTeams, saveTeam } from './volunteer-team.service';

export const VolunteerTeamPage = offsetPage(VolunteerTeam, 'VolunteerTeamPage');

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
  async volunteerTeam(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    return (await ctx.access.has('VolunteerTeam', id)) ? ctx.em.findOne(VolunteerTeam, id) : null;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => VolunteerTeam, { description: 'ADMIN, COORDINATOR: creates a team (name, kind, organization required).' })
  createVolunteerTeam(@Arg('input', () => VolunteerTeamInput) input: VolunteerTeamInput, @Ctx() ctx: Context) {
    return ctx.em.transactional((em) => saveTeam(em as EntityManager, ctx.access, null, input));
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => VolunteerTeam, { description: 'ADMIN, COORDINATOR: changes a team whose version is still `version` (CONFLICT otherwise); NOT_FOUND when not theirs.' })
  updateVolunteerTeam(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input', () => VolunteerTeamInput) input: VolunteerTeamInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const team = await loadForUpdate(t, ctx, VolunteerTeam, 'VolunteerTeam', id, 'id', version);
      return saveTeam(t, ctx.access, team, input);
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
