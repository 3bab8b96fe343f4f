import { Field, ID, InputType } from 'type-graphql';
import { nameRule, PHONE_RULE, TextRule } from '../common/text-input';
import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { VolunteerSkill } from './volunteer.entity';

@InputType({ description: 'A volunteer. Phone: a mainland mobile (11 digits) or a landline; personal data.' })
export class VolunteerInput {
  @Field({ nullable: true, description: '1–50 characters (trimmed, at least one visible).' }) @TextRule(nameRule(50)) name?: string;
  @Field(() => String, { nullable: true, description: 'An optional +, then 5–20 digits, spaces or dashes (trimmed; empty means none).' }) @TextRule(PHONE_RULE) phone?: string | null;
  @Field(() => [VolunteerSkill], { nullable: true, description: 'The full skill list (replaces it; duplicates dropped); omitted keeps it.' }) skills?: VolunteerSkill[];
  @Field(() => Boolean, { nullable: true, description: '劳模: whether the volunteer is a model worker; omitted keeps it (false when creating).' }) isModelWorker?: boolean;
  @Field(() => [ID], { nullable: true, description: 'Teams to join (a COORDINATOR must name at least one of theirs when creating).' }) @IsOptional() @ArrayMaxSize(20) teamIds?: string[];
}
