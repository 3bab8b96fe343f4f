import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { Context } from '../context';
import { ListRule, NumberRule, type NumberRuleOptions } from '../common/input-rules';
import { MAX_YEAR, MIN_YEAR } from './holiday-calendar';

/** Years with a holiday calendar (INTEGER_RANGE naming the field otherwise). */
const YEAR_RULE: NumberRuleOptions = { min: MIN_YEAR, max: MAX_YEAR };
import { Role } from '../auth/user.entity';
import * as service from './holiday.service';
import type { YearCalendar } from './holiday-calendar';

export enum HolidayKind {
  HOLIDAY = 'HOLIDAY',
  WORKDAY = 'WORKDAY',
}
registerEnumType(HolidayKind, {
  name: 'HolidayKind',
  description: 'A date of China\'s holiday calendar.',
  valuesConfig: {
    HOLIDAY: { description: 'A rest day: a statutory holiday or a day of its holiday block (weekends inside it included). `PH` in opening hours.' },
    WORKDAY: { description: 'A make-up workday (调休): a Saturday or Sunday worked in exchange; stations keep their Monday–Friday hours.' },
  },
});

export enum HolidayCoverage {
  OFFICIAL = 'OFFICIAL',
  STATUTORY_ONLY = 'STATUTORY_ONLY',
}
registerEnumType(HolidayCoverage, {
  name: 'HolidayCoverage',
  description: 'How much of a year\'s holiday calendar is known.',
  valuesConfig: {
    OFFICIAL: { description: 'The State Council\'s notice is in (from the chinese-days package or entered by an administrator): holiday blocks and make-up workdays.' },
    STATUTORY_ONLY: {
      description:
        'No notice yet: only the statutory days of 《全国年节及纪念日放假办法》 (2024 revision), computed from the Gregorian and lunar calendars (元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3). Bridge days and make-up workdays are unknown: every weekend counts as a weekend.',
    },
  },
});

export enum HolidayNoticeFormat {
  CSV = 'CSV',
  JSON = 'JSON',
}
registerEnumType(HolidayNoticeFormat, {
  name: 'HolidayNoticeFormat',
  description: 'Text format of an imported notice.',
  valuesConfig: {
    CSV: { description: 'Lines `date,kind,name` (an optional header line `date,kind,name`); kind HOLIDAY/WORKDAY or 休/班.' },
    JSON: { description: 'An array of `{ "date": "2027-02-05", "kind": "HOLIDAY", "name": "春节" }`.' },
  },
});

@ObjectType({ description: 'One date of a year\'s holiday calendar.' })
export class HolidayDay {
  @Field({ description: 'Local date, `YYYY-MM-DD`.' }) date!: string;
  @Field(() => HolidayKind, { description: 'HOLIDAY (a rest day) or WORKDAY (a weekend day worked in exchange, 调休).' }) kind!: HolidayKind;
  @Field({ description: 'The holiday it belongs to, e.g. `春节`, `国庆节`.' }) name!: string;
  @Field({ description: '`chinese-days` (the package), `statutory` (computed from the holiday law) or `notice` (entered by an administrator).' })
  source!: string;
}

@ObjectType({ description: 'China\'s holiday calendar for one year, as `PH` in opening hours and `isOpen` use it.' })
export class HolidayCalendar {
  @Field(() => Int, { description: 'The Gregorian year.' }) year!: number;
  @Field(() => HolidayCoverage, { description: 'OFFICIAL: the State Council notice is entered; STATUTORY_ONLY: computed statutory days, make-up workdays unknown.' }) coverage!: HolidayCoverage;
  @Field(() => String, { nullable: true, description: 'The notice\'s reference (e.g. `国办发明电〔2025〕7号`) or `chinese-days package`; null when STATUTORY_ONLY.' })
  notice!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the year\'s rows last changed; null when STATUTORY_ONLY.' }) updatedAt!: Date | null;
  @Field(() => [HolidayDay], { description: 'The year\'s HOLIDAY and WORKDAY dates in date order (ordinary days are not listed).' }) days!: HolidayDay[];
}

