import { parse, type GraphQLFormattedError, type IntrospectionInputObjectType, type IntrospectionObjectType, type IntrospectionTypeRef } from 'graphql';
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
import type {
  ApiKey,
  CampaignFillRate,
  HoursTotal,
  LngLat,
  ServiceLog,
  ServicePointInput,
  Shift,
  ShiftAssignment,
  ShiftPatternInput,
  ShiftPlan,
  Station,
  SupplyItem,
  SupplyTally,
  TeamAssignmentResult,
  User,
  Volunteer,
} from './types';

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
  /**
   * Leaner selections a getList can ask for by name with `meta: { selection: name }`: a large page costs its
   * fields times its size in the API's rate budget (e.g. the station map's 1000 markers need 7 fields, not 33).
   */
  selections?: Record<string, string>;
  /** `idempotent`: the mutation takes an `idempotencyKey`; each create call sends a fresh one. */
  create?: { mutation: string; input: string; idempotent?: boolean };
  update?: { mutation: string; input: string };
  remove?: string;
  /**
   * The scheduling queries take flat arguments (`search`, `teamId`, `status`…) instead of a `filter` input:
   * react-admin filter name → argument name and GraphQL type (the introspected type wins). Lists are in the API's
   * order (no sort options).
   */
  listArgs?: Record<string, { arg: string; type: string }>;
  /** A list argument without which there is nothing to list (shifts belong to one campaign): the list is empty. */
  requiredListArg?: string;
  toRecord(node: any): RaRecord;
}

const STATION_FIELDS = `
  id kind name address regionCode region { code name }
  location(crs: WGS84) { lng lat }
  amenities openingHours timezone status labels gradeStars phone capacity
  hostOrganization { id } operatorOrganization { id }
  provenance { source sourceDatum verifiedFields inferredFields notes needsReview }
  viewerCanEdit createdAt updatedAt version`;

const ORGANIZATION_FIELDS = `id kind name parent { id } regionCode region { code name } createdAt updatedAt version`;

const USER_FIELDS = `id username displayName role organizations { id name } disabled mustChangePassword createdAt updatedAt lastLoginAt version`;

const API_KEY_FIELDS = `id name prefix scopes quotaPerMinute contact ownerOrganization { id } createdBy createdAt updatedAt lastUsedAt revokedAt version`;

const AUDIT_EVENT_FIELDS = `id at actorKind actorId actorLabel operation action entityType entityId changes { field before after } requestId`;

const apiKeyRecord = ({ ownerOrganization, ...key }: any): ApiKey => ({ ...key, ownerOrganizationId: ownerOrganization?.id ?? null });

const TEAM_FIELDS = `id name kind organization { id name } leader { id name } members { id name } memberCount contact regionCode createdAt updatedAt version`;

const VOLUNTEER_FIELDS = `id name phone skills isModelWorker teams { id name } createdAt updatedAt version`;

const CAMPAIGN_FIELDS = `id name kind startsAt endsAt timezone regionCode status goals { name unit target } description
  organizations { id name } teams { id name }
  stations { id name kind address status validFrom validUntil viewerCanEdit }
  supplyItems { id name unit } supplyTotals { item { id name unit } quantity } peopleServed
  createdAt updatedAt version`;

const SHIFT_CORE = `id startsAt endsAt role minVolunteers maxVolunteers capacity filledCount waitlistCount requiredSkills notes
  station { id name } createdAt updatedAt version`;

const SHIFT_FIELDS = `${SHIFT_CORE} campaign { id name timezone status }`;

const ASSIGNMENT_CORE = `id status seq checkedInAt checkedOutAt hoursCredited volunteer { id name phone } createdAt updatedAt version`;

const ASSIGNMENT_FIELDS = `${ASSIGNMENT_CORE}
  shift { id startsAt endsAt role station { id name } campaign { id name timezone } }`;

