import { Migration } from '@mikro-orm/migrations';

/**
 * China's holiday calendar: one row per year that has its State Council notice (`holiday_year`), one row per
 * date of it that is a rest day (HOLIDAY) or a weekend day worked in exchange (WORKDAY, 调休). A year without a
 * row here is computed from the holiday law (statutory days only). `version` counts replacements, so
 * `count(*)` and `sum(version)` together change with every committed change (the processes' cache check).
 * The rows of the chinese-days package are added at start (holiday.service.ts syncPackagedYears).
 */
export class Migration20261203100000_holiday_calendar extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table holiday_year (
  year int primary key check (year between 2004 and 2100),
  source text not null,
  notice text,
  version int not null default 1,
  updated_at timestamptz not null default clock_timestamp(),
  updated_by text
);`);
    this.addSql(`comment on table holiday_year is 'Years of China''s holiday calendar that have the State Council''s notice (source chinese-days or notice); other years are computed from the holiday law.';`);
    this.addSql(`create table holiday_day (
  date date primary key,
  year int not null references holiday_year (year) on delete cascade,
  kind text not null check (kind in ('HOLIDAY', 'WORKDAY')),
  name text not null check (length(name) between 1 and 50),
  source text not null,
  check (extract(year from date)::int = year),
  check (kind = 'HOLIDAY' or extract(isodow from date) in (6, 7))
);`);
    this.addSql(`create index holiday_day_year on holiday_day (year);`);
    this.addSql(`comment on table holiday_day is 'One date of a year''s notice: HOLIDAY (a rest day, weekends inside a holiday block included) or WORKDAY (a Saturday or Sunday worked in exchange, 调休).';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table holiday_day;');
    this.addSql('drop table holiday_year;');
  }
}
