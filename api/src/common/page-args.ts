import { ArgsType, Field, Int } from 'type-graphql';
import { assertPage } from './pagination';

/**
 * The one paging of the admin lists (`limit` + `offset`, with `{ nodes, totalCount }` pages): `limit` 1–1000
 * records, `offset` 0–1,000,000. Read the bounds through `page`, which answers BAD_USER_INPUT naming `limit` or
 * `offset` when they are out of range.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 25, description: 'Records per page, 1–1000.' }) limit: number = 25;
  @Field(() => Int, { defaultValue: 0, description: 'Records to skip before the page, 0–1000000.' }) offset: number = 0;

  /** The checked bounds. */
  get page(): { limit: number; offset: number } {
    assertPage(this.limit, this.offset);
    return { limit: this.limit, offset: this.offset };
  }
}

/** PageArgs for the lists read a campaign at a time (shifts, assignments): 100 records by default. */
@ArgsType()
export class LongPageArgs extends PageArgs {
  @Field(() => Int, { defaultValue: 100, description: 'Records per page, 1–1000.' }) override limit: number = 100;
}
