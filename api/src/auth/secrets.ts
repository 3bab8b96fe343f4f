import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The key that signs session tokens: `SESSION_SECRET` when configured (at least 32 characters; the same on
 * every replica), else a random 256-bit key made on first start and kept in the `app_secret` table, so
 * sessions survive restarts and every replica on the same database agrees.
 */
export async function sessionSecret(em: EntityManager, configured: string | undefined): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  const fresh = randomBytes(32).toString('base64url');
  await em.execute(`insert into app_secret (name, value) values ('session', ?) on conflict (name) do nothing`, [fresh]);
  const [row] = await em.execute<{ value: string }[]>(`select value from app_secret where name = 'session'`);
  return new TextEncoder().encode(row.value);
}
