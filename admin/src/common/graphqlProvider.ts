import { parse, type IntrospectionInputObjectType } from 'graphql';
import buildGraphQLProvider, { type BuildQueryFactory, type IntrospectionResult } from 'ra-data-graphql';
import {
  CREATE,
  DELETE,
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  HttpError,
  UPDATE,
  type DataProvider,
  type GetListParams,
  type RaRecord,
} from 'react-admin';
import type { LngLat } from '../records';
import { toDisplayError } from './apiErrors';

/** How one react-admin resource maps onto the Yizhan GraphQL API: `list(filter, orderBy, limit, offset)`, `one(id)`, mutations. */
export interface ResourceSpec {
  one: string;
  list: string;
  /** Argument name of the single-record query (`id`, or `code` for regions). */
  idArg?: string;
  filterType: string;
  /** Filter field that selects records by id (`ids`, or `codes` for regions); none: getMany asks by aliases. */
  idsFilter?: string;
  orderType?: string;
  /** react-admin sort field → the API's order enum value; other fields fall back to the API default. */
  orderFields?: Record<string, string>;
  fields: string;
  /** Selection for getOne/create/update, when it needs more than the list. */
  detailFields?: string;
  /**
   * Leaner selections a getList can ask for by name with `meta: { selection: name }`: a large page costs its
   * fields times its size in the API's rate budget (e.g. the station map's 1000 markers need 7 fields, not 33).
   */
  selections?: Record<string, string>;
  /** `idempotent`: the mutation takes an `idempotencyKey`; each create call sends a fresh one. */
  create?: { mutation: string; input: string; idempotent?: boolean };
  update?: { mutation: string; input: string };
  remove?: string;
  /** react-admin filter values → the API's filter fields, before the common mapping (`q` → `search`, region prefix, box). */
  toFilter?(filter: Record<string, any>): Record<string, any>;
  /** A filter without which there is nothing to list (shifts are listed per campaign): the list is empty. */
  requiredFilter?: string;
  /** A list that is not `list(filter, …)` (API keys: `apiKeys(includeRevoked)`): the query and its variables; getList only. */
  customList?(params: GetListParams): { query: string; variables: Record<string, unknown> };
  toRecord(node: any): RaRecord;
}

/** Runs GraphQL operations with the provider's client and error mapping; handed to each folder's custom methods. */
export interface GraphqlApi {
  /**
   * Runs one operation (a mutation when the text starts with `mutation`) and returns its data without
   * `__typename`. Errors are mapped as for `raFetchMethod` (default GET_ONE; ACTION shows the API's own message).
   */
  request<T>(source: string, variables: Record<string, unknown>, raFetchMethod?: string): Promise<T>;
}

/** What a resource folder gives the composition: its CRUD mapping, its custom methods, or both. */
export interface ResourceProvider<M extends object = object> {
  /** The react-admin resource name (`stations`), or a feature name for a provider with methods only (`supplies`). */
  name: string;
  crud?: ResourceSpec;
  methods?: (api: GraphqlApi) => M;
}

/** Declares a folder's resource provider, keeping the type of its methods for the composed provider's type. */
export const defineResource = <M extends object = object>(provider: ResourceProvider<M>): ResourceProvider<M> => provider;

/** Not a react-admin CRUD call: a CONFLICT shows the API's own message (e.g. "the shift is full"). */
export const ACTION = 'ACTION';

/**
 * A fresh idempotency key. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost), and the
 * admin may be served over plain HTTP inside a LAN, so fall back to a v4 UUID from getRandomValues.
 */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** getMany without an `ids` filter asks for records by aliases; the API refuses more than 15 in one operation. */
const ALIASES_PER_QUERY = 10;

/** Apollo adds `__typename` everywhere; records and form values are cleaner without it. */
export const withoutTypename = (value: any): any => {
  if (Array.isArray(value)) return value.map(withoutTypename);
  if (value && typeof value === 'object') {
    const { __typename, ...rest } = value;
    return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withoutTypename(v)]));
  }
  return value;
};

/** Ids of a list of `{ id }` references. */
export const idsOf = (list: { id: string }[] | null | undefined) => (list ?? []).map((x) => x.id);

/** Field names of a GraphQL input type, from introspection; undefined (allow all) if unknown. */
const inputFieldsOf = (introspection: IntrospectionResult | undefined, typeName: string) => {
  const type = introspection?.types.find((t) => t.name === typeName && t.kind === 'INPUT_OBJECT') as
    | IntrospectionInputObjectType
    | undefined;
  return type ? new Set(type.inputFields.map((f) => f.name)) : undefined;
};

/** `410100` (a city) must match `4101xx` counties: drop the trailing zero pairs of a full code. */
export const regionPrefix = (code: string) => (/^\d{6}$/.test(code) ? code.replace(/(00)+$/, '') : code);

