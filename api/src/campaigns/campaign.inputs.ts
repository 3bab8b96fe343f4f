import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength, Min } from 'class-validator';
import { LngLatInput } from '../common/geo';
import { Amenity } from '../stations/station.enums';
import { CampaignKind, CampaignStatus } from './campaign.entity';
import { addServicePoint } from './campaign.service';

@InputType({ description: 'A campaign goal.' })
export class CampaignGoalInput {
  @Field() @Length(1, 50) name!: string;
  @Field() @Length(1, 20) unit!: string;
  @Field(() => Float) @Min(0) target!: number;
}

@InputType({ description: 'A campaign. The window is given as instants (ISO-8601 with offset); days and patterns are read in `timezone`.' })
export class CampaignInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) name?: string;
  @Field(() => CampaignKind, { nullable: true }) kind?: CampaignKind;
  @Field(() => Date, { nullable: true }) startsAt?: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date;
  @Field(() => String, { nullable: true, description: 'IANA time zone (default Asia/Shanghai).' }) @IsOptional() @MaxLength(50) timezone?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9]{6}$/) regionCode?: string | null;
  @Field(() => CampaignStatus, { nullable: true }) status?: CampaignStatus;
  @Field(() => [CampaignGoalInput], { nullable: true }) @IsOptional() @ArrayMaxSize(20) goals?: CampaignGoalInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) description?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Organizing organizations (a COORDINATOR must include one of theirs).' }) @IsOptional() @ArrayMaxSize(20) organizationIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Participating volunteer teams.' }) @IsOptional() @ArrayMaxSize(100) teamIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Existing stations serving as its points (temporary ones: addServicePoint).' }) @IsOptional() @ArrayMaxSize(500) stationIds?: string[];
}

@InputType({ description: 'A temporary service point (临时服务点) created for a campaign: a SERVICE_POINT station valid during the campaign window unless given.' })
export class ServicePointInput {
  @Field(() => ID) campaignId!: string;
  @Field() @Length(1, 200) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) address?: string | null;
  @Field(() => LngLatInput) location!: LngLatInput;
  @Field(() => [Amenity], { defaultValue: [] }) amenities!: Amenity[];
  @Field(() => String, { nullable: true, description: 'OSM opening_hours; default 24/7 (昼夜).' }) openingHours?: string | null;
  @Field(() => Date, { nullable: true }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validUntil?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the location is approximate, if it is (kept in provenance).' }) @IsOptional() @MaxLength(300) approximateNote?: string | null;
}
