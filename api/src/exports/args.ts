import { coerceInputValue, getNamedType, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType, GraphQLString, GraphQLID, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { BadInputError } from '../common/errors';
import { normaliseFieldArguments } from '../common/input-rules';

function pathText(root: string, path: readonly (string | number)[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${key}`), root);
}

function isTextScalar(type: GraphQLInputType): boolean {
  const t = type instanceof GraphQLNonNull ? type.ofType : type;
  return t === GraphQLString || t === GraphQLID || (!(t instanceof GraphQLList) && !(t instanceof GraphQLInputObjectType) && !(t instanceof GraphQLScalarType));
}

/**
 * The arguments of GraphQL field `Query.<fieldName>` taken from an HTTP query string, so that an export accepts
 * exactly the inputs of the list it exports: an input object or list argument is JSON
 * (`filter={"kinds":["LOVE_STATION"]}`), an ID, String or enum argument the plain text, a number or boolean its
 * JSON text. Values are coerced by the schema's own types (graphql-js `coerceInputValue`) and then checked by
 * the declared text rules, so a bad value is the same BAD_USER_INPUT naming the same path (`filter.kinds[0]`) as
 * in GraphQL. `names` limits which of the field's arguments are taken (paging arguments are not: exports stream
 * every row), `optional` lists required arguments an export may leave out (a whole scope instead of one
 * station); any other parameter except those in `extra` is BAD_USER_INPUT naming it.
 */
export function fieldArguments(
  schema: GraphQLSchema,
  fieldName: string,
  query: Record<string, unknown>,
  names: string[],
  opts: { extra?: string[]; optional?: string[] } = {},
): Record<string, unknown> {
  const extra = opts.extra ?? [];
  const type = schema.getQueryType() as GraphQLObjectType;
  const field = type.getFields()[fieldName];
  if (!field) throw new Error(`no field Query.${fieldName}`);
  for (const key of Object.keys(query)) {
    if (!names.includes(key) && !extra.includes(key)) throw new BadInputError(key, `unknown parameter; this export takes ${[...names, ...extra].join(', ') || 'none'}`, 'UNKNOWN_PARAMETER', { name: key, allowed: [...names, ...extra] });
  }
  const out: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (!names.includes(arg.name)) continue;
    const raw = query[arg.name];
    if (raw === undefined || raw === '') {
      if (arg.type instanceof GraphQLNonNull && !opts.optional?.includes(arg.name)) throw new BadInputError(arg.name, 'is required', 'REQUIRED');
      continue;
    }
    if (typeof raw !== 'string') throw new BadInputError(arg.name, 'give it once', 'PARAMETER_REPEATED');
    let value: unknown = raw;
    if (!isTextScalar(arg.type)) {
      try {
        value = JSON.parse(raw);
      } catch {
        throw new BadInputError(arg.name, `must be JSON of ${getNamedType(arg.type).name}${arg.type instanceof GraphQLList ? '[]' : ''}`, 'NOT_JSON', { type: `${getNamedType(arg.type).name}${arg.type instanceof GraphQLList ? '[]' : ''}` });
      }
    }
    out[arg.name] = coerceInputValue(value, arg.type, (path, _invalid, error) => {
      throw new BadInputError(pathText(arg.name, path), error.message, 'PARAMETER_TYPE', { type: `${getNamedType(arg.type).name}${arg.type instanceof GraphQLList ? '[]' : ''}` });
    });
  }
  return normaliseFieldArguments(schema, 'Query', fieldName, out);
}
