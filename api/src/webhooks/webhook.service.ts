import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, ConflictError } from '../common/errors';
import { assertUuid } from '../common/ids';
import { codesFromPgArray } from '../common/pagination';
import { ApiKey } from '../auth/api-key.entity';
import { ReferenceNotFoundError } from '../auth/not-found';
import { StationChange, Webhook, WebhookDelivery, WebhookDeliveryStatus } from './webhook.entity';
import { assertWebhookUrl } from './webhook-url';
import { newWebhookSecret } from './webhook-signature';

/** A new webhook as the API receives it (text fields already trimmed by their rules). */
export interface WebhookInput {
  url: string;
  description?: string | null;
  events?: StationChange[] | null;
  regionCodePrefix?: string | null;
}

/** Most webhooks one API key may have (active or not). */
export const MAX_WEBHOOKS_PER_KEY = 20;

/**
 * Registers a webhook for API key `apiKeyId`, validating field by field (BadInputError naming `input.<field>`):
 * the URL by `assertWebhookUrl` (https, public address), events default to every StationChange, the region prefix
 * 1–6 digits. Returns the webhook and its signing secret (the only time the secret is shown).
 */
export async function createWebhook(em: EntityManager, apiKeyId: string, input: WebhookInput, allowLocalHttp: boolean): Promise<{ webhook: Webhook; secret: string }> {
  const url = await assertWebhookUrl(input.url, allowLocalHttp, 'input.url');
  const events = [...new Set(input.events?.length ? input.events : Object.values(StationChange))];
  // An empty `events` list is refused by the input's @ListRule (TOO_FEW); omitted means all.
  const prefix = input.regionCodePrefix ?? null;
  if (prefix !== null && !/^[0-9]{1,6}$/.test(prefix)) throw new BadInputError('input.regionCodePrefix', 'must be 1 to 6 digits of a GB/T 2260 code, e.g. 41 or 4101', 'REGION_CODE_PREFIX_FORMAT', { max: 6 });
  // Serialise a key's registrations so that the limit holds under concurrent calls.
  await em.execute(`select id from api_key where id = ? for update`, [apiKeyId]);
  const count = await em.count(Webhook, { apiKey: apiKeyId });
  if (count >= MAX_WEBHOOKS_PER_KEY) throw new ConflictError(`An API key may have at most ${MAX_WEBHOOKS_PER_KEY} webhooks; deactivate one first`, { field: 'input.url' }, 'WEBHOOK_LIMIT', { max: MAX_WEBHOOKS_PER_KEY });
  const secret = newWebhookSecret();
  const webhook = em.create(Webhook, {
    apiKey: em.getReference(ApiKey, apiKeyId),
    url,
    description: input.description ?? null,
    secret,
    events,
    regionCodePrefix: prefix,
  });
  await em.flush();
  return { webhook, secret };
}

/** Webhook `id` of key `apiKeyId`, or NOT_FOUND naming `field` (another key's webhook is answered the same). */
export async function ownWebhook(em: EntityManager, apiKeyId: string, id: string, field = 'id'): Promise<Webhook> {
  assertUuid(id, field);
  const webhook = await em.findOne(Webhook, { id, apiKey: apiKeyId });
  if (!webhook) throw new ReferenceNotFoundError('Webhook', id, field);
  return webhook;
}

/** Stops new deliveries to the webhook; its pending ones end FAILED at their next attempt. Idempotent. */
export async function deactivateWebhook(em: EntityManager, apiKeyId: string, id: string): Promise<Webhook> {
  const webhook = await ownWebhook(em, apiKeyId, id);
  if (webhook.active) {
    webhook.active = false;
    await em.flush();
  }
  return webhook;
}

const DELIVERY_COLUMNS = `d.id, d.webhook_id, d.event_id, e.station_id, e.changes, d.status, d.attempts, d.last_response_code, d.last_error,
  d.last_attempt_at, d.last_duration_ms, case when d.status = 'PENDING' then d.next_attempt_at end as next_attempt_at, d.delivered_at,
  d.replay_of_id, e.occurred_at, d.created_at`;

