import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import { ListRule, NumberRule } from '../common/input-rules';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { CoordinateSystem, GeoPoint } from '../common/geo';
import { offsetPage, containsPattern } from '../common/pagination';
import { PAGE_LIMIT_RULE, PAGE_OFFSET_RULE } from '../common/page-args';
import { Region, RegionLevel } from './region.entity';
import { registerNodeType } from '../node/node.registry';

const RegionPage = offsetPage(Region, 'RegionPage');

// Public, as `region(code:)`; a region's Node id is its six-digit code, so no table lookup is needed.
registerNodeType(Region, (ctx, codes) => ctx.em.find(Region, { code: { $in: codes } }), { idPattern: /^[0-9]{6}$/ });

@InputType({ description: 'Filters of the region list.' })
class RegionFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these codes (at most 1000; TOO_MANY on filter.codes).' }) @ListRule({ max: 1000, noun: 'codes' }) codes?: string[];
  @Field(() => RegionLevel, { nullable: true, description: 'Only divisions of this level.' }) level?: RegionLevel;
  @Field(() => String, { nullable: true, description: 'Only direct children of this code.' }) parentCode?: string;
  @Field(() => String, { nullable: true, description: 'Text contained in the name, or leading digits of the code.' }) search?: string;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A GB/T 2260 division by its six-digit code.' })
  region(@Arg('code', () => ID, { description: 'Six-digit GB/T 2260 code, e.g. 410102; BAD_USER_INPUT otherwise.' }) code: string, @Ctx() { loaders }: Context) {
    if (!/^[0-9]{6}$/.test(code)) throw new BadInputError('code', 'must be six digits', 'REGION_CODE_FORMAT', { max: 6 });
    return loaders.region.load(code);
  }

  @Query(() => RegionPage, { description: 'GB/T 2260 divisions ordered by code, one page (limit 1–1000).' })
  async regions(
    @Ctx() { em }: Context,
    @Arg('filter', () => RegionFilter, { nullable: true, description: 'Conditions a division must all meet.' }) filter?: RegionFilter,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'Page size, 1–1000.' }) @NumberRule(PAGE_LIMIT_RULE) limit = 50,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'Rows to skip, 0–1000000.' }) @NumberRule(PAGE_OFFSET_RULE) offset = 0,
  ) {
    const where: Record<string, unknown> = {};
    if (filter?.codes) where.code = { $in: filter.codes };
    if (filter?.level) where.level = filter.level;
    if (filter?.parentCode) where.parentCode = filter.parentCode;
    const q = filter?.search?.trim();
    if (q) {
      if (q.length > 50) throw new BadInputError('filter.search', 'at most 50 characters', 'TOO_LONG', { max: 50 });
      where.$or = /^[0-9]+$/.test(q) ? [{ code: { $like: `${q}%` } }] : [{ name: { $ilike: containsPattern(q) } }];
    }
    const [nodes, totalCount] = await em.findAndCount(Region, where, { orderBy: { code: 'asc' }, limit, offset });
    return { nodes, totalCount };
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Centre (seat of government) in the requested datum.' })
  centre(@Root() region: Region, @Arg('crs', () => CoordinateSystem, { nullable: true, defaultValue: CoordinateSystem.WGS84, description: 'Datum to give the point in.' }) crs: CoordinateSystem | null) {
    return regionCentre(region, crs);
  }
}

/** `Region.centre(crs)`: the seat of government in the requested datum (default WGS84); null when unknown. */
export function regionCentre(region: Region, crs: CoordinateSystem | null | undefined): GeoPoint | null {
  return region.centre ? GeoPoint.of(region.centre, crs ?? CoordinateSystem.WGS84) : null;
}
