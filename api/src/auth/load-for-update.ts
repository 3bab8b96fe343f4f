import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';

/**
 * Loads record `id` for a change through the access policy: NOT_FOUND naming `field` when it does not exist or is
 * outside the viewer's scope; with `version`, an optimistic lock (CONFLICT when the record changed meanwhile).
 */
export async function loadForUpdate<T extends object>(
  em: EntityManager,
  ctx: Context,
  cls: new () => T,
  kind: Parameters<Context['access']['require']>[0],
  id: string,
  field = 'id',
  version?: number,
): Promise<T> {
  await ctx.access.require(kind, id, field, em);
  const e = await em.findOneOrFail(cls, id as never);
  if (version !== undefined) await em.lock(e, LockMode.OPTIMISTIC, version);
  return e;
}
