import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isInputObjectType, type GraphQLInputType, type IntrospectionQuery } from 'graphql';
import { startTestServer, type As, type TestServer } from '../helpers/server';
import { databaseDigest } from '../helpers/digest';

/**
 * The permission matrix's second dimension: references inside inputs. For every mutation whose arguments or input
 * fields carry an ID (found by walking the running schema, so a new mutation with an id fails here until it has a
 * fixture), a caller of each scoped role (OPERATOR, COORDINATOR) passes an id from outside their scope in that one
 * field, everything else being in their scope. Expected: NOT_FOUND naming the field, nothing written, and the same
 * answer for a foreign id as for a random one. A role that may not call the mutation at all gets FORBIDDEN.
 */
type Role = 'operator' | 'coordinator';
type Kind = 'Organization' | 'Station' | 'VolunteerTeam' | 'Volunteer' | 'Campaign' | 'Shift' | 'ShiftAssignment' | 'SupplyItem' | 'SignupLink';
type World = Record<Kind, string>;

interface Fixture {
  /** Roles that may call the mutation at all (the others get FORBIDDEN). */
  roles: Role[];
  /** The kind of record `id` refers to (other fields are named after their kind). */
  idKind?: Kind;
  /** A call whose every id is in the home scope of both roles. */
  op(): Promise<{ query: string; variables: Record<string, any> }>;
}

/** Outcomes that differ from NOT_FOUND, with the reason (both kept from the first permission matrix's contract). */
const EXCEPTIONS: Record<string, { foreign: string; random: string; why: string }> = {
  // Organizations are public records; the station contract answers BAD_USER_INPUT on the field (access.test.ts).
  'createStation input.hostOrganizationId operator': { foreign: 'BAD_USER_INPUT', random: 'BAD_USER_INPUT', why: 'public record' },
  'createStation input.operatorOrganizationId operator': { foreign: 'BAD_USER_INPUT', random: 'BAD_USER_INPUT', why: 'public record' },
  'updateStation input.hostOrganizationId operator': { foreign: 'BAD_USER_INPUT', random: 'BAD_USER_INPUT', why: 'public record' },
  'updateStation input.operatorOrganizationId operator': { foreign: 'BAD_USER_INPUT', random: 'BAD_USER_INPUT', why: 'public record' },
  // Operators read every campaign and its supplies; a supply of a campaign the station does not serve is refused as such.
  'recordSupplies items.itemId operator': { foreign: 'BAD_USER_INPUT', random: 'NOT_FOUND', why: 'readable record' },
};

const FIELD_KIND: Record<string, Kind> = {
  campaignId: 'Campaign',
  stationId: 'Station',
  stationIds: 'Station',
  teamId: 'VolunteerTeam',
  teamIds: 'VolunteerTeam',
  memberIds: 'Volunteer',
  leaderId: 'Volunteer',
  volunteerId: 'Volunteer',
  organizationId: 'Organization',
  organizationIds: 'Organization',
  hostOrganizationId: 'Organization',
  operatorOrganizationId: 'Organization',
  parentId: 'Organization',
  shiftId: 'Shift',
  shiftIds: 'Shift',
  assignmentId: 'ShiftAssignment',
  itemId: 'SupplyItem',
};

