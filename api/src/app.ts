import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Config } from './config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { initOrm } from './db/orm';
import { createSchema } from './schema';
import { seedFirstStart } from './seeds';
import { startServer, type Server } from './server';
import { createLogger, type Logger } from './common/log';
import { RateLimits } from './common/rate-limit';
import { sessionSecret } from './auth/secrets';
import { ensureFirstAdmin } from './auth/auth.service';
import { startCalendarRefresh } from './holidays/holiday.service';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhooks/webhook-delivery';

export interface RunningApp {
  server: Server;
  orm: MikroORM<PostgreSqlDriver>;
  embedded: EmbeddedDatabase | null;
  limits: RateLimits;
  log: Logger;
  /** The webhook delivery worker (null with WEBHOOK_QUEUE=off). */
  webhooks: WebhookDispatcher | null;
  stop(): Promise<void>;
}

/**
 * Boots Yizhan: the database (DATABASE_URL, or the embedded PGlite + PostGIS in DATA_DIR), migrations, the
 * first-start seed and administrator, the schema and the HTTP server. `log` gets start-up lines (including a
 * first administrator's one-time password); `logger` the structured request and security log. `starting.embedded`:
 * the embedded database already being started (index.ts starts it before it loads the rest of the server, so that
 * PostgreSQL boots in its thread while the modules load).
 */
export async function startApp(
  config: Config,
  log: (msg: string) => void = console.log,
  logger: Logger = createLogger(config.LOG_LEVEL),
  starting: { embedded?: Promise<EmbeddedDatabase> } = {},
): Promise<RunningApp> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    log(`database: embedded PGlite + PostGIS in ${config.DATA_DIR}`);
    embedded = await (starting.embedded ?? startEmbeddedDatabase(config.DATA_DIR, 0, { sharedBuffers: config.EMBEDDED_SHARED_BUFFERS }));
    url = embedded.url;
  }
  const orm = await initOrm(url, embedded ? 1 : config.DB_POOL_MAX, {
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    idleTimeoutMs: config.DB_POOL_IDLE_TIMEOUT_MS,
  });
  const stopCalendar = await startCalendarRefresh(orm, (e) => logger.warn({ err: e }, 'holiday calendar refresh failed'));
  if (config.SEED_ON_FIRST_START) await seedFirstStart(orm.em.fork() as never, config.SEEDS_DIR, log);
  await ensureFirstAdmin(orm.em.fork() as never, config.ADMIN_USERNAME, config.ADMIN_PASSWORD, log);
  const secret = await sessionSecret(orm.em.fork() as never, config.SESSION_SECRET);
  const limits = await RateLimits.create(config);
  const schema = await createSchema();
  const server = await startServer(orm, schema, config, { log: logger, security: { secret, limits } });
  // graphile-worker needs several connections (a pool and a LISTEN one): a database served over one connection (the
  // embedded PGlite, or DB_POOL_MAX=1, as for a PGlite behind pglite-socket given as DATABASE_URL) gets the poller.
  const webhooks = await startWebhookDispatcher(orm, config, embedded !== null || config.DB_POOL_MAX === 1, url, logger);
  return {
    server,
    orm,
    embedded,
    limits,
    log: logger,
    webhooks,
    async stop() {
      await server.close();
      // Attempts in flight finish and record their outcome; pending deliveries stay in the outbox for the next start.
      await webhooks?.stop();
      stopCalendar();
      await limits.close();
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
