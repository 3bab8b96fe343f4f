import { randomBytes, randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, ConflictError } from '../common/errors';
import { ReferenceNotFoundError } from './not-found';
import { containsPattern } from '../common/pagination';
import type { RateLimits } from '../common/rate-limit';
import type { Logger } from '../common/log';
import { Organization } from '../organizations/organization.entity';
import { assertUuid, findByIds } from '../common/ids';
import { assertPasswordAcceptable, hashPassword, verifyDummy, verifyPassword } from './passwords';
import { signSessionToken } from './tokens';
import { Role, User } from './user.entity';
import { UnauthenticatedError } from './access';
import type { UserCreateInput, UserFilter, UserUpdateInput } from './auth.inputs';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/** Normalises and checks a username (3–40 of a–z 0–9 . _ -, lower-cased); BAD_USER_INPUT on `field`. */
export function normaliseUsername(raw: string, field: string): string {
  const username = raw.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new BadInputError(field, 'must be 3–40 characters of a–z, 0–9, ".", "_" or "-", starting with a letter or digit', 'USERNAME_FORMAT');
  return username;
}

export interface LoginResult {
  user: User;
  token: string;
  expiresAt: Date;
}

/**
 * Checks a username and password and opens a session: a `user_session` row and an HS256 token naming it.
 * Wrong username or password (or a disabled account) is UNAUTHENTICATED with one message for all three, after
 * the same Argon2 work; failures count per username and per IP, and past the limits login answers
 * RATE_LIMITED until the window passes (see RateLimits).
 */
export async function login(
  em: EntityManager,
  deps: { limits: RateLimits; secret: Uint8Array; ttlHours: number; log: Logger },
  input: { username: string; password: string; ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase().slice(0, 40);
  await deps.limits.assertLoginAllowed(username, input.ip);
  const user = username ? await em.findOne(User, { username }, { populate: ['passwordHash'] }) : null;
  const ok = user && !user.disabled ? await verifyPassword(user.passwordHash, input.password.slice(0, 128)) : (await verifyDummy(input.password.slice(0, 128)), false);
  if (!ok || !user) {
    await deps.limits.loginFailed(username, input.ip);
    deps.log.warn({ event: 'security.login_failed', username, ip: input.ip }, 'login failed');
    throw new UnauthenticatedError('Wrong username or password', 'WRONG_CREDENTIALS');
  }
  await deps.limits.loginSucceeded(username);
  const sessionId = randomUUID();
  const expiresAt = new Date(Date.now() + deps.ttlHours * 3600_000);
  await em.execute(`insert into user_session (id, user_id, expires_at, ip, user_agent) values (?, ?, ?, ?, ?)`, [
    sessionId,
    user.id,
    expiresAt,
    input.ip,
    input.userAgent?.slice(0, 300) ?? null,
  ]);
  await em.execute(`update user_account set last_login_at = now() where id = ?`, [user.id]);
  user.lastLoginAt = new Date();
  const token = await signSessionToken(deps.secret, { sub: user.id, sid: sessionId }, expiresAt);
  deps.log.info({ event: 'security.login', username, ip: input.ip }, 'login');
  return { user, token, expiresAt };
}

/** Revokes one session (logout). */
export async function revokeSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.execute(`update user_session set revoked_at = now() where id = ? and revoked_at is null`, [sessionId]);
}

/** Revokes every session of a user except `keep` (after a password change, a reset or disabling). */
export async function revokeSessionsOf(em: EntityManager, userId: string, keep: string | null = null): Promise<void> {
  await em.execute(`update user_session set revoked_at = now() where user_id = ? and revoked_at is null and (?::uuid is null or id <> ?::uuid)`, [userId, keep, keep]);
}

/**
 * Changes the signed-in user's password after checking the current one (BAD_USER_INPUT on currentPassword if
 * wrong), clears mustChangePassword and ends every other session of the account. A wrong current password
 * counts as a failed login against the username and the IP, and past the same limits as login the answer is
 * RATE_LIMITED (HTTP 429, Retry-After): a stolen session cannot be used to guess the password.
 */
export async function changePassword(
  em: EntityManager,
  deps: { limits: RateLimits; log: Logger },
  input: { userId: string; sessionId: string; current: string; next: string; ip: string },
): Promise<User> {
  const { current, next } = input;
  const user = await em.findOneOrFail(User, input.userId, { populate: ['passwordHash'] });
  await deps.limits.assertLoginAllowed(user.username, input.ip);
  if (!(await verifyPassword(user.passwordHash, current.slice(0, 128)))) {
    await deps.limits.loginFailed(user.username, input.ip);
    deps.log.warn({ event: 'security.password_change_failed', username: user.username, ip: input.ip }, 'wrong current password');
    throw new BadInputError('currentPassword', 'is not your current password', 'WRONG_CURRENT_PASSWORD');
  }
  await deps.limits.loginSucceeded(user.username);
  assertPasswordAcceptable(next, user.username, 'newPassword');
  if (next === current) throw new BadInputError('newPassword', 'must differ from the current password', 'PASSWORD_UNCHANGED');
  user.passwordHash = await hashPassword(next);
  user.mustChangePassword = false;
  await em.flush();
  await revokeSessionsOf(em, user.id, input.sessionId);
  return user;
}

/** The organizations `ids` names (their number is bounded by the inputs' @ListRule); BAD_USER_INPUT on `field` for an unknown one. */
async function organizationsById(em: EntityManager, ids: string[], field: string): Promise<Organization[]> {
  return findByIds(em, Organization, ids, field, 'Organization');
}

