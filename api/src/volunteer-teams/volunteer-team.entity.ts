import { registerEnumType, Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, ManyToMany, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { Organization } from '../organizations/organization.entity';
import { Volunteer, newCalendarToken } from '../volunteers/volunteer.entity';

/** Kinds of volunteer team (志愿服务队). */
export enum VolunteerTeamKind {
  /** 救援队: 斑马, 蓝天, 雷锋 rescue teams. */
  RESCUE = 'RESCUE',
  /** 劳模志愿服务队: model-worker teams. */
  MODEL_WORKER = 'MODEL_WORKER',
  UNION = 'UNION',
  COMMUNITY = 'COMMUNITY',
  OTHER = 'OTHER',
}

registerEnumType(VolunteerTeamKind, { name: 'VolunteerTeamKind', description: 'RESCUE (斑马/蓝天/雷锋 救援队), MODEL_WORKER (劳模志愿服务队), UNION, COMMUNITY, OTHER.' });

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
