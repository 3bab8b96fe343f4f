import { Field, ID, Int, InputType } from 'type-graphql';
import { ListRule, LOCAL_DATE_RULE, nameRule, NumberRule, TextRule } from '../common/input-rules';
import { FILTER_IDS_RULE, listOrder } from '../common/list-query';
import { SortDirection } from '../common/pagination';
import { VolunteerSkill } from '../volunteers/volunteer.entity';

@InputType({ description: 'One shift.' })
export class ShiftInput {
  @Field(() => ID, { nullable: true, description: 'UUID of a campaign the caller may plan; required when creating (NOT_FOUND on input.campaignId outside their scope, as for a missing one).' }) campaignId?: string;
  @Field(() => ID, { nullable: true, description: 'UUID of one of the campaign\'s stations (its service points); required when creating. BAD_USER_INPUT on input.stationId when the station does not serve the campaign.' }) stationId?: string;
  @Field(() => Date, { nullable: true, description: 'Start (RFC 3339 date-time with offset), inside the campaign\'s window; required when creating.' }) startsAt?: Date;
  @Field(() => Date, { nullable: true, description: 'After startsAt, at most 24 hours later.' }) endsAt?: Date;
  @Field(() => String, { nullable: true, description: '1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) role?: string;
  @Field(() => Int, { nullable: true, description: 'Fewest volunteers needed, 0–500 and at most maxVolunteers (default 1; BAD_USER_INPUT on input.minVolunteers above maxVolunteers).' }) @NumberRule({ min: 0, max: 500 }) minVolunteers?: number;
  @Field(() => Int, { nullable: true, description: 'Capacity, 1–500; required when creating. BAD_USER_INPUT on input.maxVolunteers below the places already taken.' }) @NumberRule({ min: 1, max: 500 }) maxVolunteers?: number;
  @Field(() => [VolunteerSkill], { nullable: true, description: 'Skills every volunteer must have (replaces the list); default none.' }) requiredSkills?: VolunteerSkill[];
  @Field(() => String, { nullable: true, description: 'At most 1000 characters (trimmed; empty means none).' }) @TextRule({ max: 1000, emptyToNull: true }) notes?: string | null;
}

@InputType({ description: 'A daily slot of a shift pattern, in the campaign time zone: "20:00"–"08:00" crosses midnight.' })
export class ShiftSlotInput {
  @Field({ description: 'Local start, HH:mm.' }) @TextRule({ pattern: /^([01][0-9]|2[0-3]):[0-5][0-9]$/, patternMessage: 'must be HH:mm', patternReason: 'TIME_OF_DAY_FORMAT', patternArgs: { max: '23:59' } }) start!: string;
  @Field({ description: 'Local end, HH:mm; at or before start means the next day.' }) @TextRule({ pattern: /^([01][0-9]|2[0-4]):[0-5][0-9]$/, patternMessage: 'must be HH:mm', patternReason: 'TIME_OF_DAY_FORMAT', patternArgs: { max: '24:00' } }) end!: string;
  @Field(() => Int, { description: 'Most volunteers (capacity), 1–500.' }) @NumberRule({ min: 1, max: 500 }) maxVolunteers!: number;
  @Field(() => Int, { nullable: true, description: 'Fewest volunteers, 0–500 (default: maxVolunteers; above it counts as maxVolunteers).' }) @NumberRule({ min: 0, max: 500 }) minVolunteers?: number;
  @Field(() => String, { nullable: true, description: '1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) role?: string;
  @Field(() => [VolunteerSkill], { nullable: true, description: 'Skills every volunteer on these shifts must have; default none.' }) requiredSkills?: VolunteerSkill[];
}

@InputType({ description: 'Every day from `fromDate` to `toDate` (inclusive, local dates), at each station, each slot.' })
export class ShiftPatternInput {
  @Field(() => ID, { description: 'UUID of a campaign the caller may plan; NOT_FOUND on input.campaignId otherwise.' }) campaignId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @TextRule(LOCAL_DATE_RULE) fromDate!: string;
  @Field({ description: 'YYYY-MM-DD' }) @TextRule(LOCAL_DATE_RULE) toDate!: string;
  @Field(() => [ID], { description: 'UUIDs of the campaign\'s stations to plan at, 1–50; each must serve the campaign (TOO_FEW / TOO_MANY on input.stationIds otherwise).' }) @ListRule({ min: 1, max: 50, noun: 'stations' }) stationIds!: string[];
  @Field(() => [ShiftSlotInput], { description: 'Daily slots, 1–12, repeated every day at every station (TOO_FEW / TOO_MANY on input.slots otherwise).' }) @ListRule({ min: 1, max: 12, noun: 'slots' }) slots!: ShiftSlotInput[];
}

@InputType({ description: 'Filters of the shift list; all given conditions must hold. Shifts of campaigns outside the caller\'s scope never come back.' })
export class ShiftFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller\'s scope are left out.' }) @ListRule(FILTER_IDS_RULE) ids?: string[];
  @Field(() => ID, { nullable: true, description: 'Only the shifts of this campaign (UUID).' }) campaignId?: string;
  @Field(() => ID, { nullable: true, description: 'Only the shifts at this station or service point (UUID).' }) stationId?: string;
  @Field(() => Date, { nullable: true, description: 'Only shifts that end after this instant (ISO-8601 with offset).' }) from?: Date;
  @Field(() => Date, { nullable: true, description: 'Only shifts that start before this instant (ISO-8601 with offset); after `from`.' }) to?: Date;
}

export enum ShiftOrderField {
  STARTS_AT = 'STARTS_AT',
  ENDS_AT = 'ENDS_AT',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

export const ShiftOrder = listOrder(
  'ShiftOrder',
  ShiftOrderField,
  'shift',
  {
    STARTS_AT: { description: 'Start instant.' },
    ENDS_AT: { description: 'End instant.' },
    CREATED_AT: { description: 'When the record was created.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
  { field: ShiftOrderField.STARTS_AT, direction: SortDirection.ASC },
);
export type ShiftOrder = InstanceType<typeof ShiftOrder>;
