import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { VolunteerSkill } from '../volunteers/volunteer.entity';
import { Shift } from './shift.entity';

// The GraphQL types the shift services return as they are (no twin interfaces): planning, fill rate and hours.

@ObjectType({ description: 'One shift a pattern makes (planShifts): where, when, capacity, and whether it already existed.' })
export class PlannedShift {
  @Field(() => ID, { description: 'UUID of the station (service point) it is at.' }) stationId!: string;
  @Field({ description: 'Start (an instant), the slot\'s local start on that day in the campaign\'s time zone.' }) startsAt!: Date;
  @Field({ description: 'End (an instant, exclusive); the next day when the slot\'s end is at or before its start.' }) endsAt!: Date;
  @Field({ description: 'What the volunteers do (the slot\'s role, default VOLUNTEER).' }) role!: string;
  @Field(() => Int, { description: 'Fewest volunteers needed (the slot\'s minVolunteers, default its maxVolunteers).' }) minVolunteers!: number;
  @Field(() => Int, { description: 'Capacity (the slot\'s maxVolunteers).' }) maxVolunteers!: number;
  @Field(() => [VolunteerSkill], { description: 'Skills every volunteer must have (the slot\'s requiredSkills).' }) requiredSkills!: VolunteerSkill[];
  @Field({ description: 'true: a shift with this station, start and role already exists and is left as it is.' }) existing!: boolean;
}

@ObjectType({ description: 'What planShifts made of a pattern: every shift of it (new and existing), and how many this call created.' })
export class ShiftPlan {
  @Field(() => [PlannedShift], { description: 'Every shift of the pattern, by day, station and slot (at most 5000).' }) shifts!: PlannedShift[];
  @Field(() => Int, { description: 'Shifts created by this call (0 for a preview or a repeat).' }) created!: number;
}

@ObjectType({ description: 'A shift with its fill state (campaignFillRate).' })
export class ShiftFill {
  @Field(() => Shift, { description: 'The shift.' }) shift!: Shift;
  @Field({ description: 'Name of the station the shift is at.' }) stationName!: string;
  @Field(() => Int, { description: 'Places taken (Shift.filledCount: signed up, confirmed, checked in, completed).' }) filled!: number;
  @Field(() => Int, { description: 'Places offered (Shift.maxVolunteers).' }) capacity!: number;
  @Field(() => Int, { description: 'Fewest volunteers needed (Shift.minVolunteers).' }) minimum!: number;
  @Field({ description: 'Crosses local midnight or starts 18:00–06:00 in the campaign zone.' }) isNight!: boolean;
  @Field({ description: 'Fewer volunteers than minVolunteers.' }) understaffed!: boolean;
}

@ObjectType({ description: 'Coverage of one service point on one local day (the day its shifts start, in the campaign zone).' })
export class PointCoverage {
  @Field(() => ID, { description: 'UUID of the station (service point).' }) stationId!: string;
  @Field({ description: 'Name of the station.' }) stationName!: string;
  @Field({ description: 'Local date, YYYY-MM-DD.' }) date!: string;
  @Field(() => Int, { description: 'Shifts starting there that day.' }) shifts!: number;
  @Field(() => Int, { description: 'Places taken over those shifts.' }) filled!: number;
  @Field(() => Int, { description: 'Places offered over those shifts.' }) capacity!: number;
  @Field(() => Int, { description: 'Sum of the shifts\' minimum volunteers.' }) minimum!: number;
  @Field(() => Int, { description: 'How many of those shifts are understaffed (filled < minimum).' }) understaffedShifts!: number;
}

@ObjectType({ description: 'Fill rate of a campaign: shifts understaffed first, and per-point coverage by day.' })
export class CampaignFillRate {
  @Field(() => [ShiftFill], { description: 'Every shift: understaffed first, then by fill ratio, then by start.' }) shifts!: ShiftFill[];
  @Field(() => [PointCoverage], { description: 'Per station and local day, by date then station name.' }) coverage!: PointCoverage[];
  @Field(() => Int, { description: 'Places taken over all shifts.' }) totalFilled!: number;
  @Field(() => Int, { description: 'Places offered over all shifts.' }) totalCapacity!: number;
}

@ObjectType({ description: 'Hours credited to a volunteer or a team (volunteerHours, teamHours), from COMPLETED assignments.' })
export class HoursTotal {
  @Field(() => ID, { description: 'UUID of the volunteer or the team.' }) id!: string;
  @Field({ description: 'Full name of the volunteer (these lists are for ADMIN and COORDINATOR only), or the team\'s name.' }) name!: string;
  @Field(() => Float, { description: 'Hours credited (ShiftAssignment.hoursCredited summed), two decimals.' }) hours!: number;
  @Field(() => Int, { description: 'COMPLETED assignments counted.' }) completedShifts!: number;
}
