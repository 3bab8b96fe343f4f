import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { databaseInputError, DomainError, transientDatabaseError, transientReason } from '../common/errors';
import type { Logger } from '../common/log';
import { RateLimitedError, type RateLimits } from '../common/rate-limit';
import { requestStore } from '../common/request-context';
import { mePath } from './signup-link.entity';
import { cancelOwn, checkInByCode, CONSENT, joinLinkTeam, LinkGoneError, me, openLink, openShifts, register, signUpByLink, volunteerByToken } from './self-signup.service';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429 };

/**
 * The one error answer of these endpoints: `{error: {code, message, field?, reason, args}}` with the HTTP status of
 * the code; `reason` and `args` as a GraphQL error's `extensions` (error-reasons.ts), for the page to translate.
 */
function sendError(res: express.Response, e: unknown, log: Logger): void {
  if (e instanceof LinkGoneError) {
    res.status(410).json({ error: { code: e.code, message: e.message, reason: e.code, args: {} } });
  } else if (e instanceof RateLimitedError) {
    res.setHeader('retry-after', String(e.retryAfterSeconds));
    res.status(429).json({ error: { code: 'RATE_LIMITED', message: e.message, retryAfterSeconds: e.retryAfterSeconds, reason: e.reason, args: e.args } });
  } else if (e instanceof DomainError) {
    res.status(STATUS[e.code] ?? 400).json({ error: { code: e.code, message: e.message, ...e.details, reason: e.reason, args: e.args } });
  } else if (transientDatabaseError(e)) {
    res.setHeader('retry-after', '5');
    res.status(503).json({ error: { code: 'SERVICE_UNAVAILABLE', message: transientDatabaseError(e), reason: transientReason(transientDatabaseError(e)!), args: {} } });
  } else if (databaseInputError(e)) {
    const refused = databaseInputError(e)!;
    res.status(refused.code === 'CONFLICT' ? 409 : 400).json({ error: { code: refused.code, message: refused.message, field: refused.field, reason: refused.reason, args: {} } });
  } else {
    log.error({ err: e }, 'volunteer self-sign-up failed');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', reason: 'INTERNAL', args: {} } });
  }
}

/**
 * The volunteer self-sign-up endpoints (JSON, no staff login; README, "Volunteer self-sign-up"). A volunteer is
 * recognised by the `X-Volunteer-Token` header (their secret link's token). Every call is charged to the caller's
 * IP in the RATE_LIMIT_SIGNUP_PER_MINUTE budget (registration 10 points, others 1); POSTs need a JSON content type
 * (415 otherwise), which with the custom header keeps other sites' forms out. Answers are never cached.
 *
 * - `GET  /api/volunteer/links/:link` → the campaign, team, expiry and the consent text (404 NOT_FOUND, 410 LINK_REVOKED / LINK_EXPIRED)
 * - `POST /api/volunteer/links/:link/register` `{name, phone, skills, consentVersion}` → 201 `{token, mePath, me}`
 * - `GET  /api/volunteer/links/:link/shifts` → open shifts with counts and the caller's own status
 * - `POST /api/volunteer/links/:link/shifts/:shiftId/signup` → 201 `{assignment}` (signed up or waitlisted)
 * - `GET  /api/volunteer/me` → the caller's own data, consent, iCalendar path and assignments
 * - `POST /api/volunteer/me/assignments/:id/cancel` → `{assignment}`
 * - `POST /api/volunteer/checkin/:code` → `{station, assignment}` checked in
 *
 * The pages `/join/:link`, `/me/:token` and `/checkin/:code` serve the volunteer page (signup.html of the admin build).
 */
