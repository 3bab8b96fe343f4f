import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../context';
import { CoordinateSystem } from '../common/geo';
import { BadInputError } from '../common/errors';
import { assertValidTimezone, DEFAULT_TIMEZONE, isOpenAt, parseOpeningHours } from '../common/opening-hours';

@ObjectType({ description: 'Result of checking an opening_hours value.' })
class OpeningHoursCheck {
  @Field({ description: 'Whether the value is valid OSM opening_hours syntax.' }) valid!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it is not valid.' }) error!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Open at `at` (default now) in the time zone, with China\'s holidays; null if invalid or unknown.' })
  isOpen!: boolean | null;
}

@ObjectType({ description: 'Settings the admin UI reads at start.' })
class AppConfig {
  @Field(() => String, { nullable: true, description: 'Online MapLibre style URL (MAP_STYLE_URL); null means the bundled offline style.' })
  mapStyleUrl!: string | null;

  @Field(() => CoordinateSystem, {
    description:
      'Datum the basemap is drawn in (MAP_STYLE_DATUM with MAP_STYLE_URL, else WGS84 for the bundled offline basemap). A map draws ' +
      'stations converted to it (tiles with `?crs=`) and converts clicks back to WGS84. GCJ02 for AMap and Tencent styles, BD09 for Baidu.',
  })
  mapDatum!: CoordinateSystem;
}

@Resolver()
export class MiscResolver {
  @Query(() => OpeningHoursCheck, { description: 'Validates an OSM opening_hours value and tells whether it is open at `at` (for forms).' })
  openingHoursCheck(
    @Arg('openingHours', { description: 'The value to check, OSM opening_hours syntax, e.g. `Mo-Fr 08:00-20:00; PH off`.' }) openingHours: string,
    @Arg('timezone', () => String, { nullable: true, description: 'IANA time zone to evaluate in; default Asia/Shanghai.' }) timezone?: string,
    @Arg('at', () => DateTimeResolver, { nullable: true, description: 'Instant to evaluate at (RFC 3339 with offset); default now.' }) at?: Date,
  ): OpeningHoursCheck {
    const tz = timezone || DEFAULT_TIMEZONE;
    assertValidTimezone(tz, 'timezone');
    try {
      parseOpeningHours(openingHours, 'openingHours');
    } catch (e) {
      if (e instanceof BadInputError) return { valid: false, error: e.message, isOpen: null };
      throw e;
    }
    return { valid: true, error: null, isOpen: isOpenAt(openingHours, tz, at ?? new Date()) };
  }

  @Query(() => AppConfig, { description: 'Settings the admin reads at start (public: nothing secret).' })
  appConfig(@Ctx() { config }: Context): AppConfig {
    return {
      mapStyleUrl: config.MAP_STYLE_URL ?? null,
      mapDatum: config.MAP_STYLE_URL ? CoordinateSystem[config.MAP_STYLE_DATUM] : CoordinateSystem.WGS84,
    };
  }
}
