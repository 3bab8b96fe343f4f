import { CREATE, UPDATE } from 'react-admin';
import { defineResource, newIdempotencyKey } from '../common/graphqlProvider';
import type { ApiKey } from '../records';

const API_KEY_FIELDS = `id name prefix scopes quotaPerMinute contact ownerOrganization { id } createdBy createdAt updatedAt lastUsedAt revokedAt version`;

const apiKeyRecord = ({ ownerOrganization, ...key }: any): ApiKey => ({ ...key, ownerOrganizationId: ownerOrganization?.id ?? null });

export interface ApiKeyInput {
  name: string;
  contact?: string | null;
  ownerOrganizationId?: string | null;
  quotaPerMinute?: number | null;
  scopes?: string[];
}

/** API keys, newest first; the API has no sort options and lists them through `apiKeys(includeRevoked)`. */
export const apiKeysProvider = defineResource({
  name: 'apiKeys',
  crud: {
    one: 'apiKey',
    list: 'apiKeys',
    filterType: '',
    fields: API_KEY_FIELDS,
    customList: (params) => {
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      return {
        query: `query ($includeRevoked: Boolean!, $limit: Int!, $offset: Int!) {
          page: apiKeys(includeRevoked: $includeRevoked, limit: $limit, offset: $offset) { nodes { ${API_KEY_FIELDS} } totalCount }
        }`,
        variables: { includeRevoked: params.filter?.includeRevoked === true, limit: perPage, offset: (page - 1) * perPage },
      };
    },
    toRecord: apiKeyRecord,
  },
  methods: (api) => ({
    /** ADMIN: creates an API key; `secret` is the full key, returned only this once (null on an idempotent replay). */
    createApiKey: (input: ApiKeyInput): Promise<{ apiKey: ApiKey; secret: string | null }> =>
      api
        .request<{ created: { apiKey: any; secret: string | null } }>(
          `mutation ($input: ApiKeyCreateInput!, $idempotencyKey: String) {
            created: createApiKey(input: $input, idempotencyKey: $idempotencyKey) { apiKey { ${API_KEY_FIELDS} } secret }
          }`,
          {
            input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== '')),
            idempotencyKey: newIdempotencyKey(),
          },
          CREATE,
        )
        .then((d) => ({ apiKey: apiKeyRecord(d.created.apiKey), secret: d.created.secret })),
    /** ADMIN: revokes an API key at once. */
    revokeApiKey: (id: string): Promise<{ data: ApiKey }> =>
      api.request<{ record: any }>(`mutation ($id: ID!) { record: revokeApiKey(id: $id) { ${API_KEY_FIELDS} } }`, { id }, UPDATE).then((d) => ({ data: apiKeyRecord(d.record) })),
  }),
});
