import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { guardSocketServer } from '../../api/src/db/pglite-socket-guards';

/**
 * The embedded database's wire server (pglite-socket, as `embedded-worker.ts` runs it, with the guards of
 * `pglite-socket-guards.ts`), here on an in-process PGlite so that a failure can be injected. Every client has a
 * client-side query timeout: without the guards these cases wait for ever instead of failing.
 */
const started: { server: PGLiteSocketServer; db: PGlite; clients: pg.Client[] }[] = [];

async function serve(maxConnections: number) {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections });
  guardSocketServer(server, db as never);
  await server.start();
  const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
  const entry = { server, db, clients: [] as pg.Client[] };
  started.push(entry);
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, query_timeout: 5_000, connectionTimeoutMillis: 5_000 });
    c.on('error', () => undefined);
    entry.clients.push(c);
    await c.connect();
    return c;
  };
  return { db, connect };
}

/** A client that failed may never settle its end(). */
const settled = (p: Promise<unknown>) => Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, 1_000))]);

/** Two connections to one server; `a` has an open transaction that inserted 1 into table t. */
async function twoConnectionsOneInTransaction() {
  const { connect } = await serve(2);
  const a = await connect();
  const b = await connect();
  await a.query('create table t (x int)');
  await a.query('begin');
  await a.query('insert into t values (1)');
  return { a, b };
}

afterEach(async () => {
  for (const { server, db, clients } of started.splice(0)) {
    await Promise.all(clients.map((c) => settled(c.end())));
    await server.stop();
    await new Promise((r) => setTimeout(r, 20));
    await db.close();
  }
});

describe('pglite-socket guards', { timeout: 30_000 }, () => {
  it('a wire message whose execution throws fails its own connection, and the next connection is answered (electric-sql/pglite#1046)', async () => {
    const { db, connect } = await serve(1);
    const first = await connect();
    expect((await first.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    // One internal failure, as a WebAssembly abort would be: the next Parse message throws.
    const run = db.execProtocolRawStream.bind(db);
    let injected = false;
    db.execProtocolRawStream = async (message, options) => {
      if (!injected && message[0] === 0x50) {
        injected = true;
        throw new Error('injected failure');
      }
      return run(message, options);
    };
    await expect(first.query('select $1::int as n', [7])).rejects.toThrow();
    expect(injected).toBe(true);
    await settled(first.end());
    await new Promise((r) => setTimeout(r, 50));

    const next = await connect();
    expect((await next.query('select $1::int as n', [8])).rows).toEqual([{ n: 8 }]);
    expect((await next.query('select count(*)::int as n from pg_prepared_statements')).rows).toEqual([{ n: 0 }]);
  });

  it("keeps another connection's statements out of an open transaction, and answers them once it ends", async () => {
    const { a, b } = await twoConnectionsOneInTransaction();
    let answered = false;
    const fromB = b.query('insert into t values (2)').then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    await a.query('rollback');
    await fromB;
    expect((await b.query('select x from t order by x')).rows).toEqual([{ x: 2 }]);
  });

  it("rolls back the transaction of a connection that vanished, and answers the others' waiting statements", async () => {
    const { a, b } = await twoConnectionsOneInTransaction();
    const fromB = b.query('insert into t values (2)');
    await new Promise((r) => setTimeout(r, 100));
    // Vanishes without a Terminate message.
    (a as any).connection.stream.destroy();
    await fromB;
    expect((await b.query('select x from t order by x')).rows).toEqual([{ x: 2 }]);
  });

  it('refuses a server whose internals are not the ones it wraps', () => {
    expect(() => guardSocketServer({}, {} as never)).toThrow(/pglite-socket: .*version changed/);
  });
});
