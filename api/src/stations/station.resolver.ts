import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Float, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { DateTimeResolver } from 'graphql-scalars';
import { NumberRule } from '../common/input-rules';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { CoordinateSystem, GeoPoint, LngLatInput, toWgs84 } from '../common/geo';
import { isOpenAt } from '../common/opening-hours';
import { offsetPage, PageInfo } from '../common/pagination';
import { PAGE_LIMIT_RULE, PAGE_OFFSET_RULE } from '../common/page-args';
import { Organization } from '../organizations/organization.entity';
import { Region } from '../regions/region.entity';
import { Provenance, Station } from './station.entity';
import { Role } from '../auth/user.entity';
import { idempotent } from '../common/idempotency';
import { Amenity, StationKind, StationStatus } from './station.enums';
import { StationCreateInput, StationFilter, StationOrder, StationUpdateInput } from './station.inputs';
import * as service from './station.service';
import * as nearby from './nearby';
import { registerNodeType } from '../node/node.registry';

const StationPage = offsetPage(Station, 'StationPage');

// Any caller may read any station by id, as with `station(id:)`.
// PLANNED stations (awaiting acceptance) are in no public answer: only staff refetch them.
registerNodeType(Station, (ctx, ids) => ctx.em.find(Station, ctx.access.isStaff ? { id: { $in: ids } } : { id: { $in: ids }, status: { $ne: StationStatus.PLANNED } }));

/**
 * A station as its field resolvers receive it: a managed entity, or a read-only row from `stationFromRow`
 * (nearbyStations). Typed as a mapped type on purpose: with the class itself as the parameter type,
 * type-graphql copies every non-entity root into `new Station()` once per field.
 */
type StationRoot = Readonly<Station>;

/** `Station.location(crs)`: the stored WGS-84 point in the requested datum (default WGS84). */
export function stationLocation(station: StationRoot, crs: CoordinateSystem | null | undefined): GeoPoint {
  return GeoPoint.of(station.location, crs ?? CoordinateSystem.WGS84);
}

/** `Station.isOpen(at)`: open at `at` (default now) in the station's own time zone and at its position (sunrise, sunset); null when hours are unknown. */
export function stationIsOpen(station: StationRoot, at: Date | null | undefined): boolean | null {
  return isOpenAt(station.openingHours, station.timezone, at ?? new Date(), station.location);
}

/** Selections already read, per field node of a cached document (see selectedNodeFields). */
const selectionCache = new WeakMap<FieldNode, Set<string> | null>();

/**
 * The `Station` fields a connection query selects under `edges { node { … } }` (aliases, fragments and
 * @include/@skip resolved by graphql-parse-resolve-info), so the search reads only their columns; null when
 * the selection cannot be read (then every column is read). Remembered per field node when the operation has
 * no directives (Apollo reuses the parsed document of a repeated query, so its nodes are the same objects).
 */
function selectedNodeFields(info: GraphQLResolveInfo, connectionType: string, edgeType: string): Set<string> | null {
  const fieldNode = info.fieldNodes[0];
  const cacheable = info.fieldNodes.length === 1 && info.operation.loc !== undefined && !info.operation.loc.source.body.includes('@');
  if (cacheable && selectionCache.has(fieldNode)) return selectionCache.get(fieldNode)!;
  const tree = parseResolveInfo(info) as ResolveTree | null;
  let fields: Set<string> | null = null;
  if (tree) {
    fields = new Set<string>();
    for (const edges of Object.values(tree.fieldsByTypeName[connectionType] ?? {})) {
      if (edges.name !== 'edges') continue;
      for (const node of Object.values(edges.fieldsByTypeName[edgeType] ?? {})) {
        if (node.name !== 'node') continue;
        for (const f of Object.values(node.fieldsByTypeName.Station ?? {})) fields.add(f.name);
      }
    }
  }
  if (cacheable) selectionCache.set(fieldNode, fields);
  return fields;
}

@ObjectType({ simpleResolvers: true, description: 'A station found by `nearbyStations`, with its distance from the search point.' })
export class NearbyStationEdge {
  constructor(
    private readonly hit: nearby.NearbyHit,
    node: Station,
  ) {
    this.distanceMeters = hit.distanceMeters;
    this.node = node;
  }

  /** Encoded only when a query asks for it. */
  @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue after this edge.' })
  get cursor(): string {
    return this.hit.cursor;
  }

