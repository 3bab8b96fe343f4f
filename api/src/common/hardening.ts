import { GraphQLError, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestExecutionListener, GraphQLRequestListener } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getComplexity, fieldExtensionsEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../config';
import { remembered } from './memo';
import { requestStore } from './request-context';
import { RateLimitedError, type RateLimitCharge, type RateLimits } from './rate-limit';
import type { Viewer } from '../auth/viewer';

/** Most lexical tokens in one document; a longer one is refused as GRAPHQL_PARSE_FAILED (HTTP 400). */
export const MAX_TOKENS = 2000;

/**
 * Static limits on every operation (OWASP GraphQL Cheat Sheet): depth 6 (introspection excepted), 15 aliases,
 * 10 directives and no "Did you mean …" field suggestions by @escape.tech/graphql-armor, and 2000 tokens by
 * graphql-js's own parser (`parseOptions`, for Apollo's `parseOptions`). armor's token limit is not used: its
 * Apollo plugin parses the document a second time in `parsingDidStart`, outside Apollo's error handling, so a
 * syntax error became HTTP 500. Cost is limited separately (`operationCost`), because armor's cost rule
 * ignores list sizes.
 */
export function armorProtection(): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  const armor = new ApolloArmor({
    maxDepth: { n: 6, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: 15 },
    maxDirectives: { n: 10 },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules, parseOptions: { maxTokens: MAX_TOKENS } };
}

/**
 * A list field costs its children times its page size (`first`, at most 100, or `limit`, at most 1000: larger
 * values are refused by the field itself, naming the argument); other fields cost 1 plus children.
 */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const n = typeof args.first === 'number' ? Math.min(args.first, 100) : typeof args.limit === 'number' ? Math.min(args.limit, 1000) : null;
  return n != null ? 1 + childComplexity * Math.max(1, n) : 1 + childComplexity;
};

/**
 * Variables that can change an operation's cost: those given to a `first` or `limit` argument (page sizes) or
 * to a directive's `if` (@include/@skip). Other variables (coordinates, ids, filters) never do.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first' && node.name.value !== 'limit' && node.name.value !== 'if') return;
      visit(node.value, { Variable: (v) => void names.add(v.name.value) });
    },
  });
  return [...names].sort();
}

/** Costs already computed, per parsed document (Apollo reuses the same DocumentNode for the same query text). */
const costCache = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();
const COST_CACHE_PER_DOCUMENT = 64;

/**
 * The cost of an operation in points: 1 per field, list fields multiplied by their page size, fields with a
 * declared `complexity` (e.g. `totalCount`) at that cost. The same figure is checked against the per-operation
 * maximum and charged to the caller's per-minute budget. Remembered per document, operation name and the values
 * of the variables that can change it (see costVariables), so a repeated query is not walked again.
 */
export function operationCost(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  let entry = costCache.get(query);
  if (!entry) {
    entry = { variables: costVariables(query), costs: new Map() };
    costCache.set(query, entry);
  }
  const key = `${operationName ?? ''}\u0000${JSON.stringify(entry.variables.map((v) => variables?.[v] ?? null))}`;
  try {
    return remembered(entry.costs, key, COST_CACHE_PER_DOCUMENT, () =>
      getComplexity({ schema, query, variables: variables ?? {}, operationName, estimators: [fieldExtensionsEstimator(), pageEstimator] }),
    );
  } catch {
    // Variables that do not coerce: execution reports them as BAD_USER_INPUT naming the variable; charge 1.
    return 1;
  }
}

/** Top-level field names of each operation node already seen (Apollo reuses the parsed document). */
const topLevelFieldsCache = new WeakMap<OperationDefinitionNode, string>();

/** An operation's top-level fields, comma-separated (e.g. `nearbyStations`), for the audit and security logs. */
function topLevelFields(op: OperationDefinitionNode): string {
  let fields = topLevelFieldsCache.get(op);
  if (fields === undefined) {
    fields = op.selectionSet.selections
      .map((s) => (s.kind === 'Field' ? s.name.value : null))
      .filter(Boolean)
      .join(',');
    topLevelFieldsCache.set(op, fields);
  }
  return fields;
}

/**
 * Throws the client's mistake when Apollo found no operation to run (graphql-js's getOperationAST gave none):
 * an `operationName` the document does not define, or several operations and no `operationName`.
 * OPERATION_RESOLUTION_FAILURE (Apollo's code for it), HTTP 400, `field: "operationName"`.
 */
function unresolvedOperation(document: DocumentNode, operationName: string | null | undefined): never {
  const names = document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? [d.name?.value ?? '(anonymous)'] : []));
  const message = operationName
    ? `operationName: the document has no operation named "${operationName}" (it has ${names.join(', ') || 'none'})`
    : `operationName: the document has ${names.length} operations (${names.join(', ')}); say which one to run`;
  throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', field: 'operationName', reason: 'OPERATION_RESOLUTION_FAILURE', args: { operationName: operationName ?? null, count: names.length }, http: { status: 400 } } });
}

