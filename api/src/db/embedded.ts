import fs from 'node:fs';

/** A running embedded PostgreSQL (PGlite + PostGIS) reachable over the wire protocol at `url`. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite with PostGIS and btree_gist on `dataDir` (created if missing; `memory://` for a throwaway one)
 * and serves it on 127.0.0.1:`port` (0 picks a free port) through pglite-socket.
 * PGlite runs one query at a time, so clients must use a pool of one connection. `sharedBuffers` is PostgreSQL's
 * `shared_buffers` (e.g. `64MB`).
 */
export async function startEmbeddedDatabase(dataDir: string, port = 0, sharedBuffers = '64MB'): Promise<EmbeddedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  // shared_buffers: PGlite's buffer pages are WASM memory, counted in this process's resident memory and never
  // given back, while the data files stay in the OS page cache anyway (64 MB keeps the embedded mode under 1 GiB at
  // 200k stations; README, "Performance").
  const db = await PGlite.create(dataDir, { extensions: { postgis, btree_gist }, postgresqlconf: [`shared_buffers=${sharedBuffers}`] });
  if (port === 0) port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 1 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
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
