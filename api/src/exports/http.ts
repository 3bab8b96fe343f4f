import type express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import * as cookie from 'cookie';
import type { Config } from '../config';
import { createContext, type Context, type Security } from '../context';
import { databaseInputError, DomainError, transientDatabaseError, transientReason, type Reason, type ReasonArgs } from '../common/errors';
import { RateLimitedError } from '../common/rate-limit';
import type { Logger } from '../common/log';
import { requestStore } from '../common/request-context';
import { actorOf, InvalidCredentialsError, resolveViewer, SESSION_COOKIE } from '../auth/viewer';
import { TABLE_REPORTS, stationRows } from './reports';
import { writeCsv, writeGeoJson, writeHsds, writeXlsx } from './writers';
import { rosterArgs, rosterHtml } from './roster';
import { fieldArguments } from './args';
import type { StationFilter } from '../stations/station.inputs';

/** HTTP status of each error code an export answers with (the GraphQL transport's table). */
const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/**
 * Query cost points one export or import charges to the staff account's per-minute budget (the budget GraphQL
 * operations draw on, RATE_LIMIT_USER_PER_MINUTE): by default 20 a minute. Over budget: 429 RATE_LIMITED with
 * Retry-After.
 */
export const EXPORT_COST = 5000;

/** Charges EXPORT_COST to the signed-in user's budget (RATE_LIMITED when it is spent). */
export async function chargeExport(ctx: Context, deps: { config: Config; security: Security }, res: express.Response): Promise<void> {
  const userId = ctx.access.requireUser().userId;
  const charge = await deps.security.limits.charge('user', userId, deps.config.RATE_LIMIT_USER_PER_MINUTE, EXPORT_COST);
  res.setHeader('x-ratelimit-limit', String(charge.limit));
  res.setHeader('x-ratelimit-remaining', String(charge.remaining));
}

const FORMATS: Record<string, { type: string; ext: string }> = {
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  geojson: { type: 'application/geo+json; charset=utf-8', ext: 'geojson' },
  hsds: { type: 'application/json; charset=utf-8', ext: 'hsds.json' },
  html: { type: 'text/html; charset=utf-8', ext: 'html' },
};

/**
 * Answers `{ errors: [{ message, extensions: { code, reason, args, field } }] }`, the GraphQL error shape (the
 * same `reason` and `args` as formatError gives a GraphQL error, for a client to translate), with its HTTP status.
 */
export function sendError(res: express.Response, status: number, code: string, message: string, reason: Reason, args: ReasonArgs = {}, field?: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code, reason, args, ...(field ? { field } : {}) } }] });
}

/**
 * A failure of an export or import request as the GraphQL transport would answer it: a domain error with its
 * code, reason and args (and `field`), a database refusal of the data (databaseInputError) as BAD_USER_INPUT or
 * CONFLICT, an outage as 503 with Retry-After; anything else is logged by the caller and answered 500 INTERNAL.
 * Returns false for the last case.
 */
function sendFailure(res: express.Response, e: unknown): boolean {
  if (e instanceof InvalidCredentialsError) {
    res.setHeader('www-authenticate', 'Bearer');
    sendError(res, 401, 'UNAUTHENTICATED', `Not signed in: ${e.reason}`, e.key);
    return true;
  }
  if (e instanceof RateLimitedError) res.setHeader('retry-after', String(e.retryAfterSeconds));
  if (e instanceof DomainError) {
    sendError(res, STATUS[e.code] ?? 400, e.code, e.message, e.reason, e.args, e.details.field as string | undefined);
    return true;
  }
  const refused = databaseInputError(e);
  if (refused) {
    sendError(res, refused.code === 'CONFLICT' ? 409 : 400, refused.code, refused.field && refused.code === 'BAD_USER_INPUT' ? `${refused.field}: ${refused.message}` : refused.message, refused.reason, {}, refused.field);
    return true;
  }
  const transient = transientDatabaseError(e);
  if (transient) {
    res.setHeader('retry-after', '5');
    sendError(res, 503, 'SERVICE_UNAVAILABLE', transient, transientReason(transient));
    return true;
  }
  return false;
}

/**
 * The request's context, with the viewer resolved from the same credentials as /graphql (Bearer session token
 * or API key, X-API-Key, or the session cookie; a bad header credential is 401 UNAUTHENTICATED). Runs `fn` inside
 * the request context, so refusals are logged with the actor.
 */
