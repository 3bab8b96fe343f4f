import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbeddedWorkerData, EmbeddedWorkerMessage } from './embedded-worker';

/** A running embedded PostgreSQL (PGlite + PostGIS) reachable over the wire protocol at `url`. */
export interface EmbeddedDatabase {
  url: string;
  /** The whole data directory as a tarball, e.g. to start copies of this database with `loadDataDir`. */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** PostgreSQL's `shared_buffers` (default `64MB`). */
  sharedBuffers?: string;
  /** Start from this tarball of a data directory (from `dump()`) instead of an empty one; only with `memory://`. */
  loadDataDir?: Blob;
}

/**
 * The worker's compiled file. From the TypeScript sources (the tests run them under vitest, which a worker thread
 * cannot load) it is the build's, which `npm test` makes first.
 */
function workerFile(): string {
  const compiled = path.join(__dirname, 'embedded-worker.js');
  if (fs.existsSync(compiled)) return compiled;
  const built = path.resolve(__dirname, '../../dist/db/embedded-worker.js');
  if (fs.existsSync(built)) return built;
  throw new Error(`embedded database: ${built} is missing; run \`npm run build\` first`);
}

/**
 * Starts PGlite with PostGIS and btree_gist on `dataDir` (created if missing; `memory://` for a throwaway one)
 * and serves it on 127.0.0.1:`port` (0 picks a free port) through pglite-socket, in a worker thread of its own
 * (`embedded-worker.ts`): the caller goes on (e.g. loads its modules) while PostgreSQL boots, and its event loop
 * is not blocked while a statement runs. Rejects with PGlite's error if the database cannot start.
 * PGlite runs one query at a time, so clients must use a pool of one connection.
 */
export async function startEmbeddedDatabase(dataDir: string, port = 0, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const { sharedBuffers = '64MB', loadDataDir } = options;
  // Without a tarball the thread is started before this function first waits: the caller's next synchronous work
  // (loading modules) already runs beside PostgreSQL's boot.
  const tarball = loadDataDir ? await loadDataDir.arrayBuffer() : undefined;
  const data: EmbeddedWorkerData = { dataDir, port, sharedBuffers, loadDataDir: tarball };
  const worker = new Worker(workerFile(), {
    workerData: data,
    transferList: tarball ? [tarball] : [],
    // The thread's JavaScript is small (PGlite's glue and the socket server); a small young generation keeps it small.
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  const replies: ((msg: EmbeddedWorkerMessage) => void)[] = [];
  const chosenPort = await new Promise<number>((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`embedded database: its thread ended (exit code ${code}) before it was ready`));
    worker.once('exit', onExit);
    worker.once('error', reject);
    worker.on('message', (msg: EmbeddedWorkerMessage) => {
      if (msg.type === 'ready') {
        worker.off('exit', onExit);
        worker.off('error', reject);
        resolve(msg.port);
      } else if (msg.type === 'failed') {
        const error = new Error(`embedded database: ${msg.message}`);
        // The thread's stack, under this message.
        if (msg.stack) error.stack = `Error: ${error.message}\n${msg.stack.split('\n').slice(1).join('\n')}`;
        reject(error);
        void worker.terminate();
      } else {
        replies.shift()?.(msg);
      }
    });
  });
  // After the start, an error in the database's thread is the process's: nothing can be answered without it.
  worker.on('error', (e) => {
    throw e;
  });
  const ask = <T extends EmbeddedWorkerMessage['type']>(type: 'dump' | 'stop', expect: T) =>
    new Promise<Extract<EmbeddedWorkerMessage, { type: T }>>((resolve, reject) => {
      replies.push((msg) => (msg.type === expect ? resolve(msg as never) : reject(new Error(`embedded database: ${msg.type} instead of ${expect}`))));
      worker.postMessage({ type });
    });
  let stopped: Promise<void> | null = null;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${chosenPort}/postgres`,
    dump: async () => new Blob([(await ask('dump', 'dump')).data]),
    stop: () =>
      (stopped ??= (async () => {
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        await ask('stop', 'stopped');
        await exited;
      })()),
  };
}
