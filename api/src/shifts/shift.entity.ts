import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ArrayType, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import { Station } from '../stations/station.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { VolunteerSkill } from '../volunteers/volunteer.entity';
import { Node } from '../node/node.interface';

@ObjectType({ implements: Node, description: 'A shift (班次) at a service point: start and end instants (a night shift crosses midnight), role, capacity and required skills. Read by ADMIN and a COORDINATOR of its campaign; also a Relay Node.' })
@Entity({ tableName: 'shift' })
export class Shift {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'filledCount' | 'waitlistCount' | 'role' | 'minVolunteers' | 'requiredSkills';

  @Field(() => ID, { description: 'UUID of the shift; also its Node id (`node(id:)`).' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Campaign, { ref: true, deleteRule: 'restrict' }) campaign!: Ref<Campaign>;
  @ManyToOne(() => Station, { ref: true, deleteRule: 'restrict' }) station!: Ref<Station>;
  @Field({ description: 'Start (an instant, RFC 3339), inside the campaign\'s window.' }) @Property({ columnType: 'timestamptz' }) startsAt!: Date;
  @Field({ description: 'End (an instant, exclusive): after startsAt and at most 24 hours later.' }) @Property({ columnType: 'timestamptz' }) endsAt!: Date;
  @Field({ description: 'What the volunteers do, e.g. VOLUNTEER, 医疗, 引导 (1–50 characters).' }) @Property({ columnType: 'text' }) role: string = 'VOLUNTEER';
  @Field(() => Int, { description: 'Fewest volunteers the shift needs; below it the shift is understaffed.' }) @Property({ type: 'integer' }) minVolunteers: number = 1;
  @Field(() => Int, { description: 'Most volunteers: sign-ups beyond it are waitlisted or refused (the database enforces it).' }) @Property({ type: 'integer' }) maxVolunteers!: number;
  @Field(() => [VolunteerSkill], { description: 'Skills every volunteer on the shift must have; empty when none.' }) @Property({ type: ArrayType, columnType: 'text[]' }) requiredSkills: VolunteerSkill[] = [];
  @Field(() => String, { nullable: true, description: 'Notes for the volunteers, up to 1000 characters; null when none.' }) @Property({ columnType: 'text', nullable: true }) notes?: string | null;
  @Field(() => Int, { description: 'Assignments holding a place (signed up, confirmed, checked in, completed); kept by a database trigger.' }) @Property({ type: 'integer' }) filledCount: number = 0;
  @Field(() => Int, { description: 'Waitlisted sign-ups.' }) @Property({ type: 'integer' }) waitlistCount: number = 0;
  @Field({ description: 'When the record was created (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field({ description: 'When the record last changed (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts).' }) @Property({ version: true }) version: number = 1;
}
