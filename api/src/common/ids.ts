import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from './errors';
import { ReferenceNotFoundError } from '../auth/not-found';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` is a UUID in its text form. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** Throws BadInputError on `field` unless `id` is a UUID (so bad ids never reach SQL as a cast error). */
export function assertUuid(id: string, field: string): void {
  if (!isUuid(id)) throw new BadInputError(field, 'must be a UUID', 'NOT_A_UUID');
}

/**
 * Loads the records of `cls` with these ids (each checked as a UUID, naming `field[i]`); NOT_FOUND
 * `<entity> <id> not found` naming `field` (the access policy's one NOT_FOUND, api/src/auth/not-found.ts) when one
 * does not exist. Duplicates are loaded once; one statement.
 */
export async function findByIds<T extends object>(em: EntityManager, cls: new () => T, ids: string[], field: string, entity: string): Promise<T[]> {
  ids.forEach((id, i) => assertUuid(id, `${field}[${i}]`));
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = await em.find(cls, { id: { $in: unique } } as never);
  const missing = unique.find((id) => !found.some((e) => (e as unknown as { id: string }).id === id));
  if (missing) throw new ReferenceNotFoundError(entity, missing, field);
  return found;
}
