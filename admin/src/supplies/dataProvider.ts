import { ACTION, defineResource } from '../common/graphqlProvider';
import type { ServiceLog, SupplyItem, SupplyTally } from '../records';

const SERVICE_LOG_FIELDS = 'id day peopleServed createdAt updatedAt version';
const TALLY_FIELDS = 'id day quantity item { id name unit } createdAt';

/** Supplies of campaigns and what stations hand out and serve per local day (no react-admin resource). */
export const suppliesProvider = defineResource({
  name: 'supplies',
  methods: (api) => ({
    /** A supply of a campaign, e.g. 矿泉水 (瓶). */
    createSupplyItem: (campaignId: string, name: string, unit: string): Promise<SupplyItem> =>
      api
        .request<{ item: SupplyItem }>(
          `mutation ($campaignId: ID!, $name: String!, $unit: String!) { item: createSupplyItem(campaignId: $campaignId, name: $name, unit: $unit) { id name unit } }`,
          { campaignId, name, unit },
          ACTION,
        )
        .then((d) => d.item),
    /** Supplies handed out at a station on a local day (added to what was recorded before). */
    recordSupplies: ({ stationId, day, items, shiftId }: { stationId: string; day: string; items: { itemId: string; quantity: number }[]; shiftId?: string | null }): Promise<SupplyTally[]> =>
      api
        .request<{ rows: SupplyTally[] }>(
          `mutation ($stationId: ID!, $day: String!, $items: [SupplyQuantityInput!]!, $shiftId: ID) {
            rows: recordSupplies(stationId: $stationId, day: $day, items: $items, shiftId: $shiftId) { ${TALLY_FIELDS} }
          }`,
          { stationId, day, items, shiftId: shiftId ?? null },
          ACTION,
        )
        .then((d) => d.rows),
    /** People served at a station on a local day (replaces that day's entry). */
    recordServiceLog: ({ stationId, day, peopleServed, campaignId }: { stationId: string; day: string; peopleServed: number; campaignId?: string | null }): Promise<ServiceLog> =>
      api
        .request<{ log: ServiceLog }>(
          `mutation ($stationId: ID!, $day: String!, $peopleServed: Int!, $campaignId: ID) {
            log: recordServiceLog(stationId: $stationId, day: $day, peopleServed: $peopleServed, campaignId: $campaignId) { ${SERVICE_LOG_FIELDS} }
          }`,
          { stationId, day, peopleServed, campaignId: campaignId ?? null },
          ACTION,
        )
        .then((d) => d.log),
    serviceLogs: (stationId: string, from: string, to: string): Promise<ServiceLog[]> =>
      api
        .request<{ rows: ServiceLog[] }>(`query ($stationId: ID!, $from: String!, $to: String!) { rows: serviceLogs(stationId: $stationId, from: $from, to: $to) { ${SERVICE_LOG_FIELDS} } }`, { stationId, from, to })
        .then((d) => d.rows),
    supplyTallies: (stationId: string, from: string, to: string): Promise<SupplyTally[]> =>
      api
        .request<{ rows: SupplyTally[] }>(`query ($stationId: ID!, $from: String!, $to: String!) { rows: supplyTallies(stationId: $stationId, from: $from, to: $to) { ${TALLY_FIELDS} } }`, { stationId, from, to })
        .then((d) => d.rows),
  }),
});
