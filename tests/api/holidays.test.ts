import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statutoryHolidays } from '../../api/src/holidays/holiday-calendar';
import { refreshCalendar } from '../../api/src/holidays/holiday.service';
import { startTestServer, type TestServer } from '../helpers/server';

let s: TestServer;
let stationId: string;
const HOURS = 'Mo-Fr 09:00-17:00; PH off';

beforeAll(async () => {
  s = await startTestServer({ seed: false });
  const r: any = await s.graphql(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, {
    i: { kind: 'LOVE_STATION', name: '节假日测试驿站', location: { lng: 113.65, lat: 34.76, crs: 'WGS84' }, openingHours: HOURS },
  });
  expect(r.errors).toBeUndefined();
  stationId = r.data.createStation.id;
});
afterAll(() => s?.stop());

const CALENDAR = `query($y: Int!) { holidayCalendar(year: $y) { year coverage notice days { date kind name source } } }`;
const calendar = async (year: number) => {
  const r: any = await s.graphql(CALENDAR, { y: year }, 'anonymous');
  expect(r.errors).toBeUndefined();
  return r.data.holidayCalendar as { year: number; coverage: string; notice: string | null; days: { date: string; kind: string; name: string; source: string }[] };
};
/** `Station.isOpen` at 10:00 Beijing time on `date`, through the API. */
const openAt10 = async (date: string) => {
  const r: any = await s.graphql(`query($id: ID!, $at: DateTime) { station(id: $id) { isOpen(at: $at) } }`, { id: stationId, at: `${date}T10:00:00+08:00` }, 'anonymous');
  expect(r.errors).toBeUndefined();
  return r.data.station.isOpen as boolean | null;
};
/** Whether nearbyStations with `openAt` 10:00 on `date` finds the station. */
const foundOpenNearby = async (date: string) => {
  const r: any = await s.graphql(
    `query($at: DateTime) { nearbyStations(near: { lng: 113.65, lat: 34.76 }, radiusMeters: 1000, openAt: $at) { totalCount edges { node { id } } } }`,
    { at: `${date}T10:00:00+08:00` },
    'anonymous',
  );
  expect(r.errors).toBeUndefined();
  const ids = r.data.nearbyStations.edges.map((e: any) => e.node.id);
  expect(r.data.nearbyStations.totalCount).toBe(ids.length);
  return ids.includes(stationId);
};

