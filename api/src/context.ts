import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config';
import { Region } from './regions/region.entity';
import { Organization } from './organizations/organization.entity';
import { Access } from './auth/access';
import { ANONYMOUS, type Viewer } from './auth/viewer';
import type { Logger } from './common/log';
import type { RateLimits } from './common/rate-limit';

/** Process-wide security state shared by every request. */
export interface Security {
  /** Key that signs session tokens. */
  secret: Uint8Array;
  limits: RateLimits;
}

/** Cookie operations of the HTTP response (absent outside HTTP, e.g. in scripts). */
export interface HttpCookies {
  setCookie(name: string, value: string, expires: Date): void;
  clearCookie(name: string): void;
}

/**
 * Per-request context: a forked EntityManager (never the global one), the viewer and their access rules,
 * request-scoped loaders, the client IP and user agent, and cookie access for login/logout.
 */
export interface Context {
  em: EntityManager;
  config: Config;
  viewer: Viewer;
  access: Access;
  log: Logger;
  security: Security;
  ip: string;
  userAgent: string | null;
  http: HttpCookies | null;
  loaders: { region: DataLoader<string, Region | null>; organization: DataLoader<string, Organization | null> };
}

/** Builds the context of one request. */
export function createContext(
  em: EntityManager,
  config: Config,
  deps: { log: Logger; security: Security },
  request: { viewer?: Viewer; ip?: string; userAgent?: string | null; http?: HttpCookies | null } = {},
): Context {
  const fork = em.fork();
  const viewer = request.viewer ?? ANONYMOUS;
  return {
    em: fork,
    config,
    viewer,
    access: new Access(viewer, fork, deps.log),
    log: deps.log,
    security: deps.security,
    ip: request.ip ?? 'unknown',
    userAgent: request.userAgent ?? null,
    http: request.http ?? null,
    loaders: {
      region: new DataLoader(async (codes: readonly string[]) => {
        const found = await fork.find(Region, { code: { $in: [...codes] } });
        const byCode = new Map(found.map((r) => [r.code.trim(), r]));
        return codes.map((c) => byCode.get(c.trim()) ?? null);
      }),
      organization: new DataLoader(async (ids: readonly string[]) => {
        const found = await fork.find(Organization, { id: { $in: [...ids] } });
        const byId = new Map(found.map((o) => [o.id, o]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    },
  };
}
