/**
 * The embedded database's thread: PGlite (PostgreSQL compiled to WebAssembly, one session) with PostGIS and
 * btree_gist, served on 127.0.0.1 over the PostgreSQL wire protocol by pglite-socket. `embedded.ts` starts it as a
 * worker thread, so that PGlite's start (compiling and booting PostgreSQL) overlaps the loading of the server's
 * modules, and every statement runs beside the API's event loop instead of blocking it.
 *
 * Messages: in `workerData` an EmbeddedWorkerData; to the parent `{ type: 'ready', port }` or `{ type: 'failed',
 * message, stack }`; from the parent `{ type: 'dump' }` (answered `{ type: 'dump', data }`, the data directory as a
 * tarball) and `{ type: 'stop' }` (answered `{ type: 'stopped' }` once the server and the database are closed).
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { guardSocketServer } from './pglite-socket-guards';
import { corePostgisBundle } from './postgis-bundle';

/** What the parent passes the worker. */
export interface EmbeddedWorkerData {
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  sharedBuffers: string;
  /** A data directory tarball to start from (with `memory://`). */
  loadDataDir?: ArrayBuffer;
}

/** A message from the worker. */
export type EmbeddedWorkerMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; message: string; stack?: string }
  | { type: 'dump'; data: ArrayBuffer }
  | { type: 'stopped' };

async function run(data: EmbeddedWorkerData): Promise<void> {
  const port = parentPort!;
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (!data.dataDir.startsWith('memory://')) fs.mkdirSync(data.dataDir, { recursive: true });
  // PostGIS without the raster and topology libraries, which PGlite would otherwise compile at every start.
  const bundle = await corePostgisBundle();
  const postgisCore: typeof postgis = bundle
    ? { ...postgis, setup: async (pg, opts) => ({ ...(await postgis.setup(pg, opts)), bundlePath: bundle }) }
    : postgis;
  // shared_buffers: PGlite's buffer pages are WASM memory, counted in this process's resident memory and never
  // given back, while the data files stay in the OS page cache anyway (64 MB keeps the embedded mode under 1 GiB at
  // 200k stations; README, "Performance").
  const db = await PGlite.create(data.dataDir, {
    extensions: { postgis: postgisCore, btree_gist },
    postgresqlconf: [`shared_buffers=${data.sharedBuffers}`],
    loadDataDir: data.loadDataDir ? new Blob([data.loadDataDir]) : undefined,
  });
  const tcpPort = data.port || (await freePort());
  const server = new PGLiteSocketServer({ db, port: tcpPort, host: '127.0.0.1', maxConnections: 1 });
  guardSocketServer(server, db);
  await server.start();
  port.on('message', async (msg: { type: string }) => {
    if (msg.type === 'dump') {
      const data = await (await db.dumpDataDir('none')).arrayBuffer();
      port.postMessage({ type: 'dump', data } satisfies EmbeddedWorkerMessage, [data]);
    } else if (msg.type === 'stop') {
      await server.stop();
      // pglite-socket detaches a closed connection in a setImmediate callback, which asks the database whether a
      // transaction is open: one already scheduled (the client hung up just before) must run before PGlite closes,
      // or it throws on the closed database. stop() removed the sockets' listeners, so no new one is scheduled.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      await db.close();
      port.postMessage({ type: 'stopped' } satisfies EmbeddedWorkerMessage);
      port.close();
    }
  });
  port.postMessage({ type: 'ready', port: tcpPort } satisfies EmbeddedWorkerMessage);
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

if (parentPort) {
  run(workerData as EmbeddedWorkerData).catch((e: Error) => {
    parentPort!.postMessage({ type: 'failed', message: e.message, stack: e.stack } satisfies EmbeddedWorkerMessage);
  });
}
