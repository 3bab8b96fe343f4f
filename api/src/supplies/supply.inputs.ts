import { Field, ID, Int, InputType } from 'type-graphql';
import { Max, Min } from 'class-validator';

@InputType({ description: 'Quantities of supplies handed out.' })
export class SupplyQuantityInput {
  @Field(() => ID) itemId!: string;
  @Field(() => Int) @Min(1) @Max(1000000) quantity!: number;
}
