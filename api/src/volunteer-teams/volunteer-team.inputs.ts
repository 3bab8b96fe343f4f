import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { VolunteerTeamKind } from './volunteer-team.entity';

@InputType({ description: 'A volunteer team. A COORDINATOR may only use one of their organizations (or one below them).' })
export class VolunteerTeamInput {
  @Field({ nullable: true, description: '1–100 characters, e.g. 修武县劳模志愿服务队.' }) @IsOptional() @Length(1, 100) name?: string;
  @Field(() => VolunteerTeamKind, { nullable: true }) kind?: VolunteerTeamKind;
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => ID, { nullable: true, description: 'A member who leads the team; null clears it.' }) leaderId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The full member list (replaces it).' }) @IsOptional() @ArrayMaxSize(500) memberIds?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) contact?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9]{6}$/) regionCode?: string | null;
}