function budgetOf(viewer: Viewer, ip: string, config: Config): { kind: 'anon' | 'key' | 'user'; key: string; points: number; maxCost: number } {
  switch (viewer.kind) {
    case 'USER':
      return { kind: 'user', key: viewer.userId, points: config.RATE_LIMIT_USER_PER_MINUTE, maxCost: config.MAX_QUERY_COST_STAFF };
    case 'API_KEY':
      return { kind: 'key', key: viewer.keyId, points: viewer.quotaPerMinute, maxCost: config.MAX_QUERY_COST_PUBLIC };
    default:
      return { kind: 'anon', key: ip, points: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE, maxCost: config.MAX_QUERY_COST_PUBLIC };
  }
}

function setRateHeaders(headers: Map<string, string>, charge: RateLimitCharge): void {
  headers.set('x-ratelimit-limit', String(charge.limit));
  headers.set('x-ratelimit-remaining', String(charge.remaining));
  headers.set('x-ratelimit-reset', String(charge.resetSeconds));
}

/**
 * Apollo plugin: refuses a request whose operation cannot be run (unknown or missing `operationName`: see
 * unresolvedOperation; a subscription, which this API does not have: GRAPHQL_VALIDATION_FAILED), both HTTP 400;
 * records the operation's top-level fields for the audit and security logs, refuses operations
 * over the cost maximum (BAD_USER_INPUT with `cost` and `maxCost`), charges the cost to the caller's budget
 * (per API key, per staff account, per IP for anonymous callers) and sends `x-ratelimit-limit`,
 * `x-ratelimit-remaining` and `x-ratelimit-reset` (seconds). Over budget: RATE_LIMITED, HTTP 429, Retry-After.
 * A response with a SERVICE_UNAVAILABLE error (database down, pool exhausted, statement timeout) is HTTP 503
 * with Retry-After: 5, so load balancers and clients retry.
 */
