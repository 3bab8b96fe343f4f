import { PageArgs } from '../common/page-args';
import { Args, ID, Int, Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { offsetPage } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { readableLoader, registerNodeType } from '../node/node.registry';
import { assertUuid } from '../common/ids';
import { personalField } from '../auth/personal-data';
import ical from 'ical-generator';
import { loadForUpdate } from '../auth/load-for-update';
import { CalendarFeed } from '../shift-assignments/shift-assignment.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Volunteer, newCalendarToken } from './volunteer.entity';
import { VolunteerFilter, VolunteerInput, VolunteerOrder } from './volunteer.inputs';
import { listVolunteers, saveVolunteer } from './volunteer.service';

export const PHONE = personalField('Volunteer', 'phone')!;

export const NAME = personalField('Volunteer', 'name')!;

export const VolunteerPage = offsetPage(Volunteer, 'VolunteerPage');

registerNodeType(Volunteer, readableLoader(Volunteer, 'Volunteer'));

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => VolunteerPage, { description: 'ADMIN, COORDINATOR: volunteers (a coordinator sees the members of their teams) matching the filter, sorted (default by name), one page with the total count. BAD_USER_INPUT names the filter field at fault.' })
  volunteers(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) paging: PageArgs,
    @Arg('filter', () => VolunteerFilter, { nullable: true, description: 'Conditions a volunteer must all meet; none: every volunteer the caller may list.' }) filter?: VolunteerFilter,
    @Arg('orderBy', () => VolunteerOrder, { nullable: true, description: 'Sort order; default by name ascending, ties by id.' }) orderBy?: VolunteerOrder,
  ) {
    return listVolunteers(ctx.em, ctx.access, filter, orderBy, paging.page);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => Volunteer, { nullable: true, description: 'ADMIN, COORDINATOR: a volunteer; null when absent or not in their teams.' })
  async volunteer(@Arg('id', () => ID, { description: 'UUID of the volunteer; BAD_USER_INPUT when malformed.' }) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    return (await ctx.access.readableIds('Volunteer', [id])).has(id) ? ctx.em.findOne(Volunteer, id) : null;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Volunteer, { description: 'ADMIN, COORDINATOR: creates a volunteer; a coordinator must name one of their teams in teamIds.' })
  createVolunteer(@Arg('input', () => VolunteerInput, { description: 'The new record (required fields as the input type says); nothing is written on any error.' }) input: VolunteerInput, @Ctx() ctx: Context) {
    return ctx.em.transactional((em) => saveVolunteer(em as EntityManager, ctx.access, null, input));
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => Volunteer, { description: 'ADMIN, COORDINATOR: changes a volunteer of their teams whose version is still `version`.' })
  updateVolunteer(@Arg('id', () => ID, { description: 'UUID of the record; NOT_FOUND on id when it does not exist or is outside your scope.' }) id: string, @Arg('version', () => Int, { description: 'The version last read; CONFLICT when the record has changed since (nothing written).' }) version: number, @Arg('input', () => VolunteerInput, { description: 'The fields to change; omitted fields keep their value.' }) input: VolunteerInput, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (em) => {
      const t = em as EntityManager;
      const v = await loadForUpdate(t, ctx, Volunteer, 'Volunteer', id, 'id', version);
      return saveVolunteer(t, ctx.access, v, input);
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
  async rotateVolunteerCalendar(@Arg('volunteerId', () => ID, { description: 'UUID of a volunteer of your teams; NOT_FOUND on volunteerId otherwise (as for a missing one).' }) volunteerId: string, @Ctx() ctx: Context) {
    const volunteer = await loadForUpdate(ctx.em, ctx, Volunteer, 'Volunteer', volunteerId, 'volunteerId');
    volunteer.calendarToken = newCalendarToken();
    await ctx.em.flush();
    return { path: `/ical/volunteer/${volunteer.calendarToken}.ics` };
  }
}
