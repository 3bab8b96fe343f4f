// The product entry point runs in production mode unless told otherwise: graphql-js skips its development-only
// checks (about 10 % of a nearby query's CPU) and express its debugging aids.
process.env.NODE_ENV ??= 'production';
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { startApp } from './app';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const app = await startApp(config);
  const { port } = app.server.httpServer.address() as { port: number };
  console.log(`Yizhan ready in ${((Date.now() - started) / 1000).toFixed(1)} s: admin http://localhost:${port}/  API http://localhost:${port}/graphql`);
  const shutdown = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error('Yizhan failed to start:', e);
  process.exit(1);
});
