import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { randomUUID } from 'node:crypto';
import { Node } from '../node/node.interface';

/** What an organization is in the union world (总工会, 基层工会, 工会联合会, 承建单位, …). */
export enum OrganizationKind {
  /** 总工会: a federation of trade unions (national, provincial, city, county). */
  FEDERATION = 'FEDERATION',
  /** 基层工会: a grassroots union. */
  UNION = 'UNION',
  /** 工会联合会: a union alliance (e.g. of an industry or a district). */
  UNION_ALLIANCE = 'UNION_ALLIANCE',
  /** 承建单位: the unit whose premises host a station (pharmacy, bank, shop, community centre). */
  HOST_UNIT = 'HOST_UNIT',
  GOVERNMENT_DEPARTMENT = 'GOVERNMENT_DEPARTMENT',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'Kind of organization: federation, union, union alliance, host unit, government department or enterprise.',
  valuesConfig: {
    FEDERATION: { description: '总工会: a federation of trade unions (national, provincial, city, county).' },
    UNION: { description: '基层工会: a grassroots union.' },
    UNION_ALLIANCE: { description: '工会联合会: a union alliance, e.g. of an industry or a district.' },
    HOST_UNIT: { description: '承建单位: the unit whose premises host a station (pharmacy, bank, shop, community centre).' },
    GOVERNMENT_DEPARTMENT: { description: 'A government department, e.g. a transport bureau running drivers\' homes.' },
    ENTERPRISE: { description: 'A company, e.g. a logistics or express firm hosting courier homes.' },
  },
});

@ObjectType({ implements: Node, description: 'A union, federation or host unit. Unions form a tree through `parent`.' })
@Entity({ tableName: 'organization' })
export class Organization {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';

  @Field(() => ID, { description: 'UUID of the organization; also its Node id.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => OrganizationKind, { description: 'What the organization is in the union world.' })
  @Enum({ items: () => OrganizationKind, columnType: 'text' })
  kind!: OrganizationKind;

  @Field({ description: 'Full name, e.g. 郑州市总工会.' })
  @Index({ name: 'organization_name_idx' })
  @Property({ columnType: 'text' })
  name!: string;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent?: Ref<Organization> | null;

  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code of the area it serves.' })
  @Property({ columnType: 'char(6)', nullable: true })
  regionCode?: string | null;

  @Field({ description: 'When the record was created.' })
  @Property({ columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'When the record last changed.' })
  @Property({ columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Optimistic-lock version; send it back with an update.' })
  @Property({ version: true })
  version: number = 1;
}
