import { registerEnumType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, JsonType, ManyToMany, OptionalProps, PrimaryKey, Property } from '../common/orm';
import { Organization } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';

/** 专项活动 kinds. */
export enum CampaignKind {
  /** 三夏护航: summer-harvest support for harvester crews. */
  HARVEST_SUPPORT = 'HARVEST_SUPPORT',
  /** 夏送清凉. */
  SUMMER_COOLING = 'SUMMER_COOLING',
  /** 冬送温暖. */
  WINTER_WARMTH = 'WINTER_WARMTH',
  OTHER = 'OTHER',
}

registerEnumType(CampaignKind, { name: 'CampaignKind', description: 'HARVEST_SUPPORT (三夏护航), SUMMER_COOLING (夏送清凉), WINTER_WARMTH (冬送温暖), OTHER.' });

export enum CampaignStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  /** Closed campaigns take no sign-ups. */
  CLOSED = 'CLOSED',
}

registerEnumType(CampaignStatus, { name: 'CampaignStatus', description: 'PLANNED, ACTIVE, CLOSED (no more sign-ups).' });

@ObjectType({ description: 'A campaign goal, e.g. 矿泉水 10000 瓶 or 服务人次 5000.' })
export class CampaignGoal {
  @Field({ description: 'What is counted, e.g. 矿泉水 or 服务人次.' }) name!: string;
  @Field({ description: 'Unit, e.g. 瓶, 箱, 人次.' }) unit!: string;
  @Field(() => Float) target!: number;
}

@ObjectType({ description: 'A campaign (专项活动) such as 三夏护航: a date window in a time zone, a region, organizers, teams and service points.' })
@Entity({ tableName: 'campaign' })
export class Campaign {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'status' | 'goals' | 'timezone';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field() @Property({ columnType: 'text' }) name!: string;
  @Field(() => CampaignKind) @Enum({ items: () => CampaignKind, columnType: 'text' }) kind!: CampaignKind;
  @Field({ description: 'Start of the window (instant).' }) @Property({ columnType: 'timestamptz' }) startsAt!: Date;
  @Field({ description: 'End of the window (instant, exclusive).' }) @Property({ columnType: 'timestamptz' }) endsAt!: Date;
  @Field({ description: 'IANA time zone its days and shift patterns are read in (default Asia/Shanghai).' }) @Property({ columnType: 'text' }) timezone: string = 'Asia/Shanghai';
  @Field(() => String, { nullable: true }) @Property({ columnType: 'char(6)', nullable: true }) regionCode?: string | null;
  @Field(() => CampaignStatus) @Enum({ items: () => CampaignStatus, columnType: 'text' }) status: CampaignStatus = CampaignStatus.PLANNED;
  @Field(() => [CampaignGoal]) @Property({ type: JsonType, columnType: 'jsonb' }) goals: CampaignGoal[] = [];
  @Field(() => String, { nullable: true }) @Property({ columnType: 'text', nullable: true }) description?: string | null;
  @ManyToMany(() => Organization, undefined, { pivotTable: 'campaign_organizations', joinColumn: 'campaign_id', inverseJoinColumn: 'organization_id' })
  organizations = new Collection<Organization>(this);
  @ManyToMany(() => VolunteerTeam, undefined, { pivotTable: 'campaign_teams', joinColumn: 'campaign_id', inverseJoinColumn: 'volunteer_team_id' })
  teams = new Collection<VolunteerTeam>(this);
  @ManyToMany(() => Station, undefined, { pivotTable: 'campaign_stations', joinColumn: 'campaign_id', inverseJoinColumn: 'station_id' })
  stations = new Collection<Station>(this);
  @Field() @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int) @Property({ version: true }) version: number = 1;
}
