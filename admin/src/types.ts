import type { Amenity, CoordinateSystem, OrganizationKind, StationKind, StationStatus } from './enums';

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
  provenance: Provenance;
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
