import { LongPageArgs } from '../common/page-args';
import { ShiftAssignmentFilter, ShiftAssignmentOrder } from './shift-assignment.inputs';
import { Args, Field, Float, ID, Int, ObjectType, Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListRule, NumberRule } from '../common/input-rules';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../context';
import { offsetPage } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { readableLoader, registerNodeType } from '../node/node.registry';
import { assertUuid } from '../common/ids';
import { Campaign } from '../campaigns/campaign.entity';
import { Shift } from '../shifts/shift.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { AssignmentStatus, ShiftAssignment } from './shift-assignment.entity';
import { TeamAssignmentResult } from './shift-assignment.types';
import { approveHours, assignTeam, cancel, checkIn, checkOut, confirm, listAssignments, markNoShow, signUp } from './shift-assignment.service';

export const ShiftAssignmentPage = offsetPage(ShiftAssignment, 'ShiftAssignmentPage');

registerNodeType(ShiftAssignment, readableLoader(ShiftAssignment, 'ShiftAssignment'));

@Resolver(() => ShiftAssignment)
export class ShiftAssignmentResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => ShiftAssignmentPage, { description: 'ADMIN, COORDINATOR: the assignments of shifts of the campaigns in their scope matching the filter (a shift, a volunteer, a campaign, statuses, ids), sorted (default arrival order), one page (default 100) with the total count. BAD_USER_INPUT names the filter field at fault.' })
  async shiftAssignments(
    @Ctx() ctx: Context,
    @Args(() => LongPageArgs) paging: LongPageArgs,
    @Arg('filter', () => ShiftAssignmentFilter, { nullable: true, description: 'Conditions an assignment must all meet; none: every assignment the caller may list.' }) filter?: ShiftAssignmentFilter,
    @Arg('orderBy', () => ShiftAssignmentOrder, { nullable: true, description: 'Sort order; default arrival order (seq), ties by id.' }) orderBy?: ShiftAssignmentOrder,
  ) {
    return listAssignments(ctx.em, ctx.access, filter, orderBy, paging.page);
  }

  @Mutation(() => ShiftAssignment, {
    description:
      'Signs a volunteer up (ADMIN, a COORDINATOR of the campaign, or an API key with VOLUNTEER_APP). A full shift waitlists (allowWaitlist, default) or is CONFLICT; overlapping another shift of the volunteer, or already on it: CONFLICT; missing skills, closed campaign, outside the window or ended: BAD_USER_INPUT. The database enforces capacity and no overlap whatever the concurrency.',
  })
  async signUpForShift(
    @Arg('shiftId', () => ID, { description: 'UUID of the shift; NOT_FOUND on shiftId when it does not exist or is outside your scope.' }) shiftId: string,
    @Arg('volunteerId', () => ID, { description: 'UUID of the volunteer; NOT_FOUND on volunteerId when they do not exist or are outside your scope.' }) volunteerId: string,
    @Ctx() ctx: Context,
    @Arg('allowWaitlist', () => Boolean, { defaultValue: true, description: 'true (default): a full shift waitlists the volunteer; false: a full shift is CONFLICT.' }) allowWaitlist: boolean,
  ) {
    ctx.access.requireVolunteerOperation();
    await ctx.access.require('Shift', shiftId, 'shiftId');
    await ctx.access.require('Volunteer', volunteerId, 'volunteerId');
    return signUp(ctx.em, shiftId, volunteerId, allowWaitlist);
  }

  @Mutation(() => ShiftAssignment, { description: 'Cancels a sign-up or waitlist place; the first waitlisted volunteer takes the place at once. Same callers as signUpForShift.' })
  async cancelShiftAssignment(@Arg('id', () => ID, { description: 'UUID of the assignment; NOT_FOUND on id when it does not exist or is outside your scope.' }) id: string, @Ctx() ctx: Context) {
    ctx.access.requireVolunteerOperation();
    await ctx.access.require('ShiftAssignment', id, 'id');
    return cancel(ctx.em, id);
  }

  @Mutation(() => ShiftAssignment, { description: `Checks in at \`at\` (default now): from CHECKIN_WINDOW_MINUTES before the start until the end, not in the future. Same callers as signUpForShift.` })
  async checkIn(@Arg('assignmentId', () => ID, { description: 'UUID of the assignment; NOT_FOUND on assignmentId when it does not exist or is outside your scope.' }) assignmentId: string, @Ctx() ctx: Context, @Arg('at', () => DateTimeResolver, { nullable: true, description: 'When the volunteer arrived (default now; not in the future: BAD_USER_INPUT on at).' }) at?: Date) {
    ctx.access.requireVolunteerOperation();
    await ctx.access.require('ShiftAssignment', assignmentId, 'assignmentId');
    return checkIn(ctx.em, assignmentId, at, { windowMinutes: ctx.config.CHECKIN_WINDOW_MINUTES });
  }

  @Mutation(() => ShiftAssignment, { description: 'Checks out at `at` (default now), after check-in; credits hours capped at the shift length. Same callers as signUpForShift.' })
  async checkOut(@Arg('assignmentId', () => ID, { description: 'UUID of the assignment; NOT_FOUND on assignmentId when it does not exist or is outside your scope.' }) assignmentId: string, @Ctx() ctx: Context, @Arg('at', () => DateTimeResolver, { nullable: true, description: 'When the volunteer left (default now; after check-in, not in the future: BAD_USER_INPUT on at).' }) at?: Date) {
    ctx.access.requireVolunteerOperation();
    await ctx.access.require('ShiftAssignment', assignmentId, 'assignmentId');
    return checkOut(ctx.em, assignmentId, at);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ShiftAssignment, { description: 'ADMIN, COORDINATOR: SIGNED_UP → CONFIRMED.' })
  async confirmShiftAssignment(@Arg('id', () => ID, { description: 'UUID of the assignment; NOT_FOUND on id when it does not exist or is outside your scope.' }) id: string, @Ctx() ctx: Context) {
    await ctx.access.require('ShiftAssignment', id, 'id');
    return confirm(ctx.em, id);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ShiftAssignment, { description: 'ADMIN, COORDINATOR: marks a volunteer who did not come, once the shift has started.' })
  async markNoShow(@Arg('id', () => ID, { description: 'UUID of the assignment; NOT_FOUND on id when it does not exist or is outside your scope.' }) id: string, @Ctx() ctx: Context) {
    await ctx.access.require('ShiftAssignment', id, 'id');
    return markNoShow(ctx.em, id);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ShiftAssignment, { description: 'ADMIN, COORDINATOR: sets the hours of a completed assignment (0–48), e.g. beyond the shift length; records the approver.' })
  async approveHours(@Arg('id', () => ID, { description: 'UUID of a COMPLETED assignment; NOT_FOUND on id when it does not exist or is outside your scope.' }) id: string, @Arg('hours', () => Float, { description: 'Hours to credit, 0–48 (NUMBER_RANGE on hours otherwise).' }) @NumberRule({ min: 0, max: 48 }) hours: number, @Ctx() ctx: Context) {
    await ctx.access.require('ShiftAssignment', id, 'id');
    return approveHours(ctx.em, id, hours, ctx.access.userId!);
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => TeamAssignmentResult, { description: 'ADMIN, COORDINATOR: signs every member of a team up for every listed shift, all or nothing (no waitlist); on any conflict nothing is saved and the conflicts are listed. dryRun checks only.' })
  async assignTeamToShifts(
    @Arg('teamId', () => ID, { description: 'UUID of a team you coordinate; NOT_FOUND on teamId otherwise (as for a missing one).' }) teamId: string,
    @Arg('shiftIds', () => [ID], { description: 'UUIDs of 1–200 shifts in your scope (TOO_FEW / TOO_MANY on shiftIds; NOT_FOUND on shiftIds for one outside it, as for a missing one).' }) @ListRule({ min: 1, max: 200, noun: 'shifts' }) shiftIds: string[],
    @Ctx() ctx: Context,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'true: check and report only, saving nothing.' }) dryRun: boolean,
  ) {
    await ctx.access.require('VolunteerTeam', teamId, 'teamId');
    await ctx.access.require('Shift', shiftIds, 'shiftIds');
    return assignTeam(ctx.em, teamId, shiftIds, dryRun);
  }

  @FieldResolver(() => Shift, { description: 'The shift signed up for.' })
  shift(@Root() a: ShiftAssignment) {
    return a.shift.load({ dataloader: true });
  }

  @FieldResolver(() => Volunteer, { description: 'The volunteer signed up.' })
  volunteer(@Root() a: ShiftAssignment) {
    return a.volunteer.load({ dataloader: true });
  }
}
