import { Migration } from '@mikro-orm/migrations';

/**
 * The stations' data version (behind tile ETags and the cached county counts of low-zoom tiles), without
 * scanning the station table: a statement-level trigger adds one row to `station_change` for every statement
 * that inserts, updates, deletes or truncates stations, and the version is the set of rows a reader sees.
 * The row becomes visible when its transaction commits, so a change counts when it is visible — unlike
 * `max(updated_at)`, which misses a transaction that commits after a later one (an import's rows carry its start
 * time). Every 256th change prunes rows more than 1024 changes old (rows another transaction holds are skipped),
 * so the table stays around a thousand rows.
 */
export class Migration20261121400000_station_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table station_change (id bigserial primary key, changed_at timestamptz not null default clock_timestamp());`);
    this.addSql(
      `comment on table station_change is 'One row per statement that changed stations (trigger station_changed); the tiles'' data version is the set of visible rows. Pruned by the trigger.';`,
    );
    this.addSql(`create function station_changed() returns trigger language plpgsql as $$
declare
  last bigint;
begin
  insert into station_change default values returning id into last;
  if last % 256 = 0 then
    delete from station_change where id in (select id from station_change where id <= last - 1024 for update skip locked);
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger station_changed after insert or update or delete on station for each statement execute function station_changed();`);
    this.addSql(`create trigger station_truncated after truncate on station for each statement execute function station_changed();`);
    this.addSql(`insert into station_change default values;`);
  }
}
