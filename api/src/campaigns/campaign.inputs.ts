import { Field, Float, ID, InputType } from 'type-graphql';
import { ListRule, nameRule, NumberRule, TextRule } from '../common/input-rules';
import { LngLatInput } from '../common/geo';
import { Amenity } from '../stations/station.enums';
import { FILTER_IDS_RULE, listOrder } from '../common/list-query';
import { SortDirection } from '../common/pagination';
import { CampaignKind, CampaignStatus } from './campaign.entity';

const REGION_CODE = { pattern: /^[0-9]{6}$/, patternMessage: 'must be six digits', patternReason: 'REGION_CODE_FORMAT' as const, patternArgs: { max: 6 } };

@InputType({ description: 'A campaign goal.' })
export class CampaignGoalInput {
  @Field({ description: '1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) name!: string;
  @Field({ description: '1–20 characters (trimmed, at least one visible).' }) @TextRule(nameRule(20)) unit!: string;
  @Field(() => Float, { description: 'Target amount in `unit`, 0–1000000000000 (NUMBER_RANGE on input.goals[i].target otherwise).' }) @NumberRule({ min: 0, max: 1e12 }) target!: number;
}

@InputType({ description: 'A campaign. The window is given as instants (ISO-8601 with offset); days and patterns are read in `timezone`.' })
export class CampaignInput {
  @Field({ nullable: true, description: '1–200 characters (trimmed, at least one visible).' }) @TextRule(nameRule(200)) name?: string;
  @Field(() => CampaignKind, { nullable: true, description: 'Kind of campaign; required when creating.' }) kind?: CampaignKind;
  @Field(() => Date, { nullable: true, description: 'Start of the window (RFC 3339 date-time with offset); required when creating.' }) startsAt?: Date;
  @Field(() => Date, { nullable: true, description: 'End of the window (exclusive), after startsAt; required when creating. BAD_USER_INPUT on input.endsAt otherwise.' }) endsAt?: Date;
  @Field(() => String, { nullable: true, description: 'IANA time zone (default Asia/Shanghai).' }) @TextRule({ max: 50, singleLine: true }) timezone?: string;
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code.' }) @TextRule(REGION_CODE) regionCode?: string | null;
  @Field(() => CampaignStatus, { nullable: true, description: 'PLANNED (default), ACTIVE or CLOSED; CLOSED stops sign-ups.' }) status?: CampaignStatus;
  @Field(() => [CampaignGoalInput], { nullable: true, description: 'Targets, at most 20 (replaces the list; TOO_MANY on input.goals); omitted keeps it.' }) @ListRule({ max: 20, noun: 'goals' }) goals?: CampaignGoalInput[];
  @Field(() => String, { nullable: true, description: 'At most 2000 characters (trimmed; empty means none).' }) @TextRule({ max: 2000, emptyToNull: true }) description?: string | null;
  @Field(() => [ID], { nullable: true, description: 'UUIDs of the organizing organizations, at most 20 (TOO_MANY on input.organizationIds; a COORDINATOR must include one of theirs).' }) @ListRule({ max: 20, noun: 'organizations' }) organizationIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'UUIDs of the participating volunteer teams, at most 100 (TOO_MANY on input.teamIds).' }) @ListRule({ max: 100, noun: 'teams' }) teamIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'UUIDs of existing stations serving as its points, at most 500 (TOO_MANY on input.stationIds; temporary ones: addServicePoint).' }) @ListRule({ max: 500, noun: 'stations' }) stationIds?: string[];
}

@InputType({ description: 'A temporary service point (临时服务点) created for a campaign: a SERVICE_POINT station valid during the campaign window unless given.' })
export class ServicePointInput {
  @Field(() => ID, { description: 'UUID of a campaign the caller organizes; NOT_FOUND on input.campaignId otherwise.' }) campaignId!: string;
  @Field({ description: '1–200 characters (trimmed, at least one visible).' }) @TextRule(nameRule(200)) name!: string;
  @Field(() => String, { nullable: true, description: 'At most 500 characters (trimmed; empty means none).' }) @TextRule({ max: 500, emptyToNull: true }) address?: string | null;
  @Field(() => LngLatInput, { description: 'Where the point is, in the datum named by its `crs` (default WGS-84; GCJ-02 for AMap/Tencent coordinates); stored as WGS-84.' }) location!: LngLatInput;
  @Field(() => [Amenity], { defaultValue: [], description: 'What the point offers (water, toilet, …); default none.' }) amenities!: Amenity[];
  @Field(() => String, { nullable: true, description: 'OSM opening_hours, at most 500 characters; default 24/7 (昼夜).' }) @TextRule({ max: 500, emptyToNull: true }) openingHours?: string | null;
  @Field(() => Date, { nullable: true, description: 'From when the point exists (RFC 3339); default the campaign\'s start.' }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Until when the point exists (exclusive, after validFrom); default the campaign\'s end.' }) validUntil?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the location is approximate, if it is (kept in provenance).' }) @TextRule({ max: 300, emptyToNull: true }) approximateNote?: string | null;
}

@InputType({ description: 'Filters of the campaign list; all given conditions must hold. Campaigns outside the caller\'s scope never come back.' })
export class CampaignFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller\'s scope are left out.' }) @ListRule(FILTER_IDS_RULE) ids?: string[];
  @Field(() => String, { nullable: true, description: 'Case-insensitive text contained in the name (at most 100 characters, trimmed).' })
  @TextRule({ max: 100 })
  search?: string;
  @Field(() => [CampaignStatus], { nullable: true, description: 'Only campaigns in these statuses.' }) statuses?: CampaignStatus[];
  @Field(() => [CampaignKind], { nullable: true, description: 'Only campaigns of these kinds.' }) kinds?: CampaignKind[];
  @Field(() => String, { nullable: true, description: 'Leading digits (1–6) of the GB/T 2260 code of the campaign\'s region: `4108` 焦作, `410821` 修武县.' })
  regionCodePrefix?: string;
  @Field(() => Date, { nullable: true, description: 'Only campaigns whose window [startsAt, endsAt) contains this instant (ISO-8601 with offset).' }) activeAt?: Date;
  @Field(() => ID, { nullable: true, description: 'Only campaigns this volunteer team takes part in (UUID).' }) teamId?: string;
  @Field(() => ID, { nullable: true, description: 'Only campaigns this station serves (UUID).' }) stationId?: string;
}

export enum CampaignOrderField {
  STARTS_AT = 'STARTS_AT',
  ENDS_AT = 'ENDS_AT',
  NAME = 'NAME',
  STATUS = 'STATUS',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

export const CampaignOrder = listOrder(
  'CampaignOrder',
  CampaignOrderField,
  'campaign',
  {
    STARTS_AT: { description: 'Start of the window.' },
    ENDS_AT: { description: 'End of the window.' },
    NAME: { description: 'Name, in the database collation.' },
    STATUS: { description: 'Status (enum name).' },
    CREATED_AT: { description: 'When the record was created.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
  { field: CampaignOrderField.STARTS_AT, direction: SortDirection.DESC },
);
export type CampaignOrder = InstanceType<typeof CampaignOrder>;
