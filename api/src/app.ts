import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Config } from './config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { initOrm } from './db/orm';
import { createSchema } from './schema';
import { seedFirstStart } from './seeds';
import { startServer, type Server } from './server';

export interface RunningApp {
  server: Server;
  orm: MikroORM<PostgreSqlDriver>;
  embedded: EmbeddedDatabase | null;
  stop(): Promise<void>;
}

/**
 * Boots Yizhan: the database (DATABASE_URL, or the embedded PGlite + PostGIS in DATA_DIR), migrations, the
 * first-start seed, the schema and the HTTP server.
 */
export async function startApp(config: Config, log: (msg: string) => void = console.log): Promise<RunningApp> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    log(`database: embedded PGlite + PostGIS in ${config.DATA_DIR}`);
    embedded = await startEmbeddedDatabase(config.DATA_DIR);
    url = embedded.url;
  }
  const orm = await initOrm(url, embedded ? 1 : config.DB_POOL_MAX);
  if (config.SEED_ON_FIRST_START) await seedFirstStart(orm.em.fork() as never, config.SEEDS_DIR, log);
  const schema = await createSchema();
  const server = await startServer(orm, schema, config);
  return {
    server,
    orm,
    embedded,
    async stop() {
      await server.close();
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
