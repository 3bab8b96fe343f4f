import type { AuthChecker } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, DomainError, type Reason, type ReasonArgs } from '../common/errors';
import type { Logger } from '../common/log';
import { isUuid } from '../common/ids';
import { pgArray } from '../common/pagination';
import { currentRequest } from '../common/request-context';
import { ApiScope } from './api-key.entity';
import { ReferenceNotFoundError } from './not-found';
import { Role } from './user.entity';
import type { Viewer } from './viewer';

export type UserViewer = Extract<Viewer, { kind: 'USER' }>;

/** UNAUTHENTICATED: the operation needs a signed-in staff account. */
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: this operation needs a staff account', reason: Reason = 'SIGN_IN_REQUIRED', args: ReasonArgs = {}) {
    super('UNAUTHENTICATED', message, {}, reason, args);
  }
}

/** FORBIDDEN: signed in, but the role (or an API key's scopes) does not allow the operation. */
export class ForbiddenError extends DomainError {
  constructor(message: string, reason: Reason = 'FORBIDDEN', args: ReasonArgs = {}) {
    super('FORBIDDEN', message, {}, reason, reason === 'FORBIDDEN' ? { detail: message, ...args } : args);
  }
}

/** The kinds of record whose ids the policy scopes (in inputs and arguments alike). */
export type ScopedKind = 'Organization' | 'Station' | 'VolunteerTeam' | 'Volunteer' | 'Campaign' | 'Shift' | 'ShiftAssignment' | 'SupplyItem';

/** The kinds read by id through `readableIds` (their `x(id:)` queries and `node(id:)`). */
export type ReadableKind = 'VolunteerTeam' | 'Volunteer' | 'Campaign' | 'Shift' | 'ShiftAssignment';

/** Ids of scope sets; `null` means "every record" (ADMIN, the system). */
type IdSet = string[] | null;

const EXISTS: Record<ScopedKind, string> = {
  Organization: 'organization',
  Station: 'station',
  VolunteerTeam: 'volunteer_team',
  Volunteer: 'volunteer',
  Campaign: 'campaign',
  Shift: 'shift',
  ShiftAssignment: 'shift_assignment',
  SupplyItem: 'supply_item',
};

/**
 * Who reads a scheduling record by its id (`volunteer(id:)`, `node(id:)`, …): the roles of the record's own query.
 * Rows are then limited to the reader's scope (see Access); an OPERATOR reads every campaign.
 */
const READERS = {
  VolunteerTeam: [Role.ADMIN, Role.COORDINATOR],
  Volunteer: [Role.ADMIN, Role.COORDINATOR],
  Campaign: [Role.ADMIN, Role.COORDINATOR, Role.OPERATOR],
  Shift: [Role.ADMIN, Role.COORDINATOR],
  ShiftAssignment: [Role.ADMIN, Role.COORDINATOR],
} satisfies Partial<Record<ScopedKind, readonly Role[]>> as Record<ReadableKind, readonly Role[]>;

/**
 * The access policy of one request (`ctx.access`), the only place that decides who may read or change what.
 * Role gates are declared on the schema with `@Authorized(...)` (checked by `authChecker`, which asks this
 * object); everything about rows is asked here too:
 * - ADMIN: every record.
 * - OPERATOR: the stations operated or hosted by one of their organizations or one below them in the union tree
 *   (their "organization scope"); the shifts at those stations, and the campaigns those stations serve.
 * - COORDINATOR: the volunteer teams of their organization scope, the volunteers who are members of those teams,
 *   the campaigns organized by an organization in scope or joined by one of those teams (with their shifts,
 *   assignments and supplies), and the stations in their organization scope or serving one of those campaigns.
 * - An API key with VOLUNTEER_APP: the volunteer-facing operations on any shift and volunteer.
 * `require(kind, ids, field)` checks every id of an input before anything is written: an id that does not exist
 * and one outside the scope answer the same NOT_FOUND naming the field, and the attempt is logged as
 * `security.denied`. Personal data is declared in `personal-data.ts`.
 */
