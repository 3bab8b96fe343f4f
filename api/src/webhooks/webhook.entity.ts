import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayType, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { ApiKey } from '../auth/api-key.entity';

/** What changed on a station, as webhooks see it (webhook.events, the `changes` of an event). */
export enum StationChange {
  CREATED = 'CREATED',
  STATUS = 'STATUS',
  HOURS = 'HOURS',
  AMENITIES = 'AMENITIES',
  LOCATION = 'LOCATION',
  RETIRED = 'RETIRED',
}
registerEnumType(StationChange, {
  name: 'StationChange',
  description: 'A kind of station change a webhook may watch; one event lists every kind its change made (retiring a station is STATUS and RETIRED).',
  valuesConfig: {
    CREATED: { description: 'A new station was created (API, import or seed).' },
    STATUS: { description: '`status` changed (ACTIVE, TEMPORARILY_CLOSED, RETIRED, …).' },
    HOURS: { description: '`openingHours` changed.' },
    AMENITIES: { description: 'The set of `amenities` changed.' },
    LOCATION: { description: 'The station moved (its WGS-84 point changed).' },
    RETIRED: { description: 'The station became RETIRED (also sent as STATUS).' },
  },
});

/** Where a delivery stands. */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: not yet acknowledged, (re)tried with exponential backoff. DELIVERED: the receiver answered 2xx. FAILED: every attempt failed (replay it with replayWebhookDelivery).',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first or next attempt (see nextAttemptAt).' },
    DELIVERED: { description: 'The receiver answered with a 2xx status.' },
    FAILED: { description: 'Gave up after WEBHOOK_MAX_ATTEMPTS attempts, or the webhook was deactivated.' },
  },
});

@ObjectType({ description: 'A URL of an app that receives signed POSTs when stations change (README, "Webhooks"). Registered with the app\'s API key.' })
@Entity({ tableName: 'webhook' })
export class Webhook {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'active' | 'description' | 'regionCodePrefix';

  @Field(() => ID, { description: 'UUID of the webhook.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ApiKey, { ref: true, deleteRule: 'cascade' })
  apiKey!: Ref<ApiKey>;

  @Field({ description: 'Where deliveries are POSTed: an https URL on a public address (http to localhost only where WEBHOOK_ALLOW_HTTP_LOCALHOST is set).' })
  @Property({ columnType: 'text' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'What the webhook is for, at most 200 characters.' })
  @Property({ columnType: 'text', nullable: true })
  description?: string | null;

  /** Signing key `whsec_…`; kept in clear because every delivery is signed with it (shown to the app once). */
  @Property({ columnType: 'text', lazy: true })
  secret!: string;

  @Field(() => [StationChange], { description: 'The kinds of change delivered; an event is sent when it has at least one of them.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  events!: StationChange[];

  @Field(() => String, { nullable: true, description: 'Only stations whose regionCode (before or after the change) starts with these 1–6 digits, e.g. `4101` for 郑州市; null: all.' })
  @Property({ columnType: 'text', nullable: true })
  regionCodePrefix?: string | null;

  @Field({ description: 'Whether new changes are delivered; an inactive webhook gets no new deliveries.' })
  @Property()
  active: boolean = true;

  @Field({ description: 'When the webhook was registered.' })
  @Property({ columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'When the webhook last changed.' })
  @Property({ columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Optimistic-lock version.' })
  @Property({ version: true })
  version: number = 1;
}

@ObjectType({ description: 'One delivery of one station change to one webhook, with its attempts so far.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'UUID of the delivery (a replay is a new delivery of the same event).' })
  id!: string;

  @Field(() => ID, { description: 'UUID of the webhook it goes to.' })
  webhookId!: string;

  @Field(() => ID, { description: 'The event id: the idempotency id sent as `Yizhan-Event-Id` and as the body\'s `id`; the same for retries and replays.' })
  eventId!: string;

  @Field(() => ID, { description: 'UUID of the station that changed.' })
  stationId!: string;

  @Field(() => [StationChange], { description: 'What the change did.' })
  changes!: StationChange[];

  @Field(() => WebhookDeliveryStatus, { description: 'PENDING, DELIVERED or FAILED.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'HTTP attempts made so far.' })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when it got no answer (see lastError).' })
  lastResponseCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed without an HTTP answer (timeout, refused, blocked address), or null.' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last attempt started.' })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' })
  lastDurationMs!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (PENDING only).' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the receiver acknowledged it with a 2xx.' })
  deliveredAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The delivery this one replays, or null.' })
  replayOfId!: string | null;

  @Field({ description: 'When the station change committed (the event time).' })
  occurredAt!: Date;

  @Field({ description: 'When the delivery was created.' })
  createdAt!: Date;
}
