import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from './errors';

/** Stable JSON (sorted keys) of a request body, for comparing retries. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return `{${Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs `create` at most once per (actor, idempotency key): the key is claimed by inserting a row in the same
 * transaction as the creation, so a concurrent retry waits on that row and then replays. A replay with the
 * same operation and body returns `load(id of the first result)` without a second side effect; the same key
 * with a different operation or body is BAD_USER_INPUT on `idempotencyKey`. Keys are kept 24 hours.
 * Without a key, `create` simply runs.
 */
export async function idempotent<T extends { id: string }>(
  em: EntityManager,
  opts: { actor: string; key: string | null | undefined; operation: string; body: unknown },
  create: (em: EntityManager) => Promise<T>,
  load: (em: EntityManager, id: string) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (opts.key == null) return { result: await em.transactional((tx) => create(tx as EntityManager)), replayed: false };
  const key = opts.key;
  if (key.length < 8 || key.length > 100 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new BadInputError('idempotencyKey', 'must be 8–100 printable ASCII characters (a UUID is ideal)', 'IDEMPOTENCY_KEY_FORMAT');
  }
  const hash = createHash('sha256').update(`${opts.operation}\n${canonical(opts.body)}`).digest('hex');
  return em.transactional(async (tx) => {
    const t = tx as EntityManager;
    await t.execute(`delete from idempotency_key where actor = ? and key = ? and created_at < now() - interval '24 hours'`, [opts.actor, key]);
    const claimed = await t.execute<{ key: string }[]>(
      `insert into idempotency_key (actor, key, operation, request_hash) values (?, ?, ?, ?) on conflict (actor, key) do nothing returning key`,
      [opts.actor, key, opts.operation, hash],
    );
    if (claimed.length === 0) {
      const [row] = await t.execute<{ operation: string; request_hash: string; entity_id: string | null }[]>(
        `select operation, request_hash, entity_id from idempotency_key where actor = ? and key = ?`,
        [opts.actor, key],
      );
      if (!row || row.operation !== opts.operation || row.request_hash !== hash || !row.entity_id) {
        throw new BadInputError('idempotencyKey', 'was already used with a different request; use a new key for a new request', 'IDEMPOTENCY_KEY_REUSED');
      }
      return { result: await load(t, row.entity_id), replayed: true };
    }
    const result = await create(t);
    await t.execute(`update idempotency_key set entity_id = ? where actor = ? and key = ?`, [result.id, opts.actor, key]);
    return { result, replayed: false };
  });
}
