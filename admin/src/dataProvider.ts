import { parse, type GraphQLFormattedError, type IntrospectionInputObjectType } from 'graphql';
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
  type RaRecord,
} from 'react-admin';
import type { ApiKey, LngLat, Station, User } from './types';

/** How one react-admin resource maps onto the Yizhan GraphQL API. */
interface ResourceSpec {
  one: string;
  list: string;
  /** Argument name of the single-record query (`id`, or `code` for regions). */
  idArg: string;
  filterType: string;
  /** Filter field that selects records by id (`ids`, or `codes` for regions); none: getMany is not supported. */
  idsFilter?: string;
  orderType?: string;
  /** react-admin sort field → the API's order enum value; other fields fall back to the API default. */
  orderFields?: Record<string, string>;
  fields: string;
  /** Selection for getOne/create/update, when it needs more than the list. */
  detailFields?: string;
  /** `idempotent`: the mutation takes an `idempotencyKey`; each create call sends a fresh one. */
  create?: { mutation: string; input: string; idempotent?: boolean };
  update?: { mutation: string; input: string };
  remove?: string;
  toRecord(node: any): RaRecord;
}

const STATION_FIELDS = `
  id kind name address regionCode region { code name }
  location(crs: WGS84) { lng lat }
  amenities openingHours timezone status phone capacity
  hostOrganization { id } operatorOrganization { id }
  provenance { source sourceDatum verifiedFields inferredFields notes needsReview }
  viewerCanEdit createdAt updatedAt version`;

const ORGANIZATION_FIELDS = `id kind name parent { id } regionCode region { code name } createdAt updatedAt version`;

const USER_FIELDS = `id username displayName role organizations { id name } disabled mustChangePassword createdAt updatedAt lastLoginAt version`;

const API_KEY_FIELDS = `id name prefix scopes quotaPerMinute contact ownerOrganization { id } createdBy createdAt updatedAt lastUsedAt revokedAt version`;

const AUDIT_EVENT_FIELDS = `id at actorKind actorId actorLabel operation action entityType entityId changes { field before after } requestId`;

const apiKeyRecord = ({ ownerOrganization, ...key }: any): ApiKey => ({ ...key, ownerOrganizationId: ownerOrganization?.id ?? null });

const RESOURCES: Record<string, ResourceSpec> = {
  stations: {
    one: 'station',
    list: 'stations',
    idArg: 'id',
    filterType: 'StationFilter',
    idsFilter: 'ids',
    orderType: 'StationOrder',
    orderFields: {
      name: 'NAME',
      kind: 'KIND',
      status: 'STATUS',
      regionCode: 'REGION_CODE',
      'region.name': 'REGION_CODE',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    fields: STATION_FIELDS,
    detailFields: `${STATION_FIELDS} sourceKey isOpen
      gcj02: location(crs: GCJ02) { lng lat }
      bd09: location(crs: BD09) { lng lat }`,
    create: { mutation: 'createStation', input: 'StationCreateInput', idempotent: true },
    update: { mutation: 'updateStation', input: 'StationUpdateInput' },
    remove: 'deleteStation',
    toRecord: ({ hostOrganization, operatorOrganization, ...station }) => ({
      ...station,
      hostOrganizationId: hostOrganization?.id ?? null,
      operatorOrganizationId: operatorOrganization?.id ?? null,
    }),
  },
  organizations: {
    one: 'organization',
    list: 'organizations',
    idArg: 'id',
    filterType: 'OrganizationFilter',
    idsFilter: 'ids',
    orderType: 'OrganizationOrder',
    orderFields: {
      name: 'NAME',
      kind: 'KIND',
      regionCode: 'REGION_CODE',
      'region.name': 'REGION_CODE',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    fields: ORGANIZATION_FIELDS,
    create: { mutation: 'createOrganization', input: 'OrganizationCreateInput', idempotent: true },
    update: { mutation: 'updateOrganization', input: 'OrganizationUpdateInput' },
    remove: 'deleteOrganization',
    toRecord: ({ parent, ...organization }) => ({ ...organization, parentId: parent?.id ?? null }),
  },
  regions: {
    one: 'region',
    list: 'regions',
    idArg: 'code',
    filterType: 'RegionFilter',
    idsFilter: 'codes',
    fields: 'code name level parentCode',
    toRecord: (region) => ({ ...region, id: region.code }),
  },
  users: {
    one: 'user',
    list: 'users',
    idArg: 'id',
    filterType: 'UserFilter',
    fields: USER_FIELDS,
    create: { mutation: 'createUser', input: 'UserCreateInput', idempotent: true },
    update: { mutation: 'updateUser', input: 'UserUpdateInput' },
    toRecord: (user): User => ({ ...user, organizationIds: (user.organizations ?? []).map((o: { id: string }) => o.id) }),
  },
  /** Newest first; the API has no sort options. Listed through `apiKeys(includeRevoked)`, see buildQuery. */
  apiKeys: {
    one: 'apiKey',
    list: 'apiKeys',
    idArg: 'id',
    filterType: '',
    fields: API_KEY_FIELDS,
    toRecord: apiKeyRecord,
  },
  /** The audit log, newest first; filtered by entityType, entityId and actorId. */
  auditEvents: {
    one: 'auditEvent',
    list: 'auditEvents',
    idArg: 'id',
    filterType: 'AuditEventFilter',
    fields: AUDIT_EVENT_FIELDS,
    toRecord: (event) => event,
  },
};

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

const specOf = (resource: string): ResourceSpec => {
  const spec = RESOURCES[resource];
  if (!spec) throw new Error(`Unknown resource ${resource}`);
  return spec;
};

/** Apollo adds `__typename` everywhere; records and form values are cleaner without it. */
const withoutTypename = (value: any): any => {
  if (Array.isArray(value)) return value.map(withoutTypename);
  if (value && typeof value === 'object') {
    const { __typename, ...rest } = value;
    return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withoutTypename(v)]));
  }
  return value;
};

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

