import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type As, type TestServer } from '../helpers/server';

/**
 * Issue 14 §4: the scheduling objects staff read (Volunteer, VolunteerTeam, Campaign, Shift, ShiftAssignment) are
 * Relay Nodes, and `node`/`nodes` apply the access policy: a record outside the caller's scope answers null exactly
 * like an id that does not exist (200, no error, no hint), per role.
 */
type Kind = 'Volunteer' | 'VolunteerTeam' | 'Campaign' | 'Shift' | 'ShiftAssignment';
const KINDS: Kind[] = ['Volunteer', 'VolunteerTeam', 'Campaign', 'Shift', 'ShiftAssignment'];
type World = Record<Kind, string> & { Organization: string };

let s: TestServer;
const home = {} as World;
const foreign = {} as World;
const who: Record<'admin' | 'coordinator' | 'operator' | 'anonymous' | 'apiKey', As> = { admin: 'admin', anonymous: 'anonymous' } as never;
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await s.graphql(query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

/** An organization with a station, a team with a member, a campaign of both, a shift and a sign-up. */
async function world(name: string): Promise<World> {
  const org = (await data(`mutation($n: String!) { createOrganization(input: {kind: UNION, name: $n}) { id } }`, { n: `${name}工会` })).createOrganization.id;
  const station = (
    await data(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, { i: { kind: 'LOVE_STATION', name: `${name}驿站`, location: { lng: 113.6, lat: 34.7 }, operatorOrganizationId: org } })
  ).createStation.id;
  const team = (await data(`mutation($o: ID) { createVolunteerTeam(input: {name: "队", kind: UNION, organizationId: $o}) { id } }`, { o: org })).createVolunteerTeam.id;
  const volunteer = (await data(`mutation($t: [ID!]) { createVolunteer(input: {name: "志愿者", teamIds: $t}) { id } }`, { t: [team] })).createVolunteer.id;
  const campaign = (
    await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
      i: { name: `${name}活动`, kind: 'OTHER', startsAt: iso(Date.now() - 24 * H), endsAt: iso(Date.now() + 60 * 24 * H), organizationIds: [org], teamIds: [team], stationIds: [station] },
    })
  ).createCampaign.id;
  const shift = (
    await data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, { i: { campaignId: campaign, stationId: station, startsAt: iso(Date.now() + 48 * H), endsAt: iso(Date.now() + 50 * H), maxVolunteers: 5 } })
  ).createShift.id;
  const assignment = (await data(`mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, { s: shift, v: volunteer })).signUpForShift.id;
  return { Organization: org, Volunteer: volunteer, VolunteerTeam: team, Campaign: campaign, Shift: shift, ShiftAssignment: assignment };
}

beforeAll(async () => {
  s = await startTestServer({ seed: false });
  Object.assign(home, await world('本地'));
  Object.assign(foreign, await world('外地'));
  const co = await s.createUser({ username: 'relay-coordinator', role: 'COORDINATOR', organizationIds: [home.Organization] });
  const op = await s.createUser({ username: 'relay-operator', role: 'OPERATOR', organizationIds: [home.Organization] });
  const key = (await data(`mutation { createApiKey(input: {name: "relay scheduling", scopes: [VOLUNTEER_APP]}) { secret } }`)).createApiKey.secret;
  Object.assign(who, { coordinator: { token: co.token }, operator: { token: op.token }, apiKey: { apiKey: key } });
}, 180_000);

afterAll(async () => s?.stop());

const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

/** Which kinds each caller reads by id, in their home world and in the foreign one (the policy's READERS). */
const READS: Record<keyof typeof who, { home: Kind[]; foreign: Kind[] }> = {
  admin: { home: KINDS, foreign: KINDS },
  coordinator: { home: KINDS, foreign: [] },
  // Operators read every campaign (read only) and none of the volunteer records.
  operator: { home: ['Campaign'], foreign: ['Campaign'] },
  anonymous: { home: [], foreign: [] },
  apiKey: { home: [], foreign: [] },
};

describe('scheduling objects as Relay Nodes', () => {
  it('node(id:) answers each role exactly what its x(id:) rule allows, and null (200, no error) otherwise, like a random id', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const [role, reads] of Object.entries(READS) as [keyof typeof who, (typeof READS)['admin']][]) {
      for (const [place, w] of [['home', home], ['foreign', foreign]] as const) {
        for (const kind of KINDS) {
          cases++;
          const r = await s.post({ query: NODE, variables: { id: w[kind] } }, who[role]);
          const expected = reads[place].includes(kind) ? { __typename: kind, id: w[kind] } : null;
          if (r.status !== 200 || r.body.errors || JSON.stringify(r.body.data.node) !== JSON.stringify(expected)) {
            failures.push(`${role} ${place} ${kind}: ${r.status} ${JSON.stringify(r.body)}`);
          }
        }
      }
      // A random id: the same answer as an unreadable record.
      const ghost = await s.post({ query: NODE, variables: { id: randomUUID() } }, who[role]);
      if (ghost.status !== 200 || ghost.body.errors || ghost.body.data.node !== null) failures.push(`${role} random: ${JSON.stringify(ghost.body)}`);
    }
    expect(failures).toEqual([]);
    expect(cases).toBe(50);
  });

  it('a coordinator\'s node(id:) on a foreign record is byte-for-byte the answer for a missing id', async () => {
    for (const kind of KINDS) {
      const a = await s.post({ query: NODE, variables: { id: foreign[kind] } }, who.coordinator);
      const b = await s.post({ query: NODE, variables: { id: randomUUID() } }, who.coordinator);
      expect(a.status, kind).toBe(200);
      expect(b.status, kind).toBe(200);
      expect(a.body, kind).toEqual(b.body);
      expect(a.body, kind).toEqual({ data: { node: null } });
    }
  });

  it('nodes(ids:) keeps the order, with null for foreign and missing records, for a coordinator and for admin', async () => {
    const list = [...KINDS.map((k) => home[k]), ...KINDS.map((k) => foreign[k]), randomUUID()];
    const co = await s.graphql(NODES, { ids: list }, who.coordinator);
    expect(co.errors).toBeUndefined();
    expect(co.data.nodes).toEqual([...KINDS.map((k) => ({ __typename: k, id: home[k] })), ...KINDS.map(() => null), null]);
    const admin = await s.graphql(NODES, { ids: list }, who.admin);
    expect(admin.data.nodes).toEqual([...KINDS.map((k) => ({ __typename: k, id: home[k] })), ...KINDS.map((k) => ({ __typename: k, id: foreign[k] })), null]);
  });

  it('a refetch through node(id:) gives the same fields as the record\'s own query (masking included)', async () => {
    const own = (await s.graphql(`query($id: ID!) { volunteer(id: $id) { id name phone version } }`, { id: home.Volunteer }, who.coordinator)).data.volunteer;
    const viaNode = (await s.graphql(`query($id: ID!) { node(id: $id) { ... on Volunteer { id name phone version } } }`, { id: home.Volunteer }, who.coordinator)).data.node;
    expect(viaNode).toEqual(own);
    const shift = (await s.graphql(`query($id: ID!) { node(id: $id) { ... on Shift { id campaign { id } station { name } } } }`, { id: home.Shift }, who.coordinator)).data.node;
    expect(shift).toMatchObject({ id: home.Shift, campaign: { id: home.Campaign }, station: { name: '本地驿站' } });
  });
});
