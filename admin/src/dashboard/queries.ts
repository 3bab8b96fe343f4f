import { graphqlFetch } from '../auth/graphqlFetch';
import type { StationKind, StationStatus } from '../enums';

/** The API's `Dashboard` (one query, scoped by the caller's access policy and aggregated in SQL). */
export interface DashboardData {
  month: string;
  year: number;
  stationCount: number;
  stationsByKindStatus: { kind: StationKind; status: StationStatus; count: number }[];
  stationsNeedingReview: number;
  reviewSample: { id: string; name: string; regionCode: string | null }[];
  plannedStations: number;
  countyCounts: { regionCode: string | null; name: string | null; lng: number | null; lat: number | null; count: number }[];
  titlesByLevel: { level: 'NATIONAL' | 'PROVINCIAL' | 'CITY'; count: number }[];
  peopleServedMonth: number;
  peopleServedYear: number;
  peopleServedByRegion: { regionCode: string | null; name: string | null; month: number; year: number }[];
  campaigns: {
    campaign: { id: string; name: string; kind: string; status: string; startsAt: string; endsAt: string };
    shifts: number;
    filled: number;
    capacity: number;
    fillRate: number;
    understaffedShifts: number;
    understaffedNightShifts: number;
  }[];
  volunteerHoursMonth: number;
  volunteerHoursYear: number;
}

const QUERY = `query Dashboard($month: String) { dashboard(month: $month) {
  month year stationCount stationsByKindStatus { kind status count } stationsNeedingReview
  reviewSample { id name regionCode } plannedStations
  countyCounts { regionCode name lng lat count } titlesByLevel { level count }
  peopleServedMonth peopleServedYear peopleServedByRegion { regionCode name month year }
  campaigns { campaign { id name kind status startsAt endsAt } shifts filled capacity fillRate understaffedShifts understaffedNightShifts }
  volunteerHoursMonth volunteerHoursYear } }`;

/** The dashboard of `month` (YYYY-MM; default the current month). */
export const fetchDashboard = async (month?: string | null): Promise<DashboardData> =>
  (await graphqlFetch<{ dashboard: DashboardData }>(QUERY, { month: month ?? null })).dashboard;
