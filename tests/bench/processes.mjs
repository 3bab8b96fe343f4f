// Shared by the benchmark scripts: the repository root, the benchmark's nearbyStations query, and starting and
// stopping a server process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The benchmark's query: 5 km, 2 amenities, first 20, `distanceMeters` and `id name amenities location`. */
export const NEARBY_QUERY = `query($lng: Float!, $lat: Float!) { nearbyStations(near: {lng: $lng, lat: $lat}, radiusMeters: 5000, amenities: [DRINKING_WATER, PHONE_CHARGING], first: 20) { edges { distanceMeters node { id name amenities location { lng lat } } } } }`;

/**
 * The raw SQL the API runs for NEARBY_QUERY's first page at a search point: the same text (built by the API's
 * own nearbyFirstPageSql for the same selected fields, from api/dist) in pg's `$n` form, with its parameters.
 * `name` makes it a named prepared statement, as the API runs it; without, it is parsed and planned every time.
 * Used by the SQL floor (bench.mjs) and the HTTP floor (http-floor.mjs).
 */
export async function nearbyStatement(name) {
  const { nearbyFirstPageSql } = await import(path.join(root, 'api/dist/stations/nearby.js'));
  const { positional } = await import(path.join(root, 'api/dist/db/prepared.js'));
  return (p) => {
    const { text, params } = nearbyFirstPageSql({ near: { lng: p.lng, lat: p.lat }, radiusMeters: 5000, amenities: ['DRINKING_WATER', 'PHONE_CHARGING'], first: 20 }, ['id', 'name', 'amenities', 'location']);
    return { text: positional(text), params, ...(name ? { name } : {}) };
  };
}

/**
 * Starts `cmd args` in the repository root with `env` added to ours; resolves once its output matches
 * `readyPattern` with the child and its output so far, rejects if it exits first or takes over `timeoutMs`.
 */
export function startProcess(cmd, args, env, readyPattern, timeoutMs = 300_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start: ${out.slice(-2000)}`)), timeoutMs);
    const onData = (d) => {
      out += d;
      if (readyPattern.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited ${code}: ${out.slice(-2000)}`));
    });
  });
}

/** Stops a child started by startProcess (SIGTERM) and waits for it to exit. */
export async function stop(child) {
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

