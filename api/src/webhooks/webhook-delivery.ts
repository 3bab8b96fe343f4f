import http from 'node:http';
import https from 'node:https';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../common/log';
import { guardedLookup } from './webhook-url';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signPayload } from './webhook-signature';

/** What delivery needs of the configuration. */
export type DeliveryConfig = Pick<Config, 'WEBHOOK_ALLOW_HTTP_LOCALHOST' | 'WEBHOOK_RETRY_BASE_MS' | 'WEBHOOK_MAX_ATTEMPTS' | 'WEBHOOK_TIMEOUT_MS'>;

/** Outcome of one attempt: `skipped` when the delivery was not due, already leased or no longer pending. */
export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'skipped';

/** Longest wait between two attempts (6 h). */
const MAX_DELAY_MS = 6 * 3_600_000;

/**
 * Wait before attempt `attempts + 1`, after `attempts` failed ones: `base · 2^(attempts−1)` (base, 2·base,
 * 4·base, …) capped at 6 h, less a random 0–20 % so that receivers coming back from an outage are not hit by
 * every retry at once.
 */
export function retryDelayMs(attempts: number, baseMs: number): number {
  const raw = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (1 - Math.random() * 0.2));
}

interface Claimed {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  active: boolean;
  webhook_id: string;
  event_id: string;
  station_id: string;
  changes: string[] | string;
  station: unknown;
  previous: unknown;
  occurred_at: Date;
}

/** The JSON body of an event, the same bytes on every attempt and replay. */
export function eventBody(row: Pick<Claimed, 'event_id' | 'webhook_id' | 'changes' | 'station' | 'previous' | 'occurred_at'>): string {
  const changes = Array.isArray(row.changes) ? row.changes : String(row.changes).slice(1, -1).split(',').filter(Boolean);
  return JSON.stringify({
    id: row.event_id,
    type: 'station.changed',
    occurredAt: new Date(row.occurred_at).toISOString(),
    webhookId: row.webhook_id,
    changes,
    station: row.station,
    previous: row.previous ?? null,
  });
}

