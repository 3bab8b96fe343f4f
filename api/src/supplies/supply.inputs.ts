import { Field, ID, Int, InputType } from 'type-graphql';
import { ListRule, NumberRule } from '../common/input-rules';
import { FILTER_IDS_RULE, listOrder } from '../common/list-query';
import { SortDirection } from '../common/pagination';

@InputType({ description: 'Quantities of supplies handed out.' })
export class SupplyQuantityInput {
  @Field(() => ID, { description: 'UUID of a supply item (general, or of a campaign the station serves); NOT_FOUND on items[i].itemId outside the caller\'s scope.' }) itemId!: string;
  @Field(() => Int, { description: 'How many of the item\'s unit were handed out, 1–1000000 (INTEGER_RANGE on items[i].quantity otherwise).' }) @NumberRule({ min: 1, max: 1_000_000 }) quantity!: number;
}

@InputType({ description: 'Filters of a station\'s people-served entries (serviceLogs); all given conditions must hold, on top of the station and dates.' })
export class ServiceLogFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these entries (at most 1000 UUIDs; TOO_MANY on filter.ids); ids of other stations or outside the dates are left out.' }) @ListRule(FILTER_IDS_RULE) ids?: string[];
  @Field(() => ID, { nullable: true, description: 'Only the entries counted for this campaign (UUID).' }) campaignId?: string;
}

export enum ServiceLogOrderField {
  DAY = 'DAY',
  PEOPLE_SERVED = 'PEOPLE_SERVED',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

export const ServiceLogOrder = listOrder(
  'ServiceLogOrder',
  ServiceLogOrderField,
  'people-served entry',
  {
    DAY: { description: 'The local day.' },
    PEOPLE_SERVED: { description: 'People served.' },
    CREATED_AT: { description: 'When the entry was created.' },
    UPDATED_AT: { description: 'When the entry last changed.' },
  },
  { field: ServiceLogOrderField.DAY, direction: SortDirection.ASC },
);
export type ServiceLogOrder = InstanceType<typeof ServiceLogOrder>;

@InputType({ description: 'Filters of a station\'s supply entries (supplyTallies); all given conditions must hold, on top of the station and dates.' })
export class SupplyTallyFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these entries (at most 1000 UUIDs; TOO_MANY on filter.ids); ids of other stations or outside the dates are left out.' }) @ListRule(FILTER_IDS_RULE) ids?: string[];
  @Field(() => ID, { nullable: true, description: 'Only entries of this supply item (UUID).' }) itemId?: string;
  @Field(() => ID, { nullable: true, description: 'Only entries recorded for this shift (UUID).' }) shiftId?: string;
}

export enum SupplyTallyOrderField {
  DAY = 'DAY',
  QUANTITY = 'QUANTITY',
  CREATED_AT = 'CREATED_AT',
}

export const SupplyTallyOrder = listOrder(
  'SupplyTallyOrder',
  SupplyTallyOrderField,
  'supply entry',
  {
    DAY: { description: 'The local day (then when the entry was created).' },
    QUANTITY: { description: 'Quantity handed out.' },
    CREATED_AT: { description: 'When the entry was created.' },
  },
  { field: SupplyTallyOrderField.DAY, direction: SortDirection.ASC },
);
export type SupplyTallyOrder = InstanceType<typeof SupplyTallyOrder>;
