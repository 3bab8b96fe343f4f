import { CREATE } from 'react-admin';
import { defineResource, idsOf } from '../common/graphqlProvider';
import type { ServicePointInput, Station } from '../records';
import { STATION_FIELDS, stationRecord } from '../stations/dataProvider';

const CAMPAIGN_FIELDS = `id name kind startsAt endsAt timezone regionCode status goals { name unit target } description
  organizations { id name } teams { id name }
  stations { id name kind address status validFrom validUntil viewerCanEdit }
  supplyItems { id name unit } supplyTotals { item { id name unit } quantity } peopleServed
  createdAt updatedAt version`;

/** Campaigns, newest first; an OPERATOR reads them all. */
export const campaignsProvider = defineResource({
  name: 'campaigns',
  crud: {
    one: 'campaign',
    list: 'campaigns',
    filterType: 'CampaignFilter',
    idsFilter: 'ids',
    orderType: 'CampaignOrder',
    orderFields: { startsAt: 'STARTS_AT', endsAt: 'ENDS_AT', name: 'NAME', status: 'STATUS', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    fields: CAMPAIGN_FIELDS,
    create: { mutation: 'createCampaign', input: 'CampaignInput' },
    update: { mutation: 'updateCampaign', input: 'CampaignInput' },
    // The list's one-status choice is the API's `statuses`.
    toFilter: ({ status, ...filter }) => ({ ...filter, ...(status ? { statuses: [status] } : {}) }),
    toRecord: (c) => ({ ...c, organizationIds: idsOf(c.organizations), teamIds: idsOf(c.teams), stationIds: idsOf(c.stations) }),
  },
  methods: (api) => ({
    /** Creates a temporary SERVICE_POINT station for a campaign and links it. */
    addServicePoint: ({ location, ...input }: ServicePointInput): Promise<Station> =>
      api
        .request<{ record: any }>(
          `mutation ($input: ServicePointInput!) { record: addServicePoint(input: $input) { ${STATION_FIELDS} } }`,
          {
            input: {
              ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== '')),
              location: { lng: Number(location.lng), lat: Number(location.lat), crs: 'WGS84' },
            },
          },
          CREATE,
        )
        .then((d) => stationRecord(d.record)),
  }),
});
