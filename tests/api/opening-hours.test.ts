import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaDayType, isOpenAt, parseOpeningHours } from '../../api/src/common/opening-hours';

// The answer must depend only on the station's time zone, so each server zone runs in a process of its own
// (TZ is read by the runtime at start), against the compiled API that `npm test` builds first.
const SERVER_ZONES = ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati'];
const DIST = path.resolve(__dirname, '../../api/dist/common/opening-hours.js');

const CASES: [string, string, string, boolean | null][] = [
  // in the station's zone
  ['08:00-20:00', 'Asia/Shanghai', '2026-03-03T00:30:00Z', true], // 08:30 in Beijing
  ['08:00-20:00', 'Asia/Shanghai', '2026-03-02T23:30:00Z', false], // 07:30 in Beijing
  ['08:00-20:00', 'Asia/Urumqi', '2026-03-03T00:30:00Z', false], // 06:30 in Urumqi
  // Spring Festival 2026-02-17 (a Tuesday) is a statutory holiday
  ['Mo-Fr 09:00-17:00; PH off', 'Asia/Shanghai', '2026-02-17T10:00:00+08:00', false],
  ['Mo-Fr 09:00-17:00; PH off', 'Asia/Shanghai', '2026-02-10T10:00:00+08:00', true],
  ['08:00-20:00; PH 10:00-12:00', 'Asia/Shanghai', '2026-02-17T11:00:00+08:00', true],
  ['08:00-20:00; PH 10:00-12:00', 'Asia/Shanghai', '2026-02-17T15:00:00+08:00', false],
  // Saturday 2026-02-14 is a make-up workday (调休); 2026-02-07 an ordinary Saturday
  ['Mo-Fr 09:00-17:00; PH off', 'Asia/Shanghai', '2026-02-14T10:00:00+08:00', true],
  ['Mo-Fr 09:00-17:00; PH off', 'Asia/Shanghai', '2026-02-07T10:00:00+08:00', false],
  // across midnight, 24/7, unknown
  ['20:00-08:00', 'Asia/Shanghai', '2026-06-02T23:30:00+08:00', true],
  ['20:00-08:00', 'Asia/Shanghai', '2026-06-03T07:59:00+08:00', true],
  ['20:00-08:00', 'Asia/Shanghai', '2026-06-03T12:00:00+08:00', false],
  ['24/7', 'Asia/Shanghai', '2026-02-17T03:00:00+08:00', true],
  ['Mo-Fr unknown "工作日开放"; PH off', 'Asia/Shanghai', '2026-02-10T10:00:00+08:00', null],
];

describe.each(SERVER_ZONES)('opening hours with server TZ=%s', (tz) => {
  it('gives the same answers as in the station time zone, with China holidays and make-up workdays', () => {
    const script = `const { isOpenAt } = require(${JSON.stringify(DIST)});
      const cases = JSON.parse(process.argv[1]);
      console.log(JSON.stringify({ offset: new Date(2026, 0, 15).getTimezoneOffset(), results: cases.map(([h, z, at]) => isOpenAt(h, z, new Date(at))) }));`;
    const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(CASES)], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const { offset, results } = JSON.parse(out) as { offset: number; results: (boolean | null)[] };
    expect(offset).toBe({ UTC: 0, 'America/New_York': 300, 'Asia/Shanghai': -480, 'Pacific/Kiritimati': -840 }[tz]);
    expect(results.map((r, i) => [CASES[i][0], CASES[i][2], r])).toEqual(CASES.map(([h, , at, want]) => [h, at, want]));
  });
});

describe('China calendar', () => {
  it('classifies days from the State Council schedule', () => {
    expect(chinaDayType('2026-02-17')).toBe('STATUTORY_HOLIDAY');
    expect(chinaDayType('2026-02-14')).toBe('MAKEUP_WORKDAY');
    expect(chinaDayType('2026-02-10')).toBe('ORDINARY');
    expect(chinaDayType('2026-02-07')).toBe('ORDINARY');
    expect(chinaDayType('2026-10-01')).toBe('STATUTORY_HOLIDAY');
    // 2027 has no notice in the package: the statutory days only, and 3/8, 5/4, 6/1 are ordinary days.
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15']) expect(chinaDayType(d)).toBe('STATUTORY_HOLIDAY');
    for (const d of ['2027-03-08', '2027-05-04', '2027-06-01', '2027-02-09']) expect(chinaDayType(d)).toBe('ORDINARY');
  });

  it('returns null for stations without hours or with unknown hours', () => {
    expect(isOpenAt(null, 'Asia/Shanghai', new Date())).toBeNull();
    expect(isOpenAt('Mo-Fr unknown "工作日开放"; PH off', 'Asia/Shanghai', new Date('2026-02-10T10:00:00+08:00'))).toBeNull();
  });

  it.each(['Mo-Fr 25:00-26:00', 'sometimes', 'Mo-Xx 08:00-09:00'])('rejects malformed %s naming the field', (v) => {
    expect(() => parseOpeningHours(v, 'input.openingHours')).toThrowError(/^input\.openingHours: /);
  });
});

