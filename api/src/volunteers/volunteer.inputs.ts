import { Field, ID, InputType } from 'type-graphql';
import { ListRule, nameRule, PHONE_RULE, TextRule } from '../common/input-rules';
import { FILTER_IDS_RULE, listOrder } from '../common/list-query';
import { SortDirection } from '../common/pagination';
import { VolunteerSkill } from './volunteer.entity';

@InputType({ description: 'A volunteer. Phone: a mainland mobile (11 digits) or a landline; personal data.' })
export class VolunteerInput {
  @Field({ nullable: true, description: '1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) name?: string;
  @Field(() => String, { nullable: true, description: 'An optional +, then 5–20 digits, spaces or dashes (trimmed; empty means none).' }) @TextRule(PHONE_RULE) phone?: string | null;
  @Field(() => [VolunteerSkill], { nullable: true, description: 'The full skill list (replaces it; duplicates dropped); omitted keeps it.' }) skills?: VolunteerSkill[];
  @Field(() => Boolean, { nullable: true, description: '劳模: whether the volunteer is a model worker; omitted keeps it (false when creating).' }) isModelWorker?: boolean;
  @Field(() => [ID], { nullable: true, description: 'UUIDs of the teams to join, at most 20 (TOO_MANY on input.teamIds; a COORDINATOR must name at least one of theirs when creating).' }) @ListRule({ max: 20, noun: 'teams' }) teamIds?: string[];
}

@InputType({ description: 'Filters of the volunteer list; all given conditions must hold. Volunteers outside the caller\'s scope never come back.' })
export class VolunteerFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller\'s scope are left out.' }) @ListRule(FILTER_IDS_RULE) ids?: string[];
  @Field(() => String, { nullable: true, description: 'Case-insensitive text contained in the name (at most 100 characters, trimmed).' })
  @TextRule({ max: 100 })
  search?: string;
  @Field(() => [ID], { nullable: true, description: 'Only members of at least one of these teams (at most 1000 UUIDs).' }) @ListRule(FILTER_IDS_RULE) teamIds?: string[];
  @Field(() => Boolean, { nullable: true, description: 'true: only model workers (劳模); false: only the others.' }) isModelWorker?: boolean;
  @Field(() => [VolunteerSkill], { nullable: true, description: 'A volunteer must have all of these skills.' }) skills?: VolunteerSkill[];
}

export enum VolunteerOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

export const VolunteerOrder = listOrder(
  'VolunteerOrder',
  VolunteerOrderField,
  'volunteer',
  {
    NAME: { description: 'Name, in the database collation.' },
    CREATED_AT: { description: 'When the record was created.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
  { field: VolunteerOrderField.NAME, direction: SortDirection.ASC },
);
export type VolunteerOrder = InstanceType<typeof VolunteerOrder>;