export class Access {
  private readonly cache = new WeakMap<EntityManager, Map<string, Promise<IdSet>>>();

  constructor(
    readonly viewer: Viewer,
    private readonly em: EntityManager,
    private readonly log: Logger | null,
    private readonly system = false,
  ) {}

  /** The policy of scripts and seeds: everything is in scope, nothing is logged. */
  static system(em: EntityManager): Access {
    return new Access({ kind: 'ANONYMOUS' }, em, null, true);
  }

  // ---- Roles ----------------------------------------------------------------------------------------------

  /** The signed-in user, or UNAUTHENTICATED; FORBIDDEN while a one-time password must still be changed. */
  requireUser(opts: { allowPasswordChange?: boolean } = {}): UserViewer {
    const v = this.viewer;
    if (v.kind === 'API_KEY') throw new ForbiddenError('API keys may use the public queries only', 'API_KEY_PUBLIC_ONLY');
    if (v.kind !== 'USER') throw new UnauthenticatedError();
    if (v.mustChangePassword && !opts.allowPasswordChange) throw new ForbiddenError('Change your one-time password first (mutation changePassword)', 'PASSWORD_CHANGE_REQUIRED');
    return v;
  }

  /** The signed-in user if their role is one of `roles`; FORBIDDEN otherwise (and logged). */
  requireRole(...roles: Role[]): UserViewer {
    const user = this.requireUser();
    if (!roles.includes(user.role)) {
      this.logDenied('role', { needed: roles });
      throw new ForbiddenError(`Your role ${user.role} may not do this (needs ${roles.join(' or ')})`, 'ROLE_NOT_ALLOWED', { role: user.role, roles: [...roles] });
    }
    return user;
  }

  /**
   * The callers of the volunteer-facing operations (sign up, cancel, check in/out): ADMIN, a COORDINATOR, or an
   * API key with the VOLUNTEER_APP scope; FORBIDDEN/UNAUTHENTICATED otherwise. Rows are checked with `require`.
   */
  requireVolunteerOperation(): void {
    const v = this.viewer;
    if (v.kind === 'API_KEY') {
      if (!v.scopes.includes(ApiScope.VOLUNTEER_APP)) throw new ForbiddenError('This API key lacks the VOLUNTEER_APP scope', 'API_KEY_SCOPE', { scope: 'VOLUNTEER_APP' });
      return;
    }
    this.requireRole(Role.ADMIN, Role.COORDINATOR);
  }

  /**
   * The app operations of an API key with `scope` (webhooks): returns the key's record id. A staff account gets
   * FORBIDDEN (these belong to an app's key), an anonymous caller UNAUTHENTICATED, a key without the scope FORBIDDEN.
   */
  requireApiKeyScope(scope: ApiScope): string {
    const v = this.viewer;
    if (v.kind === 'API_KEY') {
      if (!v.scopes.includes(scope)) throw new ForbiddenError(`This API key lacks the ${scope} scope`, 'API_KEY_SCOPE', { scope });
      return v.keyId;
    }
    if (v.kind === 'USER') throw new ForbiddenError(`Only an app's API key (scope ${scope}) may do this`, 'API_KEY_ONLY', { scope });
    throw new UnauthenticatedError(`Send an API key with the ${scope} scope`, 'API_KEY_REQUIRED', { scope });
  }

  /** The role of a signed-in user who has chosen their password (null otherwise). */
  get role(): Role | null {
    return this.viewer.kind === 'USER' && !this.viewer.mustChangePassword ? this.viewer.role : null;
  }

  /** ADMIN (or the system), once a one-time password has been changed. */
  get isAdmin(): boolean {
    return this.system || this.role === Role.ADMIN;
  }

  get isOperator(): boolean {
    return this.role === Role.OPERATOR;
  }

