import { registerEnumType, Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, ManyToMany, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { Organization } from '../organizations/organization.entity';
import { Volunteer, newCalendarToken } from '../volunteers/volunteer.entity';
import { Node } from '../node/node.interface';

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

registerEnumType(VolunteerTeamKind, {
  name: 'VolunteerTeamKind',
  description: 'What kind of volunteer team (志愿服务队) it is: RESCUE (斑马/蓝天/雷锋 救援队), MODEL_WORKER (劳模志愿服务队), UNION, COMMUNITY, OTHER.',
  valuesConfig: {
    RESCUE: { description: '救援队: a civic rescue team such as 斑马, 蓝天 or 雷锋.' },
    MODEL_WORKER: { description: '劳模志愿服务队: a team of model workers (劳模).' },
    UNION: { description: 'A trade union\'s own volunteer team (工会志愿服务队).' },
    COMMUNITY: { description: 'A neighbourhood or community team (社区志愿服务队).' },
    OTHER: { description: 'Any other kind.' },
  },
});

@ObjectType({ implements: Node, description: 'A volunteer team (志愿服务队, 救援队, 劳模志愿服务队) belonging to an organization. Read by ADMIN and by a COORDINATOR of that organization (or one above it in the union tree); also a Relay Node.' })
@Entity({ tableName: 'volunteer_team' })
export class VolunteerTeam {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'calendarToken';

  @Field(() => ID, { description: 'UUID of the team; also its Node id (`node(id:)`).' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'Name, 1–100 characters, e.g. 郑州市斑马救援队.' }) @Property({ columnType: 'text' }) name!: string;
  @Field(() => VolunteerTeamKind, { description: 'What kind of team it is.' }) @Enum({ items: () => VolunteerTeamKind, columnType: 'text' }) kind!: VolunteerTeamKind;
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict' }) organization!: Ref<Organization>;
  @ManyToOne(() => Volunteer, { ref: true, nullable: true, deleteRule: 'set null' }) leader?: Ref<Volunteer> | null;
  @ManyToMany(() => Volunteer, undefined, { pivotTable: 'volunteer_team_members', joinColumn: 'volunteer_team_id', inverseJoinColumn: 'volunteer_id', owner: true })
  members = new Collection<Volunteer>(this);
  @Field(() => String, { nullable: true, description: 'How to reach the team (a duty phone or office, not a person\'s mobile).' }) @Property({ columnType: 'text', nullable: true }) contact?: string | null;
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code of the area it serves.' }) @Property({ columnType: 'char(6)', nullable: true }) regionCode?: string | null;
  @Property({ columnType: 'text', lazy: true }) calendarToken: string = newCalendarToken();
  @Field({ description: 'When the record was created (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field({ description: 'When the record last changed (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts).' }) @Property({ version: true }) version: number = 1;
}
