import { UPDATE } from 'react-admin';
import { defineResource } from '../common/graphqlProvider';
import type { Station } from '../records';

export const STATION_FIELDS = `
  id kind name address regionCode region { code name }
  location(crs: WGS84) { lng lat }
  amenities openingHours timezone status labels gradeStars phone capacity
  hostOrganization { id } operatorOrganization { id }
  provenance { source sourceDatum verifiedFields inferredFields notes needsReview }
  viewerCanEdit createdAt updatedAt version`;

/** An API station → the record: organizations as ids. */
export const stationRecord = ({ hostOrganization, operatorOrganization, ...station }: any): Station => ({
  ...station,
  hostOrganizationId: hostOrganization?.id ?? null,
  operatorOrganizationId: operatorOrganization?.id ?? null,
});

/** What openingHoursCheck answers for a value typed into a form. */
export interface OpeningHoursCheck {
  valid: boolean;
  error: string | null;
  /** The error's reason key (`reasons.*` in i18n) and the valid value it most likely means. */
  reason?: string | null;
  suggestion?: string | null;
  isOpen: boolean | null;
}

export const stationsProvider = defineResource({
  name: 'stations',
  crud: {
    one: 'station',
    list: 'stations',
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
    toRecord: stationRecord,
  },
  methods: (api) => ({
    /** Validates an OSM opening_hours value and tells whether it is open now in `timezone`. */
    checkOpeningHours: (openingHours: string, timezone?: string | null): Promise<OpeningHoursCheck> =>
      api
        .request<{ check: OpeningHoursCheck }>(
          'query ($openingHours: String!, $timezone: String) { check: openingHoursCheck(openingHours: $openingHours, timezone: $timezone) { valid error reason suggestion isOpen } }',
          { openingHours, timezone: timezone || null },
        )
        .then((d) => d.check),
    /** Sets a station's status to RETIRED; CONFLICT when `version` is stale. */
    retireStation: (id: string, version: number): Promise<{ data: Station }> =>
      api
        .request<{ record: any }>(`mutation ($id: ID!, $version: Int!) { record: retireStation(id: $id, version: $version) { ${STATION_FIELDS} } }`, { id, version }, UPDATE)
        .then((d) => ({ data: stationRecord(d.record) })),
  }),
});
