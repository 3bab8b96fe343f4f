import { registerEnumType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '../common/orm';
import ical from 'ical-generator';
import { Shift } from '../shifts/shift.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Node } from '../node/node.interface';

/** Life of a sign-up: SIGNED_UP → CONFIRMED → CHECKED_IN → COMPLETED; or WAITLISTED, NO_SHOW, CANCELLED. */
export enum AssignmentStatus {
  SIGNED_UP = 'SIGNED_UP',
  WAITLISTED = 'WAITLISTED',
  CONFIRMED = 'CONFIRMED',
  CHECKED_IN = 'CHECKED_IN',
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
}

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'SIGNED_UP, CONFIRMED, CHECKED_IN and COMPLETED hold a place (and count against capacity and overlap); WAITLISTED waits in arrival order; NO_SHOW and CANCELLED do not.',
  valuesConfig: {
    SIGNED_UP: { description: '已报名: holds a place, not yet confirmed by a coordinator.' },
    WAITLISTED: { description: '候补: the shift was full; takes the first freed place, in arrival order (`seq`).' },
    CONFIRMED: { description: '已确认: a coordinator confirmed the sign-up (confirmShiftAssignment).' },
    CHECKED_IN: { description: '已签到: checked in (checkIn), not yet out.' },
    COMPLETED: { description: '已完成: checked out; hours are credited.' },
    NO_SHOW: { description: '缺席: marked absent by a coordinator (markNoShow); holds no place, credits no hours.' },
    CANCELLED: { description: '已取消: cancelled (cancelShiftAssignment); holds no place.' },
  },
});

/** Statuses that hold a place on the shift (the database's list, see the scheduling migration). */
export const ACTIVE_STATUSES: AssignmentStatus[] = [AssignmentStatus.SIGNED_UP, AssignmentStatus.CONFIRMED, AssignmentStatus.CHECKED_IN, AssignmentStatus.COMPLETED];

@ObjectType({ implements: Node, description: 'A volunteer on a shift (报名, 签到, 签退): status, check-in and check-out times, hours credited. Read by ADMIN and a COORDINATOR of the shift\'s campaign; also a Relay Node.' })
@Entity({ tableName: 'shift_assignment' })
export class ShiftAssignment {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'seq' | 'during';

  @Field(() => ID, { description: 'UUID of the assignment; also its Node id (`node(id:)`).' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Shift, { ref: true, deleteRule: 'restrict' }) shift!: Ref<Shift>;
  @ManyToOne(() => Volunteer, { ref: true, deleteRule: 'restrict' }) volunteer!: Ref<Volunteer>;
  @Field(() => AssignmentStatus, { description: 'Where the sign-up is in its life (see AssignmentStatus).' }) @Enum({ items: () => AssignmentStatus, columnType: 'text' }) status!: AssignmentStatus;
  /** tstzrange of the shift, copied for the no-overlap exclusion constraint. */
  @Property({ columnType: 'tstzrange' }) during!: string;
  @Field(() => String, { description: 'Arrival order (the waitlist is served in it); from a database sequence.' })
  @Property({ type: 'bigint', defaultRaw: `nextval('shift_assignment_seq_seq')` })
  seq!: string;
  @Field(() => Date, { nullable: true, description: 'When the volunteer checked in (an instant); null before check-in.' }) @Property({ columnType: 'timestamptz', nullable: true }) checkedInAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the volunteer checked out (an instant, after checkedInAt); null before check-out.' }) @Property({ columnType: 'timestamptz', nullable: true }) checkedOutAt?: Date | null;
  @Field(() => Float, { nullable: true, description: 'Hours credited: from the real check-in/out times, capped at the shift length unless a coordinator approved more.' })
  @Property({ type: 'double', columnType: 'numeric(6,2)', nullable: true }) hoursCredited?: number | null;
  @Property({ type: 'uuid', nullable: true }) hoursApprovedById?: string | null;
  @Field({ description: 'When the record was created (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Field({ description: 'When the record last changed (an instant, RFC 3339).' }) @Property({ columnType: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Field(() => Int, { description: 'Optimistic-lock version, 1 at creation and +1 on every change: pass it to the update mutation, which answers CONFLICT when the record has changed since (api/src/auth/load-for-update.ts).' }) @Property({ version: true }) version: number = 1;
}

@ObjectType({ description: 'A secret iCalendar feed URL (path relative to the server); anyone with it can read the shifts, so rotate it if it leaks.' })
export class CalendarFeed {
  @Field({ description: 'e.g. /ical/volunteer/<token>.ics' }) path!: string;
}
