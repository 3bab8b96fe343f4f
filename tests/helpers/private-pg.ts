import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL server of the test's own (so it can be stopped and restarted without harming others). */
export interface PrivatePostgres {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

function run(args: string[]): void {
  const asPostgres = process.getuid?.() === 0;
  const [cmd, ...rest] = asPostgres ? ['runuser', '-u', 'postgres', '--', ...args] : args;
  execFileSync(cmd, rest, { stdio: 'pipe', timeout: 60_000 });
}

/** Creates and starts a private cluster on `port` with Debian's PostgreSQL 15 binaries; null when they are missing. */
export function createPrivatePostgres(port: number): PrivatePostgres | null {
  if (!fs.existsSync(path.join(BIN, 'initdb'))) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  try {
    run([path.join(BIN, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const pg: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => run([path.join(BIN, 'pg_ctl'), '-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']),
    stop: () => run([path.join(BIN, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']),
    destroy: () => {
      try {
        pg.stop();
      } catch {
        /* already stopped */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  pg.start();
  return pg;
}