  get isCoordinator(): boolean {
    return this.role === Role.COORDINATOR;
  }

  /** A signed-in staff account (any role) that has chosen its password: sees personal data at least masked. */
  get isStaff(): boolean {
    return this.system || this.role !== null;
  }

  private get isVolunteerApp(): boolean {
    return this.viewer.kind === 'API_KEY' && this.viewer.scopes.includes(ApiScope.VOLUNTEER_APP);
  }

  get userId(): string | null {
    return this.viewer.kind === 'USER' ? this.viewer.userId : null;
  }

  // ---- Scope sets -----------------------------------------------------------------------------------------

  /** Asked once per EntityManager (a transaction's EntityManager asks afresh, on its own connection). */
  private memo(em: EntityManager, key: string, load: () => Promise<IdSet>): Promise<IdSet> {
    let m = this.cache.get(em);
    if (!m) this.cache.set(em, (m = new Map()));
    let p = m.get(key);
    if (!p) m.set(key, (p = load()));
    return p;
  }

  /**
   * Ids of the viewer's organizations and every organization below them in the union tree (empty when none).
   * Pass the EntityManager of a running transaction as `em`, so the lookup uses its connection (with the
   * embedded database's single connection, another one would wait for ever).
   */
  async organizationScope(em: EntityManager = this.em): Promise<Set<string>> {
    return new Set((await this.organizationIds(em)) ?? []);
  }

  private organizationIds(em: EntityManager): Promise<IdSet> {
    return this.memo(em, 'org', async () => {
      if (this.isAdmin) return null;
      const userId = this.role ? this.userId : null;
      if (!userId) return [];
      const rows = await em.execute<{ id: string }[]>(
        `with recursive down(id, depth) as (
           select organization_id, 0 from user_account_organizations where user_account_id = ?
           union select o.id, d.depth + 1 from organization o join down d on o.parent_id = d.id where d.depth < 20)
         select distinct id from down`,
        [userId],
      );
      return rows.map((r) => r.id);
    });
  }

  /** Team ids the viewer coordinates (null = all, for ADMIN; empty for other roles). */
  teamIds(em: EntityManager = this.em): Promise<IdSet> {
    return this.memo(em, 'team', async () => {
      if (this.isAdmin) return null;
      if (!this.isCoordinator) return [];
      const orgs = (await this.organizationIds(em)) ?? [];
      if (!orgs.length) return [];
      const rows = await em.execute<{ id: string }[]>(`select id from volunteer_team where organization_id = any(?::uuid[])`, [pgArray(orgs)]);
      return rows.map((r) => r.id);
    });
  }

  /**
   * Campaign ids in the viewer's scope (null = all): for a COORDINATOR those organized by an organization in
   * scope or joined by one of their teams; for an OPERATOR those served by a station they may edit.
   */
  campaignIds(em: EntityManager = this.em): Promise<IdSet> {
    return this.memo(em, 'campaign', async () => {
      if (this.isAdmin) return null;
      const orgs = (await this.organizationIds(em)) ?? [];
      if (!orgs.length) return [];
      const sql = this.isCoordinator
        ? `select campaign_id as id from campaign_organizations where organization_id = any(?::uuid[])
           union
           select ct.campaign_id from campaign_teams ct join volunteer_team t on t.id = ct.volunteer_team_id where t.organization_id = any(?::uuid[])`
        : this.isOperator
          ? `select distinct cs.campaign_id as id from campaign_stations cs join station s on s.id = cs.station_id
              where s.operator_organization_id = any(?::uuid[]) or s.host_organization_id = any(?::uuid[])`
          : null;
      if (!sql) return [];
      const rows = await em.execute<{ id: string }[]>(sql, [pgArray(orgs), pgArray(orgs)]);
      return rows.map((r) => r.id);
    });
  }

