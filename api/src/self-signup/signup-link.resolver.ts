import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { assertUuid } from '../common/ids';
import { checkInstant } from '../common/input-rules';
import { Role } from '../auth/user.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { CheckInCode, joinPath, SignupLink } from './signup-link.entity';
import { checkInCode } from './self-signup.service';

@Resolver(() => SignupLink)
export class SignupLinkResolver {
  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [SignupLink], { description: 'ADMIN, COORDINATOR: the sign-up links of a campaign of theirs (NOT_FOUND on campaignId otherwise), newest first, revoked ones included; at most 200.' })
  async signupLinks(@Arg('campaignId', () => ID, { description: 'The campaign.' }) campaignId: string, @Ctx() ctx: Context) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    return ctx.em.find(SignupLink, { campaign: campaignId }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 });
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => SignupLink, {
    description:
      'ADMIN, COORDINATOR of the campaign: a new sign-up link (报名链接) to post as a QR code. Volunteers who register through it join `teamId` when given (a team of the caller; NOT_FOUND otherwise). `expiresAt` must be in the future (BAD_USER_INPUT); without it the link works until the campaign ends or it is revoked.',
  })
  async createSignupLink(
    @Arg('campaignId', () => ID, { description: 'The campaign whose open shifts the link offers.' }) campaignId: string,
    @Ctx() ctx: Context,
    @Arg('teamId', () => ID, { nullable: true, description: 'A team the volunteers join (and the coordinators of which then see their phone numbers).' }) teamId?: string | null,
    @Arg('expiresAt', () => DateTimeResolver, { nullable: true, description: 'When the link stops working (ISO-8601 with offset); after it the page answers 410 LINK_EXPIRED.' }) expiresAt?: Date | null,
  ) {
    await ctx.access.require('Campaign', campaignId, 'campaignId');
    await ctx.access.require('VolunteerTeam', teamId ?? null, 'teamId');
    if (expiresAt) {
      checkInstant(expiresAt, 'expiresAt');
      if (expiresAt.getTime() <= Date.now()) throw new BadInputError('expiresAt', 'must be in the future', 'MUST_BE_FUTURE');
    }
    const link = ctx.em.create(SignupLink, { campaign: campaignId, volunteerTeam: teamId ?? null, expiresAt: expiresAt ?? null, createdById: ctx.access.userId } as never);
    await ctx.em.persist(link).flush();
    return link;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => SignupLink, { description: 'ADMIN, COORDINATOR of the campaign: revokes a sign-up link at once (its page and API answer 410 LINK_REVOKED); revoking again changes nothing. Volunteers already registered keep their own links and sign-ups.' })
  async revokeSignupLink(@Arg('id', () => ID, { description: 'The sign-up link.' }) id: string, @Ctx() ctx: Context) {
    assertUuid(id, 'id');
    const link = await ctx.em.findOne(SignupLink, id);
    if (!link || !(await ctx.access.has('Campaign', link.campaign.id))) ctx.access.notFound('SignupLink', id, 'id');
    if (!link.revokedAt) {
      link.revokedAt = new Date();
      await ctx.em.flush();
    }
    return link;
  }

  @Authorized(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => CheckInCode, {
    description:
      'ADMIN, COORDINATOR (a service point of their campaigns; NOT_FOUND on stationId otherwise): the check-in code of a service point, made on first use, for its QR code. `renew` replaces it (the old code stops working at once).',
  })
  async issueCheckInCode(
    @Arg('stationId', () => ID, { description: 'The service point (station).' }) stationId: string,
    @Ctx() ctx: Context,
    @Arg('renew', () => Boolean, { defaultValue: false, description: 'Make a new code; the old QR code stops working.' }) renew: boolean,
  ) {
    await ctx.access.require('Station', stationId, 'stationId');
    return checkInCode(ctx.em, stationId, renew);
  }

  @FieldResolver(() => String, { description: 'The page of the link, relative to the server: /join/<token>. Anyone with it can register, so revoke a leaked one.' })
  path(@Root() link: SignupLink): string {
    return joinPath(link.token);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the link works now: not revoked, not expired, campaign not ended.' })
  async active(@Root() link: SignupLink): Promise<boolean> {
    const campaign = await link.campaign.load({ dataloader: true });
    const now = Date.now();
    return !link.revokedAt && !(link.expiresAt && link.expiresAt.getTime() <= now) && (campaign?.endsAt.getTime() ?? 0) > now;
  }

  @FieldResolver(() => Campaign, { description: 'The campaign whose shifts the link offers.' })
  campaign(@Root() link: SignupLink) {
    return link.campaign.load({ dataloader: true });
  }

  @FieldResolver(() => VolunteerTeam, { nullable: true, description: 'The team volunteers join through the link; null for none.' })
  team(@Root() link: SignupLink) {
    return link.volunteerTeam ? link.volunteerTeam.load({ dataloader: true }) : null;
  }

  @FieldResolver(() => Int, { description: 'Volunteers who registered through the link.' })
  async registrations(@Root() link: SignupLink, @Ctx() ctx: Context): Promise<number> {
    const [{ n }] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from volunteer_access where signup_link_id = ?`, [link.id]);
    return n;
  }
}
