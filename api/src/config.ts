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
  /** Folder of the bundled seed data (division table, Zhengzhou stations). */
  SEEDS_DIR: z.string().default(path.resolve(__dirname, '../../seeds')),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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