  @Field(() => Float, { description: 'Distance from the search point in metres on the WGS-84 spheroid.' }) distanceMeters: number;
  @Field(() => Station, { description: 'The station.' }) node: Station;
}

@ObjectType({ simpleResolvers: true, description: 'A page of nearby stations, nearest first by `distanceMeters` (WGS-84 spheroid metres), then id (Relay connection).' })
export class NearbyStationConnection {
  @Field(() => [NearbyStationEdge], { description: 'This page\'s stations, nearest first (ties by id), at most `first`.' }) edges!: NearbyStationEdge[];
  @Field(() => PageInfo, { description: 'Whether more stations follow, and the cursors of this page.' }) pageInfo!: PageInfo;
  /** Computed only when asked for. */
  countFn!: () => Promise<number>;
}

@ArgsType()
export class NearbyStationsArgs {
  @Field(() => LngLatInput, { description: 'Search centre, in the datum given by its `crs`.' }) near!: LngLatInput;
  @Field(() => Int, { nullable: true, defaultValue: 3000, description: 'Search radius in metres, 1–50000 (INTEGER_RANGE on radiusMeters otherwise).' }) @NumberRule({ min: 1, max: 50_000 }) radiusMeters?: number | null;
  @Field(() => [StationKind], { nullable: true, description: 'Only these kinds.' }) kinds?: StationKind[];
  @Field(() => [Amenity], { nullable: true, description: 'A station must have all of them.' }) amenities?: Amenity[];
  @Field(() => DateTimeResolver, { nullable: true, description: 'Only stations open at this instant (ISO-8601 with offset), in each station\'s own time zone with China\'s holidays; stations without known hours are left out.' })
  openAt?: Date;
  @Field(() => Boolean, { nullable: true, description: 'true: only stations open now (same rules as openAt). Not together with openAt.' }) openNow?: boolean;
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1–100 (INTEGER_RANGE on first otherwise).' }) @NumberRule({ min: 1, max: 100 }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page of the same search (same near, radiusMeters, kinds, amenities and openAt/openNow; first may differ). A cursor of another search is BAD_USER_INPUT on `after`.' })
  after?: string;
}

@ObjectType({ description: 'A station near a route, with its position along the route and its distance off it.' })
export class RouteStation {
  @Field(() => Float, { description: 'Metres along the route from its first point to the point nearest the station.' }) alongRouteMeters!: number;
  @Field(() => Float, { description: 'Metres from the route to the station (spheroid).' }) distanceFromRouteMeters!: number;
  @Field(() => Station, { description: 'The station.' }) node!: Station;
}

@Resolver(() => NearbyStationConnection)
export class NearbyStationConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of matching stations on all pages. With openNow/openAt it evaluates every station in the radius, so ask for it only when needed.' })
  totalCount(@Root() c: NearbyStationConnection): Promise<number> {
    return c.countFn();
  }
}

@Resolver(() => Station)
export class StationResolver {
  @Query(() => Station, { nullable: true, description: 'A station by id; null when there is none (and, for callers other than staff, when it is still PLANNED).' })
  async station(@Arg('id', () => ID, { description: 'The station\'s UUID; BAD_USER_INPUT when it is not a UUID.' }) id: string, @Ctx() { em, access }: Context): Promise<Station | null> {
    service.assertUuid(id, 'id');
    const station = await em.findOne(Station, id);
    return station && station.status === StationStatus.PLANNED && !access.isStaff ? null : station;
  }

  @Query(() => NearbyStationConnection, {
    description: 'Active stations near a point, nearest first, with distances in metres. Errors: BAD_USER_INPUT for coordinates out of range or NaN, radius outside 1–50000, first outside 1–100, a bad cursor, or openAt with openNow.',
  })
  // The ranges are the args' @NumberRule, checked before this runs. At run time the schema calls this method
  // directly with GraphQL's coerced arguments (schema.ts).
  async nearbyStations(@Args() a: NearbyStationsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<NearbyStationConnection> {
    const near = toWgs84(a.near, 'near');
    const radiusMeters = a.radiusMeters ?? 3000;
    const first = a.first ?? 20;
    if (a.openAt && a.openNow) throw new BadInputError('openNow', 'give either openAt or openNow, not both', 'OPEN_AT_AND_NOW');
    const args: nearby.NearbyArgs = {
      near,
      radiusMeters,
      kinds: a.kinds,
      amenities: a.amenities,
      openAt: a.openAt ?? (a.openNow ? new Date() : null),
      openNow: Boolean(a.openNow),
      first,
      after: a.after,
    };
    // A read-only statement: no fork of the EntityManager unless a field later loads an organization.
    const { hits, hasNextPage } = await nearby.nearbyStations(ctx.rawReader, args, selectedNodeFields(info, 'NearbyStationConnection', 'NearbyStationEdge'));
    const loadOrganization = (id: string) => ctx.loaders.organization.load(id);
    const edges = hits.map((h) => new NearbyStationEdge(h, nearby.stationFromRow(h.row, loadOrganization)));
    return Object.assign(new NearbyStationConnection(), {
      edges,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: Boolean(a.after),
        get startCursor() {
          return edges[0]?.cursor ?? null;
        },
        get endCursor() {
          return edges.at(-1)?.cursor ?? null;
        },
      },
      countFn: () => nearby.countNearbyStations(ctx.rawReader, args),
    });
  }

