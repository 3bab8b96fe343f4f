import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import * as cookie from 'cookie';
import proxyaddr from 'proxy-addr';
import type { Reason, ReasonArgs } from './common/error-reasons';

/** A request refused before GraphQL runs: HTTP status, GraphQL error code and message, the reason and its args. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly reason: Reason,
    readonly args: ReasonArgs = {},
  ) {
    super(message);
  }
}

/** Writes `{ errors: [{ message, extensions: { code, reason, args } }] }` with `status` (the GraphQL error shape). */
export function sendGraphqlError(res: ServerResponse, status: number, code: string, message: string, reason: Reason, args: ReasonArgs = {}): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, reason, args } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a request body of at most `limit` bytes. A JSON content type (`application/json`, `application/*+json`)
 * is parsed: only an object or an array (like express.json's strict mode), UTF-8 only. Other content types give
 * `undefined`, and Apollo answers 400 (CSRF prevention or "POST body missing"). Refusals: 413 over the limit,
 * 400 for JSON that does not parse, 415 for another charset or a compressed body.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'];
  const isJson = typeof type === 'string' && JSON_TYPE.test(type);
  return new Promise((resolve, reject) => {
    const refuse = (e: HttpRefusal) => {
      req.resume();
      reject(e);
    };
    if (isJson) {
      const charset = /;\s*charset=("?)([\w-]+)\1/i.exec(type)?.[2]?.toLowerCase();
      if (charset && charset !== 'utf-8' && charset !== 'utf8') return refuse(new HttpRefusal(415, 'BAD_REQUEST', `Unsupported charset "${charset}"; send UTF-8`, 'CHARSET_UNSUPPORTED', { charset }));
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') return refuse(new HttpRefusal(415, 'BAD_REQUEST', `Unsupported content encoding "${encoding}"`, 'ENCODING_UNSUPPORTED', { encoding }));
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => new HttpRefusal(413, 'BAD_REQUEST', `Request body too large (${Math.round(limit / 1024)} kB at most)`, 'BODY_TOO_LARGE', { maxKb: Math.round(limit / 1024) });
    if (declared > limit) return refuse(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        refuse(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > limit) return;
      if (!isJson) return resolve(undefined);
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
      const first = /\S/.exec(text)?.[0];
      if (first !== '{' && first !== '[') return reject(new HttpRefusal(400, 'BAD_REQUEST', 'Request body is not valid JSON', 'BODY_NOT_JSON'));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpRefusal(400, 'BAD_REQUEST', 'Request body is not valid JSON', 'BODY_NOT_JSON'));
      }
    });
  });
}

/** What the transport knows about a request before GraphQL runs. */
export interface TransportInfo {
  /** Client address after the `trust proxy` rule (X-Forwarded-For only from trusted proxies). */
  ip: string;
  /** True when the client reached us over HTTPS (directly, or X-Forwarded-Proto from a trusted proxy). */
  secure: boolean;
  /** Parsed `Cookie` header. */
  cookies: Record<string, string | undefined>;
}

type HeaderMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * The headers a header-only middleware sets (helmet), captured once by running it against a stand-in request
 * and response: `[name, value]` pairs, names in lower case, in the order set. Only for a middleware whose
 * output does not depend on the request — helmet without per-request CSP nonces or function-valued directives,
 * as server.ts configures it. Throws when the middleware fails or reads more of the response than headers.
 */
export function capturedHeaders(middleware: HeaderMiddleware): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader(name: string, value: number | string | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
  let failure: unknown;
  middleware({ method: 'POST', url: '/graphql', headers: {} } as IncomingMessage, res as unknown as ServerResponse, (err) => (failure = err));
  if (failure) throw failure;
  return [...headers];
}

/** Cookie operations on a raw response (httpOnly, SameSite=Strict, path `/`; Secure over HTTPS). */
export function responseCookies(res: ServerResponse, secure: boolean) {
  const append = (value: string) => {
    const prev = res.getHeader('set-cookie');
    res.setHeader('set-cookie', prev == null ? [value] : [...(Array.isArray(prev) ? prev : [String(prev)]), value]);
  };
  return {
    setCookie: (name: string, value: string, expires: Date) => append(cookie.serialize(name, value, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires })),
    clearCookie: (name: string) => append(cookie.serialize(name, '', { path: '/', expires: new Date(0) })),
  };
}

/**
 * `/graphql` on the bare node:http server, for Apollo Server's `executeHTTPGraphQLRequest` (the integration
 * API Apollo documents for custom servers). It replaces express + express.json + cookie-parser +
 * @as-integrations/express5 on the API's hottest path: the same behaviour (security headers, 256 kB JSON
 * bodies, trust-proxy client address, cookies, Apollo's own CSRF prevention and status codes) at about a
 * quarter of the per-request cost (README, "Performance").
 *
 * `prepare` runs once the body is read; it may refuse the request (throw HttpRefusal) and returns the context
 * factory and a wrapper the rest of the request runs in (the request context of the audit and security logs).
 */
export function graphqlHttpHandler<C extends BaseContext>(options: {
  apollo: ApolloServer<C>;
  maxBodyBytes: number;
  /** Compiled `trust proxy` rule (express's `app.get('trust proxy fn')`). */
  trust: (addr: string, i: number) => boolean;
  /** Security headers sent with every response (helmet's, see capturedHeaders). */
  securityHeaders: readonly (readonly [string, string])[];
  prepare(req: IncomingMessage, res: ServerResponse, info: TransportInfo): Promise<{ context: () => Promise<C>; run<T>(fn: () => Promise<T>): Promise<T> }>;
  onError(e: unknown, req: IncomingMessage, res: ServerResponse): void;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { apollo, trust } = options;
  return async (req, res) => {
    try {
      for (const [name, value] of options.securityHeaders) res.setHeader(name, value);
      const method = (req.method ?? 'GET').toUpperCase();
      const body = method === 'POST' ? await readJsonBody(req, options.maxBodyBytes) : undefined;
      // Without X-Forwarded-For, proxy-addr's answer is the socket's address whatever the trust rule.
      const ip = req.headers['x-forwarded-for'] === undefined ? (req.socket.remoteAddress ?? 'unknown') : proxyaddr(req, trust);
      const socketSecure = Boolean((req.socket as { encrypted?: boolean }).encrypted);
      const forwardedProto = req.headers['x-forwarded-proto'];
      const secure =
        socketSecure ||
        (typeof forwardedProto === 'string' && trust(req.socket.remoteAddress ?? '', 0) && forwardedProto.split(',')[0].trim().toLowerCase() === 'https');
      const cookies = req.headers.cookie ? cookie.parse(req.headers.cookie) : {};
      const prepared = await options.prepare(req, res, { ip, secure, cookies });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const q = req.url?.indexOf('?') ?? -1;
      const response: HTTPGraphQLResponse = await prepared.run(() =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method, headers, search: q >= 0 ? req.url!.slice(q) : '', body },
          context: prepared.context,
        }),
      );
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        // Encoded once: its length is the buffer's, and node:http writes it as is (a string body would be
        // measured here, then joined to the header block and measured and encoded again).
        const body = Buffer.from(response.body.string, 'utf8');
        res.setHeader('content-length', body.length);
        res.end(body);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (e) {
      if (e instanceof HttpRefusal) {
        if (!res.headersSent) sendGraphqlError(res, e.status, e.code, e.message, e.reason, e.args);
        return;
      }
      options.onError(e, req, res);
    }
  };
}
