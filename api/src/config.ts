import path from 'node:path';
import { z } from 'zod';

/**
 * Yizhan's configuration, read once from the environment, validated and frozen.
 * An invalid value stops start-up with an error naming the variable (see `loadConfig`).
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** postgres://… of a PostgreSQL 15+ with PostGIS 3; unset means the embedded PGlite + PostGIS. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database keeps its files. */
  DATA_DIR: z.string().min(1).default(path.resolve(process.cwd(), '.yizhan-data')),
  /** Largest number of pooled connections to PostgreSQL (the embedded database always uses 1). */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Load the bundled Zhengzhou stations and the division table on first start. */
  SEED_ON_FIRST_START: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Folder of the built admin (vite output); served at `/`. */
  ADMIN_DIST: z.string().default(path.resolve(__dirname, '../../admin/dist')),
  /** Optional online MapLibre style URL for the admin's maps; without it the bundled offline style is used. */
  MAP_STYLE_URL: z.string().url().optional(),
  /**
   * Datum the MAP_STYLE_URL basemap is drawn in: WGS84 (OpenStreetMap-based styles), GCJ02 (AMap, Tencent) or BD09
   * (Baidu). The admin's maps and the finder then draw stations, tiles and picked points in it and convert clicks
   * back to WGS-84. Ignored without MAP_STYLE_URL (the bundled offline basemap is WGS-84).
   */
  MAP_STYLE_DATUM: z.enum(['WGS84', 'GCJ02', 'BD09']).default('WGS84'),
  /** Folder of the bundled seed data (division table, Zhengzhou stations). */
  SEEDS_DIR: z.string().default(path.resolve(__dirname, '../../seeds')),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),

  /** Redis for rate-limit counters shared by every replica (e.g. redis://127.0.0.1:6379); unset keeps them in memory. */
  REDIS_URL: z.string().url().optional(),
  /** Key that signs session tokens (at least 32 characters, the same on every replica); unset: a random key kept in the database. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Lifetime of a login session in hours. */
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Username of the administrator created on first start (when no ADMIN exists yet). */
  ADMIN_USERNAME: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/).default('admin'),
  /** Its password (at least 10 characters). Unset: a one-time password is printed once and must be changed at first login. */
  ADMIN_PASSWORD: z.string().min(10).max(128).optional(),
  /** Prefix of rate-limit counters in Redis (lets several deployments or test runs share one Redis). */
  RATE_LIMIT_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_:-]{1,50}$/).default('yizhan'),
  /** Query cost points per minute for anonymous callers, per IP. */
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  /** Points per minute per IP on the volunteer self-sign-up endpoints (/api/volunteer/…): a registration costs 10, anything else 1. */
  RATE_LIMIT_SIGNUP_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Query cost points per minute for a signed-in staff account. */
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).default(100_000),
  /** Quota of a new API key when its creator gives none (points per minute). */
  API_KEY_DEFAULT_QUOTA: z.coerce.number().int().min(1).max(1_000_000).default(30_000),
  /** Largest cost of one operation for anonymous callers and API keys. */
  MAX_QUERY_COST_PUBLIC: z.coerce.number().int().min(10).default(3000),
  /** Largest cost of one operation for staff accounts (admin lists fetch up to 1000 rows). */
  MAX_QUERY_COST_STAFF: z.coerce.number().int().min(10).default(60_000),
  /** Failed logins per username before it is locked for 15 minutes. */
  LOGIN_FAILURES_PER_USERNAME: z.coerce.number().int().min(1).default(5),
  /** Failed logins per IP address per 15 minutes. */
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  /** PostgreSQL statement_timeout of every pooled connection, in ms. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** How long a request waits for a pooled connection before it fails with SERVICE_UNAVAILABLE, in ms. */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(50).default(5_000),
  /**
   * How long an unused pooled database connection stays open before the pool closes it, in ms (the embedded
   * database too: each new connection there gets a fresh session, see db/embedded.ts).
   */
  DB_POOL_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Node's HTTP request timeout (whole request, headers and body), in ms. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  /** On SIGTERM/SIGINT, how long requests in flight may run before their connections are cut, in ms. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Express `trust proxy` setting: `false`, `true`, a hop count or a subnet list; decides the client IP for rate limits. */
  TRUST_PROXY: z.string().default('false'),
  /** Check-in opens this many minutes before a shift starts. */
  CHECKIN_WINDOW_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(30),
  /** Schema introspection (on by default: the public API documents itself and the admin reads it). */
  INTROSPECTION: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** shared_buffers of the embedded database (PostgreSQL's default is 128MB; its pages count in this process's memory). */
  EMBEDDED_SHARED_BUFFERS: z.string().regex(/^\d+(kB|MB|GB)$/, 'a size like 64MB').default('64MB'),
  /** Let webhooks use `http://` to localhost/127.0.0.1/[::1] (tests and local development only); otherwise https to public addresses only. */
  WEBHOOK_ALLOW_HTTP_LOCALHOST: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** What runs webhook deliveries: `auto` (graphile-worker on PostgreSQL, the outbox poller on the embedded database), `graphile-worker`, `poller`, or `off`. */
  WEBHOOK_QUEUE: z.enum(['auto', 'graphile-worker', 'poller', 'off']).default('auto'),
  /** Delay before the first retry of a failed delivery, in ms; each further retry waits twice as long (up to 6 h). */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  /** Attempts of one delivery before it is marked FAILED. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(12),
  /** How long one delivery attempt may take (connect, send, answer), in ms. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Days a delivered or failed webhook event (with its deliveries) stays listed before it is pruned; pending ones are kept. */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How often the outbox poller (and graphile-worker's fallback poll) looks for due deliveries, in ms. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /** Execute operations with graphql-jit (default) or, with `false`, with graphql-js's interpreter. */
  JIT: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Thrown by `loadConfig` with one line per invalid variable, e.g. `PORT: expected number`. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses `env` (default `process.env`) into a frozen `Config`; throws `ConfigError` naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return Object.freeze(parsed.data);
}
