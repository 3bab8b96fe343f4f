import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Enum, Index, PrimaryKey, Property } from '../common/orm';
import { GeographyPointType, type LngLat } from '../common/geo';
import { Node } from '../node/node.interface';

/** Level of a GB/T 2260 administrative division. */
export enum RegionLevel {
  COUNTRY = 'COUNTRY',
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Level of a GB/T 2260 administrative division.',
  valuesConfig: {
    COUNTRY: { description: 'The country (中国, 100000).' },
    PROVINCE: { description: 'Province, autonomous region or municipality (省级), e.g. 410000 河南省.' },
    CITY: { description: 'Prefecture-level city (地级), e.g. 410100 郑州市.' },
    COUNTY: { description: 'County-level division (县级: district, county, county-level city), e.g. 410102 中原区.' },
  },
});

/**
 * A GB/T 2260 administrative division down to county level (行政区划), from the bundled cn-adcode table
 * (Vonng/adcode, CC BY 4.0; 2016 codes). Centre points are converted from GCJ-02 to WGS-84 on import.
 */
@ObjectType({ implements: Node, description: 'A GB/T 2260 administrative division (province, city or county) with its centre point.' })
@Entity({ tableName: 'region' })
export class Region {
  @Field(() => ID, { description: 'Six-digit GB/T 2260 code (adcode), e.g. 410102 for 中原区.' })
  @PrimaryKey({ columnType: 'char(6)' })
  code!: string;

  /** Not a column: the Node id of a region is its code. */
  @Field(() => ID, { description: 'Node id: the same six-digit code as `code`, for `node(id:)`.' })
  get id(): string {
    return this.code.trim();
  }

  @Field({ description: 'Official name, e.g. 郑州市.' })
  @Property({ columnType: 'text' })
  name!: string;

  @Field(() => RegionLevel, { description: 'Whether it is a province, city or county.' })
  @Enum({ items: () => RegionLevel, nativeEnumName: undefined, columnType: 'text' })
  level!: RegionLevel;

  @Field(() => String, { nullable: true, description: 'Code of the enclosing division; null for provinces.' })
  @Index()
  @Property({ columnType: 'char(6)', nullable: true })
  parentCode?: string | null;

  /** Centre (seat of government) in WGS-84; null where the source has none. */
  @Property({ type: GeographyPointType, nullable: true })
  centre?: LngLat | null;
}
