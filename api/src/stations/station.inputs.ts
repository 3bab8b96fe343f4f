import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ListRule, nameRule, NumberRule, STATION_PHONE_RULE, TextRule } from '../common/input-rules';
import { FILTER_IDS_RULE } from '../common/list-query';
import { CoordinateSystem, LngLatInput } from '../common/geo';
import { SortDirection } from '../common/pagination';
import { Amenity, StationKind, StationStatus } from './station.enums';

@InputType({ description: 'A bounding box in decimal degrees (west/east longitudes, south/north latitudes) in the datum `crs`.' })
export class BoundingBoxInput {
  @Field(() => Float, { description: 'Western edge: longitude in degrees, -180..180.' }) west!: number;
  @Field(() => Float, { description: 'Southern edge: latitude in degrees, -90..90.' }) south!: number;
  @Field(() => Float, { description: 'Eastern edge: longitude in degrees, -180..180, east of `west`.' }) east!: number;
  @Field(() => Float, { description: 'Northern edge: latitude in degrees, -90..90, north of `south`.' }) north!: number;
  @Field(() => CoordinateSystem, { nullable: true, defaultValue: CoordinateSystem.WGS84, description: 'Datum of the four edges.' }) crs?: CoordinateSystem;
}

@InputType({ description: 'Filters of the admin station list; all given conditions must hold.' })
export class StationFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids (at most 1000).' }) @ListRule(FILTER_IDS_RULE) ids?: string[];
  @Field(() => [StationKind], { nullable: true, description: 'Only stations of these kinds.' }) kinds?: StationKind[];
  @Field(() => [StationStatus], { nullable: true, description: 'Only stations in these statuses.' }) statuses?: StationStatus[];
  @Field(() => [Amenity], { nullable: true, description: 'A station must have all of them.' }) amenities?: Amenity[];
  @Field(() => String, { nullable: true, description: 'Leading digits of the GB/T 2260 code: `41` Henan, `4101` Zhengzhou, `410102` 中原区.' })
  regionCodePrefix?: string;
  @Field(() => String, { nullable: true, description: 'Case-insensitive text contained in the name or address (at most 100 characters, trimmed).' })
  @TextRule({ max: 100 })
  search?: string;
  @Field(() => BoundingBoxInput, { nullable: true, description: 'Only stations inside this box.' }) within?: BoundingBoxInput;
  @Field(() => ID, { nullable: true, description: 'Only stations hosted by this organization (UUID).' }) hostOrganizationId?: string;
  @Field(() => ID, { nullable: true, description: 'Only stations operated by this organization (UUID).' }) operatorOrganizationId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only records whose provenance says they need a check on site.' }) needsReview?: boolean;
}

export enum StationOrderField {
  NAME = 'NAME',
  KIND = 'KIND',
  STATUS = 'STATUS',
  REGION_CODE = 'REGION_CODE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(StationOrderField, {
  name: 'StationOrderField',
  description: 'What the admin station list is sorted by.',
  valuesConfig: {
    NAME: { description: 'Name, in the database collation.' },
    KIND: { description: 'Kind (enum name).' },
    STATUS: { description: 'Status (enum name).' },
    REGION_CODE: { description: 'GB/T 2260 region code; stations without one last.' },
    CREATED_AT: { description: 'When the record was created.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
});

@InputType({ description: 'Sort order of the admin station list (ties broken by id).' })
export class StationOrder {
  @Field(() => StationOrderField, { defaultValue: StationOrderField.NAME, description: 'Sort key.' }) field!: StationOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Sort direction.' }) direction!: SortDirection;
}

@InputType({ description: 'A new station. `regionCode` is found from the location when left out.' })
export class StationCreateInput {
  @Field(() => StationKind, { description: 'What kind of station it is.' }) kind!: StationKind;

  @Field({ description: '1–200 characters (Unicode code points, trimmed), at least one of them visible.' })
  @TextRule(nameRule(200))
  name!: string;

  @Field(() => String, { nullable: true, description: 'At most 500 characters (trimmed; empty means none).' })
  @TextRule({ max: 500, emptyToNull: true })
  address?: string | null;

  @Field(() => LngLatInput, { description: 'Where it is, in the datum of its `crs`; must lie within China.' }) location!: LngLatInput;

  @Field(() => [Amenity], { defaultValue: [], description: 'What it offers; duplicates are dropped.' }) amenities?: Amenity[];

