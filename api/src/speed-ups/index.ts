import { getMetadataStorage } from 'type-graphql';
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { CoordinateSystem } from '../common/geo';
import type { Context } from '../context';
import { regionCentre } from '../regions/region.resolver';
import { StationResolver, stationIsOpen, stationLocation, type NearbyStationsArgs } from '../stations/station.resolver';

/**
 * The speed-ups of the public hot path (`nearbyStations`, `station`, a page of 20–100 stations), in one place.
 * Each keeps the schema and the answers exactly as they are (tests/api/execution.test.ts runs the same
 * operations through graphql-jit and through graphql-js's interpreter and compares them); what each saves is in
 * the README, "Performance". Guarded by `tests/bench/instructions.mjs` (CPU instructions per benchmark request).
 *
 * 1. **JIT executor** (`jitGateway`, api/src/common/jit.ts): operations are compiled once by graphql-jit into
 *    functions that read plain fields directly, instead of graphql-js building an argument map and a resolve
 *    info for each of a page's ~160 fields. Installed by the server (`JIT=false` for the interpreter).
 * 2. **Plain resolvers installed after the build** (`PLAIN_RESOLVERS`, installed by `installSpeedUps`):
 *    `nearbyStations`, `Station.location`, `Station.isOpen` and `Region.centre` bypass type-graphql's argument
 *    pipeline (class instances, async validation: a promise per field per row) and call the same code with
 *    GraphQL's coerced arguments.
 * 3. **No pass-through resolvers**: type-graphql 2's own `simpleResolvers: true` on the hot object types
 *    (Station, NearbyStationEdge, NearbyStationConnection, GeoPoint, PageInfo) leaves their plain fields without a
 *    resolver, so graphql-jit reads the property; `dropPassThroughResolvers` does the same after the build for
 *    the other types' fields that have no role, middleware or field resolver (a type-wide `simpleResolvers`
 *    would also skip a field's `@Authorized`, so it is only set where no field has one).
 * 4. **Raw readers** (`nearbyStations`, `stationFromRow`, api/src/stations/nearby.ts, through `ctx.rawReader`):
 *    the nearby search runs one prepared statement (`queryPrepared`, api/src/db/prepared.ts) and builds
 *    read-only stations from its rows without the ORM's identity map and unit of work; the request context makes
 *    its EntityManager fork, access rules and loaders only on first use (api/src/context.ts).
 */
export { jitGateway } from '../common/jit';
export { nearbyStations as rawNearbyStations, countNearbyStations as rawCountNearbyStations, stationFromRow } from '../stations/nearby';
export { queryPrepared } from '../db/prepared';

const stations = new StationResolver();

/**
 * Resolvers installed as plain functions once the schema is built (speed-up 2). These fields take arguments
 * with no validation rules, have no role gate or middleware, and their decorated methods call the same code, so
 * the schema (names, types, descriptions, defaults) is unchanged.
 */
export const PLAIN_RESOLVERS: Record<string, Record<string, GraphQLFieldResolver<any, Context, any>>> = {
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
 * Speed-up 3 for the types without `simpleResolvers`: type-graphql 2 gives every plain @Field a resolver of its
 * own (the middleware and role-check wrapper), which only returns `root[name]` when the field has no roles and
 * no middlewares, yet graphql-jit must treat it as a custom resolver (resolve info, a promise check) for every
 * field of every row. The wrapper is removed where the field has no roles, no middlewares and no field
 * resolver, and its GraphQL name is its property name: the default resolver then reads the same property.
 * Returns how many were removed.
 */
export function dropPassThroughResolvers(schema: GraphQLSchema): number {
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

/** Installs speed-ups 2 and 3 on a freshly built schema (createSchema calls it once). */
export function installSpeedUps(schema: GraphQLSchema): void {
  dropPassThroughResolvers(schema);
  for (const [typeName, fields] of Object.entries(PLAIN_RESOLVERS)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`installSpeedUps: no object type ${typeName}`);
    for (const [fieldName, resolve] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`installSpeedUps: no field ${typeName}.${fieldName}`);
      field.resolve = resolve;
    }
  }
}
