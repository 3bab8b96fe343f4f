import { ArgsType, Field, ID } from 'type-graphql';
import { AssignmentStatus } from './shift-assignment.entity';

/** Which assignments `shiftAssignments` lists (all given filters apply together). */
@ArgsType()
export class ShiftAssignmentListArgs {
  @Field(() => ID, { nullable: true, description: 'Only the assignments of this shift.' }) shiftId?: string;
  @Field(() => ID, { nullable: true, description: 'Only the assignments of this volunteer.' }) volunteerId?: string;
  @Field(() => ID, { nullable: true, description: 'Only the assignments of this campaign (NOT_FOUND when it is not in your scope).' }) campaignId?: string;
  @Field(() => AssignmentStatus, { nullable: true, description: 'Only assignments in this status.' }) status?: AssignmentStatus;
}
