import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { mountDeveloperPages, prefersHtml } from './common/explorer';
import { mountPublicPages, notFoundPage } from './common/public-pages';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Config } from './config';
import { createContext, type Context, type Security } from './context';
import { capturedHeaders, graphqlHttpHandler, HttpRefusal, responseCookies, sendGraphqlError } from './graphql-http';
import { formatError, transientDatabaseError, transientReason } from './common/errors';
import { armorProtection, oneRequestListener, rateLimitPlugin } from './common/hardening';
import { jitGateway } from './speed-ups';
import type { Logger } from './common/log';
import { requestStore, type RequestInfo } from './common/request-context';
import { calendarFeed } from './shift-assignments/ical';
import { mountStationTiles } from './tiles/tiles';
import { mountSelfSignup } from './self-signup/self-signup.routes';
import { mountExports } from './exports/http';
import { mountImports } from './importer/import-http';
import { actorOf, ANONYMOUS, InvalidCredentialsError, resolveViewer, SESSION_COOKIE, type Viewer } from './auth/viewer';

export interface Server {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Base URL once listening, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** Stops accepting connections, lets the requests in flight finish (see gracefulHttpClose), then stops Apollo. */
  close(): Promise<void>;
}

/**
 * A graceful close of `server` that loses no answer. Accepting stops at once and idle keep-alive connections
 * are destroyed (not half-closed: a half-closed socket still reads, so a request the client had just sent on it
 * would run, commit, and have nowhere to send its answer). Requests in flight finish; each answer not yet
 * started, and each request that still arrives on an open connection, gets `Connection: close`, and a connection
 * left idle by a finished answer is closed too. After `graceMs` the remaining connections are destroyed.
 * Resolves `true` when every request finished, `false` when the deadline cut some off.
 */
function gracefulHttpClose(server: http.Server): (graceMs: number) => Promise<boolean> {
  const inFlight = new Set<http.ServerResponse>();
  let closing = false;
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight.add(res);
    if (closing) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (closing) server.closeIdleConnections();
    });
  });
  return async (graceMs) => {
    closing = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    // Resolves once every connection has ended; Node's close() destroys the idle ones at once.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    const finished = await Promise.race([closed.then(() => true as const), deadline]);
    clearTimeout(timer);
    if (!finished) {
      server.closeAllConnections();
      await closed;
    }
    return finished;
  };
}

function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * One HTTP server for everything: `POST /graphql` (Apollo Server 5; CSRF prevention on, batching off, stack
 * traces never sent, graphql-armor limits, cost-based rate limits), `GET /healthz` (200 `{status:"ok"}` when the
 * database answers, 503 otherwise) and the built admin at `/` with SPA fallback.
 *
 * Credentials (see README, "Accounts and API keys"): `Authorization: Bearer <session token | API key>`,
 * `X-API-Key: <key>`, or the `yizhan_session` cookie. A bad header credential is answered 401 UNAUTHENTICATED
 * before GraphQL runs; a stale cookie is dropped and the request continues anonymously.
 */
