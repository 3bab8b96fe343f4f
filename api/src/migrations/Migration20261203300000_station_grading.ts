import { Migration } from '@mikro-orm/migrations';

/**
 * Station lifecycle and grading (issue 15 §4):
 * - status `PLANNED` before `ACTIVE` (applied for, not yet accepted; never public);
 * - `labels`: the other kinds a station is signposted as besides its one public `kind` (孟州's love station is
 *   also a 货车司机之家 and a 快递小哥之家);
 * - `grade_stars` 1–5 and `station_title` (全国 / 省级 / 市级 优秀站点 with year and awarding body);
 * - `station_inspection`: the acceptance inspection against the 六有 standard, item by item;
 * - an index that lets the people-served roll-ups (per region and year, month) read only the days asked for.
 */
export class Migration20261203300000_station_grading extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table station drop constraint if exists station_status_check;`);
    this.addSql(`alter table station add constraint station_status_check check (status in ('PLANNED', 'ACTIVE', 'TEMPORARILY_CLOSED', 'RETIRED'));`);
    this.addSql(`alter table station add column labels text[] not null default '{}'
      check (labels <@ array['LOVE_STATION', 'DRIVERS_HOME', 'COURIER_HOME', 'SERVICE_POINT']::text[] and not (kind = any(labels)));`);
    this.addSql(`alter table station add column grade_stars smallint check (grade_stars between 1 and 5);`);
    this.addSql(`create table station_inspection (
  id uuid primary key,
  station_id uuid not null references station (id) on delete cascade,
  standard text not null check (standard in ('LIU_YOU')),
  items jsonb not null check (jsonb_typeof(items) = 'array'),
  inspector_name text not null check (char_length(inspector_name) between 1 and 50),
  inspector_id uuid references user_account (id) on delete set null,
  inspected_on date not null,
  result text not null check (result in ('PASSED', 'FAILED')),
  notes text check (char_length(notes) <= 1000),
  created_at timestamptz not null
);`);
    this.addSql(`create index station_inspection_station_idx on station_inspection (station_id, inspected_on desc, created_at desc);`);
    this.addSql(`comment on table station_inspection is 'Acceptance inspections of stations against a standard (六有): each item passed or not, the inspector, the date and the result (PASSED only when every item passed).';`);
    this.addSql(`create table station_title (
  id uuid primary key,
  station_id uuid not null references station (id) on delete cascade,
  level text not null check (level in ('NATIONAL', 'PROVINCIAL', 'CITY')),
  year int not null check (year between 1990 and 2100),
  awarding_body text not null check (char_length(awarding_body) between 1 and 100),
  source text check (char_length(source) <= 500),
  created_at timestamptz not null,
  unique (station_id, level, year)
);`);
    this.addSql(`create index station_title_level_idx on station_title (level, year);`);
    this.addSql(`comment on table station_title is '优秀站点 titles of a station: national (全国), provincial (省级) or city (市级), with the year and the awarding body.';`);
    this.addSql(`create index service_log_day_idx on service_log (day) include (station_id, people_served);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index service_log_day_idx;`);
    this.addSql(`drop table station_title;`);
    this.addSql(`drop table station_inspection;`);
    this.addSql(`alter table station drop column grade_stars;`);
    this.addSql(`alter table station drop column labels;`);
    this.addSql(`alter table station drop constraint station_status_check;`);
    this.addSql(`alter table station add constraint station_status_check check (status in ('ACTIVE', 'TEMPORARILY_CLOSED', 'RETIRED'));`);
  }
}
