import { createHash, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../common/request-context';
import type { Reason } from '../common/error-reasons';
import { codesFromPgArray } from '../common/pagination';
import { ApiScope } from './api-key.entity';
import { Role } from './user.entity';
import { verifySessionToken } from './tokens';

/** The caller of one request, resolved once from its credentials. */
export type Viewer =
  | { kind: 'ANONYMOUS' }
  | { kind: 'USER'; userId: string; username: string; displayName: string; role: Role; sessionId: string; mustChangePassword: boolean }
  | { kind: 'API_KEY'; keyId: string; name: string; scopes: ApiScope[]; quotaPerMinute: number };

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'ANONYMOUS' });

/** Name of the httpOnly, SameSite=Strict session cookie set by `login`. */
export const SESSION_COOKIE = 'yizhan_session';
/** API keys look like `yz_` + 8 characters of prefix + `_` + 43 characters of secret (256 bits, base64url). */
export const API_KEY_PATTERN = /^yz_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

/** A credential was presented but is not valid (bad signature, expired, revoked, disabled account, unknown key). */
export class InvalidCredentialsError extends Error {
  constructor(
    readonly reason: string,
    /** The rule broken (error-reasons.ts): AUTHORIZATION_FORMAT, API_KEY_UNKNOWN or SESSION_INVALID. */
    readonly key: Reason,
  ) {
    super(reason);
  }
}

/** SHA-256 hex of an API key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Audit/log identity of a viewer. */
export function actorOf(viewer: Viewer, ip: string | null): Actor {
  switch (viewer.kind) {
    case 'USER':
      return { kind: 'USER', id: viewer.userId, label: viewer.username };
    case 'API_KEY':
      return { kind: 'API_KEY', id: viewer.keyId, label: `key:${viewer.name}` };
    default:
      return { kind: 'ANONYMOUS', id: null, label: ip ?? 'anonymous' };
  }
}

/** When this process last touched each key's last_used_at (ms). */
const touched = new Map<string, number>();

/** Looks up an API key by its prefix and compares hashes in constant time; null when unknown or revoked. */
async function apiKeyViewer(em: EntityManager, key: string): Promise<Viewer | null> {
  if (!API_KEY_PATTERN.test(key)) return null;
  const prefix = key.slice(0, 11);
  const [row] = await em.execute<{ id: string; name: string; scopes: string[] | string; quota_per_minute: number; secret_hash: string; revoked_at: Date | null }[]>(
    `select id, name, scopes, quota_per_minute, secret_hash, revoked_at from api_key where prefix = ?`,
    [prefix],
  );
  if (!row || row.revoked_at) return null;
  const a = Buffer.from(hashApiKey(key), 'hex');
  const b = Buffer.from(row.secret_hash, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  // Touch last_used_at at most once a minute, so a busy key costs no extra statement on most requests (the SQL
  // condition keeps several processes to one write a minute too).
  if (Date.now() - (touched.get(row.id) ?? 0) > 60_000) {
    touched.set(row.id, Date.now());
    await em.execute(`update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`, [row.id]);
  }
  const scopes = codesFromPgArray(row.scopes) as ApiScope[];
  return { kind: 'API_KEY', keyId: row.id, name: row.name, scopes, quotaPerMinute: row.quota_per_minute };
}

/** Checks a session token and its session row; null when the token or the session is not valid any more. */
async function sessionViewer(em: EntityManager, secret: Uint8Array, token: string): Promise<Viewer | null> {
  const claims = await verifySessionToken(secret, token);
  if (!claims) return null;
  const [row] = await em.execute<{ id: string; username: string; display_name: string; role: Role; disabled: boolean; must_change_password: boolean }[]>(
    `select u.id, u.username, u.display_name, u.role, u.disabled, u.must_change_password
       from user_session s join user_account u on u.id = s.user_id
      where s.id = ? and u.id = ? and s.revoked_at is null and s.expires_at > now()`,
    [claims.sid, claims.sub],
  );
  if (!row || row.disabled) return null;
  return {
    kind: 'USER',
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    sessionId: claims.sid,
    mustChangePassword: row.must_change_password,
  };
}


/**
 * Resolves the viewer of a request from, in order, `Authorization: Bearer <session token or API key>`,
 * `X-API-Key: <key>` and the session cookie. A bad header credential throws InvalidCredentialsError (the caller
 * answers 401); a bad cookie is treated as no cookie (`clearCookie` tells the caller to drop it).
 */
export async function resolveViewer(
  em: EntityManager,
  secret: Uint8Array,
  headers: { authorization?: string; apiKey?: string; cookie?: string },
): Promise<{ viewer: Viewer; clearCookie: boolean }> {
  const header = headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? null;
  if (headers.authorization && !header) throw new InvalidCredentialsError('Authorization must be `Bearer <token>`', 'AUTHORIZATION_FORMAT');
  const explicit = header ?? headers.apiKey ?? null;
  if (explicit) {
    const viewer = explicit.startsWith('yz_') ? await apiKeyViewer(em, explicit) : await sessionViewer(em, secret, explicit);
    if (!viewer) throw explicit.startsWith('yz_') ? new InvalidCredentialsError('unknown or revoked API key', 'API_KEY_UNKNOWN') : new InvalidCredentialsError('invalid or expired session token', 'SESSION_INVALID');
    return { viewer, clearCookie: false };
  }
  if (headers.cookie) {
    const viewer = await sessionViewer(em, secret, headers.cookie);
    return viewer ? { viewer, clearCookie: false } : { viewer: ANONYMOUS, clearCookie: true };
  }
  return { viewer: ANONYMOUS, clearCookie: false };
}

