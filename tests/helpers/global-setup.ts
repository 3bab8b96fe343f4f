import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { detectServerUrl, withDatabase } from './db-mode';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (admin database) and template name, or null when tests use the embedded PGlite. */
    testDb: { serverUrl: string; template: string } | null;
    /** With the embedded PGlite: a tarball of a migrated data directory with the division table, or null. */
    pgliteTemplate: string | null;
  }
}

/** Migrates a template database once (with the division table); each test file clones it (STYLE.md §10). */
export default async function setup(project: TestProject) {
  const serverUrl = await detectServerUrl();
  if (!serverUrl) {
    // One migrated PGlite with the division table, dumped once; each test file starts its own copy of it.
    const { startEmbeddedDatabase } = await import('../../api/src/db/embedded');
    const embedded = await startEmbeddedDatabase('memory://');
    await prepareTemplate(embedded.url, 1);
    const file = path.join(os.tmpdir(), `yizhan-pglite-template-${process.pid}.tar`);
    fs.writeFileSync(file, Buffer.from(await (await embedded.dump()).arrayBuffer()));
    await embedded.stop();
    console.log('[tests] database: embedded PGlite + PostGIS (one per test file, copied from one template)');
    project.provide('testDb', null);
    project.provide('pgliteTemplate', file);
    return () => fs.rmSync(file, { force: true });
  }
  project.provide('pgliteTemplate', null);
  const template = `yizhan_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  await prepareTemplate(withDatabase(serverUrl, template), 2);
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

/** Applies the migrations and loads the division table into the database at `url`. */
async function prepareTemplate(url: string, poolMax: number): Promise<void> {
  const { initOrm } = await import('../../api/src/db/orm');
  const { importRegions } = await import('../../api/src/regions/region.service');
  const orm = await initOrm(url, poolMax);
  const seeds = path.resolve(__dirname, '../../seeds/cn-adcode');
  const em = orm.em.fork();
  const r = await importRegions(em as never, path.join(seeds, 'divisions_to_county_gcj02.csv'), path.join(seeds, 'fences'));
  await em.execute(`insert into seed_log (name, report) values ('regions:cn-adcode-2016', ?::jsonb)`, [JSON.stringify(r)]);
  await orm.close(true);
}
