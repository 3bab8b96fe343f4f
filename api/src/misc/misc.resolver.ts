import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../context';
import { CoordinateSystem } from '../common/geo';
import { BadInputError } from '../common/errors';
import { assertValidTimezone, DEFAULT_TIMEZONE, isOpenAt, parseOpeningHours } from '../common/opening-hours';
import { convertChineseHours } from '../importer/hours-text';
import { TextArgRule } from '../common/input-rules';

@ObjectType({ description: 'Result of checking an opening_hours value.' })
class OpeningHoursCheck {
  @Field({ description: 'Whether the value is valid OSM opening_hours syntax.' }) valid!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it is not valid (English, prefixed with `openingHours: `).' }) error!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it is not valid as a stable key: OPENING_HOURS_SYNTAX, OPENING_HOURS_INEXACT, OPENING_HOURS_EMPTY or OPENING_HOURS_TOO_LONG (the `extensions.reason` a mutation would answer); null when valid.' })
  reason!: string | null;
  @Field(() => String, { nullable: true, description: 'When invalid, valid OSM syntax the value most likely means: the importer\'s conversion of Chinese text (`周一至周五 9:00-17:00` → `Mo-Fr 09:00-17:00; PH off`, see convertOpeningHoursText), else the parser\'s own correction; null when there is none.' })
  suggestion!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Open at `at` (default now) in the time zone, with China\'s holidays; null if invalid or unknown.' })
  isOpen!: boolean | null;
}

@ObjectType({ description: 'Chinese opening-hours text read as OSM opening_hours, as the station importer reads it.' })
class OpeningHoursConversion {
  @Field(() => String, { nullable: true, description: 'The OSM opening_hours value, e.g. `Mo-Fr 09:00-17:00; PH off`; null when the text could not be read (see `problem`).' })
  openingHours!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the text could not be read (English), e.g. `cannot read "9点" in "9点"`; null when converted.' })
  problem!: string | null;
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
      if (!(e instanceof BadInputError)) throw e;
      const converted = convertChineseHours(openingHours).openingHours;
      const suggestion = converted && converted !== openingHours ? converted : typeof e.args.suggestion === 'string' ? e.args.suggestion : null;
      return { valid: false, error: e.message, reason: e.reason, suggestion, isOpen: null };
    }
    return { valid: true, error: null, reason: null, suggestion: null, isOpen: isOpenAt(openingHours, tz, at ?? new Date()) };
  }

  @Query(() => OpeningHoursConversion, {
    description:
      'Reads Chinese opening-hours text (`周一至周五 09:00-17:00`, `08:00-12:00,14:00-16:00`, `24小时`) as OSM opening_hours, with the same code the station importer uses; weekday-only hours get `; PH off`. Valid OSM syntax comes back as it is. Public, no side effects.',
  })
  convertOpeningHoursText(
    @Arg('text', { description: 'The text to read, at most 500 characters.' }) @TextArgRule({ max: 500 }) text: string,
  ): OpeningHoursConversion {
    const r = convertChineseHours(text);
    return { openingHours: r.openingHours, problem: r.openingHours ? null : (r.problem ?? 'no opening hours in the text') };
  }

  @Query(() => AppConfig, { description: 'Settings the admin reads at start (public: nothing secret).' })
  appConfig(@Ctx() { config }: Context): AppConfig {
    return {
      mapStyleUrl: config.MAP_STYLE_URL ?? null,
      mapDatum: config.MAP_STYLE_URL ? CoordinateSystem[config.MAP_STYLE_DATUM] : CoordinateSystem.WGS84,
    };
  }
}
