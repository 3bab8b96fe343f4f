import { randomBytes, randomUUID } from 'node:crypto';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ArrayType, Collection, Entity, Enum, JsonType, ManyToMany, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { Organization } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import { AssignmentStatus, CampaignKind, CampaignStatus, VolunteerSkill, VolunteerTeamKind } from './scheduling.enums';

/** A secret for iCalendar feed URLs (192 bits, URL-safe). */
export function newCalendarToken(): string {
  return randomBytes(24).toString('base64url');
}

@ObjectType({ description: 'A volunteer (志愿者). The phone number is personal data: in full only to coordinators of a team the volunteer belongs to, masked (138****5596) to other staff, never public.' })
@Entity({ tableName: 'volunteer' })
export class Volunteer {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'isModelWorker' | 'skills' | 'calendarToken';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'Name, 1–50 characters.' }) @Property({ columnType: 'text' }) name!: string;
  /** Exposed through VolunteerResolver.phone with masking. */
  @Property({ columnType: 'text', nullable: true }) phone?: string | null;
  @Field(() => [VolunteerSkill]) @Property({ type: ArrayType, columnType: 'text[]' }) skills: VolunteerSkill[] = [];
  @Field({ description: '劳模: a model worker.' }) @Property({ default: false }) isModelWorker: boolean = false;
  /** Secret of the volunteer's iCalendar feed. */
  @Property({ columnType: 'text', lazy: true }) calendarToken: string = newCalendarToken();
  @ManyToMany(() => VolunteerTeam, (t) => t.members) teams = new Collection<VolunteerTeam>(this);
  @Field() @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int) @Property({ version: true }) version: number = 1;
}

@ObjectType({ description: 'A volunteer team (志愿服务队, 救援队, 劳模志愿服务队) belonging to an organization.' })
@Entity({ tableName: 'volunteer_team' })
export class VolunteerTeam {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'calendarToken';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field() @Property({ columnType: 'text' }) name!: string;
  @Field(() => VolunteerTeamKind) @Enum({ items: () => VolunteerTeamKind, columnType: 'text' }) kind!: VolunteerTeamKind;
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' }) organization!: Ref<Organization>;
  @ManyToOne(() => Volunteer, { ref: true, nullable: true, deleteRule: 'set null' }) leader?: Ref<Volunteer> | null;
  @ManyToMany(() => Volunteer, undefined, { pivotTable: 'volunteer_team_members', joinColumn: 'volunteer_team_id', inverseJoinColumn: 'volunteer_id', owner: true })
  members = new Collection<Volunteer>(this);
  @Field(() => String, { nullable: true, description: 'How to reach the team (a duty phone or office, not a person\'s mobile).' }) @Property({ columnType: 'text', nullable: true }) contact?: string | null;
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code of the area it serves.' }) @Property({ columnType: 'char(6)', nullable: true }) regionCode?: string | null;
  @Property({ columnType: 'text', lazy: true }) calendarToken: string = newCalendarToken();
  @Field() @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int) @Property({ version: true }) version: number = 1;
}

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

@ObjectType({ description: 'A shift (班次) at a service point: start and end instants (a night shift crosses midnight), role, capacity and required skills.' })
@Entity({ tableName: 'shift' })
export class Shift {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'filledCount' | 'waitlistCount' | 'role' | 'minVolunteers' | 'requiredSkills';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Campaign, { ref: true, deleteRule: 'restrict' }) campaign!: Ref<Campaign>;
  @ManyToOne(() => Station, { ref: true, deleteRule: 'restrict' }) station!: Ref<Station>;
  @Field() @Property({ columnType: 'timestamptz' }) startsAt!: Date;
  @Field() @Property({ columnType: 'timestamptz' }) endsAt!: Date;
  @Field({ description: 'What the volunteers do, e.g. VOLUNTEER, 医疗, 引导 (1–50 characters).' }) @Property({ columnType: 'text' }) role: string = 'VOLUNTEER';
  @Field(() => Int, { description: 'Fewest volunteers the shift needs; below it the shift is understaffed.' }) @Property({ type: 'integer' }) minVolunteers: number = 1;
  @Field(() => Int, { description: 'Most volunteers: sign-ups beyond it are waitlisted or refused (the database enforces it).' }) @Property({ type: 'integer' }) maxVolunteers!: number;
  @Field(() => [VolunteerSkill]) @Property({ type: ArrayType, columnType: 'text[]' }) requiredSkills: VolunteerSkill[] = [];
  @Field(() => String, { nullable: true }) @Property({ columnType: 'text', nullable: true }) notes?: string | null;
  @Field(() => Int, { description: 'Assignments holding a place (signed up, confirmed, checked in, completed); kept by a database trigger.' }) @Property({ type: 'integer' }) filledCount: number = 0;
  @Field(() => Int, { description: 'Waitlisted sign-ups.' }) @Property({ type: 'integer' }) waitlistCount: number = 0;
  @Field() @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int) @Property({ version: true }) version: number = 1;
}