export function rateLimitPlugin(config: Config, limits: RateLimits): ApolloServerPlugin<{ viewer: Viewer; ip: string }> {
  return {
    async requestDidStart() {
      let charge: RateLimitCharge | null = null;
      return {
        async didResolveOperation(rc) {
          const op = rc.operation ?? unresolvedOperation(rc.document, rc.request.operationName);
          if (!rc.schema.getRootType(op.operation)) {
            throw new GraphQLError(`This API has no ${op.operation} operations`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'OPERATION_TYPE_UNSUPPORTED', args: { operation: op.operation }, http: { status: 400 } } });
          }
          const store = requestStore.getStore();
          if (store) store.operation = topLevelFields(op);
          const cost = operationCost(rc.schema, rc.document, rc.request.variables, rc.request.operationName ?? undefined);
          const budget = budgetOf(rc.contextValue.viewer, rc.contextValue.ip, config);
          if (cost > budget.maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the maximum of ${budget.maxCost}; ask for fewer rows or fields`, {
              extensions: { code: 'BAD_USER_INPUT', field: 'query', cost, maxCost: budget.maxCost, reason: 'QUERY_TOO_COSTLY', args: { cost, maxCost: budget.maxCost } },
            });
          }
          try {
            charge = await limits.charge(budget.kind, budget.key, budget.points, cost);
          } catch (e) {
            if (e instanceof RateLimitedError) {
              charge = (e as RateLimitedError & { charge: RateLimitCharge }).charge;
              throw new GraphQLError(e.message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: e.retryAfterSeconds, reason: e.reason, args: e.args } });
            }
            throw e;
          }
        },
        async willSendResponse(rc) {
          const headers = rc.response.http.headers;
          if (charge) setRateHeaders(headers as unknown as Map<string, string>, charge);
          const errors = rc.response.body.kind === 'single' ? rc.response.body.singleResult.errors : undefined;
          const limited = errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
          if (limited) {
            rc.response.http.status = 429;
            headers.set('retry-after', String(limited.extensions?.retryAfterSeconds ?? 60));
          }
          const unavailable = errors?.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
          if (unavailable) {
            rc.response.http.status = 503;
            headers.set('retry-after', '5');
          }
        },
      };
    },
  };
}

type Listener = GraphQLRequestListener<BaseContext>;
type AnyHook = (...args: unknown[]) => unknown;

/** Hooks that return nothing: every plugin's runs, in order. */
const NOTIFY_HOOKS = ['didResolveSource', 'didResolveOperation', 'didEncounterErrors', 'willSendResponse', 'didEncounterSubsequentErrors', 'willSendSubsequentPayload'] as const;
/** Hooks that return an end hook (called with the error, if any). */
const START_HOOKS = ['parsingDidStart', 'validationDidStart'] as const;

const LISTENER_HOOKS = [...NOTIFY_HOOKS, ...START_HOOKS, 'responseForOperation', 'executionDidStart'];

function combinedListener(listeners: Listener[]): Listener {
  const merged: Record<string, AnyHook> = {};
  // Hook name → the listeners that have it, in plugin order (one pass; this runs per request).
  const byHook = new Map<string, Record<string, AnyHook>[]>();
  for (const l of listeners as unknown as Record<string, AnyHook>[]) {
    // Named hooks only (own or inherited: a listener may be a class instance).
    for (const hook of LISTENER_HOOKS) {
      if (typeof l[hook] !== 'function') continue;
      const ls = byHook.get(hook);
      if (ls) ls.push(l);
      else byHook.set(hook, [l]);
    }
  }
  const having = (hook: string) => byHook.get(hook) ?? [];
  for (const hook of NOTIFY_HOOKS) {
    const ls = having(hook);
    if (ls.length === 1) merged[hook] = ls[0][hook].bind(ls[0]);
    else if (ls.length > 1) merged[hook] = async (...args) => { for (const l of ls) await l[hook](...args); };
  }
  for (const hook of START_HOOKS) {
    const ls = having(hook);
    if (ls.length === 1) merged[hook] = ls[0][hook].bind(ls[0]);
    else if (ls.length > 1)
      merged[hook] = async (...args) => {
        const ends = (await Promise.all(ls.map((l) => l[hook](...args)))).filter((e): e is AnyHook => typeof e === 'function');
        return async (...endArgs: unknown[]) => { for (const end of ends) await end(...endArgs); };
      };
  }
  const responders = having('responseForOperation');
  if (responders.length === 1) merged.responseForOperation = responders[0].responseForOperation.bind(responders[0]);
  else if (responders.length > 1)
    merged.responseForOperation = async (...args) => {
      for (const l of responders) {
        const response = await l.responseForOperation(...args);
        if (response != null) return response;
      }
      return null;
    };
  const executors = having('executionDidStart');
  if (executors.length === 1) merged.executionDidStart = executors[0].executionDidStart.bind(executors[0]);
  else if (executors.length > 1)
    merged.executionDidStart = async (...args) => {
      const ls = (await Promise.all(executors.map((l) => l.executionDidStart(...args)))).filter(Boolean) as GraphQLRequestExecutionListener<BaseContext>[];
      if (ls.length <= 1) return ls[0];
      const resolving = ls.filter((l) => l.willResolveField);
      return {
        ...(resolving.length
          ? {
              willResolveField: (field: Parameters<NonNullable<GraphQLRequestExecutionListener<BaseContext>['willResolveField']>>[0]) => {
                const ends = resolving.map((l) => l.willResolveField!(field)).filter((e) => typeof e === 'function');
                return ends.length ? (error: Error | null, result?: unknown) => ends.forEach((end) => end!(error, result)) : undefined;
              },
            }
          : {}),
        executionDidEnd: async (error?: Error) => {
          for (const l of ls) await l.executionDidEnd?.(error);
        },
      };
    };
  return merged as Listener;
}

/** Names of a plugin's hooks: its functions, own or inherited (below Object.prototype). */
function hookNames(plugin: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = plugin; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name !== 'constructor' && typeof (plugin as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}

/**
 * Apollo Server awaits `Promise.all` over every request listener at each stage of a request (didResolveSource,
 * didResolveOperation, responseForOperation, executionDidStart, executionDidEnd, willSendResponse, …) whether
 * or not the listener has that hook: with three plugins listening (graphql-armor's two and the rate limiter)
 * that was about 80 promises per request around the resolvers. This folds the given plugins' request
 * listeners into one, which has only the hooks some plugin implements; each calls the plugins' own in their
 * order (end hooks and execution listeners are combined; responseForOperation takes the first non-null
 * answer, as Apollo does). The plugins' other hooks (serverWillStart, unexpectedErrorProcessingRequest, …)
 * stay theirs: a plugin that has any comes back without `requestDidStart`, followed by the one merged plugin.
 */
export function oneRequestListener<C extends BaseContext>(plugins: ApolloServerPlugin<C>[]): ApolloServerPlugin<C>[] {
  const starters = plugins.filter((p) => typeof p.requestDidStart === 'function');
  // A plugin whose only hook was requestDidStart is left out altogether: Apollo asks every plugin in its list
  // at the start of each request, hook or not.
  const rest = plugins
    .filter((p) => typeof p.requestDidStart !== 'function' || hookNames(p).some((name) => name !== 'requestDidStart'))
    .map((p) => (typeof p.requestDidStart === 'function' ? (Object.create(p, { requestDidStart: { value: undefined } }) as ApolloServerPlugin<C>) : p));
  return [
    ...rest,
    {
      async requestDidStart(rc) {
        const listeners = (await Promise.all(starters.map((p) => p.requestDidStart!(rc)))).filter(Boolean) as Listener[];
        if (listeners.length === 0) return undefined;
        return (listeners.length === 1 ? listeners[0] : combinedListener(listeners)) as GraphQLRequestListener<C>;
      },
    },
  ];
}
