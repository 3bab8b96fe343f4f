import { Migration20261121000000_init } from './Migration20261121000000_init';
import { Migration20261121100000_accounts } from './Migration20261121100000_accounts';
import { Migration20261121200000_scheduling } from './Migration20261121200000_scheduling';
import { Migration20261121300000_tiles } from './Migration20261121300000_tiles';
import { Migration20261121400000_station_changes } from './Migration20261121400000_station_changes';
import { Migration20261203100000_holiday_calendar } from './Migration20261203100000_holiday_calendar';
import { Migration20261203300000_station_grading } from './Migration20261203300000_station_grading';
import { Migration20261203400000_self_signup } from './Migration20261203400000_self_signup';
import { Migration20261203500000_webhooks } from './Migration20261203500000_webhooks';
import { Migration20261204100000_station_review_index } from './Migration20261204100000_station_review_index';

/** Every migration, in order. Listed explicitly so the compiled server, the CLI and the tests run the same set. */
export const migrationsList = [
  { name: 'Migration20261121000000_init', class: Migration20261121000000_init },
  { name: 'Migration20261121100000_accounts', class: Migration20261121100000_accounts },
  { name: 'Migration20261121200000_scheduling', class: Migration20261121200000_scheduling },
  { name: 'Migration20261121300000_tiles', class: Migration20261121300000_tiles },
  { name: 'Migration20261121400000_station_changes', class: Migration20261121400000_station_changes },
  { name: 'Migration20261203100000_holiday_calendar', class: Migration20261203100000_holiday_calendar },
  { name: 'Migration20261203300000_station_grading', class: Migration20261203300000_station_grading },
  { name: 'Migration20261203400000_self_signup', class: Migration20261203400000_self_signup },
  { name: 'Migration20261203500000_webhooks', class: Migration20261203500000_webhooks },
  { name: 'Migration20261204100000_station_review_index', class: Migration20261204100000_station_review_index },
];
