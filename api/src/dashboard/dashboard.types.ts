import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Campaign } from '../campaigns/campaign.entity';
import { Station } from '../stations/station.entity';
import { StationKind, StationStatus } from '../stations/station.enums';
import { TitleLevel } from '../station-grading/grading.entity';

@ObjectType({ description: 'Number of stations of one kind in one status.' })
export class KindStatusCount {
  @Field(() => StationKind, { description: 'The station kind (the one public kind).' }) kind!: StationKind;
  @Field(() => StationStatus, { description: 'The status.' }) status!: StationStatus;
  @Field(() => Int, { description: 'Stations of that kind and status.' }) count!: number;
}

@ObjectType({ description: 'Stations in one county-level division, with its centre for a map.' })
export class CountyCount {
  @Field(() => ID, { nullable: true, description: 'Six-digit GB/T 2260 code; null for stations without a region.' }) regionCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the division.' }) name!: string | null;
  @Field(() => Float, { nullable: true, description: 'Longitude of its centre, WGS-84 degrees.' }) lng!: number | null;
  @Field(() => Float, { nullable: true, description: 'Latitude of its centre, WGS-84 degrees.' }) lat!: number | null;
  @Field(() => Int, { description: 'Stations there (every status).' }) count!: number;
}

@ObjectType({ description: 'People served (服务人次) in one county-level division.' })
export class RegionPeopleServed {
  @Field(() => ID, { nullable: true, description: 'Six-digit GB/T 2260 code; null for stations without a region.' }) regionCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the division.' }) name!: string | null;
  @Field(() => Int, { description: 'People served in the dashboard\'s month.' }) month!: number;
  @Field(() => Int, { description: 'People served in the dashboard\'s year up to the end of its month.' }) year!: number;
}

@ObjectType({ description: 'How well a current campaign\'s shifts are filled.' })
export class CampaignProgress {
  @Field(() => Campaign, { description: 'The campaign.' }) campaign!: Campaign;
  @Field(() => Int, { description: 'Its shifts (an OPERATOR: those at their stations).' }) shifts!: number;
  @Field(() => Int, { description: 'Places taken on those shifts.' }) filled!: number;
  @Field(() => Int, { description: 'Places offered on those shifts (sum of maxVolunteers).' }) capacity!: number;
  @Field(() => Float, { description: 'filled / capacity, 0–1 (0 without shifts).' }) fillRate!: number;
  @Field(() => Int, { description: 'Shifts not yet over with fewer volunteers than their minimum.' }) understaffedShifts!: number;
  @Field(() => Int, { description: 'Of those, night shifts (starting 18:00–06:00 or crossing midnight in the campaign\'s zone, as campaignFillRate flags them).' }) understaffedNightShifts!: number;
}

@ObjectType({ description: 'Number of 优秀站点 titles of one level.' })
export class TitleCount {
  @Field(() => TitleLevel, { description: 'The level.' }) level!: TitleLevel;
  @Field(() => Int, { description: 'Titles of that level held by stations in scope.' }) count!: number;
}

@ObjectType({
  description:
    'The landing page of the admin, for one month, scoped by the access policy: stations as the caller lists them (an OPERATOR: their organizations\' stations; ADMIN and COORDINATOR: all), people served where the caller may record them, campaigns and shifts in the caller\'s scope. Aggregated in SQL.',
})
export class Dashboard {
  @Field({ description: 'The month shown, YYYY-MM (Asia/Shanghai).' }) month!: string;
  @Field(() => Int, { description: 'Its year.' }) year!: number;
  @Field(() => Int, { description: 'Stations in scope (every kind and status); the same number the `stations` list totals for the caller.' }) stationCount!: number;
  @Field(() => [KindStatusCount], { description: 'Stations in scope by kind and status (only non-zero pairs).' }) stationsByKindStatus!: KindStatusCount[];
  @Field(() => Int, { description: 'Stations in scope whose provenance says they need a check on site (the list filter needsReview: true).' }) stationsNeedingReview!: number;
  @Field(() => [Station], { description: 'The first 5 of them by name, for links.' }) reviewSample!: Station[];
  @Field(() => Int, { description: 'PLANNED stations in scope awaiting their acceptance inspection.' }) plannedStations!: number;
  @Field(() => [CountyCount], { description: 'Stations in scope per county-level division, most first, for a map.' }) countyCounts!: CountyCount[];
  @Field(() => [TitleCount], { description: '优秀站点 titles held by stations in scope, by level.' }) titlesByLevel!: TitleCount[];
  @Field(() => Int, { description: 'People served (服务人次) in the month at stations where the caller may record them.' }) peopleServedMonth!: number;
  @Field(() => Int, { description: 'People served in the year up to the end of the month, same stations.' }) peopleServedYear!: number;
  @Field(() => [RegionPeopleServed], { description: 'Those people served by county-level division, most in the year first (at most 100 divisions; the totals count all).' }) peopleServedByRegion!: RegionPeopleServed[];
  @Field(() => [CampaignProgress], { description: 'Campaigns in scope that are not CLOSED and not over, by start (at most 20).' }) campaigns!: CampaignProgress[];
  @Field(() => Float, { description: 'Hours credited to volunteers (completed assignments) on shifts in scope starting in the month.' }) volunteerHoursMonth!: number;
  @Field(() => Float, { description: 'The same for the year up to the end of the month.' }) volunteerHoursYear!: number;
}