/** POSTs `body` to `url`; resolves with the HTTP status, or an error text when no answer came. Never follows redirects. */
function post(url: string, headers: Record<string, string>, body: string, config: DeliveryConfig): Promise<{ status: number | null; error: string | null }> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const lib = target.protocol === 'https:' ? https : http;
    const req = lib.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Yizhan-Webhooks/1' },
        lookup: guardedLookup(config.WEBHOOK_ALLOW_HTTP_LOCALHOST),
        timeout: config.WEBHOOK_TIMEOUT_MS,
        agent: false,
      },
      (res) => {
        // The answer's body is not kept; read (at most 64 kB) and drop it so the socket closes cleanly.
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 65_536) res.destroy();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? null, error: null }));
        res.on('error', () => resolve({ status: res.statusCode ?? null, error: null }));
      },
    );
    const deadline = setTimeout(() => req.destroy(Object.assign(new Error(`no answer within ${config.WEBHOOK_TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' })), config.WEBHOOK_TIMEOUT_MS);
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${config.WEBHOOK_TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: null, error: `${e.code ?? 'ERROR'}: ${e.message}`.slice(0, 500) }));
    req.on('close', () => clearTimeout(deadline));
    req.end(body);
  });
}

/**
 * Makes one attempt of delivery `id`, if it is PENDING, due, and not leased by another attempt: leases it (for
 * the timeout plus a margin, so an attempt cut off by a crash is retried), POSTs the signed event, and records
 * the outcome in one statement — DELIVERED on a 2xx; otherwise PENDING with the next attempt after
 * `retryDelayMs` (scheduled on the job queue in that same statement, `webhook_schedule`), or FAILED after
 * WEBHOOK_MAX_ATTEMPTS. A webhook deactivated meanwhile fails its pending deliveries without a request.
 */
export async function attemptDelivery(em: EntityManager, id: string, config: DeliveryConfig): Promise<AttemptOutcome> {
  const leaseMs = config.WEBHOOK_TIMEOUT_MS + 30_000;
  const [row] = await em.execute<Claimed[]>(
    `update webhook_delivery d set attempts = d.attempts + 1, leased_until = now() + (? * interval '1 millisecond'), last_attempt_at = clock_timestamp()
       from webhook w, webhook_event e
      where d.id = ? and w.id = d.webhook_id and e.id = d.event_id and d.status = 'PENDING' and d.next_attempt_at <= now()
        and (d.leased_until is null or d.leased_until < now())
      returning d.id, d.attempts, w.url, w.secret, w.active, w.id as webhook_id, e.id as event_id, e.station_id, e.changes, e.station, e.previous, e.occurred_at`,
    [leaseMs, id],
  );
  if (!row) return 'skipped';
  if (!row.active) {
    await em.execute(`update webhook_delivery set status = 'FAILED', leased_until = null, attempts = attempts - 1, last_error = 'webhook deactivated' where id = ?`, [id]);
    return 'failed';
  }
  const body = eventBody(row);
  const started = Date.now();
  const sent = await post(row.url, { [SIGNATURE_HEADER]: signPayload(row.secret, Math.floor(started / 1000), body), [EVENT_ID_HEADER]: row.event_id }, body, config);
  const ms = Date.now() - started;
  if (sent.status !== null && sent.status >= 200 && sent.status < 300) {
    await em.execute(
      `update webhook_delivery set status = 'DELIVERED', delivered_at = clock_timestamp(), leased_until = null, last_response_code = ?, last_error = null, last_duration_ms = ? where id = ?`,
      [sent.status, ms, id],
    );
    return 'delivered';
  }
  const error = sent.error ?? null;
  if (row.attempts >= config.WEBHOOK_MAX_ATTEMPTS) {
    await em.execute(`update webhook_delivery set status = 'FAILED', leased_until = null, last_response_code = ?, last_error = ?, last_duration_ms = ? where id = ?`, [sent.status, error, ms, id]);
    return 'failed';
  }
  const delay = retryDelayMs(row.attempts, config.WEBHOOK_RETRY_BASE_MS);
  await em.execute(
    `with u as (update webhook_delivery set leased_until = null, last_response_code = ?, last_error = ?, last_duration_ms = ?,
                       next_attempt_at = clock_timestamp() + (? * interval '1 millisecond')
                 where id = ? returning id, next_attempt_at)
     select webhook_schedule(u.id, u.next_attempt_at) from u`,
    [sent.status, error, ms, delay, id],
  );
  return 'retry';
}

/** A running delivery worker (graphile-worker or the outbox poller). */
export interface WebhookDispatcher {
  kind: 'graphile-worker' | 'poller';
  /** Finishes the attempts in flight and stops taking new ones; pending deliveries stay in the outbox. */
  stop(): Promise<void>;
}

/**
 * The embedded database's delivery worker (and `WEBHOOK_QUEUE=poller`): every WEBHOOK_POLL_MS it reads up to 20
 * due deliveries from the outbox and attempts them, four at a time. It shares the ORM's pool (PGlite serves one
 * connection, so graphile-worker, which needs connections of its own and LISTEN, cannot run there) and never holds
 * a transaction open across an HTTP request.
 */
export function startOutboxPoller(orm: MikroORM<PostgreSqlDriver>, config: DeliveryConfig & Pick<Config, 'WEBHOOK_POLL_MS'>, log: Logger): WebhookDispatcher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const em = orm.em.fork() as EntityManager;
      for (;;) {
        const due = await em.execute<{ id: string }[]>(
          `select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= now() and (leased_until is null or leased_until < now())
            order by next_attempt_at, id limit 20`,
        );
        if (due.length === 0 || stopped) break;
        for (let i = 0; i < due.length && !stopped; i += 4) {
          await Promise.all(due.slice(i, i + 4).map((d) => attemptDelivery(em, d.id, config)));
        }
        if (due.length < 20) break;
      }
    } catch (e) {
      if (!stopped) log.warn({ err: e, event: 'webhook.poll_failed' }, 'webhook outbox poll failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, config.WEBHOOK_POLL_MS);
  };
  schedule();
  return {
    kind: 'poller',
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * PostgreSQL's delivery worker: graphile-worker (its schema `graphile_worker`, installed on start) runs the
 * `webhook_delivery` jobs that the station triggers and retries add in their own transactions (`webhook_schedule`),
 * woken by LISTEN/NOTIFY. On start every PENDING delivery is (re)scheduled by its job key, which also recovers
 * the jobs of a worker that died mid-attempt (graphile-worker keeps those locked for hours).
 */
export async function startGraphileDispatcher(
  orm: MikroORM<PostgreSqlDriver>,
  connectionString: string,
  config: DeliveryConfig & Pick<Config, 'WEBHOOK_POLL_MS'>,
  log: Logger,
): Promise<WebhookDispatcher> {
  const { run, Logger: WorkerLogger } = await import('graphile-worker');
  const logger = new WorkerLogger(() => (level, message, meta) => {
    if (level === 'error') log.error({ event: 'webhook.worker', meta }, message);
    else if (level === 'warning') log.warn({ event: 'webhook.worker', meta }, message);
    else log.debug({ event: 'webhook.worker', meta }, message);
  });
  // Our own pool, not graphile-worker's: its runner.stop() ends the pool it made without waiting, so connections
  // were still closing after stop() resolved (a database dropped right then, as the tests drop theirs, terminated
  // them, and a client no longer listened for the error: an uncaught exception). stop() below waits for the end.
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString, max: 3 });
  // Every client listens for its errors, checked out or idle (graphile-worker's advice: err.red/wpeh).
  const onError = (e: Error) => log.warn({ err: e, event: 'webhook.worker_pool' }, 'webhook worker: a database connection failed');
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  const runner = await run({
    pgPool: pool,
    concurrency: 2,
    pollInterval: config.WEBHOOK_POLL_MS,
    noHandleSignals: true,
    logger,
    taskList: {
      webhook_delivery: async (payload) => {
        const { deliveryId } = payload as { deliveryId: string };
        const em = orm.em.fork() as EntityManager;
        // Not due yet (a replaced job) or leased by an attempt elsewhere: come back when it may be, unless it is done.
        if ((await attemptDelivery(em, deliveryId, config)) === 'skipped') {
          await em.execute(
            `select webhook_schedule(id, greatest(next_attempt_at, coalesce(leased_until, next_attempt_at))) from webhook_delivery where id = ? and status = 'PENDING'`,
            [deliveryId],
          );
        }
      },
    },
  });
  await orm.em.fork().execute(`select count(webhook_schedule(id, next_attempt_at)) from webhook_delivery where status = 'PENDING'`);
  return {
    kind: 'graphile-worker',
    async stop() {
      await runner.stop();
      await pool.end();
    },
  };
}

/**
 * Deletes the events that occurred more than `days` days ago and have no PENDING delivery, with their deliveries
 * (the outbox would otherwise grow with every change for ever). Returns how many events went.
 */
export async function pruneWebhookHistory(em: EntityManager, days: number): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `delete from webhook_event e where e.occurred_at < now() - (? * interval '1 day')
        and not exists (select 1 from webhook_delivery d where d.event_id = e.id and d.status = 'PENDING')
      returning e.id`,
    [days],
  );
  return rows.length;
}

/**
 * Starts the delivery worker WEBHOOK_QUEUE asks for (`auto`: graphile-worker on PostgreSQL, the poller when
 * embedded), or none; either prunes history older than WEBHOOK_RETENTION_DAYS hourly.
 */
export async function startWebhookDispatcher(orm: MikroORM<PostgreSqlDriver>, config: Config, embedded: boolean, url: string, log: Logger): Promise<WebhookDispatcher | null> {
  const mode = config.WEBHOOK_QUEUE === 'auto' ? (embedded ? 'poller' : 'graphile-worker') : config.WEBHOOK_QUEUE;
  if (mode === 'off') return null;
  if (mode === 'graphile-worker' && embedded) throw new Error('WEBHOOK_QUEUE=graphile-worker needs DATABASE_URL: the embedded database serves one connection, graphile-worker needs several');
  const worker = mode === 'graphile-worker' ? await startGraphileDispatcher(orm, url, config, log) : startOutboxPoller(orm, config, log);
  const prune = setInterval(() => {
    pruneWebhookHistory(orm.em.fork() as EntityManager, config.WEBHOOK_RETENTION_DAYS).catch((e) => log.warn({ err: e, event: 'webhook.prune_failed' }, 'webhook history pruning failed'));
  }, 3_600_000);
  prune.unref();
  return {
    kind: worker.kind,
    async stop() {
      clearInterval(prune);
      await worker.stop();
    },
  };
}
