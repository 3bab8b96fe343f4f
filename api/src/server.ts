import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Config } from './config';
import { createContext, type Context } from './context';
import { formatError } from './common/errors';

export interface Server {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Base URL once listening, e.g. `http://127.0.0.1:4000`. */
  url: string;
  close(): Promise<void>;
}

/**
 * One HTTP server for everything: `POST /graphql` (Apollo Server 5; CSRF prevention on, batching off, stack
 * traces never sent), `GET /healthz` (200 `{status:"ok"}` when the database answers, 503 otherwise) and the
 * built admin at `/` with SPA fallback.
 */
export async function startServer(orm: MikroORM<PostgreSqlDriver>, schema: GraphQLSchema, config: Config): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Introspection stays on: the public API is documented by its schema and the admin's data provider reads it.
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  const em = orm.em as EntityManager;
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => createContext(em, config) }),
  );
  // A body that is not JSON gets a GraphQL-shaped 400, not express's HTML page.
  app.use('/graphql', (err: { type?: string; status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err?.type === 'entity.parse.failed' || err?.type === 'entity.too.large') {
      res.status(err.status ?? 400).json({ errors: [{ message: err.type === 'entity.too.large' ? 'Request body too large' : 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    next(err);
  });
  app.get('/healthz', async (_req, res) => {
    try {
      await em.fork().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  const adminDir = config.ADMIN_DIST;
  if (fs.existsSync(path.join(adminDir, 'index.html'))) {
    app.use(express.static(adminDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|tiles).*/, (_req, res) => res.sendFile(path.join(adminDir, 'index.html')));
  } else {
    app.get('/', (_req, res) => res.type('text').send('Yizhan API is running at /graphql. The admin is not built: run `npm run build`.'));
  }
  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  const { port } = httpServer.address() as { port: number };
  return {
    app,
    httpServer,
    apollo,
    url: `http://127.0.0.1:${port}`,
    close: () => apollo.stop(),
  };
}
