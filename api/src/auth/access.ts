import type { AuthChecker } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, NotFoundError } from '../common/errors';
import type { Logger } from '../common/log';
import { currentRequest } from '../common/request-context';
import { Role } from './user.entity';
import type { Viewer } from './viewer';

export type UserViewer = Extract<Viewer, { kind: 'USER' }>;

/** UNAUTHENTICATED: the operation needs a signed-in staff account. */
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: this operation needs a staff account') {
    super('UNAUTHENTICATED', message);
  }
}

/** FORBIDDEN: signed in, but the role (or an API key's scopes) does not allow the operation. */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/**
 * The authorization rules of one request. Role gates are declared on the schema with `@Authorized(...)`
 * (checked by `authChecker`); row ownership is checked in the services through this object:
 * an OPERATOR may change the stations whose operating or host organization is one of theirs or below one of
 * theirs in the union tree; anything else answers NOT_FOUND (as if it did not exist), writes nothing, and is
 * logged as `security.denied`.
 */
export class Access {
  private scope: Promise<Set<string>> | null = null;

  constructor(
    readonly viewer: Viewer,
    private readonly em: EntityManager,
    private readonly log: Logger,
  ) {}

  /** The signed-in user, or UNAUTHENTICATED; FORBIDDEN while a one-time password must still be changed. */
  requireUser(opts: { allowPasswordChange?: boolean } = {}): UserViewer {
    const v = this.viewer;
    if (v.kind === 'API_KEY') throw new ForbiddenError('API keys may use the public queries only');
    if (v.kind !== 'USER') throw new UnauthenticatedError();
    if (v.mustChangePassword && !opts.allowPasswordChange) throw new ForbiddenError('Change your one-time password first (mutation changePassword)');
    return v;
  }

  /** The signed-in user if their role is one of `roles`; FORBIDDEN otherwise (and logged). */
  requireRole(...roles: Role[]): UserViewer {
    const user = this.requireUser();
    if (!roles.includes(user.role)) {
      this.logDenied('role', { needed: roles });
      throw new ForbiddenError(`Your role ${user.role} may not do this (needs ${roles.join(' or ')})`);
    }
    return user;
  }

  get isAdmin(): boolean {
    return this.viewer.kind === 'USER' && this.viewer.role === Role.ADMIN;
  }

  get userId(): string | null {
    return this.viewer.kind === 'USER' ? this.viewer.userId : null;
  }

  /**
   * Ids of the viewer's organizations and every organization below them in the union tree (empty when none).
   * Pass the EntityManager of a running transaction as `em`, so the lookup uses its connection (with the
   * embedded database's single connection, another one would wait for ever).
   */
  organizationScope(em: EntityManager = this.em): Promise<Set<string>> {
    const userId = this.userId;
    if (!userId) return Promise.resolve(new Set());
    this.scope ??= em
      .execute<{ id: string }[]>(
        `with recursive down(id, depth) as (
           select organization_id, 0 from user_account_organizations where user_account_id = ?
           union select o.id, d.depth + 1 from organization o join down d on o.parent_id = d.id where d.depth < 20)
         select distinct id from down`,
        [userId],
      )
      .then((rows) => new Set(rows.map((r) => r.id)));
    return this.scope;
  }

  /** Whether the viewer may change a station with these organizations (ADMIN always; OPERATOR within scope). */
  async canEditStation(orgIds: { operatorOrganizationId?: string | null; hostOrganizationId?: string | null }, em?: EntityManager): Promise<boolean> {
    if (this.viewer.kind !== 'USER' || this.viewer.mustChangePassword) return false;
    if (this.viewer.role === Role.ADMIN) return true;
    if (this.viewer.role !== Role.OPERATOR) return false;
    const scope = await this.organizationScope(em);
    return [orgIds.operatorOrganizationId, orgIds.hostOrganizationId].some((id) => id != null && scope.has(id));
  }

  /** Logs a refused attempt as a `security.denied` event with the actor, operation and target. */
  logDenied(reason: string, target: Record<string, unknown>): void {
    const req = currentRequest();
    this.log.warn({ event: 'security.denied', reason, actor: req.actor, operation: req.operation, requestId: req.requestId, ip: req.ip, ...target }, 'access denied');
  }

  /** Refuses access to a record the viewer may not touch: logs it and throws NOT_FOUND, revealing nothing. */
  notFound(entity: string, id: string): never {
    this.logDenied('ownership', { entity, id });
    throw new NotFoundError(entity, id);
  }
}

/**
 * type-graphql's auth checker for `@Authorized()` (any signed-in staff) and `@Authorized(Role.X, …)`.
 * Throws UNAUTHENTICATED for anonymous callers, FORBIDDEN for API keys, a pending password change or a role
 * that is not listed; never returns false.
 */
export const authChecker: AuthChecker<{ access: Access }, Role> = ({ context }, roles) => {
  if (roles.length === 0) context.access.requireUser();
  else context.access.requireRole(...roles);
  return true;
};
