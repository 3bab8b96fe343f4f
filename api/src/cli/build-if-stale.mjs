#!/usr/bin/env node
// Builds the API and/or the admin only when their sources changed since their last build (`npm start` runs this
// first, so a warm start does not rebuild what is built). Plain JavaScript, not compiled: it runs before the build.
//
// A build is current when its output folder holds a stamp with the SHA-256 of everything it was built from: the
// workspace's files (except dist/ and node_modules/), the root tsconfig.json and package-lock.json (dependencies).
// Contents, not modification times, so a checkout that touches files without changing them does not rebuild.
// Usage: node api/src/cli/build-if-stale.mjs [--always | --check | --start]: --always builds both whatever the stamps
// say (`npm run build`), --check builds nothing and exits 1 if a build is out of date, --start (`npm start`) then
// runs the server in this same process (one Node start less than a prestart script and a start script).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const STAMP = '.build-stamp';

const targets = [
  { workspace: 'api', output: 'api/dist', entry: 'index.js' },
  { workspace: 'admin', output: 'admin/dist', entry: 'index.html' },
];

/** Files under `dir` (relative to the root), sorted, skipping build outputs, dependencies and dotfiles. */
function files(dir) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'dist') continue;
      const p = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function sourceHash(workspace) {
  const h = createHash('sha256');
  for (const f of [...files(workspace), 'tsconfig.json', 'package-lock.json']) {
    h.update(f).update('\0').update(fs.readFileSync(path.join(root, f))).update('\0');
  }
  return h.digest('hex');
}

function readStamp(target) {
  try {
    if (!fs.existsSync(path.join(root, target.output, target.entry))) return null;
    return fs.readFileSync(path.join(root, target.output, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

const checkOnly = process.argv.includes('--check');
const always = process.argv.includes('--always');
let stale = 0;
for (const target of targets) {
  const hash = sourceHash(target.workspace);
  if (!always && readStamp(target) === hash) continue;
  stale++;
  if (checkOnly) {
    console.log(`build: ${target.workspace} is out of date`);
    continue;
  }
  if (!always) console.log(`build: ${target.workspace} changed since its last build, building it`);
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const r = spawnSync(npm[0], [...npm[1], 'run', 'build', '-w', target.workspace], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // The hash of the sources as they were when the build started: a file edited during it makes the next start rebuild.
  fs.writeFileSync(path.join(root, target.output, STAMP), `${hash}\n`);
}
if (checkOnly && stale > 0) process.exit(1);
if (process.argv.includes('--start')) await import(path.join(root, 'api/dist/index.js'));
