// The product entry point runs in production mode unless told otherwise: graphql-js skips its development-only
// checks (about 10 % of a nearby query's CPU) and express its debugging aids.
process.env.NODE_ENV ??= 'production';
import v8 from 'node:v8';
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';

/**
 * Under load most of what a request allocates is garbage, but requests waiting for the CPU outlive a young-
 * generation collection or two and are promoted; with V8's default growing factor (up to 4x the live heap) the
 * old space then fills to ~160 MB of dead objects before a full collection. Growing by 100 % (2x the ~50 MB
 * live heap) keeps the process near 200 MB resident under 64 clients instead of ~290 MB, for a full collection
 * every few seconds (~20 ms of main-thread time each; README, "Performance"). NODE_OPTIONS can override it.
 */
if (!/heap-growing-percent/.test(process.env.NODE_OPTIONS ?? '') && !process.execArgv.some((a) => a.includes('heap-growing-percent'))) {
  v8.setFlagsFromString('--heap-growing-percent=100');
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  // The embedded database boots in its own thread while the server's modules load (about a second each).
  let embedded: Promise<EmbeddedDatabase> | undefined;
  if (!config.DATABASE_URL) {
    embedded = startEmbeddedDatabase(config.DATA_DIR, 0, { sharedBuffers: config.EMBEDDED_SHARED_BUFFERS });
    embedded.catch(() => undefined); // awaited, and reported, by startApp
  }
  // Loaded now, not at the top: the database thread above starts first.
  const { startApp } = require('./app') as typeof import('./app');
  const app = await startApp(config, undefined, undefined, { embedded });
  const { port } = app.server.httpServer.address() as { port: number };
  console.log(`Yizhan ready in ${((Date.now() - started) / 1000).toFixed(1)} s: admin http://localhost:${port}/  API http://localhost:${port}/graphql`);
  // SIGTERM/SIGINT: stop accepting, finish the requests in flight (up to SHUTDOWN_GRACE_MS), close Apollo, the
  // rate limiter, the ORM and the embedded database, exit 0. A second signal does not start a second shutdown.
  let stopping: Promise<void> | null = null;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      console.log(`${signal}: shutting down (requests in flight get up to ${config.SHUTDOWN_GRACE_MS} ms)`);
      // Should closing the database hang, the process still ends, with a failure code.
      setTimeout(() => {
        console.error('shutdown did not finish in time');
        process.exit(1);
      }, config.SHUTDOWN_GRACE_MS + 15_000).unref();
      try {
        await app.stop();
      } catch (e) {
        console.error('shutdown failed:', e);
        process.exit(1);
      }
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error('Yizhan failed to start:', e);
  process.exit(1);
});