interface DeliveryRow {
  id: string; webhook_id: string; event_id: string; station_id: string; changes: unknown; status: WebhookDeliveryStatus; attempts: number;
  last_response_code: number | null; last_error: string | null; last_attempt_at: Date | null; last_duration_ms: number | null;
  next_attempt_at: Date | null; delivered_at: Date | null; replay_of_id: string | null; occurred_at: Date; created_at: Date;
}

function toDelivery(r: DeliveryRow): WebhookDelivery {
  return Object.assign(new WebhookDelivery(), {
    id: r.id, webhookId: r.webhook_id, eventId: r.event_id, stationId: r.station_id, changes: codesFromPgArray(r.changes) as StationChange[],
    status: r.status, attempts: r.attempts, lastResponseCode: r.last_response_code, lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at ? new Date(r.last_attempt_at) : null, lastDurationMs: r.last_duration_ms,
    nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at) : null, deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
    replayOfId: r.replay_of_id, occurredAt: new Date(r.occurred_at), createdAt: new Date(r.created_at),
  });
}

/** One page of the key's deliveries, newest first (ties by id), optionally of one webhook and one status. */
export async function listDeliveries(
  em: EntityManager,
  apiKeyId: string,
  args: { webhookId?: string | null; status?: WebhookDeliveryStatus | null; limit: number; offset: number },
): Promise<{ nodes: WebhookDelivery[]; totalCount: number }> {
  const where = ['w.api_key_id = ?'];
  const params: unknown[] = [apiKeyId];
  if (args.webhookId) {
    await ownWebhook(em, apiKeyId, args.webhookId, 'webhookId');
    where.push('d.webhook_id = ?');
    params.push(args.webhookId);
  }
  if (args.status) {
    where.push('d.status = ?');
    params.push(args.status);
  }
  const from = `from webhook_delivery d join webhook w on w.id = d.webhook_id join webhook_event e on e.id = d.event_id where ${where.join(' and ')}`;
  const rows = await em.execute<DeliveryRow[]>(`select ${DELIVERY_COLUMNS} ${from} order by d.created_at desc, d.id desc limit ? offset ?`, [...params, args.limit, args.offset]);
  const [{ n }] = await em.execute<{ n: string }[]>(`select count(*) as n ${from}`, params);
  return { nodes: rows.map(toDelivery), totalCount: Number(n) };
}

/** Delivery `id` of one of the key's webhooks, or NOT_FOUND naming `field`. */
export async function ownDelivery(em: EntityManager, apiKeyId: string, id: string, field = 'id'): Promise<WebhookDelivery> {
  assertUuid(id, field);
  const [row] = await em.execute<DeliveryRow[]>(
    `select ${DELIVERY_COLUMNS} from webhook_delivery d join webhook w on w.id = d.webhook_id join webhook_event e on e.id = d.event_id where d.id = ? and w.api_key_id = ?`,
    [id, apiKeyId],
  );
  if (!row) throw new ReferenceNotFoundError('WebhookDelivery', id, field);
  return toDelivery(row);
}

/**
 * Sends delivery `id`'s event again: a new PENDING delivery of the same event (same event id, so a receiver
 * that deduplicates by id sees it once) to the same webhook, due at once and scheduled in the same statement.
 * A webhook that is no longer active cannot be replayed to (BAD_USER_INPUT on `id`).
 */
export async function replayDelivery(em: EntityManager, apiKeyId: string, id: string): Promise<WebhookDelivery> {
  const original = await ownDelivery(em, apiKeyId, id);
  const webhook = await ownWebhook(em, apiKeyId, original.webhookId);
  if (!webhook.active) throw new BadInputError('id', 'its webhook is deactivated; register a new one', 'WEBHOOK_INACTIVE');
  const [made] = await em.execute<{ id: string }[]>(
    `with d as (insert into webhook_delivery (webhook_id, event_id, replay_of_id) values (?, ?, ?) returning id, next_attempt_at)
     select d.id, webhook_schedule(d.id, d.next_attempt_at) from d`,
    [original.webhookId, original.eventId, original.id],
  );
  return ownDelivery(em, apiKeyId, made!.id);
}
