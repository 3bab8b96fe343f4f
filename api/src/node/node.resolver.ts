import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { ListRule } from '../common/input-rules';
import { isUuid } from '../common/ids';
import { pgArray } from '../common/pagination';
import { Node } from './node.interface';
import { nodeTypes, type NodeType } from './node.registry';

/** Largest `nodes(ids:)` list. */
export const MAX_NODE_IDS = 100;

/**
 * Finds the readable records with these ids, in the same order, null where there is none or the caller may not
 * read it. Statements: one `union all` over the UUID-keyed tables that says which type each UUID belongs to (a
 * primary-key probe per table), then one `load` per type found, whatever the number of ids. Ids are checked
 * first: each must be a UUID or match a type's own id form, else BAD_USER_INPUT naming `field` (`ids[3]`).
 */
export async function findNodes(ctx: Context, ids: string[], field: (i: number) => string): Promise<(object | null)[]> {
  const types = [...nodeTypes().values()];
  const byType = new Map<NodeType, Set<string>>();
  const uuids = new Set<string>();
  ids.forEach((id, i) => {
    const own = types.find((t) => t.idPattern?.test(id));
    if (own) {
      if (!byType.has(own)) byType.set(own, new Set());
      byType.get(own)!.add(id);
    } else if (isUuid(id)) uuids.add(id.toLowerCase());
    else throw new BadInputError(field(i), 'not a Node id (a UUID, or a six-digit region code)', 'NOT_A_NODE_ID');
  });
  const tabled = types.filter((t) => !t.idPattern);
  if (uuids.size && tabled.length) {
    const meta = ctx.em.getMetadata();
    const parts = tabled.map((t, i) => `select id::text as id, ${i} as type from ${quoteTable(meta.find(t.entity.name)!.tableName)} where id = any(?::uuid[])`);
    const rows = await ctx.em.execute<{ id: string; type: number }[]>(parts.join(' union all '), tabled.map(() => pgArray([...uuids])));
    for (const row of rows) {
      const t = tabled[Number(row.type)];
      if (!byType.has(t)) byType.set(t, new Set());
      byType.get(t)!.add(row.id);
    }
  }
  const found = new Map<string, object>();
  await Promise.all(
    [...byType].map(async ([t, set]) => {
      for (const record of await t.load(ctx, [...set])) found.set(String(record.id).toLowerCase(), record);
    }),
  );
  return ids.map((id) => found.get(id.toLowerCase()) ?? null);
}

function quoteTable(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Relay: the record with this id (a UUID, or a six-digit region code), of any type implementing Node; null when there is none or the caller may not read it (anonymous callers and API keys read stations, organizations and regions). BAD_USER_INPUT on `id` for an id of neither form.',
  })
  async node(@Arg('id', () => ID, { description: 'A Node id: a record\'s UUID, or a region\'s six-digit GB/T 2260 code.' }) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const [record] = await findNodes(ctx, [id], () => 'id');
    return record;
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Relay: the records with these ids, in the same order, null for each id that has no readable record (as node(id:)). At most ${MAX_NODE_IDS} ids, answered in a fixed number of statements; BAD_USER_INPUT on \`ids\` for a longer list and on \`ids[i]\` for an id of neither form.`,
  })
  async nodes(@Arg('ids', () => [ID], { description: `Node ids (UUIDs or six-digit region codes), 0–${MAX_NODE_IDS}; duplicates allowed.` }) @ListRule({ max: MAX_NODE_IDS, noun: 'ids' }) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    return findNodes(ctx, ids, (i) => `ids[${i}]`);
  }
}
