import { Writable } from 'node:stream';
import { loadConfig } from '../../api/src/config';
import { startApp, type RunningApp } from '../../api/src/app';
import { createLogger } from '../../api/src/common/log';
import { createTestDatabase } from './db';

/** Password of every account the test server creates (admin, operator, coordinator). */
export const TEST_PASSWORD = 'test-password-雷锋-2026';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: any;
}

/** Who a request is made as: a signed-in test account, an API key, or nobody. */
export type As = 'admin' | 'anonymous' | { token: string } | { apiKey: string };

export interface TestServer {
  url: string;
  app: RunningApp;
  /** Structured log lines (parsed JSON) written by the server so far. */
  logs: Record<string, any>[];
  /** POSTs a GraphQL operation to /graphql as `as` (default: the administrator) and returns the JSON body. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, as?: As): Promise<GraphQLResponse<T>>;
  /** Like `graphql` but returns the HTTP response too. */
  post(body: unknown, as?: As, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** Signs in and returns the session token. */
  login(username: string, password?: string): Promise<string>;
  /** Creates a staff account through the API (as admin) that has already chosen its password, and signs it in. */
  createUser(opts: { username: string; role: 'ADMIN' | 'OPERATOR' | 'COORDINATOR'; organizationIds?: string[] }): Promise<{ id: string; token: string }>;
  stop(): Promise<void>;
}

function authHeaders(as: As, adminToken: string): Record<string, string> {
  if (as === 'anonymous') return {};
  if (as === 'admin') return { authorization: `Bearer ${adminToken}` };
  if ('token' in as) return { authorization: `Bearer ${as.token}` };
  return { 'x-api-key': as.apiKey };
}

/**
 * Starts the whole app (API, admin, seeds) on a random port against a test database of its own, with an
 * administrator `admin` whose password is TEST_PASSWORD, already signed in for `graphql()`.
 */
export async function startTestServer(opts: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    DB_POOL_MAX: String(db.poolMax),
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_FIRST_START: String(opts.seed ?? true),
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: TEST_PASSWORD,
    // No webhook delivery worker unless a test asks for one (webhooks.test.ts boots its own): on PGlite its outbox
    // poller queries through the ORM's pool every second, which the statement-count tests (scale, relay) count,
    // and on PostgreSQL graphile-worker adds a pool of three connections to every test server.
    WEBHOOK_QUEUE: 'off',
    ...opts.env,
  });
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      cb();
    },
  });
  const app = await startApp(config, () => undefined, createLogger('info', sink));
  const url = app.server.url;
  let adminToken = '';
  const post: TestServer['post'] = async (body, as = 'admin', headers = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(as, adminToken), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* keep text */
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  const login = async (username: string, password = TEST_PASSWORD) => {
    const r = await post({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: password } }, 'anonymous');
    if (!r.body?.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(r.body)}`);
    return r.body.data.login.token as string;
  };
  adminToken = await login('admin');
  return {
    url,
    app,
    logs,
    post,
    login,
    async graphql(query, variables, as = 'admin') {
      return (await post({ query, variables }, as)).body;
    },
    async createUser({ username, role, organizationIds = [] }) {
      const r = await post({
        query: 'mutation($i: UserCreateInput!) { createUser(input: $i) { id } }',
        variables: { i: { username, displayName: username, role, organizationIds, password: TEST_PASSWORD, mustChangePassword: false } },
      });
      if (!r.body?.data?.createUser) throw new Error(`createUser ${username} failed: ${JSON.stringify(r.body)}`);
      return { id: r.body.data.createUser.id, token: await login(username) };
    },
    async stop() {
      await app.stop();
      await db.drop();
    },
  };
}
