import OpeningHours from 'opening_hours';
import { getDayDetail, getHolidaysInRange } from 'chinese-days';
import { BadInputError } from './errors';

/** Default IANA time zone of a station (all of mainland China keeps China Standard Time). */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

// The library needs a place to know that PH means China's public holidays; it only knows the fixed-date ones.
const NOMINATIM = { lat: 34.75, lon: 113.62, address: { country_code: 'cn', state: '河南省' } };
const cache = new Map<string, OpeningHours>();
const CACHE_LIMIT = 5000;

/** Parses an OSM `opening_hours` value (cached); throws BadInputError on `field` when the syntax is wrong. */
export function parseOpeningHours(value: string, field = 'openingHours'): OpeningHours {
  let oh = cache.get(value);
  if (oh) return oh;
  if (value.trim() === '') throw new BadInputError(field, 'opening hours must not be empty (leave the field out instead)');
  if (value.length > 500) throw new BadInputError(field, 'opening hours must be at most 500 characters');
  try {
    oh = new OpeningHours(value, NOMINATIM);
  } catch (e) {
    const detail = String(e instanceof Error ? e.message : e).split('\n')[0];
    throw new BadInputError(field, `not valid OpenStreetMap opening_hours syntax (${detail})`);
  }
  // The library repairs many mistakes silently ("9am to 5pm"); stored values must be exact, so refuse them.
  const warnings = oh.getWarnings();
  if (warnings.length) {
    const suggestion = oh.prettifyValue();
    throw new BadInputError(field, `not exact OpenStreetMap opening_hours syntax${suggestion !== value ? ` (did you mean "${suggestion}"?)` : ''}: ${String(warnings[0]).split('\n')[0]}`);
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(value, oh);
  return oh;
}

/** Throws BadInputError unless `timeZone` is an IANA zone this runtime knows, e.g. `Asia/Shanghai`. */
export function assertValidTimezone(timeZone: string, field = 'timezone'): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new BadInputError(field, `unknown IANA time zone "${timeZone}"`);
  }
}

/** How China's State Council calendar treats a local date. */
export type ChinaDayType = 'STATUTORY_HOLIDAY' | 'MAKEUP_WORKDAY' | 'ORDINARY' | 'NOT_PUBLISHED';

const coveredYears = new Map<number, boolean>();
function yearPublished(year: number): boolean {
  let known = coveredYears.get(year);
  if (known === undefined) {
    known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    coveredYears.set(year, known);
  }
  return known;
}

const WEEKDAY_NAMES = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * Classifies a local date (`YYYY-MM-DD`) by the official schedule in `chinese-days`:
 * a statutory holiday rest day (including weekends inside a holiday block), a make-up workday (调休, a weekend
 * day worked), an ordinary day, or NOT_PUBLISHED when the year's schedule is not yet known.
 */
export function chinaDayType(date: string): ChinaDayType {
  if (!yearPublished(Number(date.slice(0, 4)))) return 'NOT_PUBLISHED';
  const detail = getDayDetail(date);
  const festival = !WEEKDAY_NAMES.test(detail.name);
  if (!festival) return 'ORDINARY';
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (detail.work) return weekday === 0 || weekday === 6 ? 'MAKEUP_WORKDAY' : 'ORDINARY';
  return 'STATUTORY_HOLIDAY';
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(at: Date, timeZone: string): WallClock {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const phProbe = new OpeningHours('PH open', NOMINATIM);
const libraryThinksPH = (d: Date) => phProbe.getState(d);

/**
 * The instant, in the server's own time zone, at which the opening_hours library must be asked so that it
 * sees the station's wall-clock time on a day of the right kind. The library reads local Date fields and
 * knows only fixed-date Chinese holidays, so a statutory holiday is moved (in whole weeks, keeping the weekday
 * and time) to a date the library treats as PH, an ordinary day the library wrongly treats as PH to one it
 * does not, and a make-up workday (调休) to an ordinary Monday: it keeps Monday–Friday hours.
 */
function libraryInstant(w: WallClock): Date {
  const date = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  const type = chinaDayType(date);
  const local = new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  if (type === 'NOT_PUBLISHED') return local;
  let wantPH = type === 'STATUTORY_HOLIDAY';
  let candidate = local;
  if (type === 'MAKEUP_WORKDAY') {
    const back = (local.getDay() + 6) % 7; // days since Monday
    candidate = new Date(w.year, w.month - 1, w.day - back, w.hour, w.minute, w.second);
    wantPH = false;
  }
  for (let weeks = 0; weeks < 800; weeks++) {
    if (libraryThinksPH(candidate) === wantPH) return candidate;
    candidate = new Date(candidate.getFullYear(), candidate.getMonth(), candidate.getDate() - 7, w.hour, w.minute, w.second);
  }
  return local;
}

/**
 * Whether a station with OSM `openingHours` is open at instant `at`, evaluated in `timeZone` whatever the
 * server's TZ is, with China's statutory holidays (PH) and make-up workdays from the State Council schedule
 * (`chinese-days`). Returns null when the station publishes no hours or they say `unknown` for that time.
 */
export function isOpenAt(openingHours: string | null | undefined, timeZone: string, at: Date): boolean | null {
  if (!openingHours) return null;
  const oh = parseOpeningHours(openingHours);
  const instant = libraryInstant(wallClock(at, timeZone));
  if (oh.getUnknown(instant)) return null;
  return oh.getState(instant);
}
