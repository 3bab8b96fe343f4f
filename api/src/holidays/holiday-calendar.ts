import { getDayDetail } from 'chinese-days';
import { Lunar, Solar } from 'lunar-typescript';

/** A day of a year's holiday calendar: a rest day (HOLIDAY) or a weekend day worked in exchange (WORKDAY, 调休). */
export type HolidayKind = 'HOLIDAY' | 'WORKDAY';

/** OFFICIAL: the State Council's notice is in the calendar. STATUTORY_ONLY: only the law's fixed days, computed. */
export type HolidayCoverage = 'OFFICIAL' | 'STATUTORY_ONLY';

export interface HolidayDayRow {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  kind: HolidayKind;
  name: string;
  /** Where the row comes from: `chinese-days`, `statutory` (computed) or `notice` (entered by an administrator). */
  source: string;
}

export interface YearCalendar {
  year: number;
  coverage: HolidayCoverage;
  /** The notice's reference (e.g. 国办发明电〔2025〕7号) or the package it came from; null when computed. */
  notice: string | null;
  updatedAt: Date | null;
  days: HolidayDayRow[];
}

/** Years a calendar can be asked for. The lunar library and the holiday law are both defined well past this. */
export const MIN_YEAR = 2004;
export const MAX_YEAR = 2100;

/** Source label of rows seeded from the chinese-days package. */
export const PACKAGE_SOURCE = 'chinese-days';
export const STATUTORY_SOURCE = 'statutory';
export const NOTICE_SOURCE = 'notice';

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (s: Solar) => `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`;

/**
 * The statutory rest days of `year` as 《全国年节及纪念日放假办法》 (2024 revision, in force from 2025) fixes them:
 * 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1 (the solar term), 劳动节 2 (May 1–2), 端午 1, 中秋 1, 国庆 3 (Oct 1–3).
 * Lunar dates come from lunar-typescript, so 除夕 is the day before 初一 whether 腊月 has 29 or 30 days. The law
 * fixes no make-up workdays (调休): those exist only in the State Council's yearly notice. A date that is two
 * holidays at once (中秋 on 2028-10-03) is listed once.
 */
export function statutoryHolidays(year: number): HolidayDayRow[] {
  const days: HolidayDayRow[] = [];
  const add = (s: Solar, name: string) => days.push({ date: ymd(s), kind: 'HOLIDAY', name, source: STATUTORY_SOURCE });
  add(Solar.fromYmd(year, 1, 1), '元旦');
  const chuyi = Lunar.fromYmd(year, 1, 1).getSolar();
  for (let d = -1; d <= 2; d++) add(chuyi.next(d), '春节');
  add(Solar.fromYmd(year, 4, 20).getLunar().getJieQiTable()['清明'], '清明节');
  add(Solar.fromYmd(year, 5, 1), '劳动节');
  add(Solar.fromYmd(year, 5, 2), '劳动节');
  add(Lunar.fromYmd(year, 5, 5).getSolar(), '端午节');
  add(Lunar.fromYmd(year, 8, 15).getSolar(), '中秋节');
  for (let d = 1; d <= 3; d++) add(Solar.fromYmd(year, 10, d), '国庆节');
  // 中秋 can fall inside 国庆 (2028-10-03): one rest day, both names; the notice adds what the State Council decides.
  const byDate = new Map<string, HolidayDayRow>();
  for (const d of days) {
    const same = byDate.get(d.date);
    if (same) same.name = `${same.name}、${d.name}`;
    else byDate.set(d.date, d);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const WEEKDAY_NAMES = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Day of the week of a `YYYY-MM-DD` date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/**
 * The State Council's schedule for `year` as the chinese-days package carries it (2004–2026 in 1.5.7), or null
 * when the package does not have the year. Rest days inside a holiday block (weekends too) are HOLIDAY; a
 * weekend day worked in exchange is WORKDAY. Names are the Chinese ones (`春节`).
 */
export function packagedYear(year: number): HolidayDayRow[] | null {
  const days: HolidayDayRow[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const detail = getDayDetail(date);
    if (WEEKDAY_NAMES.test(detail.name)) continue;
    const name = detail.name.split(',')[1] ?? detail.name;
    const weekend = [0, 6].includes(weekdayOf(date));
    if (!detail.work) days.push({ date, kind: 'HOLIDAY', name, source: PACKAGE_SOURCE });
    else if (weekend) days.push({ date, kind: 'WORKDAY', name, source: PACKAGE_SOURCE });
  }
  return days.some((d) => d.kind === 'HOLIDAY') ? days : null;
}

/** Every year the chinese-days package carries, MIN_YEAR onwards. */
export function packagedYears(): number[] {
  const years: number[] = [];
  for (let y = MIN_YEAR; y <= MAX_YEAR; y++) {
    if (packagedYear(y)) years.push(y);
    else if (years.length) break;
  }
  return years;
}

/** How the calendar classifies a local date. */
export type ChinaDayType = 'STATUTORY_HOLIDAY' | 'MAKEUP_WORKDAY' | 'ORDINARY';

interface CachedYear {
  calendar: YearCalendar;
  kinds: Map<string, HolidayKind>;
}

function cached(calendar: YearCalendar): CachedYear {
  return { calendar, kinds: new Map(calendar.days.map((d) => [d.date, d.kind])) };
}

/**
 * The holiday calendar the opening-hours evaluator reads, in memory and synchronous. `official` holds the years
 * of the database table (loaded at start and reloaded when its version changes, see holiday.service.ts); any
 * other year is computed once (statutory days only) and kept. Until the database is loaded (the importer's
 * checks, unit tests), the years of the chinese-days package stand in for the table.
 */
class HolidayStore {
  private official = new Map<number, CachedYear>();
  private computed = new Map<number, CachedYear>();
  private loaded = false;
  /** Version of the table last loaded (see holiday.service.ts `calendarVersion`). */
  version: string | null = null;

  /** Replaces the official years with the database's rows. */
  load(years: YearCalendar[], version: string): void {
    this.official = new Map(years.map((y) => [y.year, cached(y)]));
    this.loaded = true;
    this.version = version;
  }

  year(year: number): CachedYear {
    const official = this.official.get(year);
    if (official) return official;
    let entry = this.computed.get(year);
    if (!entry) {
      const packaged = this.loaded ? null : packagedYear(year);
      entry = cached(
        packaged
          ? { year, coverage: 'OFFICIAL', notice: PACKAGE_SOURCE, updatedAt: null, days: packaged }
          : { year, coverage: 'STATUTORY_ONLY', notice: null, updatedAt: null, days: statutoryHolidays(year) },
      );
      if (this.computed.size > 300) this.computed.clear();
      this.computed.set(year, entry);
    }
    return entry;
  }

  calendar(year: number): YearCalendar {
    return this.year(year).calendar;
  }

  /** Classifies a local `YYYY-MM-DD` date. */
  dayType(date: string): ChinaDayType {
    const kind = this.year(Number(date.slice(0, 4))).kinds.get(date);
    if (kind === 'HOLIDAY') return 'STATUTORY_HOLIDAY';
    if (kind === 'WORKDAY') return 'MAKEUP_WORKDAY';
    return 'ORDINARY';
  }
}

/** The process's holiday calendar (one per process: isOpen is evaluated synchronously from it). */
export const holidayStore = new HolidayStore();

/** How China's holiday calendar treats a local date (`YYYY-MM-DD`). */
export function chinaDayType(date: string): ChinaDayType {
  return holidayStore.dayType(date);
}