export async function withRequestContext(
  req: express.Request,
  res: express.Response,
  deps: { em: EntityManager; config: Config; log: Logger; security: Security },
  operation: string,
  fn: (ctx: Context) => Promise<void>,
): Promise<void> {
  try {
    const cookies = req.headers.cookie ? cookie.parse(req.headers.cookie) : {};
    const { viewer } = await resolveViewer(deps.em.fork(), deps.security.secret, {
      authorization: req.headers.authorization,
      apiKey: typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined,
      cookie: cookies[SESSION_COOKIE],
    });
    const ip = req.ip ?? 'unknown';
    const ctx = createContext(deps.em, deps.config, deps, { viewer, ip, userAgent: req.headers['user-agent'] ?? null });
    const requestId = typeof req.headers['x-request-id'] === 'string' && /^[\w.-]{1,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : crypto.randomUUID();
    await requestStore.run({ actor: actorOf(viewer, ip), requestId, ip, operation }, () => fn(ctx));
  } catch (e) {
    if (res.headersSent) {
      // Mid-stream: the status is gone; cut the download so the client sees it incomplete.
      deps.log.error({ err: e, operation }, 'export failed while streaming');
      res.destroy();
      return;
    }
    if (sendFailure(res, e)) return;
    deps.log.error({ err: e, operation }, 'export failed');
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', 'INTERNAL');
  }
}

function attachment(res: express.Response, title: string, ext: string): void {
  const day = new Date().toISOString().slice(0, 10);
  const name = `${title}-${day}.${ext}`;
  res.setHeader('content-disposition', `attachment; filename="export-${day}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/**
 * Mounts the exports (README, "Reports and exports"): `GET /exports/<report>.<format>` streams every row of a
 * list — its own filter arguments as query parameters, the viewer's access policy, no row cap — as xlsx or
 * csv (`stations`, `signups`, `hours`, `served`, `supplies`), GeoJSON or HSDS 3.0 JSON (`stations`); and
 * `GET /exports/roster.html?stationId=&day=` is a printable shift roster. Errors are the GraphQL error shape
 * with the transport's statuses (400 BAD_USER_INPUT naming the parameter, 401, 403, 404) and the same
 * `extensions.reason` and `extensions.args` (sendError).
 */
export function mountExports(app: express.Express, deps: { em: EntityManager; config: Config; log: Logger; security: Security; schema: GraphQLSchema }): void {
  app.get(/^\/exports\/([a-z]+)\.([a-z]+)$/, (req, res) => {
    const [name, format] = [req.params[0], req.params[1]] as [string, string];
    return withRequestContext(req, res, deps, `export:${name}.${format}`, async (ctx) => {
      const query = req.query as Record<string, unknown>;
      res.setHeader('cache-control', 'no-store');
      if (name === 'roster' && format === 'html') {
        await chargeExport(ctx, deps, res);
        const html = await rosterHtml(ctx, rosterArgs(query));
        res.type(FORMATS.html.type).send(html);
        return;
      }
      const report = TABLE_REPORTS[name];
      const geo = name === 'stations' && (format === 'geojson' || format === 'hsds');
      if (!report || !(geo || format === 'xlsx' || format === 'csv')) {
        return sendError(res, 404, 'NOT_FOUND', `No export ${name}.${format}: see /exports/{stations,signups,hours,served,supplies}.{xlsx,csv}, stations.{geojson,hsds}, roster.html`, 'EXPORT_UNKNOWN', { name, format });
      }
      ctx.access.requireRole(...report.roles);
      await chargeExport(ctx, deps, res);
      const args = report.parse(deps.schema, query);
      await report.prepare?.(ctx, args);
      const rows = geo ? stationRows(ctx, (fieldArguments(deps.schema, 'stations', query, ['filter']) as { filter?: StationFilter }).filter) : report.rows(ctx, args);
      // The first batch is read before the headers go out, so a refused or failing query still gets its status.
      const first = await rows.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* rows;
      }
      const fmt = FORMATS[format];
      res.status(200).type(fmt.type);
      attachment(res, report.title, fmt.ext);
      if (format === 'xlsx') await writeXlsx(res, report, all());
      else if (format === 'csv') await writeCsv(res, report, all());
      else if (format === 'geojson') await writeGeoJson(res, all() as never);
      else await writeHsds(res, ctx, all() as never);
      res.end();
    });
  });
}