@InputType({ description: 'One date of a notice.' })
export class HolidayDayInput {
  @Field({ description: '`YYYY-MM-DD`, inside the notice\'s year, each date once.' }) date!: string;
  @Field(() => HolidayKind, { description: 'WORKDAY only on a Saturday or Sunday.' }) kind!: HolidayKind;
  @Field({ description: '1–50 characters, e.g. `春节`.' }) name!: string;
}

@InputType({ description: 'A year\'s State Council notice: its rest days and make-up workdays. Replaces every row of the year.' })
export class HolidayNoticeInput {
  @Field(() => Int, { description: '2004–2100.' }) @NumberRule(YEAR_RULE) year!: number;
  @Field(() => String, { nullable: true, description: 'Reference of the notice, e.g. `国办发明电〔2025〕7号` (at most 200 characters).' }) notice?: string | null;
  @Field(() => [HolidayDayInput], {
    description: 'Every rest day (HOLIDAY, weekend days inside a holiday block included) and make-up workday (WORKDAY), at most 366 (TOO_MANY on input.days). From 2025 every statutory day must be a HOLIDAY.',
  })
  @ListRule({ max: 366, noun: 'days' })
  days!: HolidayDayInput[];
}

const toGraphQL = (c: YearCalendar): HolidayCalendar => c as unknown as HolidayCalendar;

@Resolver()
export class HolidayResolver {
  @Query(() => HolidayCalendar, {
    description:
      'China\'s holiday calendar of `year` (2004–2100; BAD_USER_INPUT on `year` otherwise): OFFICIAL when the State Council\'s notice is in, else STATUTORY_ONLY (the law\'s fixed days, no make-up workdays). Public: it is the schedule `PH` means.',
  })
  holidayCalendar(@Arg('year', () => Int, { description: '2004–2100.' }) @NumberRule(YEAR_RULE) year: number, @Ctx() { em }: Context): Promise<HolidayCalendar> {
    return service.holidayCalendar(em as never, year).then(toGraphQL);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => HolidayCalendar, {
    description:
      'ADMIN: enters a year\'s notice, replacing all of that year\'s rows in one transaction (audit-logged); every process uses it within 10 s. BAD_USER_INPUT names the field at fault (`input.days.<i>.date`, …) and writes nothing.',
  })
  setHolidayNotice(@Arg('input', () => HolidayNoticeInput, { description: 'The year, its notice reference and its days.' }) input: HolidayNoticeInput, @Ctx() { em }: Context): Promise<HolidayCalendar> {
    return service.setHolidayNotice(em as never, input.year, input.notice ?? null, input.days).then(toGraphQL);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => HolidayCalendar, {
    description:
      'ADMIN: imports a year\'s notice from CSV or JSON text (see HolidayNoticeFormat) and stores it as setHolidayNotice does; with `dryRun` only checks it and returns what would be stored. BAD_USER_INPUT on `text` (with the line or item) or on `input.days.<i>.…`.',
  })
  async importHolidayNotice(
    @Arg('year', () => Int, { description: '2004–2100.' }) @NumberRule(YEAR_RULE) year: number,
    @Arg('text', { description: 'The notice\'s days, at most 100,000 characters.' }) text: string,
    @Arg('format', () => HolidayNoticeFormat, { defaultValue: HolidayNoticeFormat.CSV, description: 'How `text` is written (default CSV).' }) format: HolidayNoticeFormat,
    @Ctx() { em }: Context,
    @Arg('notice', () => String, { nullable: true, description: 'Reference of the notice.' }) notice?: string | null,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Check only; write nothing.' }) dryRun = false,
  ): Promise<HolidayCalendar> {
    const days = service.parseNoticeText(text, format);
    // Problems with the imported days are the text's: name `text`, say which row.
    const checked = service.validateNoticeText(year, days, format);
    if (dryRun) {
      return toGraphQL({ year, coverage: 'OFFICIAL', notice: notice?.trim() || null, updatedAt: null, days: checked.map((d) => ({ ...d, source: 'notice' })) });
    }
    return toGraphQL(await service.setHolidayNotice(em as never, year, notice ?? null, checked));
  }
}
