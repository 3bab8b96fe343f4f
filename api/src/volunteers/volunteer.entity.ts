import { registerEnumType, Field, ID, Int, ObjectType } from 'type-graphql';
import { randomBytes, randomUUID } from 'node:crypto';
import { ArrayType, Collection, Entity, ManyToMany, OptionalProps, PrimaryKey, Property } from '../common/orm';
import { VolunteerTeam } from '../volunteer-teams/volunteer-team.entity';
import { Node } from '../node/node.interface';

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

registerEnumType(VolunteerSkill, {
  name: 'VolunteerSkill',
  description: 'Skills a volunteer has and a shift may require (`Shift.requiredSkills`: a volunteer lacking one is refused with BAD_USER_INPUT at sign-up).',
  valuesConfig: {
    FIRST_AID: { description: '急救: first aid (e.g. a Red Cross certificate).' },
    DRIVER: { description: '驾驶: may drive the team\'s vehicles.' },
    COOK: { description: '炊事: cooks or serves food and drink (绿豆汤, hot meals).' },
    MEDIC: { description: '医护: a doctor or nurse.' },
    LOGISTICS: { description: '后勤: stores, loading and handing out supplies.' },
    REPAIR: { description: '维修: repairs vehicles, harvesters or equipment.' },
    COUNSELLING: { description: '心理疏导/法律咨询: counselling or legal advice.' },
    PUBLICITY: { description: '宣传: publicity, photos and reports.' },
    ROUTE_GUIDE: { description: '道路指引: knows the local roads and guides crews.' },
  },
});

@ObjectType({ implements: Node, description: 'A volunteer (志愿者); a Relay Node read by ADMIN and by a COORDINATOR of one of their teams. The phone number is personal data: in full only to coordinators of a team the volunteer belongs to, masked (138****5596) to other staff, never public.' })
@Entity({ tableName: 'volunteer' })
export class Volunteer {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'isModelWorker' | 'skills' | 'calendarToken';

  @Field(() => ID, { description: 'UUID of the volunteer; also their Node id (`node(id:)`).' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field({ description: 'Name, 1–50 characters.' }) @Property({ columnType: 'text' }) name!: string;
  /** Exposed through VolunteerResolver.phone with masking. */
  @Property({ columnType: 'text', nullable: true }) phone?: string | null;
  @Field(() => [VolunteerSkill], { description: 'Skills, each at most once (a duplicate in the input is dropped).' }) @Property({ type: ArrayType, columnType: 'text[]' }) skills: VolunteerSkill[] = [];
  @Field({ description: '劳模: a model worker.' }) @Property({ default: false }) isModelWorker: boolean = false;
  /** Secret of the volunteer's iCalendar feed. */
  @Property({ columnType: 'text', lazy: true }) calendarToken: string = newCalendarToken();
  @ManyToMany(() => VolunteerTeam, (t) => t.members) teams = new Collection<VolunteerTeam>(this);
  @Field({ description: 'When the record was created (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field({ description: 'When the record last changed (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts).' }) @Property({ version: true }) version: number = 1;
}
