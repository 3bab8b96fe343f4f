import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { Region } from '../regions/region.entity';
import { Organization } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import { migrationsList } from '../migrations';

export const entities = [Region, Organization, Station];

/** MikroORM options for the PostgreSQL at `clientUrl`; `poolMax` 1 for the embedded PGlite (one query at a time). */
export function ormOptions(clientUrl: string, poolMax: number, debug = false): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: 10_000, idleTimeoutMillis: 10_000 },
    driverOptions: { connection: { statement_timeout: 15_000 } },
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true },
    allowGlobalContext: false,
    debug,
  };
}

/** Connects, applies pending migrations (the only way the schema changes) and returns the ORM. */
export async function initOrm(clientUrl: string, poolMax: number): Promise<MikroORM<PostgreSqlDriver>> {
  const orm = await MikroORM.init(ormOptions(clientUrl, poolMax));
  await orm.getMigrator().up();
  return orm;
}
