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
  /**
   * The root EntityManager, only for raw read-only statements outside any identity map and transaction
   * (queryPrepared on the public searches), so such a request never builds a fork. Never for find, persist or
   * flush: use `em`.
   */
  rawReader: EntityManager;
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

function requestLoaders(em: EntityManager): Context['loaders'] {
  return {
    region: new DataLoader(async (codes: readonly string[]) => {
      const found = await em.find(Region, { code: { $in: [...codes] } });
      const byCode = new Map(found.map((r) => [r.code.trim(), r]));
      return codes.map((c) => byCode.get(c.trim()) ?? null);
    }),
    organization: new DataLoader(async (ids: readonly string[]) => {
      const found = await em.find(Organization, { id: { $in: [...ids] } });
      const byId = new Map(found.map((o) => [o.id, o]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

/**
 * A request's context whose costly parts are made on first use: the EntityManager fork (an identity map, a
 * unit of work and their helpers), the access rules and the loaders. A public search that reads through
 * `rawReader` builds none of them.
 */
class LazyRequestContext implements Context {
  // Plain (not #private) fields: Apollo runs each operation on a copy of the context (same prototype, own
  // properties copied), whose getters must still find them.
  private forked: EntityManager | undefined;
  private rules: Access | undefined;
  private loaderSet: Context['loaders'] | undefined;

  constructor(
    readonly rawReader: EntityManager,
    readonly config: Config,
    readonly viewer: Viewer,
    readonly log: Logger,
    readonly security: Security,
    readonly ip: string,
    readonly userAgent: string | null,
    readonly http: HttpCookies | null,
  ) {}

  get em(): EntityManager {
    return (this.forked ??= this.rawReader.fork());
  }

  get access(): Access {
    return (this.rules ??= new Access(this.viewer, this.em, this.log));
  }

  get loaders(): Context['loaders'] {
    return (this.loaderSet ??= requestLoaders(this.em));
  }
}

/** Builds the context of one request (`em`: the root EntityManager it forks from). */
export function createContext(
  em: EntityManager,
  config: Config,
  deps: { log: Logger; security: Security },
  request: { viewer?: Viewer; ip?: string; userAgent?: string | null; http?: HttpCookies | null } = {},
): Context {
  return new LazyRequestContext(em, config, request.viewer ?? ANONYMOUS, deps.log, deps.security, request.ip ?? 'unknown', request.userAgent ?? null, request.http ?? null);
}
