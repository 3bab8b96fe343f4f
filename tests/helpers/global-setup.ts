import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { detectServerUrl, withDatabase } from './db-mode';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (admin database) and template name, or null when tests use the embedded PGlite. */
    testDb: { serverUrl: string; template: string } | null;
  }
}

/** Migrates a template database once (with the division table); each test file clones it (STYLE.md §10). */
export default async function setup(project: TestProject) {
  const serverUrl = await detectServerUrl();
  if (!serverUrl) {
    console.log('[tests] database: embedded PGlite + PostGIS (one per test file)');
    project.provide('testDb', null);
    return;
  }
  const template = `yizhan_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  const { initOrm } = await import('../../api/src/db/orm');
  const { importRegions } = await import('../../api/src/regions/region.service');
  const orm = await initOrm(withDatabase(serverUrl, template), 2);
  const seeds = path.resolve(__dirname, '../../seeds/cn-adcode');
  const em = orm.em.fork();
  const r = await importRegions(em as never, path.join(seeds, 'divisions_to_county_gcj02.csv'), path.join(seeds, 'fences'));
  await em.execute(`insert into seed_log (name, report) values ('regions:cn-adcode-2016', ?::jsonb)`, [JSON.stringify(r)]);
  await orm.close(true);
  console.log(`[tests] database: ${new URL(serverUrl).host}, template ${template}`);
  project.provide('testDb', { serverUrl, template });
  return async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    const dbs = await c.query(`select datname from pg_database where datname like 't\\_${process.pid}\\_%'`);
    for (const row of dbs.rows) await c.query(`drop database if exists "${row.datname}" with (force)`);
    await c.query(`drop database if exists ${template} with (force)`);
    await c.end();
  };
}
