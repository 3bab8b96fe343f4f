import { Arg, Authorized, Ctx, Field, InputType, Int, Query, Resolver } from 'type-graphql';
import { TextRule } from '../common/text-input';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { assertPage, offsetPage } from '../common/pagination';
import { Role } from '../auth/user.entity';
import { Station } from '../stations/station.entity';
import { isUuid } from '../common/ids';
import { AuditEvent } from './audit-event.entity';

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
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Conditions an event must all meet.' }) filter?: AuditEventFilter,
    @Arg('limit', () => Int, { defaultValue: 25, description: 'Page size, 1–1000.' }) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Rows to skip, 0–1000000.' }) offset = 0,
  ) {
    assertPage(limit, offset);
    if (!access.isAdmin) {
      if (filter?.entityType !== 'Station' || !filter.entityId) throw new BadInputError('filter.entityId', 'operators see the history of one station at a time: give entityType Station and entityId');
      const station = isUuid(filter.entityId) ? await em.findOne(Station, filter.entityId) : null;
      const ok = station && (await access.canEditStation({ operatorOrganizationId: station.operatorOrganization?.id, hostOrganizationId: station.hostOrganization?.id }));
      if (!ok) access.notFound('Station', filter.entityId);
    }
    const where: Record<string, unknown> = {};
    if (filter?.entityType) where.entityType = filter.entityType;
    if (filter?.entityId) where.entityId = filter.entityId;
    if (filter?.actorId) where.actorId = filter.actorId;
    const [items, totalCount] = await em.findAndCount(AuditEvent, where, { limit, offset, orderBy: { id: 'desc' } });
    return { nodes: items, totalCount };
  }
}
