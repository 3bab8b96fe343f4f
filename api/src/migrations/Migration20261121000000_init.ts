import { Migration } from '@mikro-orm/migrations';

const AMENITIES = [
  'DRINKING_WATER', 'HOT_WATER', 'FOOD_HEATING', 'REST_SEATING', 'TOILET', 'PHONE_CHARGING', 'EBIKE_CHARGING',
  'AIR_CONDITIONING', 'HEATING', 'FIRST_AID_KIT', 'HEATSTROKE_RELIEF', 'COLD_RELIEF', 'WIFI', 'READING', 'SHOWER',
  'LAUNDRY', 'LOCKER', 'TRUCK_PARKING', 'REPAIR_TOOLS', 'UMBRELLA', 'LEGAL_AID', 'ROUTE_INFO', 'FREE_MEALS',
];

/** Regions, organizations and stations with PostGIS location, amenity and prefix indexes. */
export class Migration20261121000000_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists postgis;`);
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`
      create table region (
        code char(6) primary key check (code ~ '^[0-9]{6}$'),
        name text not null,
        level text not null check (level in ('COUNTRY', 'PROVINCE', 'CITY', 'COUNTY')),
        parent_code char(6),
        centre geography(Point, 4326),
        boundary geography(MultiPolygon, 4326)
      );`);
    this.addSql(`create index region_parent_code_idx on region (parent_code);`);
    this.addSql(`create index region_boundary_gist on region using gist (boundary);`);
    this.addSql(`
      create table organization (
        id uuid primary key,
        kind text not null check (kind in ('FEDERATION', 'UNION', 'UNION_ALLIANCE', 'HOST_UNIT', 'GOVERNMENT_DEPARTMENT', 'ENTERPRISE')),
        name text not null check (length(name) between 1 and 200),
        parent_id uuid references organization (id) on delete restrict,
        region_code char(6) references region (code),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1
      );`);
    this.addSql(`create index organization_name_idx on organization (name);`);
    this.addSql(`create index organization_parent_id_idx on organization (parent_id);`);
    this.addSql(`
      create table station (
        id uuid primary key,
        kind text not null check (kind in ('LOVE_STATION', 'DRIVERS_HOME', 'COURIER_HOME', 'SERVICE_POINT')),
        name text not null check (length(name) between 1 and 200),
        address text check (length(address) <= 500),
        region_code char(6) references region (code),
        location geography(Point, 4326) not null,
        amenities text[] not null default '{}' check (amenities <@ array[${AMENITIES.map((a) => `'${a}'`).join(', ')}]::text[]),
        opening_hours text check (length(opening_hours) <= 500),
        timezone text not null default 'Asia/Shanghai',
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'TEMPORARILY_CLOSED', 'RETIRED')),
        phone text check (length(phone) <= 50),
        capacity integer check (capacity >= 0),
        host_organization_id uuid references organization (id) on delete restrict,
        operator_organization_id uuid references organization (id) on delete restrict,
        source_key text unique,
        provenance jsonb not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1
      );`);
    this.addSql(`create table seed_log (name text primary key, applied_at timestamptz not null default now(), report jsonb);`);
    this.addSql(`create index station_location_gist on station using gist (location);`);
    this.addSql(`create index station_amenities_gin on station using gin (amenities);`);
    this.addSql(`create index station_region_code_idx on station (region_code bpchar_pattern_ops);`);
    this.addSql(`create index station_kind_status_idx on station (kind, status);`);
    this.addSql(`create index station_name_idx on station (name);`);
    this.addSql(`create index station_host_org_idx on station (host_organization_id);`);
    this.addSql(`create index station_operator_org_idx on station (operator_organization_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists seed_log;`);
    this.addSql(`drop table if exists station;`);
    this.addSql(`drop table if exists organization;`);
    this.addSql(`drop table if exists region;`);
  }
}