@ObjectType({ description: 'A volunteer on a shift (报名, 签到, 签退): status, check-in and check-out times, hours credited.' })
@Entity({ tableName: 'shift_assignment' })
export class ShiftAssignment {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'seq' | 'during';

  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Shift, { ref: true, deleteRule: 'restrict' }) shift!: Ref<Shift>;
  @ManyToOne(() => Volunteer, { ref: true, deleteRule: 'restrict' }) volunteer!: Ref<Volunteer>;
  @Field(() => AssignmentStatus) @Enum({ items: () => AssignmentStatus, columnType: 'text' }) status!: AssignmentStatus;
  /** tstzrange of the shift, copied for the no-overlap exclusion constraint. */
  @Property({ columnType: 'tstzrange' }) during!: string;
  @Field(() => String, { description: 'Arrival order (the waitlist is served in it); from a database sequence.' })
  @Property({ type: 'bigint', defaultRaw: `nextval('shift_assignment_seq_seq')` })
  seq!: string;
  @Field(() => Date, { nullable: true }) @Property({ columnType: 'timestamptz', nullable: true }) checkedInAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ columnType: 'timestamptz', nullable: true }) checkedOutAt?: Date | null;
  @Field(() => Float, { nullable: true, description: 'Hours credited: from the real check-in/out times, capped at the shift length unless a coordinator approved more.' })
  @Property({ type: 'double', columnType: 'numeric(6,2)', nullable: true }) hoursCredited?: number | null;
  @Property({ type: 'uuid', nullable: true }) hoursApprovedById?: string | null;
  @Field() @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int) @Property({ version: true }) version: number = 1;
}

@ObjectType({ description: 'A supply handed out (慰问物资): 矿泉水 (瓶), 方便面 (箱), 防暑药品 (盒), 绿豆汤 (桶).' })
@Entity({ tableName: 'supply_item' })
export class SupplyItem {
  [OptionalProps]?: 'createdAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field() @Property({ columnType: 'text' }) name!: string;
  @Field() @Property({ columnType: 'text' }) unit!: string;
  @ManyToOne(() => Campaign, { ref: true, nullable: true, deleteRule: 'cascade' }) campaign?: Ref<Campaign> | null;
  @Field() @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
}

@ObjectType({ description: 'A quantity of one supply handed out at a station on a day (optionally during a shift).' })
@Entity({ tableName: 'supply_tally' })
export class SupplyTally {
  [OptionalProps]?: 'createdAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => SupplyItem, { ref: true, deleteRule: 'restrict' }) item!: Ref<SupplyItem>;
  @ManyToOne(() => Station, { ref: true, deleteRule: 'restrict' }) station!: Ref<Station>;
  @ManyToOne(() => Shift, { ref: true, nullable: true, deleteRule: 'restrict' }) shift?: Ref<Shift> | null;
  @Field({ description: 'Local date (YYYY-MM-DD).' }) @Property({ columnType: 'date', type: 'string' }) day!: string;
  @Field(() => Int) @Property({ type: 'integer' }) quantity!: number;
  @Property({ type: 'uuid', nullable: true }) recordedById?: string | null;
  @Field() @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
}

@ObjectType({ description: 'People served (服务人次) at a station on a day. No personal data about the workers served.' })
@Entity({ tableName: 'service_log' })
export class ServiceLog {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Station, { ref: true, deleteRule: 'restrict' }) station!: Ref<Station>;
  @Field({ description: 'Local date (YYYY-MM-DD).' }) @Property({ columnType: 'date', type: 'string' }) day!: string;
  @Field(() => Int) @Property({ type: 'integer' }) peopleServed!: number;
  @ManyToOne(() => Campaign, { ref: true, nullable: true, deleteRule: 'set null' }) campaign?: Ref<Campaign> | null;
  @Field() @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int) @Property({ version: true }) version: number = 1;
}
