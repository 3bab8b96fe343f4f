import { registerEnumType, Field, ID, Int, ObjectType } from 'type-graphql';
import { randomBytes, randomUUID } from 'node:crypto';
import { ArrayType, Collection, Entity, ManyToMany, OptionalProps, PrimaryKey, Property } from '../common/orm';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';

/** A secret for iCalendar feed URLs (192 bits, URL-safe). */
export function newCalendarToken(): string {
  return randomBytes(24).toString('base64url');
}

/** What a volunteer can do; shifts may require some. */
export enum VolunteerSkill {
  FIRST_AID = 'FIRST_AID',
  DRIVER = 'DRIVER',
  COOK = 'COOK',
  MEDIC = 'MEDIC',
  LOGISTICS = 'LOGISTICS',
  REPAIR = 'REPAIR',
  COUNSELLING = 'COUNSELLING',
  PUBLICITY = 'PUBLICITY',
  /** 道路指引: knows the local roads. */
  ROUTE_GUIDE = 'ROUTE_GUIDE',
}

registerEnumType(VolunteerSkill, { name: 'VolunteerSkill', description: 'Skills a shift may require: first aid, driving, cooking, medical, logistics, repair, counselling, publicity, route guidance.' });

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
