import { registerEnumType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, JsonType, ManyToMany, OptionalProps, PrimaryKey, Property } from '../common/orm';
import { Organization } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Node } from '../node/node.interface';

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

registerEnumType(CampaignKind, {
  name: 'CampaignKind',
  description: 'The union\'s seasonal campaigns (专项活动): HARVEST_SUPPORT (三夏护航), SUMMER_COOLING (夏送清凉), WINTER_WARMTH (冬送温暖), OTHER.',
  valuesConfig: {
    HARVEST_SUPPORT: { description: '三夏护航: support for harvester crews in the summer harvest (late May–June).' },
    SUMMER_COOLING: { description: '夏送清凉: drinks and heat-stroke medicine for outdoor workers in the hot months.' },
    WINTER_WARMTH: { description: '冬送温暖: warm meals and clothing in winter.' },
    OTHER: { description: 'Any other campaign.' },
  },
});

export enum CampaignStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  /** Closed campaigns take no sign-ups. */
  CLOSED = 'CLOSED',
}

registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Where a campaign is in its life: PLANNED, ACTIVE, CLOSED (no more sign-ups). Set by its organizers with updateCampaign; not derived from the dates.',
  valuesConfig: {
    PLANNED: { description: 'Being prepared; shifts may be planned and signed up for.' },
    ACTIVE: { description: 'Running; sign-ups, check-ins and tallies are recorded.' },
    CLOSED: { description: 'Over: sign-ups are refused (BAD_USER_INPUT on shiftId); the record stays for hours and totals.' },
  },
});

@ObjectType({ description: 'A campaign goal, e.g. 矿泉水 10000 瓶 or 服务人次 5000.' })
export class CampaignGoal {
  @Field({ description: 'What is counted, e.g. 矿泉水 or 服务人次.' }) name!: string;
  @Field({ description: 'Unit, e.g. 瓶, 箱, 人次.' }) unit!: string;
  @Field(() => Float, { description: 'Target amount in `unit`, 0 or more (e.g. 10000 for 10000 瓶).' }) target!: number;
}

@ObjectType({ implements: Node, description: 'A campaign (专项活动) such as 三夏护航: a date window in a time zone, a region, organizers, teams and service points. Read by ADMIN, any OPERATOR (read only), and a COORDINATOR of an organizing organization or an invited team; also a Relay Node.' })
@Entity({ tableName: 'campaign' })
export class Campaign {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'status' | 'goals' | 'timezone';

  @Field(() => ID, { description: 'UUID of the campaign; also its Node id (`node(id:)`).' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'Name, 1–200 characters, e.g. 2027 三夏护航.' }) @Property({ columnType: 'text' }) name!: string;
  @Field(() => CampaignKind, { description: 'Which kind of campaign.' }) @Enum({ items: () => CampaignKind, columnType: 'text' }) kind!: CampaignKind;
  @Field({ description: 'Start of the window (instant).' }) @Property({ columnType: 'timestamptz' }) startsAt!: Date;
  @Field({ description: 'End of the window (instant, exclusive).' }) @Property({ columnType: 'timestamptz' }) endsAt!: Date;
  @Field({ description: 'IANA time zone its days and shift patterns are read in (default Asia/Shanghai).' }) @Property({ columnType: 'text' }) timezone: string = 'Asia/Shanghai';
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code of the area it covers; null when not limited to one.' }) @Property({ columnType: 'char(6)', nullable: true }) regionCode?: string | null;
  @Field(() => CampaignStatus, { description: 'PLANNED, ACTIVE or CLOSED; CLOSED stops sign-ups.' }) @Enum({ items: () => CampaignStatus, columnType: 'text' }) status: CampaignStatus = CampaignStatus.PLANNED;
  @Field(() => [CampaignGoal], { description: 'Targets (at most 20), in the order entered; empty when none.' }) @Property({ type: JsonType, columnType: 'jsonb' }) goals: CampaignGoal[] = [];
  @Field(() => String, { nullable: true, description: 'Free text for volunteers and staff, up to 2000 characters; null when none.' }) @Property({ columnType: 'text', nullable: true }) description?: string | null;
  @ManyToMany(() => Organization, undefined, { pivotTable: 'campaign_organizations', joinColumn: 'campaign_id', inverseJoinColumn: 'organization_id' })
  organizations = new Collection<Organization>(this);
  @ManyToMany(() => VolunteerTeam, undefined, { pivotTable: 'campaign_teams', joinColumn: 'campaign_id', inverseJoinColumn: 'volunteer_team_id' })
  teams = new Collection<VolunteerTeam>(this);
  @ManyToMany(() => Station, undefined, { pivotTable: 'campaign_stations', joinColumn: 'campaign_id', inverseJoinColumn: 'station_id' })
  stations = new Collection<Station>(this);
  @Field({ description: 'When the record was created (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field({ description: 'When the record last changed (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts).' }) @Property({ version: true }) version: number = 1;
}
