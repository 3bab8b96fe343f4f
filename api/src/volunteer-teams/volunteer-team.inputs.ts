import { Field, ID, InputType } from 'type-graphql';
import { ListRule, nameRule, TextRule } from '../common/input-rules';
import { FILTER_IDS_RULE, listOrder } from '../common/list-query';
import { SortDirection } from '../common/pagination';
import { VolunteerTeamKind } from './volunteer-team.entity';

const REGION_CODE = { pattern: /^[0-9]{6}$/, patternMessage: 'must be six digits', patternReason: 'REGION_CODE_FORMAT' as const, patternArgs: { max: 6 } };

@InputType({ description: 'A volunteer team. A COORDINATOR may only use one of their organizations (or one below them).' })
export class VolunteerTeamInput {
  @Field({ nullable: true, description: '1–100 characters (trimmed, at least one visible), e.g. 修武县劳模志愿服务队.' }) @TextRule(nameRule(100)) name?: string;
  @Field(() => VolunteerTeamKind, { nullable: true, description: 'Kind of team; required when creating.' }) kind?: VolunteerTeamKind;
  @Field(() => ID, { nullable: true, description: 'UUID of the organization the team belongs to; required when creating. NOT_FOUND on input.organizationId when it does not exist or, for a COORDINATOR, is outside their organizations.' }) organizationId?: string;
  @Field(() => ID, { nullable: true, description: 'A member who leads the team; null clears it.' }) leaderId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'UUIDs of the full member list, at most 500 (replaces it; TOO_MANY on input.memberIds).' }) @ListRule({ max: 500, noun: 'members' }) memberIds?: string[];
  @Field(() => String, { nullable: true, description: 'At most 100 characters (trimmed; empty means none).' }) @TextRule({ max: 100, emptyToNull: true }) contact?: string | null;
  @Field(() => String, { nullable: true, description: 'Six-digit GB/T 2260 code.' }) @TextRule(REGION_CODE) regionCode?: string | null;
}

@InputType({ description: 'Filters of the volunteer team list; all given conditions must hold. Teams outside the caller\'s scope never come back.' })
export class VolunteerTeamFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller\'s scope are left out.' }) @ListRule(FILTER_IDS_RULE) ids?: string[];
  @Field(() => String, { nullable: true, description: 'Case-insensitive text contained in the name (at most 100 characters, trimmed).' })
  @TextRule({ max: 100 })
  search?: string;
  @Field(() => [VolunteerTeamKind], { nullable: true, description: 'Only teams of these kinds.' }) kinds?: VolunteerTeamKind[];
  @Field(() => ID, { nullable: true, description: 'Only the teams of this organization (UUID).' }) organizationId?: string;
}

export enum VolunteerTeamOrderField {
  NAME = 'NAME',
  KIND = 'KIND',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

export const VolunteerTeamOrder = listOrder(
  'VolunteerTeamOrder',
  VolunteerTeamOrderField,
  'volunteer team',
  {
    NAME: { description: 'Name, in the database collation.' },
    KIND: { description: 'Kind (enum name).' },
    CREATED_AT: { description: 'When the record was created.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
  { field: VolunteerTeamOrderField.NAME, direction: SortDirection.ASC },
);
export type VolunteerTeamOrder = InstanceType<typeof VolunteerTeamOrder>;
