import { Field, ID, Int, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { VolunteerSkill } from '../volunteers/volunteer.entity';

@InputType({ description: 'One shift.' })
export class ShiftInput {
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => ID, { nullable: true }) stationId?: string;
  @Field(() => Date, { nullable: true }) startsAt?: Date;
  @Field(() => Date, { nullable: true, description: 'After startsAt, at most 24 hours later.' }) endsAt?: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 50) role?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(500) minVolunteers?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(500) maxVolunteers?: number;
  @Field(() => [VolunteerSkill], { nullable: true }) requiredSkills?: VolunteerSkill[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) notes?: string | null;
}

@InputType({ description: 'A daily slot of a shift pattern, in the campaign time zone: "20:00"–"08:00" crosses midnight.' })
export class ShiftSlotInput {
  @Field({ description: 'Local start, HH:mm.' }) @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'start must be HH:mm' }) start!: string;
  @Field({ description: 'Local end, HH:mm; at or before start means the next day.' }) @Matches(/^([01][0-9]|2[0-4]):[0-5][0-9]$/, { message: 'end must be HH:mm' }) end!: string;
  @Field(() => Int, { description: 'Most volunteers (capacity).' }) @Min(1) @Max(500) maxVolunteers!: number;
  @Field(() => Int, { nullable: true, description: 'Fewest volunteers (default: maxVolunteers).' }) @IsOptional() @Min(0) @Max(500) minVolunteers?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 50) role?: string;
  @Field(() => [VolunteerSkill], { nullable: true }) requiredSkills?: VolunteerSkill[];
}

@InputType({ description: 'Every day from `fromDate` to `toDate` (inclusive, local dates), at each station, each slot.' })
export class ShiftPatternInput {
  @Field(() => ID) campaignId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'fromDate must be YYYY-MM-DD' }) fromDate!: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'toDate must be YYYY-MM-DD' }) toDate!: string;
  @Field(() => [ID]) @ArrayMaxSize(50) stationIds!: string[];
  @Field(() => [ShiftSlotInput]) @ArrayMaxSize(12) slots!: ShiftSlotInput[];
}
