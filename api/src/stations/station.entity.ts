import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ArrayType, Entity, Enum, JsonType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { CoordinateSystem, GeographyPointType, type LngLat } from '../common/geo';
import { DEFAULT_TIMEZONE } from '../common/opening-hours';
import { Organization } from '../organizations/organization.entity';
import { Amenity, StationKind, StationStatus } from './station.enums';
import { Node } from '../node/node.interface';

/** Where a station record came from and how far it can be trusted. */
@ObjectType({ description: 'Where a station record came from and which of its facts were verified, inferred or are suspect.' })
export class Provenance {
  @Field({ description: 'Source name, e.g. `zhengzhou-stations/stations_full.json` or `admin`.' })
  source!: string;

  @Field(() => CoordinateSystem, { nullable: true, description: 'Datum the source gave its coordinates in (stored data is WGS84).' })
  sourceDatum?: CoordinateSystem | null;

  @Field(() => [String], { description: 'Fields confirmed by the source, e.g. `name`, `location`.' })
  verifiedFields!: string[];

  @Field(() => [String], { description: 'Fields the source guessed or geocoded, e.g. `amenities`, `openingHours`, `location`.' })
  inferredFields!: string[];

  @Field(() => [String], { description: 'Notes for an operator, e.g. a location that falls outside the stated district.' })
  notes!: string[];

  @Field({ description: 'True when something on the record is known or suspected to be wrong and needs a check on site.' })
  needsReview!: boolean;
}

/**
 * A station: a love station (爱心驿站), drivers' home (司机之家), courier home or temporary service point.
 * Location is stored once, WGS-84 `geography(Point, 4326)` with a GiST index.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A rest station for outdoor workers: love station, drivers\' home, courier home or temporary service point.' })
@Entity({ tableName: 'station' })
export class Station {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'status' | 'timezone' | 'amenities' | 'labels';

  @Field(() => ID, { description: 'UUID of the station; stable, the id apps store and refetch with `station(id:)` or `node(id:)`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => StationKind, { description: 'What kind of station it is: love station, drivers\' home, courier home or temporary service point.' })
  @Enum({ items: () => StationKind, columnType: 'text' })
  kind!: StationKind;

  @Field({ description: 'Name as the station is signposted, e.g. 工会驿站(郑州市职工服务中心).' })
  @Property({ columnType: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street address in Chinese.' })
  @Property({ columnType: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code of the county-level division (adcode).' })
  @Property({ columnType: 'char(6)', nullable: true })
  regionCode?: string | null;

  /** WGS-84 point; exposed through `location(crs:)`. */
  @Property({ type: GeographyPointType })
  location!: LngLat;

  @Field(() => [Amenity], { description: 'What the station offers, from the one amenity vocabulary.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  amenities: Amenity[] = [];

  /** The other kinds the station is signposted as (never `kind` itself); exposed as `labels` with `kind` first. */
  @Property({ type: ArrayType, columnType: 'text[]' })
  labels: StationKind[] = [];

  @Field(() => Int, { nullable: true, description: 'Grade given by the federation: 1–5 stars (gradeStation); null: not graded yet.' })
  @Property({ type: 'smallint', nullable: true })
  gradeStars?: number | null;

  @Field(() => String, { nullable: true, description: 'OpenStreetMap opening_hours syntax, e.g. `Mo-Fr 09:00-17:00; PH off` or `24/7`.' })
  @Property({ columnType: 'text', nullable: true })
  openingHours?: string | null;

  @Field({ description: 'IANA time zone the opening hours are read in (default Asia/Shanghai).' })
  @Property({ columnType: 'text' })
  timezone: string = DEFAULT_TIMEZONE;

  @Field(() => StationStatus, { description: 'Whether it is in service; nearby search returns ACTIVE stations only, and no public answer shows a PLANNED one.' })
  @Enum({ items: () => StationStatus, columnType: 'text' })
  status: StationStatus = StationStatus.ACTIVE;

  @Field(() => String, { nullable: true, description: 'Public contact phone of the station (not a person\'s).' })
  @Property({ columnType: 'text', nullable: true })
  phone?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats for resting workers.' })
  @Property({ nullable: true })
  capacity?: number | null;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  hostOrganization?: Ref<Organization> | null;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  operatorOrganization?: Ref<Organization> | null;

  /** Stable key of the record in its import source; re-imports update by it. */
  @Property({ columnType: 'text', nullable: true, unique: true })
  sourceKey?: string | null;

  @Field(() => Date, { nullable: true, description: 'A temporary SERVICE_POINT is found by nearbyStations only from validFrom (instant, inclusive)…' })
  @Property({ columnType: 'timestamptz', nullable: true })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: '…until validUntil (exclusive). Null: no limit.' })
  @Property({ columnType: 'timestamptz', nullable: true })
  validUntil?: Date | null;

  /** Exposed through StationResolver.provenance, to staff who may edit the station only. */
  @Property({ type: JsonType, columnType: 'jsonb' })
  provenance!: Provenance;

  @Field({ description: 'When the record was created.' })
  @Property({ columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'When anything on the record last changed.' })
  @Property({ columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Optimistic-lock version; send it back with an update.' })
  @Property({ version: true })
  version: number = 1;
}
