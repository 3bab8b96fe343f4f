import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayType, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { randomUUID } from 'node:crypto';
import { Organization } from '../organizations/organization.entity';
import { User } from './user.entity';

/** What a third-party API key may do. */
export enum ApiScope {
  /** Read public station data: station, nearbyStations, regions, openingHoursCheck, appConfig (and tiles). */
  PUBLIC_READ = 'PUBLIC_READ',
  /**
   * A volunteer-facing app (WeChat mini-program, kiosk at a service point) that authenticates volunteers itself:
   * signUpForShift, cancelShiftAssignment, checkIn, checkOut. Never personal data of other volunteers.
   */
  VOLUNTEER_APP = 'VOLUNTEER_APP',
  /** Register webhooks for station changes and read their deliveries (createWebhook, webhooks, webhookDeliveries, …). */
  WEBHOOKS = 'WEBHOOKS',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'PUBLIC_READ: the public station queries. VOLUNTEER_APP: also sign-up, cancel, check-in and check-out for a volunteer app that authenticates its volunteers. WEBHOOKS: also the key\'s own webhooks for station changes. Keys never reach staff data.',
  valuesConfig: {
    PUBLIC_READ: { description: 'The public queries (stations, nearby search, regions, organizations, node), on the key\'s own quota.' },
    VOLUNTEER_APP: { description: 'Also signUpForShift, cancelShiftAssignment, checkIn and checkOut, for an app that authenticates its volunteers itself.' },
    WEBHOOKS: { description: 'Also createWebhook, deactivateWebhook, replayWebhookDelivery and the webhooks and webhookDeliveries queries, on the key\'s own webhooks.' },
  },
});

@ObjectType({ description: 'A third-party API key. The secret is shown once, at creation; only its SHA-256 is stored.' })
@Entity({ tableName: 'api_key' })
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'lastUsedAt' | 'revokedAt';

  @Field(() => ID, { description: 'UUID of the key record (not the key itself).' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'What the key is for, e.g. 高德地图 爱心驿站图层.' })
  @Property({ columnType: 'text' })
  name!: string;

  @Field({ description: 'First characters of the key (`yz_XXXXXXXX`), enough to recognise it in logs; not a secret.' })
  @Property({ columnType: 'text' })
  prefix!: string;

  /** Hex SHA-256 of the whole key; the key has 256 random bits, so a fast hash is enough. */
  @Property({ columnType: 'text', lazy: true })
  secretHash!: string;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  ownerOrganization?: Ref<Organization> | null;

  @Field(() => String, { nullable: true, description: 'Who to call about the key (a team or address, not shown publicly).' })
  @Property({ columnType: 'text', nullable: true })
  contact?: string | null;

  @Field(() => [ApiScope], { description: 'What the key may do.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  scopes: ApiScope[] = [ApiScope.PUBLIC_READ];

  @Field(() => Int, { description: 'Query cost points the key may spend per minute (see README, "Rate limits").' })
  @Property({ type: 'integer' })
  quotaPerMinute!: number;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Field({ description: 'When the record was created.' })
  @Property({ columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'When the record last changed.' })
  @Property({ columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'Last request made with the key (updated at most once a minute).' })
  @Property({ columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; a revoked key gets UNAUTHENTICATED.' })
  @Property({ columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Field(() => Int, { description: 'Optimistic-lock version.' })
  @Property({ version: true })
  version: number = 1;
}
