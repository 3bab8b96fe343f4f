import fs from 'node:fs';
import type { Socket } from 'node:net';
import { corePostgisBundle } from './postgis-bundle';

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
 * Starts PGlite with PostGIS and btree_gist on `dataDir` (created if missing; `memory://` for a throwaway one)
 * and serves it on 127.0.0.1:`port` (0 picks a free port) through pglite-socket.
 * PGlite runs one query at a time, so clients must use a pool of one connection.
 */
export async function startEmbeddedDatabase(dataDir: string, port = 0, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const { sharedBuffers = '64MB', loadDataDir } = options;
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  // shared_buffers: PGlite's buffer pages are WASM memory, counted in this process's resident memory and never
  // given back, while the data files stay in the OS page cache anyway (64 MB keeps the embedded mode under 1 GiB at
  // 200k stations; README, "Performance").
  // PostGIS without the raster and topology libraries, which PGlite would otherwise compile at every start.
  const core = await corePostgisBundle();
  const postgisCore: typeof postgis = core
    ? { ...postgis, setup: async (pg, opts) => ({ ...(await postgis.setup(pg, opts)), bundlePath: core }) }
    : postgis;
  const db = await PGlite.create(dataDir, { extensions: { postgis: postgisCore, btree_gist }, postgresqlconf: [`shared_buffers=${sharedBuffers}`], loadDataDir });
  if (port === 0) port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 1 });
  freshSessionPerConnection(server, db);
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    dump: () => db.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** What `freshSessionPerConnection` uses of pglite-socket 0.2.11's server besides its public API. */
interface SocketServerInternals {
  handleConnection(socket: Socket): Promise<void>;
  getStats(): { activeConnections: number };
}

/** The part of PGlite that `freshSessionPerConnection` uses. */
interface Session {
  isInTransaction(): boolean;
  exec(sql: string): Promise<unknown>;
}

/**
 * PGlite is one PostgreSQL session, and pglite-socket hands it to each wire connection in turn: whatever a closed
 * connection left in the session (named prepared statements, portals, temporary tables, `SET`s, advisory locks,
 * `LISTEN`s) would still be there for the next one, unlike on PostgreSQL. A pool that closes an idle connection and
 * opens a new one then fails with `prepared statement "…" already exists` (42P05) for ever. So before a new
 * connection is attached (none is attached then: the server takes one at a time), its session is made fresh: an
 * open transaction is rolled back and `DISCARD ALL` drops all session state. pglite-socket has no hook for this,
 * so its connection handler is wrapped; `tests/api/embedded.test.ts` fails if the wrapping stops working.
 */
function freshSessionPerConnection(server: object, db: Session): void {
  const internals = server as SocketServerInternals;
  if (typeof internals.handleConnection !== 'function') throw new Error('pglite-socket: no connection handler to wrap (version changed?)');
  const attach = internals.handleConnection.bind(server);
  internals.handleConnection = async (socket) => {
    // A connection beyond the limit is refused by pglite-socket: leave the session of the attached one alone.
    if (internals.getStats().activeConnections === 0) {
      try {
        // DISCARD ALL may not run inside a transaction; a client that vanished mid-transaction leaves one open.
        if (db.isInTransaction()) await db.exec('ROLLBACK');
        await db.exec('DISCARD ALL');
      } catch (e) {
        socket.destroy(e as Error);
        return;
      }
    }
    return attach(socket);
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