export async function startServer(
  orm: MikroORM<PostgreSqlDriver>,
  schema: GraphQLSchema,
  config: Config,
  deps: { log: Logger; security: Security },
): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  let handleGraphql: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> = async () => undefined;
  // `/graphql` (any method) goes to the lean Apollo handler; everything else to express.
  const httpServer = http.createServer((req, res) => {
    const url = req.url ?? '/';
    // A browser opening /graphql gets the bundled explorer (express below); API requests go to Apollo.
    if ((url === '/graphql' || url.startsWith('/graphql?')) && !prefersHtml(req)) void handleGraphql(req, res);
    else app(req, res);
  });
  const drainHttp = gracefulHttpClose(httpServer);
  httpServer.requestTimeout = config.REQUEST_TIMEOUT_MS;
  httpServer.headersTimeout = Math.min(config.REQUEST_TIMEOUT_MS, 20_000);
  const armor = armorProtection();
  const apollo = new ApolloServer<Context>({
    // Execution by graphql-jit (common/jit.ts); JIT=false for graphql-js's interpreter.
    ...(config.JIT ? { gateway: jitGateway(schema) } : { schema }),
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // index.ts owns SIGTERM/SIGINT: a graceful close of HTTP, Apollo, the ORM and the embedded database, in that
    // order. Apollo's own handler (on by default outside NODE_ENV=test) would stop Apollo alongside it and then
    // re-raise the signal, and with the embedded database the shutdown then never finished (exit 1 after the grace).
    stopOnTerminationSignals: false,
    // Introspection is a documented choice (README, "Security"): on by default, because the public API documents
    // itself through its schema and the admin's data provider reads it; INTROSPECTION=false turns it off.
    introspection: config.INTROSPECTION,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    // No @cacheControl hints are used; without the plugin Apollo does not wrap every field resolver.
    // Inline traces are for federated subgraphs, which this is not; disabled, the plugin is not asked per request.
    // armor's plugins and the rate limiter listen to every request through one merged listener (oneRequestListener).
    // No ApolloServerPluginDrainHttpServer: close() drains the HTTP server itself (gracefulHttpClose), first.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's landing page loads its scripts from a CDN, which the CSP forbids; /graphql serves the bundled explorer instead.
      ApolloServerPluginLandingPageDisabled(),
      ...oneRequestListener<Context>([...(armor.plugins as ApolloServerPlugin<Context>[]), rateLimitPlugin(config, deps.security.limits) as never]),
    ],
  });
  await apollo.start();
  const em = orm.em as EntityManager;
  // An online basemap (MAP_STYLE_URL): its style's own origin (which may be plain http inside a network) and any
  // https: host for the tiles, sprites and glyphs the style names.
  const mapSources = config.MAP_STYLE_URL ? ['https:', new URL(config.MAP_STYLE_URL).origin] : [];
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...mapSources],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", ...mapSources],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
  app.use(securityHeaders);
  // Pages and their scripts go out gzip-compressed (the finder's 230 kB of JavaScript is 77 kB on a weak 4G link);
  // tiles are left as they are (small, cached by ETag, and the benchmark's hot path). /graphql does not pass here.
  app.use(compression({ filter: (req, res) => !req.path.startsWith('/tiles/') && compression.filter(req, res) }));
  handleGraphql = graphqlHttpHandler<Context>({
    apollo,
    maxBodyBytes: 256 * 1024,
    trust: app.get('trust proxy fn') as (addr: string, i: number) => boolean,
    // The same headers as express's routes get; helmet's output is fixed for this configuration (no nonces).
    securityHeaders: capturedHeaders(securityHeaders),
    // Resolve who is calling, once, and run the rest of the request inside its request context.
    async prepare(req, res, { ip, secure, cookies }) {
      const header = req.headers['x-request-id'];
      const requestId = (typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : null) ?? randomUUID();
      res.setHeader('x-request-id', requestId);
      const cookieOps = responseCookies(res, secure);
      const credentials = {
        authorization: req.headers.authorization,
        apiKey: typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined,
        cookie: cookies[SESSION_COOKIE],
      };
      let viewer: Viewer;
      try {
        // Anonymous callers (no credential at all) need no database work here.
        const resolved =
          credentials.authorization || credentials.apiKey || credentials.cookie
            ? await resolveViewer(em.fork(), deps.security.secret, credentials)
            : { viewer: ANONYMOUS, clearCookie: false };
        viewer = resolved.viewer;
        if (resolved.clearCookie) cookieOps.clearCookie(SESSION_COOKIE);
      } catch (e) {
        if (e instanceof InvalidCredentialsError) {
          deps.log.warn({ event: 'security.bad_credentials', reason: e.reason, ip, requestId }, 'bad credentials');
          res.setHeader('www-authenticate', 'Bearer');
          throw new HttpRefusal(401, 'UNAUTHENTICATED', `Not signed in: ${e.reason}`, e.key);
        }
        const transient = transientDatabaseError(e);
        if (transient) {
          res.setHeader('retry-after', '5');
          throw new HttpRefusal(503, 'SERVICE_UNAVAILABLE', transient, transientReason(transient));
        }
        throw e;
      }
      const info: RequestInfo = { actor: actorOf(viewer, ip), requestId, ip, operation: null };
      return {
        context: async () => createContext(em, config, deps, { viewer, ip, userAgent: req.headers['user-agent'] ?? null, http: cookieOps }),
        run: (fn) => requestStore.run(info, fn),
      };
    },
    onError(e, _req, res) {
      deps.log.error({ err: e }, 'graphql transport failed');
      if (!res.headersSent) sendGraphqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', 'INTERNAL');
      else res.destroy();
    },
  });
  mountStationTiles(app, em, config, { limits: deps.security.limits, log: deps.log });
  // Volunteer self-sign-up by link and QR code: /api/volunteer/… and the pages /join, /me, /checkin.
  mountSelfSignup(app, em, config, { limits: deps.security.limits, log: deps.log });
  // Streamed exports of the lists (xlsx, csv, GeoJSON, HSDS) and printable rosters, with /graphql's credentials.
  mountExports(app, { em, config, log: deps.log, security: deps.security, schema });
  // Station import from the admin page, with the CLI importer's code.
  mountImports(app, { em, config, log: deps.log, security: deps.security });
  // Secret iCalendar feeds of volunteers and teams (tokens from rotateVolunteerCalendar / rotateTeamCalendar).
  app.get(/^\/ical\/(volunteer|team)\/([A-Za-z0-9_-]{1,64})\.ics$/, async (req, res) => {
    const [kind, token] = [req.params[0], req.params[1]] as ['volunteer' | 'team', string];
    try {
      const body = await calendarFeed(em.fork(), kind, token);
      if (!body) {
        res.status(404).type('text').send('No such calendar (the link may have been renewed)');
        return;
      }
      res.setHeader('cache-control', 'private, max-age=300');
      res.type('text/calendar; charset=utf-8').send(body);
    } catch (e) {
      deps.log.error({ err: e }, 'ical feed failed');
      res.status(transientDatabaseError(e) ? 503 : 500).type('text').send('Calendar unavailable; retry later');
    }
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
  mountDeveloperPages(app, adminDir);
  mountPublicPages(app, adminDir);
  if (fs.existsSync(path.join(adminDir, 'index.html'))) {
    // The admin routes inside its own page (`/#/stations/…`), so `/` (and `/index.html`) is all of it; hashed assets
    // under /assets are immutable. Any other path is a 404 page (notFoundPage), never the admin's login.
    app.use('/assets', express.static(path.join(adminDir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
    app.get(['/', '/index.html'], (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(path.join(adminDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => res.type('text').send('Yizhan API is running at /graphql. The admin is not built: run `npm run build`.'));
  }
  app.use(notFoundPage);
  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  const { port } = httpServer.address() as { port: number };
  return {
    app,
    httpServer,
    apollo,
    url: `http://127.0.0.1:${port}`,
    async close() {
      const started = Date.now();
      const finished = await drainHttp(config.SHUTDOWN_GRACE_MS);
      if (!finished) deps.log.warn({ event: 'shutdown.deadline', graceMs: config.SHUTDOWN_GRACE_MS }, 'requests still running at the shutdown deadline were cut off');
      else deps.log.info({ event: 'shutdown.drained', ms: Date.now() - started }, 'requests in flight finished');
      await apollo.stop();
    },
  };
}
