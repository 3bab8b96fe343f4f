import type {
  ActorKind,
  Amenity,
  ApiScope,
  AssignmentStatus,
  AuditAction,
  CampaignKind,
  CampaignStatus,
  CoordinateSystem,
  OrganizationKind,
  Role,
  StationKind,
  StationStatus,
  VolunteerSkill,
  VolunteerTeamKind,
} from './enums';

/** Decimal degrees; in records always WGS-84. */
export interface LngLat {
  lng: number;
  lat: number;
}

export interface Provenance {
  source: string;
  sourceDatum: CoordinateSystem | null;
  verifiedFields: string[];
  inferredFields: string[];
  notes: string[];
  needsReview: boolean;
}

export interface RegionSummary {
  code: string;
  name: string;
}

export interface Station {
  id: string;
  kind: StationKind;
  name: string;
  address: string | null;
  regionCode: string | null;
  region: RegionSummary | null;
  location: LngLat;
  /** The same point in GCJ-02 and BD-09 (only on the detail record). */
  gcj02?: LngLat;
  bd09?: LngLat;
  amenities: Amenity[];
  openingHours: string | null;
  timezone: string;
  /** Open now (only on the detail record); null when the hours are unknown. */
  isOpen?: boolean | null;
  status: StationStatus;
  /** Every kind it is signposted as, `kind` first. */
  labels: StationKind[];
  /** 1–5 stars; null: not graded. */
  gradeStars: number | null;
  phone: string | null;
  capacity: number | null;
  hostOrganizationId: string | null;
  operatorOrganizationId: string | null;
  sourceKey?: string | null;
  /** Null unless the viewer may edit the station. */
  provenance: Provenance | null;
  /** Whether the signed-in user may edit (and retire) this station. */
  viewerCanEdit: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Organization {
  id: string;
  kind: OrganizationKind;
  name: string;
  parentId: string | null;
  regionCode: string | null;
  region: RegionSummary | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Region {
  /** Same as `code`: react-admin needs an `id`. */
  id: string;
  code: string;
  name: string;
  level: 'COUNTRY' | 'PROVINCE' | 'CITY' | 'COUNTY';
  parentCode: string | null;
}

export interface OrganizationSummary {
  id: string;
  name: string;
}

/** A staff account (ADMIN only). */
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizations: OrganizationSummary[];
  /** Same ids as `organizations`, for ReferenceArrayInput. */
  organizationIds: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
  version: number;
}

/** A third-party API key (its secret is never in a record). */
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  quotaPerMinute: number;
  contact: string | null;
  ownerOrganizationId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  version: number;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One change to one record, from the audit log. */
export interface AuditEvent {
  id: string;
  at: string;
  actorKind: ActorKind;
  actorId: string | null;
  actorLabel: string;
  operation: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  changes: FieldChange[];
  requestId: string | null;
}

// ---- Scheduling (volunteer teams, campaigns, shifts) -----------------------------------------------------------

export interface NamedRef {
  id: string;
  name: string;
}

/** A volunteer team (志愿服务队). `organizationId`, `leaderId` and `memberIds` mirror the nested objects for inputs. */
export interface VolunteerTeam {
  id: string;
  name: string;
  kind: VolunteerTeamKind;
  organization: NamedRef;
  organizationId: string;
  leader: NamedRef | null;
  leaderId: string | null;
  members: NamedRef[];
  memberIds: string[];
  memberCount: number;
  contact: string | null;
  regionCode: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A volunteer. `phone` is as the API returns it: masked (138****5596) unless the viewer coordinates one of their teams. */
export interface Volunteer {
  id: string;
  name: string;
  phone: string | null;
  skills: VolunteerSkill[];
  isModelWorker: boolean;
  teams: NamedRef[];
  teamIds: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CampaignGoal {
  name: string;
  unit: string;
  target: number;
}

export interface SupplyItem {
  id: string;
  name: string;
  unit: string;
}

export interface SupplyTotal {
  item: SupplyItem;
  quantity: number;
}

/** A service point of a campaign (a station), as the campaign lists it. */
export interface CampaignStation {
  id: string;
  name: string;
  kind: StationKind;
  address: string | null;
  status: StationStatus;
  validFrom: string | null;
  validUntil: string | null;
  viewerCanEdit: boolean;
}

export interface Campaign {
  id: string;
  name: string;
  kind: CampaignKind;
  startsAt: string;
  endsAt: string;
  timezone: string;
  regionCode: string | null;
  status: CampaignStatus;
  goals: CampaignGoal[];
  description: string | null;
  organizations: NamedRef[];
  organizationIds: string[];
  teams: NamedRef[];
  teamIds: string[];
  stations: CampaignStation[];
  stationIds: string[];
  supplyItems: SupplyItem[];
  supplyTotals: SupplyTotal[];
  peopleServed: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AssignmentVolunteer {
  id: string;
  name: string;
  phone: string | null;
}

/** A volunteer on a shift (报名 → 签到 → 签退). */
export interface ShiftAssignment {
  id: string;
  status: AssignmentStatus;
  seq: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  hoursCredited: number | null;
  shift: ShiftSummary;
  shiftId: string;
  volunteer: AssignmentVolunteer;
  volunteerId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What an assignment tells of its shift. */
export interface ShiftSummary {
  id: string;
  startsAt: string;
  endsAt: string;
  role: string;
  station: NamedRef;
  campaign: NamedRef & { timezone: string };
}

/** A shift (班次) at a service point. */
export interface Shift {
  id: string;
  startsAt: string;
  endsAt: string;
  role: string;
  minVolunteers: number;
  maxVolunteers: number;
  capacity: number;
  filledCount: number;
  waitlistCount: number;
  requiredSkills: VolunteerSkill[];
  notes: string | null;
  station: NamedRef;
  stationId: string;
  campaign: NamedRef & { timezone: string; status: CampaignStatus; teams?: NamedRef[] };
  campaignId: string;
  /** Only on the detail record. */
  assignments?: Omit<ShiftAssignment, 'shift' | 'shiftId'>[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A shift with its fill state (campaignFillRate). */
export interface ShiftFill {
  shift: Omit<Shift, 'campaign' | 'campaignId' | 'assignments'>;
  stationName: string;
  filled: number;
  capacity: number;
  minimum: number;
  isNight: boolean;
  understaffed: boolean;
}

/** Coverage of one service point on one local day. */
export interface PointCoverage {
  stationId: string;
  stationName: string;
  date: string;
  shifts: number;
  filled: number;
  capacity: number;
  minimum: number;
  understaffedShifts: number;
}

export interface CampaignFillRate {
  shifts: ShiftFill[];
  coverage: PointCoverage[];
  totalFilled: number;
  totalCapacity: number;
}

export interface ShiftSlotInput {
  start: string;
  end: string;
  maxVolunteers: number;
  minVolunteers?: number | null;
  role?: string | null;
  requiredSkills?: VolunteerSkill[];
}

export interface ShiftPatternInput {
  campaignId: string;
  fromDate: string;
  toDate: string;
  stationIds: string[];
  slots: ShiftSlotInput[];
}

export interface PlannedShift {
  stationId: string;
  startsAt: string;
  endsAt: string;
  role: string;
  minVolunteers: number;
  maxVolunteers: number;
  existing: boolean;
}

export interface ShiftPlan {
  shifts: PlannedShift[];
  created: number;
}

export interface AssignmentConflict {
  shiftId: string;
  volunteerId: string;
  reason: string;
}

export interface TeamAssignmentResult {
  ok: boolean;
  assignments: { id: string; status: AssignmentStatus; shiftId: string; volunteerId: string }[];
  conflicts: AssignmentConflict[];
}

/** Hours credited to a volunteer or a team. */
export interface HoursTotal {
  id: string;
  name: string;
  hours: number;
  completedShifts: number;
}

export interface ServiceLog {
  id: string;
  day: string;
  peopleServed: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SupplyTally {
  id: string;
  day: string;
  quantity: number;
  item: SupplyItem;
  createdAt: string;
}

export interface ServicePointInput {
  campaignId: string;
  name: string;
  address?: string | null;
  location: LngLat;
  amenities?: Amenity[];
  openingHours?: string | null;
  approximateNote?: string | null;
}