const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** react-admin filter values → the API's filter input (`q` → `search`), keeping only fields the API knows. */
const toApiFilter = (filter: Record<string, any> = {}, allowed?: Set<string>) => {
  const { q, regionCodePrefix, within, ...rest } = filter;
  const out: Record<string, unknown> = { ...rest };
  if (typeof q === 'string' && q.trim()) out.search = q.trim();
  if (typeof regionCodePrefix === 'string' && regionCodePrefix.trim()) {
    out.regionCodePrefix = regionPrefix(regionCodePrefix.trim());
  }
  if (within) {
    const { west, south, east, north } = within;
    out.within = { west, south, east, north };
  }
  return Object.fromEntries(Object.entries(out).filter(([k, v]) => !isEmpty(v) && (!allowed || allowed.has(k))));
};

/** A record value → the input value the API takes. Locations in records are WGS-84. */
const toInputValue = (key: string, value: any) => {
  if (key === 'location' && value) {
    const { lng, lat } = value as LngLat;
    return { lng: Number(lng), lat: Number(lat), crs: 'WGS84' };
  }
  return value;
};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The input object for a create or update: only fields of the input type, and on update only
 * those that changed (so an update never overwrites fields the user did not touch).
 */
const toInput = (data: Record<string, any>, allowed: Set<string> | undefined, previous?: Record<string, any>) => {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || (allowed && !allowed.has(key))) continue;
    if (!allowed && ['id', 'version', 'createdAt', 'updatedAt'].includes(key)) continue;
    if (previous && sameValue(value, previous[key])) continue;
    if (!previous && value === null) continue;
    input[key] = toInputValue(key, value);
  }
  return input;
};

const buildQueryFor =
  (specs: Record<string, ResourceSpec>): BuildQueryFactory =>
  (introspection) =>
  (raFetchMethod, resource, params) => {
    const spec = specs[resource];
    if (!spec) throw new Error(`Unknown resource ${resource}`);
    const idArg = spec.idArg ?? 'id';
    const filterFields = inputFieldsOf(introspection, spec.filterType);
    const detail = spec.detailFields ?? spec.fields;
    const apiFilter = (filter: Record<string, any> = {}) => toApiFilter(spec.toFilter ? spec.toFilter(filter) : filter, filterFields);
    const pageResponse = ({ data }: any) => ({ data: withoutTypename(data.page.nodes).map(spec.toRecord), total: data.page.totalCount });

    const listQuery = (variables: Record<string, unknown>, fields = spec.fields) => ({
      query: parse(
        `query ($filter: ${spec.filterType}${spec.orderType ? `, $orderBy: ${spec.orderType}` : ''}, $limit: Int!, $offset: Int!) {
          page: ${spec.list}(filter: $filter${spec.orderType ? ', orderBy: $orderBy' : ''}, limit: $limit, offset: $offset) {
            nodes { ${fields} } totalCount
          }
        }`,
      ),
      variables,
      parseResponse: pageResponse,
    });
    const listVariables = (filter: Record<string, unknown>) => {
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const order = spec.orderFields?.[params.sort?.field];
      return {
        filter,
        ...(spec.orderType && order ? { orderBy: { field: order, direction: params.sort.order === 'DESC' ? 'DESC' : 'ASC' } } : {}),
        limit: Math.min(perPage, 1000),
        offset: (page - 1) * perPage,
      };
    };
    const recordResponse = ({ data }: any) => {
      if (!data.record) throw new HttpError('yizhan.errors.not_found', 404);
      return { data: spec.toRecord(withoutTypename(data.record)) };
    };

    if (spec.customList) {
      if (raFetchMethod !== GET_LIST) throw new Error(`${raFetchMethod} is not supported for ${resource}`);
      const { query, variables } = spec.customList(params);
      return { query: parse(query), variables, parseResponse: pageResponse };
    }
    if (raFetchMethod === GET_MANY && !spec.idsFilter && spec.one) {
      // No `ids` filter: one request with an aliased single-record query per id.
      const ids: string[] = params.ids.map(String);
      return {
        query: parse(
          `query (${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) {
            ${ids.map((_, i) => `r${i}: ${spec.one}(${idArg}: $id${i}) { ${spec.fields} }`).join('\n')}
          }`,
        ),
        variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
        parseResponse: ({ data }: any) => ({
          data: ids.map((_, i) => data[`r${i}`]).filter(Boolean).map((node: any) => spec.toRecord(withoutTypename(node))),
        }),
      };
    }

    switch (raFetchMethod) {
      case GET_LIST: {
        const selection = typeof params.meta?.selection === 'string' ? spec.selections?.[params.meta.selection] : undefined;
        return listQuery(listVariables(apiFilter(params.filter)), selection);
      }
      case GET_MANY_REFERENCE:
        return listQuery(listVariables(apiFilter({ ...params.filter, [params.target]: params.id })));
      case GET_MANY:
        if (!spec.idsFilter) break;
        return listQuery({ filter: { [spec.idsFilter]: params.ids }, limit: Math.max(1, params.ids.length), offset: 0 });
      case GET_ONE:
        if (!spec.one) break;
        return {
          query: parse(`query ($id: ID!) { record: ${spec.one}(${idArg}: $id) { ${detail} } }`),
          variables: { id: params.id },
          parseResponse: recordResponse,
        };
      case CREATE: {
        if (!spec.create) break;
        const { mutation, input, idempotent } = spec.create;
        return {
          query: parse(
            idempotent
              ? `mutation ($input: ${input}!, $idempotencyKey: String) { record: ${mutation}(input: $input, idempotencyKey: $idempotencyKey) { ${detail} } }`
              : `mutation ($input: ${input}!) { record: ${mutation}(input: $input) { ${detail} } }`,
          ),
          variables: {
            input: toInput(params.data, inputFieldsOf(introspection, input)),
            // A retry of this request is answered with the first result instead of a second record.
            ...(idempotent ? { idempotencyKey: newIdempotencyKey() } : {}),
          },
          parseResponse: recordResponse,
        };
      }
      case UPDATE: {
        if (!spec.update) break;
        const { mutation, input } = spec.update;
        const previous = params.previousData ?? {};
        return {
          query: parse(
            `mutation ($id: ID!, $version: Int!, $input: ${input}!) {
              record: ${mutation}(id: $id, version: $version, input: $input) { ${detail} }
            }`,
          ),
          // The version the user started editing from: the API answers CONFLICT if the record changed since.
          variables: {
            id: params.id,
            version: previous.version ?? params.data.version,
            input: toInput(params.data, inputFieldsOf(introspection, input), previous),
          },
          parseResponse: recordResponse,
        };
      }
      case DELETE:
        if (!spec.remove) break;
        return {
          query: parse(`mutation ($id: ID!) { record: ${spec.remove}(id: $id) { ${spec.fields} } }`),
          variables: { id: params.id },
          parseResponse: recordResponse,
        };
    }
    throw new Error(`${raFetchMethod} is not supported for ${resource}`);
  };

