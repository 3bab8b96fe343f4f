import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { StationResolver, NearbyStationConnectionResolver } from './stations/station.resolver';
import { OrganizationResolver } from './organizations/organization.resolver';
import { RegionResolver } from './regions/region.resolver';
import { MiscResolver } from './misc/misc.resolver';

/** Builds the GraphQL schema from the decorated resolvers, with class-validator validation on inputs. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [StationResolver, NearbyStationConnectionResolver, OrganizationResolver, RegionResolver, MiscResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
