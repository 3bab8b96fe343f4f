#!/usr/bin/env node
// CPU instructions per nearbyStations request, counted by valgrind's callgrind: a figure that does not drift
// with the machine's speed, for comparing two builds of the API on a shared VM where req/s moves by tens of
// per cent within minutes (README, "Performance"). Not part of `npm test` or `npm run bench`.
//
//   node tests/bench/instructions.mjs [api/dist] [other/api/dist …]
//
// Needs valgrind and a database with stations at DATABASE_URL (e.g. one loaded by `npm run seed:synthetic`).
// For each build: starts it under callgrind with instrumentation off, sends WARMUP requests, switches
// instrumentation on, sends REQUESTS requests (4 at a time, 64 search points, the benchmark's query), dumps the
// counts and prints instructions per request: the total, V8's optimizing compiler (which keeps compiling
// longer under valgrind's slowdown, and runs on a background thread in production), the garbage collector,
// and the rest. Compare "gc + rest" between builds; differences under ~2 % are noise.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { NEARBY_QUERY, startProcess, stop } from './processes.mjs';

const DATABASE_URL = process.env.DATABASE_URL;
const WARMUP = Number(process.env.WARMUP ?? 300);
const REQUESTS = Number(process.env.REQUESTS ?? 1500);
const PORT = Number(process.env.PORT ?? 4713);
const HOST = '127.0.0.1';
if (!DATABASE_URL) {
  console.error('Set DATABASE_URL to a database with stations (npm run seed:synthetic -- --count 200000).');
  process.exit(2);
}
const builds = process.argv.slice(2).length ? process.argv.slice(2) : ['api/dist'];

async function searchBodies() {
  const c = new pg.Client({ connectionString: DATABASE_URL });
  await c.connect();
  const r = await c.query(`select ST_X(location::geometry) as lng, ST_Y(location::geometry) as lat from station order by id limit 64`);
  await c.end();
  return r.rows.map((p) => JSON.stringify({ query: NEARBY_QUERY, variables: { lng: Number(p.lng), lat: Number(p.lat) } }));
}

// Requests go over 4 kept-alive connections (node:http, not fetch). Under valgrind's slowdown (and a shared
// machine) a connection can be reset before any byte of an answer arrives: the server closing a kept-alive
// connection as a request is written on it (the keep-alive race of Node's `request.reusedSocket` documentation),
// or dropping one whose request waited past its timeouts while the event loop was busy. Such a request is sent
// again, on a fresh connection, and counted in the output; any other failure stops the run with the server's log.
// The server runs with its request, statement and pool-acquire timeouts raised and pooled connections kept (no
// idle close): their defaults are meant for real clients, and under valgrind on a loaded machine a request that
// waits or a reconnect that takes seconds would fail (503) instead of being counted.
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
let resent = 0;

function post(body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: HOST, port: PORT, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode, text }));
        res.on('error', reject);
      },
    );
    req.on('error', (e) => reject(Object.assign(e, { reusedSocket: req.reusedSocket })));
    req.end(body);
  });
}

async function postResending(body) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await post(body);
    } catch (e) {
      if (!['ECONNRESET', 'EPIPE'].includes(e.code) || attempt >= 5) throw e;
      resent++;
    }
  }
}

async function send(bodies, n) {
  let i = 0;
  let bad = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (i < n) {
        const res = await postResending(bodies[i++ % bodies.length]);
        if (res.status !== 200 || !res.text.startsWith('{"data":{"nearbyStations"')) bad++;
      }
    }),
  );
  if (bad) throw new Error(`${bad} requests failed`);
}

/** callgrind_annotate's per-function counts, split into compiler, GC and the rest. */
function split(file) {
  const out = execFileSync('callgrind_annotate', ['--inclusive=no', '--threshold=100', file], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  let total = 0;
  let compiler = 0;
  let gc = 0;
  for (const line of out.split('\n')) {
    const m = /^\s*([\d,]+) \(/.exec(line);
    if (!m) continue;
    const n = Number(m[1].replaceAll(',', ''));
    if (line.includes('PROGRAM TOTALS')) {
      total = n;
      continue;
    }
    if (/compiler::|Compiler|Maglev|maglev|turboshaft|BytecodeGenerator|Parser|Scanner|interpreter::/.test(line)) compiler += n;
    else if (/Scaveng|Marking|Sweep|Heap::|heap::|Evacuat|MemoryAllocator|Compactor/.test(line)) gc += n;
  }
  return { total, compiler, gc, rest: total - compiler - gc };
}

async function measure(build, bodies) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-callgrind-'));
  const env = { DATABASE_URL, PORT: String(PORT), HOST, LOG_LEVEL: 'warn', ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'instructions-admin-password', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000000', MAX_QUERY_COST_PUBLIC: '100000', SEED_ON_FIRST_START: 'false', REQUEST_TIMEOUT_MS: '600000', DB_ACQUIRE_TIMEOUT_MS: '120000', DB_STATEMENT_TIMEOUT_MS: '120000', DB_POOL_IDLE_TIMEOUT_MS: '600000' };
  const { child, output } = await startProcess('valgrind', ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${dir}/cg.%p`, 'node', path.join(build, 'index.js')], env, /Yizhan ready/, 600_000);
  // callgrind_control finds the process through files named after HOST, which valgrind read from our env.
  const control = (...args) => execFileSync('callgrind_control', [...args, String(child.pid)], { env: { ...process.env, HOST }, stdio: 'ignore' });
  try {
    await send(bodies, WARMUP);
    control('-i', 'on');
    await send(bodies, REQUESTS);
    control('-d');
  } catch (e) {
    console.error(`${build}: the server's output so far:\n${output().slice(-4000)}`);
    throw e;
  } finally {
    await stop(child);
  }
  const dump = fs.readdirSync(dir).find((f) => f.endsWith('.1'));
  const counts = split(path.join(dir, dump));
  fs.rmSync(dir, { recursive: true, force: true });
  const per = (n) => (n / REQUESTS / 1e6).toFixed(2);
  const note = resent ? ` [${resent} requests resent after a keep-alive reset]` : '';
  resent = 0;
  return `${build}: ${per(counts.total)}M instructions per request (compiler ${per(counts.compiler)}M, gc ${per(counts.gc)}M, rest ${per(counts.rest)}M; gc + rest ${per(counts.gc + counts.rest)}M)${note}`;
}

const bodies = await searchBodies();
for (const build of builds) console.log(await measure(build, bodies));
agent.destroy();
