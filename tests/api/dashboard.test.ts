import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type As, type TestServer } from '../helpers/server';

/**
 * The dashboard query (issue 15 §1) per role against the real database: every count equals what that role's own
 * lists total, people served and volunteer hours only where the role may see them, current campaigns with fill
 * rate and understaffed night shifts as campaignFillRate reports them, and refusals of bad months and callers.
 */
let s: TestServer;
const who: Record<'admin' | 'operator' | 'coordinator', As> = { admin: 'admin' } as never;
let month = '';
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function data<T = any>(query: string, variables?: Record<string, unknown>, as?: As): Promise<T> {
  const r = await s.graphql(query, variables, as);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

const DASHBOARD = `query($m: String) { dashboard(month: $m) {
  month year stationCount stationsByKindStatus { kind status count } stationsNeedingReview reviewSample { id name }
  plannedStations countyCounts { regionCode name lng lat count } titlesByLevel { level count }
  peopleServedMonth peopleServedYear peopleServedByRegion { regionCode name month year }
  campaigns { campaign { id name } shifts filled capacity fillRate understaffedShifts understaffedNightShifts }
  volunteerHoursMonth volunteerHoursYear } }`;

const total = async (as: As, filter: Record<string, unknown> = {}) => (await data(`query($f: StationFilter) { stations(filter: $f, limit: 1) { totalCount } }`, { f: filter }, as)).stations.totalCount as number;
const station = async (search: string) => (await data(`query($q: String!) { stations(filter: {search: $q}, limit: 1) { nodes { id regionCode } } }`, { q: search })).stations.nodes[0] as { id: string; regionCode: string };
const log = (st: string, day: string, n: number) => data(`mutation($st: ID!, $d: String!, $n: Int!) { recordServiceLog(stationId: $st, day: $d, peopleServed: $n) { id } }`, { st, d: day, n });

let mine = '';
beforeAll(async () => {
  s = await startTestServer({ seed: true, env: { RATE_LIMIT_USER_PER_MINUTE: '10000000' } });
  const orgs = (await data(`{ organizations(limit: 200) { nodes { id name } } }`)).organizations.nodes;
  const gongyi = orgs.find((o: any) => o.name === '巩义市总工会').id;
  const xiuwu = orgs.find((o: any) => o.name === '修武县总工会').id;
  who.operator = { token: (await s.createUser({ username: 'dash-operator', role: 'OPERATOR', organizationIds: [gongyi] })).token };
  who.coordinator = { token: (await s.createUser({ username: 'dash-coordinator', role: 'COORDINATOR', organizationIds: [xiuwu] })).token };

  // A campaign of 修武县 with a day shift about to start (completed, 2.5 hours approved) and an empty night shift.
  const start = Date.now() + 10 * 60_000;
  month = DateTime.fromMillis(start, { zone: 'Asia/Shanghai' }).toFormat('yyyy-MM');
  const c = await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
    i: { name: '看板测试活动', kind: 'SUMMER_COOLING', startsAt: iso(Date.now() - 24 * H), endsAt: iso(Date.now() + 10 * 24 * H), organizationIds: [xiuwu] },
  });
  mine = c.createCampaign.id;
  const p = await data(`mutation($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, { i: { campaignId: mine, name: '看板测试点', location: { lng: 113.45, lat: 35.22 } } });
  const shift = async (startsAt: string, endsAt: string) =>
    (await data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, { i: { campaignId: mine, stationId: p.addServicePoint.id, startsAt, endsAt, maxVolunteers: 2, minVolunteers: 1 } })).createShift.id;
  const day = await shift(iso(start), iso(start + H));
  const tomorrow = DateTime.now().setZone('Asia/Shanghai').plus({ days: 1 }).startOf('day');
  await shift(tomorrow.set({ hour: 20 }).toISO()!, tomorrow.plus({ days: 1 }).set({ hour: 8 }).toISO()!);
  const team = (await data(`mutation($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`, { i: { name: '看板测试队', kind: 'COMMUNITY', organizationId: xiuwu } })).createVolunteerTeam.id;
  const v = (await data(`mutation($i: VolunteerInput!) { createVolunteer(input: $i) { id } }`, { i: { name: '看板志愿者', teamIds: [team] } })).createVolunteer.id;
  const a = (await data(`mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, { s: day, v })).signUpForShift.id;
  await data(`mutation($a: ID!) { checkIn(assignmentId: $a) { id } }`, { a });
  await data(`mutation($a: ID!, $at: DateTime) { checkOut(assignmentId: $a, at: $at) { id } }`, { a, at: iso(Date.now() + 30_000) });
  await data(`mutation($a: ID!) { approveHours(id: $a, hours: 2.5) { id } }`, { a });

  // People served this month: 10 in 巩义 (the operator's), 5 elsewhere in Zhengzhou, 20 at a 三夏 point (the coordinator's).
  const first = `${month}-01`;
  const lastYear = `${Number(month.slice(0, 4)) - 1}-12-31`;
  const gy = (await data(`query($o: ID!) { stations(filter: {operatorOrganizationId: $o}, limit: 1) { nodes { id } } }`, { o: gongyi })).stations.nodes[0].id;
  await log(gy, first, 10);
  await log(gy, lastYear, 100);
  await log((await station('张仲景')).id, first, 5);
  const sanxia = (await data(`{ campaigns(limit: 10) { nodes { name stations { id } } } }`)).campaigns.nodes.find((x: any) => x.name.includes('三夏'));
  await log(sanxia.stations[0].id, first, 20);
}, 300_000);
afterAll(async () => s?.stop());