const idsOf = (list: { id: string }[] | null | undefined) => (list ?? []).map((x) => x.id);

const assignmentRecord = (a: any): ShiftAssignment => ({ ...a, shiftId: a.shift?.id, volunteerId: a.volunteer?.id });

const shiftRecord = (s: any): Shift => ({
  ...s,
  stationId: s.station?.id,
  campaignId: s.campaign?.id,
  ...(s.assignments ? { assignments: s.assignments.map((a: any) => ({ ...a, volunteerId: a.volunteer?.id })) } : {}),
});

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
    selections: { map: 'id name status location(crs: WGS84) { lng lat } provenance { needsReview }' },
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
  /** Volunteer teams by name (ADMIN; a COORDINATOR: the teams of their organizations). */
  volunteerTeams: {
    one: 'volunteerTeam',
    list: 'volunteerTeams',
    idArg: 'id',
    filterType: '',
    listArgs: { q: { arg: 'search', type: 'String' } },
    fields: TEAM_FIELDS,
    create: { mutation: 'createVolunteerTeam', input: 'VolunteerTeamInput' },
    update: { mutation: 'updateVolunteerTeam', input: 'VolunteerTeamInput' },
    toRecord: (team) => ({ ...team, organizationId: team.organization?.id ?? null, leaderId: team.leader?.id ?? null, memberIds: idsOf(team.members) }),
  },
  /** Volunteers by name; `phone` as the API returns it (masked unless the viewer coordinates one of their teams). */
  volunteers: {
    one: 'volunteer',
    list: 'volunteers',
    idArg: 'id',
    filterType: '',
    listArgs: { q: { arg: 'search', type: 'String' }, teamId: { arg: 'teamId', type: 'ID' } },
    fields: VOLUNTEER_FIELDS,
    create: { mutation: 'createVolunteer', input: 'VolunteerInput' },
    update: { mutation: 'updateVolunteer', input: 'VolunteerInput' },
    toRecord: (v): Volunteer => ({ ...v, teamIds: idsOf(v.teams) }),
  },
  /** Campaigns, newest first; an OPERATOR reads them all. */
  campaigns: {
    one: 'campaign',
    list: 'campaigns',
    idArg: 'id',
    filterType: '',
    listArgs: { status: { arg: 'status', type: 'CampaignStatus' } },
    fields: CAMPAIGN_FIELDS,
    create: { mutation: 'createCampaign', input: 'CampaignInput' },
    update: { mutation: 'updateCampaign', input: 'CampaignInput' },
    toRecord: (c) => ({ ...c, organizationIds: idsOf(c.organizations), teamIds: idsOf(c.teams), stationIds: idsOf(c.stations) }),
  },
  /** The shifts of one campaign by start (the API lists no shifts without a campaign). */
  shifts: {
    one: 'shift',
    list: 'shifts',
    idArg: 'id',
    filterType: '',
    listArgs: {
      campaignId: { arg: 'campaignId', type: 'ID!' },
      stationId: { arg: 'stationId', type: 'ID' },
      from: { arg: 'from', type: 'DateTime' },
      to: { arg: 'to', type: 'DateTime' },
    },
    requiredListArg: 'campaignId',
    fields: SHIFT_FIELDS,
    detailFields: `${SHIFT_CORE} campaign { id name timezone status teams { id name } } assignments { ${ASSIGNMENT_CORE} }`,
    create: { mutation: 'createShift', input: 'ShiftInput' },
    update: { mutation: 'updateShift', input: 'ShiftInput' },
    remove: 'deleteShift',
    toRecord: shiftRecord,
  },
  /** Sign-ups in arrival order; made from the campaign calendar (signUpForShift), changed by their own mutations. */
  shiftAssignments: {
    one: '',
    list: 'shiftAssignments',
    idArg: 'id',
    filterType: '',
    listArgs: {
      campaignId: { arg: 'campaignId', type: 'ID' },
      shiftId: { arg: 'shiftId', type: 'ID' },
      volunteerId: { arg: 'volunteerId', type: 'ID' },
      status: { arg: 'status', type: 'AssignmentStatus' },
    },
    fields: ASSIGNMENT_FIELDS,
    toRecord: assignmentRecord,
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

/** getMany without an `ids` filter asks for records by aliases; the API refuses more than 15 in one operation. */
const ALIASES_PER_QUERY = 10;

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

const typeRefString = (ref: IntrospectionTypeRef): string =>
  ref.kind === 'NON_NULL' ? `${typeRefString(ref.ofType)}!` : ref.kind === 'LIST' ? `[${typeRefString(ref.ofType)}]` : ref.name;

/** The declared type of a query's argument (e.g. `ID!` for shifts' campaignId), from introspection. */
const queryArgType = (introspection: IntrospectionResult | undefined, field: string, arg: string): string | undefined => {
  const queryType = introspection?.schema.types.find((t) => t.name === (introspection.schema.queryType?.name ?? 'Query')) as IntrospectionObjectType | undefined;
  const found = queryType?.fields.find((f) => f.name === field)?.args.find((a) => a.name === arg);
  return found ? typeRefString(found.type) : undefined;
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

  const listQuery = (variables: Record<string, unknown>, fields = spec.fields) => ({
    query: parse(
      `query ($filter: ${spec.filterType}${spec.orderType ? `, $orderBy: ${spec.orderType}` : ''}, $limit: Int!, $offset: Int!) {
        page: ${spec.list}(filter: $filter${spec.orderType ? ', orderBy: $orderBy' : ''}, limit: $limit, offset: $offset) {
          nodes { ${fields} } totalCount
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

  if (spec.listArgs && (raFetchMethod === GET_LIST || raFetchMethod === GET_MANY_REFERENCE)) {
    const filter = raFetchMethod === GET_MANY_REFERENCE ? { ...params.filter, [params.target]: params.id } : (params.filter ?? {});
    const args = Object.entries(spec.listArgs).filter(([name]) => !isEmpty(typeof filter[name] === 'string' ? filter[name].trim() : filter[name]));
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const defs = args.map(([, { arg, type }]) => `, $${arg}: ${queryArgType(introspection, spec.list, arg) ?? type}`).join('');
    const uses = args.map(([, { arg }]) => `${arg}: $${arg}, `).join('');
    return {
      query: parse(
        `query ($limit: Int!, $offset: Int!${defs}) {
          page: ${spec.list}(${uses}limit: $limit, offset: $offset) { nodes { ${spec.fields} } totalCount }
        }`,
      ),
      variables: {
        limit: Math.min(perPage, 1000),
        offset: (page - 1) * perPage,
        ...Object.fromEntries(args.map(([name, { arg }]) => [arg, typeof filter[name] === 'string' ? filter[name].trim() : filter[name]])),
      },
      parseResponse: ({ data }: any) => ({ data: withoutTypename(data.page.nodes).map(spec.toRecord), total: data.page.totalCount }),
    };
  }
  if (raFetchMethod === GET_MANY && !spec.idsFilter && spec.one) {
    // No `ids` filter: one request with an aliased single-record query per id.
    const ids: string[] = params.ids.map(String);
    return {
      query: parse(
        `query (${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) {
          ${ids.map((_, i) => `r${i}: ${spec.one}(${spec.idArg}: $id${i}) { ${spec.fields} }`).join('\n')}
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
      return listQuery(listVariables(toApiFilter(params.filter, filterFields)), selection);
    }
    case GET_MANY_REFERENCE:
      return listQuery(listVariables(toApiFilter({ ...params.filter, [params.target]: params.id }, filterFields)));
    case GET_MANY:
      if (!spec.idsFilter) break;
      return listQuery({ filter: { [spec.idsFilter]: params.ids }, limit: Math.max(1, params.ids.length), offset: 0 });
    case GET_ONE:
      if (!spec.one) break;
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

  // ---- Scheduling ----
  /** ADMIN, COORDINATOR: every shift with its fill state (understaffed first) and per-point coverage by day. */
  getCampaignFillRate(campaignId: string): Promise<CampaignFillRate>;
  /** Volunteers of any of `teamIds` (all the viewer may see when none) whose name contains `search`. */
  searchVolunteers(params: { teamIds: string[]; search?: string; limit?: number }): Promise<Volunteer[]>;
  /** Signs a volunteer up; a full shift waitlists (status WAITLISTED). */
  signUpForShift(shiftId: string, volunteerId: string, allowWaitlist?: boolean): Promise<ShiftAssignment>;
  /** Assignment transitions: cancel, check in/out (now), confirm, no-show, approve hours. */
  assignmentAction(action: AssignmentAction, id: string, hours?: number): Promise<ShiftAssignment>;
  /** Expands a daily pattern into shifts; `save: false` previews. */
  planShifts(input: ShiftPatternInput, save: boolean): Promise<ShiftPlan>;
  /** Signs every member of a team up for every shift, all or nothing; `dryRun` only checks. */
  assignTeamToShifts(teamId: string, shiftIds: string[], dryRun: boolean): Promise<TeamAssignmentResult>;
  /** The 优秀志愿者 list: hours per volunteer, most first. */
  volunteerHours(params: { campaignId?: string; teamId?: string; limit?: number }): Promise<HoursTotal[]>;
  /** Hours per team, most first. */
  teamHours(campaignId?: string): Promise<HoursTotal[]>;
  /** Creates a temporary SERVICE_POINT station for a campaign and links it. */
  addServicePoint(input: ServicePointInput): Promise<Station>;
  /** A supply of a campaign, e.g. 矿泉水 (瓶). */
  createSupplyItem(campaignId: string, name: string, unit: string): Promise<SupplyItem>;
  /** Supplies handed out at a station on a local day (added to what was recorded before). */
  recordSupplies(params: { stationId: string; day: string; items: { itemId: string; quantity: number }[]; shiftId?: string | null }): Promise<SupplyTally[]>;
  /** People served at a station on a local day (replaces that day's entry). */
  recordServiceLog(params: { stationId: string; day: string; peopleServed: number; campaignId?: string | null }): Promise<ServiceLog>;
  serviceLogs(stationId: string, from: string, to: string): Promise<ServiceLog[]>;
  supplyTallies(stationId: string, from: string, to: string): Promise<SupplyTally[]>;
  /** A new secret iCalendar URL (path) for a team or a volunteer; the old one stops working. */
  rotateCalendar(kind: 'team' | 'volunteer', id: string): Promise<string>;
}

export type AssignmentAction = 'cancel' | 'checkIn' | 'checkOut' | 'confirm' | 'noShow' | 'approveHours';

const ASSIGNMENT_MUTATIONS: Record<AssignmentAction, string> = {
  cancel: 'mutation ($id: ID!) { record: cancelShiftAssignment(id: $id) { FIELDS } }',
  checkIn: 'mutation ($id: ID!) { record: checkIn(assignmentId: $id) { FIELDS } }',
  checkOut: 'mutation ($id: ID!) { record: checkOut(assignmentId: $id) { FIELDS } }',
  confirm: 'mutation ($id: ID!) { record: confirmShiftAssignment(id: $id) { FIELDS } }',
  noShow: 'mutation ($id: ID!) { record: markNoShow(id: $id) { FIELDS } }',
  approveHours: 'mutation ($id: ID!, $hours: Float!) { record: approveHours(id: $id, hours: $hours) { FIELDS } }',
};

/** Not a react-admin CRUD call: a CONFLICT shows the API's own message (e.g. "the shift is full"). */
const ACTION = 'ACTION';

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
    getList: (resource, params) => {
      const required = RESOURCES[resource]?.requiredListArg;
      if (required && isEmpty(params.filter?.[required])) return Promise.resolve({ data: [], total: 0 });
      return call(GET_LIST, () => provider.getList(resource, params));
    },
    getOne: (resource, params) => call(GET_ONE, () => provider.getOne(resource, params)),
    getMany: async (resource, params) => {
      if (params.ids.length === 0) return { data: [] };
      if (RESOURCES[resource]?.idsFilter) return call(GET_MANY, () => provider.getMany(resource, params));
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

    getCampaignFillRate: (campaignId) =>
      request<{ fill: CampaignFillRate }>(
        `query ($campaignId: ID!) {
          fill: campaignFillRate(campaignId: $campaignId) {
            shifts { shift { ${SHIFT_CORE} } stationName filled capacity minimum isNight understaffed }
            coverage { stationId stationName date shifts filled capacity minimum understaffedShifts }
            totalFilled totalCapacity
          }
        }`,
        { campaignId },
      ).then((d) => ({ ...d.fill, shifts: d.fill.shifts.map((f) => ({ ...f, shift: { ...f.shift, stationId: f.shift.station.id } })) })),
    searchVolunteers: async ({ teamIds, search, limit = 20 }) => {
      const query = `query ($teamId: ID, $search: String, $limit: Int!) { page: volunteers(teamId: $teamId, search: $search, limit: $limit) { nodes { ${VOLUNTEER_FIELDS} } } }`;
      const term = search?.trim() || null;
      const pages = await Promise.all(
        (teamIds.length ? teamIds : [null]).map((teamId) => request<{ page: { nodes: any[] } }>(query, { teamId, search: term, limit })),
      );
      const byId = new Map<string, Volunteer>();
      for (const page of pages) for (const v of page.page.nodes) byId.set(v.id, RESOURCES.volunteers.toRecord(v) as Volunteer);
      return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    },
    signUpForShift: (shiftId, volunteerId, allowWaitlist = true) =>
      request<{ record: any }>(
        `mutation ($shiftId: ID!, $volunteerId: ID!, $allowWaitlist: Boolean!) {
          record: signUpForShift(shiftId: $shiftId, volunteerId: $volunteerId, allowWaitlist: $allowWaitlist) { ${ASSIGNMENT_FIELDS} }
        }`,
        { shiftId, volunteerId, allowWaitlist },
        ACTION,
      ).then((d) => assignmentRecord(d.record)),
    assignmentAction: (action, id, hours) =>
      request<{ record: any }>(ASSIGNMENT_MUTATIONS[action].replace('FIELDS', ASSIGNMENT_FIELDS), action === 'approveHours' ? { id, hours } : { id }, ACTION).then(
        (d) => assignmentRecord(d.record),
      ),
    planShifts: (input, save) =>
      request<{ plan: ShiftPlan }>(
        `mutation ($input: ShiftPatternInput!, $save: Boolean!) {
          plan: planShifts(input: $input, save: $save) { shifts { stationId startsAt endsAt role minVolunteers maxVolunteers existing } created }
        }`,
        { input, save },
        ACTION,
      ).then((d) => d.plan),
    assignTeamToShifts: (teamId, shiftIds, dryRun) =>
      request<{ result: any }>(
        `mutation ($teamId: ID!, $shiftIds: [ID!]!, $dryRun: Boolean!) {
          result: assignTeamToShifts(teamId: $teamId, shiftIds: $shiftIds, dryRun: $dryRun) {
            ok conflicts { shiftId volunteerId reason } assignments { id status shift { id } volunteer { id } }
          }
        }`,
        { teamId, shiftIds, dryRun },
        ACTION,
      ).then(({ result }) => ({
        ok: result.ok,
        conflicts: result.conflicts,
        assignments: result.assignments.map((a: any) => ({ id: a.id, status: a.status, shiftId: a.shift.id, volunteerId: a.volunteer.id })),
      })),
    volunteerHours: ({ campaignId, teamId, limit = 50 }) =>
      request<{ rows: HoursTotal[] }>(
        `query ($campaignId: ID, $teamId: ID, $limit: Int!) { rows: volunteerHours(campaignId: $campaignId, teamId: $teamId, limit: $limit) { id name hours completedShifts } }`,
        { campaignId: campaignId ?? null, teamId: teamId ?? null, limit },
      ).then((d) => d.rows),
    teamHours: (campaignId) =>
      request<{ rows: HoursTotal[] }>(`query ($campaignId: ID) { rows: teamHours(campaignId: $campaignId) { id name hours completedShifts } }`, {
        campaignId: campaignId ?? null,
      }).then((d) => d.rows),
    addServicePoint: ({ location, ...input }) =>
      request<{ record: any }>(
        `mutation ($input: ServicePointInput!) { record: addServicePoint(input: $input) { ${STATION_FIELDS} } }`,
        {
          input: {
            ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== '')),
            location: { lng: Number(location.lng), lat: Number(location.lat), crs: 'WGS84' },
          },
        },
        CREATE,
      ).then((d) => RESOURCES.stations.toRecord(d.record) as Station),
    createSupplyItem: (campaignId, name, unit) =>
      request<{ item: SupplyItem }>(
        `mutation ($campaignId: ID!, $name: String!, $unit: String!) { item: createSupplyItem(campaignId: $campaignId, name: $name, unit: $unit) { id name unit } }`,
        { campaignId, name, unit },
        ACTION,
      ).then((d) => d.item),
    recordSupplies: ({ stationId, day, items, shiftId }) =>
      request<{ rows: SupplyTally[] }>(
        `mutation ($stationId: ID!, $day: String!, $items: [SupplyQuantityInput!]!, $shiftId: ID) {
          rows: recordSupplies(stationId: $stationId, day: $day, items: $items, shiftId: $shiftId) { id day quantity item { id name unit } createdAt }
        }`,
        { stationId, day, items, shiftId: shiftId ?? null },
        ACTION,
      ).then((d) => d.rows),
    recordServiceLog: ({ stationId, day, peopleServed, campaignId }) =>
      request<{ log: ServiceLog }>(
        `mutation ($stationId: ID!, $day: String!, $peopleServed: Int!, $campaignId: ID) {
          log: recordServiceLog(stationId: $stationId, day: $day, peopleServed: $peopleServed, campaignId: $campaignId) { id day peopleServed createdAt updatedAt version }
        }`,
        { stationId, day, peopleServed, campaignId: campaignId ?? null },
        ACTION,
      ).then((d) => d.log),
    serviceLogs: (stationId, from, to) =>
      request<{ rows: ServiceLog[] }>(
        `query ($stationId: ID!, $from: String!, $to: String!) { rows: serviceLogs(stationId: $stationId, from: $from, to: $to) { id day peopleServed createdAt updatedAt version } }`,
        { stationId, from, to },
      ).then((d) => d.rows),
    supplyTallies: (stationId, from, to) =>
      request<{ rows: SupplyTally[] }>(
        `query ($stationId: ID!, $from: String!, $to: String!) { rows: supplyTallies(stationId: $stationId, from: $from, to: $to) { id day quantity item { id name unit } createdAt } }`,
        { stationId, from, to },
      ).then((d) => d.rows),
    rotateCalendar: (kind, id) =>
      request<{ feed: { path: string } }>(
        kind === 'team'
          ? 'mutation ($id: ID!) { feed: rotateTeamCalendar(teamId: $id) { path } }'
          : 'mutation ($id: ID!) { feed: rotateVolunteerCalendar(volunteerId: $id) { path } }',
        { id },
        ACTION,
      ).then((d) => d.feed.path),
  };
};

export const dataProvider = buildDataProvider();
