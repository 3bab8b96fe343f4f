import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type As, type TestServer } from '../helpers/server';

/**
 * Issue 13 §3 "Lists": the scheduling lists (volunteerTeams, volunteers, campaigns, shifts, shiftAssignments) take
 * `filter` and `orderBy` like `stations`, accept `ids` (at most 1000) so the admin's getMany is one request, and
 * apply the access policy: what is outside the caller's scope never comes back, whether asked for by id or not.
 */
let s: TestServer;
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse('2027-08-01T00:00:00Z');

interface World {
  org: string;
  station: string;
  otherStation: string;
  teams: string[];
  volunteers: string[];
  campaigns: string[];
  shifts: string[];
  assignments: string[];
}
const home = {} as World;
const foreign = {} as World;
let coordinator: As;
let operator: As;

async function data<T = any>(query: string, variables?: Record<string, unknown>, as: As = 'admin'): Promise<T> {
  const r = await s.graphql(query, variables, as);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

async function world(name: string): Promise<World> {
  const org = (await data(`mutation($n: String!) { createOrganization(input: {kind: UNION, name: $n}) { id } }`, { n: `${name}工会` })).createOrganization.id;
  const station = async (n: string) =>
    (await data(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, { i: { kind: 'LOVE_STATION', name: n, location: { lng: 113.6, lat: 34.7 }, operatorOrganizationId: org } }))
      .createStation.id;
  const w: World = { org, station: await station(`${name}驿站`), otherStation: await station(`${name}二站`), teams: [], volunteers: [], campaigns: [], shifts: [], assignments: [] };
  for (const [n, kind] of [['蓝天救援队', 'RESCUE'], ['劳模服务队', 'MODEL_WORKER'], ['社区队', 'COMMUNITY']] as const) {
    w.teams.push((await data(`mutation($n: String!, $k: VolunteerTeamKind!, $o: ID) { createVolunteerTeam(input: {name: $n, kind: $k, organizationId: $o}) { id } }`, { n: `${name}${n}`, k: kind, o: org })).createVolunteerTeam.id);
  }
  // Two volunteers share a name, so ordering by name needs the id tiebreak.
  const people: [string, number, boolean, string[]][] = [
    ['张三', 0, true, ['FIRST_AID', 'DRIVER']],
    ['李四', 0, false, ['FIRST_AID']],
    ['王五', 1, false, []],
    ['王五', 1, true, ['COOK']],
    ['赵六', 2, false, ['DRIVER']],
  ];
  for (const [n, team, model, skills] of people) {
    w.volunteers.push(
      (await data(`mutation($i: VolunteerInput!) { createVolunteer(input: $i) { id } }`, { i: { name: n, teamIds: [w.teams[team]], isModelWorker: model, skills } })).createVolunteer.id,
    );
  }
  const campaign = async (n: string, kind: string, from: number, to: number, teams: string[], status: string) =>
    (
      await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
        i: { name: n, kind, startsAt: iso(from), endsAt: iso(to), organizationIds: [org], teamIds: teams, stationIds: [w.station, w.otherStation], regionCode: '410821', status },
      })
    ).createCampaign.id;
  w.campaigns.push(await campaign(`${name}三夏护航`, 'HARVEST_SUPPORT', T0, T0 + 30 * 24 * H, [w.teams[0], w.teams[1]], 'ACTIVE'));
  w.campaigns.push(await campaign(`${name}冬送温暖`, 'WINTER_WARMTH', T0 + 120 * 24 * H, T0 + 150 * 24 * H, [w.teams[2]], 'PLANNED'));
  for (let i = 0; i < 4; i++) {
    w.shifts.push(
      (
        await data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, {
          i: { campaignId: w.campaigns[0], stationId: i % 2 ? w.otherStation : w.station, startsAt: iso(T0 + (24 + 12 * i) * H), endsAt: iso(T0 + (32 + 12 * i) * H), maxVolunteers: 5 },
        })
      ).createShift.id,
    );
  }
  for (const [shift, vol] of [[0, 0], [0, 1], [1, 0], [2, 2]]) {
    w.assignments.push((await data(`mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, { s: w.shifts[shift], v: w.volunteers[vol] })).signUpForShift.id);
  }
  await data(`mutation($id: ID!) { cancelShiftAssignment(id: $id) { id } }`, { id: w.assignments[3] });
  return w;
}

beforeAll(async () => {
  // Each call of `page` asks for up to 200 records (about 600 cost points): lift the per-user budget.
  s = await startTestServer({ seed: false, env: { RATE_LIMIT_USER_PER_MINUTE: '100000000' } });
  Object.assign(home, await world('本地'));
  Object.assign(foreign, await world('外地'));
  coordinator = { token: (await s.createUser({ username: 'list-coordinator', role: 'COORDINATOR', organizationIds: [home.org] })).token };
  operator = { token: (await s.createUser({ username: 'list-operator', role: 'OPERATOR', organizationIds: [home.org] })).token };
}, 240_000);

afterAll(async () => s?.stop());

const LISTS = {
  volunteerTeams: 'VolunteerTeam',
  volunteers: 'Volunteer',
  campaigns: 'Campaign',
  shifts: 'Shift',
  shiftAssignments: 'ShiftAssignment',
} as const;
type List = keyof typeof LISTS;

/** One page of `list` as `as`: ids in order and the total. */
async function page(list: List, args: { filter?: unknown; orderBy?: unknown; limit?: number; offset?: number } = {}, as: As = 'admin') {
  const r = await data(
    `query($f: ${LISTS[list]}Filter, $o: ${LISTS[list]}Order, $l: Int!, $off: Int!) { p: ${list}(filter: $f, orderBy: $o, limit: $l, offset: $off) { totalCount nodes { id } } }`,
    { f: args.filter ?? null, o: args.orderBy ?? null, l: args.limit ?? 200, off: args.offset ?? 0 },
    as,
  );
  return { ids: r.p.nodes.map((n: { id: string }) => n.id) as string[], total: r.p.totalCount as number };
}
const sorted = (ids: string[]) => [...ids].sort();

describe('filters', () => {
  it('volunteerTeams: kinds, search, organizationId', async () => {
    expect(sorted((await page('volunteerTeams', { filter: { organizationId: home.org } })).ids)).toEqual(sorted(home.teams));
    expect((await page('volunteerTeams', { filter: { organizationId: home.org, kinds: ['RESCUE', 'COMMUNITY'] } })).ids.sort()).toEqual(sorted([home.teams[0], home.teams[2]]));
    const found = await page('volunteerTeams', { filter: { search: '  劳模服务 ' } });
    expect(sorted(found.ids)).toEqual(sorted([home.teams[1], foreign.teams[1]]));
    expect(found.total).toBe(2);
  });

  it('volunteers: teamIds (any of), isModelWorker, skills (all of), search', async () => {
    expect(sorted((await page('volunteers', { filter: { teamIds: [home.teams[0], home.teams[2]] } })).ids)).toEqual(sorted([home.volunteers[0], home.volunteers[1], home.volunteers[4]]));
    expect(sorted((await page('volunteers', { filter: { teamIds: [home.teams[0], home.teams[1]], isModelWorker: true } })).ids)).toEqual(sorted([home.volunteers[0], home.volunteers[3]]));
    expect((await page('volunteers', { filter: { teamIds: [home.teams[0]], skills: ['FIRST_AID', 'DRIVER'] } })).ids).toEqual([home.volunteers[0]]);
    expect((await page('volunteers', { filter: { teamIds: [home.teams[1]], search: '王' } })).total).toBe(2);
  });

  it('campaigns: statuses, kinds, activeAt, teamId, stationId, regionCodePrefix, search', async () => {
    expect(sorted((await page('campaigns', { filter: { statuses: ['ACTIVE'] } })).ids)).toEqual(sorted([home.campaigns[0], foreign.campaigns[0]]));
    expect(sorted((await page('campaigns', { filter: { kinds: ['WINTER_WARMTH'] } })).ids)).toEqual(sorted([home.campaigns[1], foreign.campaigns[1]]));
    expect((await page('campaigns', { filter: { activeAt: iso(T0 + 125 * 24 * H), teamId: home.teams[2] } })).ids).toEqual([home.campaigns[1]]);
    expect((await page('campaigns', { filter: { activeAt: iso(T0 + 125 * 24 * H), teamId: home.teams[0] } })).ids).toEqual([]);
    expect(sorted((await page('campaigns', { filter: { stationId: foreign.station } })).ids)).toEqual(sorted(foreign.campaigns));
    expect((await page('campaigns', { filter: { regionCodePrefix: '4108' } })).total).toBe(4);
    expect((await page('campaigns', { filter: { regionCodePrefix: '4101' } })).total).toBe(0);
    expect((await page('campaigns', { filter: { search: '本地三夏' } })).ids).toEqual([home.campaigns[0]]);
  });

  it('shifts: campaignId, stationId, from/to overlap', async () => {
    expect((await page('shifts', { filter: { campaignId: home.campaigns[0] } })).ids).toEqual(home.shifts);
    expect((await page('shifts', { filter: { campaignId: home.campaigns[0], stationId: home.otherStation } })).ids).toEqual([home.shifts[1], home.shifts[3]]);
    // Shifts run [24+12i, 32+12i) hours after T0: the window [40 h, 50 h) overlaps shifts 1 (36–44) and 2 (48–56).
    expect((await page('shifts', { filter: { campaignId: home.campaigns[0], from: iso(T0 + 40 * H), to: iso(T0 + 50 * H) } })).ids).toEqual([home.shifts[1], home.shifts[2]]);
    expect((await page('shifts', { filter: { campaignId: home.campaigns[1] } })).total).toBe(0);
  });

  it('shiftAssignments: shiftId, volunteerId, campaignId, statuses', async () => {
    expect((await page('shiftAssignments', { filter: { shiftId: home.shifts[0] } })).ids).toEqual([home.assignments[0], home.assignments[1]]);
    expect((await page('shiftAssignments', { filter: { volunteerId: home.volunteers[0] } })).ids).toEqual([home.assignments[0], home.assignments[2]]);
    expect((await page('shiftAssignments', { filter: { campaignId: home.campaigns[0], statuses: ['CANCELLED'] } })).ids).toEqual([home.assignments[3]]);
    expect((await page('shiftAssignments', { filter: { campaignId: home.campaigns[0], statuses: ['SIGNED_UP'] } })).total).toBe(3);
  });
});

describe('ordering', () => {
  it('sorts by the chosen key with ties broken by id in the same direction, and pages never skip or repeat', async () => {
    const filter = { teamIds: [home.teams[1], foreign.teams[1]] }; // four 王五: every key ties
    for (const direction of ['ASC', 'DESC'] as const) {
      const all = await page('volunteers', { filter, orderBy: { field: 'NAME', direction } });
      expect(all.ids).toHaveLength(4);
      expect(all.ids).toEqual(direction === 'ASC' ? sorted(all.ids) : sorted(all.ids).reverse());
      const oneByOne: string[] = [];
      for (let offset = 0; offset < 4; offset++) oneByOne.push(...(await page('volunteers', { filter, orderBy: { field: 'NAME', direction }, limit: 1, offset })).ids);
      expect(oneByOne).toEqual(all.ids);
    }
  });

  it('orders every list by each of its keys, defaulting as documented', async () => {
    const names = async (orderBy: unknown) =>
      (await data(`query($o: VolunteerOrder, $f: VolunteerFilter) { volunteers(filter: $f, orderBy: $o) { nodes { name } } }`, { o: orderBy, f: { teamIds: home.teams } })).volunteers.nodes.map(
        (n: any) => n.name,
      );
    const byName = await names({ field: 'NAME', direction: 'ASC' });
    expect(byName).toEqual([...byName].sort());
    expect(await names({ field: 'NAME', direction: 'DESC' })).toEqual([...byName].reverse());
    // Campaigns: newest start first by default.
    expect((await page('campaigns', { filter: { ids: home.campaigns } })).ids).toEqual([home.campaigns[1], home.campaigns[0]]);
    expect((await page('campaigns', { filter: { ids: home.campaigns }, orderBy: { field: 'STARTS_AT', direction: 'ASC' } })).ids).toEqual(home.campaigns);
    // Shifts: by start by default; by end descending on request.
    expect((await page('shifts', { filter: { campaignId: home.campaigns[0] }, orderBy: { field: 'ENDS_AT', direction: 'DESC' } })).ids).toEqual([...home.shifts].reverse());
    // Assignments: arrival order by default; by shift start on request.
    expect((await page('shiftAssignments', { filter: { campaignId: home.campaigns[0] }, orderBy: { direction: 'DESC' } })).ids).toEqual([...home.assignments].reverse());
    const byShift = (await page('shiftAssignments', { filter: { campaignId: home.campaigns[0] }, orderBy: { field: 'SHIFT_STARTS_AT', direction: 'ASC' } })).ids;
    expect(byShift).toEqual(sorted([home.assignments[0], home.assignments[1]]).concat(home.assignments[2], home.assignments[3]));
    // Teams by kind (enum name), then id.
    const kinds = (await data(`query($f: VolunteerTeamFilter) { volunteerTeams(filter: $f, orderBy: {field: KIND}) { nodes { kind } } }`, { f: { organizationId: home.org } })).volunteerTeams.nodes;
    expect(kinds.map((k: any) => k.kind)).toEqual(['COMMUNITY', 'MODEL_WORKER', 'RESCUE']);
  });
});

describe('ids', () => {
  it('returns exactly the records asked for, in one request, for every list', async () => {
    const want: Record<List, string[]> = {
      volunteerTeams: [home.teams[2], foreign.teams[0]],
      volunteers: [home.volunteers[4], foreign.volunteers[1], home.volunteers[0]],
      campaigns: [foreign.campaigns[1], home.campaigns[0]],
      shifts: [home.shifts[3], foreign.shifts[0]],
      shiftAssignments: [foreign.assignments[2], home.assignments[1]],
    };
    for (const list of Object.keys(LISTS) as List[]) {
      const got = await page(list, { filter: { ids: [...want[list], randomUUID()] } });
      expect(sorted(got.ids), list).toEqual(sorted(want[list]));
      expect(got.total, list).toBe(want[list].length);
      expect((await page(list, { filter: { ids: [] } })).total, list).toBe(0);
    }
  });

  it('leaves out ids outside the caller\'s scope, exactly like ids that do not exist', async () => {
    const mixed: Record<List, [string, string]> = {
      volunteerTeams: [home.teams[0], foreign.teams[0]],
      volunteers: [home.volunteers[0], foreign.volunteers[0]],
      campaigns: [home.campaigns[0], foreign.campaigns[0]],
      shifts: [home.shifts[0], foreign.shifts[0]],
      shiftAssignments: [home.assignments[0], foreign.assignments[0]],
    };
    for (const list of Object.keys(LISTS) as List[]) {
      const [mine, theirs] = mixed[list];
      const got = await page(list, { filter: { ids: [mine, theirs] } }, coordinator);
      expect(got, list).toEqual({ ids: [mine], total: 1 });
      expect(await page(list, { filter: { ids: [theirs] } }, coordinator), list).toEqual(await page(list, { filter: { ids: [randomUUID()] } }, coordinator));
    }
  });
});

describe('scope per role', () => {
  it('a COORDINATOR lists only their own teams, members, campaigns, shifts and assignments; ADMIN lists all', async () => {
    const own: Record<List, string[]> = {
      volunteerTeams: home.teams,
      volunteers: home.volunteers,
      campaigns: home.campaigns,
      shifts: home.shifts,
      shiftAssignments: home.assignments,
    };
    for (const list of Object.keys(LISTS) as List[]) {
      expect(sorted((await page(list, {}, coordinator)).ids), list).toEqual(sorted(own[list]));
      const all = await page(list);
      for (const id of [...own[list], ...(foreign as any)[list === 'volunteerTeams' ? 'teams' : list === 'shiftAssignments' ? 'assignments' : list]]) expect(all.ids, list).toContain(id);
    }
    // A filter naming a foreign record finds nothing for the coordinator.
    expect((await page('shifts', { filter: { campaignId: foreign.campaigns[0] } }, coordinator)).total).toBe(0);
    expect((await page('volunteers', { filter: { teamIds: [foreign.teams[0]] } }, coordinator)).total).toBe(0);
    expect((await page('shiftAssignments', { filter: { volunteerId: foreign.volunteers[0] } }, coordinator)).total).toBe(0);
  });

  it('an OPERATOR reads every campaign (read only) but no teams, volunteers, shifts or assignments', async () => {
    const campaigns = await page('campaigns', { filter: { ids: [home.campaigns[0], foreign.campaigns[0]] } }, operator);
    expect(campaigns.total).toBe(2);
    for (const list of ['volunteerTeams', 'volunteers', 'shifts', 'shiftAssignments'] as const) {
      const r = await s.post({ query: `{ ${list}(filter: {ids: ["${home[list === 'volunteerTeams' ? 'teams' : list === 'shiftAssignments' ? 'assignments' : list][0]}"]}) { totalCount } }` }, operator);
      expect(r.status, list).toBe(200);
      expect(r.body.errors?.[0]?.extensions?.code, list).toBe('FORBIDDEN');
      expect(r.body.data, list).toBeNull();
    }
  });

  it('anonymous callers are refused', async () => {
    const r = await s.post({ query: `{ campaigns { totalCount } }` }, 'anonymous');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('bad filter values', () => {
  const cases: { list: List; filter: unknown; field: string }[] = [
    { list: 'volunteerTeams', filter: { ids: [randomUUID(), 'not-a-uuid'] }, field: 'filter.ids[1]' },
    { list: 'volunteers', filter: { ids: Array.from({ length: 1001 }, () => randomUUID()) }, field: 'filter.ids' },
    { list: 'volunteers', filter: { teamIds: ['x'] }, field: 'filter.teamIds[0]' },
    { list: 'volunteers', filter: { search: '王'.repeat(101) }, field: 'filter.search' },
    { list: 'volunteerTeams', filter: { organizationId: '42' }, field: 'filter.organizationId' },
    { list: 'campaigns', filter: { regionCodePrefix: '41a' }, field: 'filter.regionCodePrefix' },
    { list: 'campaigns', filter: { teamId: 'team' }, field: 'filter.teamId' },
    { list: 'shifts', filter: { from: iso(T0 + 2 * H), to: iso(T0) }, field: 'filter.from' },
    { list: 'shifts', filter: { stationId: '' }, field: 'filter.stationId' },
    { list: 'shiftAssignments', filter: { shiftId: 'abc' }, field: 'filter.shiftId' },
  ];
  it.each(cases)('$list $field: BAD_USER_INPUT naming the field, HTTP 200 with no data', async ({ list, filter, field }) => {
    const r = await s.post({ query: `query($f: ${LISTS[list]}Filter) { ${list}(filter: $f) { totalCount } }`, variables: { f: filter } });
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.body.data).toBeNull();
  });

  it('a value of the wrong type or enum is BAD_USER_INPUT at HTTP 400, naming the variable path', async () => {
    const r = await s.post({ query: `query($f: ShiftAssignmentFilter) { shiftAssignments(filter: $f) { totalCount } }`, variables: { f: { statuses: ['SIGNED'] } } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0]?.extensions?.field).toMatch(/^f\.statuses/);
    const o = await s.post({ query: `query($o: CampaignOrder) { campaigns(orderBy: $o) { totalCount } }`, variables: { o: { field: 'SEQ' } } });
    expect(o.status).toBe(400);
    expect(o.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'o.field' });
  });
});