/** Creates a staff account (ADMIN only, checked by the resolver). BAD_USER_INPUT names the field; a taken username is CONFLICT. */
export async function createUser(em: EntityManager, input: UserCreateInput): Promise<User> {
  const username = normaliseUsername(input.username, 'input.username');
  const displayName = input.displayName.trim();
  if (!displayName) throw new BadInputError('input.displayName', 'must not be empty', 'EMPTY');
  assertPasswordAcceptable(input.password, username, 'input.password');
  const orgs = await organizationsById(em, input.organizationIds ?? [], 'input.organizationIds');
  if (input.role !== Role.ADMIN && orgs.length === 0) throw new BadInputError('input.organizationIds', `a ${input.role} needs at least one organization`, 'ROLE_NEEDS_ORGANIZATION', { role: input.role });
  if (await em.count(User, { username })) throw new ConflictError(`username ${username} is taken`, { field: 'input.username' }, 'USERNAME_TAKEN', { username });
  const user = em.create(User, {
    username,
    displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    mustChangePassword: input.mustChangePassword ?? true,
  });
  user.organizations.set(orgs);
  await em.flush();
  return user;
}

/** Loads a user, or NOT_FOUND `User <id> not found` naming `field` (the policy's one NOT_FOUND). */
export async function getUser(em: EntityManager, id: string, field = 'id'): Promise<User> {
  assertUuid(id, field);
  const user = await em.findOne(User, id, { populate: ['organizations'] });
  if (!user) throw new ReferenceNotFoundError('User', id, field);
  return user;
}

/**
 * Changes a staff account if its version is still `version` (CONFLICT otherwise). Disabling an account or
 * changing its role or organizations ends its sessions. An admin cannot disable or demote themself (so the
 * federation never locks itself out).
 */
export async function updateUser(em: EntityManager, actingUserId: string, id: string, version: number, input: UserUpdateInput): Promise<User> {
  const user = await getUser(em, id);
  await em.lock(user, LockMode.OPTIMISTIC, version);
  let endSessions = false;
  if (input.displayName != null) {
    const name = input.displayName.trim();
    if (!name) throw new BadInputError('input.displayName', 'must not be empty', 'EMPTY');
    user.displayName = name;
  }
  if (input.role != null && input.role !== user.role) {
    if (user.id === actingUserId) throw new BadInputError('input.role', 'you cannot change your own role', 'OWN_ROLE');
    user.role = input.role;
    endSessions = true;
  }
  if (input.organizationIds != null) {
    user.organizations.set(await organizationsById(em, input.organizationIds, 'input.organizationIds'));
    endSessions = true;
  }
  if (user.role !== Role.ADMIN && user.organizations.count() === 0) throw new BadInputError('input.organizationIds', `a ${user.role} needs at least one organization`, 'ROLE_NEEDS_ORGANIZATION', { role: user.role });
  if (input.disabled != null && input.disabled !== user.disabled) {
    if (user.id === actingUserId) throw new BadInputError('input.disabled', 'you cannot disable your own account', 'OWN_ACCOUNT_DISABLE');
    user.disabled = input.disabled;
    endSessions ||= input.disabled;
  }
  await em.flush();
  if (endSessions) await revokeSessionsOf(em, user.id);
  return user;
}

/** Sets a new one-time password for a user (ADMIN): they must change it at next login; their sessions end. */
export async function resetPassword(em: EntityManager, id: string, password: string): Promise<User> {
  const user = await getUser(em, id);
  assertPasswordAcceptable(password, user.username, 'password');
  user.passwordHash = await hashPassword(password);
  user.mustChangePassword = true;
  await em.flush();
  await revokeSessionsOf(em, user.id);
  return user;
}

/** Admin list of accounts with filters, one page and the total. */
export async function listUsers(em: EntityManager, filter: UserFilter | undefined, limit: number, offset: number): Promise<{ nodes: User[]; totalCount: number }> {
  const where: Record<string, unknown> = {};
  if (filter?.role) where.role = filter.role;
  if (filter?.disabled != null) where.disabled = filter.disabled;
  if (filter?.organizationId) {
    assertUuid(filter.organizationId, 'filter.organizationId');
    where.organizations = filter.organizationId;
  }
  if (filter?.search?.trim()) {
    const like = containsPattern(filter.search.trim().slice(0, 100));
    where.$or = [{ username: { $ilike: like } }, { displayName: { $ilike: like } }];
  }
  const [items, totalCount] = await em.findAndCount(User, where, { limit, offset, orderBy: { username: 'asc' }, populate: ['organizations'] });
  return { nodes: items, totalCount };
}

/**
 * On first start, when no ADMIN exists: creates `ADMIN_USERNAME` with `ADMIN_PASSWORD`, or with a random
 * one-time password that is printed once (through `log`) and must be changed at first login. There is no
 * default password in the code.
 */
export async function ensureFirstAdmin(em: EntityManager, username: string, password: string | undefined, log: (msg: string) => void): Promise<void> {
  if (await em.count(User, { role: Role.ADMIN })) return;
  const oneTime = password ?? randomBytes(12).toString('base64url');
  const user = em.create(User, {
    username,
    displayName: '管理员',
    role: Role.ADMIN,
    passwordHash: await hashPassword(oneTime),
    mustChangePassword: !password,
  });
  await em.persist(user).flush();
  if (!password) {
    log(`First start: administrator "${username}" created with the one-time password ${oneTime} — sign in at /#/login and choose your own; it is not shown again.`);
  } else {
    log(`First start: administrator "${username}" created with ADMIN_PASSWORD.`);
  }
}