export function mountSelfSignup(app: express.Express, em: EntityManager, config: Config, deps: { limits: RateLimits; log: Logger }): void {
  const json = express.json({ limit: '8kb', type: 'application/json' });
  const handle =
    (cost: number, fn: (req: express.Request, res: express.Response, em: EntityManager) => Promise<void>) =>
    async (req: express.Request, res: express.Response) => {
      res.setHeader('cache-control', 'no-store');
      const ip = req.ip ?? 'unknown';
      const info = { actor: { kind: 'ANONYMOUS' as const, id: null, label: `volunteer-page:${ip}` }, requestId: randomUUID(), ip, operation: `selfSignup ${req.method} ${req.route?.path ?? ''}` };
      await requestStore.run(info, async () => {
        try {
          const charge = await deps.limits.charge('signup', ip, config.RATE_LIMIT_SIGNUP_PER_MINUTE, cost);
          res.setHeader('x-ratelimit-limit', String(charge.limit));
          res.setHeader('x-ratelimit-remaining', String(charge.remaining));
          if (req.method === 'POST') {
            if (!req.is('application/json')) {
              res.status(415).json({ error: { code: 'BAD_REQUEST', message: 'Send JSON (Content-Type: application/json)', reason: 'CONTENT_TYPE_NOT_JSON', args: {} } });
              return;
            }
            try {
              await new Promise<void>((resolve, reject) => json(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
            } catch {
              res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'The body is not JSON of at most 8 kB', reason: 'BODY_TOO_LARGE_OR_NOT_JSON', args: { maxKb: 8 } } });
              return;
            }
          }
          await fn(req, res, em.fork());
        } catch (e) {
          sendError(res, e, deps.log);
        }
      });
    };
  const token = (req: express.Request) => (typeof req.headers['x-volunteer-token'] === 'string' ? req.headers['x-volunteer-token'] : undefined);
  const param = (req: express.Request, name: string) => String((req.params as Record<string, string>)[name] ?? '');
  const body = (req: express.Request) => (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {});

  app.get(
    '/api/volunteer/links/:link',
    handle(1, async (req, res, em) => {
      const link = await openLink(em, param(req, 'link'));
      res.json({ link: linkView(link), consent: CONSENT });
    }),
  );
  app.post(
    '/api/volunteer/links/:link/register',
    handle(10, async (req, res, em) => {
      const link = await openLink(em, param(req, 'link'));
      const { volunteerId, token: secret } = await register(em, link, body(req));
      res.status(201).json({ token: secret, mePath: mePath(secret), me: await me(em, volunteerId) });
    }),
  );
  app.get(
    '/api/volunteer/links/:link/shifts',
    handle(1, async (req, res, em) => {
      const link = await openLink(em, param(req, 'link'));
      const volunteerId = await volunteerByToken(em, token(req));
      res.json({ link: linkView(link), shifts: await openShifts(em, link, volunteerId) });
    }),
  );
  app.post(
    '/api/volunteer/links/:link/shifts/:shiftId/signup',
    handle(1, async (req, res, em) => {
      const link = await openLink(em, param(req, 'link'));
      const volunteerId = await volunteerByToken(em, token(req));
      await joinLinkTeam(em, link, volunteerId);
      res.status(201).json({ assignment: await signUpByLink(em, link, volunteerId, param(req, 'shiftId')) });
    }),
  );
  app.get(
    '/api/volunteer/me',
    handle(1, async (req, res, em) => {
      res.json(await me(em, await volunteerByToken(em, token(req))));
    }),
  );
  app.post(
    '/api/volunteer/me/assignments/:id/cancel',
    handle(1, async (req, res, em) => {
      const volunteerId = await volunteerByToken(em, token(req));
      res.json({ assignment: await cancelOwn(em, volunteerId, param(req, 'id')) });
    }),
  );
  app.post(
    '/api/volunteer/checkin/:code',
    handle(1, async (req, res, em) => {
      const volunteerId = await volunteerByToken(em, token(req));
      res.json(await checkInByCode(em, volunteerId, param(req, 'code'), config.CHECKIN_WINDOW_MINUTES));
    }),
  );
  app.all(/^\/api\/volunteer(\/.*)?$/, (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such volunteer endpoint', reason: 'ENDPOINT_UNKNOWN', args: {} } });
  });

  const page = path.join(config.ADMIN_DIST, 'signup.html');
  app.get(/^\/(join|me|checkin)\/[A-Za-z0-9_-]{1,64}$/, (_req, res) => {
    if (!fs.existsSync(page)) {
      res.status(503).type('text').send('The volunteer page is not built: run `npm run build`.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(page);
  });
}

function linkView(link: Awaited<ReturnType<typeof openLink>>) {
  return {
    campaign: { name: link.campaignName, description: link.campaignDescription, startsAt: link.campaignStartsAt.toISOString(), endsAt: link.campaignEndsAt.toISOString(), timezone: link.timezone },
    team: link.teamName ? { name: link.teamName } : null,
    expiresAt: link.expiresAt?.toISOString() ?? null,
  };
}
