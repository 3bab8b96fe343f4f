import { ChangeSetType, type EventSubscriber, type FlushEventArgs, type ChangeSet, type AnyEntity, type EntityMetadata, type Platform, Collection, Utils } from '@mikro-orm/core';
import { currentRequest } from '../common/request-context';
import { AuditAction, AuditEvent, type ActorKind, type FieldChange } from './audit-event.entity';

/** Properties never copied into the audit log: bookkeeping, and secrets (kept as "[redacted]" so a change shows). */
const SKIPPED = new Set(['id', 'version', 'updatedAt', 'createdAt']);
const EWKT_POINT = /^(?:SRID=4326;)?POINT\((-?[\d.]+(?:e-?\d+)?) (-?[\d.]+(?:e-?\d+)?)\)$/i;
const REDACTED = new Set(['passwordHash', 'secretHash', 'calendarToken']);

/** Entities whose changes are audited (every entity changed through the API except the audit log itself). */
function isAudited(entity: AnyEntity): boolean {
  return !(entity instanceof AuditEvent);
}

/** JSON-safe copy of an entity value: Dates as ISO strings, references as ids, collections as id lists. */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Collection) return value.getItems(false).map((e) => Utils.getPrimaryKeyValues(e, (e as any).__meta?.primaryKeys ?? ['id'])[0] ?? (e as any).id);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('id' in v && typeof v.id === 'string') return v.id;
    return JSON.parse(JSON.stringify(value));
  }
  return value;
}

/** Snapshots hold database values (`{A,B}` for text[], WKB for geography): convert them back through the property's type. */
function jsValue(meta: EntityMetadata, field: string, value: unknown, platform: Platform): unknown {
  const prop = meta.properties[field];
  if (typeof value !== 'string') return value;
  const point = EWKT_POINT.exec(value);
  if (point) return { lng: Number(point[1]), lat: Number(point[2]) };
  if (prop?.customType) {
    try {
      const converted = prop.customType.convertToJSValue(value, platform);
      if (typeof converted === 'string' && /^[[{]/.test(converted)) return JSON.parse(converted);
      return converted;
    } catch {
      return value;
    }
  }
  return value;
}

function diff(
  meta: EntityMetadata,
  platform: Platform,
  action: AuditAction,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  keys: Iterable<string>,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of keys) {
    if (SKIPPED.has(field)) continue;
    if (REDACTED.has(field)) {
      out.push({ field, before: action === AuditAction.CREATE ? null : '[redacted]', after: action === AuditAction.DELETE ? null : '[redacted]' });
      continue;
    }
    const b = plain(jsValue(meta, field, before[field], platform));
    const a = plain(jsValue(meta, field, after[field], platform));
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field, before: b, after: a });
  }
  return out;
}

/**
 * Writes one `audit_event` per created, changed or deleted record, inside the same flush (so the same
 * transaction) as the change. The actor and operation come from the request context (SYSTEM outside requests).
 * Many-to-many changes (a user's organizations) are recorded with their before and after id lists.
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush(args: FlushEventArgs): Promise<void> {
    const uow = args.uow;
    const req = currentRequest();
    const platform = args.em.getPlatform();
    const events = new Map<AnyEntity, { cs?: ChangeSet<AnyEntity>; action: AuditAction; changes: FieldChange[]; type: string; id: string }>();
    for (const cs of uow.getChangeSets()) {
      if (!isAudited(cs.entity)) continue;
      const type = cs.meta.className;
      const id = String(Utils.getPrimaryKeyValues(cs.entity, cs.meta.primaryKeys)[0] ?? (cs.entity as any).id);
      if (cs.type === ChangeSetType.CREATE) {
        events.set(cs.entity, { action: AuditAction.CREATE, type, id, changes: diff(cs.meta, platform, AuditAction.CREATE, {}, cs.payload as Record<string, unknown>, Object.keys(cs.payload)) });
      } else if (cs.type === ChangeSetType.UPDATE) {
        const before = (cs.originalEntity ?? {}) as Record<string, unknown>;
        events.set(cs.entity, { action: AuditAction.UPDATE, type, id, changes: diff(cs.meta, platform, AuditAction.UPDATE, before, cs.payload as Record<string, unknown>, Object.keys(cs.payload)) });
      } else if (cs.type === ChangeSetType.DELETE) {
        // A delete change set carries no snapshot: read the record's last values off the entity itself.
        const before: Record<string, unknown> = {};
        for (const prop of cs.meta.props) {
          if (prop.persist === false || prop.kind === '1:m' || prop.kind === 'm:n') continue;
          before[prop.name] = (cs.entity as Record<string, unknown>)[prop.name];
        }
        events.set(cs.entity, { action: AuditAction.DELETE, type, id, changes: diff(cs.meta, platform, AuditAction.DELETE, before, {}, Object.keys(before)) });
      }
    }
    for (const coll of uow.getCollectionUpdates()) {
      const owner = coll.owner as AnyEntity;
      if (!isAudited(owner)) continue;
      const field = coll.property.name;
      const before = (coll.getSnapshot() ?? []).map((e) => (e as any).id as string).sort();
      const after = coll.getItems(false).map((e) => (e as any).id as string).sort();
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      let ev = events.get(owner);
      if (!ev) {
        const meta = (owner as any).__meta;
        ev = { action: AuditAction.UPDATE, type: meta.className, id: String((owner as any).id), changes: [] };
        events.set(owner, ev);
      }
      ev.changes.push({ field, before: ev.action === AuditAction.CREATE ? null : before, after });
    }
    for (const ev of events.values()) {
      if (ev.action === AuditAction.UPDATE && ev.changes.length === 0) continue;
      const row = args.em.create(AuditEvent, {
        actorKind: req.actor.kind as ActorKind,
        actorId: req.actor.id,
        actorLabel: req.actor.label,
        operation: req.operation,
        action: ev.action,
        entityType: ev.type,
        entityId: ev.id,
        changes: ev.changes,
        requestId: req.requestId,
        ip: req.ip,
      } as never);
      uow.computeChangeSet(row);
    }
  }
}
