/**
 * Two guards around pglite-socket 0.2.11 (the version DESIGN.md fixes), the wire server in front of the embedded
 * PGlite. Both wrap its internals, since it has no hooks; each checks the internals it needs and throws at start-up
 * if they changed, and `tests/api/pglite-socket-guards.test.ts` fails without either guard.
 *
 * - A fresh session per wire connection (`freshSessionPerConnection`), and no connection refused for a handler
 *   that is gone (`forgetDetachedHandlers`).
 * - A query queue that never stops (`queueThatNeverStops`): the library's queue stops for good after one failed
 *   message (electric-sql/pglite#1046, open upstream) and after a transaction's connection vanished
 *   (electric-sql/pglite#985).
 */
import type { Socket } from 'node:net';

/** The part of PGlite the guards use. */
export interface GuardedSession {
  isInTransaction(): boolean;
  exec(sql: string): Promise<unknown>;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<void>;
}

/** A wire message waiting in pglite-socket's queue. */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: Error): void;
}

/** What the guards use of pglite-socket 0.2.11's server besides its public API. */
interface SocketServerInternals {
  handleConnection(socket: Socket): Promise<void>;
  getStats(): { activeConnections: number };
  handlers: Set<{ handlerId: number; isAttached: boolean }>;
  queryQueue: { queue: QueuedMessage[]; processing: boolean; lastHandlerId: number | null; processQueue(): Promise<void> };
}

/** Applies both guards to a pglite-socket server before it starts. Throws if its internals are not the expected ones. */
export function guardSocketServer(server: object, db: GuardedSession): void {
  const internals = server as SocketServerInternals;
  const q = internals.queryQueue;
  if (typeof internals.handleConnection !== 'function' || !(internals.handlers instanceof Set) || !q || !Array.isArray(q.queue) || typeof q.processQueue !== 'function') {
    throw new Error('pglite-socket: its connection handler or query queue is not the one the guards wrap (version changed?)');
  }
  freshSessionPerConnection(internals, db);
  queueThatNeverStops(internals, db);
}

/**
 * PGlite is one PostgreSQL session, and pglite-socket hands it to each wire connection in turn: whatever a closed
 * connection left in the session (named prepared statements, portals, temporary tables, `SET`s, advisory locks,
 * `LISTEN`s) would still be there for the next one, unlike on PostgreSQL. A pool that closes an idle connection and
 * opens a new one then fails with `prepared statement "…" already exists` (42P05) for ever. So before a new
 * connection is attached (none is attached then: the server takes one at a time), its session is made fresh: an
 * open transaction is rolled back and `DISCARD ALL` drops all session state.
 */
function freshSessionPerConnection(internals: SocketServerInternals, db: GuardedSession): void {
  const attach = internals.handleConnection.bind(internals);
  internals.handleConnection = async (socket) => {
    forgetDetachedHandlers(internals);
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

/**
 * pglite-socket forgets a connection's handler when its socket closes, but a handler detached after an error (a
 * failed message, a reset connection) has removed its socket listeners first, so it stays counted: with
 * `maxConnections: 1` every later connection is refused ("Too many connections") until the process restarts.
 * Called as a connection arrives, this drops the handlers whose socket is gone.
 */
function forgetDetachedHandlers(internals: SocketServerInternals): void {
  for (const h of internals.handlers) if (!h.isAttached) internals.handlers.delete(h);
}

/**
 * pglite-socket runs the wire messages of all connections through one queue, one at a time, keeping to the
 * connection whose transaction is open. Its loop has two ways to stop for good, after which every statement of
 * every connection waits for ever (no statement timeout can fire: nothing reaches PostgreSQL):
 * - a message whose execution throws (a WebAssembly abort, a closed database, a failing write to the client) leaves
 *   the queue marked busy (#1046);
 * - a transaction whose connection vanished before its detach rolled it back keeps the queue waiting for that
 *   connection's next message (#985).
 * This loop takes the library's place: a message that throws is refused to its own connection (which pglite-socket
 * then closes; any transaction it left open is rolled back when it detaches) and the queue goes on; a transaction
 * whose connection is no longer attached is rolled back.
 */
function queueThatNeverStops(internals: SocketServerInternals, db: GuardedSession): void {
  const q = internals.queryQueue;
  const attached = (handlerId: number) => [...internals.handlers].some((h) => h.handlerId === handlerId && h.isAttached);
  q.processQueue = async () => {
    if (q.processing || q.queue.length === 0) return;
    q.processing = true;
    try {
      while (q.queue.length > 0) {
        let next: QueuedMessage | undefined;
        const owner = q.lastHandlerId;
        if (owner !== null && db.isInTransaction()) {
          const i = q.queue.findIndex((m) => m.handlerId === owner);
          if (i >= 0) next = q.queue.splice(i, 1)[0];
          else if (attached(owner)) break; // the transaction's own next message restarts the loop
          else {
            // Not awaited by pglite-socket: a failure here must not escape (the next message would report it).
            await db.exec('ROLLBACK').catch(() => undefined);
            q.lastHandlerId = null;
            continue;
          }
        } else {
          next = q.queue.shift()!;
        }
        let bytes = 0;
        // The connection whose message ran owns the session from here, also when it failed: its detach then rolls
        // back whatever it left open.
        q.lastHandlerId = next.handlerId;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(next.message, {
              onRawData: (data) => {
                bytes += data.length;
                next.onData(data);
              },
            }),
          );
        } catch (e) {
          next.reject(e instanceof Error ? e : new Error(String(e)));
          continue;
        }
        next.resolve(bytes);
      }
    } finally {
      q.processing = false;
    }
  };
}
