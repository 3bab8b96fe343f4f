import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, Min } from 'class-validator';
import { LOCAL_DATE_RULE, nameRule, PHONE_RULE, TextRule } from '../common/text-input';
import { LngLatInput } from '../common/geo';
import { Amenity } from '../stations/station.enums';
import { CampaignKind, CampaignStatus, VolunteerSkill, VolunteerTeamKind } from './scheduling.enums';

const REGION_CODE = { pattern: /^[0-9]{6}$/, patternMessage: 'must be six digits' };

@InputType({ description: 'A volunteer team. A COORDINATOR may only use one of their organizations (or one below them).' })
export class VolunteerTeamInput {
  @Field({ nullable: true, description: '1–100 characters (trimmed, at least one visible), e.g. 修武县劳模志愿服务队.' }) @TextRule(nameRule(100)) name?: string;
  @Field(() => VolunteerTeamKind, { nullable: true }) kind?: VolunteerTeamKind;
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => ID, { nullable: true, description: 'A member who leads the team; null clears it.' }) leaderId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The full member list (replaces it).' }) @IsOptional() @ArrayMaxSize(500) memberIds?: string[];
  @Field(() => String, { nullable: true, description: 'At most 100 characters (trimmed; empty means none).' }) @TextRule({ max: 100, emptyToNull: true }) contact?: string | null;
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code.' }) @TextRule(REGION_CODE) regionCode?: string | null;
}

