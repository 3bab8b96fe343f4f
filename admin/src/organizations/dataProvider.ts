import { defineResource } from '../common/graphqlProvider';

const ORGANIZATION_FIELDS = `id kind name parent { id } regionCode region { code name } createdAt updatedAt version`;

export const organizationsProvider = defineResource({
  name: 'organizations',
  crud: {
    one: 'organization',
    list: 'organizations',
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
});
