import { Migration } from '@mikro-orm/migrations';

/** The station changes an app may subscribe to (webhook.events, webhook_event.changes). */
const CHANGES = ['CREATED', 'STATUS', 'HOURS', 'AMENITIES', 'LOCATION', 'RETIRED'];
const CHANGE_LIST = `array[${CHANGES.map((c) => `'${c}'`).join(', ')}]::text[]`;

/** A station row as the public contract shows it (alias `r`), the body of a webhook event. */
const STATION_JSON = `jsonb_build_object(
  'id', r.id, 'kind', r.kind, 'name', r.name, 'address', r.address, 'regionCode', r.region_code::text,
  'location', jsonb_build_object('lng', ST_X(r.location::geometry), 'lat', ST_Y(r.location::geometry), 'crs', 'WGS84'),
  'amenities', to_jsonb(r.amenities), 'openingHours', r.opening_hours, 'status', r.status, 'phone', r.phone,
  'updatedAt', r.updated_at)`;

/** Fan-out shared by both triggers: `changed` (id, region_code, previous_region_code, changes, station, previous) → events → deliveries. */
const FAN_OUT = `
  relevant as (
    select c.* from changed c
     where cardinality(c.changes) > 0
       and exists (select 1 from webhook w where w.active and w.events && c.changes
                     and (w.region_code_prefix is null or c.region_code like w.region_code_prefix || '%' or c.previous_region_code like w.region_code_prefix || '%'))
  ), ev as (
    insert into webhook_event (station_id, changes, region_code, previous_region_code, station, previous)
    select id, changes, region_code, previous_region_code, station, previous from relevant
    returning id, changes, region_code, previous_region_code
  ), d as (
    insert into webhook_delivery (webhook_id, event_id)
    select w.id, ev.id from ev join webhook w on w.active and w.events && ev.changes
       and (w.region_code_prefix is null or ev.region_code like w.region_code_prefix || '%' or ev.previous_region_code like w.region_code_prefix || '%')
    returning id, next_attempt_at
  )
  select count(webhook_schedule(d.id, d.next_attempt_at)) into n from d;`;

/**
 * Webhooks for apps (issue 16 §4): an app's API key registers `webhook` rows; every statement that inserts or
 * updates stations writes, in its own transaction, one `webhook_event` per station whose watched fields changed
 * (created, status, hours, amenities, location, retired) and one `webhook_delivery` (the outbox) per matching
 * active webhook. Statement-level triggers with transition tables, so a bulk import costs one statement per
 * batch, and nothing at all while no webhook is active. The station write paths (API, import, seeds) need no hook:
 * whatever commits a station change commits its deliveries, and a rolled-back change leaves none.
 * `webhook_schedule` also enqueues a job for the delivery when graphile-worker's schema is installed (PostgreSQL);
 * without it (the embedded database) the in-process poller reads the outbox itself.
 */
