import { Field, ID, Int, InputType } from 'type-graphql';
import { NumberRule } from '../common/input-rules';

@InputType({ description: 'Quantities of supplies handed out.' })
export class SupplyQuantityInput {
  @Field(() => ID, { description: 'UUID of a supply item (general, or of a campaign the station serves); NOT_FOUND on items[i].itemId outside the caller\'s scope.' }) itemId!: string;
  @Field(() => Int, { description: 'How many of the item\'s unit were handed out, 1–1000000 (INTEGER_RANGE on items[i].quantity otherwise).' }) @NumberRule({ min: 1, max: 1_000_000 }) quantity!: number;
}
