import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { Entity, Enum, JsonType, PrimaryKey, Property } from '../common/orm';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What happened to the record.',
  valuesConfig: { CREATE: { description: 'The record was created.' }, UPDATE: { description: 'Fields of the record changed.' }, DELETE: { description: 'The record was deleted.' } },
});

export enum ActorKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
  ANONYMOUS = 'ANONYMOUS',
  SYSTEM = 'SYSTEM',
}
registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'USER: a staff account; API_KEY: a third-party key; SYSTEM: seeds, the import CLI.',
  valuesConfig: {
    USER: { description: 'A signed-in staff account (actorId: its UUID).' },
    API_KEY: { description: 'A third-party API key (actorId: the key record\'s UUID).' },
    ANONYMOUS: { description: 'A caller without credentials (only operations open to anyone, such as login, write).' },
    SYSTEM: { description: 'The server itself: seeds, the import and synthetic-data CLIs.' },
  },
});

@ObjectType({ description: 'One field of a record before and after a change. Secrets (password and key hashes) read `"[redacted]"`.' })
export class FieldChange {
  @Field({ description: 'Entity property, e.g. `amenities`, `operatorOrganization`.' }) field!: string;
  @Field(() => JSONResolver, { nullable: true, description: 'Value before (null on CREATE).' }) before!: unknown;
  @Field(() => JSONResolver, { nullable: true, description: 'Value after (null on DELETE).' }) after!: unknown;
}

/**
 * One change to one record: who, what, when, and the changed fields before and after. Written in the same
 * transaction as the change; the table is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
@ObjectType({ description: 'One change to one record: who, what, when, and the changed fields before and after. Append-only.' })
@Entity({ tableName: 'audit_event' })
export class AuditEvent {
  @Field(() => ID, { description: 'UUID of the event.' })
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field({ description: 'When the change was made (database clock).' })
  @Property({ columnType: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  at!: Date;

  @Field(() => ActorKind, { description: 'Who made the change.' })
  @Enum({ items: () => ActorKind, columnType: 'text' })
  actorKind!: ActorKind;

  @Field(() => String, { nullable: true, description: 'User or API key id.' })
  @Property({ columnType: 'text', nullable: true })
  actorId?: string | null;

  @Field({ description: 'Username, `key:<name>` or `system:<what>`.' })
  @Property({ columnType: 'text' })
  actorLabel!: string;

  @Field(() => String, { nullable: true, description: 'The GraphQL mutation, e.g. `retireStation`.' })
  @Property({ columnType: 'text', nullable: true })
  operation?: string | null;

  @Field(() => AuditAction, { description: 'Create, update or delete.' })
  @Enum({ items: () => AuditAction, columnType: 'text' })
  action!: AuditAction;

  @Field({ description: 'Entity name, e.g. `Station`, `Organization`, `User`, `ApiKey`.' })
  @Property({ columnType: 'text' })
  entityType!: string;

  @Field({ description: 'Id of the record changed (a UUID, or a region code).' })
  @Property({ columnType: 'text' })
  entityId!: string;

  @Field(() => [FieldChange], { description: 'Each changed field, before and after.' })
  @Property({ type: JsonType, columnType: 'jsonb' })
  changes!: FieldChange[];

  @Field(() => String, { nullable: true, description: 'The x-request-id of the HTTP request that made the change.' })
  @Property({ columnType: 'text', nullable: true })
  requestId?: string | null;

  /** Client IP; kept for investigations, not exposed through GraphQL. */
  @Property({ columnType: 'text', nullable: true })
  ip?: string | null;
}
