#!/usr/bin/env node
// Requests per second of two (or more) builds of the API on the same database, interleaved, for a before/after
// figure on a shared machine whose speed drifts within minutes. Not part of `npm test` or `npm run bench`.
//
//   DATABASE_URL=… node tests/bench/compare.mjs old/api/dist api/dist
//
// Each build serves on its own port (PORT, PORT+1, …); after a warm-up run each, REPEAT rounds run every build for
// SECONDS at CONNECTIONS clients (default 3 rounds × 10 s × 16) with the benchmark's query (processes.mjs) at 64
// search points, and the median req/s of each build is printed with every round's figure.
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { NEARBY_QUERY, startProcess, stop } from './processes.mjs';

const DATABASE_URL = process.env.DATABASE_URL;
const PORT = Number(process.env.PORT ?? 4720);
const SECONDS = Number(process.env.SECONDS ?? 10);
const REPEAT = Number(process.env.REPEAT ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
if (!DATABASE_URL) {
  console.error('Set DATABASE_URL to a database with stations (npm run seed:synthetic -- --count 200000).');
  process.exit(2);
}
const builds = process.argv.slice(2);
if (builds.length < 1) {
  console.error('usage: node tests/bench/compare.mjs <api/dist> [<other api/dist> …]');
  process.exit(2);
}

const c = new pg.Client({ connectionString: DATABASE_URL });
await c.connect();
const points = (await c.query(`select ST_X(location::geometry) as lng, ST_Y(location::geometry) as lat from station where source_key like 'synthetic:%' order by source_key limit 64`)).rows;
await c.end();
const requests = points.map((p) => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: NEARBY_QUERY, variables: { lng: Number(p.lng), lat: Number(p.lat) } }),
}));

const servers = [];
try {
  for (const [i, build] of builds.entries()) {
    const port = PORT + i;
    const env = { DATABASE_URL, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'compare-admin-password', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000', MAX_QUERY_COST_PUBLIC: '100000', SEED_ON_FIRST_START: 'false' };
    const { child } = await startProcess('node', [path.resolve(build, 'index.js')], env, /Yizhan ready/);
    servers.push({ build, port, child, rps: [] });
  }
  const run = async (s, seconds) => {
    const r = await autocannon({ url: `http://127.0.0.1:${s.port}/graphql`, connections: CONNECTIONS, duration: seconds, requests });
    if (r.errors + r.non2xx) throw new Error(`${s.build}: ${r.errors} errors, ${r.non2xx} non-2xx`);
    return Math.round(r.requests.average);
  };
  for (const s of servers) await run(s, Math.max(3, SECONDS / 2));
  for (let round = 0; round < REPEAT; round++) for (const s of servers) s.rps.push(await run(s, SECONDS));
  for (const s of servers) {
    const sorted = [...s.rps].sort((a, b) => a - b);
    console.log(`${s.build}: median ${sorted[Math.floor(sorted.length / 2)]} req/s at ${CONNECTIONS} clients (rounds: ${s.rps.join(', ')})`);
  }
} finally {
  for (const s of servers) await stop(s.child);
}
