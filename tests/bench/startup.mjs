#!/usr/bin/env node
// Start-up benchmark of the embedded mode, the way a user starts it: `npm start` with no DATABASE_URL, timed from
// the command to the first 200 from /healthz. Cold = an empty data directory (migrations, division table, stations,
// seed); warm = the same directory again. The builds must be current first (`npm run build`), as after the first
// start: the script fails if `npm start` would build.
//
//   npm run bench:startup        # STARTUP_RUNS=5 (default 3) runs of each, PORT (default: a free one)
//
// Prints each run and min / median / max, with the machine's load average (the figures scale with it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.env.STARTUP_RUNS ?? 3);
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

if (spawnSync(process.execPath, [path.join(root, 'api/src/cli/build-if-stale.mjs'), '--check'], { stdio: 'inherit' }).status !== 0) {
  console.error('startup: run `npm run build` first (this measures starts, not builds)');
  process.exit(1);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * CPU seconds (user + system) used so far by the processes of process group `pgid` (npm, its shell, the server),
 * from /proc; null where there is no /proc. On a busy machine wall time stretches, CPU time much less.
 */
function groupCpuSeconds(pgid) {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
      // cutime cstime (the last two: children that have exited, such as the build check before the server).
      if (Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / tick;
    } catch {
      /* gone */
    }
  }
  return total;
}

/** Runs `npm start` on `dataDir`: seconds to a 200 from /healthz, CPU seconds by then, the server's "ready in". */
async function start(dataDir) {
  const port = process.env.PORT ?? String(await freePort());
  const { DATABASE_URL: _unset, ...env } = process.env;
  const started = performance.now();
  const child = spawn(npm[0], [...npm.slice(1), 'start'], {
    cwd: root,
    env: { ...env, DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1', ADMIN_PASSWORD: 'startup-bench-password' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the server under npm stops with it
  });
  let output = '';
  child.stdout.on('data', (b) => (output += b));
  child.stderr.on('data', (b) => (output += b));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`npm start exited:\n${output}`);
      if (performance.now() - started > 180_000) throw new Error(`not ready in 180 s:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) break;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = groupCpuSeconds(child.pid);
    // The ready line is printed just after the server starts listening.
    for (let i = 0; i < 40 && !/ready in/.test(output); i++) await new Promise((r) => setTimeout(r, 50));
    if (/build: .* building it/.test(output)) throw new Error('npm start built something: the stamps are stale');
    const ready = /ready in ([\d.]+) s/.exec(output);
    return { seconds, cpu, server: ready ? Number(ready[1]) : NaN };
  } finally {
    if (!exited) {
      const gone = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await gone;
    }
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (x) => x.toFixed(1);
  return `min ${f(s[0])} / median ${f(s[Math.floor((s.length - 1) / 2)])} / max ${f(s[s.length - 1])} s`;
};

const cold = [];
const warm = [];
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-startup-'));
try {
  for (let i = 0; i < runs; i++) {
    const dir = path.join(base, `run${i}`);
    const c = await start(dir);
    cold.push(c);
    const w = await start(dir);
    warm.push(w);
    fs.rmSync(dir, { recursive: true, force: true });
    const cpu = (r) => (r.cpu === null ? '' : `, ${r.cpu.toFixed(1)} s CPU`);
    console.log(`run ${i + 1}: cold ${c.seconds.toFixed(1)} s (server ${c.server} s${cpu(c)}), warm ${w.seconds.toFixed(1)} s (server ${w.server} s${cpu(w)}); load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
  }
} finally {
  fs.rmSync(base, { recursive: true, force: true });
}
console.log(`\nnpm start to a ready /healthz, ${runs} runs each (embedded database):`);
for (const [name, rs] of [['cold (empty data directory)', cold], ['warm (same data directory) ', warm]]) {
  const cpu = rs[0].cpu === null ? '' : `   CPU: ${stats(rs.map((r) => r.cpu))}`;
  console.log(`  ${name}: ${stats(rs.map((r) => r.seconds))}   server's own: ${stats(rs.map((r) => r.server))}${cpu}`);
}
