import { defineResource } from '../common/graphqlProvider';

const AUDIT_EVENT_FIELDS = `id at actorKind actorId actorLabel operation action entityType entityId changes { field before after } requestId`;

/** The audit log, newest first; filtered by entityType, entityId and actorId. */
export const auditEventsProvider = defineResource({
  name: 'auditEvents',
  crud: { one: 'auditEvent', list: 'auditEvents', filterType: 'AuditEventFilter', fields: AUDIT_EVENT_FIELDS, toRecord: (event) => event },
});
