import { defineResource } from '../common/graphqlProvider';

/** GB/T 2260 divisions, keyed by their six-digit code. */
export const regionsProvider = defineResource({
  name: 'regions',
  crud: {
    one: 'region',
    list: 'regions',
    idArg: 'code',
    filterType: 'RegionFilter',
    idsFilter: 'codes',
    fields: 'code name level parentCode',
    toRecord: (region) => ({ ...region, id: region.code }),
  },
});