describe('dashboard per role', () => {
  it('counts what each role lists: totals, every kind × status, needs-review and counties', async () => {
    for (const role of ['admin', 'operator', 'coordinator'] as const) {
      const d = (await data(DASHBOARD, { m: month }, who[role])).dashboard;
      const listed = await total(who[role]);
      expect(d.stationCount, role).toBe(listed);
      expect(d.stationCount, role).toBeGreaterThan(0);
      expect(d.stationsByKindStatus.reduce((n: number, r: any) => n + r.count, 0), role).toBe(listed);
      for (const r of d.stationsByKindStatus) expect(r.count, `${role} ${r.kind} ${r.status}`).toBe(await total(who[role], { kinds: [r.kind], statuses: [r.status] }));
      expect(d.countyCounts.reduce((n: number, r: any) => n + r.count, 0), role).toBe(listed);
      for (const c of d.countyCounts.slice(0, 3)) expect(c.count, `${role} ${c.regionCode}`).toBe(await total(who[role], { regionCodePrefix: c.regionCode }));
      expect(d.stationsNeedingReview, role).toBe(await total(who[role], { needsReview: true }));
      expect(d.reviewSample.length, role).toBe(Math.min(5, d.stationsNeedingReview));
      expect(d.plannedStations, role).toBe(await total(who[role], { statuses: ['PLANNED'] }));
    }
    const admin = (await data(DASHBOARD, { m: month })).dashboard;
    const operator = (await data(DASHBOARD, { m: month }, who.operator)).dashboard;
    expect(operator.stationCount).toBeLessThan(admin.stationCount);
    expect(operator.countyCounts.map((c: any) => c.regionCode)).toEqual(['410181']);
    expect(operator.countyCounts[0]).toMatchObject({ name: '巩义市' });
    expect(operator.countyCounts[0].lng).toBeCloseTo(113.02, 1);
  });

  it('people served this month and year by region, only where the role may record them', async () => {
    const admin = (await data(DASHBOARD, { m: month })).dashboard;
    expect([admin.peopleServedMonth, admin.peopleServedYear]).toEqual([35, 35]);
    expect(admin.peopleServedByRegion.find((r: any) => r.regionCode === '410181')).toEqual({ regionCode: '410181', name: '巩义市', month: 10, year: 10 });
    expect(admin.peopleServedByRegion.reduce((n: number, r: any) => n + r.month, 0)).toBe(35);
    const operator = (await data(DASHBOARD, { m: month }, who.operator)).dashboard;
    expect([operator.peopleServedMonth, operator.peopleServedYear]).toEqual([10, 10]);
    expect(operator.peopleServedByRegion.map((r: any) => r.regionCode)).toEqual(['410181']);
    const coordinator = (await data(DASHBOARD, { m: month }, who.coordinator)).dashboard;
    expect([coordinator.peopleServedMonth, coordinator.peopleServedYear]).toEqual([20, 20]);
    // The previous December counts in its own year only.
    const dec = `${Number(month.slice(0, 4)) - 1}-12`;
    expect((await data(DASHBOARD, { m: dec }, who.operator)).dashboard).toMatchObject({ month: dec, peopleServedMonth: 100, peopleServedYear: 100 });
  });

  it('current campaigns with fill rate and understaffed night shifts as campaignFillRate reports them; volunteer hours in scope', async () => {
    const admin = (await data(DASHBOARD, { m: month })).dashboard;
    const test = admin.campaigns.find((c: any) => c.campaign.id === mine);
    expect(test).toMatchObject({ shifts: 2, filled: 1, capacity: 4, fillRate: 0.25, understaffedShifts: 1, understaffedNightShifts: 1 });
    for (const c of admin.campaigns) {
      const fill = (await data(`query($id: ID!) { campaignFillRate(campaignId: $id) { totalFilled totalCapacity shifts { isNight understaffed shift { endsAt } } } }`, { id: c.campaign.id })).campaignFillRate;
      expect([c.filled, c.capacity], c.campaign.name).toEqual([fill.totalFilled, fill.totalCapacity]);
      const open = fill.shifts.filter((x: any) => x.understaffed && new Date(x.shift.endsAt) > new Date());
      expect(c.understaffedShifts, c.campaign.name).toBe(open.length);
      expect(c.understaffedNightShifts, c.campaign.name).toBe(open.filter((x: any) => x.isNight).length);
    }
    expect(admin.campaigns.find((c: any) => c.campaign.name.includes('三夏')).understaffedNightShifts).toBe(42);
    expect([admin.volunteerHoursMonth, admin.volunteerHoursYear]).toEqual([2.5, 2.5]);
    const coordinator = (await data(DASHBOARD, { m: month }, who.coordinator)).dashboard;
    expect(coordinator.campaigns.map((c: any) => c.campaign.id)).toContain(mine);
    expect(coordinator.volunteerHoursMonth).toBe(2.5);
    // The 巩义 operator's stations serve no campaign: none shown, no hours.
    const operator = (await data(DASHBOARD, { m: month }, who.operator)).dashboard;
    expect(operator.campaigns).toEqual([]);
    expect(operator.volunteerHoursYear).toBe(0);
  });

  it('counts a new PLANNED station and a title at once, for the roles that list it', async () => {
    const before = (await data(DASHBOARD, { m: month })).dashboard;
    const c = await data(`mutation($i: StationCreateInput!) { createStation(input: $i) { id version } }`, { i: { kind: 'COURIER_HOME', name: '看板筹建站', location: { lng: 113.6, lat: 34.7 }, status: 'PLANNED' } });
    await data(`mutation($id: ID!, $v: Int!) { gradeStation(id: $id, version: $v, input: {stars: 5, titles: [{level: CITY, year: 2025, awardingBody: "郑州市总工会"}]}) { id } }`, { id: c.createStation.id, v: c.createStation.version });
    const after = (await data(DASHBOARD, { m: month })).dashboard;
    expect(after.plannedStations).toBe(before.plannedStations + 1);
    expect(after.stationCount).toBe(before.stationCount + 1);
    expect(after.titlesByLevel).toEqual([{ level: 'CITY', count: 1 }]);
    expect((await data(DASHBOARD, { m: month }, who.operator)).dashboard.titlesByLevel).toEqual([]);
  });

  it('never answers counts older than the last committed station change: an update and a deletion show at once', async () => {
    const count = (d: any, kind: string, status: string) => d.stationsByKindStatus.find((r: any) => r.kind === kind && r.status === status)?.count ?? 0;
    const first = (await data(DASHBOARD, { m: month })).dashboard;
    // Asked again with nothing changed: the same answer (from the kept station pass).
    expect((await data(DASHBOARD, { m: month })).dashboard).toEqual(first);
    const c = await data(`mutation($i: StationCreateInput!) { createStation(input: $i) { id version } }`, { i: { kind: 'DRIVERS_HOME', name: '看板变更站', location: { lng: 113.61, lat: 34.71 } } });
    const created = (await data(DASHBOARD, { m: month })).dashboard;
    expect(created.stationCount).toBe(first.stationCount + 1);
    await data(`mutation($id: ID!, $v: Int!) { updateStation(id: $id, version: $v, input: {status: TEMPORARILY_CLOSED}) { id } }`, { id: c.createStation.id, v: c.createStation.version });
    const closed = (await data(DASHBOARD, { m: month })).dashboard;
    expect(count(closed, 'DRIVERS_HOME', 'TEMPORARILY_CLOSED')).toBe(count(created, 'DRIVERS_HOME', 'TEMPORARILY_CLOSED') + 1);
    expect(count(closed, 'DRIVERS_HOME', 'ACTIVE')).toBe(count(created, 'DRIVERS_HOME', 'ACTIVE') - 1);
    await data(`mutation($id: ID!) { deleteStation(id: $id) { id } }`, { id: c.createStation.id });
    const deleted = (await data(DASHBOARD, { m: month })).dashboard;
    expect(deleted.stationCount).toBe(first.stationCount);
    expect(deleted.stationsByKindStatus).toEqual(first.stationsByKindStatus);
  });
});

describe('refusals', () => {
  it('BAD_USER_INPUT on month for anything but YYYY-MM in 2000–2100; UNAUTHENTICATED anonymous; FORBIDDEN for API keys', async () => {
    for (const m of ['2026-13', '2026-1', '1999-12', '2101-01', 'abc', '2026-00', '']) {
      const r = await s.post({ query: DASHBOARD, variables: { m } });
      expect(r.status, m).toBe(200);
      expect(r.body.data, m).toBeNull();
      expect(r.body.errors[0].extensions, m).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    }
    const anon = await s.post({ query: DASHBOARD, variables: {} }, 'anonymous');
    expect(anon.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const key = (await data(`mutation { createApiKey(input: {name: "看板"}) { secret } }`)).createApiKey.secret;
    const k = await s.post({ query: DASHBOARD, variables: {} }, { apiKey: key });
    expect(k.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // The default month is the current one in Asia/Shanghai.
    expect((await data(`{ dashboard { month } }`)).dashboard.month).toBe(DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM'));
  });
});
