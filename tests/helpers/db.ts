import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { initOrm } from '../../api/src/db/orm';
import { startEmbeddedDatabase } from '../../api/src/db/embedded';
import { importRegions } from '../../api/src/regions/region.service';
import { withDatabase } from './db-mode';

export const SEEDS = path.resolve(__dirname, '../../seeds');
export const SHARED_DATA = path.resolve(__dirname, '../../../shared/data');

/** A database of the test file's own: a clone of the migrated template, or a fresh in-memory PGlite. */
export interface TestDatabase {
  url: string;
  /** Connections the database takes at once (1 for PGlite). */
  poolMax: number;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const testDb = inject('testDb');
  if (testDb) {
    const name = `t_${testDb.template.split('_').pop()}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testDb.serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${testDb.template}`);
    await admin.end();
    return {
      url: withDatabase(testDb.serverUrl, name),
      poolMax: 5,
      async drop() {
        const c = new pg.Client({ connectionString: testDb.serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const template = inject('pgliteTemplate');
  if (template) {
    const embedded = await startEmbeddedDatabase('memory://', 0, { loadDataDir: new Blob([fs.readFileSync(template)]) });
    return { url: embedded.url, poolMax: 1, drop: () => embedded.stop() };
  }
  const embedded = await startEmbeddedDatabase('memory://');
  const orm = await initOrm(embedded.url, 1);
  const em = orm.em.fork();
  const r = await importRegions(em as never, path.join(SEEDS, 'cn-adcode/divisions_to_county_gcj02.csv'), path.join(SEEDS, 'cn-adcode/fences'));
  await em.execute(`insert into seed_log (name, report) values ('regions:cn-adcode-2016', ?::jsonb)`, [JSON.stringify(r)]);
  await orm.close(true);
  return { url: embedded.url, poolMax: 1, drop: () => embedded.stop() };
}

/** A test database with an ORM on it (migrations already applied). */
export async function openTestOrm(): Promise<{ orm: MikroORM<PostgreSqlDriver>; em: () => EntityManager; db: TestDatabase; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const orm = await initOrm(db.url, db.poolMax);
  return {
    orm,
    db,
    em: () => orm.em.fork() as EntityManager,
    async close() {
      await orm.close(true);
      await db.drop();
    },
  };
}