/**
 * The react-admin data provider for the resources of `providers` (their `crud` specs), through ra-data-graphql,
 * and the `GraphqlApi` their custom methods run on. Every error goes through `toDisplayError`.
 */
export const buildGraphqlDataProvider = (uri: string, providers: readonly ResourceProvider<any>[]): { dataProvider: DataProvider; api: GraphqlApi } => {
  const specs = Object.fromEntries(providers.filter((p) => p.crud).map((p) => [p.name, p.crud!]));
  const provider = buildGraphQLProvider({
    clientOptions: { uri },
    // Introspection tells which fields each filter and input type accepts.
    introspection: {},
    buildQuery: buildQueryFor(specs),
    // react-admin caches with react-query; Apollo's normalising cache would only hold stale copies.
    query: () => ({ fetchPolicy: 'no-cache' }),
    mutation: () => ({ fetchPolicy: 'no-cache' }),
  });

  const call = async (raFetchMethod: string, run: () => Promise<any>) => {
    try {
      return await run();
    } catch (error) {
      throw toDisplayError(error, raFetchMethod);
    }
  };
  const api: GraphqlApi = {
    request: <T,>(source: string, variables: Record<string, unknown>, raFetchMethod = GET_ONE): Promise<T> =>
      call(raFetchMethod, async () => {
        const document = parse(source);
        const result = source.trimStart().startsWith('mutation')
          ? await provider.client.mutate({ mutation: document, variables, fetchPolicy: 'no-cache' })
          : await provider.client.query({ query: document, variables, fetchPolicy: 'no-cache' });
        return withoutTypename(result.data) as T;
      }),
  };

  const dataProvider: DataProvider = {
    getList: (resource, params) => {
      const required = specs[resource]?.requiredFilter;
      if (required && isEmpty(params.filter?.[required])) return Promise.resolve({ data: [], total: 0 });
      return call(GET_LIST, () => provider.getList(resource, params));
    },
    getOne: (resource, params) => call(GET_ONE, () => provider.getOne(resource, params)),
    getMany: async (resource, params) => {
      if (params.ids.length === 0) return { data: [] };
      if (specs[resource]?.idsFilter) return call(GET_MANY, () => provider.getMany(resource, params));
      // Aliased single-record queries: at most ALIASES_PER_QUERY per request (the API allows 15 aliases).
      const chunks: (typeof params.ids)[] = [];
      for (let i = 0; i < params.ids.length; i += ALIASES_PER_QUERY) chunks.push(params.ids.slice(i, i + ALIASES_PER_QUERY));
      const pages = await Promise.all(chunks.map((ids) => call(GET_MANY, () => provider.getMany(resource, { ...params, ids }))));
      return { data: pages.flatMap((p) => p.data) };
    },
    getManyReference: (resource, params) => call(GET_MANY_REFERENCE, () => provider.getManyReference(resource, params)),
    create: (resource, params) => call(CREATE, () => provider.create(resource, params)),
    update: (resource, params) => call(UPDATE, () => provider.update(resource, params)),
    updateMany: () => Promise.reject(new Error('updateMany is not supported')),
    delete: (resource, params) => call(DELETE, () => provider.delete(resource, params)),
    // The API has no bulk delete: one mutation per record, stopping at the first error.
    deleteMany: async (resource, params) => {
      for (const id of params.ids) {
        await call(DELETE, () => provider.delete(resource, { id }));
      }
      return { data: params.ids };
    },
  };
  return { dataProvider, api };
};
