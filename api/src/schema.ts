import 'reflect-metadata';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { CoordinateSystem } from './common/geo';
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { StationResolver, NearbyStationConnectionResolver, stationIsOpen, stationLocation, type NearbyStationsArgs } from './stations/station.resolver';
import type { Context } from './context';
import { OrganizationResolver } from './organizations/organization.resolver';
import { RegionResolver, regionCentre } from './regions/region.resolver';
import { MiscResolver } from './misc/misc.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { ApiKeyResolver } from './auth/api-key.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { HolidayResolver } from './holidays/holiday.resolver';
import { StationGradingResolver } from './station-grading/grading.resolver';
import { DashboardResolver } from './dashboard/dashboard.resolver';
import { authChecker } from './auth/access';
import { normaliseTextInput } from './common/text-input';
import { NodeResolver } from './node/node.resolver';
import { configureDateTimeScalar } from './common/datetime';
import { CampaignResolver } from './campaigns/campaign.resolver';
import { ShiftAssignmentResolver } from './shift-assignments/shift-assignment.resolver';
import { ShiftResolver } from './shifts/shift.resolver';
import { SuppliesResolver, SupplyTallyResolver } from './supplies/supply.resolver';
import { VolunteerResolver } from './volunteers/volunteer.resolver';
import { VolunteerTeamResolver } from './volunteer-teams/volunteer-team.resolver';
import { SignupLinkResolver } from './self-signup/signup-link.resolver';
import { WebhookResolver } from './webhooks/webhook.resolver';

/**
 * Resolvers installed as plain functions once the schema is built, on the public hot paths. type-graphql 2 runs
 * every call through its argument pipeline: each `@Arg`/`@Args` is converted into class instances (the args
 * class and every input object in it) and validated, which is async, so even a field that computes
 * synchronously answers with a promise — a page of 100 stations asking for `location` made 100 promises (a
 * tenth of a nearby query's CPU; README, "Performance"), and `nearbyStations` paid half a dozen promises per
 * request before its own code ran. These fields take arguments with no class-validator rules, have no role
 * gate or middleware, and their decorated methods call the same code with GraphQL's coerced arguments, so the
 * schema (names, types, descriptions, defaults) is unchanged.
 */
const stations = new StationResolver();
const PLAIN_RESOLVERS: Record<string, Record<string, GraphQLFieldResolver<any, Context, any>>> = {
  Query: {
    nearbyStations: (_root, args: NearbyStationsArgs, ctx, info) => stations.nearbyStations(args, ctx, info),
  },
  Station: {
    location: (station, args: { crs?: CoordinateSystem | null }) => stationLocation(station, args.crs),
    isOpen: (station, args: { at?: Date | null }) => stationIsOpen(station, args.at),
  },
  Region: {
    centre: (region, args: { crs?: CoordinateSystem | null }) => regionCentre(region, args.crs),
  },
};

/**
 * type-graphql 2 gives every plain @Field a resolver of its own (the middleware and role-check wrapper) unless
 * its type is declared `simpleResolvers`. No plain field here has a role gate or a middleware (roles sit on
 * queries, mutations and @FieldResolver methods, and there are no global middlewares), so the wrapper only
 * returns `root[name]`, yet graphql-jit must treat each as a custom resolver (resolve info, a promise check)
 * for every field of every row. After the build the wrapper is removed where the field has no roles, no
 * middlewares and no field resolver, and its GraphQL name is its property name: the default resolver then reads
 * the same property. Returns how many were removed.
 */
function dropPassThroughResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  let dropped = 0;
  for (const meta of [...storage.objectTypes, ...storage.interfaceTypes]) {
    const type = schema.getType(meta.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const fields = type.getFields();
    for (const field of meta.fields ?? []) {
      const gql = fields[field.schemaName];
      if (!gql?.resolve || field.schemaName !== field.name || field.roles?.length || field.middlewares?.length) continue;
      const hasResolver = storage.fieldResolvers.some((r) => r.methodName === field.name && r.getObjectType?.() === meta.target);
      if (hasResolver) continue;
      gql.resolve = undefined;
      dropped++;
    }
  }
  return dropped;
}

/**
 * Builds the GraphQL schema from the decorated resolvers, with class-validator validation on inputs and
 * `@Authorized` role gates checked by `authChecker` (row ownership is checked in the services).
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
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  dropPassThroughResolvers(schema);
  // type-graphql has no option for the root types' own descriptions.
  schema.getQueryType()!.description =
    'Reads. Public (anonymous callers and API keys): station, nearbyStations, stationsAlongRoute, region, regions, organization, node, nodes, openingHoursCheck, appConfig, me. The rest needs a staff account; each field says which roles.';
  schema.getMutationType()!.description =
    'Writes. Each field says which roles may call it; a refused or invalid call writes nothing. Creating mutations take an `idempotencyKey` for safe retries.';
  for (const [typeName, fields] of Object.entries(PLAIN_RESOLVERS)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`createSchema: no object type ${typeName}`);
    for (const [fieldName, resolve] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`createSchema: no field ${typeName}.${fieldName}`);
      field.resolve = resolve;
    }
  }
  // Last, so it covers the plain resolvers above too.
  normaliseTextInput(schema);
  return schema;
}
