import { loadConfig } from '../../api/src/config';
import { startApp, type RunningApp } from '../../api/src/app';
import { createTestDatabase } from './db';

export interface TestServer {
  url: string;
  app: RunningApp;
  /** POSTs a GraphQL operation to /graphql and returns the JSON body. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  stop(): Promise<void>;
}

/** Starts the whole app (API, admin, seeds) on a random port against a test database of its own. */
export async function startTestServer(opts: { seed?: boolean } = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    DB_POOL_MAX: String(db.poolMax),
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_FIRST_START: String(opts.seed ?? true),
  });
  const app = await startApp(config, () => undefined);
  const url = app.server.url;
  return {
    url,
    app,
    async graphql(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as never;
    },
    async stop() {
      await app.stop();
      await db.drop();
    },
  };
}
