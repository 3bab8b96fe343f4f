import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '../../api/src/db/embedded';

// The product's own start path (`npm start` runs api/dist/index.js once the build is current): embedded PGlite +
// PostGIS, no DATABASE_URL. `npm test` builds the API and the admin first.
const ENTRY = path.resolve(__dirname, '../../api/dist/index.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-embedded-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/**
 * Idle timeouts the product runs with here, ms: the pool's (set short so the test can outwait it) and Node's HTTP
 * keep-alive (its default 5 s); the tiles' data version is re-read at most every 5 s as well. An idle gap of the
 * test is longer than all of them plus the pool's 1 s reaping interval.
 */
const POOL_IDLE_MS = 1_000;
const IDLE_GAP_MS = Math.max(POOL_IDLE_MS, 5_000) + 2_000;

async function boot(): Promise<{ url: string; output: () => string; seconds: number; stop(): Promise<number | null> }> {
  // As `npm start` runs it: no DATABASE_URL, and no NODE_ENV (vitest's `test` would hide what production does, e.g.
  // Apollo's own signal handler, which once kept the embedded shutdown from finishing).
  const { DATABASE_URL: _ignored, NODE_ENV: _test, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DB_POOL_IDLE_TIMEOUT_MS: String(POOL_IDLE_MS) };
  const started = Date.now();
  const child = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 240 s:\n${output}`)), 240_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /API (http:\/\/localhost:\d+)\/graphql/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    seconds: (Date.now() - started) / 1000,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

/** Nearby search, a z12 tile over central Zhengzhou and the admin page, each checked for a real answer. */
async function expectAnswers(url: string, when: string): Promise<void> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ nearbyStations(near: { lng: 113.6253, lat: 34.7466, crs: GCJ02 }, radiusMeters: 50000, first: 3) { totalCount edges { distanceMeters node { name } } } }' }),
  });
  const body = (await res.json()) as any;
  expect(body.errors, `nearby ${when}`).toBeUndefined();
  expect(res.status, `nearby ${when}`).toBe(200);
  expect(body.data.nearbyStations.totalCount, `nearby ${when}`).toBeGreaterThan(70);
  expect(body.data.nearbyStations.edges).toHaveLength(3);

  const [x, y] = tileOf(113.65, 34.76, 12);
  const tile = await fetch(`${url}/tiles/stations/12/${x}/${y}.pbf`);
  expect(tile.status, `tile ${when}`).toBe(200);
  const stations = new VectorTile(new PbfReader(Buffer.from(await tile.arrayBuffer()))).layers.stations;
  expect(stations?.length ?? 0, `tile ${when}`).toBeGreaterThan(0);

  const admin = await fetch(`${url}/`);
  expect(admin.status, `/ ${when}`).toBe(200);
  expect(admin.headers.get('content-type')).toMatch(/text\/html/);
  expect(await admin.text(), `/ ${when}`).toContain('<div id="root">');
}

const idle = () => new Promise((r) => setTimeout(r, IDLE_GAP_MS));

describe('embedded database sessions', () => {
  it('gives each new wire connection a fresh session: nothing a closed connection left behind is seen by the next', async () => {
    const db = await startEmbeddedDatabase('memory://');
    try {
      const first = new pg.Client({ connectionString: db.url });
      await first.connect();
      await first.query({ name: 'yz_same_name', text: 'select 1 as one' });
      await first.query(`set work_mem = '12345kB'`);
      await first.query('create temp table left_behind (x int)');
      await first.query('select pg_advisory_lock(42)');
      await first.query('listen left_behind');
      // Vanishes in the middle of a transaction, without a Terminate message.
      await first.query('begin');
      await first.query('create table half_done (x int)');
      first.on('error', () => undefined);
      (first as any).connection.stream.destroy();
      await new Promise((r) => setTimeout(r, 300));

      const next = new pg.Client({ connectionString: db.url });
      await next.connect();
      try {
        const r = await next.query({ name: 'yz_same_name', text: 'select 1 as one' });
        expect(r.rows).toEqual([{ one: 1 }]);
        const state = await next.query(
          `select current_setting('work_mem') as work_mem, to_regclass('pg_temp.left_behind') as temp, to_regclass('half_done') as half,
                  (select count(*)::int from pg_locks where locktype = 'advisory') as locks,
                  (select count(*)::int from pg_listening_channels()) as listens,
                  (select count(*)::int from pg_prepared_statements) as prepared,
                  pg_current_xact_id_if_assigned() is null as no_xact`,
        );
        // One prepared statement: the one this connection made just now.
        expect(state.rows[0]).toEqual({ work_mem: '4MB', temp: null, half: null, locks: 0, listens: 0, prepared: 1, no_xact: true });
      } finally {
        await next.end();
      }
    } finally {
      await db.stop();
    }
  });
});

describe('the embedded database thread', () => {
  it("runs statements beside the caller: the caller's event loop keeps turning during a long statement", async () => {
    const db = await startEmbeddedDatabase('memory://');
    try {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const started = Date.now();
      await client.query('select pg_sleep(0.5)');
      clearInterval(timer);
      await client.end();
      // On one thread PGlite's statement would block this loop for its whole half second (0–1 ticks).
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      expect(ticks).toBeGreaterThan(10);
    } finally {
      await db.stop();
    }
  });

  it('answers a data directory PGlite cannot open with a start-up error naming the embedded database', async () => {
    const file = path.join(dataDir, 'not-a-directory');
    fs.writeFileSync(file, 'x');
    await expect(startEmbeddedDatabase(file)).rejects.toThrow(/^embedded database: .*EEXIST/);
  });

  it('stops once and for all: a second stop is the same stop, and the port is released', async () => {
    const db = await startEmbeddedDatabase('memory://');
    const port = Number(new URL(db.url).port);
    await Promise.all([db.stop(), db.stop()]);
    const client = new pg.Client({ connectionString: db.url, connectionTimeoutMillis: 2_000 });
    await expect(client.connect()).rejects.toThrow(/ECONNREFUSED/);
    expect(port).toBeGreaterThan(0);
  });
});

describe.skipIf(process.env.YIZHAN_TEST_DB === 'pglite')('embedded mode, started the way the README does', () => {
  // (Skipped in the PGlite pass: it always runs on the embedded database, so the PostgreSQL pass already ran it.)
  it('from an empty data directory answers nearby, a tile and / at once, after idle gaps longer than every idle timeout, and after a restart on the same data', async () => {
    const cold = await boot();
    try {
      expect(cold.output()).toContain('created 82');
      const health = await fetch(`${cold.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      await expectAnswers(cold.url, 'right after the first start');
      await idle();
      await expectAnswers(cold.url, 'after the first idle gap');
      await idle();
      await expectAnswers(cold.url, 'after the second idle gap');
      expect(cold.output()).not.toMatch(/42P05|already exists/);
    } finally {
      expect(await cold.stop()).toBe(0);
    }
    const warm = await boot();
    try {
      expect(warm.output()).not.toContain('seed:');
      await expectAnswers(warm.url, 'right after the restart');
      await idle();
      await expectAnswers(warm.url, 'after an idle gap following the restart');
      expect(warm.output()).not.toMatch(/42P05|already exists/);
      console.log(`[embedded] cold start ${cold.seconds.toFixed(1)} s, warm start ${warm.seconds.toFixed(1)} s`);
    } finally {
      expect(await warm.stop()).toBe(0);
    }
  }, 900_000);
});