let s: TestServer;
const who: Record<Role, As> = {} as never;
const home = {} as World;
const foreign = {} as World;
let seq = 0;
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await s.graphql(query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

async function version(kind: string, id: string): Promise<number> {
  return (await data(`query($id: ID!) { x: ${kind}(id: $id) { version } }`, { id })).x.version;
}

/** The domain tables and the scheduling ones: a refused request must leave all of them unchanged. */
async function digest(): Promise<string> {
  const em = s.app.orm.em.fork();
  const parts = [await databaseDigest(s)];
  for (const t of ['volunteer', 'volunteer_team', 'volunteer_team_members', 'campaign', 'campaign_organizations', 'campaign_teams', 'campaign_stations', 'shift', 'shift_assignment', 'supply_item', 'supply_tally', 'service_log', 'signup_link', 'check_in_code']) {
    const [row] = await em.execute<{ d: string }[]>(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from ${t} x`);
    parts.push(`${t}:${row.d}`);
  }
  return parts.join(' ');
}

/** One organization with a station, a team with a member, a campaign (organizer, team, station), a shift, a sign-up and a supply. */
async function world(name: string): Promise<World> {
  const org = (await data(`mutation($n: String!) { createOrganization(input: {kind: UNION, name: $n}) { id } }`, { n: `${name}工会` })).createOrganization.id;
  const station = (
    await data(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, {
      i: { kind: 'LOVE_STATION', name: `${name}驿站`, location: { lng: 113.6, lat: 34.7 }, operatorOrganizationId: org },
    })
  ).createStation.id;
  const team = (await data(`mutation($o: ID) { createVolunteerTeam(input: {name: "队", kind: UNION, organizationId: $o}) { id } }`, { o: org })).createVolunteerTeam.id;
  const volunteer = (await data(`mutation($t: [ID!]) { createVolunteer(input: {name: "志愿者", phone: "13800001111", teamIds: $t}) { id } }`, { t: [team] })).createVolunteer.id;
  const campaign = (
    await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
      i: { name: `${name}活动`, kind: 'OTHER', startsAt: iso(Date.now() - 24 * H), endsAt: iso(Date.now() + 60 * 24 * H), organizationIds: [org], teamIds: [team], stationIds: [station] },
    })
  ).createCampaign.id;
  const shift = (
    await data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, {
      i: { campaignId: campaign, stationId: station, startsAt: iso(Date.now() + 48 * H), endsAt: iso(Date.now() + 50 * H), maxVolunteers: 5 },
    })
  ).createShift.id;
  const assignment = (await data(`mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, { s: shift, v: volunteer })).signUpForShift.id;
  const item = (await data(`mutation($c: ID!) { createSupplyItem(campaignId: $c, name: "水", unit: "瓶") { id } }`, { c: campaign })).createSupplyItem.id;
  const link = (await data(`mutation($c: ID!) { createSignupLink(campaignId: $c) { id } }`, { c: campaign })).createSignupLink.id;
  return { Organization: org, Station: station, VolunteerTeam: team, Volunteer: volunteer, Campaign: campaign, Shift: shift, ShiftAssignment: assignment, SupplyItem: item, SignupLink: link };
}

const COORD: Role[] = ['coordinator'];
const STAFF: Role[] = ['operator', 'coordinator'];
const NOBODY: Role[] = [];

const FIXTURES: Record<string, Fixture> = {
  createOrganization: { roles: NOBODY, op: async () => ({ query: `mutation($i: OrganizationCreateInput!) { createOrganization(input: $i) { id } }`, variables: { i: { kind: 'UNION', name: `新${seq++}`, parentId: home.Organization } } }) },
  updateOrganization: {
    roles: NOBODY,
    idKind: 'Organization',
    op: async () => ({ query: `mutation($id: ID!, $v: Int!, $i: OrganizationUpdateInput!) { updateOrganization(id: $id, version: $v, input: $i) { id } }`, variables: { id: home.Organization, v: 1, i: { parentId: null } } }),
  },
  deleteOrganization: { roles: NOBODY, idKind: 'Organization', op: async () => ({ query: `mutation($id: ID!) { deleteOrganization(id: $id) { id } }`, variables: { id: home.Organization } }) },
  // Webhooks belong to an app's API key (scope WEBHOOKS): staff accounts get FORBIDDEN (webhooks.test.ts covers keys).
  deactivateWebhook: { roles: NOBODY, op: async () => ({ query: `mutation($id: ID!) { deactivateWebhook(id: $id) { id } }`, variables: { id: randomUUID() } }) },
  replayWebhookDelivery: { roles: NOBODY, op: async () => ({ query: `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }`, variables: { id: randomUUID() } }) },
  // Acceptance and grading are the federation's (ADMIN): operators may not accept or grade their own stations.
  recordStationInspection: {
    roles: NOBODY,
    op: async () => ({
      query: `mutation($st: ID!, $i: StationInspectionInput!) { recordStationInspection(stationId: $st, input: $i) { id } }`,
      variables: { st: home.Station, i: { inspectorName: '检查员', inspectedOn: '2026-01-05', items: ['DRINKING_WATER', 'SEATING', 'AIR_CONDITIONING', 'FIRST_AID_KIT', 'TOILET', 'CHARGING'].map((item) => ({ item, passed: true })) } },
    }),
  },
  gradeStation: { roles: NOBODY, idKind: 'Station', op: async () => ({ query: `mutation($id: ID!, $v: Int!) { gradeStation(id: $id, version: $v, input: {stars: 3, titles: []}) { id } }`, variables: { id: home.Station, v: await version('station', home.Station) } }) },
  deleteStation: { roles: NOBODY, idKind: 'Station', op: async () => ({ query: `mutation($id: ID!) { deleteStation(id: $id) { id } }`, variables: { id: home.Station } }) },
  resetUserPassword: { roles: NOBODY, op: async () => ({ query: `mutation($id: ID!) { resetUserPassword(id: $id, password: "another-long-passphrase") { id } }`, variables: { id: randomUUID() } }) },
  revokeApiKey: { roles: NOBODY, op: async () => ({ query: `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, variables: { id: randomUUID() } }) },
  createUser: {
    roles: NOBODY,
    op: async () => ({
      query: `mutation($i: UserCreateInput!) { createUser(input: $i) { id } }`,
      variables: { i: { username: `ref-new-${seq++}`, displayName: '新账号', role: 'OPERATOR', password: 'another-long-passphrase', organizationIds: [home.Organization] } },
    }),
  },
  createApiKey: { roles: NOBODY, op: async () => ({ query: `mutation($i: ApiKeyCreateInput!) { createApiKey(input: $i) { apiKey { id } } }`, variables: { i: { name: `新密钥${seq++}`, ownerOrganizationId: home.Organization } } }) },
  updateUser: {
    roles: NOBODY,
    op: async () => ({
      query: `mutation($id: ID!, $v: Int!, $i: UserUpdateInput!) { updateUser(id: $id, version: $v, input: $i) { id } }`,
      variables: { id: updateTarget, v: await version('user', updateTarget), i: { displayName: 'x', organizationIds: [home.Organization] } },
    }),
  },
  createStation: {
    roles: ['operator'],
    op: async () => ({
      query: `mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`,
      variables: { i: { kind: 'LOVE_STATION', name: `新驿站${seq++}`, location: { lng: 113.6, lat: 34.7 }, operatorOrganizationId: home.Organization, hostOrganizationId: home.Organization } },
    }),
  },
  updateStation: {
    roles: ['operator'],
    idKind: 'Station',
    op: async () => ({
      query: `mutation($id: ID!, $v: Int!, $i: StationUpdateInput!) { updateStation(id: $id, version: $v, input: $i) { id } }`,
      variables: { id: home.Station, v: await version('station', home.Station), i: { operatorOrganizationId: home.Organization, hostOrganizationId: home.Organization } },
    }),
  },
  retireStation: { roles: ['operator'], idKind: 'Station', op: async () => ({ query: `mutation($id: ID!, $v: Int!) { retireStation(id: $id, version: $v) { id } }`, variables: { id: home.Station, v: await version('station', home.Station) } }) },
  createVolunteerTeam: {
    roles: COORD,
    op: async () => ({
      query: `mutation($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`,
      variables: { i: { name: `新队${seq++}`, kind: 'UNION', organizationId: home.Organization, memberIds: [home.Volunteer], leaderId: home.Volunteer } },
    }),
  },
  updateVolunteerTeam: {
    roles: COORD,
    idKind: 'VolunteerTeam',
    op: async () => ({
      query: `mutation($id: ID!, $v: Int!, $i: VolunteerTeamInput!) { updateVolunteerTeam(id: $id, version: $v, input: $i) { id } }`,
      variables: { id: home.VolunteerTeam, v: await version('volunteerTeam', home.VolunteerTeam), i: { organizationId: home.Organization, memberIds: [home.Volunteer], leaderId: home.Volunteer } },
    }),
  },
  createVolunteer: { roles: COORD, op: async () => ({ query: `mutation($i: VolunteerInput!) { createVolunteer(input: $i) { id } }`, variables: { i: { name: '新志愿者', teamIds: [home.VolunteerTeam] } } }) },
  updateVolunteer: {
    roles: COORD,
    idKind: 'Volunteer',
    op: async () => ({
      query: `mutation($id: ID!, $v: Int!, $i: VolunteerInput!) { updateVolunteer(id: $id, version: $v, input: $i) { id } }`,
      variables: { id: home.Volunteer, v: await version('volunteer', home.Volunteer), i: { teamIds: [home.VolunteerTeam] } },
    }),
  },
  rotateTeamCalendar: { roles: COORD, op: async () => ({ query: `mutation($t: ID!) { rotateTeamCalendar(teamId: $t) { path } }`, variables: { t: home.VolunteerTeam } }) },
  createSignupLink: { roles: COORD, op: async () => ({ query: `mutation($c: ID!, $t: ID) { createSignupLink(campaignId: $c, teamId: $t) { id } }`, variables: { c: home.Campaign, t: home.VolunteerTeam } }) },
  revokeSignupLink: { roles: COORD, idKind: 'SignupLink', op: async () => ({ query: `mutation($id: ID!) { revokeSignupLink(id: $id) { id } }`, variables: { id: home.SignupLink } }) },
  issueCheckInCode: { roles: COORD, op: async () => ({ query: `mutation($s: ID!) { issueCheckInCode(stationId: $s) { path } }`, variables: { s: home.Station } }) },
  rotateVolunteerCalendar: { roles: COORD, op: async () => ({ query: `mutation($v: ID!) { rotateVolunteerCalendar(volunteerId: $v) { path } }`, variables: { v: home.Volunteer } }) },
  createCampaign: {
    roles: COORD,
    op: async () => ({
      query: `mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`,
      variables: { i: { name: '新活动', kind: 'OTHER', startsAt: iso(Date.now()), endsAt: iso(Date.now() + 24 * H), organizationIds: [home.Organization], teamIds: [home.VolunteerTeam], stationIds: [home.Station] } },
    }),
  },
  updateCampaign: {
    roles: COORD,
    idKind: 'Campaign',
    op: async () => ({
      query: `mutation($id: ID!, $v: Int!, $i: CampaignInput!) { updateCampaign(id: $id, version: $v, input: $i) { id } }`,
      variables: { id: home.Campaign, v: await version('campaign', home.Campaign), i: { organizationIds: [home.Organization], teamIds: [home.VolunteerTeam], stationIds: [home.Station] } },
    }),
  },
  addServicePoint: {
    roles: COORD,
    op: async () => ({ query: `mutation($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, variables: { i: { campaignId: home.Campaign, name: '新点', location: { lng: 113.6, lat: 34.7 }, amenities: [] } } }),
  },
  createShift: {
    roles: COORD,
    op: async () => ({
      query: `mutation($i: ShiftInput!) { createShift(input: $i) { id } }`,
      variables: { i: { campaignId: home.Campaign, stationId: home.Station, startsAt: iso(Date.now() + 100 * H), endsAt: iso(Date.now() + 101 * H), maxVolunteers: 2 } },
    }),
  },
  updateShift: {
    roles: COORD,
    idKind: 'Shift',
    op: async () => ({
      query: `mutation($id: ID!, $v: Int!, $i: ShiftInput!) { updateShift(id: $id, version: $v, input: $i) { id } }`,
      variables: { id: home.Shift, v: await version('shift', home.Shift), i: { campaignId: home.Campaign, stationId: home.Station, notes: 'x' } },
    }),
  },
  deleteShift: { roles: COORD, idKind: 'Shift', op: async () => ({ query: `mutation($id: ID!) { deleteShift(id: $id) { id } }`, variables: { id: home.Shift } }) },
  planShifts: {
    roles: COORD,
    op: async () => {
      const day = new Date(Date.now() + 5 * 24 * H).toISOString().slice(0, 10);
      return {
        query: `mutation($i: ShiftPatternInput!) { planShifts(input: $i, save: true) { created } }`,
        variables: { i: { campaignId: home.Campaign, fromDate: day, toDate: day, stationIds: [home.Station], slots: [{ start: '08:00', end: '09:00', maxVolunteers: 1 }] } },
      };
    },
  },
  assignTeamToShifts: { roles: COORD, op: async () => ({ query: `mutation($t: ID!, $s: [ID!]!) { assignTeamToShifts(teamId: $t, shiftIds: $s) { ok } }`, variables: { t: home.VolunteerTeam, s: [home.Shift] } }) },
  signUpForShift: { roles: COORD, op: async () => ({ query: `mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, variables: { s: home.Shift, v: home.Volunteer } }) },
  cancelShiftAssignment: { roles: COORD, idKind: 'ShiftAssignment', op: async () => ({ query: `mutation($id: ID!) { cancelShiftAssignment(id: $id) { id } }`, variables: { id: home.ShiftAssignment } }) },
  checkIn: { roles: COORD, op: async () => ({ query: `mutation($a: ID!) { checkIn(assignmentId: $a) { id } }`, variables: { a: home.ShiftAssignment } }) },
  checkOut: { roles: COORD, op: async () => ({ query: `mutation($a: ID!) { checkOut(assignmentId: $a) { id } }`, variables: { a: home.ShiftAssignment } }) },
  confirmShiftAssignment: { roles: COORD, idKind: 'ShiftAssignment', op: async () => ({ query: `mutation($id: ID!) { confirmShiftAssignment(id: $id) { id } }`, variables: { id: home.ShiftAssignment } }) },
  markNoShow: { roles: COORD, idKind: 'ShiftAssignment', op: async () => ({ query: `mutation($id: ID!) { markNoShow(id: $id) { id } }`, variables: { id: home.ShiftAssignment } }) },
  approveHours: { roles: COORD, idKind: 'ShiftAssignment', op: async () => ({ query: `mutation($id: ID!) { approveHours(id: $id, hours: 1) { id } }`, variables: { id: home.ShiftAssignment } }) },
  createSupplyItem: { roles: COORD, op: async () => ({ query: `mutation($c: ID!) { createSupplyItem(campaignId: $c, name: "面", unit: "箱") { id } }`, variables: { c: home.Campaign } }) },
  recordSupplies: {
    roles: STAFF,
    op: async () => ({
      query: `mutation($st: ID!, $sh: ID, $items: [SupplyQuantityInput!]!) { recordSupplies(stationId: $st, day: "2027-07-01", shiftId: $sh, items: $items) { id } }`,
      variables: { st: home.Station, sh: home.Shift, items: [{ itemId: home.SupplyItem, quantity: 1 }] },
    }),
  },
  recordServiceLog: {
    roles: STAFF,
    op: async () => ({
      query: `mutation($st: ID!, $c: ID) { recordServiceLog(stationId: $st, day: "2027-07-01", peopleServed: 7, campaignId: $c) { id } }`,
      variables: { st: home.Station, c: home.Campaign },
    }),
  },
};

/** Every (mutation, id path) of the running schema: arguments and input fields (nested inputs and lists too) typed ID. */
function idPaths(schema: ReturnType<typeof buildClientSchema>): { mutation: string; path: string }[] {
  const out: { mutation: string; path: string }[] = [];
  const walk = (mutation: string, path: string, type: GraphQLInputType, depth: number) => {
    const named = getNamedType(type);
    if (named.name === 'ID') out.push({ mutation, path });
    else if (isInputObjectType(named) && depth < 4) for (const f of Object.values(named.getFields())) walk(mutation, `${path}.${f.name}`, f.type, depth + 1);
  };
  for (const m of Object.values(schema.getMutationType()!.getFields())) for (const a of m.args) walk(m.name, a.name, a.type, 0);
  return out;
}

/** Sets `path` (dotted; through lists, the first element) in a copy of `vars` to `id` (in a list when it was one). */
function withId(vars: Record<string, any>, path: string, id: string): { vars: Record<string, any>; field: string } {
  const copy = structuredClone(vars);
  const keys = path.split('.');
  let node: any = copy;
  const field: string[] = [];
  for (const [i, k] of keys.entries()) {
    if (i === keys.length - 1) {
      node[k] = Array.isArray(node[k]) ? [id] : id;
      field.push(k);
    } else if (Array.isArray(node[k])) {
      node = node[k][0];
      field.push(`${k}[0]`);
    } else {
      node = node[k];
      field.push(k);
    }
  }
  return { vars: copy, field: field.join('.') };
}

/** Maps a GraphQL argument name in the fixture query to the variable that feeds it. */
function variableOf(query: string, arg: string): string {
  const m = new RegExp(`\\b${arg}: \\$(\\w+)`).exec(query);
  if (!m) throw new Error(`the fixture query does not pass ${arg} as a variable: ${query}`);
  return m[1];
}

let cases: { mutation: string; path: string }[] = [];
let updateTarget = '';

beforeAll(async () => {
  s = await startTestServer({ seed: false });
  const intro = (await data(getIntrospectionQuery())) as IntrospectionQuery;
  cases = idPaths(buildClientSchema(intro));
  Object.assign(home, await world('本地'));
  Object.assign(foreign, await world('外地'));
  const op = await s.createUser({ username: 'ref-operator', role: 'OPERATOR', organizationIds: [home.Organization] });
  const co = await s.createUser({ username: 'ref-coordinator', role: 'COORDINATOR', organizationIds: [home.Organization] });
  Object.assign(who, { operator: { token: op.token }, coordinator: { token: co.token } });
  // The account updateUser's fixture changes (an existing one, so its input's organization ids are reached).
  updateTarget = (await s.createUser({ username: 'ref-update-target', role: 'OPERATOR', organizationIds: [home.Organization] })).id;
}, 180_000);

afterAll(async () => s?.stop());

describe('references inside inputs', () => {
  it('every mutation that takes an id has a fixture (new ones must be added here)', () => {
    const missing = [...new Set(cases.map((c) => c.mutation))].filter((m) => !FIXTURES[m]);
    expect(missing).toEqual([]);
    expect(cases.length).toBeGreaterThan(50);
  });

  it('each role passing a foreign or a random id in each id field: NOT_FOUND naming the field, the same answer, nothing written', async () => {
    let n = 0;
    const failures: string[] = [];
    for (const { mutation, path } of cases) {
      const fx = FIXTURES[mutation];
      for (const role of ['operator', 'coordinator'] as Role[]) {
        n++;
        const base = await fx.op();
        const [arg, ...rest] = path.split('.');
        const variable = variableOf(base.query, arg);
        const varPath = [variable, ...rest].join('.');
        const leaf = path.split('.').at(-1)!;
        const kind = leaf === 'id' ? fx.idKind : FIELD_KIND[leaf];
        const label = `${mutation} ${path} ${role}`;
        if (!kind && fx.roles.includes(role)) throw new Error(`${label}: no kind for this field`);
        const outside = withId(base.variables, varPath, kind ? foreign[kind] : randomUUID());
        const ghost = withId(base.variables, varPath, randomUUID());
        const fieldName = arg + outside.field.slice(variable.length);
        const before = await digest();
        const a = await s.graphql(base.query, outside.vars, who[role]);
        const b = await s.graphql(base.query, ghost.vars, who[role]);
        const after = await digest();
        const ca = a.errors?.[0]?.extensions?.code;
        const cb = b.errors?.[0]?.extensions?.code;
        const exception = EXCEPTIONS[label];
        const expected = !fx.roles.includes(role) ? { foreign: 'FORBIDDEN', random: 'FORBIDDEN' } : (exception ?? { foreign: 'NOT_FOUND', random: 'NOT_FOUND' });
        const problems: string[] = [];
        if (ca !== expected.foreign) problems.push(`foreign: ${JSON.stringify(a.errors ?? a.data)}`);
        if (cb !== expected.random) problems.push(`random: ${JSON.stringify(b.errors ?? b.data)}`);
        if (expected.foreign !== 'FORBIDDEN') {
          if (a.errors?.[0]?.extensions?.field !== fieldName) problems.push(`foreign names ${a.errors?.[0]?.extensions?.field}, not ${fieldName}`);
          if (b.errors?.[0]?.extensions?.field !== fieldName) problems.push(`random names ${b.errors?.[0]?.extensions?.field}, not ${fieldName}`);
          const shape = (r: any, id: string) => String(r.errors?.[0]?.message).replace(id, '<id>');
          const fid = kind ? foreign[kind] : '';
          const gid = withIdValue(ghost.vars, varPath);
          if (expected.foreign === expected.random && shape(a, fid) !== shape(b, gid)) problems.push(`messages differ: ${a.errors?.[0]?.message} / ${b.errors?.[0]?.message}`);
        }
        if (before !== after) problems.push('the database changed');
        if (problems.length) failures.push(`${label}: ${problems.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    console.log(`references matrix: ${n} (mutation, id field, role) cases`);
  }, 600_000);
});

describe('references inside inputs, ADMIN', () => {
  /** An ADMIN's scope is every record, so only a missing id can be refused; these answer otherwise, with the reason. */
  const ADMIN_EXCEPTIONS: Record<string, { code: string; why: string }> = {
    'createStation input.hostOrganizationId': { code: 'BAD_USER_INPUT', why: 'public record (the station contract, access.test.ts)' },
    'createStation input.operatorOrganizationId': { code: 'BAD_USER_INPUT', why: 'public record' },
    'updateStation input.hostOrganizationId': { code: 'BAD_USER_INPUT', why: 'public record' },
    'updateStation input.operatorOrganizationId': { code: 'BAD_USER_INPUT', why: 'public record' },
    // An app's own webhooks: no staff account, ADMIN included, may act on them (webhooks.test.ts covers keys).
    'deactivateWebhook id': { code: 'FORBIDDEN', why: "an API key's record" },
    'replayWebhookDelivery id': { code: 'FORBIDDEN', why: "an API key's record" },
  };

  it('an ADMIN passing a missing id in each id field (organization, user and API-key mutations included): NOT_FOUND naming the field, nothing written', async () => {
    const failures: string[] = [];
    for (const { mutation, path } of cases) {
      const base = await FIXTURES[mutation].op();
      const [arg, ...rest] = path.split('.');
      const variable = variableOf(base.query, arg);
      const varPath = [variable, ...rest].join('.');
      const ghostId = randomUUID();
      const ghost = withId(base.variables, varPath, ghostId);
      const fieldName = arg + ghost.field.slice(variable.length);
      const before = await digest();
      const r = await s.post({ query: base.query, variables: ghost.vars }, 'admin');
      const after = await digest();
      const expected = ADMIN_EXCEPTIONS[`${mutation} ${path}`]?.code ?? 'NOT_FOUND';
      const e = r.body.errors?.[0];
      const problems: string[] = [];
      if (r.status !== 200) problems.push(`HTTP ${r.status}`);
      if (e?.extensions?.code !== expected) problems.push(`answered ${JSON.stringify(r.body.errors ?? r.body.data)}`);
      else if (expected !== 'FORBIDDEN' && e.extensions.field !== fieldName) problems.push(`names ${e.extensions.field}, not ${fieldName}`);
      else if (expected === 'NOT_FOUND' && !/^\w+ <id> not found$/.test(String(e.message).replace(ghostId, '<id>'))) problems.push(`message ${e.message}`);
      if (before !== after) problems.push('the database changed');
      if (problems.length) failures.push(`${mutation} ${path}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

/** The id `withId` placed at `path`. */
function withIdValue(vars: Record<string, any>, path: string): string {
  let node: any = vars;
  for (const k of path.split('.')) node = Array.isArray(node) ? node[0][k] : node[k];
  return Array.isArray(node) ? node[0] : node;
}

describe('audit log and personal data', () => {
  it('never shows a reader a value they could not see on the record itself', async () => {
    const v = home.Volunteer;
    await data(`mutation($id: ID!, $v: Int!) { updateVolunteer(id: $id, version: $v, input: {phone: "13912345678"}) { id } }`, { id: v, v: await version('volunteer', v) });
    const events = (await data(`query($id: String!) { auditEvents(filter: {entityType: "Volunteer", entityId: $id}, limit: 100) { nodes { changes { field before after } } } }`, { id: v })).auditEvents.nodes;
    const seen = (await data(`query($id: ID!) { volunteer(id: $id) { name phone } }`, { id: v })).volunteer;
    expect(seen.phone).toBe('139****5678');
    const phones = events.flatMap((e: any) => e.changes.filter((c: any) => c.field === 'phone'));
    expect(phones.length).toBeGreaterThanOrEqual(2);
    expect(phones.at(0)).toEqual({ field: 'phone', before: '138****1111', after: '139****5678' });
    // No full number anywhere in what the ADMIN reads, for any volunteer.
    const all = JSON.stringify((await data(`{ auditEvents(filter: {entityType: "Volunteer"}, limit: 1000) { nodes { changes { field before after } } } }`)).auditEvents);
    expect(all).not.toMatch(/1[3-9]\d{9}/);
    // Names stay readable to staff, as on the record.
    const names = events.flatMap((e: any) => e.changes.filter((c: any) => c.field === 'name'));
    expect(names.at(-1).after).toBe(seen.name);
  });
});

describe('paging', () => {
  it('the scheduling and audit lists share one paging with its bounds, BAD_USER_INPUT naming limit or offset', async () => {
    const lists = [`volunteerTeams`, `volunteers`, `campaigns`, `shifts(filter: {campaignId: "${home.Campaign}"}`, `shiftAssignments`, `auditEvents`];
    for (const l of lists) {
      const call = (args: string) => (l.includes('(') ? `{ ${l}, ${args}) { totalCount } }` : `{ ${l}(${args}) { totalCount } }`);
      const big = await s.graphql(call('limit: 1001'));
      expect(big.errors?.[0]?.extensions, l).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
      const neg = await s.graphql(call('offset: -1'));
      expect(neg.errors?.[0]?.extensions, l).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
      const ok = await s.graphql(call('limit: 1000, offset: 0'));
      expect(ok.errors, l).toBeUndefined();
    }
  });
});
