import { Field, ID, ObjectType } from 'type-graphql';
import { ShiftAssignment } from './shift-assignment.entity';

// The GraphQL types assignTeamToShifts returns as the service makes them (no twin interfaces).

@ObjectType({ description: 'A sign-up of a team assignment that could not be made, with the reason.' })
export class AssignmentConflict {
  @Field(() => ID, { description: 'UUID of the shift.' }) shiftId!: string;
  @Field(() => ID, { description: 'UUID of the team member who could not be signed up.' }) volunteerId!: string;
  @Field({ description: 'Why, as signUpForShift would have answered (full, overlapping another shift, missing skills, closed campaign, …).' }) reason!: string;
}

@ObjectType({ description: 'All or nothing: ok with the assignments made, or the conflicts and nothing saved.' })
export class TeamAssignmentResult {
  @Field({ description: 'true when every member could be signed up for every shift (and, unless dryRun, was).' }) ok!: boolean;
  @Field(() => [ShiftAssignment], { description: 'The assignments made (for a dryRun without conflicts: those that would be made, not saved); empty on any conflict.' }) assignments!: ShiftAssignment[];
  @Field(() => [AssignmentConflict], { description: 'Every sign-up that could not be made; empty when ok.' }) conflicts!: AssignmentConflict[];
}