describe('statutory holidays computed from the law (2024 revision) and the lunar calendar', () => {
  it('gives 2027 its 13 rest days: 元旦, 除夕 to 初三, 清明, 劳动节 ×2, 端午, 中秋, 国庆 ×3', () => {
    expect(statutoryHolidays(2027).map((d) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it('puts 除夕 on 腊月廿九 when 腊月 has 29 days (2025-01-28) and 清明 on the solar term', () => {
    const y2025 = statutoryHolidays(2025).filter((d) => d.name === '春节').map((d) => d.date);
    expect(y2025).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(statutoryHolidays(2025).find((d) => d.name === '清明节')?.date).toBe('2025-04-04');
    expect(statutoryHolidays(2026).find((d) => d.name === '清明节')?.date).toBe('2026-04-05');
  });
});

describe('holidayCalendar and isOpen', () => {
  it('2026 is OFFICIAL from chinese-days and answers as before: 2026-10-10 (make-up workday) open, holidays closed', async () => {
    const y = await calendar(2026);
    expect(y.coverage).toBe('OFFICIAL');
    expect(y.days).toContainEqual({ date: '2026-10-10', kind: 'WORKDAY', name: '国庆节', source: 'chinese-days' });
    expect(y.days).toContainEqual({ date: '2026-02-17', kind: 'HOLIDAY', name: '春节', source: 'chinese-days' });
    expect(y.days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(await openAt10('2026-10-10')).toBe(true); // Saturday, 调休
    expect(await openAt10('2026-10-17')).toBe(false); // an ordinary Saturday
    expect(await openAt10('2026-10-07')).toBe(false); // Wednesday inside the 国庆 block
    expect(await openAt10('2026-10-08')).toBe(true); // Thursday after it
    expect(await openAt10('2026-02-17')).toBe(false);
    expect(await openAt10('2026-02-14')).toBe(true);
    expect(await openAt10('2026-03-09')).toBe(true);
    expect(await foundOpenNearby('2026-10-10')).toBe(true);
    expect(await foundOpenNearby('2026-10-07')).toBe(false);
  });

  it('2027 without a notice is STATUTORY_ONLY: 2027-02-05 to 02-08 closed, 2027-03-08 (妇女节) and 06-01 open', async () => {
    const y = await calendar(2027);
    expect(y.coverage).toBe('STATUTORY_ONLY');
    expect(y.notice).toBeNull();
    expect(y.days.map((d) => d.date)).toEqual(statutoryHolidays(2027).map((d) => d.date));
    expect(y.days.every((d) => d.kind === 'HOLIDAY' && d.source === 'statutory')).toBe(true);
    for (const date of ['2027-02-05', '2027-02-08']) expect(await openAt10(date)).toBe(false); // Friday, Monday
    expect(await openAt10('2027-02-09')).toBe(true);
    expect(await openAt10('2027-03-08')).toBe(true);
    expect(await openAt10('2027-05-04')).toBe(true);
    expect(await openAt10('2027-06-01')).toBe(true);
    expect(await openAt10('2027-06-09')).toBe(false); // 端午, a Wednesday
    expect(await foundOpenNearby('2027-02-05')).toBe(false);
    expect(await foundOpenNearby('2027-03-08')).toBe(true);
  });

  it('refuses years outside 2004–2100 naming the argument', async () => {
    const r = await s.post({ query: CALENDAR, variables: { y: 1999 } }, 'anonymous');
    expect(r.status).toBe(200);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

const SET = `mutation($i: HolidayNoticeInput!) { setHolidayNotice(input: $i) { year coverage notice days { date kind name source } } }`;
const range = (from: string, to: string, name: string) => {
  const out: { date: string; kind: string; name: string }[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'HOLIDAY', name });
  return out;
};
/** A plausible 2027 notice: 春节 Feb 5–12 with Saturday Feb 20 worked, the other statutory days as rest days. */
const NOTICE_2027 = [
  ...range('2027-01-01', '2027-01-03', '元旦'),
  ...range('2027-02-05', '2027-02-12', '春节'),
  { date: '2027-02-20', kind: 'WORKDAY', name: '春节' },
  ...range('2027-04-03', '2027-04-05', '清明节'),
  ...range('2027-05-01', '2027-05-05', '劳动节'),
  ...range('2027-06-09', '2027-06-09', '端午节'),
  ...range('2027-09-15', '2027-09-15', '中秋节'),
  ...range('2027-10-01', '2027-10-07', '国庆节'),
];

describe('an administrator enters the notice', () => {
  it('refuses anonymous callers and bad notices naming the field, writing nothing', async () => {
    const anon = await s.post({ query: SET, variables: { i: { year: 2027, days: NOTICE_2027 } } }, 'anonymous');
    // GraphQL-over-HTTP answers an unauthenticated operation 200 today; a 401 is as correct.
    expect([200, 401]).toContain(anon.status);
    expect(anon.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // Each with its own reason and args (translated by the admin), not a generic one with English text.
    const bad = async (days: unknown[], field: string, pattern: RegExp, reason: string, args: Record<string, unknown>) => {
      const r = await s.post({ query: SET, variables: { i: { year: 2027, days } } });
      expect(r.status).toBe(200);
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(r.body.errors[0].message).toMatch(pattern);
      expect(r.body.errors[0].extensions, field).toMatchObject({ reason, args });
    };
    await bad([...NOTICE_2027, { date: '2028-01-01', kind: 'HOLIDAY', name: '元旦' }], `input.days.${NOTICE_2027.length}.date`, /not in 2027/, 'HOLIDAY_DATE_OTHER_YEAR', { date: '2028-01-01', year: 2027 });
    await bad([...NOTICE_2027, { date: '2027-02-05', kind: 'HOLIDAY', name: '春节' }], `input.days.${NOTICE_2027.length}.date`, /twice/, 'HOLIDAY_DATE_TWICE', { date: '2027-02-05' });
    await bad([...NOTICE_2027, { date: '2027-02-30', kind: 'HOLIDAY', name: '春节' }], `input.days.${NOTICE_2027.length}.date`, /not a date/, 'NOT_A_DATE', { value: '2027-02-30' });
    await bad([...NOTICE_2027, { date: '2027-02-17', kind: 'WORKDAY', name: '春节' }], `input.days.${NOTICE_2027.length}.kind`, /weekday/, 'HOLIDAY_WORKDAY_WEEKDAY', { date: '2027-02-17' });
    await bad(NOTICE_2027.filter((d) => d.date !== '2027-02-05'), 'input.days', /2027-02-05 \(春节\)/, 'HOLIDAY_STATUTORY_MISSING', { dates: ['2027-02-05'] });
    expect((await calendar(2027)).coverage).toBe('STATUTORY_ONLY');
    expect(await openAt10('2027-02-20')).toBe(false);
  });

  it('stores the notice: its make-up workday is open, its bridge days closed, audit-logged', async () => {
    expect(await openAt10('2027-02-20')).toBe(false); // a Saturday, before the notice
    expect(await openAt10('2027-02-10')).toBe(true); // a Wednesday, before the notice
    const r: any = await s.graphql(SET, { i: { year: 2027, notice: '国办发明电〔2026〕测试号', days: NOTICE_2027 } });
    expect(r.errors).toBeUndefined();
    expect(r.data.setHolidayNotice).toMatchObject({ year: 2027, coverage: 'OFFICIAL', notice: '国办发明电〔2026〕测试号' });
    expect(r.data.setHolidayNotice.days).toHaveLength(NOTICE_2027.length);
    expect((await calendar(2027)).days).toContainEqual({ date: '2027-02-20', kind: 'WORKDAY', name: '春节', source: 'notice' });
    expect(await openAt10('2027-02-20')).toBe(true);
    expect(await openAt10('2027-02-10')).toBe(false);
    expect(await foundOpenNearby('2027-02-20')).toBe(true);
    const audit: any = await s.graphql(`{ auditEvents(filter: { entityType: "HolidayYear", entityId: "2027" }) { nodes { operation action actorLabel changes { field after } } } }`);
    expect(audit.errors).toBeUndefined();
    expect(audit.data.auditEvents.nodes[0]).toMatchObject({ operation: 'setHolidayNotice', action: 'CREATE', actorLabel: 'admin' });
    expect(audit.data.auditEvents.nodes[0].changes).toContainEqual({ field: 'days', after: { holidays: NOTICE_2027.length - 1, workdays: 1 } });
  });

  it('imports a notice from CSV (dry run writes nothing) and reports a bad line', async () => {
    const csv = ['date,kind,name', ...statutoryHolidays(2028).map((d) => `${d.date},休,${d.name}`), '2028-01-29,班,春节'].join('\n');
    const IMPORT = `mutation($t: String!, $d: Boolean) { importHolidayNotice(year: 2028, text: $t, format: CSV, dryRun: $d) { coverage days { date kind } } }`;
    const dry: any = await s.graphql(IMPORT, { t: csv, d: true });
    expect(dry.errors, JSON.stringify(dry.errors)).toBeUndefined();
    expect(dry.data.importHolidayNotice.days).toContainEqual({ date: '2028-01-29', kind: 'WORKDAY' });
    expect((await calendar(2028)).coverage).toBe('STATUTORY_ONLY');
    const bad = await s.post({ query: IMPORT, variables: { t: `${csv}\n2028-03-01,maybe,x` } });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(bad.body.errors[0].message).toMatch(/line 15/); // header + 12 statutory days (中秋 is 10-03) + 1 workday
    expect(bad.body.errors[0].extensions).toMatchObject({ reason: 'HOLIDAY_KIND_UNKNOWN', args: { value: 'maybe', line: 15 } });
    const dup = await s.post({ query: IMPORT, variables: { t: `${csv}\n2028-01-01,休,元旦` } });
    expect(dup.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(dup.body.errors[0].message).toMatch(/data row 14: 2028-01-01 appears twice/);
    expect(dup.body.errors[0].extensions).toMatchObject({ reason: 'HOLIDAY_DATE_TWICE', args: { date: '2028-01-01', row: 14 } });
    const short = await s.post({ query: IMPORT, variables: { t: `${csv}\n2028-03-01,休` } });
    expect(short.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'text', reason: 'HOLIDAY_ROW_COLUMNS', args: { line: 15 } });
    const JSON_IMPORT = `mutation($t: String!) { importHolidayNotice(year: 2028, text: $t, format: JSON, dryRun: true) { coverage } }`;
    const json = async (t: string) => (await s.post({ query: JSON_IMPORT, variables: { t } })).body.errors?.[0]?.extensions;
    expect(await json('[{"date": "2028-01-01"')).toEqual({ code: 'BAD_USER_INPUT', field: 'text', reason: 'HOLIDAY_NOTICE_NOT_JSON', args: {} });
    expect(await json('{"days": []}')).toEqual({ code: 'BAD_USER_INPUT', field: 'text', reason: 'HOLIDAY_NOTICE_NOT_LIST', args: {} });
    expect(await json('[{"date": "2028-01-01", "kind": "HOLIDAY"}]')).toEqual({ code: 'BAD_USER_INPUT', field: 'text', reason: 'HOLIDAY_ITEM_FIELDS', args: { item: 0 } });
    const days = statutoryHolidays(2028).map((d) => ({ date: d.date, kind: 'HOLIDAY', name: d.name }));
    expect(await json(JSON.stringify([...days, { date: '2029-01-01', kind: 'HOLIDAY', name: '元旦' }]))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'text',
      reason: 'HOLIDAY_DATE_OTHER_YEAR',
      args: { date: '2029-01-01', year: 2028, item: days.length },
    });
    const real: any = await s.graphql(IMPORT, { t: csv, d: false });
    expect(real.errors, JSON.stringify(real.errors)).toBeUndefined();
    expect(real.data.importHolidayNotice.coverage).toBe('OFFICIAL');
    expect((await calendar(2028)).days).toContainEqual({ date: '2028-01-29', kind: 'WORKDAY', name: '春节', source: 'notice' });
  });

  it('another replica sees a change committed elsewhere after its next version check', async () => {
    const em = s.app.orm.em.fork() as any;
    await em.execute(`update holiday_day set kind = 'HOLIDAY', name = '测试' where date = '2027-02-20'`);
    await em.execute(`update holiday_year set version = version + 1 where year = 2027`);
    expect(await openAt10('2027-02-20')).toBe(true); // this process has not looked yet
    await refreshCalendar(em);
    expect(await openAt10('2027-02-20')).toBe(false);
  });
});

describe('sunrise-sunset at the station\'s own position', () => {
  it('opens a Zhengzhou station at 08:30 Beijing time on 2 December while one in Ürümqi (sunrise after 09:30) is still closed', async () => {
    const create = async (name: string, lng: number, lat: number) => {
      const r: any = await s.graphql(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, {
        i: { kind: 'LOVE_STATION', name, location: { lng, lat, crs: 'WGS84' }, openingHours: 'sunrise-sunset' },
      });
      expect(r.errors).toBeUndefined();
      return r.data.createStation.id as string;
    };
    const zhengzhou = await create('日出日落测试驿站（郑州）', 113.6654, 34.7536);
    const urumqi = await create('日出日落测试驿站（乌鲁木齐）', 87.6168, 43.8256);
    const isOpen = async (id: string, at: string) => {
      const r: any = await s.graphql(`query($id: ID!, $at: DateTime) { station(id: $id) { isOpen(at: $at) } }`, { id, at }, 'anonymous');
      expect(r.errors).toBeUndefined();
      return r.data.station.isOpen;
    };
    expect(await isOpen(zhengzhou, '2026-12-02T08:30:00+08:00')).toBe(true);
    expect(await isOpen(urumqi, '2026-12-02T08:30:00+08:00')).toBe(false);
    expect(await isOpen(urumqi, '2026-12-02T10:00:00+08:00')).toBe(true);
    // 18:30 Beijing time: dark in Zhengzhou (sunset about 17:14), daylight in Ürümqi (about 19:05).
    expect(await isOpen(zhengzhou, '2026-12-02T18:30:00+08:00')).toBe(false);
    expect(await isOpen(urumqi, '2026-12-02T18:30:00+08:00')).toBe(true);
    const nearby: any = await s.graphql(
      `{ nearbyStations(near: { lng: 87.6168, lat: 43.8256 }, radiusMeters: 1000, openAt: "2026-12-02T08:30:00+08:00") { totalCount } }`,
      {},
      'anonymous',
    );
    expect(nearby.data.nearbyStations.totalCount).toBe(0);
  });
});
