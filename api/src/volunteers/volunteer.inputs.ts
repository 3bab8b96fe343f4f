import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { VolunteerSkill } from './volunteer.entity';

@InputType({ description: 'A volunteer. Phone: a mainland mobile (11 digits) or a landline; personal data.' })
export class VolunteerInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 50) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+?[0-9][0-9 -]{4,19}$/, { message: 'phone must be digits, spaces or dashes (5–20)' }) phone?: string | null;
  @Field(() => [VolunteerSkill], { nullable: true }) skills?: VolunteerSkill[];
  @Field(() => Boolean, { nullable: true }) isModelWorker?: boolean;
  @Field(() => [ID], { nullable: true, description: 'Teams to join (a COORDINATOR must name at least one of theirs when creating).' }) @IsOptional() @ArrayMaxSize(20) teamIds?: string[];
}
