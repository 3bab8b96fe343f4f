import { Field, ID, InputType } from 'type-graphql';
import { ListRule } from '../common/input-rules';
import { FILTER_IDS_RULE, listOrder } from '../common/list-query';
import { SortDirection } from '../common/pagination';
import { AssignmentStatus } from './shift-assignment.entity';

@InputType({ description: 'Filters of the assignment list; all given conditions must hold. Assignments of campaigns outside the caller\'s scope never come back.' })
export class ShiftAssignmentFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids (at most 1000 UUIDs); ids that do not exist or are outside the caller\'s scope are left out.' }) @ListRule(FILTER_IDS_RULE) ids?: string[];
  @Field(() => ID, { nullable: true, description: 'Only the assignments of this shift (UUID).' }) shiftId?: string;
  @Field(() => ID, { nullable: true, description: 'Only the assignments of this volunteer (UUID).' }) volunteerId?: string;
  @Field(() => ID, { nullable: true, description: 'Only the assignments of this campaign\'s shifts (UUID).' }) campaignId?: string;
  @Field(() => [AssignmentStatus], { nullable: true, description: 'Only assignments in these statuses.' }) statuses?: AssignmentStatus[];
}

export enum ShiftAssignmentOrderField {
  SEQ = 'SEQ',
  SHIFT_STARTS_AT = 'SHIFT_STARTS_AT',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

export const ShiftAssignmentOrder = listOrder(
  'ShiftAssignmentOrder',
  ShiftAssignmentOrderField,
  'shift assignment',
  {
    SEQ: { description: 'Arrival order (`seq`, the order the waitlist is served in).' },
    SHIFT_STARTS_AT: { description: 'Start of the assignment\'s shift.' },
    CREATED_AT: { description: 'When the record was created.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
  { field: ShiftAssignmentOrderField.SEQ, direction: SortDirection.ASC },
);
export type ShiftAssignmentOrder = InstanceType<typeof ShiftAssignmentOrder>;