export class Migration20261203500000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table api_key drop constraint api_key_scopes_check;`);
    this.addSql(`alter table api_key add constraint api_key_scopes_check check (scopes <@ array['PUBLIC_READ', 'VOLUNTEER_APP', 'WEBHOOKS']::text[] and cardinality(scopes) > 0);`);
    this.addSql(`create table webhook (
      id uuid primary key,
      api_key_id uuid not null references api_key (id) on delete cascade,
      url text not null check (length(url) between 8 and 2000),
      description text check (length(description) <= 200),
      secret text not null,
      events text[] not null check (events <@ ${CHANGE_LIST} and cardinality(events) > 0),
      region_code_prefix text check (region_code_prefix ~ '^[0-9]{1,6}$'),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );`);
    this.addSql(`create index webhook_api_key_idx on webhook (api_key_id);`);
    this.addSql(`create table webhook_event (
      id uuid primary key default gen_random_uuid(),
      station_id uuid not null,
      changes text[] not null check (changes <@ ${CHANGE_LIST} and cardinality(changes) > 0),
      region_code text,
      previous_region_code text,
      station jsonb not null,
      previous jsonb,
      occurred_at timestamptz not null default now()
    );`);
    this.addSql(`comment on table webhook_event is 'One row per station change that some active webhook watched, written by the station_webhook_* triggers in the changing transaction. Its id is the idempotency id of every delivery of it.';`);
    this.addSql(`create table webhook_delivery (
      id uuid primary key default gen_random_uuid(),
      webhook_id uuid not null references webhook (id) on delete cascade,
      event_id uuid not null references webhook_event (id) on delete cascade,
      status text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      leased_until timestamptz,
      last_attempt_at timestamptz,
      last_response_code integer,
      last_error text,
      last_duration_ms integer,
      delivered_at timestamptz,
      replay_of_id uuid references webhook_delivery (id) on delete set null,
      created_at timestamptz not null default now()
    );`);
    this.addSql(`comment on table webhook_delivery is 'The webhook outbox: one row per (event, webhook), delivered at least once with exponential backoff (api/src/webhooks/webhook-delivery.ts).';`);
    this.addSql(`create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';`);
    this.addSql(`create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, created_at desc, id);`);
    this.addSql(`create index webhook_delivery_event_idx on webhook_delivery (event_id);`);
    this.addSql(`create function webhook_schedule(delivery uuid, run_at timestamptz) returns boolean language plpgsql as $$
begin
  if exists (select 1 from pg_proc p join pg_namespace s on s.oid = p.pronamespace where s.nspname = 'graphile_worker' and p.proname = 'add_job') then
    perform graphile_worker.add_job('webhook_delivery', json_build_object('deliveryId', delivery), run_at => run_at, max_attempts => 25, job_key => 'webhook_delivery:' || delivery::text);
  end if;
  return true;
end $$;`);
    this.addSql(`create function station_webhook_inserted() returns trigger language plpgsql as $$
declare
  n bigint;
begin
  if not exists (select 1 from webhook where active) then return null; end if;
  with changed as (
    select r.id, r.region_code::text as region_code, null::text as previous_region_code,
           array_remove(array['CREATED', case when r.status = 'RETIRED' then 'RETIRED' end], null) as changes,
           ${STATION_JSON} as station, null::jsonb as previous
      from new_rows r
  ), ${FAN_OUT}
  return null;
end $$;`);
    this.addSql(`create function station_webhook_updated() returns trigger language plpgsql as $$
declare
  n bigint;
begin
  if not exists (select 1 from webhook where active) then return null; end if;
  with changed as (
    select r.id, r.region_code::text as region_code, o.region_code::text as previous_region_code,
           array_remove(array[
             case when r.status is distinct from o.status then 'STATUS' end,
             case when r.opening_hours is distinct from o.opening_hours then 'HOURS' end,
             case when r.amenities is distinct from o.amenities then 'AMENITIES' end,
             case when not ST_Equals(r.location::geometry, o.location::geometry) then 'LOCATION' end,
             case when r.status = 'RETIRED' and o.status is distinct from 'RETIRED' then 'RETIRED' end
           ], null) as changes,
           ${STATION_JSON} as station,
           jsonb_build_object('status', o.status, 'openingHours', o.opening_hours, 'amenities', to_jsonb(o.amenities),
             'location', jsonb_build_object('lng', ST_X(o.location::geometry), 'lat', ST_Y(o.location::geometry), 'crs', 'WGS84'),
             'regionCode', o.region_code::text) as previous
      from new_rows r join old_rows o on o.id = r.id
  ), ${FAN_OUT}
  return null;
end $$;`);
    this.addSql(`create trigger station_webhook_inserted after insert on station referencing new table as new_rows for each statement execute function station_webhook_inserted();`);
    this.addSql(`create trigger station_webhook_updated after update on station referencing old table as old_rows new table as new_rows for each statement execute function station_webhook_updated();`);
  }
}