/**
 * Sunrise and sunset in minutes after local midnight by NOAA's solar calculator formulas (the Global Monitoring
 * Laboratory's spreadsheet), independent of suncalc: `tzHours` east of UTC, evaluated at local noon.
 */
function noaaSunriseSunset(date: string, lat: number, lng: number, tzHours: number): { sunrise: number; sunset: number } {
  const rad = Math.PI / 180;
  const jd = Date.parse(`${date}T12:00:00Z`) / 86_400_000 + 2440587.5 - tzHours / 24;
  const t = (jd - 2451545) / 36525;
  const l0 = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360;
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const c = Math.sin(m * rad) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * m * rad) * (0.019993 - 0.000101 * t) + Math.sin(3 * m * rad) * 0.000289;
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega * rad);
  const eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const eps = eps0 + 0.00256 * Math.cos(omega * rad);
  const decl = Math.asin(Math.sin(eps * rad) * Math.sin(lambda * rad));
  const y = Math.tan((eps / 2) * rad) ** 2;
  const eqTime =
    (4 / rad) *
    (y * Math.sin(2 * l0 * rad) - 2 * e * Math.sin(m * rad) + 4 * e * y * Math.sin(m * rad) * Math.cos(2 * l0 * rad) - 0.5 * y * y * Math.sin(4 * l0 * rad) - 1.25 * e * e * Math.sin(2 * m * rad));
  const ha = Math.acos(Math.cos(90.833 * rad) / (Math.cos(lat * rad) * Math.cos(decl)) - Math.tan(lat * rad) * Math.tan(decl)) / rad;
  const noon = 720 - 4 * lng - eqTime + tzHours * 60;
  return { sunrise: noon - 4 * ha, sunset: noon + 4 * ha };
}

// 郑州 (二七广场), WGS-84.
const ZHENGZHOU = { lng: 113.6654, lat: 34.7536 };
const SUN_DAYS = ['2026-12-02', '2027-06-21'];
const clock = (date: string, minutes: number) => {
  const m = Math.floor(minutes);
  return `${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`;
};

describe.each(['UTC', 'Asia/Shanghai'])('sunrise-sunset with server TZ=%s', (tz) => {
  it('opens within 2 minutes of NOAA\'s sunrise and closes within 2 minutes of its sunset in Zhengzhou', () => {
    const cases: [string, string, { lng: number; lat: number }][] = [];
    const want: boolean[] = [];
    for (const date of SUN_DAYS) {
      const { sunrise, sunset } = noaaSunriseSunset(date, ZHENGZHOU.lat, ZHENGZHOU.lng, 8);
      for (const [minutes, open] of [[sunrise - 2, false], [sunrise + 2, true], [sunset - 2, true], [sunset + 2, false]] as const) {
        cases.push(['sunrise-sunset', clock(date, minutes), ZHENGZHOU]);
        want.push(open);
      }
      // An offset from a variable time, and the bare one.
      cases.push(['(sunrise+01:00)-(sunset-01:00)', clock(date, sunrise + 58), ZHENGZHOU]);
      want.push(false);
      cases.push(['(sunrise+01:00)-(sunset-01:00)', clock(date, sunrise + 62), ZHENGZHOU]);
      want.push(true);
    }
    const script = `const { isOpenAt } = require(${JSON.stringify(DIST)});
      const cases = JSON.parse(process.argv[1]);
      console.log(JSON.stringify(cases.map(([h, at, place]) => isOpenAt(h, 'Asia/Shanghai', new Date(at), place))));`;
    const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    expect((JSON.parse(out) as boolean[]).map((r, i) => [cases[i][0], cases[i][1], r])).toEqual(cases.map(([h, at], i) => [h, at, want[i]]));
  });
});

describe('NOAA reference', () => {
  it('gives Zhengzhou the sunrise and sunset an almanac does (about 07:14–17:13 on 2 Dec, 05:12–19:41 on 21 Jun)', () => {
    const dec = noaaSunriseSunset('2026-12-02', ZHENGZHOU.lat, ZHENGZHOU.lng, 8);
    const jun = noaaSunriseSunset('2027-06-21', ZHENGZHOU.lat, ZHENGZHOU.lng, 8);
    expect(Math.abs(dec.sunrise - (7 * 60 + 14))).toBeLessThan(4);
    expect(Math.abs(dec.sunset - (17 * 60 + 13))).toBeLessThan(4);
    expect(Math.abs(jun.sunrise - (5 * 60 + 12))).toBeLessThan(4);
    expect(Math.abs(jun.sunset - (19 * 60 + 41))).toBeLessThan(4);
  });
});
