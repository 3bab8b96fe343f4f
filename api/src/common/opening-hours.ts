import OpeningHours from 'opening_hours';
import { BadInputError } from './errors';
import { libraryVerdict, type LibraryVerdict } from './opening-hours-check';
import { chinaDayType } from '../holidays/holiday-calendar';

// suncalc 2 is an ES module with a CommonJS build; this package compiles to CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SunCalc: typeof import('suncalc', { with: { 'resolution-mode': 'require' } }) = require('suncalc');

/** Default IANA time zone of a station (all of mainland China keeps China Standard Time). */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

// The library needs a country to accept PH; which days are PH comes from the holiday calendar (see libraryDate),
// and sunrise and sunset are computed here (see withSunTimes). Its types declare lat/lon as numbers, but it reads
// them only as strings (numbers are ignored, giving a fixed 06:00-18:00).
const NOMINATIM = { lat: '34.75', lon: '113.62', address: { country_code: 'cn', state: '河南省' } } as unknown as ConstructorParameters<typeof OpeningHours>[1];
const cache = new Map<string, OpeningHours>();
const CACHE_LIMIT = 5000;
const refused = new Map<string, LibraryVerdict>();

/** Sets `key` in a cache of at most CACHE_LIMIT entries, dropping the oldest entry when it is full. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= CACHE_LIMIT) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

/** Parses an OSM `opening_hours` value (cached); throws BadInputError on `field` when the syntax is wrong. */
export function parseOpeningHours(value: string, field = 'openingHours'): OpeningHours {
  let oh = cache.get(value);
  if (oh) return oh;
  if (value.trim() === '') throw new BadInputError(field, 'opening hours must not be empty (leave the field out instead)', 'OPENING_HOURS_EMPTY');
  if (value.length > 500) throw new BadInputError(field, 'opening hours must be at most 500 characters', 'OPENING_HOURS_TOO_LONG', { max: 500 });
  // The library repairs many mistakes silently ("9am to 5pm"); stored values must be exact, so its warnings refuse
  // them. Its checks evaluate the value, and some values parse but cannot be evaluated: it then throws a string
  // (e.g. "2026easter+1 day": "the movable day … is not in the year of the movable day anymore"). Some values it
  // never finishes checking (e.g. "unknown::PH"), so the checks run with a time limit (opening-hours-check.ts).
  // A refused value's verdict is kept too: a value that timed out would otherwise cost the time limit again.
  let verdict = refused.get(value);
  if (!verdict) {
    verdict = libraryVerdict(value, NOMINATIM);
    if (!('warnings' in verdict) || verdict.warnings.length) {
      remember(refused, value, verdict);
    }
  }
  if ('error' in verdict) {
    const detail = verdict.error.split('\n')[0];
    throw new BadInputError(field, `not valid OpenStreetMap opening_hours syntax (${detail})`, 'OPENING_HOURS_SYNTAX', { value, detail });
  }
  const { warnings, suggestion } = verdict;
  if (warnings.length) {
    throw new BadInputError(field, `not exact OpenStreetMap opening_hours syntax${suggestion !== value ? ` (did you mean "${suggestion}"?)` : ''}: ${warnings[0].split('\n')[0]}`, 'OPENING_HOURS_INEXACT', { value, suggestion: suggestion !== value ? suggestion : null });
  }
  // The same parse as the checking thread's, which finished: the value's evaluations run here.
  oh = new OpeningHours(value, NOMINATIM);
  remember(cache, value, oh);
  return oh;
}

/** Throws BadInputError unless `timeZone` is an IANA zone this runtime knows, e.g. `Asia/Shanghai`. */
export function assertValidTimezone(timeZone: string, field = 'timezone'): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new BadInputError(field, `unknown IANA time zone "${timeZone}"`, 'TIME_ZONE_UNKNOWN', { timeZone });
  }
}

export { chinaDayType, type ChinaDayType } from '../holidays/holiday-calendar';

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
const probed = new Map<number, boolean>();
function libraryThinksPH(y: number, m: number, d: number): boolean {
  const key = y * 10_000 + m * 100 + d;
  let ph = probed.get(key);
  if (ph === undefined) {
    ph = phProbe.getState(new Date(y, m - 1, d, 12));
    if (probed.size >= 100_000) probed.clear();
    probed.set(key, ph);
  }
  return ph;
}

const movedDates = new Map<string, [number, number, number]>();
const dayMs = 86_400_000;

/**
 * The date the opening_hours library must see so that it treats a station's local date as a day of the kind
 * the holiday calendar gives it: the same weekday (Monday for a make-up workday: it keeps Monday–Friday hours)
 * and a PH state that matches. The library's own holiday list never decides a day: it is only searched for a
 * date it evaluates the same way — first the same month and day in a nearby year, then the nearest days.
 */