const buildQuery: BuildQueryFactory = (introspection) => (raFetchMethod, resource, params) => {
  const spec = specOf(resource);
  const filterFields = inputFieldsOf(introspection, spec.filterType);
  const detail = spec.detailFields ?? spec.fields;

  const listQuery = (variables: Record<string, unknown>) => ({
    query: parse(
      `query ($filter: ${spec.filterType}${spec.orderType ? `, $orderBy: ${spec.orderType}` : ''}, $limit: Int!, $offset: Int!) {
        page: ${spec.list}(filter: $filter${spec.orderType ? ', orderBy: $orderBy' : ''}, limit: $limit, offset: $offset) {
          nodes { ${spec.fields} } totalCount
        }
      }`,
    ),
    variables,
    parseResponse: ({ data }: any) => ({
      data: withoutTypename(data.page.nodes).map(spec.toRecord),
      total: data.page.totalCount,
    }),
  });
  const listVariables = (filter: Record<string, unknown>) => {
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const order = spec.orderFields?.[params.sort?.field];
    return {
      filter,
      ...(spec.orderType && order ? { orderBy: { field: order, direction: params.sort.order === 'DESC' ? 'DESC' : 'ASC' } } : {}),
      limit: perPage,
      offset: (page - 1) * perPage,
    };
  };
  const recordResponse = ({ data }: any) => {
    if (!data.record) throw new HttpError('yizhan.errors.not_found', 404);
    return { data: spec.toRecord(withoutTypename(data.record)) };
  };

  if (resource === 'apiKeys') {
    if (raFetchMethod !== GET_LIST) throw new Error(`${raFetchMethod} is not supported for ${resource}`);
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    return {
      query: parse(
        `query ($includeRevoked: Boolean!, $limit: Int!, $offset: Int!) {
          page: apiKeys(includeRevoked: $includeRevoked, limit: $limit, offset: $offset) { nodes { ${spec.fields} } totalCount }
        }`,
      ),
      variables: { includeRevoked: params.filter?.includeRevoked === true, limit: perPage, offset: (page - 1) * perPage },
      parseResponse: ({ data }: any) => ({ data: withoutTypename(data.page.nodes).map(spec.toRecord), total: data.page.totalCount }),
    };
  }

  switch (raFetchMethod) {
    case GET_LIST:
      return listQuery(listVariables(toApiFilter(params.filter, filterFields)));
    case GET_MANY_REFERENCE:
      return listQuery(listVariables(toApiFilter({ ...params.filter, [params.target]: params.id }, filterFields)));
    case GET_MANY:
      if (!spec.idsFilter) break;
      return listQuery({ filter: { [spec.idsFilter]: params.ids }, limit: Math.max(1, params.ids.length), offset: 0 });
    case GET_ONE:
      return {
        query: parse(`query ($id: ID!) { record: ${spec.one}(${spec.idArg}: $id) { ${detail} } }`),
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

type WithErrors = { graphQLErrors?: GraphQLFormattedError[]; networkError?: { statusCode?: number; message?: string; result?: unknown } | null };

/** The ApolloError, bare or as the body of ra-data-graphql's HttpError. */
const apolloErrorOf = (error: unknown) => ((error as { body?: WithErrors })?.body ?? error) as WithErrors | undefined;

/**
 * The first GraphQL error of an ApolloError, or of the GraphQL-shaped body of an HTTP error (the API answers a
 * bad credential with 401 and `{ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] }`).
 */
const graphQLErrorOf = (error: unknown): GraphQLFormattedError | undefined => {
  const apolloError = apolloErrorOf(error);
  const result = apolloError?.networkError?.result as { errors?: GraphQLFormattedError[] } | undefined;
  return apolloError?.graphQLErrors?.[0] ?? result?.errors?.[0];
};

/** The GraphQL error code of an error the data provider threw (after toDisplayError), if any. */
export const errorCodeOf = (error: unknown): string | undefined => {
  const body = (error as { body?: { code?: unknown } })?.body;
  if (typeof body?.code === 'string') return body.code;
  const code = graphQLErrorOf(error)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Turns an API error (`extensions.code`) into what react-admin shows: a translated notification,
 * and for BAD_USER_INPUT on a form field, `body.errors` so the message appears under that input
 * (react-admin's server-side validation, pessimistic mode).
 */
export const toDisplayError = (error: unknown, raFetchMethod: string): unknown => {
  const gqlError = graphQLErrorOf(error);
  if (!gqlError) {
    const status = apolloErrorOf(error)?.networkError?.statusCode;
    return status && !(error instanceof HttpError) ? new HttpError((error as Error).message, status) : error;
  }
  const code = gqlError.extensions?.code;
  const field = typeof gqlError.extensions?.field === 'string' ? gqlError.extensions.field : undefined;
  switch (code) {
    case 'UNAUTHENTICATED':
      return new HttpError('yizhan.errors.unauthenticated', 401, { code, message: gqlError.message });
    case 'FORBIDDEN':
      return new HttpError('yizhan.errors.forbidden', 403, { code, message: gqlError.message });
    case 'RATE_LIMITED':
      return new HttpError('yizhan.errors.rate_limited', 429, { code, message: gqlError.message, retryAfterSeconds: gqlError.extensions?.retryAfterSeconds });
    case 'CONFLICT':
      // A create that collides with an existing record names the input field (e.g. a taken username).
      if (raFetchMethod === CREATE && field?.startsWith('input.')) {
        const formField = field.split('.')[1];
        return new HttpError('yizhan.errors.taken', 409, { code, field, message: gqlError.message, errors: { [formField]: 'yizhan.errors.taken' } });
      }
      return new HttpError(
        raFetchMethod === DELETE ? 'yizhan.errors.conflict_delete' : raFetchMethod === UPDATE ? 'yizhan.errors.conflict_update' : gqlError.message,
        409,
        { code, message: gqlError.message },
      );
    case 'NOT_FOUND':
      return new HttpError('yizhan.errors.not_found', 404, { code, message: gqlError.message });
    case 'BAD_USER_INPUT': {
      const [root, formField] = field?.split('.') ?? [];
      const detail = field && gqlError.message.startsWith(`${field}: `) ? gqlError.message.slice(field.length + 2) : gqlError.message;
      // Forms edit top-level fields (location is one input), so `input.location.lat` belongs to `location`.
      const errors = root === 'input' && formField ? { [formField]: detail, root: { serverError: gqlError.message } } : undefined;
      return new HttpError(gqlError.message, 400, { code, field, errors });
    }
    default:
      return new HttpError(gqlError.message, 500, { code });
  }
};

export interface OpeningHoursCheck {
  valid: boolean;
  error: string | null;
  isOpen: boolean | null;
}

export interface YizhanDataProvider extends DataProvider {
  /** Settings the server gives the admin (e.g. an online map style). */
  getAppConfig(): Promise<{ mapStyleUrl: string | null }>;
  /** Validates an OSM opening_hours value and tells whether it is open now in `timezone`. */
  checkOpeningHours(openingHours: string, timezone?: string | null): Promise<OpeningHoursCheck>;
  /** Sets a station's status to RETIRED; CONFLICT when `version` is stale. */
  retireStation(id: string, version: number): Promise<{ data: Station }>;
  /** ADMIN: creates an API key; `secret` is the full key, returned only this once (null on an idempotent replay). */
  createApiKey(input: ApiKeyInput): Promise<{ apiKey: ApiKey; secret: string | null }>;
  /** ADMIN: revokes an API key at once. */
  revokeApiKey(id: string): Promise<{ data: ApiKey }>;
  /** ADMIN: sets a one-time password; the user must change it at next sign-in. */
  resetUserPassword(id: string, password: string): Promise<{ data: User }>;
}

export interface ApiKeyInput {
  name: string;
  contact?: string | null;
  ownerOrganizationId?: string | null;
  quotaPerMinute?: number | null;
  scopes?: string[];
}

export const buildDataProvider = (uri = '/graphql'): YizhanDataProvider => {
  const provider = buildGraphQLProvider({
    clientOptions: { uri },
    // Introspection tells which fields each filter and input type accepts.
    introspection: {},
    buildQuery,
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
  const request = <T,>(source: string, variables: Record<string, unknown>, raFetchMethod = GET_ONE): Promise<T> =>
    call(raFetchMethod, async () => {
      const document = parse(source);
      const result = source.trimStart().startsWith('mutation')
        ? await provider.client.mutate({ mutation: document, variables, fetchPolicy: 'no-cache' })
        : await provider.client.query({ query: document, variables, fetchPolicy: 'no-cache' });
      return withoutTypename(result.data) as T;
    });

  return {
    getList: (resource, params) => call(GET_LIST, () => provider.getList(resource, params)),
    getOne: (resource, params) => call(GET_ONE, () => provider.getOne(resource, params)),
    getMany: (resource, params) => call(GET_MANY, () => provider.getMany(resource, params)),
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
    getAppConfig: () => request<{ appConfig: { mapStyleUrl: string | null } }>('query { appConfig { mapStyleUrl } }', {}).then((d) => d.appConfig),
    checkOpeningHours: (openingHours, timezone) =>
      request<{ check: OpeningHoursCheck }>(
        'query ($openingHours: String!, $timezone: String) { check: openingHoursCheck(openingHours: $openingHours, timezone: $timezone) { valid error isOpen } }',
        { openingHours, timezone: timezone || null },
      ).then((d) => d.check),
    retireStation: (id, version) =>
      request<{ record: any }>(
        `mutation ($id: ID!, $version: Int!) { record: retireStation(id: $id, version: $version) { ${RESOURCES.stations.fields} } }`,
        { id, version },
        UPDATE,
      ).then((d) => ({ data: RESOURCES.stations.toRecord(d.record) as Station })),
    createApiKey: (input) =>
      request<{ created: { apiKey: any; secret: string | null } }>(
        `mutation ($input: ApiKeyCreateInput!, $idempotencyKey: String) {
          created: createApiKey(input: $input, idempotencyKey: $idempotencyKey) { apiKey { ${API_KEY_FIELDS} } secret }
        }`,
        {
          input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== '')),
          idempotencyKey: newIdempotencyKey(),
        },
        CREATE,
      ).then((d) => ({ apiKey: apiKeyRecord(d.created.apiKey), secret: d.created.secret })),
    revokeApiKey: (id) =>
      request<{ record: any }>(`mutation ($id: ID!) { record: revokeApiKey(id: $id) { ${API_KEY_FIELDS} } }`, { id }, UPDATE).then((d) => ({
        data: apiKeyRecord(d.record),
      })),
    resetUserPassword: (id, password) =>
      request<{ record: any }>(`mutation ($id: ID!, $password: String!) { record: resetUserPassword(id: $id, password: $password) { ${USER_FIELDS} } }`, { id, password }, UPDATE).then(
        (d) => ({ data: RESOURCES.users.toRecord(d.record) as User }),
      ),
  };
};

export const dataProvider = buildDataProvider();
