import type { ActorKind, Amenity, ApiScope, AuditAction, CoordinateSystem, OrganizationKind, Role, StationKind, StationStatus } from './enums';

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
