/* Generated from schema/schema.graphql by GraphQL Code Generator (`npm run codegen -w admin`); do not edit. */
import type { ActorKind } from './enums';
import type { Amenity } from './enums';
import type { ApiScope } from './enums';
import type { AssignmentStatus } from './enums';
import type { AuditAction } from './enums';
import type { CampaignKind } from './enums';
import type { CampaignOrderField } from './enums';
import type { CampaignStatus } from './enums';
import type { CoordinateSystem } from './enums';
import type { HolidayCoverage } from './enums';
import type { HolidayKind } from './enums';
import type { HolidayNoticeFormat } from './enums';
import type { InspectionResult } from './enums';
import type { InspectionStandard } from './enums';
import type { LiuYouItem } from './enums';
import type { OrganizationKind } from './enums';
import type { OrganizationOrderField } from './enums';
import type { RegionLevel } from './enums';
import type { Role } from './enums';
import type { ServiceLogOrderField } from './enums';
import type { ShiftAssignmentOrderField } from './enums';
import type { ShiftOrderField } from './enums';
import type { SortDirection } from './enums';
import type { StationChange } from './enums';
import type { StationKind } from './enums';
import type { StationOrderField } from './enums';
import type { StationStatus } from './enums';
import type { SupplyTallyOrderField } from './enums';
import type { TitleLevel } from './enums';
import type { VolunteerOrderField } from './enums';
import type { VolunteerSkill } from './enums';
import type { VolunteerTeamKind } from './enums';
import type { VolunteerTeamOrderField } from './enums';
import type { WebhookDeliveryStatus } from './enums';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant as an RFC 3339 `date-time` (section 5.6) with seconds and an offset: `2026-06-02T08:00:00+08:00`, `2026-06-02T00:00:00.5Z`. Any offset is accepted; a time without seconds or without an offset is refused. Returned in UTC (`…Z`). */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export { ActorKind };

export { Amenity };

/** A third-party API key. The secret is shown once, at creation; only its SHA-256 is stored. */
export type ApiKey = {
  /** Who to call about the key (a team or address, not shown publicly). */
  contact?: Maybe<Scalars['String']['output']>;
  /** When the record was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Username of the admin who created it. */
  createdBy?: Maybe<Scalars['String']['output']>;
  /** UUID of the key record (not the key itself). */
  id: Scalars['ID']['output'];
  /** Last request made with the key (updated at most once a minute). */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key is for, e.g. 高德地图 爱心驿站图层. */
  name: Scalars['String']['output'];
  /** Organization responsible for the key. */
  ownerOrganization?: Maybe<Organization>;
  /** First characters of the key (`yz_XXXXXXXX`), enough to recognise it in logs; not a secret. */
  prefix: Scalars['String']['output'];
  /** Query cost points the key may spend per minute (see README, "Rate limits"). */
  quotaPerMinute: Scalars['Int']['output'];
  /** When it was revoked; a revoked key gets UNAUTHENTICATED. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key may do. */
  scopes: Array<ApiScope>;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-lock version. */
  version: Scalars['Int']['output'];
};

/** A new third-party API key. */
export type ApiKeyCreateInput = {
  /** Who to call about the key (not public), at most 200 characters (trimmed). */
  contact?: InputMaybe<Scalars['String']['input']>;
  /** What the key is for, 1–100 characters (trimmed), at least one of them visible. */
  name: Scalars['String']['input'];
  /** UUID of the organization responsible for the key; NOT_FOUND on input.ownerOrganizationId when there is none. */
  ownerOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Query cost points per minute, 1–1000000 (default API_KEY_DEFAULT_QUOTA; INTEGER_RANGE on input.quotaPerMinute otherwise). */
  quotaPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** 1–5 scopes; default PUBLIC_READ (TOO_FEW / TOO_MANY on input.scopes otherwise). */
  scopes?: InputMaybe<Array<ApiScope>>;
};

