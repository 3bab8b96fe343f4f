import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BadInputError } from './errors';

/** Sort direction of admin lists. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction of an admin list.',
  valuesConfig: { ASC: { description: 'Smallest (or earliest, or A) first.' }, DESC: { description: 'Largest (or latest, or Z) first.' } },
});

@ObjectType({ simpleResolvers: true, description: 'Relay PageInfo: whether more edges follow and the cursors at both ends of this page.' })
export class PageInfo {
  @Field({ description: 'True when more edges follow this page: pass `endCursor` as `after` to get them.' }) hasNextPage!: boolean;
  @Field({ description: 'True when this page was asked for with `after` (edges come before it).' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; null when the page is empty.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of this page; null when the page is empty. Pass it as `after` for the next page.' }) endCursor!: string | null;
}

/** Throws BadInputError on `field` unless `value` is an integer in [min, max]. */
export function assertIntRange(value: number, min: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(field, `must be an integer from ${min} to ${max}`, 'INTEGER_RANGE', { min, max });
  }
}

/** Opaque cursor: base64url of a JSON array of sort keys. */
export function encodeCursor(keys: unknown[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` and checks its shape with `check`; a bad one is BAD_USER_INPUT on `field`. */
export function decodeCursor<T extends unknown[]>(cursor: string, field: string, check: (v: unknown[]) => v is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadInputError(field, 'not a cursor returned by this API', 'BAD_CURSOR');
  }
  if (!Array.isArray(value) || !check(value)) throw new BadInputError(field, 'not a cursor returned by this API', 'BAD_CURSOR');
  return value;
}

/** Builds a `{ nodes, totalCount }` page type for admin lists. */
export function offsetPage<T>(cls: new () => T, name: string) {
  @ObjectType(name, { description: `One page of ${cls.name} records with the total count matching the filter.` })
  class Page {
    @Field(() => [cls], { description: `The ${cls.name} records of this page, in the requested order (at most \`limit\`).` }) nodes!: T[];
    @Field(() => Int, { description: 'Number of records matching the filter, over all pages.' }) totalCount!: number;
  }
  return Page;
}

/**
 * A PostgreSQL array literal (`{"a","b"}`, `{1,2}`, `{"a",NULL}`) for a `?::text[]` (or uuid[], int[], …)
 * parameter: knex would spread a JS array into a list. Strings are quoted and escaped, numbers written as they are.
 */
export function pgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/**
 * The reverse of pgArray for arrays of plain codes (no commas, quotes or braces, e.g. amenities, API scopes): a
 * `{A,B}` literal as PostgreSQL writes `text[]::text`, or an array the driver already parsed. Empty items dropped.
 */
export function codesFromPgArray(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  const text = String(value ?? '');
  return text.length <= 2 ? [] : text.slice(1, -1).split(',').filter(Boolean);
}

/** An ILIKE pattern matching text that contains `q` literally (`%`, `_` and `\\` in `q` are escaped). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
