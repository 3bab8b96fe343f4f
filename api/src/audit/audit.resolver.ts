import { PageArgs } from '../common/page-args';
import { Arg, Args, Authorized, Ctx, Field, InputType, Int, Query, Resolver } from 'type-graphql';
import { TextRule } from '../common/input-rules';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { offsetPage } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { Station } from '../stations/station.entity';
import { isUuid } from '../common/ids';
import type { Access } from '../auth/access';
import { personalField } from '../auth/personal-data';
import { AuditEvent } from './audit-event.entity';

/**
 * The events as `access` may read them: each `before`/`after` value of a personal-data field (personal-data.ts)
 * shown exactly as the record's own field would be to this reader. The managed entities are left untouched.
 */
async function applyPersonalData(access: Access, events: AuditEvent[], em: Context['em']): Promise<AuditEvent[]> {
  const byRule = new Map<NonNullable<ReturnType<typeof personalField>>, Set<string>>();
  for (const e of events) {
    for (const c of e.changes) {
      const rule = personalField(e.entityType, c.field);
      if (rule) byRule.set(rule, (byRule.get(rule) ?? new Set()).add(e.entityId));
    }
  }
  if (!byRule.size) return events;
  const inFull = new Map<unknown, Set<string>>();
  for (const [rule, ids] of byRule) inFull.set(rule, await rule.inFull(access, [...ids], em));
  return events.map((e) => {
    const changes = e.changes.map((c) => {
      const rule = personalField(e.entityType, c.field);
      if (!rule) return c;
      const full = inFull.get(rule)!.has(e.entityId);
      return { field: c.field, before: rule.shown(access, c.before, full), after: rule.shown(access, c.after, full) };
    });
    return Object.assign(Object.create(AuditEvent.prototype) as AuditEvent, e, { changes });
  });
}

const AuditEventPage = offsetPage(AuditEvent, 'AuditEventPage');

@InputType({ description: 'Which audit events to list.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Entity name: Station, Organization, User, ApiKey.' }) @TextRule({ max: 50 }) entityType?: string;
  @Field(() => String, { nullable: true, description: 'At most 100 characters.' }) @TextRule({ max: 100 }) entityId?: string;
  @Field(() => String, { nullable: true, description: 'User or API key id, at most 100 characters.' }) @TextRule({ max: 100 }) actorId?: string;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Role.ADMIN, Role.OPERATOR)
  @Query(() => AuditEventPage, {
    description: 'History of changes, newest first (limit 1–1000). ADMIN: everything. OPERATOR: only the history of one station they may edit (filter entityType Station + entityId); anything else is NOT_FOUND.',
  })
  async auditEvents(
    @Ctx() { em, access }: Context,
    @Args(() => PageArgs) paging: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Conditions an event must all meet.' }) filter?: AuditEventFilter,
  ) {
    const { limit, offset } = paging.page;
    if (!access.isAdmin) {
      if (filter?.entityType !== 'Station' || !filter.entityId) throw new BadInputError('filter.entityId', 'operators see the history of one station at a time: give entityType Station and entityId', 'HISTORY_ONE_STATION');
      const station = isUuid(filter.entityId) ? await em.findOne(Station, filter.entityId) : null;
      const ok = station && (await access.canEditStation({ operatorOrganizationId: station.operatorOrganization?.id, hostOrganizationId: station.hostOrganization?.id }));
      if (!ok) access.notFound('Station', filter.entityId);
    }
    const where: Record<string, unknown> = {};
    if (filter?.entityType) where.entityType = filter.entityType;
    if (filter?.entityId) where.entityId = filter.entityId;
    if (filter?.actorId) where.actorId = filter.actorId;
    const [items, totalCount] = await em.findAndCount(AuditEvent, where, { limit, offset, orderBy: { id: 'desc' } });
    return { nodes: await applyPersonalData(access, items, em), totalCount };
  }
}
