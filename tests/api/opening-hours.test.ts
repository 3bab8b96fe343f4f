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
  });

  it('returns null for stations without hours or with unknown hours', () => {
    expect(isOpenAt(null, 'Asia/Shanghai', new Date())).toBeNull();
    expect(isOpenAt('Mo-Fr unknown "工作日开放"; PH off', 'Asia/Shanghai', new Date('2026-02-10T10:00:00+08:00'))).toBeNull();
  });

  it.each(['Mo-Fr 25:00-26:00', 'sometimes', 'Mo-Xx 08:00-09:00'])('rejects malformed %s naming the field', (v) => {
    expect(() => parseOpeningHours(v, 'input.openingHours')).toThrowError(/^input\.openingHours: /);
  });
});
