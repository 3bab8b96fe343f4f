import type { Context } from '../context';
import type { ReadableKind } from '../auth/access';

/**
 * How one Node type is found by id: its entity class (whose MikroORM table is searched when an id is a UUID) and
 * `load`, which returns those of `ids` the caller may read (in any order; absent and unreadable ids are left out:
 * `node(id:)` then answers null, so it never tells a record that exists from one that does not).
 */
export interface NodeType<T extends { id: string } = { id: string }> {
  entity: abstract new (...args: never[]) => T;
  load(ctx: Context, ids: string[]): Promise<T[]>;
  /** Ids of this form belong to this type without a table lookup (Region: six digits); otherwise ids are UUIDs. */
  idPattern?: RegExp;
}

const registry = new Map<string, NodeType>();

/**
 * Makes records of `entity` reachable through `node(id:)`/`nodes(ids:)`. Its GraphQL type must also declare
 * `@ObjectType({ implements: Node })`. `load` applies the caller's access rules (one statement for any number
 * of ids, so `nodes` stays a fixed number of statements). One call per type, at module load.
 */
export function registerNodeType<T extends { id: string }>(entity: NodeType<T>['entity'], load: NodeType<T>['load'], options: { idPattern?: RegExp } = {}): void {
  registry.set(entity.name, { entity, load, ...options } as unknown as NodeType);
}

/** The registered Node types, by entity class name. */
export function nodeTypes(): ReadonlyMap<string, NodeType> {
  return registry;
}

/**
 * The `load` of a scheduling Node type: the ids the access policy lets the caller read by id
 * (`ctx.access.readableIds`: the roles of the type's own query, within their scope), then one `find`. An id out of
 * scope is left out exactly like a missing one, so `node(id:)` answers null for both.
 */
export function readableLoader<T extends { id: string }>(entity: NodeType<T>['entity'], kind: ReadableKind): NodeType<T>['load'] {
  return async (ctx, ids) => {
    const readable = [...(await ctx.access.readableIds(kind, ids))];
    return readable.length ? ctx.em.find(entity as never, { id: { $in: readable } } as never) : [];
  };
}
