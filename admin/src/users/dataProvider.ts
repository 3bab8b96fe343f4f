import { UPDATE } from 'react-admin';
import { defineResource } from '../common/graphqlProvider';
import type { User } from '../records';

const USER_FIELDS = `id username displayName role organizations { id name } disabled mustChangePassword createdAt updatedAt lastLoginAt version`;

const userRecord = (user: any): User => ({ ...user, organizationIds: (user.organizations ?? []).map((o: { id: string }) => o.id) });

/** Staff accounts (ADMIN). The API's UserFilter has no ids: getMany asks by aliases. */
export const usersProvider = defineResource({
  name: 'users',
  crud: {
    one: 'user',
    list: 'users',
    filterType: 'UserFilter',
    fields: USER_FIELDS,
    create: { mutation: 'createUser', input: 'UserCreateInput', idempotent: true },
    update: { mutation: 'updateUser', input: 'UserUpdateInput' },
    toRecord: userRecord,
  },
  methods: (api) => ({
    /** ADMIN: sets a one-time password; the user must change it at next sign-in. */
    resetUserPassword: (id: string, password: string): Promise<{ data: User }> =>
      api
        .request<{ record: any }>(`mutation ($id: ID!, $password: String!) { record: resetUserPassword(id: $id, password: $password) { ${USER_FIELDS} } }`, { id, password }, UPDATE)
        .then((d) => ({ data: userRecord(d.record) })),
  }),
});
