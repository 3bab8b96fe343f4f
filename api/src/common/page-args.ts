import { ArgsType, Field, Int } from 'type-graphql';
import { NumberRule, type NumberRuleOptions } from './input-rules';

/** `limit` of every admin list: 1–1000 records (INTEGER_RANGE on `limit` otherwise). */
export const PAGE_LIMIT_RULE: NumberRuleOptions = Object.freeze({ min: 1, max: 1000 });
/** `offset` of every admin list: 0–1,000,000 records (INTEGER_RANGE on `offset` otherwise). */
export const PAGE_OFFSET_RULE: NumberRuleOptions = Object.freeze({ min: 0, max: 1_000_000 });

/**
 * The one paging of the admin lists (`limit` + `offset`, with `{ nodes, totalCount }` pages): `limit` 1–1000
 * records, `offset` 0–1,000,000 (PAGE_LIMIT_RULE, PAGE_OFFSET_RULE: BAD_USER_INPUT naming `limit` or `offset`
 * before the resolver runs, as every argument rule).
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 25, description: 'Records per page, 1–1000.' }) @NumberRule(PAGE_LIMIT_RULE) limit: number = 25;
  @Field(() => Int, { defaultValue: 0, description: 'Records to skip before the page, 0–1000000.' }) @NumberRule(PAGE_OFFSET_RULE) offset: number = 0;

  /** The bounds (already checked by their rules). */
  get page(): { limit: number; offset: number } {
    return { limit: this.limit, offset: this.offset };
  }
}

/** PageArgs for the lists read a campaign at a time (shifts, assignments): 100 records by default. */
@ArgsType()
export class LongPageArgs extends PageArgs {
  @Field(() => Int, { defaultValue: 100, description: 'Records per page, 1–1000.' }) @NumberRule(PAGE_LIMIT_RULE) override limit: number = 100;
}
