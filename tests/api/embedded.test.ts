import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The product's own start path (`npm start` runs api/dist/index.js): embedded PGlite + PostGIS, no DATABASE_URL.
const ENTRY = path.resolve(__dirname, '../../api/dist/index.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-embedded-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function boot(): Promise<{ url: string; output: string; seconds: number; stop(): Promise<void> }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };
  const started = Date.now();
  const child = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 90 s:\n${output}`)), 90_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /API (http:\/\/localhost:\d+)\/graphql/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output,
    seconds: (Date.now() - started) / 1000,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const nearby = async (url: string) => {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ nearbyStations(near: { lng: 113.6253, lat: 34.7466, crs: GCJ02 }, radiusMeters: 50000, first: 3) { totalCount edges { distanceMeters node { name } } } }' }),
  });
  return (await res.json()) as any;
};

describe('embedded mode', () => {
  it('starts from an empty data directory, loads the real stations once, answers nearby, and reuses the data on a second start', async () => {
    const cold = await boot();
    try {
      expect(cold.output).toContain('created 82');
      const health = await fetch(`${cold.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const r = await nearby(cold.url);
      expect(r.errors).toBeUndefined();
      expect(r.data.nearbyStations.totalCount).toBeGreaterThan(70);
      expect(r.data.nearbyStations.edges).toHaveLength(3);
    } finally {
      await cold.stop();
    }
    const warm = await boot();
    try {
      expect(warm.output).not.toContain('seed:');
      const r = await nearby(warm.url);
      expect(r.data.nearbyStations.totalCount).toBeGreaterThan(70);
      console.log(`[embedded] cold start ${cold.seconds.toFixed(1)} s, warm start ${warm.seconds.toFixed(1)} s`);
    } finally {
      await warm.stop();
    }
  }, 200_000);
});
