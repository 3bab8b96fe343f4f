/**
 * Every GraphQL document the finder sends. Only public-contract fields (DESIGN.md, "Public contract for third-party
 * apps", plus the public `regions` and `holidayCalendar` queries): tests/api/finder.test.ts walks these documents
 * against the schema and fails on any other field, and runs each as an anonymous caller.
 */

/** Nearest stations, 10 a page; `openNow` true lists only the open ones. `soon` is now + CLOSING_SOON_MINUTES. */
export const NEARBY = `query FinderNearby($near: LngLatInput!, $radius: Int!, $kinds: [StationKind!], $amenities: [Amenity!], $openNow: Boolean, $soon: DateTime!, $after: String) {
  nearbyStations(near: $near, radiusMeters: $radius, kinds: $kinds, amenities: $amenities, openNow: $openNow, first: 10, after: $after) {
    totalCount
    edges { distanceMeters node { id kind name address amenities openingHours phone isOpen stillOpen: isOpen(at: $soon) location { lng lat } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** One station as the detail view shows it, with its position in each navigation app's datum. */
export const STATION = `query FinderStation($id: ID!, $soon: DateTime!) {
  station(id: $id) {
    id kind name address amenities openingHours phone status isOpen stillOpen: isOpen(at: $soon)
    location { lng lat }
    gcj02: location(crs: GCJ02) { lng lat }
    bd09: location(crs: BD09) { lng lat }
  }
}`;

/** Places typed by name: GB/T 2260 divisions (city, county) with their centre in WGS-84. */
export const PLACES = `query FinderPlaces($search: String!) {
  regions(filter: { search: $search }, limit: 8) { nodes { code name level centre { lng lat } } }
}`;

/** The year's holidays and make-up workdays (调休), to say when today is one. */
export const HOLIDAYS = `query FinderHolidays($year: Int!) {
  holidayCalendar(year: $year) { days { date kind name } }
}`;

/** The basemap the server is configured with (MAP_STYLE_URL) and the datum it is drawn in (MAP_STYLE_DATUM). */
export const MAP_CONFIG = `query FinderMapConfig {
  appConfig { mapStyleUrl mapDatum }
}`;

export const FINDER_DOCUMENTS = { NEARBY, STATION, PLACES, HOLIDAYS, MAP_CONFIG };

export interface LngLat {
  lng: number;
  lat: number;
}

export interface NearbyStation {
  id: string;
  kind: string;
  name: string;
  address: string | null;
  amenities: string[];
  openingHours: string | null;
  phone: string | null;
  isOpen: boolean | null;
  stillOpen: boolean | null;
  location: LngLat;
}

export interface NearbyPage {
  nearbyStations: {
    totalCount: number;
    edges: { distanceMeters: number; node: NearbyStation }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface StationDetail extends NearbyStation {
  status: string;
  gcj02: LngLat;
  bd09: LngLat;
}

export interface Place {
  code: string;
  name: string;
  level: string;
  centre: LngLat | null;
}