  @Query(() => [RouteStation], {
    description:
      'For truck drivers: active stations within bufferMeters (1–5000, default 500) of a route through `route` (2–500 points, each in its own datum), ordered along the route. Filters like nearbyStations. BAD_USER_INPUT names the point at fault (route[3].lat).',
  })
  async stationsAlongRoute(
    @Arg('route', () => [LngLatInput], { description: 'The route as 2–500 points in driving order, each in the datum of its own `crs`.' }) route: LngLatInput[],
    @Ctx() { em }: Context,
    @Arg('bufferMeters', () => Int, { defaultValue: 500, description: 'Largest distance from the route in metres, 1–5000.' }) @NumberRule({ min: 1, max: 5000 }) bufferMeters: number,
    @Arg('kinds', () => [StationKind], { nullable: true, description: 'Only these kinds.' }) kinds?: StationKind[],
    @Arg('amenities', () => [Amenity], { nullable: true, description: 'A station must have all of them.' }) amenities?: Amenity[],
    @Arg('first', () => Int, { defaultValue: 50, description: 'Most stations returned, 1–100.' }) @NumberRule({ min: 1, max: 100 }) first = 50,
  ): Promise<RouteStation[]> {
    if (route.length < 2 || route.length > 500) throw new BadInputError('route', 'give 2 to 500 points', 'ROUTE_POINTS', { min: 2, max: 500 });
    const points = route.map((p, i) => toWgs84(p, `route[${i}]`));
    const hits = await service.stationsAlongRoute(em, { points, bufferMeters, kinds, amenities, first });
    const stations = new Map((await em.find(Station, { id: { $in: hits.map((h) => h.id) } })).map((s) => [s.id, s]));
    return hits.map((h) => Object.assign(new RouteStation(), { alongRouteMeters: h.alongMeters, distanceFromRouteMeters: h.offsetMeters, node: stations.get(h.id)! }));
  }

  @Authorized()
  @Query(() => StationPage, {
    description: 'Admin list (staff only): stations matching the filter, sorted, one page (limit 1–1000) with the total count. An OPERATOR sees the stations they may edit; ADMIN and COORDINATOR see all.',
  })
  async stations(
    @Ctx() { em, access }: Context,
    @Arg('filter', () => StationFilter, { nullable: true, description: 'Conditions a station must all meet; none: every station the caller may list.' }) filter?: StationFilter,
    @Arg('orderBy', () => StationOrder, { nullable: true, description: 'Sort order; default by name ascending, ties by id.' }) orderBy?: StationOrder,
    @Arg('limit', () => Int, { defaultValue: 25, description: 'Page size, 1–1000.' }) @NumberRule(PAGE_LIMIT_RULE) limit = 25,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Rows to skip, 0–1000000.' }) @NumberRule(PAGE_OFFSET_RULE) offset = 0,
  ) {
    const only = await access.stationListScope();
    return service.listStations(em, filter, orderBy, limit, offset, only);
  }

  @Authorized(Role.ADMIN, Role.OPERATOR)
  @Mutation(() => Station, {
    description: 'ADMIN, OPERATOR: creates a station (an OPERATOR\'s must be operated or hosted by one of their organizations). BAD_USER_INPUT names the field at fault; nothing is written then. With `idempotencyKey`, a retry returns the first station.',
  })
  async createStation(
    @Arg('input', () => StationCreateInput, { description: 'The new station.' }) input: StationCreateInput,
    @Ctx() { em, access }: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Any unique string (a UUID); the same key and input return the first result, a different input is BAD_USER_INPUT.' }) idempotencyKey?: string,
  ): Promise<Station> {
    const { result } = await idempotent(
      em,
      { actor: access.userId!, key: idempotencyKey, operation: 'createStation', body: input },
      (tx) => service.createStation(tx, input, undefined, access),
      (tx, id) => service.getStation(tx, id),
    );
    return result;
  }

