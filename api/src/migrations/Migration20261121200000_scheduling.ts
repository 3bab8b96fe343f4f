import { Migration } from '@mikro-orm/migrations';

export const VOLUNTEER_SKILLS = ['FIRST_AID', 'DRIVER', 'COOK', 'MEDIC', 'LOGISTICS', 'REPAIR', 'COUNSELLING', 'PUBLICITY', 'ROUTE_GUIDE'];
const ACTIVE = `('SIGNED_UP', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')`;

/**
 * Volunteer teams, volunteers, campaigns, shifts, assignments, supplies and service logs.
 * The scheduling rules live in the database: a CHECK keeps `shift.filled_count` within `max_volunteers`, a
 * trigger keeps the counts in step with the assignments (so over-booking fails whatever the code does), and an
 * exclusion constraint on `tstzrange` keeps one volunteer off two overlapping shifts (SQLSTATE 23P01).
 */
export class Migration20261121200000_scheduling extends Migration {
  override async up(): Promise<void> {
    const skills = `array[${VOLUNTEER_SKILLS.map((s) => `'${s}'`).join(', ')}]::text[]`;
    this.addSql(`alter table api_key drop constraint api_key_scopes_check;`);
    this.addSql(`alter table api_key add constraint api_key_scopes_check check (scopes <@ array['PUBLIC_READ', 'VOLUNTEER_APP']::text[] and cardinality(scopes) > 0);`);
    this.addSql(`alter table station add column valid_from timestamptz, add column valid_until timestamptz,
      add constraint station_validity_check check (valid_from is null or valid_until is null or valid_until > valid_from);`);
    this.addSql(`create index station_valid_until_idx on station (valid_until) where valid_until is not null;`);
    this.addSql(`
      create table volunteer (
        id uuid primary key,
        name text not null check (length(name) between 1 and 50),
        phone text check (phone ~ '^\\+?[0-9][0-9 -]{4,19}$'),
        skills text[] not null default '{}' check (skills <@ ${skills}),
        is_model_worker boolean not null default false,
        calendar_token text not null unique,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version int not null default 1
      );`);
    this.addSql(`
      create table volunteer_team (
        id uuid primary key,
        name text not null check (length(name) between 1 and 100),
        kind text not null check (kind in ('RESCUE', 'MODEL_WORKER', 'UNION', 'COMMUNITY', 'OTHER')),
        organization_id uuid not null references organization (id) on delete restrict,
        leader_id uuid references volunteer (id) on delete set null,
        contact text,
        region_code char(6),
        calendar_token text not null unique,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version int not null default 1
      );`);
    this.addSql(`create index volunteer_team_organization_idx on volunteer_team (organization_id);`);
    this.addSql(`
      create table volunteer_team_members (
        volunteer_team_id uuid not null references volunteer_team (id) on delete cascade,
        volunteer_id uuid not null references volunteer (id) on delete cascade,
        primary key (volunteer_team_id, volunteer_id)
      );`);
    this.addSql(`create index volunteer_team_members_volunteer_idx on volunteer_team_members (volunteer_id);`);
    this.addSql(`
      create table campaign (
        id uuid primary key,
        name text not null check (length(name) between 1 and 200),
        kind text not null check (kind in ('HARVEST_SUPPORT', 'SUMMER_COOLING', 'WINTER_WARMTH', 'OTHER')),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        timezone text not null default 'Asia/Shanghai',
        region_code char(6),
        status text not null default 'PLANNED' check (status in ('PLANNED', 'ACTIVE', 'CLOSED')),
        goals jsonb not null default '[]',
        description text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version int not null default 1,
        check (ends_at > starts_at)
      );`);
    this.addSql(`create table campaign_organizations (
        campaign_id uuid not null references campaign (id) on delete cascade,
        organization_id uuid not null references organization (id) on delete restrict,
        primary key (campaign_id, organization_id));`);
    this.addSql(`create index campaign_organizations_org_idx on campaign_organizations (organization_id);`);
    this.addSql(`create table campaign_teams (
        campaign_id uuid not null references campaign (id) on delete cascade,
        volunteer_team_id uuid not null references volunteer_team (id) on delete restrict,
        primary key (campaign_id, volunteer_team_id));`);
    this.addSql(`create table campaign_stations (
        campaign_id uuid not null references campaign (id) on delete cascade,
        station_id uuid not null references station (id) on delete restrict,
        primary key (campaign_id, station_id));`);
    this.addSql(`
      create table shift (
        id uuid primary key,
        campaign_id uuid not null references campaign (id) on delete restrict,
        station_id uuid not null references station (id) on delete restrict,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        role text not null default 'VOLUNTEER' check (length(role) between 1 and 50),
        min_volunteers int not null default 1 check (min_volunteers >= 0),
        max_volunteers int not null check (max_volunteers between 1 and 500),
        required_skills text[] not null default '{}' check (required_skills <@ ${skills}),
        notes text,
        filled_count int not null default 0,
        waitlist_count int not null default 0 check (waitlist_count >= 0),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version int not null default 1,
        constraint shift_time_check check (ends_at > starts_at and ends_at - starts_at <= interval '24 hours'),
        constraint shift_min_max_check check (min_volunteers <= max_volunteers),
        constraint shift_capacity_check check (filled_count between 0 and max_volunteers),
        constraint shift_slot_key unique (campaign_id, station_id, starts_at, role)
      );`);
    this.addSql(`create index shift_campaign_starts_idx on shift (campaign_id, starts_at);`);
    this.addSql(`create index shift_station_starts_idx on shift (station_id, starts_at);`);
    this.addSql(`
      create table shift_assignment (
        id uuid primary key,
        shift_id uuid not null references shift (id) on delete restrict,
        volunteer_id uuid not null references volunteer (id) on delete restrict,
        status text not null check (status in ('SIGNED_UP', 'WAITLISTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
        during tstzrange not null,
        seq bigserial not null,
        checked_in_at timestamptz,
        checked_out_at timestamptz,
        hours_credited numeric(6, 2) check (hours_credited >= 0),
        hours_approved_by_id uuid references user_account (id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version int not null default 1,
        constraint shift_assignment_checkout_check check (checked_out_at is null or (checked_in_at is not null and checked_out_at > checked_in_at)),
        constraint shift_assignment_no_overlap exclude using gist (volunteer_id with =, during with &&) where (status in ${ACTIVE})
      );`);
    this.addSql(`create unique index shift_assignment_once_key on shift_assignment (shift_id, volunteer_id) where status <> 'CANCELLED';`);
    this.addSql(`create index shift_assignment_shift_seq_idx on shift_assignment (shift_id, status, seq);`);
    this.addSql(`create index shift_assignment_volunteer_idx on shift_assignment (volunteer_id);`);
    this.addSql(`
      create function shift_assignment_counts() returns trigger language plpgsql as $$
      declare
        d_filled int := 0;
        d_wait int := 0;
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          d_filled := d_filled - (old.status in ${ACTIVE})::int;
          d_wait := d_wait - (old.status = 'WAITLISTED')::int;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          d_filled := d_filled + (new.status in ${ACTIVE})::int;
          d_wait := d_wait + (new.status = 'WAITLISTED')::int;
        end if;
        if d_filled <> 0 or d_wait <> 0 then
          update shift set filled_count = filled_count + d_filled, waitlist_count = waitlist_count + d_wait
           where id = coalesce(new.shift_id, old.shift_id);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger shift_assignment_counts after insert or update of status or delete on shift_assignment
      for each row execute function shift_assignment_counts();`);
    this.addSql(`
      create table supply_item (
        id uuid primary key,
        name text not null check (length(name) between 1 and 50),
        unit text not null check (length(unit) between 1 and 20),
        campaign_id uuid references campaign (id) on delete cascade,
        created_at timestamptz not null,
        unique (campaign_id, name)
      );`);
    this.addSql(`
      create table supply_tally (
        id uuid primary key,
        item_id uuid not null references supply_item (id) on delete restrict,
        station_id uuid not null references station (id) on delete restrict,
        shift_id uuid references shift (id) on delete restrict,
        day date not null,
        quantity int not null check (quantity between 1 and 1000000),
        recorded_by_id uuid references user_account (id) on delete set null,
        created_at timestamptz not null
      );`);
    this.addSql(`create index supply_tally_station_day_idx on supply_tally (station_id, day);`);
    this.addSql(`
      create table service_log (
        id uuid primary key,
        station_id uuid not null references station (id) on delete restrict,
        day date not null,
        people_served int not null check (people_served between 0 and 1000000),
        campaign_id uuid references campaign (id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version int not null default 1,
        unique (station_id, day)
      );`);
  }
}
