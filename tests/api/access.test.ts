import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type As, type TestServer } from '../helpers/server';
import { databaseDigest } from '../helpers/digest';

/**
 * The permission matrix: every query and mutation × every kind of caller (ADMIN, an OPERATOR of the seeded
 * Zhengzhou stations, an OPERATOR of another city, a COORDINATOR, an anonymous caller, an API key), against what
 * the issue "Accounts, roles, API keys and hardening" specifies. A refused mutation must leave the database
 * digest unchanged; an allowed one must have written its audit row.
 */
type Who = 'admin' | 'operatorA' | 'operatorB' | 'coordinator' | 'anonymous' | 'apiKey';
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';
const WHO: Who[] = ['admin', 'operatorA', 'operatorB', 'coordinator', 'anonymous', 'apiKey'];

const PUBLIC: Record<Who, Outcome> = { admin: 'ok', operatorA: 'ok', operatorB: 'ok', coordinator: 'ok', anonymous: 'ok', apiKey: 'ok' };
const STAFF: Record<Who, Outcome> = { admin: 'ok', operatorA: 'ok', operatorB: 'ok', coordinator: 'ok', anonymous: 'UNAUTHENTICATED', apiKey: 'FORBIDDEN' };
const USERS: Record<Who, Outcome> = STAFF;
const ADMIN_ONLY: Record<Who, Outcome> = { admin: 'ok', operatorA: 'FORBIDDEN', operatorB: 'FORBIDDEN', coordinator: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', apiKey: 'FORBIDDEN' };
/** On a Zhengzhou station: its operators may, another city's operator gets NOT_FOUND. */
const ZZ_STATION: Record<Who, Outcome> = { admin: 'ok', operatorA: 'ok', operatorB: 'NOT_FOUND', coordinator: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', apiKey: 'FORBIDDEN' };

interface Op {
  query: string;
  variables?: Record<string, unknown>;
}
interface Case {
  name: string;
  mutation: boolean;
  expect: Record<Who, Outcome>;
  /** Builds the operation for one caller (fresh targets, current versions). */
  prepare(who: Who): Promise<Op>;
}

let s: TestServer;
const as: Record<Who, As> = {} as never;
const ids = { zzOrg: '', kfOrg: '', zzStation: '', kfStation: '', userA: '', campaign: '', point: '', team: '', shift: '' };
/** Scheduling on a campaign organized by 郑州市总工会: its coordinator may, operators may not. */
const COORD: Record<Who, Outcome> = { admin: 'ok', operatorA: 'FORBIDDEN', operatorB: 'FORBIDDEN', coordinator: 'ok', anonymous: 'UNAUTHENTICATED', apiKey: 'FORBIDDEN' };
let volunteerSeq = 0;

async function newVolunteer(): Promise<string> {
  const d = await adminData(`mutation($i: VolunteerInput!) { createVolunteer(input: $i) { id } }`, { i: { name: `矩阵志愿者${volunteerSeq++}`, teamIds: [ids.team], phone: '13800001234' } });
  return d.createVolunteer.id;
}

async function newShift(): Promise<string> {
  const start = Date.now() + (24 + volunteerSeq++) * 3_600_000;
  const d = await adminData(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, {
    i: { campaignId: ids.campaign, stationId: ids.point, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), maxVolunteers: 50 },
  });
  return d.createShift.id;
}

async function adminData<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await s.graphql(query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

async function version(kind: 'station' | 'organization' | 'user', id: string): Promise<number> {
  const d = await adminData(`query($id: ID!) { x: ${kind}(id: $id) { version } }`, { id });
  return d.x.version;
}

async function newStation(orgId: string): Promise<string> {
  const d = await adminData(
    `mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`,
    { i: { kind: 'LOVE_STATION', name: `矩阵测试驿站 ${randomUUID().slice(0, 6)}`, location: { lng: 113.65, lat: 34.76, crs: 'WGS84' }, operatorOrganizationId: orgId } },
  );
  return d.createStation.id;
}

async function newOrganization(): Promise<string> {
  const d = await adminData(`mutation($i: OrganizationCreateInput!) { createOrganization(input: $i) { id } }`, {
    i: { kind: 'UNION', name: `矩阵测试工会 ${randomUUID().slice(0, 6)}`, parentId: ids.kfOrg },
  });
  return d.createOrganization.id;
}

const stationCreate = (orgId: () => string): Case['prepare'] => async () => ({
  query: `mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`,
  variables: { i: { kind: 'LOVE_STATION', name: `新驿站 ${randomUUID().slice(0, 6)}`, location: { lng: 113.66, lat: 34.77, crs: 'WGS84' }, operatorOrganizationId: orgId() } },
});

const CASES: Case[] = [
  // Public queries.
  { name: 'station', mutation: false, expect: PUBLIC, prepare: async () => ({ query: `query($id: ID!) { station(id: $id) { id name amenities } }`, variables: { id: ids.zzStation } }) },
  { name: 'nearbyStations', mutation: false, expect: PUBLIC, prepare: async () => ({ query: `{ nearbyStations(near: {lng: 113.62, lat: 34.75}, radiusMeters: 20000, first: 3) { edges { node { id } } } }` }) },
  { name: 'regions', mutation: false, expect: PUBLIC, prepare: async () => ({ query: `{ regions(limit: 2) { nodes { code name } } }` }) },
  { name: 'region', mutation: false, expect: PUBLIC, prepare: async () => ({ query: `{ region(code: "410102") { name } }` }) },
  { name: 'organization', mutation: false, expect: PUBLIC, prepare: async () => ({ query: `query($id: ID!) { organization(id: $id) { name } }`, variables: { id: ids.zzOrg } }) },
  { name: 'openingHoursCheck', mutation: false, expect: PUBLIC, prepare: async () => ({ query: `{ openingHoursCheck(openingHours: "24/7") { valid } }` }) },
  { name: 'appConfig', mutation: false, expect: PUBLIC, prepare: async () => ({ query: `{ appConfig { __typename } }` }) },
  { name: 'me', mutation: false, expect: PUBLIC, prepare: async () => ({ query: `{ me { username } }` }) },
  // Staff queries.
  { name: 'stations', mutation: false, expect: STAFF, prepare: async () => ({ query: `{ stations(limit: 5) { totalCount nodes { id } } }` }) },
  { name: 'organizations', mutation: false, expect: STAFF, prepare: async () => ({ query: `{ organizations(limit: 5) { totalCount } }` }) },
  // Admin queries.
  { name: 'users', mutation: false, expect: ADMIN_ONLY, prepare: async () => ({ query: `{ users { totalCount nodes { username } } }` }) },
  { name: 'user', mutation: false, expect: ADMIN_ONLY, prepare: async () => ({ query: `query($id: ID!) { user(id: $id) { username } }`, variables: { id: ids.userA } }) },
  { name: 'apiKeys', mutation: false, expect: ADMIN_ONLY, prepare: async () => ({ query: `{ apiKeys { totalCount } }` }) },
  {
    name: 'auditEvents (one Zhengzhou station)',
    mutation: false,
    expect: { ...ZZ_STATION, coordinator: 'FORBIDDEN' },
    prepare: async () => ({ query: `query($id: String!) { auditEvents(filter: {entityType: "Station", entityId: $id}) { totalCount } }`, variables: { id: ids.zzStation } }),
  },
  { name: 'auditEvents (all)', mutation: false, expect: { ...ADMIN_ONLY, operatorA: 'BAD_USER_INPUT', operatorB: 'BAD_USER_INPUT' }, prepare: async () => ({ query: `{ auditEvents { totalCount } }` }) },
  // Station mutations.
  { name: 'createStation (Zhengzhou operator)', mutation: true, expect: { ...ZZ_STATION, operatorB: 'BAD_USER_INPUT' }, prepare: stationCreate(() => ids.zzOrg) },
  {
    name: 'updateStation',
    mutation: true,
    expect: ZZ_STATION,
    prepare: async (who) => ({
      query: `mutation($id: ID!, $v: Int!, $i: StationUpdateInput!) { updateStation(id: $id, version: $v, input: $i) { id } }`,
      variables: { id: ids.zzStation, v: await version('station', ids.zzStation), i: { phone: `0371-${who.length}000000` } },
    }),
  },
  {
    name: 'retireStation',
    mutation: true,
    expect: ZZ_STATION,
    prepare: async () => {
      const id = await newStation(ids.zzOrg);
      return { query: `mutation($id: ID!, $v: Int!) { retireStation(id: $id, version: $v) { status } }`, variables: { id, v: await version('station', id) } };
    },
  },
  {
    name: 'deleteStation',
    mutation: true,
    expect: { ...ADMIN_ONLY },
    prepare: async () => ({ query: `mutation($id: ID!) { deleteStation(id: $id) { id } }`, variables: { id: await newStation(ids.zzOrg) } }),
  },
  // Organization mutations.
  {
    name: 'createOrganization',
    mutation: true,
    expect: ADMIN_ONLY,
    prepare: async () => ({ query: `mutation { createOrganization(input: {kind: UNION, name: "新工会"}) { id } }` }),
  },
  {
    name: 'updateOrganization',
    mutation: true,
    expect: ADMIN_ONLY,
    prepare: async () => {
      const id = await newOrganization();
      return { query: `mutation($id: ID!, $v: Int!) { updateOrganization(id: $id, version: $v, input: {name: "改名工会"}) { id } }`, variables: { id, v: await version('organization', id) } };
    },
  },
  {
    name: 'deleteOrganization',
    mutation: true,
    expect: ADMIN_ONLY,
    prepare: async () => ({ query: `mutation($id: ID!) { deleteOrganization(id: $id) { id } }`, variables: { id: await newOrganization() } }),
  },
  // Accounts and keys.
  {
    name: 'createUser',
    mutation: true,
    expect: ADMIN_ONLY,
    prepare: async () => ({
      query: `mutation($i: UserCreateInput!) { createUser(input: $i) { id } }`,
      variables: { i: { username: `u${randomUUID().slice(0, 8)}`, displayName: '新用户', role: 'OPERATOR', organizationIds: [ids.zzOrg], password: 'a-long-enough-passphrase' } },
    }),
  },
  {
    name: 'updateUser',
    mutation: true,
    expect: ADMIN_ONLY,
    prepare: async () => ({
      query: `mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: {displayName: "改名"}) { id } }`,
      variables: { id: ids.userA, v: await version('user', ids.userA) },
    }),
  },
  {
    name: 'resetUserPassword',
    mutation: true,
    expect: ADMIN_ONLY,
    prepare: async () => {
      const u = await s.createUser({ username: `r${randomUUID().slice(0, 8)}`, role: 'COORDINATOR', organizationIds: [ids.zzOrg] });
      return { query: `mutation($id: ID!) { resetUserPassword(id: $id, password: "another-long-passphrase") { id } }`, variables: { id: u.id } };
    },
  },
  // Scheduling.
  { name: 'volunteerTeams', mutation: false, expect: COORD, prepare: async () => ({ query: `{ volunteerTeams { totalCount } }` }) },
  { name: 'volunteers', mutation: false, expect: COORD, prepare: async () => ({ query: `{ volunteers { totalCount nodes { phone } } }` }) },
  { name: 'campaigns', mutation: false, expect: { ...COORD, operatorA: 'ok', operatorB: 'ok' }, prepare: async () => ({ query: `{ campaigns { totalCount } }` }) },
  { name: 'shifts', mutation: false, expect: COORD, prepare: async () => ({ query: `query($c: ID!) { shifts(filter: {campaignId: $c}) { totalCount } }`, variables: { c: ids.campaign } }) },
  { name: 'campaignFillRate', mutation: false, expect: COORD, prepare: async () => ({ query: `query($c: ID!) { campaignFillRate(campaignId: $c) { totalCapacity } }`, variables: { c: ids.campaign } }) },
  { name: 'shiftAssignments', mutation: false, expect: COORD, prepare: async () => ({ query: `{ shiftAssignments { totalCount } }` }) },
  { name: 'volunteerHours', mutation: false, expect: COORD, prepare: async () => ({ query: `{ volunteerHours { hours } }` }) },
  {
    name: 'createVolunteerTeam',
    mutation: true,
    expect: COORD,
    prepare: async () => ({ query: `mutation($o: ID) { createVolunteerTeam(input: {name: "矩阵队", kind: COMMUNITY, organizationId: $o}) { id } }`, variables: { o: ids.zzOrg } }),
  },
  {
    name: 'createVolunteer',
    mutation: true,
    expect: COORD,
    prepare: async () => ({ query: `mutation($t: [ID!]) { createVolunteer(input: {name: "新志愿者", teamIds: $t}) { id } }`, variables: { t: [ids.team] } }),
  },
  {
    name: 'createCampaign',
    mutation: true,
    expect: COORD,
    prepare: async () => ({
      query: `mutation($o: [ID!]) { createCampaign(input: {name: "矩阵活动", kind: OTHER, startsAt: "2027-01-01T00:00:00Z", endsAt: "2027-01-02T00:00:00Z", organizationIds: $o}) { id } }`,
      variables: { o: [ids.zzOrg] },
    }),
  },
  {
    name: 'addServicePoint',
    mutation: true,
    expect: COORD,
    prepare: async () => ({ query: `mutation($c: ID!) { addServicePoint(input: {campaignId: $c, name: "矩阵服务点", location: {lng: 113.6, lat: 34.7}, amenities: []}) { id } }`, variables: { c: ids.campaign } }),
  },
  {
    name: 'planShifts',
    mutation: true,
    expect: COORD,
    prepare: async () => {
      const day = new Date(Date.now() + (3 + (volunteerSeq++ % 5)) * 86_400_000).toISOString().slice(0, 10);
      return {
        query: `mutation($i: ShiftPatternInput!) { planShifts(input: $i, save: true) { created } }`,
        variables: { i: { campaignId: ids.campaign, fromDate: day, toDate: day, stationIds: [ids.point], slots: [{ start: '08:00', end: '09:00', maxVolunteers: 2, role: `R${volunteerSeq}` }] } },
      };
    },
  },
  {
    name: 'signUpForShift',
    mutation: true,
    expect: COORD,
    prepare: async () => ({ query: `mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { status } }`, variables: { s: await newShift(), v: await newVolunteer() } }),
  },
  {
    name: 'cancelShiftAssignment',
    mutation: true,
    expect: COORD,
    prepare: async () => {
      const a = await adminData(`mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, { s: await newShift(), v: await newVolunteer() });
      return { query: `mutation($id: ID!) { cancelShiftAssignment(id: $id) { status } }`, variables: { id: a.signUpForShift.id } };
    },
  },
  {
    name: 'assignTeamToShifts',
    mutation: true,
    expect: COORD,
    prepare: async () => ({ query: `mutation($t: ID!, $s: [ID!]!) { assignTeamToShifts(teamId: $t, shiftIds: $s) { ok } }`, variables: { t: ids.team, s: [await newShift()] } }),
  },
  {
    name: 'createSupplyItem',
    mutation: true,
    expect: COORD,
    prepare: async () => ({ query: `mutation($c: ID!, $n: String!) { createSupplyItem(campaignId: $c, name: $n, unit: "瓶") { id } }`, variables: { c: ids.campaign, n: `水${volunteerSeq++}` } }),
  },
  {
    name: 'recordServiceLog (a Zhengzhou station)',
    mutation: true,
    expect: { admin: 'ok', operatorA: 'ok', operatorB: 'NOT_FOUND', coordinator: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED', apiKey: 'FORBIDDEN' },
    prepare: async () => ({ query: `mutation($s: ID!, $n: Int!) { recordServiceLog(stationId: $s, day: "2027-01-01", peopleServed: $n) { id } }`, variables: { s: ids.zzStation, n: volunteerSeq++ } }),
  },
  {
    name: 'rotateVolunteerCalendar',
    mutation: true,
    expect: COORD,
    prepare: async () => ({ query: `mutation($v: ID!) { rotateVolunteerCalendar(volunteerId: $v) { path } }`, variables: { v: await newVolunteer() } }),
  },
  { name: 'createApiKey', mutation: true, expect: ADMIN_ONLY, prepare: async () => ({ query: `mutation { createApiKey(input: {name: "测试应用"}) { secret } }` }) },
  {
    name: 'revokeApiKey',
    mutation: true,
    expect: ADMIN_ONLY,
    prepare: async () => {
      const d = await adminData(`mutation { createApiKey(input: {name: "待吊销"}) { apiKey { id } } }`);
      return { query: `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, variables: { id: d.createApiKey.apiKey.id } };
    },
  },
];

beforeAll(async () => {
  s = await startTestServer({ seed: true });
  const orgs = await adminData(`{ organizations(limit: 100, filter: {search: "总工会"}) { nodes { id name } } }`);
  ids.zzOrg = orgs.organizations.nodes.find((o: any) => o.name === '郑州市总工会').id;
  const henan = orgs.organizations.nodes.find((o: any) => o.name === '河南省总工会').id;
  ids.kfOrg = (await adminData(`mutation($p: ID) { createOrganization(input: {kind: FEDERATION, name: "开封市总工会", parentId: $p}) { id } }`, { p: henan })).createOrganization.id;
  // A seeded station run by a district union under 郑州市总工会 (some seeded stations name no operator).
  const seeded = await adminData(`{ stations(limit: 100) { nodes { id operatorOrganization { id } } } }`);
  ids.zzStation = seeded.stations.nodes.find((n: any) => n.operatorOrganization).id;
  ids.kfStation = await newStation(ids.kfOrg);
  const a = await s.createUser({ username: 'op-zhengzhou', role: 'OPERATOR', organizationIds: [ids.zzOrg] });
  const b = await s.createUser({ username: 'op-kaifeng', role: 'OPERATOR', organizationIds: [ids.kfOrg] });
  const c = await s.createUser({ username: 'coord-zhengzhou', role: 'COORDINATOR', organizationIds: [ids.zzOrg] });
  ids.userA = a.id;
  const key = await adminData(`mutation { createApiKey(input: {name: "矩阵测试"}) { secret } }`);
  ids.team = (await adminData(`mutation($o: ID) { createVolunteerTeam(input: {name: "郑州矩阵队", kind: UNION, organizationId: $o}) { id } }`, { o: ids.zzOrg })).createVolunteerTeam.id;
  ids.campaign = (
    await adminData(`mutation($o: [ID!], $a: DateTime!, $b: DateTime!) { createCampaign(input: {name: "郑州夏送清凉", kind: SUMMER_COOLING, startsAt: $a, endsAt: $b, organizationIds: $o}) { id } }`, {
      o: [ids.zzOrg],
      a: new Date(Date.now() - 86_400_000).toISOString(),
      b: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    })
  ).createCampaign.id;
  ids.point = (await adminData(`mutation($c: ID!) { addServicePoint(input: {campaignId: $c, name: "郑州清凉点", location: {lng: 113.62, lat: 34.75}, amenities: [DRINKING_WATER]}) { id } }`, { c: ids.campaign })).addServicePoint.id;
  Object.assign(as, { admin: 'admin', operatorA: { token: a.token }, operatorB: { token: b.token }, coordinator: { token: c.token }, anonymous: 'anonymous', apiKey: { apiKey: key.createApiKey.secret } });
}, 120_000);

afterAll(async () => s?.stop());

describe('permission matrix', () => {
  for (const c of CASES) {
    for (const who of WHO) {
      const expected = c.expect[who];
      it(`${c.name} as ${who}: ${expected}`, async () => {
        const op = await c.prepare(who);
        const before = c.mutation ? await databaseDigest(s) : '';
        const auditBefore = c.mutation ? (await s.app.orm.em.fork().execute(`select count(*)::int as n from audit_event`))[0].n : 0;
        const r = await s.graphql(op.query, op.variables, as[who]);
        if (expected === 'ok') {
          expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
          expect(r.data).toBeTruthy();
          if (c.mutation) {
            const [{ n }] = await s.app.orm.em.fork().execute(`select count(*)::int as n from audit_event`);
            expect(n).toBeGreaterThan(auditBefore);
          }
        } else {
          expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe(expected);
          if (c.mutation) expect(await databaseDigest(s)).toBe(before);
        }
      });
    }
  }
});

describe('ownership', () => {
  it('an operator changing another city\'s station gets NOT_FOUND, nothing is written, and the attempt is logged', async () => {
    const before = await databaseDigest(s);
    const v = await version('station', ids.kfStation);
    const r = await s.graphql(`mutation($id: ID!, $v: Int!) { updateStation(id: $id, version: $v, input: {name: "被篡改"}) { id } }`, { id: ids.kfStation, v }, as.operatorA);
    expect(r.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(r.errors[0].message).toBe(`Station ${ids.kfStation} not found`);
    expect(await databaseDigest(s)).toBe(before);
    const denied = s.logs.find((l) => l.event === 'security.denied' && l.id === ids.kfStation);
    expect(denied).toMatchObject({ reason: 'ownership', entity: 'Station', operation: 'updateStation', actor: { kind: 'USER', label: 'op-zhengzhou' } });
  });

  it('the NOT_FOUND for someone else\'s station is the same as for a station that does not exist', async () => {
    const ghost = randomUUID();
    const r1 = await s.graphql(`mutation($id: ID!) { retireStation(id: $id, version: 1) { id } }`, { id: ghost }, as.operatorB);
    const r2 = await s.graphql(`mutation($id: ID!) { retireStation(id: $id, version: 1) { id } }`, { id: ids.zzStation }, as.operatorB);
    expect(r1.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(r2.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(Object.keys(r2.errors[0].extensions).sort()).toEqual(Object.keys(r1.errors[0].extensions).sort());
  });

  it('an operator cannot move their station to an organization that is not theirs', async () => {
    const id = await newStation(ids.zzOrg);
    const before = await databaseDigest(s);
    const r = await s.graphql(
      `mutation($id: ID!, $v: Int!, $o: ID) { updateStation(id: $id, version: $v, input: {operatorOrganizationId: $o}) { id } }`,
      { id, v: await version('station', id), o: ids.kfOrg },
      as.operatorA,
    );
    expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.operatorOrganizationId' });
    expect(await databaseDigest(s)).toBe(before);
  });

  it('an operator\'s admin list holds exactly the stations they may edit', async () => {
    const a = await s.graphql(`{ stations(limit: 1000) { totalCount nodes { id viewerCanEdit } } }`, {}, as.operatorA);
    const b = await s.graphql(`{ stations(limit: 1000) { totalCount nodes { id viewerCanEdit } } }`, {}, as.operatorB);
    const all = await s.graphql(`{ stations(limit: 1000) { totalCount nodes { id } } }`);
    expect(a.data.stations.nodes.every((n: any) => n.viewerCanEdit)).toBe(true);
    expect(b.data.stations.nodes.every((n: any) => n.viewerCanEdit)).toBe(true);
    expect(b.data.stations.nodes.map((n: any) => n.id)).toContain(ids.kfStation);
    expect(a.data.stations.nodes.map((n: any) => n.id)).not.toContain(ids.kfStation);
    // Exactly the stations run or hosted by 郑州市总工会 or a union below it (counted independently in SQL).
    const [{ n: zz }] = await s.app.orm.em.fork().execute(
      `with recursive sub(id) as (select ?::uuid union select o.id from organization o join sub on o.parent_id = sub.id)
       select count(*)::int as n from station where operator_organization_id in (select id from sub) or host_organization_id in (select id from sub)`,
      [ids.zzOrg],
    );
    expect(a.data.stations.totalCount).toBe(zz);
    expect(a.data.stations.totalCount).toBeGreaterThan(40);
  });

  it('internal provenance and source keys are shown only to those who may edit the station', async () => {
    const q = `query($id: ID!) { station(id: $id) { viewerCanEdit sourceKey provenance { needsReview notes } } }`;
    const admin = await s.graphql(q, { id: ids.zzStation });
    expect(admin.data.station.provenance).not.toBeNull();
    expect(admin.data.station.sourceKey).toMatch(/\S/);
    for (const who of ['operatorB', 'coordinator', 'anonymous', 'apiKey'] as Who[]) {
      const r = await s.graphql(q, { id: ids.zzStation }, as[who]);
      expect(r.errors, who).toBeUndefined();
      expect(r.data.station, who).toEqual({ viewerCanEdit: false, sourceKey: null, provenance: null });
    }
    const own = await s.graphql(q, { id: ids.zzStation }, as.operatorA);
    expect(own.data.station.viewerCanEdit).toBe(true);
    expect(own.data.station.provenance).not.toBeNull();
  });
});