  @Authorized(Role.ADMIN, Role.OPERATOR)
  @Mutation(() => Station, {
    description: 'ADMIN, OPERATOR: changes a station whose version is still `version`; CONFLICT when someone changed it since, NOT_FOUND when it does not exist or is not one of an OPERATOR\'s stations.',
  })
  updateStation(
    @Arg('id', () => ID, { description: 'UUID of the station to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The `version` the change was made on; CONFLICT when the station has changed since.' }) version: number,
    @Arg('input', () => StationUpdateInput, { description: 'The fields to change.' }) input: StationUpdateInput,
    @Ctx() { em, access }: Context,
  ): Promise<Station> {
    return service.updateStation(em, id, version, input, access);
  }

  @Authorized(Role.ADMIN, Role.OPERATOR)
  @Mutation(() => Station, { description: 'ADMIN, OPERATOR: sets status RETIRED (kept for history, hidden from nearby search). CONFLICT on a stale version; NOT_FOUND for another organization\'s station.' })
  retireStation(@Arg('id', () => ID, { description: 'UUID of the station to retire.' }) id: string, @Arg('version', () => Int, { description: 'Its current `version`; CONFLICT when stale.' }) version: number, @Ctx() { em, access }: Context): Promise<Station> {
    return service.retireStation(em, id, version, access);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Station, { description: 'ADMIN: deletes a station for good and returns it as it was. Prefer retireStation for stations that served people.' })
  deleteStation(@Arg('id', () => ID, { description: 'UUID of the station to delete.' }) id: string, @Ctx() { em }: Context): Promise<Station> {
    return service.deleteStation(em, id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may edit this station (ADMIN; an OPERATOR of its operating or host organization or one above it). False for anonymous callers and API keys.' })
  viewerCanEdit(@Root() station: StationRoot, @Ctx() { access }: Context): Promise<boolean> {
    return access.canEditStation(service.stationOrganizations(station));
  }

  @FieldResolver(() => Provenance, { nullable: true, description: 'Where the record came from and what still needs checking (internal notes). Null unless the caller may edit the station.' })
  async provenance(@Root() station: StationRoot, @Ctx() { access }: Context): Promise<Provenance | null> {
    return (await access.canEditStation(service.stationOrganizations(station))) ? station.provenance : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Stable key in the import source; re-imports update the station with the same key. Null unless the caller may edit the station.' })
  async sourceKey(@Root() station: StationRoot, @Ctx() { access }: Context): Promise<string | null> {
    return (await access.canEditStation(service.stationOrganizations(station))) ? (station.sourceKey ?? null) : null;
  }

  @FieldResolver(() => GeoPoint, { description: 'The location in the requested datum (stored as WGS84).' })
  location(
    @Root() station: StationRoot,
    @Arg('crs', () => CoordinateSystem, { nullable: true, defaultValue: CoordinateSystem.WGS84, description: 'Datum to give the point in: GCJ02 for AMap, Tencent and WeChat maps, BD09 for Baidu.' }) crs: CoordinateSystem | null,
  ): GeoPoint {
    return stationLocation(station, crs);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the station is open at `at` (default now), read in its own time zone with China\'s statutory holidays and make-up workdays; null when its hours are unknown.',
  })
  isOpen(@Root() station: StationRoot, @Arg('at', () => DateTimeResolver, { nullable: true, description: 'The instant to check (RFC 3339 with offset); default now.' }) at?: Date): boolean | null {
    return stationIsOpen(station, at);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The county-level division of regionCode.' })
  region(@Root() station: StationRoot, @Ctx() { loaders }: Context): Promise<Region | null> | null {
    return station.regionCode ? loaders.region.load(station.regionCode) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The unit whose premises host the station (承建单位).' })
  async hostOrganization(@Root() station: StationRoot): Promise<Organization | null> {
    return station.hostOrganization ? station.hostOrganization.load({ dataloader: true }) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The union that runs the station.' })
  async operatorOrganization(@Root() station: StationRoot): Promise<Organization | null> {
    return station.operatorOrganization ? station.operatorOrganization.load({ dataloader: true }) : null;
  }
}
