import { execute, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { remembered } from './memo';

/** Compiled operations per parsed document (Apollo reuses the DocumentNode of a repeated query) and operation name. */
const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
const OPERATIONS_PER_DOCUMENT = 16;

function compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | ExecutionResult {
  let byName = compiled.get(document);
  if (!byName) {
    byName = new Map();
    compiled.set(document, byName);
  }
  return remembered(byName, operationName ?? '', OPERATIONS_PER_DOCUMENT, () => compileQuery(schema, document, operationName ?? undefined));
}

/**
 * graphql-jit reports errors with its own read-only GraphQLError; Apollo and its plugins (graphql-armor rewrites
 * messages) expect graphql-js's, so each is rebuilt as one with the same message, locations, path, extensions
 * and original error (which formatError reads for the error code).
 */
function asGraphqlJsError(e: GraphQLError): GraphQLError {
  if (e instanceof GraphQLError && Object.getOwnPropertyDescriptor(e, 'message')?.writable) return e;
  const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
  if (e.locations) (error as { locations?: unknown }).locations = e.locations;
  return error;
}

/**
 * Executes operations with graphql-jit (the executor Mercurius uses) instead of graphql-js's interpreter: each
 * operation is compiled once into a function that reads plain fields directly and calls only the resolvers the
 * schema defines, so a page of 20 stations no longer builds an argument map and a resolve-info object for each
 * of its ~160 fields (a quarter of the API's allocations, and the garbage that filled the old generation under
 * load; README, "Performance"). Results and errors are graphql-js's shapes; Apollo formats the errors as usual.
 *
 * Apollo Server 5 lets a gateway supply the executor (`gateway.load` returns `{ executor }`); this is a gateway
 * of one local schema. Parsing, validation (graphql-armor rules included), plugins, error formatting and
 * the HTTP handling stay Apollo's.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const executor: GatewayExecutor = async (rc) => {
    const entry = compiledFor(schema, rc.document, rc.operationName);
    const variables = rc.request.variables ?? {};
    const result = isCompiledQuery(entry) ? await entry.query(undefined, rc.context, variables) : entry;
    if (!result.errors?.length) return result as never;
    // No `data` at all: the variables did not coerce (or the operation was not found). graphql-js reports that
    // in the words (and with the variable nodes) Apollo recognises as BAD_USER_INPUT, without running anything.
    if (!('data' in result)) return execute({ schema, document: rc.document, variableValues: variables, contextValue: rc.context, operationName: rc.operationName }) as never;
    return { ...result, errors: result.errors.map(asGraphqlJsError) } as never;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
