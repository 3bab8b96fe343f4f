import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { NumberRule } from '../common/input-rules';
import type { Context } from '../context';
import { offsetPage } from '../common/pagination';
import { PAGE_LIMIT_RULE, PAGE_OFFSET_RULE } from '../common/page-args';
import { idempotent } from '../common/idempotency';
import { Organization } from '../organizations/organization.entity';
import { UserCreateInput, UserFilter, UserUpdateInput } from './auth.inputs';
import * as service from './auth.service';
import { Role, User } from './user.entity';
import { SESSION_COOKIE } from './viewer';

const UserPage = offsetPage(User, 'UserPage');

@ObjectType({ description: 'A new session. The token is also set as the httpOnly, SameSite=Strict cookie `yizhan_session`.' })
export class LoginPayload {
  @Field(() => User, { description: 'The signed-in account.' }) user!: User;
  @Field({ description: 'HS256 session token for `Authorization: Bearer …` (scripts); browsers use the cookie.' }) token!: string;
  @Field({ description: 'When the session ends (SESSION_TTL_HOURS after sign-in) unless it is ended earlier.' }) expiresAt!: Date;
}

@Resolver(() => User)
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in staff account; null for anonymous callers and API keys.' })
  async me(@Ctx() { access, em }: Context): Promise<User | null> {
    const id = access.userId;
    return id ? em.findOne(User, id) : null;
  }

  @Mutation(() => LoginPayload, {
    description: 'Signs in. UNAUTHENTICATED "Wrong username or password" for any bad combination; RATE_LIMITED after repeated failures (per username and per IP, 15 minutes).',
  })
  async login(@Arg('username', { description: 'Account name (case-insensitive).' }) username: string, @Arg('password', { description: 'The account\'s password.' }) password: string, @Ctx() ctx: Context): Promise<LoginPayload> {
    const result = await service.login(
      ctx.em,
      { limits: ctx.security.limits, secret: ctx.security.secret, ttlHours: ctx.config.SESSION_TTL_HOURS, log: ctx.log },
      { username, password, ip: ctx.ip, userAgent: ctx.userAgent },
    );
    ctx.http?.setCookie(SESSION_COOKIE, result.token, result.expiresAt);
    return Object.assign(new LoginPayload(), result);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session and clears its cookie. Always true for a signed-in user.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const user = ctx.access.requireUser({ allowPasswordChange: true });
    await service.revokeSession(ctx.em, user.sessionId);
    ctx.http?.clearCookie(SESSION_COOKIE);
    return true;
  }

  @Mutation(() => User, {
    description:
      'Changes your own password (10–128 characters, not containing the username). BAD_USER_INPUT on currentPassword when it is wrong; wrong current passwords count as failed logins (per username and per IP), and past the login limits the answer is RATE_LIMITED (HTTP 429, Retry-After). Ends your other sessions.',
  })
  changePassword(@Arg('currentPassword', { description: 'The password in use now (or the one-time one).' }) currentPassword: string, @Arg('newPassword', { description: 'The new password (length and strength rules in the error when refused).' }) newPassword: string, @Ctx() ctx: Context): Promise<User> {
    const user = ctx.access.requireUser({ allowPasswordChange: true });
    return service.changePassword(
      ctx.em,
      { limits: ctx.security.limits, log: ctx.log },
      { userId: user.userId, sessionId: user.sessionId, current: currentPassword, next: newPassword, ip: ctx.ip },
    );
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserPage, { description: 'ADMIN: staff accounts, one page (limit 1–1000) with the total count.' })
  users(
    @Ctx() { em }: Context,
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Conditions an account must all meet.' }) filter?: UserFilter,
    @Arg('limit', () => Int, { defaultValue: 25, description: 'Page size, 1–1000.' }) @NumberRule(PAGE_LIMIT_RULE) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Rows to skip, 0–1000000.' }) @NumberRule(PAGE_OFFSET_RULE) offset = 0,
  ) {
    return service.listUsers(em, filter, limit, offset);
  }

  @Authorized(Role.ADMIN)
  @Query(() => User, { nullable: true, description: 'ADMIN: a staff account by id.' })
  async user(@Arg('id', () => ID, { description: 'UUID of the account.' }) id: string, @Ctx() { em }: Context): Promise<User | null> {
    return service.getUser(em, id).catch(() => null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'ADMIN: creates a staff account. CONFLICT when the username is taken. With `idempotencyKey`, a retry returns the first result.' })
  async createUser(
    @Arg('input', () => UserCreateInput, { description: 'The new account.' }) input: UserCreateInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Any unique string (a UUID); the same key and input return the first result.' }) idempotencyKey?: string,
  ): Promise<User> {
    const { result } = await idempotent(
      ctx.em,
      { actor: ctx.access.userId!, key: idempotencyKey, operation: 'createUser', body: input },
      (em) => service.createUser(em, input),
      (em, id) => service.getUser(em, id),
    );
    return result;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'ADMIN: changes a staff account whose version is still `version` (CONFLICT otherwise).' })
  updateUser(
    @Arg('id', () => ID, { description: 'UUID of the account to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The `version` the change was made on; CONFLICT when stale.' }) version: number,
    @Arg('input', () => UserUpdateInput, { description: 'The fields to change.' }) input: UserUpdateInput,
    @Ctx() ctx: Context): Promise<User> {
    return ctx.em.transactional((em) => service.updateUser(em as never, ctx.access.userId!, id, version, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'ADMIN: sets a one-time password; the user must change it at next sign-in, and their sessions end.' })
  resetUserPassword(@Arg('id', () => ID, { description: 'UUID of the account.' }) id: string, @Arg('password', { description: 'A new one-time password; the user must change it at next sign-in.' }) password: string, @Ctx() ctx: Context): Promise<User> {
    return ctx.em.transactional((em) => service.resetPassword(em as never, id, password));
  }

  @FieldResolver(() => [Organization], { description: 'Organizations the account acts for (and everything below them in the union tree).' })
  async organizations(@Root() user: User): Promise<Organization[]> {
    if (!user.organizations.isInitialized()) await user.organizations.init();
    return user.organizations.getItems();
  }
}