  /** Whether the viewer organizes the campaign (ADMIN, or a COORDINATOR of one of its organizing organizations). */
  async organizesCampaign(campaignId: string, em: EntityManager = this.em): Promise<boolean> {
    if (this.isAdmin) return true;
    if (!this.isCoordinator) return false;
    const orgs = (await this.organizationIds(em)) ?? [];
    const [row] = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from campaign_organizations where campaign_id = ? and organization_id = any(?::uuid[])`,
      [campaignId, pgArray(orgs)],
    );
    return row.n > 0;
  }

  /** Whether the viewer may change a station with these organizations (ADMIN always; OPERATOR within scope). */
  async canEditStation(orgIds: { operatorOrganizationId?: string | null; hostOrganizationId?: string | null }, em?: EntityManager): Promise<boolean> {
    if (this.isAdmin) return true;
    if (!this.isOperator) return false;
    const scope = await this.organizationScope(em);
    return [orgIds.operatorOrganizationId, orgIds.hostOrganizationId].some((id) => id != null && scope.has(id));
  }

  /** The organizations an OPERATOR's station lists are limited to (null: no limit). */
  async stationListScope(em: EntityManager = this.em): Promise<Set<string> | null> {
    return this.isOperator ? this.organizationScope(em) : null;
  }

  // ---- Records --------------------------------------------------------------------------------------------

  /**
   * Of `ids` (UUIDs), those that exist and are in the viewer's scope. One statement per call, whatever the
   * number of ids.
   */
  async idsInScope(kind: ScopedKind, ids: readonly string[], em: EntityManager = this.em): Promise<Set<string>> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (!wanted.length) return new Set();
    const all = this.isAdmin || (this.isVolunteerApp && (kind === 'Shift' || kind === 'ShiftAssignment' || kind === 'Volunteer' || kind === 'Campaign'));
    if (all || (this.isOperator && kind === 'SupplyItem')) return this.existing(kind, wanted, em);
    if (!this.role) return new Set();
    const orgIds = (await this.organizationIds(em)) ?? [];
    const orgs = pgArray(orgIds);
    const list = pgArray(wanted);
    let sql: string | null = null;
    let params: unknown[] = [];
    switch (kind) {
      case 'Organization':
        return new Set(wanted.filter((id) => orgIds.includes(id)));
      case 'Station':
        sql = `select s.id from station s where s.id = any(?::uuid[]) and (s.operator_organization_id = any(?::uuid[]) or s.host_organization_id = any(?::uuid[])${
          this.isCoordinator ? ' or exists (select 1 from campaign_stations cs where cs.station_id = s.id and cs.campaign_id = any(?::uuid[]))' : ''
        })`;
        params = [list, orgs, orgs, ...(this.isCoordinator ? [pgArray((await this.campaignIds(em)) ?? [])] : [])];
        break;
      case 'VolunteerTeam':
        if (this.isCoordinator) (sql = `select id from volunteer_team where id = any(?::uuid[]) and organization_id = any(?::uuid[])`), (params = [list, orgs]);
        break;
      case 'Volunteer':
        if (this.isCoordinator) {
          sql = `select distinct m.volunteer_id as id from volunteer_team_members m join volunteer_team t on t.id = m.volunteer_team_id
                  where m.volunteer_id = any(?::uuid[]) and t.organization_id = any(?::uuid[])`;
          params = [list, orgs];
        }
        break;
      case 'Campaign':
        return new Set(await this.campaignsIn(wanted, em));
      case 'Shift':
      case 'ShiftAssignment': {
        const from = kind === 'Shift' ? 'shift x join shift s on s.id = x.id' : 'shift_assignment x join shift s on s.id = x.shift_id';
        if (this.isCoordinator) (sql = `select x.id from ${from} where x.id = any(?::uuid[]) and s.campaign_id = any(?::uuid[])`), (params = [list, pgArray((await this.campaignIds(em)) ?? [])]);
        else if (this.isOperator) {
          sql = `select x.id from ${from} join station st on st.id = s.station_id
                  where x.id = any(?::uuid[]) and (st.operator_organization_id = any(?::uuid[]) or st.host_organization_id = any(?::uuid[]))`;
          params = [list, orgs, orgs];
        }
        break;
      }
      case 'SupplyItem':
        if (this.isCoordinator) {
          sql = `select id from supply_item where id = any(?::uuid[]) and (campaign_id is null or campaign_id = any(?::uuid[]))`;
          params = [list, pgArray((await this.campaignIds(em)) ?? [])];
        }
        break;
    }
    if (!sql) return new Set();
    const rows = await em.execute<{ id: string }[]>(sql, params);
    return new Set(rows.map((r) => r.id));
  }

  private async campaignsIn(ids: string[], em: EntityManager): Promise<string[]> {
    const mine = (await this.campaignIds(em)) ?? [];
    return ids.filter((id) => mine.includes(id));
  }

  private async existing(kind: ScopedKind, ids: string[], em: EntityManager): Promise<Set<string>> {
    const rows = await em.execute<{ id: string }[]>(`select id from ${EXISTS[kind]} where id = any(?::uuid[])`, [pgArray(ids)]);
    return new Set(rows.map((r) => String(r.id)));
  }

  /**
   * Of `ids`, those whose record the viewer may read by id, as `x(id:)` and `node(id:)` answer it: the roles of
   * READERS for the kind (nobody else, API keys and anonymous callers included), within the viewer's scope
   * (`idsInScope`), except that an OPERATOR reads every campaign (read only). Absent, unreadable and malformed ids
   * are all simply left out, so a caller cannot tell them apart. One statement per call.
   */
  async readableIds(kind: ReadableKind, ids: readonly string[], em: EntityManager = this.em): Promise<Set<string>> {
    if (!this.system && !(this.role && READERS[kind].includes(this.role))) return new Set();
    if (kind === 'Campaign' && this.isOperator) return this.existing(kind, [...new Set(ids.filter(isUuid))], em);
    return this.idsInScope(kind, ids, em);
  }

  /** Whether record `id` of `kind` exists and is in the viewer's scope. */
  async has(kind: ScopedKind, id: string, em: EntityManager = this.em): Promise<boolean> {
    return (await this.idsInScope(kind, [id], em)).has(id);
  }

  /**
   * Checks ids taken from the caller's input (an argument or an input field, named by `field`) before anything
   * is written: BAD_USER_INPUT when one is not a UUID, NOT_FOUND `<Kind> <id> not found` naming `field` when one
   * does not exist or is outside the viewer's scope (the same answer for both, logged). Null and empty pass.
   */
  async require(kind: ScopedKind, ids: string | readonly string[] | null | undefined, field: string, em: EntityManager = this.em): Promise<void> {
    if (ids == null) return;
    const list = typeof ids === 'string' ? [ids] : ids;
    list.forEach((id, i) => {
      if (!isUuid(id)) throw new BadInputError(typeof ids === 'string' ? field : `${field}[${i}]`, 'must be a UUID', 'NOT_A_UUID');
    });
    if (!list.length) return;
    const found = await this.idsInScope(kind, list, em);
    const missing = list.find((id) => !found.has(id));
    if (missing) this.notFound(kind, missing, field);
  }

  /** Logs a refused attempt as a `security.denied` event with the actor, operation and target. */
  logDenied(reason: string, target: Record<string, unknown>): void {
    if (!this.log) return;
    const req = currentRequest();
    this.log.warn({ event: 'security.denied', reason, actor: req.actor, operation: req.operation, requestId: req.requestId, ip: req.ip, ...target }, 'access denied');
  }

  /** Refuses a record the viewer may not touch, or that does not exist: logs it and throws NOT_FOUND, revealing nothing. */
  notFound(entity: string, id: string, field = 'id'): never {
    this.logDenied('ownership', { entity, id, field });
    throw new ReferenceNotFoundError(entity, id, field);
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
