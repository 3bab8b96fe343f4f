import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { startEmbeddedDatabase } from '../db/embedded';
import { initOrm } from '../db/orm';
import { requestStore } from '../common/request-context';
import { seedFirstStart } from '../seeds';

/**
 * For command-line tools: opens DATABASE_URL (or the embedded database in DATA_DIR), applies migrations and the
 * first-start seed (regions and the union tree, so region codes resolve), runs `fn` with `actor` as the audit
 * log's actor (`system:<what>`), then closes everything. Returns `fn`'s exit code.
 */
export async function withCliDatabase(config: Config, actor: string, fn: (orm: MikroORM<PostgreSqlDriver>) => Promise<number>): Promise<number> {
  const embedded = config.DATABASE_URL ? null : await startEmbeddedDatabase(config.DATA_DIR, 0, { sharedBuffers: config.EMBEDDED_SHARED_BUFFERS });
  const orm = await initOrm(config.DATABASE_URL ?? embedded!.url, embedded ? 1 : config.DB_POOL_MAX);
  try {
    await seedFirstStart(orm.em.fork() as never, config.SEEDS_DIR, () => undefined);
    return await requestStore.run({ actor: { kind: 'SYSTEM', id: null, label: `system:${actor}` }, requestId: `${actor.split(' ')[0]}-${Date.now()}`, ip: null, operation: actor.split(' ')[0] }, () => fn(orm));
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
}

/** Runs a CLI's main: exit code from it, or 2 with "<name> failed: message" on an error. */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`${name} failed: ${(e as Error).message}`);
      process.exit(2);
    },
  );
}
