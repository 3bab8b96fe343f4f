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
import { authChecker } from './auth/access';
import {
  CampaignResolver,
  ShiftAssignmentResolver,
  ShiftResolver,
  SuppliesResolver,
  SupplyTallyResolver,
  VolunteerResolver,
  VolunteerTeamResolver,
} from './scheduling/scheduling.resolver';

/**
 * Builds the GraphQL schema from the decorated resolvers, with class-validator validation on inputs and
 * `@Authorized` role gates checked by `authChecker` (row ownership is checked in the services).
 */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [StationResolver, NearbyStationConnectionResolver, OrganizationResolver, RegionResolver, MiscResolver, AuthResolver, ApiKeyResolver, AuditResolver,
      VolunteerTeamResolver, VolunteerResolver, CampaignResolver, ShiftResolver, ShiftAssignmentResolver, SuppliesResolver, SupplyTallyResolver,
    ],
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
