import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { StationResolver, NearbyStationConnectionResolver } from './stations/station.resolver';
import { OrganizationResolver } from './organizations/organization.resolver';
import { RegionResolver } from './regions/region.resolver';
import { MiscResolver } from './misc/misc.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { ApiKeyResolver } from './auth/api-key.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { HolidayResolver } from './holidays/holiday.resolver';
import { StationGradingResolver } from './station-grading/grading.resolver';
import { DashboardResolver } from './dashboard/dashboard.resolver';
import { authChecker } from './auth/access';
import { normaliseInput } from './common/input-rules';
import { NodeResolver } from './node/node.resolver';
import { configureDateTimeScalar } from './common/datetime';
import { installSpeedUps } from './speed-ups';
import { CampaignResolver } from './campaigns/campaign.resolver';
import { ShiftAssignmentResolver } from './shift-assignments/shift-assignment.resolver';
import { ShiftResolver } from './shifts/shift.resolver';
import { SuppliesResolver, SupplyTallyResolver } from './supplies/supply.resolver';
import { VolunteerResolver } from './volunteers/volunteer.resolver';
import { VolunteerTeamResolver } from './volunteer-teams/volunteer-team.resolver';
import { SignupLinkResolver } from './self-signup/signup-link.resolver';
import { WebhookResolver } from './webhooks/webhook.resolver';

/**
 * Builds the GraphQL schema from the decorated resolvers, with `@Authorized` role gates checked by `authChecker`
 * (row ownership is checked in the services). Argument rules (text, number bounds, list sizes) are declared with
 * the decorators of common/input-rules.ts and applied by `normaliseInput`; type-graphql's class-validator step is off.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  configureDateTimeScalar();
  const schema = await buildSchema({
    resolvers: [NodeResolver, StationResolver, NearbyStationConnectionResolver, OrganizationResolver, RegionResolver, MiscResolver, AuthResolver, ApiKeyResolver, AuditResolver,
      VolunteerTeamResolver, VolunteerResolver, CampaignResolver, ShiftResolver, ShiftAssignmentResolver, SuppliesResolver, SupplyTallyResolver,
      HolidayResolver, SignupLinkResolver, WebhookResolver, StationGradingResolver, DashboardResolver,
    ],
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    emitSchemaFile: false,
  });
  // type-graphql has no option for the root types' own descriptions.
  schema.getQueryType()!.description =
    'Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles.';
  schema.getMutationType()!.description =
    'Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries.';
  // The speed-ups of the hot public paths (api/src/speed-ups): plain resolvers, no pass-through wrappers.
  installSpeedUps(schema);
  // Last, so it covers the plain resolvers above too.
  normaliseInput(schema);
  return schema;
}
