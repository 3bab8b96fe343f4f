import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Enum, JsonType, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { Station } from '../stations/station.entity';

/** The standards a station is inspected against. */
export enum InspectionStandard {
  LIU_YOU = 'LIU_YOU',
}
registerEnumType(InspectionStandard, {
  name: 'InspectionStandard',
  description: 'The standard an acceptance inspection checks a station against.',
  valuesConfig: {
    LIU_YOU: { description: '六有: 有饮水, 有座椅, 有空调, 有药箱, 有卫生间, 有充电 (the union notices\' wording, as the importer reads it; api/src/importer/amenity-words.ts).' },
  },
});

/** The six items of the 六有 standard, each with the amenity it stands for (api/src/importer/amenity-words.ts). */
export enum LiuYouItem {
  DRINKING_WATER = 'DRINKING_WATER',
  SEATING = 'SEATING',
  AIR_CONDITIONING = 'AIR_CONDITIONING',
  FIRST_AID_KIT = 'FIRST_AID_KIT',
  TOILET = 'TOILET',
  CHARGING = 'CHARGING',
}
registerEnumType(LiuYouItem, {
  name: 'LiuYouItem',
  description: 'One item of the 六有 standard.',
  valuesConfig: {
    DRINKING_WATER: { description: '有饮水: drinking water (amenity DRINKING_WATER).' },
    SEATING: { description: '有座椅: seats to rest on (amenity REST_SEATING).' },
    AIR_CONDITIONING: { description: '有空调: air conditioning (amenity AIR_CONDITIONING).' },
    FIRST_AID_KIT: { description: '有药箱: a medicine / first-aid box (amenity FIRST_AID_KIT).' },
    TOILET: { description: '有卫生间: a toilet (amenity TOILET).' },
    CHARGING: { description: '有充电: phone charging (amenity PHONE_CHARGING).' },
  },
});

/** The items of each standard, in checklist order. */
export const STANDARD_ITEMS: Record<InspectionStandard, string[]> = {
  [InspectionStandard.LIU_YOU]: Object.values(LiuYouItem),
};

export enum InspectionResult {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}
registerEnumType(InspectionResult, {
  name: 'InspectionResult',
  description: 'Outcome of an acceptance inspection.',
  valuesConfig: {
    PASSED: { description: 'Every item of the standard was met: a PLANNED station may become ACTIVE.' },
    FAILED: { description: 'At least one item was not met.' },
  },
});

/** Level of an 优秀站点 title. */
export enum TitleLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  CITY = 'CITY',
}
registerEnumType(TitleLevel, {
  name: 'TitleLevel',
  description: 'Level of an 优秀站点 (outstanding station) title.',
  valuesConfig: {
    NATIONAL: { description: '全国优秀站点, e.g. awarded by 中华全国总工会.' },
    PROVINCIAL: { description: '省级优秀站点, awarded by a provincial federation of trade unions.' },
    CITY: { description: '市级优秀站点, awarded by a city federation of trade unions.' },
  },
});

@ObjectType({ description: 'One item of an inspection checklist: whether the station met it, with the inspector\'s note.' })
export class InspectionItem {
  @Field(() => LiuYouItem, { description: 'The item of the standard.' }) item!: LiuYouItem;
  @Field({ description: 'Whether the station met the item.' }) passed!: boolean;
  @Field(() => String, { nullable: true, description: 'What the inspector noted (at most 200 characters).' }) note?: string | null;
}

@ObjectType({ description: 'An acceptance inspection of a station against a standard (六有): each item, the inspector, the date and the result.' })
@Entity({ tableName: 'station_inspection' })
export class StationInspection {
  [OptionalProps]?: 'createdAt';
  @Field(() => ID, { description: 'UUID of the inspection.' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Station, { ref: true, deleteRule: 'cascade' }) station!: Ref<Station>;
  @Field(() => InspectionStandard, { description: 'The standard checked.' }) @Enum({ items: () => InspectionStandard, columnType: 'text' }) standard!: InspectionStandard;
  @Field(() => [InspectionItem], { description: 'Every item of the standard once, in checklist order.' }) @Property({ type: JsonType, columnType: 'jsonb' }) items!: InspectionItem[];
  @Field({ description: 'Name of the inspector as signed on the form (1–50 characters).' }) @Property({ columnType: 'text' }) inspectorName!: string;
  /** The staff account that recorded it. */
  @Property({ type: 'uuid', nullable: true }) inspectorId?: string | null;
  @Field({ description: 'Local date of the inspection (YYYY-MM-DD, station time zone).' }) @Property({ columnType: 'date', type: 'string' }) inspectedOn!: string;
  @Field(() => InspectionResult, { description: 'PASSED when every item was met, else FAILED.' }) @Enum({ items: () => InspectionResult, columnType: 'text' }) result!: InspectionResult;
  @Field(() => String, { nullable: true, description: 'Remarks (at most 1000 characters).' }) @Property({ columnType: 'text', nullable: true }) notes?: string | null;
  @Field({ description: 'When it was recorded.' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
}

@ObjectType({ description: 'An 优秀站点 title of a station: level, year and awarding body.' })
@Entity({ tableName: 'station_title' })
export class StationTitle {
  [OptionalProps]?: 'createdAt';
  @Field(() => ID, { description: 'UUID of the title.' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Station, { ref: true, deleteRule: 'cascade' }) station!: Ref<Station>;
  @Field(() => TitleLevel, { description: '全国, 省级 or 市级.' }) @Enum({ items: () => TitleLevel, columnType: 'text' }) level!: TitleLevel;
  @Field(() => Int, { description: 'Year awarded (1990–2100).' }) @Property({ type: 'integer' }) year!: number;
  @Field({ description: 'Who awarded it, e.g. 江苏省总工会.' }) @Property({ columnType: 'text' }) awardingBody!: string;
  @Field(() => String, { nullable: true, description: 'Where the award is documented (a notice, a report).' }) @Property({ columnType: 'text', nullable: true }) source?: string | null;
  @Field({ description: 'When it was recorded.' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
}

@ObjectType({ description: 'People served (服务人次) in one year.' })
export class YearCount {
  @Field(() => Int, { description: 'Calendar year (local dates of the service logs).' }) year!: number;
  @Field(() => Int, { description: 'Sum of the daily 服务人次 entries of that year.' }) peopleServed!: number;
}
