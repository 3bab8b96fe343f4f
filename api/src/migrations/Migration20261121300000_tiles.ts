import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for vector tiles: station locations in Web Mercator (EPSG:3857, the tile grid's projection), so a
 * tile's envelope finds its stations by index without transforming every row, and region centres likewise;
 * `updated_at` for the data version behind tile ETags.
 */
export class Migration20261121300000_tiles extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index station_location_3857_gist on station using gist (ST_Transform(location::geometry, 3857));`);
    this.addSql(`create index station_updated_at_idx on station (updated_at);`);
    this.addSql(`create index region_centre_3857_gist on region using gist (ST_Transform(centre::geometry, 3857)) where centre is not null;`);
  }
}