@InputType({ description: 'A volunteer. Phone: a mainland mobile (11 digits) or a landline; personal data.' })
export class VolunteerInput {
  @Field({ nullable: true, description: '1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) name?: string;
  @Field(() => String, { nullable: true, description: 'An optional +, then 5–20 digits, spaces or dashes (trimmed; empty means none).' }) @TextRule(PHONE_RULE) phone?: string | null;
  @Field(() => [VolunteerSkill], { nullable: true }) skills?: VolunteerSkill[];
  @Field(() => Boolean, { nullable: true }) isModelWorker?: boolean;
  @Field(() => [ID], { nullable: true, description: 'Teams to join (a COORDINATOR must name at least one of theirs when creating).' }) @IsOptional() @ArrayMaxSize(20) teamIds?: string[];
}

@InputType({ description: 'A campaign goal.' })
export class CampaignGoalInput {
  @Field({ description: '1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) name!: string;
  @Field({ description: '1–20 characters (trimmed, at least one visible).' }) @TextRule(nameRule(20)) unit!: string;
  @Field(() => Float) @Min(0) target!: number;
}

@InputType({ description: 'A campaign. The window is given as instants (ISO-8601 with offset); days and patterns are read in `timezone`.' })
export class CampaignInput {
  @Field({ nullable: true, description: '1–200 characters (trimmed, at least one visible).' }) @TextRule(nameRule(200)) name?: string;
  @Field(() => CampaignKind, { nullable: true }) kind?: CampaignKind;
  @Field(() => Date, { nullable: true }) startsAt?: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date;
  @Field(() => String, { nullable: true, description: 'IANA time zone (default Asia/Shanghai).' }) @TextRule({ max: 50, singleLine: true }) timezone?: string;
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code.' }) @TextRule(REGION_CODE) regionCode?: string | null;
  @Field(() => CampaignStatus, { nullable: true }) status?: CampaignStatus;
  @Field(() => [CampaignGoalInput], { nullable: true }) @IsOptional() @ArrayMaxSize(20) goals?: CampaignGoalInput[];
  @Field(() => String, { nullable: true, description: 'At most 2000 characters (trimmed; empty means none).' }) @TextRule({ max: 2000, emptyToNull: true }) description?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Organizing organizations (a COORDINATOR must include one of theirs).' }) @IsOptional() @ArrayMaxSize(20) organizationIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Participating volunteer teams.' }) @IsOptional() @ArrayMaxSize(100) teamIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Existing stations serving as its points (temporary ones: addServicePoint).' }) @IsOptional() @ArrayMaxSize(500) stationIds?: string[];
}

@InputType({ description: 'A temporary service point (临时服务点) created for a campaign: a SERVICE_POINT station valid during the campaign window unless given.' })
export class ServicePointInput {
  @Field(() => ID) campaignId!: string;
  @Field({ description: '1–200 characters (trimmed, at least one visible).' }) @TextRule(nameRule(200)) name!: string;
  @Field(() => String, { nullable: true, description: 'At most 500 characters (trimmed; empty means none).' }) @TextRule({ max: 500, emptyToNull: true }) address?: string | null;
  @Field(() => LngLatInput) location!: LngLatInput;
  @Field(() => [Amenity], { defaultValue: [] }) amenities!: Amenity[];
  @Field(() => String, { nullable: true, description: 'OSM opening_hours, at most 500 characters; default 24/7 (昼夜).' }) @TextRule({ max: 500, emptyToNull: true }) openingHours?: string | null;
  @Field(() => Date, { nullable: true }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validUntil?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the location is approximate, if it is (kept in provenance).' }) @TextRule({ max: 300, emptyToNull: true }) approximateNote?: string | null;
}

@InputType({ description: 'One shift.' })
export class ShiftInput {
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => ID, { nullable: true }) stationId?: string;
  @Field(() => Date, { nullable: true }) startsAt?: Date;
  @Field(() => Date, { nullable: true, description: 'After startsAt, at most 24 hours later.' }) endsAt?: Date;
  @Field(() => String, { nullable: true, description: '1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) role?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(500) minVolunteers?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(500) maxVolunteers?: number;
  @Field(() => [VolunteerSkill], { nullable: true }) requiredSkills?: VolunteerSkill[];
  @Field(() => String, { nullable: true, description: 'At most 1000 characters (trimmed; empty means none).' }) @TextRule({ max: 1000, emptyToNull: true }) notes?: string | null;
}

@InputType({ description: 'A daily slot of a shift pattern, in the campaign time zone: "20:00"–"08:00" crosses midnight.' })
export class ShiftSlotInput {
  @Field({ description: 'Local start, HH:mm.' }) @TextRule({ pattern: /^([01][0-9]|2[0-3]):[0-5][0-9]$/, patternMessage: 'must be HH:mm' }) start!: string;
  @Field({ description: 'Local end, HH:mm; at or before start means the next day.' }) @TextRule({ pattern: /^([01][0-9]|2[0-4]):[0-5][0-9]$/, patternMessage: 'must be HH:mm' }) end!: string;
  @Field(() => Int, { description: 'Most volunteers (capacity).' }) @Min(1) @Max(500) maxVolunteers!: number;
  @Field(() => Int, { nullable: true, description: 'Fewest volunteers (default: maxVolunteers).' }) @IsOptional() @Min(0) @Max(500) minVolunteers?: number;
  @Field(() => String, { nullable: true, description: '1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) role?: string;
  @Field(() => [VolunteerSkill], { nullable: true }) requiredSkills?: VolunteerSkill[];
}

@InputType({ description: 'Every day from `fromDate` to `toDate` (inclusive, local dates), at each station, each slot.' })
export class ShiftPatternInput {
  @Field(() => ID) campaignId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @TextRule(LOCAL_DATE_RULE) fromDate!: string;
  @Field({ description: 'YYYY-MM-DD' }) @TextRule(LOCAL_DATE_RULE) toDate!: string;
  @Field(() => [ID]) @ArrayMaxSize(50) stationIds!: string[];
  @Field(() => [ShiftSlotInput]) @ArrayMaxSize(12) slots!: ShiftSlotInput[];
}

@InputType({ description: 'Quantities of supplies handed out.' })
export class SupplyQuantityInput {
  @Field(() => ID) itemId!: string;
  @Field(() => Int) @Min(1) @Max(1000000) quantity!: number;
}