function libraryDate(y: number, m: number, d: number, hour: number, minute: number): [number, number, number] {
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const type = chinaDayType(date);
  const key = `${date}|${type}`;
  const known = movedDates.get(key);
  // A date found for another time of day serves unless this time falls in a DST gap of the server's zone there.
  if (known && new Date(known[0], known[1] - 1, known[2], hour, minute).getHours() === hour) return known;
  const wantPH = type === 'STATUTORY_HOLIDAY';
  const weekday = type === 'MAKEUP_WORKDAY' ? 1 : new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  let found: [number, number, number] = [y, m, d];
  search: for (let off = 0; off <= 400; off++) {
    for (const dayOffset of off === 0 ? [0] : [-off, off]) {
      for (let yo = 0; yo <= 28; yo++) {
        for (const yearOffset of yo === 0 ? [0] : [-yo, yo]) {
          const c = new Date(Date.UTC(y + yearOffset, m - 1, d) + dayOffset * dayMs);
          if (c.getUTCDay() !== weekday) continue;
          const [cy, cm, cd] = [c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()];
          if (libraryThinksPH(cy, cm, cd) !== wantPH) continue;
          // The wall-clock time must exist on that date in the server's zone (no DST gap).
          const local = new Date(cy, cm - 1, cd, hour, minute);
          if (local.getHours() !== hour || local.getMinutes() !== minute) continue;
          found = [cy, cm, cd];
          break search;
        }
      }
    }
  }
  if (movedDates.size >= 20_000) movedDates.clear();
  movedDates.set(key, found);
  return found;
}

/** A station's position, WGS-84 degrees. */
export interface Place {
  lng: number;
  lat: number;
}

/** Where sunrise and sunset are computed when the caller gives no position (the centre of Zhengzhou). */
const DEFAULT_PLACE: Place = { lng: 113.62, lat: 34.75 };

const VARIABLE_TIME = /\(\s*(sunrise|sunset|dawn|dusk)\s*([+-])\s*(\d{1,2}):(\d{2})\s*\)|\b(sunrise|sunset|dawn|dusk)\b/g;
const hhmm = (minutes: number) => {
  const m = Math.min(24 * 60, Math.max(0, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/**
 * `value` with its variable times (`sunrise`, `sunset`, `dawn`, `dusk`, also with an offset such as
 * `(sunset-01:00)`) replaced by the local times they have on the station's date at the station's position, in
 * its own time zone (suncalc; dawn and dusk are civil twilight). The opening_hours library would compute them
 * from the server's time zone, and it ignores numeric coordinates (it takes only strings), answering 06:00 and
 * 18:00 everywhere. A time that does not occur that day (polar day or night) is left for the library.
 */
function withSunTimes(value: string, place: Place, timeZone: string, w: WallClock, at: Date): string {
  // Noon of the station's local date: suncalc then gives that day's events.
  const noon = new Date(at.getTime() + ((12 - w.hour) * 3600 - w.minute * 60 - w.second) * 1000);
  const times = SunCalc.getTimes(noon, place.lat, place.lng) as unknown as Record<string, Date>;
  const local = (event: string): number | null => {
    const t = times[event];
    if (!(t instanceof Date) || Number.isNaN(t.getTime())) return null;
    const c = wallClock(t, timeZone);
    return c.hour * 60 + c.minute + c.second / 60;
  };
  return value.replace(VARIABLE_TIME, (match, withOffset, sign, oh, om, bare) => {
    const minutes = local(withOffset ?? bare);
    if (minutes === null) return match;
    const offset = withOffset ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
    return hhmm(minutes + offset);
  });
}

const concrete = new Map<string, OpeningHours>();

/**
 * Whether a station with OSM `openingHours` is open at instant `at`, evaluated in `timeZone` whatever the
 * server's TZ is, with China's holidays (PH) and make-up workdays from the holiday calendar (the State
 * Council's notice where it is in, else the statutory days; see holidays/holiday-calendar.ts) and sunrise and
 * sunset at `place` (default the centre of Zhengzhou). Returns null when the station publishes no hours, when
 * they say `unknown` for that time, or when they cannot be evaluated then (the opening_hours library throws for
 * some parsed values at some dates); never throws.
 */
export function isOpenAt(openingHours: string | null | undefined, timeZone: string, at: Date, place?: Place | null): boolean | null {
  if (!openingHours) return null;
  let oh: OpeningHours;
  try {
    oh = parseOpeningHours(openingHours);
  } catch {
    // A stored value was checked when it was written, but the library's checks evaluate it around today, so a
    // value can stop passing them later (a year-bound movable day): its hours are unknown, never a failed query.
    return null;
  }
  const w = wallClock(at, timeZone);
  VARIABLE_TIME.lastIndex = 0;
  if (VARIABLE_TIME.test(openingHours)) {
    const value = withSunTimes(openingHours, place && Number.isFinite(place.lat) && Number.isFinite(place.lng) ? place : DEFAULT_PLACE, timeZone, w, at);
    let fixed = concrete.get(value);
    if (!fixed) {
      try {
        fixed = new OpeningHours(value, NOMINATIM);
      } catch {
        fixed = oh;
      }
      remember(concrete, value, fixed);
    }
    oh = fixed;
  }
  const [y, m, d] = libraryDate(w.year, w.month, w.day, w.hour, w.minute);
  const instant = new Date(y, m - 1, d, w.hour, w.minute, w.second);
  // A value the library can parse may still fail to evaluate at some dates (it throws a string, e.g. for a movable
  // day shifted out of its year): the hours are then unknown at that time, not an error of the request.
  try {
    if (oh.getUnknown(instant)) return null;
    return oh.getState(instant);
  } catch {
    return null;
  }
}
