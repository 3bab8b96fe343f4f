import { Field, InputType, registerEnumType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from './errors';
import type { ListRuleOptions } from './input-rules';
import { assertUuid } from './ids';
import { pgArray, SortDirection } from './pagination';

/** Most ids one list filter's `ids` may name (the admin's getMany asks for one page of references at a time). */
export const MAX_FILTER_IDS = 1000;

/** The `@ListRule` of every list filter's `ids` (and other id lists of filters): at most MAX_FILTER_IDS (TOO_MANY). */
export const FILTER_IDS_RULE: ListRuleOptions = Object.freeze({ max: MAX_FILTER_IDS, noun: 'ids' });

/** The WHERE conditions of one admin list, with their `?` parameters in order. */
export class Conditions {
  readonly parts: string[] = ['true'];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  get sql(): string {
    return this.parts.join(' and ');
  }
}

/**
 * Checks a filter's `ids` (their number is the field's `@ListRule(FILTER_IDS_RULE)`): BAD_USER_INPUT on
 * `field[i]` when one is not a UUID. Returns the PostgreSQL array literal, or null when no ids were given.
 */
export function idsParam(ids: readonly string[] | null | undefined, field: string): string | null {
  if (ids == null) return null;
  ids.forEach((id, i) => assertUuid(id, `${field}[${i}]`));
  return pgArray(ids);
}

/** A reference id in a filter (`filter.teamId` …), checked as a UUID naming `field`; null when not given. */
export function idParam(id: string | null | undefined, field: string): string | null {
  if (id == null) return null;
  assertUuid(id, field);
  return id;
}

/** Throws BAD_USER_INPUT on `field` when both instants are given and `from` is not before `to`. */
export function assertInterval(from: Date | null | undefined, to: Date | null | undefined, field: string): void {
  if (from && to && from.getTime() >= to.getTime()) throw new BadInputError(field, 'must be before `to`', 'MUST_BE_BEFORE', { other: 'to' });
}

/**
 * Registers an order-field enum and builds the `{ field, direction }` order input of one admin list. Rows are
 * always ordered by the chosen key, then by id in the same direction, so pages are stable.
 */
export function listOrder<E extends Record<string, string>>(
  name: string,
  fields: E,
  what: string,
  valuesConfig: { [K in keyof E]: { description: string } },
  defaults: { field: E[keyof E]; direction: SortDirection },
) {
  registerEnumType(fields, { name: `${name}Field`, description: `What the ${what} list is sorted by.`, valuesConfig });
  @InputType(name, { description: `Sort order of the ${what} list; ties are broken by id, in the same direction.` })
  class Order {
    @Field(() => fields, { defaultValue: defaults.field, description: 'Sort key.' }) field!: E[keyof E];
    @Field(() => SortDirection, { defaultValue: defaults.direction, description: 'Sort direction.' }) direction!: SortDirection;
  }
  return Order;
}

/**
 * One page of an admin list: the ids matching `where` over `from` (whose main table is aliased `x`), sorted by
 * the SQL `orderColumn` in `direction` (NULLs last) then `x.id`, then the entities in that order, with the count.
 */
export async function listPage<T extends { id: string }>(
  em: EntityManager,
  cls: new () => T,
  from: string,
  where: Conditions,
  orderColumn: string,
  direction: SortDirection,
  page: { limit: number; offset: number },
): Promise<{ nodes: T[]; totalCount: number }> {
  const dir = direction === SortDirection.DESC ? 'desc' : 'asc';
  const rows = await em.execute<{ id: string }[]>(
    `select x.id from ${from} where ${where.sql} order by ${orderColumn} ${dir} nulls last, x.id ${dir} limit ? offset ?`,
    [...where.params, page.limit, page.offset],
  );
  const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from ${from} where ${where.sql}`, where.params);
  if (!rows.length) return { nodes: [], totalCount: Number(n) };
  const byId = new Map((await em.find(cls, { id: { $in: rows.map((r) => r.id) } } as never)).map((e) => [e.id, e]));
  return { nodes: rows.map((r) => byId.get(r.id)).filter((e): e is T => Boolean(e)), totalCount: Number(n) };
}
