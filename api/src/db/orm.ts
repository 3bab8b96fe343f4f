import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { Region } from '../regions/region.entity';
import { Organization } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import { migrationsList } from '../migrations';
import { User } from '../auth/user.entity';
import { ApiKey } from '../auth/api-key.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditSubscriber } from '../audit/audit.subscriber';
import { Campaign } from '../campaigns/campaign.entity';
import { Shift } from '../shifts/shift.entity';
import { ShiftAssignment } from '../shift-assignments/shift-assignment.entity';
import { ServiceLog, SupplyItem, SupplyTally } from '../supplies/supply.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { SignupLink } from '../self-signup/signup-link.entity';
import { Webhook } from '../webhooks/webhook.entity';
import { StationInspection, StationTitle } from '../station-grading/grading.entity';

export const entities = [Region, Organization, Station, User, ApiKey, AuditEvent, Volunteer, VolunteerTeam, Campaign, Shift, ShiftAssignment, SupplyItem, SupplyTally, ServiceLog, SignupLink, Webhook, StationInspection, StationTitle];

/** Pool and statement limits: never wait forever for a connection, never let one statement run for ever. */
export interface DbTimeouts {
  /** statement_timeout of every connection, ms (default 15 s). */
  statementTimeoutMs?: number;
  /** How long to wait for a free pooled connection before failing, ms (default 5 s). */
  acquireTimeoutMs?: number;
  /** How long an unused pooled connection stays open before the pool closes it, ms (default 10 s). */
  idleTimeoutMs?: number;
}

/**
 * MikroORM options for the PostgreSQL at `clientUrl`; `poolMax` 1 for the embedded PGlite (one query at a time).
 * Every flush also writes the audit log (AuditSubscriber).
 */
export function ormOptions(clientUrl: string, poolMax: number, timeouts: DbTimeouts = {}, debug = false): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    subscribers: [new AuditSubscriber()],
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: timeouts.acquireTimeoutMs ?? 5_000, idleTimeoutMillis: timeouts.idleTimeoutMs ?? 10_000 },
    driverOptions: { connection: { statement_timeout: timeouts.statementTimeoutMs ?? 15_000, connectionTimeoutMillis: 5_000 } },
    migrations: { migrationsList, snapshot: false, transactional: true, allOrNothing: true },
    allowGlobalContext: false,
    debug,
  };
}

/** Connects, applies pending migrations (the only way the schema changes) and returns the ORM. */
export async function initOrm(clientUrl: string, poolMax: number, timeouts: DbTimeouts = {}): Promise<MikroORM<PostgreSqlDriver>> {
  const orm = await MikroORM.init(ormOptions(clientUrl, poolMax, timeouts));
  await orm.getMigrator().up();
  return orm;
}
