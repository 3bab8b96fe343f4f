import { graphqlFetch } from '../auth/graphqlFetch';
import type { StationKind, StationStatus } from '../enums';

export const LIU_YOU_ITEMS = ['DRINKING_WATER', 'SEATING', 'AIR_CONDITIONING', 'FIRST_AID_KIT', 'TOILET', 'CHARGING'] as const;
export const TITLE_LEVELS = ['NATIONAL', 'PROVINCIAL', 'CITY'] as const;
export type LiuYouItem = (typeof LIU_YOU_ITEMS)[number];
export type TitleLevel = (typeof TITLE_LEVELS)[number];

export interface StationTitle {
  level: TitleLevel;
  year: number;
  awardingBody: string;
  source: string | null;
}

export interface StationInspection {
  id: string;
  result: 'PASSED' | 'FAILED';
  inspectorName: string;
  inspectedOn: string;
  notes: string | null;
  items: { item: LiuYouItem; passed: boolean; note: string | null }[];
}

export interface StationGrading {
  id: string;
  version: number;
  status: StationStatus;
  kind: StationKind;
  timezone: string;
  labels: StationKind[];
  gradeStars: number | null;
  titles: StationTitle[];
  inspections: StationInspection[] | null;
  peopleServedByYear: { year: number; peopleServed: number }[] | null;
}

const FIELDS = `id version status kind timezone labels gradeStars titles { level year awardingBody source }
  inspections { id result inspectorName inspectedOn notes items { item passed note } }
  peopleServedByYear { year peopleServed }`;

export const fetchGrading = async (id: string) => (await graphqlFetch<{ station: StationGrading | null }>(`query($id: ID!) { station(id: $id) { ${FIELDS} } }`, { id })).station;

export interface InspectionInput {
  inspectorName: string;
  inspectedOn: string;
  notes?: string | null;
  items: { item: LiuYouItem; passed: boolean; note?: string | null }[];
}

export const recordInspection = (stationId: string, input: InspectionInput, activate: boolean, version: number) =>
  graphqlFetch<{ recordStationInspection: { id: string; result: string } }>(
    `mutation($st: ID!, $i: StationInspectionInput!, $a: Boolean, $v: Int) { recordStationInspection(stationId: $st, input: $i, activate: $a, version: $v) { id result } }`,
    { st: stationId, i: input, a: activate, v: activate ? version : null },
  );

export const gradeStation = (id: string, version: number, stars: number | null, titles: StationTitle[]) =>
  graphqlFetch<{ gradeStation: { id: string; version: number } }>(
    `mutation($id: ID!, $v: Int!, $i: StationGradeInput!) { gradeStation(id: $id, version: $v, input: $i) { id version } }`,
    { id, v: version, i: { stars, titles } },
  );