/** One page of ApiKey records with the total count matching the filter. */
export type ApiKeyPage = {
  /** The ApiKey records of this page, in the requested order (at most `limit`). */
  nodes: Array<ApiKey>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export { ApiScope };

/** Settings the admin UI reads at start. */
export type AppConfig = {
  /** Datum the basemap is drawn in (MAP_STYLE_DATUM with MAP_STYLE_URL, else WGS84 for the bundled offline basemap). A map draws stations converted to it (tiles with `?crs=`) and converts clicks back to WGS84. GCJ02 for AMap and Tencent styles, BD09 for Baidu. */
  mapDatum: CoordinateSystem;
  /** Online MapLibre style URL (MAP_STYLE_URL); null means the bundled offline style. */
  mapStyleUrl?: Maybe<Scalars['String']['output']>;
};

/** A sign-up of a team assignment that could not be made, with the reason. */
export type AssignmentConflict = {
  /** Why, as signUpForShift would have answered (full, overlapping another shift, missing skills, closed campaign, …). */
  reason: Scalars['String']['output'];
  /** UUID of the shift. */
  shiftId: Scalars['ID']['output'];
  /** UUID of the team member who could not be signed up. */
  volunteerId: Scalars['ID']['output'];
};

export { AssignmentStatus };

export { AuditAction };

/** One change to one record: who, what, when, and the changed fields before and after. Append-only. */
export type AuditEvent = {
  /** Create, update or delete. */
  action: AuditAction;
  /** User or API key id. */
  actorId?: Maybe<Scalars['String']['output']>;
  /** Who made the change. */
  actorKind: ActorKind;
  /** Username, `key:<name>` or `system:<what>`. */
  actorLabel: Scalars['String']['output'];
  /** When the change was made (database clock). */
  at: Scalars['DateTime']['output'];
  /** Each changed field, before and after. */
  changes: Array<FieldChange>;
  /** Id of the record changed (a UUID, or a region code). */
  entityId: Scalars['String']['output'];
  /** Entity name, e.g. `Station`, `Organization`, `User`, `ApiKey`. */
  entityType: Scalars['String']['output'];
  /** UUID of the event. */
  id: Scalars['ID']['output'];
  /** The GraphQL mutation, e.g. `retireStation`. */
  operation?: Maybe<Scalars['String']['output']>;
  /** The x-request-id of the HTTP request that made the change. */
  requestId?: Maybe<Scalars['String']['output']>;
};

/** Which audit events to list. */
export type AuditEventFilter = {
  /** User or API key id, at most 100 characters. */
  actorId?: InputMaybe<Scalars['String']['input']>;
  /** At most 100 characters. */
  entityId?: InputMaybe<Scalars['String']['input']>;
  /** Entity name: Station, Organization, User, ApiKey. */
  entityType?: InputMaybe<Scalars['String']['input']>;
};

/** One page of AuditEvent records with the total count matching the filter. */
export type AuditEventPage = {
  /** The AuditEvent records of this page, in the requested order (at most `limit`). */
  nodes: Array<AuditEvent>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A bounding box in decimal degrees (west/east longitudes, south/north latitudes) in the datum `crs`. */
export type BoundingBoxInput = {
  /** Datum of the four edges. */
  crs?: InputMaybe<CoordinateSystem>;
  /** Eastern edge: longitude in degrees, -180..180, east of `west`. */
  east: Scalars['Float']['input'];
  /** Northern edge: latitude in degrees, -90..90, north of `south`. */
  north: Scalars['Float']['input'];
  /** Southern edge: latitude in degrees, -90..90. */
  south: Scalars['Float']['input'];
  /** Western edge: longitude in degrees, -180..180. */
  west: Scalars['Float']['input'];
};

/** A secret iCalendar feed URL (path relative to the server); anyone with it can read the shifts, so rotate it if it leaks. */
export type CalendarFeed = {
  /** e.g. /ical/volunteer/<token>.ics */
  path: Scalars['String']['output'];
};

/** A campaign (专项活动) such as 三夏护航: a date window in a time zone, a region, organizers, teams and service points. Read by ADMIN, any OPERATOR (read only), and a COORDINATOR of an organizing organization or an invited team; also a Relay Node. */
export type Campaign = Node & {
  /** When the record was created (an instant, RFC 3339). */
  createdAt: Scalars['DateTime']['output'];
  /** Free text for volunteers and staff, up to 2000 characters; null when none. */
  description?: Maybe<Scalars['String']['output']>;
  /** End of the window (instant, exclusive). */
  endsAt: Scalars['DateTime']['output'];
  /** Targets (at most 20), in the order entered; empty when none. */
  goals: Array<CampaignGoal>;
  /** UUID of the campaign; also its Node id (`node(id:)`). */
  id: Scalars['ID']['output'];
  /** Which kind of campaign. */
  kind: CampaignKind;
  /** Name, 1–200 characters, e.g. 2027 三夏护航. */
  name: Scalars['String']['output'];
  /** The organizing organizations (主办单位). */
  organizations: Array<Organization>;
  /** People served (服务人次) logged for the campaign. */
  peopleServed: Scalars['Int']['output'];
  /** Six-digit GB/T 2260 code of the area it covers; null when not limited to one. */
  regionCode?: Maybe<Scalars['String']['output']>;
  /** Start of the window (instant). */
  startsAt: Scalars['DateTime']['output'];
  /** Its service points. */
  stations: Array<Station>;
  /** PLANNED, ACTIVE or CLOSED; CLOSED stops sign-ups. */
  status: CampaignStatus;
  /** The campaign's own supply items, by name. */
  supplyItems: Array<SupplyItem>;
  /** Supplies handed out over the campaign, per item. */
  supplyTotals: Array<SupplyTotal>;
  /** The participating volunteer teams; their members only to those who coordinate them. */
  teams: Array<VolunteerTeam>;
  /** IANA time zone its days and shift patterns are read in (default Asia/Shanghai). */
  timezone: Scalars['String']['output'];
  /** When the record last changed (an instant, RFC 3339). */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts). */
  version: Scalars['Int']['output'];
};

/** Fill rate of a campaign: shifts understaffed first, and per-point coverage by day. */
export type CampaignFillRate = {
  /** Per station and local day, by date then station name. */
  coverage: Array<PointCoverage>;
  /** Every shift: understaffed first, then by fill ratio, then by start. */
  shifts: Array<ShiftFill>;
  /** Places offered over all shifts. */
  totalCapacity: Scalars['Int']['output'];
  /** Places taken over all shifts. */
  totalFilled: Scalars['Int']['output'];
};

/** Filters of the campaign list; all given conditions must hold. Campaigns outside the caller's scope never come back. */
export type CampaignFilter = {
  /** Only campaigns whose window [startsAt, endsAt) contains this instant (ISO-8601 with offset). */
  activeAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller's scope are left out. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only campaigns of these kinds. */
  kinds?: InputMaybe<Array<CampaignKind>>;
  /** Leading digits (1–6) of the GB/T 2260 code of the campaign's region: `4108` 焦作, `410821` 修武县. */
  regionCodePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive text contained in the name (at most 100 characters, trimmed). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only campaigns this station serves (UUID). */
  stationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only campaigns in these statuses. */
  statuses?: InputMaybe<Array<CampaignStatus>>;
  /** Only campaigns this volunteer team takes part in (UUID). */
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

/** A campaign goal, e.g. 矿泉水 10000 瓶 or 服务人次 5000. */
export type CampaignGoal = {
  /** What is counted, e.g. 矿泉水 or 服务人次. */
  name: Scalars['String']['output'];
  /** Target amount in `unit`, 0 or more (e.g. 10000 for 10000 瓶). */
  target: Scalars['Float']['output'];
  /** Unit, e.g. 瓶, 箱, 人次. */
  unit: Scalars['String']['output'];
};

/** A campaign goal. */
export type CampaignGoalInput = {
  /** 1–50 characters (trimmed, at least one visible). */
  name: Scalars['String']['input'];
  /** Target amount in `unit`, 0–1000000000000 (NUMBER_RANGE on input.goals[i].target otherwise). */
  target: Scalars['Float']['input'];
  /** 1–20 characters (trimmed, at least one visible). */
  unit: Scalars['String']['input'];
};

/** A campaign. The window is given as instants (ISO-8601 with offset); days and patterns are read in `timezone`. */
export type CampaignInput = {
  /** At most 2000 characters (trimmed; empty means none). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** End of the window (exclusive), after startsAt; required when creating. BAD_USER_INPUT on input.endsAt otherwise. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Targets, at most 20 (replaces the list; TOO_MANY on input.goals); omitted keeps it. */
  goals?: InputMaybe<Array<CampaignGoalInput>>;
  /** Kind of campaign; required when creating. */
  kind?: InputMaybe<CampaignKind>;
  /** 1–200 characters (trimmed, at least one visible). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** UUIDs of the organizing organizations, at most 20 (TOO_MANY on input.organizationIds; a COORDINATOR must include one of theirs). */
  organizationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Six-digit GB/T 2260 code. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** Start of the window (RFC 3339 date-time with offset); required when creating. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** UUIDs of existing stations serving as its points, at most 500 (TOO_MANY on input.stationIds; temporary ones: addServicePoint). */
  stationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** PLANNED (default), ACTIVE or CLOSED; CLOSED stops sign-ups. */
  status?: InputMaybe<CampaignStatus>;
  /** UUIDs of the participating volunteer teams, at most 100 (TOO_MANY on input.teamIds). */
  teamIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** IANA time zone (default Asia/Shanghai). */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

export { CampaignKind };

/** Sort order of the campaign list; ties are broken by id, in the same direction. */
export type CampaignOrder = {
  /** Sort direction. */
  direction?: SortDirection;
  /** Sort key. */
  field?: CampaignOrderField;
};

export { CampaignOrderField };

/** One page of Campaign records with the total count matching the filter. */
export type CampaignPage = {
  /** The Campaign records of this page, in the requested order (at most `limit`). */
  nodes: Array<Campaign>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** How well a current campaign's shifts are filled. */
export type CampaignProgress = {
  /** The campaign. */
  campaign: Campaign;
  /** Places offered on those shifts (sum of maxVolunteers). */
  capacity: Scalars['Int']['output'];
  /** filled / capacity, 0–1 (0 without shifts). */
  fillRate: Scalars['Float']['output'];
  /** Places taken on those shifts. */
  filled: Scalars['Int']['output'];
  /** Its shifts (an OPERATOR: those at their stations). */
  shifts: Scalars['Int']['output'];
  /** Of those, night shifts (starting 18:00–06:00 or crossing midnight in the campaign's zone, as campaignFillRate flags them). */
  understaffedNightShifts: Scalars['Int']['output'];
  /** Shifts not yet over with fewer volunteers than their minimum. */
  understaffedShifts: Scalars['Int']['output'];
};

export { CampaignStatus };

/** The check-in code of a service point: the QR code a coordinator shows or prints at the point. A volunteer scans it with their phone, where their own link is remembered, to check in to their shift there (within the check-in window). */
export type CheckInCode = {
  /** When this code was made (renewing makes a new one and the old one stops working). */
  createdAt: Scalars['DateTime']['output'];
  /** e.g. /checkin/<token>; absolute URL = the server origin + path. */
  path: Scalars['String']['output'];
  /** The service point (station) id. */
  stationId: Scalars['ID']['output'];
};

export { CoordinateSystem };

/** Stations in one county-level division, with its centre for a map. */
export type CountyCount = {
  /** Stations there (every status). */
  count: Scalars['Int']['output'];
  /** Latitude of its centre, WGS-84 degrees. */
  lat?: Maybe<Scalars['Float']['output']>;
  /** Longitude of its centre, WGS-84 degrees. */
  lng?: Maybe<Scalars['Float']['output']>;
  /** Name of the division. */
  name?: Maybe<Scalars['String']['output']>;
  /** Six-digit GB/T 2260 code; null for stations without a region. */
  regionCode?: Maybe<Scalars['ID']['output']>;
};

/** A created API key with its secret. The secret is shown only here, once; it is null on an idempotent replay. */
export type CreatedApiKey = {
  /** The stored key record. */
  apiKey: ApiKey;
  /** The full key, `yz_<prefix>_<secret>`; send it as `Authorization: Bearer …` or `X-API-Key`. */
  secret?: Maybe<Scalars['String']['output']>;
};

/** A registered webhook with its signing secret, shown only here, once; null on an idempotent replay. */
export type CreatedWebhook = {
  /** The signing secret `whsec_…`: verify `Yizhan-Signature` with it (README, "Webhooks"). */
  secret?: Maybe<Scalars['String']['output']>;
  /** The stored webhook. */
  webhook: Webhook;
};

/** The landing page of the admin, for one month, scoped by the access policy: stations as the caller lists them (an OPERATOR: their organizations' stations; ADMIN and COORDINATOR: all), people served where the caller may record them, campaigns and shifts in the caller's scope. Aggregated in SQL. */
export type Dashboard = {
  /** Campaigns in scope that are not CLOSED and not over, by start (at most 20). */
  campaigns: Array<CampaignProgress>;
  /** Stations in scope per county-level division, most first, for a map. */
  countyCounts: Array<CountyCount>;
  /** The month shown, YYYY-MM (Asia/Shanghai). */
  month: Scalars['String']['output'];
  /** Those people served by county-level division, most in the year first (at most 100 divisions; the totals count all). */
  peopleServedByRegion: Array<RegionPeopleServed>;
  /** People served (服务人次) in the month at stations where the caller may record them. */
  peopleServedMonth: Scalars['Int']['output'];
  /** People served in the year up to the end of the month, same stations. */
  peopleServedYear: Scalars['Int']['output'];
  /** PLANNED stations in scope awaiting their acceptance inspection. */
  plannedStations: Scalars['Int']['output'];
  /** The first 5 of them by name, for links. */
  reviewSample: Array<Station>;
  /** Stations in scope (every kind and status); the same number the `stations` list totals for the caller. */
  stationCount: Scalars['Int']['output'];
  /** Stations in scope by kind and status (only non-zero pairs). */
  stationsByKindStatus: Array<KindStatusCount>;
  /** Stations in scope whose provenance says they need a check on site (the list filter needsReview: true). */
  stationsNeedingReview: Scalars['Int']['output'];
  /** 优秀站点 titles held by stations in scope, by level. */
  titlesByLevel: Array<TitleCount>;
  /** Hours credited to volunteers (completed assignments) on shifts in scope starting in the month. */
  volunteerHoursMonth: Scalars['Float']['output'];
  /** The same for the year up to the end of the month. */
  volunteerHoursYear: Scalars['Float']['output'];
  /** Its year. */
  year: Scalars['Int']['output'];
};

/** One field of a record before and after a change. Secrets (password and key hashes) read `"[redacted]"`. */
export type FieldChange = {
  /** Value after (null on DELETE). */
  after?: Maybe<Scalars['JSON']['output']>;
  /** Value before (null on CREATE). */
  before?: Maybe<Scalars['JSON']['output']>;
  /** Entity property, e.g. `amenities`, `operatorOrganization`. */
  field: Scalars['String']['output'];
};

/** A point in decimal degrees in the datum `crs`. */
export type GeoPoint = {
  /** Datum of lng/lat. */
  crs: CoordinateSystem;
  /** Latitude in degrees. */
  lat: Scalars['Float']['output'];
  /** Longitude in degrees. */
  lng: Scalars['Float']['output'];
};

/** China's holiday calendar for one year, as `PH` in opening hours and `isOpen` use it. */
export type HolidayCalendar = {
  /** OFFICIAL: the State Council notice is entered; STATUTORY_ONLY: computed statutory days, make-up workdays unknown. */
  coverage: HolidayCoverage;
  /** The year's HOLIDAY and WORKDAY dates in date order (ordinary days are not listed). */
  days: Array<HolidayDay>;
  /** The notice's reference (e.g. `国办发明电〔2025〕7号`) or `chinese-days package`; null when STATUTORY_ONLY. */
  notice?: Maybe<Scalars['String']['output']>;
  /** When the year's rows last changed; null when STATUTORY_ONLY. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The Gregorian year. */
  year: Scalars['Int']['output'];
};

export { HolidayCoverage };

/** One date of a year's holiday calendar. */
export type HolidayDay = {
  /** Local date, `YYYY-MM-DD`. */
  date: Scalars['String']['output'];
  /** HOLIDAY (a rest day) or WORKDAY (a weekend day worked in exchange, 调休). */
  kind: HolidayKind;
  /** The holiday it belongs to, e.g. `春节`, `国庆节`. */
  name: Scalars['String']['output'];
  /** `chinese-days` (the package), `statutory` (computed from the holiday law) or `notice` (entered by an administrator). */
  source: Scalars['String']['output'];
};

/** One date of a notice. */
export type HolidayDayInput = {
  /** `YYYY-MM-DD`, inside the notice's year, each date once. */
  date: Scalars['String']['input'];
  /** WORKDAY only on a Saturday or Sunday. */
  kind: HolidayKind;
  /** 1–50 characters, e.g. `春节`. */
  name: Scalars['String']['input'];
};

export { HolidayKind };

export { HolidayNoticeFormat };

/** A year's State Council notice: its rest days and make-up workdays. Replaces every row of the year. */
export type HolidayNoticeInput = {
  /** Every rest day (HOLIDAY, weekend days inside a holiday block included) and make-up workday (WORKDAY), at most 366 (TOO_MANY on input.days). From 2025 every statutory day must be a HOLIDAY. */
  days: Array<HolidayDayInput>;
  /** Reference of the notice, e.g. `国办发明电〔2025〕7号` (at most 200 characters). */
  notice?: InputMaybe<Scalars['String']['input']>;
  /** 2004–2100. */
  year: Scalars['Int']['input'];
};

/** Hours credited to a volunteer or a team (volunteerHours, teamHours), from COMPLETED assignments. */
export type HoursTotal = {
  /** COMPLETED assignments counted. */
  completedShifts: Scalars['Int']['output'];
  /** Hours credited (ShiftAssignment.hoursCredited summed), two decimals. */
  hours: Scalars['Float']['output'];
  /** UUID of the volunteer or the team. */
  id: Scalars['ID']['output'];
  /** Full name of the volunteer (these lists are for ADMIN and COORDINATOR only), or the team's name. */
  name: Scalars['String']['output'];
};

/** One item of an inspection checklist: whether the station met it, with the inspector's note. */
export type InspectionItem = {
  /** The item of the standard. */
  item: LiuYouItem;
  /** What the inspector noted (at most 200 characters). */
  note?: Maybe<Scalars['String']['output']>;
  /** Whether the station met the item. */
  passed: Scalars['Boolean']['output'];
};

/** One checklist item of an inspection. */
export type InspectionItemInput = {
  /** The item; each item of the standard exactly once. */
  item: LiuYouItem;
  /** Note, at most 200 characters (trimmed; empty means none). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Whether the station met it. */
  passed: Scalars['Boolean']['input'];
};

export { InspectionResult };

export { InspectionStandard };

/** Number of stations of one kind in one status. */
export type KindStatusCount = {
  /** Stations of that kind and status. */
  count: Scalars['Int']['output'];
  /** The station kind (the one public kind). */
  kind: StationKind;
  /** The status. */
  status: StationStatus;
};

export { LiuYouItem };

/** A point given as longitude and latitude in decimal degrees, in the datum `crs` (default WGS84). */
export type LngLatInput = {
  /** Datum of lng/lat. */
  crs?: InputMaybe<CoordinateSystem>;
  /** Latitude in degrees, -90..90 (north positive). */
  lat: Scalars['Float']['input'];
  /** Longitude in degrees, -180..180 (east positive). */
  lng: Scalars['Float']['input'];
};

/** A new session. The token is also set as the httpOnly, SameSite=Strict cookie `yizhan_session`. */
export type LoginPayload = {
  /** When the session ends (SESSION_TTL_HOURS after sign-in) unless it is ended earlier. */
  expiresAt: Scalars['DateTime']['output'];
  /** HS256 session token for `Authorization: Bearer …` (scripts); browsers use the cookie. */
  token: Scalars['String']['output'];
  /** The signed-in account. */
  user: User;
};

/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type Mutation = {
  /** ADMIN, COORDINATOR: creates a temporary SERVICE_POINT station for a campaign, found by nearbyStations only during its validity window (default: the campaign window). */
  addServicePoint: Station;
  /** ADMIN, COORDINATOR: sets the hours of a completed assignment (0–48), e.g. beyond the shift length; records the approver. */
  approveHours: ShiftAssignment;
  /** ADMIN, COORDINATOR: signs every member of a team up for every listed shift, all or nothing (no waitlist); on any conflict nothing is saved and the conflicts are listed. dryRun checks only. */
  assignTeamToShifts: TeamAssignmentResult;
  /** Cancels a sign-up or waitlist place; the first waitlisted volunteer takes the place at once. Same callers as signUpForShift. */
  cancelShiftAssignment: ShiftAssignment;
  /** Changes your own password (10–128 characters, not containing the username). BAD_USER_INPUT on currentPassword when it is wrong; wrong current passwords count as failed logins (per username and per IP), and past the login limits the answer is RATE_LIMITED (HTTP 429, Retry-After). Ends your other sessions. */
  changePassword: User;
  /** Checks in at `at` (default now): from CHECKIN_WINDOW_MINUTES before the start until the end, not in the future. Same callers as signUpForShift. */
  checkIn: ShiftAssignment;
  /** Checks out at `at` (default now), after check-in; credits hours capped at the shift length. Same callers as signUpForShift. */
  checkOut: ShiftAssignment;
  /** ADMIN, COORDINATOR: SIGNED_UP → CONFIRMED. */
  confirmShiftAssignment: ShiftAssignment;
  /** ADMIN: creates an API key and returns its secret once (only a SHA-256 of it is stored). */
  createApiKey: CreatedApiKey;
  /** ADMIN, COORDINATOR: creates a campaign (name, kind, startsAt, endsAt required; a coordinator names one of their organizations). */
  createCampaign: Campaign;
  /** ADMIN: creates an organization. BAD_USER_INPUT names the field at fault. */
  createOrganization: Organization;
  /** ADMIN, COORDINATOR: creates one shift at one of the campaign's points, inside its window, at most 24 hours long. */
  createShift: Shift;
  /** ADMIN, COORDINATOR of the campaign: a new sign-up link (报名链接) to post as a QR code. Volunteers who register through it join `teamId` when given (a team of the caller; NOT_FOUND otherwise). `expiresAt` must be in the future (BAD_USER_INPUT); without it the link works until the campaign ends or it is revoked. */
  createSignupLink: SignupLink;
  /** ADMIN, OPERATOR: creates a station (an OPERATOR's must be operated or hosted by one of their organizations). BAD_USER_INPUT names the field at fault; nothing is written then. With `idempotencyKey`, a retry returns the first station. */
  createStation: Station;
  /** ADMIN, COORDINATOR: a supply of a campaign, e.g. 矿泉水 (瓶). CONFLICT when the campaign already has one with that name. */
  createSupplyItem: SupplyItem;
  /** ADMIN: creates a staff account. CONFLICT when the username is taken. With `idempotencyKey`, a retry returns the first result. */
  createUser: User;
  /** ADMIN, COORDINATOR: creates a volunteer; a coordinator must name one of their teams in teamIds. */
  createVolunteer: Volunteer;
  /** ADMIN, COORDINATOR: creates a team (name, kind, organization required). */
  createVolunteerTeam: VolunteerTeam;
  /** API key with WEBHOOKS: registers a webhook for station changes and returns its signing secret once. At most 20 per key (CONFLICT). */
  createWebhook: CreatedWebhook;
  /** API key with WEBHOOKS: stops deliveries to one of the key's webhooks (pending ones end FAILED). NOT_FOUND on `id` for another key's. */
  deactivateWebhook: Webhook;
  /** ADMIN: deletes an organization; CONFLICT while stations or child organizations refer to it. */
  deleteOrganization: Organization;
  /** ADMIN, COORDINATOR: deletes a shift that never had a sign-up (CONFLICT otherwise). */
  deleteShift: Shift;
  /** ADMIN: deletes a station for good and returns it as it was. Prefer retireStation for stations that served people. */
  deleteStation: Station;
  /** ADMIN: sets a station's stars (1–5) and replaces its 优秀站点 titles, if its version is still `version` (CONFLICT otherwise). NOT_FOUND on id; BAD_USER_INPUT naming the field (input.stars, input.titles[i].year). */
  gradeStation: Station;
  /** ADMIN: imports a year's notice from CSV or JSON text (see HolidayNoticeFormat) and stores it as setHolidayNotice does; with `dryRun` only checks it and returns what would be stored. BAD_USER_INPUT on `text` (with the line or item) or on `input.days.<i>.…`. */
  importHolidayNotice: HolidayCalendar;
  /** ADMIN, COORDINATOR (a service point of their campaigns; NOT_FOUND on stationId otherwise): the check-in code of a service point, made on first use, for its QR code. `renew` replaces it (the old code stops working at once). */
  issueCheckInCode: CheckInCode;
  /** Signs in. UNAUTHENTICATED "Wrong username or password" for any bad combination; RATE_LIMITED after repeated failures (per username and per IP, 15 minutes). */
  login: LoginPayload;
  /** Ends the current session and clears its cookie. Always true for a signed-in user. */
  logout: Scalars['Boolean']['output'];
  /** ADMIN, COORDINATOR: marks a volunteer who did not come, once the shift has started. */
  markNoShow: ShiftAssignment;
  /** ADMIN, COORDINATOR: expands a daily pattern into shifts in the campaign time zone (end at or before start = next day). save: false previews; save: true creates the missing ones (running it twice creates nothing more). A shift already at the same station with the same start and end counts as existing whatever its role. SHIFT_OUTSIDE_CAMPAIGN (BAD_USER_INPUT on input.slots[i]) for a slot outside the campaign window. */
  planShifts: ShiftPlan;
  /** Staff who run the station: people served (服务人次) on a local day; a second entry for the day replaces the first. */
  recordServiceLog: ServiceLog;
  /** ADMIN: records an acceptance inspection (六有 checklist, inspector, date; result PASSED when every item passed) and, with `activate`, turns the PLANNED station ACTIVE in the same transaction. NOT_FOUND on stationId; BAD_USER_INPUT naming the field (input.items, input.inspectedOn after today, activate with a FAILED result or a station not PLANNED, version missing); CONFLICT for a stale version. Nothing is written on a refusal. */
  recordStationInspection: StationInspection;
  /** Staff who run the station (its OPERATOR, a COORDINATOR of a campaign it serves, ADMIN): supplies handed out on a local day. */
  recordSupplies: Array<SupplyTally>;
  /** API key with WEBHOOKS: delivers a delivery's event again, as a new delivery with the same event id (receivers deduplicating by id see it once). BAD_USER_INPUT if its webhook is deactivated. */
  replayWebhookDelivery: WebhookDelivery;
  /** ADMIN: sets a one-time password; the user must change it at next sign-in, and their sessions end. */
  resetUserPassword: User;
  /** ADMIN, OPERATOR: sets status RETIRED (kept for history, hidden from nearby search). CONFLICT on a stale version; NOT_FOUND for another organization's station. */
  retireStation: Station;
  /** ADMIN: revokes an API key at once (its next request is UNAUTHENTICATED). Revoking twice keeps the first time. */
  revokeApiKey: ApiKey;
  /** ADMIN, COORDINATOR of the campaign: revokes a sign-up link at once (its page and API answer 410 LINK_REVOKED); revoking again changes nothing. Volunteers already registered keep their own links and sign-ups. */
  revokeSignupLink: SignupLink;
  /** ADMIN, COORDINATOR: a new secret iCalendar URL for a team (the old one stops working). */
  rotateTeamCalendar: CalendarFeed;
  /** ADMIN, COORDINATOR: a new secret iCalendar URL for a volunteer (the old one stops working). */
  rotateVolunteerCalendar: CalendarFeed;
  /** ADMIN: enters a year's notice, replacing all of that year's rows in one transaction (audit-logged); every process uses it within 10 s. BAD_USER_INPUT names the field at fault (`input.days.<i>.date`, …) and writes nothing. */
  setHolidayNotice: HolidayCalendar;
  /** Signs a volunteer up (ADMIN, a COORDINATOR of the campaign, or an API key with VOLUNTEER_APP). A full shift waitlists (allowWaitlist, default) or is CONFLICT; overlapping another shift of the volunteer, or already on it: CONFLICT; missing skills, closed campaign, outside the window or ended: BAD_USER_INPUT. The database enforces capacity and no overlap whatever the concurrency. */
  signUpForShift: ShiftAssignment;
  /** ADMIN, COORDINATOR: changes a campaign of theirs whose version is still `version` (CONFLICT otherwise). CLOSED stops sign-ups. */
  updateCampaign: Campaign;
  /** ADMIN: changes an organization whose version is still `version`; CONFLICT otherwise. */
  updateOrganization: Organization;
  /** ADMIN, COORDINATOR: changes a shift whose version is still `version`; capacity cannot drop below the places taken. */
  updateShift: Shift;
  /** ADMIN, OPERATOR: changes a station whose version is still `version`; CONFLICT when someone changed it since, NOT_FOUND when it does not exist or is not one of an OPERATOR's stations. */
  updateStation: Station;
  /** ADMIN: changes a staff account whose version is still `version` (CONFLICT otherwise). */
  updateUser: User;
  /** ADMIN, COORDINATOR: changes a volunteer of their teams whose version is still `version`. */
  updateVolunteer: Volunteer;
  /** ADMIN, COORDINATOR: changes a team whose version is still `version` (CONFLICT otherwise); NOT_FOUND when not theirs. */
  updateVolunteerTeam: VolunteerTeam;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationAddServicePointArgs = {
  input: ServicePointInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationApproveHoursArgs = {
  hours: Scalars['Float']['input'];
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationAssignTeamToShiftsArgs = {
  dryRun?: Scalars['Boolean']['input'];
  shiftIds: Array<Scalars['ID']['input']>;
  teamId: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCancelShiftAssignmentArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCheckInArgs = {
  assignmentId: Scalars['ID']['input'];
  at?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCheckOutArgs = {
  assignmentId: Scalars['ID']['input'];
  at?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationConfirmShiftAssignmentArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateApiKeyArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: ApiKeyCreateInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateCampaignArgs = {
  input: CampaignInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateOrganizationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: OrganizationCreateInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateShiftArgs = {
  input: ShiftInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateSignupLinkArgs = {
  campaignId: Scalars['ID']['input'];
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateStationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: StationCreateInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateSupplyItemArgs = {
  campaignId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  unit: Scalars['String']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateUserArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UserCreateInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateVolunteerArgs = {
  input: VolunteerInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateVolunteerTeamArgs = {
  input: VolunteerTeamInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationCreateWebhookArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: WebhookCreateInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationDeactivateWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationDeleteOrganizationArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationDeleteShiftArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationDeleteStationArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationGradeStationArgs = {
  id: Scalars['ID']['input'];
  input: StationGradeInput;
  version: Scalars['Int']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationImportHolidayNoticeArgs = {
  dryRun?: Scalars['Boolean']['input'];
  format?: HolidayNoticeFormat;
  notice?: InputMaybe<Scalars['String']['input']>;
  text: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationIssueCheckInCodeArgs = {
  renew?: Scalars['Boolean']['input'];
  stationId: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationLoginArgs = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationMarkNoShowArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationPlanShiftsArgs = {
  input: ShiftPatternInput;
  save?: Scalars['Boolean']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationRecordServiceLogArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  day: Scalars['String']['input'];
  peopleServed: Scalars['Int']['input'];
  stationId: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationRecordStationInspectionArgs = {
  activate?: Scalars['Boolean']['input'];
  input: StationInspectionInput;
  stationId: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationRecordSuppliesArgs = {
  day: Scalars['String']['input'];
  items: Array<SupplyQuantityInput>;
  shiftId?: InputMaybe<Scalars['ID']['input']>;
  stationId: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationReplayWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationResetUserPasswordArgs = {
  id: Scalars['ID']['input'];
  password: Scalars['String']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationRetireStationArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationRevokeSignupLinkArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationRotateTeamCalendarArgs = {
  teamId: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationRotateVolunteerCalendarArgs = {
  volunteerId: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationSetHolidayNoticeArgs = {
  input: HolidayNoticeInput;
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationSignUpForShiftArgs = {
  allowWaitlist?: Scalars['Boolean']['input'];
  shiftId: Scalars['ID']['input'];
  volunteerId: Scalars['ID']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationUpdateCampaignArgs = {
  id: Scalars['ID']['input'];
  input: CampaignInput;
  version: Scalars['Int']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationUpdateOrganizationArgs = {
  id: Scalars['ID']['input'];
  input: OrganizationUpdateInput;
  version: Scalars['Int']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationUpdateShiftArgs = {
  id: Scalars['ID']['input'];
  input: ShiftInput;
  version: Scalars['Int']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationUpdateStationArgs = {
  id: Scalars['ID']['input'];
  input: StationUpdateInput;
  version: Scalars['Int']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UserUpdateInput;
  version: Scalars['Int']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationUpdateVolunteerArgs = {
  id: Scalars['ID']['input'];
  input: VolunteerInput;
  version: Scalars['Int']['input'];
};


/** Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries. */
export type MutationUpdateVolunteerTeamArgs = {
  id: Scalars['ID']['input'];
  input: VolunteerTeamInput;
  version: Scalars['Int']['input'];
};

/** A page of nearby stations, nearest first by `distanceMeters` (WGS-84 spheroid metres), then id (Relay connection). */
export type NearbyStationConnection = {
  /** This page's stations, nearest first (ties by id), at most `first`. */
  edges: Array<NearbyStationEdge>;
  /** Whether more stations follow, and the cursors of this page. */
  pageInfo: PageInfo;
  /** Number of matching stations on all pages. With openNow/openAt it evaluates every station in the radius, so ask for it only when needed. */
  totalCount: Scalars['Int']['output'];
};

/** A station found by `nearbyStations`, with its distance from the search point. */
export type NearbyStationEdge = {
  /** Opaque cursor; pass it as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  /** Distance from the search point in metres on the WGS-84 spheroid. */
  distanceMeters: Scalars['Float']['output'];
  /** The station. */
  node: Station;
};

/** A record that can be fetched again by its id alone (Relay Object Identification) through `node(id:)` or `nodes(ids:)`. Ids are the records' own ids: a UUID, or the six-digit GB/T 2260 code of a Region. */
export type Node = {
  /** The record's id: a UUID, or for a Region its six-digit GB/T 2260 code. Pass it to `node(id:)` to fetch the record again. */
  id: Scalars['ID']['output'];
};

/** Result of checking an opening_hours value. */
export type OpeningHoursCheck = {
  /** Why it is not valid (English, prefixed with `openingHours: `). */
  error?: Maybe<Scalars['String']['output']>;
  /** Open at `at` (default now) in the time zone, with China's holidays; null if invalid or unknown. */
  isOpen?: Maybe<Scalars['Boolean']['output']>;
  /** Why it is not valid as a stable key: OPENING_HOURS_SYNTAX, OPENING_HOURS_INEXACT, OPENING_HOURS_EMPTY or OPENING_HOURS_TOO_LONG (the `extensions.reason` a mutation would answer); null when valid. */
  reason?: Maybe<Scalars['String']['output']>;
  /** When invalid, valid OSM syntax the value most likely means: the importer's conversion of Chinese text (`周一至周五 9:00-17:00` → `Mo-Fr 09:00-17:00; PH off`, see convertOpeningHoursText), else the parser's own correction; null when there is none. */
  suggestion?: Maybe<Scalars['String']['output']>;
  /** Whether the value is valid OSM opening_hours syntax. */
  valid: Scalars['Boolean']['output'];
};

/** Chinese opening-hours text read as OSM opening_hours, as the station importer reads it. */
export type OpeningHoursConversion = {
  /** The OSM opening_hours value, e.g. `Mo-Fr 09:00-17:00; PH off`; null when the text could not be read (see `problem`). */
  openingHours?: Maybe<Scalars['String']['output']>;
  /** Why the text could not be read (English), e.g. `cannot read "9点" in "9点"`; null when converted. */
  problem?: Maybe<Scalars['String']['output']>;
};

/** A union, federation or host unit. Unions form a tree through `parent`. */
export type Organization = Node & {
  /** When the record was created. */
  createdAt: Scalars['DateTime']['output'];
  /** UUID of the organization; also its Node id. */
  id: Scalars['ID']['output'];
  /** What the organization is in the union world. */
  kind: OrganizationKind;
  /** Full name, e.g. 郑州市总工会. */
  name: Scalars['String']['output'];
  /** The enclosing union or federation. */
  parent?: Maybe<Organization>;
  /** The GB/T 2260 division of regionCode. */
  region?: Maybe<Region>;
  /** Six-digit GB/T 2260 code of the area it serves. */
  regionCode?: Maybe<Scalars['String']['output']>;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-lock version; send it back with an update. */
  version: Scalars['Int']['output'];
};

/** A new organization. */
export type OrganizationCreateInput = {
  /** What the organization is. */
  kind: OrganizationKind;
  /** 1–200 characters (Unicode code points, trimmed), at least one of them visible. */
  name: Scalars['String']['input'];
  /** The enclosing union or federation. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Six-digit GB/T 2260 code that must exist. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** Filters of the admin organization list; all given conditions must hold. */
export type OrganizationFilter = {
  /** true: only organizations the caller may name on their records (a station's operator or host, a campaign's organizer), by the access policy: for an OPERATOR or COORDINATOR their own organizations and every one below them, for an ADMIN all. What the admin's dropdowns offer. */
  assignable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only these ids (at most 1000). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only organizations of these kinds. */
  kinds?: InputMaybe<Array<OrganizationKind>>;
  /** Only direct children of this organization. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Leading digits of the GB/T 2260 code (1–6 digits). */
  regionCodePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive text contained in the name (at most 100 characters, trimmed). */
  search?: InputMaybe<Scalars['String']['input']>;
};

export { OrganizationKind };

/** Sort order of the admin organization list (ties broken by id). */
export type OrganizationOrder = {
  /** Sort direction. */
  direction?: SortDirection;
  /** Sort key. */
  field?: OrganizationOrderField;
};

export { OrganizationOrderField };

/** One page of Organization records with the total count matching the filter. */
export type OrganizationPage = {
  /** The Organization records of this page, in the requested order (at most `limit`). */
  nodes: Array<Organization>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Changes to an organization; fields left out stay as they are. */
export type OrganizationUpdateInput = {
  /** New kind. */
  kind?: InputMaybe<OrganizationKind>;
  /** 1–200 characters (Unicode code points, trimmed), at least one of them visible. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New enclosing union or federation (UUID); null makes it a root. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Six-digit GB/T 2260 code that must exist; null clears it. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

/** Relay PageInfo: whether more edges follow and the cursors at both ends of this page. */
export type PageInfo = {
  /** Cursor of the last edge of this page; null when the page is empty. Pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more edges follow this page: pass `endCursor` as `after` to get them. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when this page was asked for with `after` (edges come before it). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge of this page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** One shift a pattern makes (planShifts): where, when, capacity, and whether it already existed. */
export type PlannedShift = {
  /** End (an instant, exclusive); the next day when the slot's end is at or before its start. */
  endsAt: Scalars['DateTime']['output'];
  /** true: a shift with this station, start and role already exists and is left as it is. */
  existing: Scalars['Boolean']['output'];
  /** Capacity (the slot's maxVolunteers). */
  maxVolunteers: Scalars['Int']['output'];
  /** Fewest volunteers needed (the slot's minVolunteers, default its maxVolunteers). */
  minVolunteers: Scalars['Int']['output'];
  /** Skills every volunteer must have (the slot's requiredSkills). */
  requiredSkills: Array<VolunteerSkill>;
  /** What the volunteers do (the slot's role, default VOLUNTEER). */
  role: Scalars['String']['output'];
  /** Start (an instant), the slot's local start on that day in the campaign's time zone. */
  startsAt: Scalars['DateTime']['output'];
  /** UUID of the station (service point) it is at. */
  stationId: Scalars['ID']['output'];
};

/** Coverage of one service point on one local day (the day its shifts start, in the campaign zone). */
export type PointCoverage = {
  /** Places offered over those shifts. */
  capacity: Scalars['Int']['output'];
  /** Local date, YYYY-MM-DD. */
  date: Scalars['String']['output'];
  /** Places taken over those shifts. */
  filled: Scalars['Int']['output'];
  /** Sum of the shifts' minimum volunteers. */
  minimum: Scalars['Int']['output'];
  /** Shifts starting there that day. */
  shifts: Scalars['Int']['output'];
  /** UUID of the station (service point). */
  stationId: Scalars['ID']['output'];
  /** Name of the station. */
  stationName: Scalars['String']['output'];
  /** How many of those shifts are understaffed (filled < minimum). */
  understaffedShifts: Scalars['Int']['output'];
};

/** Where a station record came from and which of its facts were verified, inferred or are suspect. */
export type Provenance = {
  /** Fields the source guessed or geocoded, e.g. `amenities`, `openingHours`, `location`. */
  inferredFields: Array<Scalars['String']['output']>;
  /** True when something on the record is known or suspected to be wrong and needs a check on site. */
  needsReview: Scalars['Boolean']['output'];
  /** Notes for an operator, e.g. a location that falls outside the stated district. */
  notes: Array<Scalars['String']['output']>;
  /** Source name, e.g. `zhengzhou-stations/stations_full.json` or `admin`. */
  source: Scalars['String']['output'];
  /** Datum the source gave its coordinates in (stored data is WGS84). */
  sourceDatum?: Maybe<CoordinateSystem>;
  /** Fields confirmed by the source, e.g. `name`, `location`. */
  verifiedFields: Array<Scalars['String']['output']>;
};

/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type Query = {
  /** ADMIN: API keys (never their secrets), newest first. */
  apiKeys: ApiKeyPage;
  /** Settings the admin reads at start (public: nothing secret). */
  appConfig: AppConfig;
  /** History of changes, newest first (limit 1–1000). ADMIN: everything. OPERATOR: only the history of one station they may edit (filter entityType Station + entityId); anything else is NOT_FOUND. */
  auditEvents: AuditEventPage;
  /** Staff: a campaign; null when absent (or, for a coordinator, not theirs). */
  campaign?: Maybe<Campaign>;
  /** ADMIN, COORDINATOR: every shift of a campaign with filled/capacity (understaffed first, night shifts flagged) and per-point coverage by local day. */
  campaignFillRate: CampaignFillRate;
  /** Staff: campaigns matching the filter (a coordinator sees the campaigns of their organizations and teams; an operator all, read only), sorted (default newest start first), one page with the total count. BAD_USER_INPUT names the filter field at fault. */
  campaigns: CampaignPage;
  /** Reads Chinese opening-hours text (`周一至周五 09:00-17:00`, `08:00-12:00,14:00-16:00`, `24小时`) as OSM opening_hours, with the same code the station importer uses; weekday-only hours get `; PH off`. Valid OSM syntax comes back as it is. Public, no side effects. */
  convertOpeningHoursText: OpeningHoursConversion;
  /** Staff (every role): the admin's landing page for one month, scoped by the access policy (see Dashboard). UNAUTHENTICATED without a session, FORBIDDEN for API keys, BAD_USER_INPUT on `month` for anything but YYYY-MM in 2000–2100. */
  dashboard: Dashboard;
  /** China's holiday calendar of `year` (2004–2100; BAD_USER_INPUT on `year` otherwise): OFFICIAL when the State Council's notice is in, else STATUTORY_ONLY (the law's fixed days, no make-up workdays). Public: it is the schedule `PH` means. */
  holidayCalendar: HolidayCalendar;
  /** The signed-in staff account; null for anonymous callers and API keys. */
  me?: Maybe<User>;
  /** Active stations near a point, nearest first, with distances in metres. Errors: BAD_USER_INPUT for coordinates out of range or NaN, radius outside 1–50000, first outside 1–100, a bad cursor, or openAt with openNow. */
  nearbyStations: NearbyStationConnection;
  /** Relay: the record with this id (a UUID, or a six-digit region code), of any type implementing Node; null when there is none or the caller may not read it (anonymous callers and API keys read stations, organizations and regions). BAD_USER_INPUT on `id` for an id of neither form. */
  node?: Maybe<Node>;
  /** Relay: the records with these ids, in the same order, null for each id that has no readable record (as node(id:)). At most 100 ids, answered in a fixed number of statements; BAD_USER_INPUT on `ids` for a longer list and on `ids[i]` for an id of neither form. */
  nodes: Array<Maybe<Node>>;
  /** Validates an OSM opening_hours value and tells whether it is open at `at` (for forms). */
  openingHoursCheck: OpeningHoursCheck;
  /** An organization by id; null when there is none. */
  organization?: Maybe<Organization>;
  /** Staff: list of organizations, one page (limit 1–1000) with the total count. */
  organizations: OrganizationPage;
  /** A GB/T 2260 division by its six-digit code. */
  region?: Maybe<Region>;
  /** GB/T 2260 divisions ordered by code, one page (limit 1–1000). */
  regions: RegionPage;
  /** Staff who run the station (as for recordServiceLog): people-served entries of a station between two local dates (inclusive), filtered (ids, campaign) and sorted like the other lists, at most `limit`. */
  serviceLogs: Array<ServiceLog>;
  /** ADMIN, COORDINATOR: a shift of a campaign of theirs; null when absent or not theirs. BAD_USER_INPUT on id when malformed. */
  shift?: Maybe<Shift>;
  /** ADMIN, COORDINATOR: the assignments of shifts of the campaigns in their scope matching the filter (a shift, a volunteer, a campaign, statuses, ids), sorted (default arrival order), one page (default 100) with the total count. BAD_USER_INPUT names the filter field at fault. */
  shiftAssignments: ShiftAssignmentPage;
  /** ADMIN, COORDINATOR: the shifts of the campaigns in their scope matching the filter (a campaign, a station, a time range, ids), sorted (default by start), one page (default 100) with the total count. BAD_USER_INPUT names the filter field at fault. */
  shifts: ShiftPage;
  /** ADMIN, COORDINATOR: the sign-up links of a campaign of theirs (NOT_FOUND on campaignId otherwise), newest first, revoked ones included; at most 200. */
  signupLinks: Array<SignupLink>;
  /** A station by id; null when there is none (and, for callers other than staff, when it is still PLANNED). */
  station?: Maybe<Station>;
  /** Admin list (staff only): stations matching the filter, sorted, one page (limit 1–1000) with the total count. An OPERATOR sees the stations they may edit; ADMIN and COORDINATOR see all. */
  stations: StationPage;
  /** For truck drivers: active stations within bufferMeters (1–5000, default 500) of a route through `route` (2–500 points, each in its own datum), ordered along the route. Filters like nearbyStations. BAD_USER_INPUT names the point at fault (route[3].lat). */
  stationsAlongRoute: Array<RouteStation>;
  /** Staff who run the station (as for recordSupplies): supply entries at a station between two local dates (inclusive), filtered (ids, item, shift) and sorted like the other lists, at most `limit`. */
  supplyTallies: Array<SupplyTally>;
  /** ADMIN, COORDINATOR: hours credited per team (most first), optionally for one campaign. */
  teamHours: Array<HoursTotal>;
  /** ADMIN: a staff account by id. */
  user?: Maybe<User>;
  /** ADMIN: staff accounts, one page (limit 1–1000) with the total count. */
  users: UserPage;
  /** ADMIN, COORDINATOR: a volunteer; null when absent or not in their teams. */
  volunteer?: Maybe<Volunteer>;
  /** ADMIN, COORDINATOR: hours credited per volunteer (most first), optionally for one campaign and/or team: the 优秀志愿者 list. */
  volunteerHours: Array<HoursTotal>;
  /** ADMIN, COORDINATOR: a team; null when absent or not theirs. */
  volunteerTeam?: Maybe<VolunteerTeam>;
  /** ADMIN, COORDINATOR: volunteer teams (a coordinator sees the teams of their organizations) matching the filter, sorted (default by name), one page with the total count. BAD_USER_INPUT names the filter field at fault. */
  volunteerTeams: VolunteerTeamPage;
  /** ADMIN, COORDINATOR: volunteers (a coordinator sees the members of their teams) matching the filter, sorted (default by name), one page with the total count. BAD_USER_INPUT names the filter field at fault. */
  volunteers: VolunteerPage;
  /** API key with WEBHOOKS: deliveries to the key's webhooks, newest first, with status, attempts and last response code. */
  webhookDeliveries: WebhookDeliveryPage;
  /** API key with WEBHOOKS: the key's webhooks, oldest first. */
  webhooks: Array<Webhook>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryApiKeysArgs = {
  includeRevoked?: Scalars['Boolean']['input'];
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryAuditEventsArgs = {
  filter?: InputMaybe<AuditEventFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryCampaignArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryCampaignFillRateArgs = {
  campaignId: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryCampaignsArgs = {
  filter?: InputMaybe<CampaignFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  orderBy?: InputMaybe<CampaignOrder>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryConvertOpeningHoursTextArgs = {
  text: Scalars['String']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryDashboardArgs = {
  month?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryHolidayCalendarArgs = {
  year: Scalars['Int']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryNearbyStationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  amenities?: InputMaybe<Array<Amenity>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<StationKind>>;
  near: LngLatInput;
  openAt?: InputMaybe<Scalars['DateTime']['input']>;
  openNow?: InputMaybe<Scalars['Boolean']['input']>;
  radiusMeters?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryOpeningHoursCheckArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  openingHours: Scalars['String']['input'];
  timezone?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryOrganizationsArgs = {
  filter?: InputMaybe<OrganizationFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  orderBy?: InputMaybe<OrganizationOrder>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryRegionArgs = {
  code: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryRegionsArgs = {
  filter?: InputMaybe<RegionFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryServiceLogsArgs = {
  filter?: InputMaybe<ServiceLogFilter>;
  from: Scalars['String']['input'];
  limit?: Scalars['Int']['input'];
  orderBy?: InputMaybe<ServiceLogOrder>;
  stationId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryShiftArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryShiftAssignmentsArgs = {
  filter?: InputMaybe<ShiftAssignmentFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  orderBy?: InputMaybe<ShiftAssignmentOrder>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryShiftsArgs = {
  filter?: InputMaybe<ShiftFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  orderBy?: InputMaybe<ShiftOrder>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QuerySignupLinksArgs = {
  campaignId: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryStationArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryStationsArgs = {
  filter?: InputMaybe<StationFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  orderBy?: InputMaybe<StationOrder>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryStationsAlongRouteArgs = {
  amenities?: InputMaybe<Array<Amenity>>;
  bufferMeters?: Scalars['Int']['input'];
  first?: Scalars['Int']['input'];
  kinds?: InputMaybe<Array<StationKind>>;
  route: Array<LngLatInput>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QuerySupplyTalliesArgs = {
  filter?: InputMaybe<SupplyTallyFilter>;
  from: Scalars['String']['input'];
  limit?: Scalars['Int']['input'];
  orderBy?: InputMaybe<SupplyTallyOrder>;
  stationId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryTeamHoursArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryUsersArgs = {
  filter?: InputMaybe<UserFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryVolunteerArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryVolunteerHoursArgs = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  limit?: Scalars['Int']['input'];
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryVolunteerTeamArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryVolunteerTeamsArgs = {
  filter?: InputMaybe<VolunteerTeamFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  orderBy?: InputMaybe<VolunteerTeamOrder>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryVolunteersArgs = {
  filter?: InputMaybe<VolunteerFilter>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  orderBy?: InputMaybe<VolunteerOrder>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryWebhookDeliveriesArgs = {
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  status?: InputMaybe<WebhookDeliveryStatus>;
  webhookId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles. */
export type QueryWebhooksArgs = {
  includeInactive?: Scalars['Boolean']['input'];
};

/** A GB/T 2260 administrative division (province, city or county) with its centre point. */
export type Region = Node & {
  /** Centre (seat of government) in the requested datum. */
  centre?: Maybe<GeoPoint>;
  /** Six-digit GB/T 2260 code (adcode), e.g. 410102 for 中原区. */
  code: Scalars['ID']['output'];
  /** Node id: the same six-digit code as `code`, for `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Whether it is a province, city or county. */
  level: RegionLevel;
  /** Official name, e.g. 郑州市. */
  name: Scalars['String']['output'];
  /** Code of the enclosing division; null for provinces. */
  parentCode?: Maybe<Scalars['String']['output']>;
};


/** A GB/T 2260 administrative division (province, city or county) with its centre point. */
export type RegionCentreArgs = {
  crs?: InputMaybe<CoordinateSystem>;
};

/** Filters of the region list. */
export type RegionFilter = {
  /** Only these codes (at most 1000; TOO_MANY on filter.codes). */
  codes?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only divisions of this level. */
  level?: InputMaybe<RegionLevel>;
  /** Only direct children of this code. */
  parentCode?: InputMaybe<Scalars['String']['input']>;
  /** Text contained in the name, or leading digits of the code. */
  search?: InputMaybe<Scalars['String']['input']>;
};

export { RegionLevel };

/** One page of Region records with the total count matching the filter. */
export type RegionPage = {
  /** The Region records of this page, in the requested order (at most `limit`). */
  nodes: Array<Region>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** People served (服务人次) in one county-level division. */
export type RegionPeopleServed = {
  /** People served in the dashboard's month. */
  month: Scalars['Int']['output'];
  /** Name of the division. */
  name?: Maybe<Scalars['String']['output']>;
  /** Six-digit GB/T 2260 code; null for stations without a region. */
  regionCode?: Maybe<Scalars['ID']['output']>;
  /** People served in the dashboard's year up to the end of its month. */
  year: Scalars['Int']['output'];
};

export { Role };

/** A station near a route, with its position along the route and its distance off it. */
export type RouteStation = {
  /** Metres along the route from its first point to the point nearest the station. */
  alongRouteMeters: Scalars['Float']['output'];
  /** Metres from the route to the station (spheroid). */
  distanceFromRouteMeters: Scalars['Float']['output'];
  /** The station. */
  node: Station;
};

/** People served (服务人次) at a station on a day. No personal data about the workers served. */
export type ServiceLog = {
  /** When the record was created (an instant, RFC 3339). */
  createdAt: Scalars['DateTime']['output'];
  /** Local date (YYYY-MM-DD). */
  day: Scalars['String']['output'];
  /** UUID of the log entry. */
  id: Scalars['ID']['output'];
  /** People served (人次) that day, 0–1000000; recording the same station and day again replaces the figure. */
  peopleServed: Scalars['Int']['output'];
  /** When the record last changed (an instant, RFC 3339). */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts). */
  version: Scalars['Int']['output'];
};

/** Filters of a station's people-served entries (serviceLogs); all given conditions must hold, on top of the station and dates. */
export type ServiceLogFilter = {
  /** Only the entries counted for this campaign (UUID). */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these entries (at most 1000 UUIDs; TOO_MANY on filter.ids); ids of other stations or outside the dates are left out. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Sort order of the people-served entry list; ties are broken by id, in the same direction. */
export type ServiceLogOrder = {
  /** Sort direction. */
  direction?: SortDirection;
  /** Sort key. */
  field?: ServiceLogOrderField;
};

export { ServiceLogOrderField };

/** A temporary service point (临时服务点) created for a campaign: a SERVICE_POINT station valid during the campaign window unless given. */
export type ServicePointInput = {
  /** At most 500 characters (trimmed; empty means none). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** What the point offers (water, toilet, …); default none. */
  amenities?: Array<Amenity>;
  /** Why the location is approximate, if it is (kept in provenance). */
  approximateNote?: InputMaybe<Scalars['String']['input']>;
  /** UUID of a campaign the caller organizes; NOT_FOUND on input.campaignId otherwise. */
  campaignId: Scalars['ID']['input'];
  /** Where the point is, in the datum named by its `crs` (default WGS-84; GCJ-02 for AMap/Tencent coordinates); stored as WGS-84. */
  location: LngLatInput;
  /** 1–200 characters (trimmed, at least one visible). */
  name: Scalars['String']['input'];
  /** OSM opening_hours, at most 500 characters; default 24/7 (昼夜). */
  openingHours?: InputMaybe<Scalars['String']['input']>;
  /** From when the point exists (RFC 3339); default the campaign's start. */
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Until when the point exists (exclusive, after validFrom); default the campaign's end. */
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A shift (班次) at a service point: start and end instants (a night shift crosses midnight), role, capacity and required skills. Read by ADMIN and a COORDINATOR of its campaign; also a Relay Node. */
export type Shift = Node & {
  /** Staff only: its assignments in arrival order (empty for API keys). */
  assignments: Array<ShiftAssignment>;
  /** The campaign the shift belongs to. */
  campaign: Campaign;
  /** Alias of maxVolunteers (the public contract). */
  capacity: Scalars['Int']['output'];
  /** When the record was created (an instant, RFC 3339). */
  createdAt: Scalars['DateTime']['output'];
  /** End (an instant, exclusive): after startsAt and at most 24 hours later. */
  endsAt: Scalars['DateTime']['output'];
  /** Assignments holding a place (signed up, confirmed, checked in, completed); kept by a database trigger. */
  filledCount: Scalars['Int']['output'];
  /** UUID of the shift; also its Node id (`node(id:)`). */
  id: Scalars['ID']['output'];
  /** Most volunteers: sign-ups beyond it are waitlisted or refused (the database enforces it). */
  maxVolunteers: Scalars['Int']['output'];
  /** Fewest volunteers the shift needs; below it the shift is understaffed. */
  minVolunteers: Scalars['Int']['output'];
  /** Notes for the volunteers, up to 1000 characters; null when none. */
  notes?: Maybe<Scalars['String']['output']>;
  /** Skills every volunteer on the shift must have; empty when none. */
  requiredSkills: Array<VolunteerSkill>;
  /** What the volunteers do, e.g. VOLUNTEER, 医疗, 引导 (1–50 characters). */
  role: Scalars['String']['output'];
  /** Start (an instant, RFC 3339), inside the campaign's window. */
  startsAt: Scalars['DateTime']['output'];
  /** The station (service point) the shift is at. */
  station: Station;
  /** When the record last changed (an instant, RFC 3339). */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts). */
  version: Scalars['Int']['output'];
  /** Waitlisted sign-ups. */
  waitlistCount: Scalars['Int']['output'];
};

/** A volunteer on a shift (报名, 签到, 签退): status, check-in and check-out times, hours credited. Read by ADMIN and a COORDINATOR of the shift's campaign; also a Relay Node. */
export type ShiftAssignment = Node & {
  /** When the volunteer checked in (an instant); null before check-in. */
  checkedInAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the volunteer checked out (an instant, after checkedInAt); null before check-out. */
  checkedOutAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the record was created (an instant, RFC 3339). */
  createdAt: Scalars['DateTime']['output'];
  /** Hours credited: from the real check-in/out times, capped at the shift length unless a coordinator approved more. */
  hoursCredited?: Maybe<Scalars['Float']['output']>;
  /** UUID of the assignment; also its Node id (`node(id:)`). */
  id: Scalars['ID']['output'];
  /** Arrival order (the waitlist is served in it); from a database sequence. */
  seq: Scalars['String']['output'];
  /** The shift signed up for. */
  shift: Shift;
  /** Where the sign-up is in its life (see AssignmentStatus). */
  status: AssignmentStatus;
  /** When the record last changed (an instant, RFC 3339). */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts). */
  version: Scalars['Int']['output'];
  /** The volunteer signed up. */
  volunteer: Volunteer;
};

/** Filters of the assignment list; all given conditions must hold. Assignments of campaigns outside the caller's scope never come back. */
export type ShiftAssignmentFilter = {
  /** Only the assignments of this campaign's shifts (UUID). */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller's scope are left out. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only the assignments of this shift (UUID). */
  shiftId?: InputMaybe<Scalars['ID']['input']>;
  /** Only assignments in these statuses. */
  statuses?: InputMaybe<Array<AssignmentStatus>>;
  /** Only the assignments of this volunteer (UUID). */
  volunteerId?: InputMaybe<Scalars['ID']['input']>;
};

/** Sort order of the shift assignment list; ties are broken by id, in the same direction. */
export type ShiftAssignmentOrder = {
  /** Sort direction. */
  direction?: SortDirection;
  /** Sort key. */
  field?: ShiftAssignmentOrderField;
};

export { ShiftAssignmentOrderField };

/** One page of ShiftAssignment records with the total count matching the filter. */
export type ShiftAssignmentPage = {
  /** The ShiftAssignment records of this page, in the requested order (at most `limit`). */
  nodes: Array<ShiftAssignment>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A shift with its fill state (campaignFillRate). */
export type ShiftFill = {
  /** Places offered (Shift.maxVolunteers). */
  capacity: Scalars['Int']['output'];
  /** Places taken (Shift.filledCount: signed up, confirmed, checked in, completed). */
  filled: Scalars['Int']['output'];
  /** Crosses local midnight or starts 18:00–06:00 in the campaign zone. */
  isNight: Scalars['Boolean']['output'];
  /** Fewest volunteers needed (Shift.minVolunteers). */
  minimum: Scalars['Int']['output'];
  /** The shift. */
  shift: Shift;
  /** Name of the station the shift is at. */
  stationName: Scalars['String']['output'];
  /** Fewer volunteers than minVolunteers. */
  understaffed: Scalars['Boolean']['output'];
};

/** Filters of the shift list; all given conditions must hold. Shifts of campaigns outside the caller's scope never come back. */
export type ShiftFilter = {
  /** Only the shifts of this campaign (UUID). */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** Only shifts that end after this instant (ISO-8601 with offset). */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller's scope are left out. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only the shifts at this station or service point (UUID). */
  stationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only shifts that start before this instant (ISO-8601 with offset); after `from`. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** One shift. */
export type ShiftInput = {
  /** UUID of a campaign the caller may plan; required when creating (NOT_FOUND on input.campaignId outside their scope, as for a missing one). */
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  /** After startsAt, at most 24 hours later. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Capacity, 1–500; required when creating. BAD_USER_INPUT on input.maxVolunteers below the places already taken. */
  maxVolunteers?: InputMaybe<Scalars['Int']['input']>;
  /** Fewest volunteers needed, 0–500 and at most maxVolunteers (default 1; BAD_USER_INPUT on input.minVolunteers above maxVolunteers). */
  minVolunteers?: InputMaybe<Scalars['Int']['input']>;
  /** At most 1000 characters (trimmed; empty means none). */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Skills every volunteer must have (replaces the list); default none. */
  requiredSkills?: InputMaybe<Array<VolunteerSkill>>;
  /** 1–50 characters (trimmed, at least one visible). */
  role?: InputMaybe<Scalars['String']['input']>;
  /** Start (RFC 3339 date-time with offset), inside the campaign's window; required when creating. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** UUID of one of the campaign's stations (its service points); required when creating. BAD_USER_INPUT on input.stationId when the station does not serve the campaign. */
  stationId?: InputMaybe<Scalars['ID']['input']>;
};

/** Sort order of the shift list; ties are broken by id, in the same direction. */
export type ShiftOrder = {
  /** Sort direction. */
  direction?: SortDirection;
  /** Sort key. */
  field?: ShiftOrderField;
};

export { ShiftOrderField };

/** One page of Shift records with the total count matching the filter. */
export type ShiftPage = {
  /** The Shift records of this page, in the requested order (at most `limit`). */
  nodes: Array<Shift>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Every day from `fromDate` to `toDate` (inclusive, local dates), at each station, each slot. */
export type ShiftPatternInput = {
  /** UUID of a campaign the caller may plan; NOT_FOUND on input.campaignId otherwise. */
  campaignId: Scalars['ID']['input'];
  /** YYYY-MM-DD */
  fromDate: Scalars['String']['input'];
  /** Daily slots, 1–12, repeated every day at every station (TOO_FEW / TOO_MANY on input.slots otherwise). */
  slots: Array<ShiftSlotInput>;
  /** UUIDs of the campaign's stations to plan at, 1–50; each must serve the campaign (TOO_FEW / TOO_MANY on input.stationIds otherwise). */
  stationIds: Array<Scalars['ID']['input']>;
  /** YYYY-MM-DD */
  toDate: Scalars['String']['input'];
};

/** What planShifts made of a pattern: every shift of it (new and existing), and how many this call created. */
export type ShiftPlan = {
  /** Shifts created by this call (0 for a preview or a repeat). */
  created: Scalars['Int']['output'];
  /** Every shift of the pattern, by day, station and slot (at most 5000). */
  shifts: Array<PlannedShift>;
};

/** A daily slot of a shift pattern, in the campaign time zone: "20:00"–"08:00" crosses midnight. */
export type ShiftSlotInput = {
  /** Local end, HH:mm; at or before start means the next day. */
  end: Scalars['String']['input'];
  /** Most volunteers (capacity), 1–500. */
  maxVolunteers: Scalars['Int']['input'];
  /** Fewest volunteers, 0–500 (default: maxVolunteers; above it counts as maxVolunteers). */
  minVolunteers?: InputMaybe<Scalars['Int']['input']>;
  /** Skills every volunteer on these shifts must have; default none. */
  requiredSkills?: InputMaybe<Array<VolunteerSkill>>;
  /** 1–50 characters (trimmed, at least one visible). */
  role?: InputMaybe<Scalars['String']['input']>;
  /** Local start, HH:mm. */
  start: Scalars['String']['input'];
};

/** A sign-up link (报名链接) for a campaign, optionally for one team and until an expiry; revoking it stops it at once (the page answers 410 LINK_REVOKED). */
export type SignupLink = {
  /** Whether the link works now: not revoked, not expired, campaign not ended. */
  active: Scalars['Boolean']['output'];
  /** The campaign whose shifts the link offers. */
  campaign: Campaign;
  /** When the coordinator created it. */
  createdAt: Scalars['DateTime']['output'];
  /** After this instant the link answers 410 LINK_EXPIRED; null: until the campaign ends. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The link record (UUID); not the secret of its URL. */
  id: Scalars['ID']['output'];
  /** The page of the link, relative to the server: /join/<token>. Anyone with it can register, so revoke a leaked one. */
  path: Scalars['String']['output'];
  /** Volunteers who registered through the link. */
  registrations: Scalars['Int']['output'];
  /** When it was revoked (it answers 410 LINK_REVOKED from then on); null while it works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The team volunteers join through the link; null for none. */
  team?: Maybe<VolunteerTeam>;
  /** Last change (creation or revocation). */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-lock version, 1 on creation. */
  version: Scalars['Int']['output'];
};

export { SortDirection };

/** A rest station for outdoor workers: love station, drivers' home, courier home or temporary service point. */
export type Station = Node & {
  /** Street address in Chinese. */
  address?: Maybe<Scalars['String']['output']>;
  /** What the station offers, from the one amenity vocabulary. */
  amenities: Array<Amenity>;
  /** Seats for resting workers. */
  capacity?: Maybe<Scalars['Int']['output']>;
  /** When the record was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Grade given by the federation: 1–5 stars (gradeStation); null: not graded yet. */
  gradeStars?: Maybe<Scalars['Int']['output']>;
  /** The unit whose premises host the station (承建单位). */
  hostOrganization?: Maybe<Organization>;
  /** UUID of the station; stable, the id apps store and refetch with `station(id:)` or `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Its acceptance inspections, newest first (at most 100). Null for callers other than staff. */
  inspections?: Maybe<Array<StationInspection>>;
  /** Whether the station is open at `at` (default now), read in its own time zone with China's statutory holidays and make-up workdays; null when its hours are unknown. */
  isOpen?: Maybe<Scalars['Boolean']['output']>;
  /** What kind of station it is: love station, drivers' home, courier home or temporary service point. */
  kind: StationKind;
  /** Every kind the station is signposted as, `kind` first (e.g. a love station that is also a 货车司机之家 and a 快递小哥之家). `kind` stays the one public kind that nearbyStations filters on. */
  labels: Array<StationKind>;
  /** The location in the requested datum (stored as WGS84). */
  location: GeoPoint;
  /** Name as the station is signposted, e.g. 工会驿站(郑州市职工服务中心). */
  name: Scalars['String']['output'];
  /** OpenStreetMap opening_hours syntax, e.g. `Mo-Fr 09:00-17:00; PH off` or `24/7`. */
  openingHours?: Maybe<Scalars['String']['output']>;
  /** The union that runs the station. */
  operatorOrganization?: Maybe<Organization>;
  /** People served (服务人次) per year, oldest first, summed from the daily service logs. Null unless the caller may record them here (ADMIN, its OPERATOR, a COORDINATOR in scope). One statement per station: ask on one station at a time. */
  peopleServedByYear?: Maybe<Array<YearCount>>;
  /** Public contact phone of the station (not a person's). */
  phone?: Maybe<Scalars['String']['output']>;
  /** Where the record came from and what still needs checking (internal notes). Null unless the caller may edit the station. */
  provenance?: Maybe<Provenance>;
  /** The county-level division of regionCode. */
  region?: Maybe<Region>;
  /** Six-digit GB/T 2260 code of the county-level division (adcode). */
  regionCode?: Maybe<Scalars['String']['output']>;
  /** Stable key in the import source; re-imports update the station with the same key. Null unless the caller may edit the station. */
  sourceKey?: Maybe<Scalars['String']['output']>;
  /** Whether it is in service; nearby search returns ACTIVE stations only, and no public answer shows a PLANNED one. */
  status: StationStatus;
  /** IANA time zone the opening hours are read in (default Asia/Shanghai). */
  timezone: Scalars['String']['output'];
  /** Its 优秀站点 titles, newest year first (public). */
  titles: Array<StationTitle>;
  /** When anything on the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** A temporary SERVICE_POINT is found by nearbyStations only from validFrom (instant, inclusive)… */
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  /** …until validUntil (exclusive). Null: no limit. */
  validUntil?: Maybe<Scalars['DateTime']['output']>;
  /** Optimistic-lock version; send it back with an update. */
  version: Scalars['Int']['output'];
  /** Whether the caller may edit this station (ADMIN; an OPERATOR of its operating or host organization or one above it). False for anonymous callers and API keys. */
  viewerCanEdit: Scalars['Boolean']['output'];
};


/** A rest station for outdoor workers: love station, drivers' home, courier home or temporary service point. */
export type StationIsOpenArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
};


/** A rest station for outdoor workers: love station, drivers' home, courier home or temporary service point. */
export type StationLocationArgs = {
  crs?: InputMaybe<CoordinateSystem>;
};

export { StationChange };

/** A new station. `regionCode` is found from the location when left out. */
export type StationCreateInput = {
  /** At most 500 characters (trimmed; empty means none). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** What it offers; duplicates are dropped. */
  amenities?: Array<Amenity>;
  /** Seats, 0–10000 (INTEGER_RANGE on input.capacity otherwise). */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** Organization whose premises host it (承建单位), a UUID that must exist. */
  hostOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** What kind of station it is. */
  kind: StationKind;
  /** Every kind the station is signposted as (e.g. a love station that is also a 货车司机之家 and a 快递小哥之家); `kind` is always one of them and stays the one public kind. Duplicates are dropped. */
  labels?: InputMaybe<Array<StationKind>>;
  /** Where it is, in the datum of its `crs`; must lie within China. */
  location: LngLatInput;
  /** 1–200 characters (Unicode code points, trimmed), at least one of them visible. */
  name: Scalars['String']['input'];
  /** OSM opening_hours syntax, e.g. `Mo-Fr 09:00-17:00; PH off`; at most 500 characters. */
  openingHours?: InputMaybe<Scalars['String']['input']>;
  /** Union that runs it, a UUID that must exist; an OPERATOR must give one of theirs here or as host. */
  operatorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Public contact phone: one or more numbers, each like a volunteer phone (an optional +, then 5–20 digits, spaces or dashes), separated by `;`, `,` or `、`; at most 50 characters. Empty means none. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Six-digit GB/T 2260 code that must exist. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** Default ACTIVE; PLANNED for a station applied for that still awaits its acceptance inspection. */
  status?: InputMaybe<StationStatus>;
  /** IANA time zone; default Asia/Shanghai. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** Temporary service points: first instant it is found by nearbyStations. */
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Temporary service points: found by nearbyStations until this instant (exclusive); after validFrom. */
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Filters of the admin station list; all given conditions must hold. */
export type StationFilter = {
  /** A station must have all of them. */
  amenities?: InputMaybe<Array<Amenity>>;
  /** Only stations hosted by this organization (UUID). */
  hostOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these ids (at most 1000). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only stations of these kinds. */
  kinds?: InputMaybe<Array<StationKind>>;
  /** Only records whose provenance says they need a check on site. */
  needsReview?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only stations operated by this organization (UUID). */
  operatorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Leading digits of the GB/T 2260 code: `41` Henan, `4101` Zhengzhou, `410102` 中原区. */
  regionCodePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive text contained in the name or address (at most 100 characters, trimmed). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only stations in these statuses. */
  statuses?: InputMaybe<Array<StationStatus>>;
  /** Only stations inside this box. */
  within?: InputMaybe<BoundingBoxInput>;
};

/** A station's grade: its stars and the whole list of its titles (replacing the old list). */
export type StationGradeInput = {
  /** 1–5 stars (INTEGER_RANGE on input.stars otherwise); null: not graded. */
  stars?: InputMaybe<Scalars['Int']['input']>;
  /** Every title the station holds (at most 50; TOO_MANY on input.titles); the old list is replaced. */
  titles: Array<StationTitleInput>;
};

/** An acceptance inspection of a station against a standard (六有): each item, the inspector, the date and the result. */
export type StationInspection = {
  /** When it was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** UUID of the inspection. */
  id: Scalars['ID']['output'];
  /** Local date of the inspection (YYYY-MM-DD, station time zone). */
  inspectedOn: Scalars['String']['output'];
  /** Name of the inspector as signed on the form (1–50 characters). */
  inspectorName: Scalars['String']['output'];
  /** Every item of the standard once, in checklist order. */
  items: Array<InspectionItem>;
  /** Remarks (at most 1000 characters). */
  notes?: Maybe<Scalars['String']['output']>;
  /** PASSED when every item was met, else FAILED. */
  result: InspectionResult;
  /** The standard checked. */
  standard: InspectionStandard;
};

/** An acceptance inspection. The result is PASSED when every item passed, else FAILED. */
export type StationInspectionInput = {
  /** Local date of the inspection, YYYY-MM-DD; not after today in the station's time zone. */
  inspectedOn: Scalars['String']['input'];
  /** Inspector's name, 1–50 characters (trimmed, at least one visible). */
  inspectorName: Scalars['String']['input'];
  /** Every item of the standard exactly once (BAD_USER_INPUT on input.items naming a missing one, input.items[i].item for a repeated one). */
  items: Array<InspectionItemInput>;
  /** Remarks, at most 1000 characters (trimmed; empty means none). */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The standard checked (default 六有). */
  standard?: InspectionStandard;
};

export { StationKind };

/** Sort order of the admin station list (ties broken by id). */
export type StationOrder = {
  /** Sort direction. */
  direction?: SortDirection;
  /** Sort key. */
  field?: StationOrderField;
};

export { StationOrderField };

/** One page of Station records with the total count matching the filter. */
export type StationPage = {
  /** The Station records of this page, in the requested order (at most `limit`). */
  nodes: Array<Station>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export { StationStatus };

/** An 优秀站点 title of a station: level, year and awarding body. */
export type StationTitle = {
  /** Who awarded it, e.g. 江苏省总工会. */
  awardingBody: Scalars['String']['output'];
  /** When it was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** UUID of the title. */
  id: Scalars['ID']['output'];
  /** 全国, 省级 or 市级. */
  level: TitleLevel;
  /** Where the award is documented (a notice, a report). */
  source?: Maybe<Scalars['String']['output']>;
  /** Year awarded (1990–2100). */
  year: Scalars['Int']['output'];
};

/** An 优秀站点 title. */
export type StationTitleInput = {
  /** Awarding body, 1–100 characters (trimmed, at least one visible), e.g. 江苏省总工会. */
  awardingBody: Scalars['String']['input'];
  /** 全国, 省级 or 市级. */
  level: TitleLevel;
  /** Where the award is documented, at most 500 characters (trimmed; empty means none). */
  source?: InputMaybe<Scalars['String']['input']>;
  /** Year awarded, 1990 to this year; one title per level and year. */
  year: Scalars['Int']['input'];
};

/** Changes to a station; fields left out stay as they are, null clears an optional field. */
export type StationUpdateInput = {
  /** At most 500 characters (trimmed; empty or null clears it). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** The whole new amenity list (replaces the old one). */
  amenities?: InputMaybe<Array<Amenity>>;
  /** New seat count, 0–10000 (INTEGER_RANGE on input.capacity otherwise); null: unknown. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** New host organization (UUID); null clears it. */
  hostOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** New kind. */
  kind?: InputMaybe<StationKind>;
  /** The whole new label list, as in StationCreateInput.labels (`kind` is always kept among them). */
  labels?: InputMaybe<Array<StationKind>>;
  /** New location in the datum of its `crs`; must lie within China. */
  location?: InputMaybe<LngLatInput>;
  /** 1–200 characters (Unicode code points, trimmed), at least one of them visible. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** OSM opening_hours syntax; at most 500 characters; empty or null clears it. */
  openingHours?: InputMaybe<Scalars['String']['input']>;
  /** New operating union (UUID); null clears it. */
  operatorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Public contact phone, as in StationCreateInput.phone; empty or null clears it. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Six-digit GB/T 2260 code that must exist; null finds it from the location. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** New status. PLANNED → ACTIVE needs a PASSED acceptance inspection (BAD_USER_INPUT on input.status otherwise); nothing returns to PLANNED once it was ACTIVE. */
  status?: InputMaybe<StationStatus>;
  /** IANA time zone; empty or null means Asia/Shanghai. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** Temporary service points: start of the validity window; null clears it. */
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Temporary service points: end of the validity window (exclusive); null clears it. */
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A supply handed out (慰问物资): 矿泉水 (瓶), 方便面 (箱), 防暑药品 (盒), 绿豆汤 (桶). */
export type SupplyItem = {
  /** When the record was created (an instant, RFC 3339). */
  createdAt: Scalars['DateTime']['output'];
  /** UUID of the supply item. */
  id: Scalars['ID']['output'];
  /** What is handed out, 1–50 characters, e.g. 矿泉水. */
  name: Scalars['String']['output'];
  /** Unit it is counted in, 1–20 characters, e.g. 瓶, 箱, 盒. */
  unit: Scalars['String']['output'];
};

/** Quantities of supplies handed out. */
export type SupplyQuantityInput = {
  /** UUID of a supply item (general, or of a campaign the station serves); NOT_FOUND on items[i].itemId outside the caller's scope. */
  itemId: Scalars['ID']['input'];
  /** How many of the item's unit were handed out, 1–1000000 (INTEGER_RANGE on items[i].quantity otherwise). */
  quantity: Scalars['Int']['input'];
};

/** A quantity of one supply handed out at a station on a day (optionally during a shift). */
export type SupplyTally = {
  /** When the record was created (an instant, RFC 3339). */
  createdAt: Scalars['DateTime']['output'];
  /** Local date (YYYY-MM-DD). */
  day: Scalars['String']['output'];
  /** UUID of the tally. */
  id: Scalars['ID']['output'];
  /** The supply handed out. */
  item: SupplyItem;
  /** How many `item.unit` were handed out, 1–1000000. */
  quantity: Scalars['Int']['output'];
};

/** Filters of a station's supply entries (supplyTallies); all given conditions must hold, on top of the station and dates. */
export type SupplyTallyFilter = {
  /** Only these entries (at most 1000 UUIDs; TOO_MANY on filter.ids); ids of other stations or outside the dates are left out. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only entries of this supply item (UUID). */
  itemId?: InputMaybe<Scalars['ID']['input']>;
  /** Only entries recorded for this shift (UUID). */
  shiftId?: InputMaybe<Scalars['ID']['input']>;
};

/** Sort order of the supply entry list; ties are broken by id, in the same direction. */
export type SupplyTallyOrder = {
  /** Sort direction. */
  direction?: SortDirection;
  /** Sort key. */
  field?: SupplyTallyOrderField;
};

export { SupplyTallyOrderField };

/** Total of one supply handed out. */
export type SupplyTotal = {
  /** The supply item. */
  item: SupplyItem;
  /** Total handed out, in the item's unit. */
  quantity: Scalars['Int']['output'];
};

/** All or nothing: ok with the assignments made, or the conflicts and nothing saved. */
export type TeamAssignmentResult = {
  /** The assignments made (for a dryRun without conflicts: those that would be made, not saved); empty on any conflict. */
  assignments: Array<ShiftAssignment>;
  /** Every sign-up that could not be made; empty when ok. */
  conflicts: Array<AssignmentConflict>;
  /** true when every member could be signed up for every shift (and, unless dryRun, was). */
  ok: Scalars['Boolean']['output'];
};

/** Number of 优秀站点 titles of one level. */
export type TitleCount = {
  /** Titles of that level held by stations in scope. */
  count: Scalars['Int']['output'];
  /** The level. */
  level: TitleLevel;
};

export { TitleLevel };

/** A staff account (federation staff, station operator or volunteer coordinator). Never visible to anonymous callers or API keys. */
export type User = {
  /** When the record was created. */
  createdAt: Scalars['DateTime']['output'];
  /** A disabled account cannot log in and its sessions stop working. */
  disabled: Scalars['Boolean']['output'];
  /** Name shown in the admin and the audit log, e.g. 李娜. */
  displayName: Scalars['String']['output'];
  /** UUID of the account. */
  id: Scalars['ID']['output'];
  /** Last successful sign-in; null if never. */
  lastLoginAt?: Maybe<Scalars['DateTime']['output']>;
  /** true after a one-time or reset password: every operation but changePassword, me and logout is FORBIDDEN until it is changed. */
  mustChangePassword: Scalars['Boolean']['output'];
  /** Organizations the account acts for (and everything below them in the union tree). */
  organizations: Array<Organization>;
  /** What the account may do. */
  role: Role;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Login name: 3–40 of a–z, 0–9, `.`, `_`, `-`, starting with a letter or digit; stored lower-case. */
  username: Scalars['String']['output'];
  /** Optimistic-lock version; send it back with an update. */
  version: Scalars['Int']['output'];
};

/** A new staff account. OPERATOR and COORDINATOR accounts need at least one organization. */
export type UserCreateInput = {
  /** Name shown in the admin, 1–100 characters (trimmed), at least one of them visible. */
  displayName: Scalars['String']['input'];
  /** Make the user choose their own password at first login (default true). */
  mustChangePassword?: InputMaybe<Scalars['Boolean']['input']>;
  /** UUIDs of organizations, at most 50 (TOO_MANY on input.organizationIds); the account acts for these and every organization below them. */
  organizationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Initial password, 10–128 characters, not containing the username (not trimmed). */
  password: Scalars['String']['input'];
  /** What the account may do. */
  role: Role;
  /** 3–40 of a–z, 0–9, `.`, `_`, `-` (trimmed), starting with a letter or digit; stored lower-case. */
  username: Scalars['String']['input'];
};

/** Filters of the account list; all given conditions must hold. */
export type UserFilter = {
  /** Only disabled (true) or enabled (false) accounts. */
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Members of this organization (directly): its UUID. */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only accounts with this role. */
  role?: InputMaybe<Role>;
  /** Part of the username or display name (at most 100 characters, trimmed). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** One page of User records with the total count matching the filter. */
export type UserPage = {
  /** The User records of this page, in the requested order (at most `limit`). */
  nodes: Array<User>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Changes to a staff account; omitted fields stay as they are. Role, organization and disabling changes end its sessions. */
export type UserUpdateInput = {
  /** A disabled account cannot sign in; its sessions end at once. */
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name shown in the admin, 1–100 characters (trimmed), at least one of them visible. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The whole new list of organization UUIDs (at most 50; TOO_MANY on input.organizationIds), replacing the old one. */
  organizationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** New role. */
  role?: InputMaybe<Role>;
};

/** A volunteer (志愿者); a Relay Node read by ADMIN and by a COORDINATOR of one of their teams. The phone number is personal data: in full only to coordinators of a team the volunteer belongs to, masked (138****5596) to other staff, never public. */
export type Volunteer = Node & {
  /** When the record was created (an instant, RFC 3339). */
  createdAt: Scalars['DateTime']['output'];
  /** UUID of the volunteer; also their Node id (`node(id:)`). */
  id: Scalars['ID']['output'];
  /** 劳模: a model worker. */
  isModelWorker: Scalars['Boolean']['output'];
  /** Name, 1–50 characters. */
  name: Scalars['String']['output'];
  /** Personal data. In full only to a COORDINATOR of a team the volunteer belongs to; masked (138****5596) to other staff, ADMIN included (data minimisation); null for API keys and anonymous callers. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Skills, each at most once (a duplicate in the input is dropped). */
  skills: Array<VolunteerSkill>;
  /** Staff only (empty for API keys). */
  teams: Array<VolunteerTeam>;
  /** When the record last changed (an instant, RFC 3339). */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts). */
  version: Scalars['Int']['output'];
};

/** Filters of the volunteer list; all given conditions must hold. Volunteers outside the caller's scope never come back. */
export type VolunteerFilter = {
  /** Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller's scope are left out. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** true: only model workers (劳模); false: only the others. */
  isModelWorker?: InputMaybe<Scalars['Boolean']['input']>;
  /** Case-insensitive text contained in the name (at most 100 characters, trimmed). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** A volunteer must have all of these skills. */
  skills?: InputMaybe<Array<VolunteerSkill>>;
  /** Only members of at least one of these teams (at most 1000 UUIDs). */
  teamIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A volunteer. Phone: a mainland mobile (11 digits) or a landline; personal data. */
export type VolunteerInput = {
  /** 劳模: whether the volunteer is a model worker; omitted keeps it (false when creating). */
  isModelWorker?: InputMaybe<Scalars['Boolean']['input']>;
  /** 1–50 characters (trimmed, at least one visible). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** An optional +, then 5–20 digits, spaces or dashes (trimmed; empty means none). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The full skill list (replaces it; duplicates dropped); omitted keeps it. */
  skills?: InputMaybe<Array<VolunteerSkill>>;
  /** UUIDs of the teams to join, at most 20 (TOO_MANY on input.teamIds; a COORDINATOR must name at least one of theirs when creating). */
  teamIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Sort order of the volunteer list; ties are broken by id, in the same direction. */
export type VolunteerOrder = {
  /** Sort direction. */
  direction?: SortDirection;
  /** Sort key. */
  field?: VolunteerOrderField;
};

export { VolunteerOrderField };

/** One page of Volunteer records with the total count matching the filter. */
export type VolunteerPage = {
  /** The Volunteer records of this page, in the requested order (at most `limit`). */
  nodes: Array<Volunteer>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export { VolunteerSkill };

/** A volunteer team (志愿服务队, 救援队, 劳模志愿服务队) belonging to an organization. Read by ADMIN and by a COORDINATOR of that organization (or one above it in the union tree); also a Relay Node. */
export type VolunteerTeam = Node & {
  /** How to reach the team (a duty phone or office, not a person's mobile). */
  contact?: Maybe<Scalars['String']['output']>;
  /** When the record was created (an instant, RFC 3339). */
  createdAt: Scalars['DateTime']['output'];
  /** UUID of the team; also its Node id (`node(id:)`). */
  id: Scalars['ID']['output'];
  /** What kind of team it is. */
  kind: VolunteerTeamKind;
  /** Null unless the viewer coordinates the team (ADMIN, or a COORDINATOR of its organization). */
  leader?: Maybe<Volunteer>;
  /** Number of members (visible to every reader of the team, even when `members` is empty for them). */
  memberCount: Scalars['Int']['output'];
  /** Empty unless the viewer coordinates the team (ADMIN, or a COORDINATOR of its organization): e.g. an operator reading a campaign sees its teams, not their people. */
  members: Array<Volunteer>;
  /** Name, 1–100 characters, e.g. 郑州市斑马救援队. */
  name: Scalars['String']['output'];
  /** The organization the team belongs to. */
  organization: Organization;
  /** Six-digit GB/T 2260 code of the area it serves. */
  regionCode?: Maybe<Scalars['String']['output']>;
  /** When the record last changed (an instant, RFC 3339). */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts). */
  version: Scalars['Int']['output'];
};

/** Filters of the volunteer team list; all given conditions must hold. Teams outside the caller's scope never come back. */
export type VolunteerTeamFilter = {
  /** Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller's scope are left out. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only teams of these kinds. */
  kinds?: InputMaybe<Array<VolunteerTeamKind>>;
  /** Only the teams of this organization (UUID). */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Case-insensitive text contained in the name (at most 100 characters, trimmed). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A volunteer team. A COORDINATOR may only use one of their organizations (or one below them). */
export type VolunteerTeamInput = {
  /** At most 100 characters (trimmed; empty means none). */
  contact?: InputMaybe<Scalars['String']['input']>;
  /** Kind of team; required when creating. */
  kind?: InputMaybe<VolunteerTeamKind>;
  /** A member who leads the team; null clears it. */
  leaderId?: InputMaybe<Scalars['ID']['input']>;
  /** UUIDs of the full member list, at most 500 (replaces it; TOO_MANY on input.memberIds). */
  memberIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 1–100 characters (trimmed, at least one visible), e.g. 修武县劳模志愿服务队. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** UUID of the organization the team belongs to; required when creating. NOT_FOUND on input.organizationId when it does not exist or, for a COORDINATOR, is outside their organizations. */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Six-digit GB/T 2260 code. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

export { VolunteerTeamKind };

/** Sort order of the volunteer team list; ties are broken by id, in the same direction. */
export type VolunteerTeamOrder = {
  /** Sort direction. */
  direction?: SortDirection;
  /** Sort key. */
  field?: VolunteerTeamOrderField;
};

export { VolunteerTeamOrderField };

/** One page of VolunteerTeam records with the total count matching the filter. */
export type VolunteerTeamPage = {
  /** The VolunteerTeam records of this page, in the requested order (at most `limit`). */
  nodes: Array<VolunteerTeam>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A URL of an app that receives signed POSTs when stations change (README, "Webhooks"). Registered with the app's API key. */
export type Webhook = {
  /** Whether new changes are delivered; an inactive webhook gets no new deliveries. */
  active: Scalars['Boolean']['output'];
  /** When the webhook was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** What the webhook is for, at most 200 characters. */
  description?: Maybe<Scalars['String']['output']>;
  /** The kinds of change delivered; an event is sent when it has at least one of them. */
  events: Array<StationChange>;
  /** UUID of the webhook. */
  id: Scalars['ID']['output'];
  /** Only stations whose regionCode (before or after the change) starts with these 1–6 digits, e.g. `4101` for 郑州市; null: all. */
  regionCodePrefix?: Maybe<Scalars['String']['output']>;
  /** When the webhook last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Where deliveries are POSTed: an https URL on a public address (http to localhost only where WEBHOOK_ALLOW_HTTP_LOCALHOST is set). */
  url: Scalars['String']['output'];
  /** Optimistic-lock version. */
  version: Scalars['Int']['output'];
};

/** A webhook to register for station changes. */
export type WebhookCreateInput = {
  /** What it is for, at most 200 characters (trimmed). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Changes to deliver, 1–6 (TOO_FEW on input.events for an empty list); omitted or null: all six. */
  events?: InputMaybe<Array<StationChange>>;
  /** Only stations in regions whose GB/T 2260 code starts with these 1–6 digits (e.g. `41` 河南省, `4101` 郑州市); default all. */
  regionCodePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Where to POST: https:// on a public address (private, loopback and link-local addresses are refused), at most 2000 characters. */
  url: Scalars['String']['input'];
};

/** One delivery of one station change to one webhook, with its attempts so far. */
export type WebhookDelivery = {
  /** HTTP attempts made so far. */
  attempts: Scalars['Int']['output'];
  /** What the change did. */
  changes: Array<StationChange>;
  /** When the delivery was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the receiver acknowledged it with a 2xx. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event id: the idempotency id sent as `Yizhan-Event-Id` and as the body's `id`; the same for retries and replays. */
  eventId: Scalars['ID']['output'];
  /** UUID of the delivery (a replay is a new delivery of the same event). */
  id: Scalars['ID']['output'];
  /** When the last attempt started. */
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** How long the last attempt took, in milliseconds. */
  lastDurationMs?: Maybe<Scalars['Int']['output']>;
  /** Why the last attempt failed without an HTTP answer (timeout, refused, blocked address), or null. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** HTTP status of the last attempt; null when it got no answer (see lastError). */
  lastResponseCode?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the station change committed (the event time). */
  occurredAt: Scalars['DateTime']['output'];
  /** The delivery this one replays, or null. */
  replayOfId?: Maybe<Scalars['ID']['output']>;
  /** UUID of the station that changed. */
  stationId: Scalars['ID']['output'];
  /** PENDING, DELIVERED or FAILED. */
  status: WebhookDeliveryStatus;
  /** UUID of the webhook it goes to. */
  webhookId: Scalars['ID']['output'];
};

/** One page of WebhookDelivery records with the total count matching the filter. */
export type WebhookDeliveryPage = {
  /** The WebhookDelivery records of this page, in the requested order (at most `limit`). */
  nodes: Array<WebhookDelivery>;
  /** Number of records matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export { WebhookDeliveryStatus };

/** People served (服务人次) in one year. */
export type YearCount = {
  /** Sum of the daily 服务人次 entries of that year. */
  peopleServed: Scalars['Int']['output'];
  /** Calendar year (local dates of the service logs). */
  year: Scalars['Int']['output'];
};
