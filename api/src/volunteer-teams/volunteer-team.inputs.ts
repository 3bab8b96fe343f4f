import { Field, ID, InputType } from 'type-graphql';
import { nameRule, TextRule } from '../common/text-input';
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { VolunteerTeamKind } from './volunteer-team.entity';

const REGION_CODE = { pattern: /^[0-9]{6}$/, patternMessage: 'must be six digits' };

@InputType({ description: 'A volunteer team. A COORDINATOR may only use one of their organizations (or one below them).' })
export class VolunteerTeamInput {
  @Field({ nullable: true, description: '1–100 characters (trimmed, at least one visible), e.g. 修武县劳模志愿服务队.' }) @TextRule(nameRule(100)) name?: string;
  @Field(() => VolunteerTeamKind, { nullable: true, description: 'Kind of team; required when creating.' }) kind?: VolunteerTeamKind;
  @Field(() => ID, { nullable: true, description: 'UUID of the organization the team belongs to; required when creating. NOT_FOUND on input.organizationId when it does not exist or, for a COORDINATOR, is outside their organizations.' }) organizationId?: string;
  @Field(() => ID, { nullable: true, description: 'A member who leads the team; null clears it.' }) leaderId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The full member list (replaces it).' }) @IsOptional() @ArrayMaxSize(500) memberIds?: string[];
  @Field(() => String, { nullable: true, description: 'At most 100 characters (trimmed; empty means none).' }) @TextRule({ max: 100, emptyToNull: true }) contact?: string | null;
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code.' }) @TextRule(REGION_CODE) regionCode?: string | null;
}