  @Field(() => String, { nullable: true, description: 'OSM opening_hours syntax, e.g. `Mo-Fr 09:00-17:00; PH off`; at most 500 characters.' })
  @TextRule({ max: 500, emptyToNull: true })
  openingHours?: string | null;

  @Field(() => Date, { nullable: true, description: 'Temporary service points: first instant it is found by nearbyStations.' })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Temporary service points: found by nearbyStations until this instant (exclusive); after validFrom.' })
  validUntil?: Date | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone; default Asia/Shanghai.' })
  @TextRule({ max: 100, singleLine: true, emptyToNull: true })
  timezone?: string | null;

  @Field(() => StationStatus, { nullable: true, description: 'Default ACTIVE; PLANNED for a station applied for that still awaits its acceptance inspection.' }) status?: StationStatus | null;
  @Field(() => [StationKind], { nullable: true, description: 'Every kind the station is signposted as (e.g. a love station that is also a 货车司机之家 and a 快递小哥之家); `kind` is always one of them and stays the one public kind. Duplicates are dropped.' })
  labels?: StationKind[] | null;

  @Field(() => String, { nullable: true, description: 'Public contact phone: one or more numbers, each like a volunteer phone (an optional +, then 5–20 digits, spaces or dashes), separated by `;`, `,` or `、`; at most 50 characters. Empty means none.' })
  @TextRule(STATION_PHONE_RULE)
  phone?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats, 0–10000 (INTEGER_RANGE on input.capacity otherwise).' })
  @NumberRule({ min: 0, max: 10000 })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code that must exist.' }) @TextRule({ max: 6, singleLine: true }) regionCode?: string | null;
  @Field(() => ID, { nullable: true, description: 'Organization whose premises host it (承建单位), a UUID that must exist.' }) hostOrganizationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Union that runs it, a UUID that must exist; an OPERATOR must give one of theirs here or as host.' }) operatorOrganizationId?: string | null;
}

@InputType({ description: 'Changes to a station; fields left out stay as they are, null clears an optional field.' })
export class StationUpdateInput {
  @Field(() => StationKind, { nullable: true, description: 'New kind.' }) kind?: StationKind;

  @Field(() => String, { nullable: true, description: '1–200 characters (Unicode code points, trimmed), at least one of them visible.' })
  @TextRule(nameRule(200))
  name?: string;

  @Field(() => String, { nullable: true, description: 'At most 500 characters (trimmed; empty or null clears it).' })
  @TextRule({ max: 500, emptyToNull: true })
  address?: string | null;

  @Field(() => LngLatInput, { nullable: true, description: 'New location in the datum of its `crs`; must lie within China.' }) location?: LngLatInput;
  @Field(() => [Amenity], { nullable: true, description: 'The whole new amenity list (replaces the old one).' }) amenities?: Amenity[];
  @Field(() => String, { nullable: true, description: 'OSM opening_hours syntax; at most 500 characters; empty or null clears it.' }) @TextRule({ max: 500, emptyToNull: true }) openingHours?: string | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone; empty or null means Asia/Shanghai.' }) @TextRule({ max: 100, singleLine: true, emptyToNull: true }) timezone?: string | null;
  @Field(() => StationStatus, { nullable: true, description: 'New status. PLANNED → ACTIVE needs a PASSED acceptance inspection (BAD_USER_INPUT on input.status otherwise); nothing returns to PLANNED once it was ACTIVE.' }) status?: StationStatus;
  @Field(() => [StationKind], { nullable: true, description: 'The whole new label list, as in StationCreateInput.labels (`kind` is always kept among them).' }) labels?: StationKind[] | null;
  @Field(() => Date, { nullable: true, description: 'Temporary service points: start of the validity window; null clears it.' }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Temporary service points: end of the validity window (exclusive); null clears it.' }) validUntil?: Date | null;

  @Field(() => String, { nullable: true, description: 'Public contact phone, as in StationCreateInput.phone; empty or null clears it.' })
  @TextRule(STATION_PHONE_RULE)
  phone?: string | null;

  @Field(() => Int, { nullable: true, description: 'New seat count, 0–10000 (INTEGER_RANGE on input.capacity otherwise); null: unknown.' })
  @NumberRule({ min: 0, max: 10000 })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code that must exist; null finds it from the location.' }) @TextRule({ max: 6, singleLine: true }) regionCode?: string | null;
  @Field(() => ID, { nullable: true, description: 'New host organization (UUID); null clears it.' }) hostOrganizationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'New operating union (UUID); null clears it.' }) operatorOrganizationId?: string | null;
}
