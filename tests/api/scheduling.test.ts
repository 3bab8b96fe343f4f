import { randomUUID } from 'node:crypto';
import pg from 'pg';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { databaseDigest } from '../helpers/digest';

/**
 * Volunteer teams, campaigns and shift scheduling against the real database: capacity and double booking under
 * real concurrency (through the API and with raw parallel connections), waitlist promotion, time zones and
 * night shifts, idempotent bulk planning, refusals, check-in rules, PII masking per role, and iCalendar feeds.
 */
let s: TestServer;
let org = '';
let otherOrg = '';
const H = 3_600_000;

async function data<T = any>(query: string, variables?: Record<string, unknown>, as?: Parameters<TestServer['graphql']>[2]): Promise<T> {
  const r = await s.graphql(query, variables, as);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A campaign from 1 day ago to 10 days ahead with one service point, as the administrator. */
async function campaign(opts: { timezone?: string; startsAt?: string; endsAt?: string; orgId?: string } = {}): Promise<{ id: string; stationId: string }> {
  const c = await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
    i: {
      name: `测试活动 ${randomUUID().slice(0, 6)}`,
      kind: 'HARVEST_SUPPORT',
      startsAt: opts.startsAt ?? iso(Date.now() - 24 * H),
      endsAt: opts.endsAt ?? iso(Date.now() + 10 * 24 * H),
      timezone: opts.timezone ?? 'Asia/Shanghai',
      organizationIds: [opts.orgId ?? org],
    },
  });
  const p = await data(`mutation($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, {
    i: { campaignId: c.createCampaign.id, name: '测试服务点', location: { lng: 113.45, lat: 35.22 }, amenities: ['DRINKING_WATER'] },
  });
  return { id: c.createCampaign.id, stationId: p.addServicePoint.id };
}

async function shift(campaignId: string, stationId: string, startsAt: number, hours: number, max: number, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, {
    i: { campaignId, stationId, startsAt: iso(startsAt), endsAt: iso(startsAt + hours * H), maxVolunteers: max, minVolunteers: Math.min(max, 1), ...extra },
  });
  return r.createShift.id;
}

async function volunteers(n: number, extra: Record<string, unknown> = {}, teamId?: string): Promise<string[]> {
  const team = teamId ?? (await data(`mutation($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`, { i: { name: `队 ${randomUUID().slice(0, 6)}`, kind: 'COMMUNITY', organizationId: org } })).createVolunteerTeam.id;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = await data(`mutation($i: VolunteerInput!) { createVolunteer(input: $i) { id } }`, { i: { name: `志愿者${i}`, teamIds: [team], ...extra } });
    ids.push(v.createVolunteer.id);
  }
  return ids;
}

const SIGN_UP = `mutation($s: ID!, $v: ID!, $w: Boolean) { signUpForShift(shiftId: $s, volunteerId: $v, allowWaitlist: $w) { id status seq } }`;
const SHIFT = `query($id: ID!) { shift(id: $id) { filledCount waitlistCount maxVolunteers } }`;

beforeAll(async () => {
  s = await startTestServer({ seed: true, env: { DB_ACQUIRE_TIMEOUT_MS: '60000', RATE_LIMIT_USER_PER_MINUTE: '10000000' } });
  const orgs = await data(`{ organizations(limit: 100) { nodes { id name } } }`);
  org = orgs.organizations.nodes.find((o: any) => o.name === '修武县总工会').id;
  otherOrg = orgs.organizations.nodes.find((o: any) => o.name === '郑州市总工会').id;
}, 120_000);
afterAll(async () => s?.stop());

describe('seed', () => {
  it('loads the 修武县 三夏 campaign with three approximate service points and two weeks of day and night shifts', async () => {
    const c = (await data(`{ campaigns(limit: 10) { nodes { id name kind timezone stations { name kind validFrom validUntil provenance { needsReview notes } } teams { name kind memberCount } supplyItems { name unit } } } }`)).campaigns.nodes;
    const sanxia = c.find((x: any) => x.kind === 'HARVEST_SUPPORT' && x.name.includes('修武县'));
    expect(sanxia.stations).toHaveLength(3);
    for (const st of sanxia.stations) {
      expect(st.kind).toBe('SERVICE_POINT');
      expect(st.provenance.needsReview).toBe(true);
      expect(st.provenance.notes.join(' ')).toMatch(/近似/);
    }
    expect(sanxia.teams.map((t: any) => t.kind)).toEqual(['MODEL_WORKER', 'MODEL_WORKER', 'MODEL_WORKER']);
    expect(sanxia.supplyItems.map((i: any) => i.name).sort()).toEqual(['防暑药品', '方便面', '矿泉水', '绿豆汤'].sort());
    const fill = (await data(`query($id: ID!) { campaignFillRate(campaignId: $id) { shifts { isNight shift { startsAt endsAt } } coverage { date } } }`, { id: sanxia.id })).campaignFillRate;
    expect(fill.shifts).toHaveLength(3 * 14 * 2);
    expect(fill.shifts.filter((x: any) => x.isNight)).toHaveLength(42);
    expect(new Set(fill.coverage.map((x: any) => x.date)).size).toBe(14);
    expect(c.some((x: any) => x.kind === 'SUMMER_COOLING')).toBe(true);
    const teams = (await data(`{ volunteerTeams(limit: 50) { nodes { name kind } } }`)).volunteerTeams.nodes.map((t: any) => t.name);
    expect(teams).toEqual(expect.arrayContaining(['斑马救援队', '蓝天救援队', '雷锋救援队']));
    const home = (await data(`{ stations(filter: {search: "孟州市司机之家"}) { nodes { kind amenities regionCode } } }`)).stations.nodes[0];
    expect(home).toMatchObject({ kind: 'DRIVERS_HOME', regionCode: '410883' });
    expect(home.amenities).toEqual(expect.arrayContaining(['HOT_WATER', 'READING', 'PHONE_CHARGING', 'FIRST_AID_KIT']));
  });
});

describe('capacity under concurrency', () => {
  it('200 simultaneous sign-ups for a 5-place shift: exactly 5 signed up, 195 waitlisted in arrival order', async () => {
    const c = await campaign();
    const shiftId = await shift(c.id, c.stationId, Date.now() + 48 * H, 4, 5);
    const vols = await volunteers(200);
    const results = await Promise.all(vols.map((v) => s.graphql(SIGN_UP, { s: shiftId, v, w: true })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const statuses = results.map((r) => r.data.signUpForShift.status);
    expect(statuses.filter((x) => x === 'SIGNED_UP')).toHaveLength(5);
    expect(statuses.filter((x) => x === 'WAITLISTED')).toHaveLength(195);
    expect((await data(SHIFT, { id: shiftId })).shift).toMatchObject({ filledCount: 5, waitlistCount: 195 });
    // The five places went to the first five to arrive (lowest sequence numbers).
    const bySeq = results.map((r) => r.data.signUpForShift).sort((a, b) => Number(a.seq) - Number(b.seq));
    expect(bySeq.slice(0, 5).every((a) => a.status === 'SIGNED_UP')).toBe(true);
  }, 180_000);

  it('without the waitlist, 50 simultaneous sign-ups for 5 places: 5 succeed, 45 are CONFLICT, nothing else is written', async () => {
    const c = await campaign();
    const shiftId = await shift(c.id, c.stationId, Date.now() + 48 * H, 4, 5);
    const vols = await volunteers(50);
    const results = await Promise.all(vols.map((v) => s.graphql(SIGN_UP, { s: shiftId, v, w: false })));
    expect(results.filter((r) => !r.errors)).toHaveLength(5);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(45);
    const [{ n }] = await s.app.orm.em.fork().execute(`select count(*)::int as n from shift_assignment where shift_id = ?`, [shiftId]);
    expect(n).toBe(5);
  });

  // Needs a server that takes parallel connections (the embedded PGlite takes one).
  it.runIf(Boolean(inject('testDb')))('the database itself refuses over-booking from 20 raw parallel connections (CHECK kept by the trigger)', async () => {
    const c = await campaign();
    const start = Date.now() + 72 * H;
    const shiftId = await shift(c.id, c.stationId, start, 4, 5);
    const vols = await volunteers(20);
    const url = (s.app.orm.config.get('clientUrl') as string)!;
    const clients = await Promise.all(vols.map(async () => {
      const cl = new pg.Client({ connectionString: url });
      await cl.connect();
      return cl;
    }));
    try {
      const outcomes = await Promise.allSettled(
        clients.map((cl, i) =>
          cl.query(
            `insert into shift_assignment (id, shift_id, volunteer_id, status, during, created_at, updated_at)
             values ($1, $2, $3, 'SIGNED_UP', tstzrange($4::timestamptz, $5::timestamptz), now(), now())`,
            [randomUUID(), shiftId, vols[i], iso(start), iso(start + 4 * H)],
          ),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
      for (const o of outcomes.filter((x) => x.status === 'rejected')) expect(String((o as PromiseRejectedResult).reason)).toMatch(/shift_capacity_check/);
    } finally {
      await Promise.all(clients.map((cl) => cl.end()));
    }
    expect((await data(SHIFT, { id: shiftId })).shift.filledCount).toBe(5);
  });
});

describe('double booking', () => {
  it('a volunteer cannot hold two overlapping shifts, even in two campaigns signed up at the same moment', async () => {
    const [a, b] = [await campaign(), await campaign()];
    const t = Date.now() + 96 * H;
    const s1 = await shift(a.id, a.stationId, t, 8, 5);
    const s2 = await shift(b.id, b.stationId, t + 4 * H, 8, 5);
    const [v] = await volunteers(1);
    const [r1, r2] = await Promise.all([s.graphql(SIGN_UP, { s: s1, v, w: true }), s.graphql(SIGN_UP, { s: s2, v, w: true })]);
    const ok = [r1, r2].filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    const refused = [r1, r2].find((r) => r.errors)!;
    expect(refused.errors[0].extensions.code).toBe('CONFLICT');
    expect(refused.errors[0].message).toMatch(/overlapping/);
  });

  it('adjacent shifts (08:00–20:00 then 20:00–08:00) are fine; the exclusion constraint refuses an overlap even in raw SQL', async () => {
    const c = await campaign();
    const t = Date.now() + 120 * H;
    const day = await shift(c.id, c.stationId, t, 12, 3);
    const night = await shift(c.id, c.stationId, t + 12 * H, 12, 3);
    const [v] = await volunteers(1);
    expect((await data(SIGN_UP, { s: day, v, w: false })).signUpForShift.status).toBe('SIGNED_UP');
    expect((await data(SIGN_UP, { s: night, v, w: false })).signUpForShift.status).toBe('SIGNED_UP');
    const overlap = await shift(c.id, c.stationId, t + 6 * H, 4, 3, { role: 'OVERLAP' });
    await expect(
      s.app.orm.em.fork().execute(
        `insert into shift_assignment (id, shift_id, volunteer_id, status, during, created_at, updated_at) values (?, ?, ?, 'SIGNED_UP', tstzrange(?::timestamptz, ?::timestamptz), now(), now())`,
        [randomUUID(), overlap, v, iso(t + 6 * H), iso(t + 10 * H)],
      ),
    ).rejects.toThrow(/shift_assignment_no_overlap/);
  });
});

describe('waitlist', () => {
  it('a cancellation promotes the first waitlisted volunteer who is free, skipping one booked elsewhere meanwhile', async () => {
    const c = await campaign();
    const t = Date.now() + 150 * H;
    const full = await shift(c.id, c.stationId, t, 4, 1);
    const elsewhere = await shift(c.id, c.stationId, t + H, 2, 5, { role: 'ELSEWHERE' });
    const [a, b, d] = await volunteers(3);
    const first = (await data(SIGN_UP, { s: full, v: a, w: true })).signUpForShift;
    expect(first.status).toBe('SIGNED_UP');
    expect((await data(SIGN_UP, { s: full, v: b, w: true })).signUpForShift.status).toBe('WAITLISTED');
    expect((await data(SIGN_UP, { s: full, v: d, w: true })).signUpForShift.status).toBe('WAITLISTED');
    // b takes an overlapping shift while waiting: the place must go to d.
    await data(SIGN_UP, { s: elsewhere, v: b, w: false });
    await data(`mutation($id: ID!) { cancelShiftAssignment(id: $id) { status } }`, { id: first.id });
    const list = (await data(`query($s: ID!) { shiftAssignments(filter: {shiftId: $s}) { nodes { status volunteer { id } } } }`, { s: full })).shiftAssignments.nodes;
    const statusOf = (id: string) => list.find((x: any) => x.volunteer.id === id).status;
    expect([statusOf(a), statusOf(b), statusOf(d)]).toEqual(['CANCELLED', 'WAITLISTED', 'SIGNED_UP']);
    expect((await data(SHIFT, { id: full })).shift).toMatchObject({ filledCount: 1, waitlistCount: 1 });
  });
});

describe('planning', () => {
  const PLAN = `mutation($i: ShiftPatternInput!, $save: Boolean) { planShifts(input: $i, save: $save) { created shifts { startsAt endsAt existing maxVolunteers } } }`;

  it('reads the pattern in the campaign time zone; a night slot crosses midnight; a second run creates nothing; a preview writes nothing', async () => {
    const c = await campaign({ startsAt: '2027-07-01T00:00:00+08:00', endsAt: '2027-07-05T12:00:00+08:00' });
    const input = { campaignId: c.id, fromDate: '2027-07-01', toDate: '2027-07-03', stationIds: [c.stationId], slots: [{ start: '08:00', end: '20:00', maxVolunteers: 4 }, { start: '20:00', end: '08:00', maxVolunteers: 2 }] };
    const before = await databaseDigest(s);
    const preview = (await data(PLAN, { i: input, save: false })).planShifts;
    expect(preview.created).toBe(0);
    expect(await databaseDigest(s)).toBe(before);
    expect(preview.shifts).toHaveLength(6);
    expect(preview.shifts[0]).toMatchObject({ startsAt: '2027-07-01T00:00:00.000Z', endsAt: '2027-07-01T12:00:00.000Z', existing: false });
    expect(preview.shifts[1]).toMatchObject({ startsAt: '2027-07-01T12:00:00.000Z', endsAt: '2027-07-02T00:00:00.000Z', maxVolunteers: 2 });
    expect((await data(PLAN, { i: input, save: true })).planShifts.created).toBe(6);
    const again = (await data(PLAN, { i: input, save: true })).planShifts;
    expect(again.created).toBe(0);
    expect(again.shifts.every((x: any) => x.existing)).toBe(true);
    const fill = (await data(`query($id: ID!) { campaignFillRate(campaignId: $id) { shifts { isNight } } }`, { id: c.id })).campaignFillRate.shifts;
    expect(fill.filter((x: any) => x.isNight)).toHaveLength(3);
    const [{ n }] = await s.app.orm.em.fork().execute(`select count(*)::int as n from audit_event where entity_type = 'Shift' and operation = 'planShifts'`);
    expect(n).toBeGreaterThanOrEqual(6);
  });

  it('keeps 08:00 local across a daylight-saving change (America/New_York, 2027-03-14)', async () => {
    const c = await campaign({ timezone: 'America/New_York', startsAt: '2027-03-13T00:00:00-05:00', endsAt: '2027-03-16T00:00:00-04:00' });
    const r = (await data(PLAN, { i: { campaignId: c.id, fromDate: '2027-03-13', toDate: '2027-03-14', stationIds: [c.stationId], slots: [{ start: '08:00', end: '12:00', maxVolunteers: 1 }] }, save: false })).planShifts;
    expect(r.shifts.map((x: any) => x.startsAt)).toEqual(['2027-03-13T13:00:00.000Z', '2027-03-14T12:00:00.000Z']);
  });

  it('refuses a pattern outside the campaign window or at a station that is not its point, naming the field', async () => {
    const c = await campaign({ startsAt: '2027-08-01T00:00:00+08:00', endsAt: '2027-08-02T00:00:00+08:00' });
    const late = await s.graphql(PLAN, { i: { campaignId: c.id, fromDate: '2027-08-01', toDate: '2027-08-01', stationIds: [c.stationId], slots: [{ start: '20:00', end: '08:00', maxVolunteers: 2 }] } });
    expect(late.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slots[0]' });
    const stranger = (await data(`{ stations(limit: 1) { nodes { id } } }`)).stations.nodes[0].id;
    const wrong = await s.graphql(PLAN, { i: { campaignId: c.id, fromDate: '2027-08-01', toDate: '2027-08-01', stationIds: [stranger], slots: [{ start: '08:00', end: '12:00', maxVolunteers: 2 }] } });
    expect(wrong.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.stationIds' });
    const badTime = await s.graphql(PLAN, { i: { campaignId: c.id, fromDate: '2027-08-01', toDate: '2027-08-01', stationIds: [c.stationId], slots: [{ start: '25:00', end: '08:00', maxVolunteers: 2 }] } });
    expect(badTime.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(badTime.errors[0].extensions.field).toMatch(/^input\.slots/);
  });
});

describe('refusals and check-in', () => {
  it('refuses missing skills, a closed campaign and an ended shift, writing nothing', async () => {
    const c = await campaign();
    const medic = await shift(c.id, c.stationId, Date.now() + 30 * H, 4, 3, { requiredSkills: ['FIRST_AID'] });
    const [v] = await volunteers(1, { skills: ['COOK'] });
    const before = await databaseDigest(s);
    const r = await s.graphql(SIGN_UP, { s: medic, v, w: true });
    expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'volunteerId' });
    expect(r.errors[0].message).toMatch(/FIRST_AID/);
    const ended = await shift(c.id, c.stationId, Date.now() - 10 * H, 2, 3);
    const late = await s.graphql(SIGN_UP, { s: ended, v, w: true });
    expect(late.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shiftId' });
    const v1 = (await data(`query($id: ID!) { campaign(id: $id) { version } }`, { id: c.id })).campaign.version;
    await data(`mutation($id: ID!, $v: Int!) { updateCampaign(id: $id, version: $v, input: {status: CLOSED}) { status } }`, { id: c.id, v: v1 });
    const open = await shift(c.id, c.stationId, Date.now() + 40 * H, 4, 3, { role: 'AFTER_CLOSE' }).catch(() => null);
    const target = open ?? medic;
    const closed = await s.graphql(SIGN_UP, { s: target, v, w: true });
    expect(closed.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(closed.errors[0].message).toMatch(/closed|lacks/);
    expect((await databaseDigest(s)).split(' ').find((p) => p.startsWith('station'))).toBe(before.split(' ').find((p) => p.startsWith('station')));
    const outside = await s.graphql(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, {
      i: { campaignId: c.id, stationId: c.stationId, startsAt: iso(Date.now() + 30 * 24 * H), endsAt: iso(Date.now() + 30 * 24 * H + H), maxVolunteers: 2 },
    });
    expect(outside.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
  });

  it('checks in only near the start, checks out after check-in, and credits hours capped at the shift length', async () => {
    const c = await campaign();
    const soon = Date.now() + 10 * 60_000; // starts in 10 minutes: inside the 30-minute window
    const later = Date.now() + 5 * H; // starts in 5 hours: too early to check in
    const sNow = await shift(c.id, c.stationId, soon, 2, 3);
    const sLater = await shift(c.id, c.stationId, later, 2, 3, { role: 'LATER' });
    const [v, w] = await volunteers(2);
    const a = (await data(SIGN_UP, { s: sNow, v, w: false })).signUpForShift.id;
    const b = (await data(SIGN_UP, { s: sLater, v: w, w: false })).signUpForShift.id;
    const early = await s.graphql(`mutation($id: ID!) { checkIn(assignmentId: $id) { status } }`, { id: b });
    expect(early.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    const outFirst = await s.graphql(`mutation($id: ID!) { checkOut(assignmentId: $id) { status } }`, { id: a });
    expect(outFirst.errors[0].extensions.code).toBe('CONFLICT');
    const future = await s.graphql(`mutation($id: ID!, $at: DateTime) { checkIn(assignmentId: $id, at: $at) { status } }`, { id: a, at: iso(Date.now() + H) });
    expect(future.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    const inn = (await data(`mutation($id: ID!) { checkIn(assignmentId: $id) { status checkedInAt } }`, { id: a })).checkIn;
    expect(inn.status).toBe('CHECKED_IN');
    // Checked in 10 minutes before the start and out now: hours count from the start, so 0.
    const out = (await data(`mutation($id: ID!) { checkOut(assignmentId: $id) { status hoursCredited } }`, { id: a })).checkOut;
    expect(out).toEqual({ status: 'COMPLETED', hoursCredited: 0 });
    const approved = (await data(`mutation($id: ID!) { approveHours(id: $id, hours: 3.5) { hoursCredited } }`, { id: a })).approveHours;
    expect(approved.hoursCredited).toBe(3.5);
    const hours = (await data(`query($c: ID!) { volunteerHours(campaignId: $c) { id hours completedShifts } }`, { c: c.id })).volunteerHours;
    expect(hours).toEqual([{ id: v, hours: 3.5, completedShifts: 1 }]);
    const teams = (await data(`query($c: ID!) { teamHours(campaignId: $c) { hours completedShifts } }`, { c: c.id })).teamHours;
    expect(teams).toEqual([{ hours: 3.5, completedShifts: 1 }]);
  });

  it('credits real time capped at the shift length', async () => {
    const { creditedHours } = await import('../../api/src/shift-assignments/shift-assignment.service');
    const start = new Date('2027-06-02T00:00:00Z');
    const end = new Date('2027-06-02T12:00:00Z');
    expect(creditedHours(new Date('2027-06-01T23:40:00Z'), new Date('2027-06-02T12:30:00Z'), start, end)).toBe(12);
    expect(creditedHours(new Date('2027-06-02T01:00:00Z'), new Date('2027-06-02T05:30:00Z'), start, end)).toBe(4.5);
  });
});

describe('team assignment', () => {
  it('is all or nothing, with a report of conflicts', async () => {
    const c = await campaign();
    const t = Date.now() + 200 * H;
    const team = (await data(`mutation($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`, { i: { name: '劳模突击队', kind: 'MODEL_WORKER', organizationId: org } })).createVolunteerTeam.id;
    await volunteers(3, {}, team);
    const roomy = [await shift(c.id, c.stationId, t, 4, 5), await shift(c.id, c.stationId, t + 4 * H, 4, 5)];
    const tight = await shift(c.id, c.stationId, t + 8 * H, 4, 2);
    const ASSIGN = `mutation($t: ID!, $s: [ID!]!, $d: Boolean) { assignTeamToShifts(teamId: $t, shiftIds: $s, dryRun: $d) { ok assignments { id } conflicts { shiftId reason } } }`;
    const before = await databaseDigest(s);
    const bad = (await data(ASSIGN, { t: team, s: [...roomy, tight] })).assignTeamToShifts;
    expect(bad.ok).toBe(false);
    expect(bad.assignments).toEqual([]);
    expect(bad.conflicts).toHaveLength(1);
    expect(bad.conflicts[0]).toMatchObject({ shiftId: tight });
    expect(bad.conflicts[0].reason).toMatch(/full/);
    expect(await databaseDigest(s)).toBe(before);
    const dry = (await data(ASSIGN, { t: team, s: roomy, d: true })).assignTeamToShifts;
    expect(dry).toMatchObject({ ok: true, conflicts: [] });
    expect(await databaseDigest(s)).toBe(before);
    const good = (await data(ASSIGN, { t: team, s: roomy })).assignTeamToShifts;
    expect(good.ok).toBe(true);
    expect(good.assignments).toHaveLength(6);
    expect((await data(SHIFT, { id: roomy[0] })).shift.filledCount).toBe(3);
  });
});

describe('personal data and access', () => {
  it('shows a phone in full only to a coordinator of the volunteer\'s team; masked to others; never to apps', async () => {
    const coord = await s.createUser({ username: 'coord-xiuwu', role: 'COORDINATOR', organizationIds: [org] });
    const stranger = await s.createUser({ username: 'coord-zz', role: 'COORDINATOR', organizationIds: [otherOrg] });
    const operator = await s.createUser({ username: 'op-xiuwu', role: 'OPERATOR', organizationIds: [org] });
    const [v] = await volunteers(1, { phone: '13812345596' });
    const Q = `query($id: ID!) { volunteer(id: $id) { name phone } }`;
    expect((await data(Q, { id: v }, { token: coord.token })).volunteer.phone).toBe('13812345596');
    expect((await data(Q, { id: v })).volunteer.phone).toBe('138****5596');
    expect((await data(Q, { id: v }, { token: stranger.token })).volunteer).toBeNull();
    expect((await s.graphql(Q, { id: v }, { token: operator.token })).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await s.graphql(Q, { id: v }, 'anonymous')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const list = (await data(`{ volunteers(limit: 1000) { nodes { id } } }`, {}, { token: stranger.token })).volunteers.nodes;
    expect(list.map((x: any) => x.id)).not.toContain(v);
    // An operator may read campaigns, but not the people in their teams (nested path).
    const viaCampaign = (await data(`{ campaigns(limit: 50) { nodes { teams { memberCount leader { name } members { name phone } } } } }`, {}, { token: operator.token })).campaigns.nodes;
    const teamsSeen = viaCampaign.flatMap((c: any) => c.teams);
    expect(teamsSeen.length).toBeGreaterThan(0);
    expect(teamsSeen.every((t: any) => t.members.length === 0 && t.leader === null)).toBe(true);

    // A volunteer app's key may sign up, and sees a masked name and no phone.
    const c = await campaign();
    const sh = await shift(c.id, c.stationId, Date.now() + 210 * H, 4, 3);
    const app = (await data(`mutation { createApiKey(input: {name: "志愿者小程序", scopes: [PUBLIC_READ, VOLUNTEER_APP]}) { secret } }`)).createApiKey.secret;
    const pub = (await data(`mutation { createApiKey(input: {name: "地图"}) { secret } }`)).createApiKey.secret;
    const viaApp = await s.graphql(`mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { status volunteer { name phone teams { id } } shift { assignments { id } } } }`, { s: sh, v }, { apiKey: app });
    expect(viaApp.errors).toBeUndefined();
    expect(viaApp.data.signUpForShift).toEqual({ status: 'SIGNED_UP', volunteer: { name: '志***', phone: null, teams: [] }, shift: { assignments: [] } });
    const viaMap = await s.graphql(SIGN_UP, { s: sh, v, w: true }, { apiKey: pub });
    expect(viaMap.errors[0].extensions.code).toBe('FORBIDDEN');
    const anon = await s.graphql(SIGN_UP, { s: sh, v, w: true }, 'anonymous');
    expect(anon.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // A coordinator of another organization: the campaign does not exist for them.
    const foreign = await s.graphql(SIGN_UP, { s: sh, v, w: true }, { token: stranger.token });
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('public types never lead to volunteers', async () => {
    const schema = (await data(`{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`)).__schema.types;
    const byName = new Map<string, any>(schema.map((t: any) => [t.name, t]));
    const typeName = (t: any): string => t.name ?? typeName(t.ofType);
    const seen = new Set<string>();
    const walk = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const f of byName.get(name)?.fields ?? []) walk(typeName(f.type));
    };
    for (const root of ['Station', 'NearbyStationConnection', 'Region', 'Organization', 'GeoPoint', 'OpeningHoursCheck', 'AppConfig']) walk(root);
    expect([...seen].filter((n) => /Volunteer|Shift|User|ApiKey|Audit/.test(n))).toEqual([]);
  });
});

describe('service points, supplies and people served', () => {
  it('a temporary service point is found by nearbyStations only inside its validity window', async () => {
    const c = await campaign({ startsAt: iso(Date.now() + 24 * H), endsAt: iso(Date.now() + 5 * 24 * H) });
    const NEAR = `query($at: DateTime) { nearbyStations(near: {lng: 113.45, lat: 35.22}, radiusMeters: 200, openAt: $at) { edges { node { id } } } }`;
    const now = (await data(NEAR, { at: null })).nearbyStations.edges.map((e: any) => e.node.id);
    expect(now).not.toContain(c.stationId);
    const during = (await data(NEAR, { at: iso(Date.now() + 48 * H) })).nearbyStations.edges.map((e: any) => e.node.id);
    expect(during).toContain(c.stationId);
    const after = (await data(NEAR, { at: iso(Date.now() + 6 * 24 * H) })).nearbyStations.edges.map((e: any) => e.node.id);
    expect(after).not.toContain(c.stationId);
  });

  it('an operator records supplies and people served for their station in one step each; others get NOT_FOUND', async () => {
    const home = (await data(`{ stations(filter: {search: "孟州市司机之家"}) { nodes { id operatorOrganization { id } } } }`)).stations.nodes[0];
    const mengzhouOp = await s.createUser({ username: 'op-mengzhou', role: 'OPERATOR', organizationIds: [home.operatorOrganization.id] });
    const zzOp = await s.createUser({ username: 'op-zz2', role: 'OPERATOR', organizationIds: [otherOrg] });
    const cooling = (await data(`{ campaigns(limit: 20) { nodes { id kind supplyItems { id name } } } }`)).campaigns.nodes.find((x: any) => x.kind === 'SUMMER_COOLING');
    const soup = cooling.supplyItems[0].id;
    const REC = `mutation($st: ID!, $items: [SupplyQuantityInput!]!) { recordSupplies(stationId: $st, day: "2027-07-01", items: $items) { quantity } }`;
    expect((await data(REC, { st: home.id, items: [{ itemId: soup, quantity: 12 }] }, { token: mengzhouOp.token })).recordSupplies).toEqual([{ quantity: 12 }]);
    const LOG = `mutation($st: ID!, $n: Int!, $c: ID) { recordServiceLog(stationId: $st, day: "2027-07-01", peopleServed: $n, campaignId: $c) { peopleServed } }`;
    await data(LOG, { st: home.id, n: 80, c: cooling.id }, { token: mengzhouOp.token });
    await data(LOG, { st: home.id, n: 95, c: cooling.id }, { token: mengzhouOp.token });
    const logs = (await data(`query($st: ID!) { serviceLogs(stationId: $st, from: "2027-07-01", to: "2027-07-01") { peopleServed } }`, { st: home.id })).serviceLogs;
    expect(logs).toEqual([{ peopleServed: 95 }]);
    const denied = await s.graphql(LOG, { st: home.id, n: 1, c: null }, { token: zzOp.token });
    expect(denied.errors[0].extensions.code).toBe('NOT_FOUND');
    const peek = await s.graphql(`query($st: ID!) { serviceLogs(stationId: $st, from: "2027-07-01", to: "2027-07-01") { peopleServed } }`, { st: home.id }, { token: zzOp.token });
    expect(peek.errors[0].extensions.code).toBe('NOT_FOUND');
    // A campaign's supply cannot be booked at a station that does not serve it.
    const sanxiaItem = (await data(`{ campaigns(limit: 20) { nodes { kind supplyItems { id } } } }`)).campaigns.nodes.find((x: any) => x.kind === 'HARVEST_SUPPORT' && x.supplyItems.length).supplyItems[0].id;
    const wrongItem = await s.graphql(REC, { st: home.id, items: [{ itemId: sanxiaItem, quantity: 1 }] }, { token: mengzhouOp.token });
    expect(wrongItem.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0].itemId' });
    const badQty = await s.graphql(REC, { st: home.id, items: [{ itemId: soup, quantity: 0 }] }, { token: mengzhouOp.token });
    expect(badQty.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const totals = (await data(`query($id: ID!) { campaign(id: $id) { supplyTotals { item { name } quantity } peopleServed } }`, { id: cooling.id })).campaign;
    expect(totals).toEqual({ supplyTotals: [{ item: { name: '绿豆汤' }, quantity: 12 }], peopleServed: 95 });
  });

  it('serviceLogs and supplyTallies take filter (ids, …) and orderBy like the other lists; the old arguments alone still work', async () => {
    const st = (await data(`{ stations(filter: {search: "孟州市司机之家"}) { nodes { id } } }`)).stations.nodes[0].id;
    const cooling = (await data(`{ campaigns(limit: 20) { nodes { id kind supplyItems { id } } } }`)).campaigns.nodes.find((x: any) => x.kind === 'SUMMER_COOLING');
    const item = cooling.supplyItems[0].id;
    for (const [day, n] of [['2027-07-10', 30], ['2027-07-11', 10], ['2027-07-12', 20]] as const) {
      await data(`mutation($st: ID!, $d: String!, $n: Int!) { recordServiceLog(stationId: $st, day: $d, peopleServed: $n) { id } }`, { st, d: day, n });
      await data(`mutation($st: ID!, $d: String!, $items: [SupplyQuantityInput!]!) { recordSupplies(stationId: $st, day: $d, items: $items) { id } }`, { st, d: day, items: [{ itemId: item, quantity: n }] });
    }
    const LOGS = `query($st: ID!, $f: ServiceLogFilter, $o: ServiceLogOrder) { serviceLogs(stationId: $st, from: "2027-07-10", to: "2027-07-12", filter: $f, orderBy: $o) { id day peopleServed } }`;
    const all = (await data(LOGS, { st })).serviceLogs;
    expect(all.map((l: any) => l.day)).toEqual(['2027-07-10', '2027-07-11', '2027-07-12']);
    const byPeople = (await data(LOGS, { st, o: { field: 'PEOPLE_SERVED', direction: 'DESC' } })).serviceLogs;
    expect(byPeople.map((l: any) => l.peopleServed)).toEqual([30, 20, 10]);
    const two = (await data(LOGS, { st, f: { ids: [all[2].id, all[0].id] } })).serviceLogs;
    expect(two.map((l: any) => l.id)).toEqual([all[0].id, all[2].id]);
    const TALLIES = `query($st: ID!, $f: SupplyTallyFilter, $o: SupplyTallyOrder) { supplyTallies(stationId: $st, from: "2027-07-10", to: "2027-07-12", filter: $f, orderBy: $o) { id day quantity } }`;
    const tallies = (await data(TALLIES, { st, f: { itemId: item }, o: { field: 'QUANTITY', direction: 'ASC' } })).supplyTallies;
    expect(tallies.map((t: any) => t.quantity)).toEqual([10, 20, 30]);
    const one = (await data(TALLIES, { st, f: { ids: [tallies[1].id] } })).supplyTallies;
    expect(one).toEqual([tallies[1]]);
    const bad = await s.post({ query: TALLIES, variables: { st, f: { ids: ['x'] } } });
    expect(bad.status).toBe(200);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.ids[0]' });
    const many = await s.post({ query: LOGS, variables: { st, f: { ids: Array.from({ length: 1001 }, () => all[0].id) } } });
    expect(many.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.ids', reason: 'TOO_MANY', args: { max: 1000 } });
  });
});

describe('iCalendar feeds', () => {
  it('serves a volunteer\'s and a team\'s shifts at a secret URL, parsed back by node-ical', async () => {
    const c = await campaign();
    const t = Math.floor((Date.now() + 180 * H) / 1000) * 1000; // iCalendar keeps whole seconds
    const team = (await data(`mutation($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`, { i: { name: '日历测试队', kind: 'RESCUE', organizationId: org } })).createVolunteerTeam.id;
    const [v, w] = await volunteers(2, {}, team);
    const day = await shift(c.id, c.stationId, t, 12, 1);
    const night = await shift(c.id, c.stationId, t + 12 * H, 12, 2);
    await data(SIGN_UP, { s: day, v, w: true });
    await data(SIGN_UP, { s: night, v, w: true });
    await data(SIGN_UP, { s: day, v: w, w: true }); // waitlisted: tentative
    const feed = (await data(`mutation($id: ID!) { rotateVolunteerCalendar(volunteerId: $id) { path } }`, { id: v })).rotateVolunteerCalendar.path;
    const res = await fetch(`${s.url}${feed}`);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    const events = Object.values(ical.sync.parseICS(await res.text())).filter((e: any) => e.type === 'VEVENT') as any[];
    expect(events.map((e) => [new Date(e.start).getTime(), new Date(e.end).getTime()]).sort()).toEqual([
      [t, t + 12 * H],
      [t + 12 * H, t + 24 * H],
    ]);
    expect(events[0].summary).toMatch(/测试服务点/);
    const wFeed = (await data(`mutation($id: ID!) { rotateVolunteerCalendar(volunteerId: $id) { path } }`, { id: w })).rotateVolunteerCalendar.path;
    const wEvents = Object.values(ical.sync.parseICS(await (await fetch(`${s.url}${wFeed}`)).text())).filter((e: any) => e.type === 'VEVENT') as any[];
    expect(wEvents.map((e) => e.status)).toEqual(['TENTATIVE']);
    const teamFeed = (await data(`mutation($id: ID!) { rotateTeamCalendar(teamId: $id) { path } }`, { id: team })).rotateTeamCalendar.path;
    const teamEvents = Object.values(ical.sync.parseICS(await (await fetch(`${s.url}${teamFeed}`)).text())).filter((e: any) => e.type === 'VEVENT') as any[];
    expect(teamEvents).toHaveLength(2);
    // Rotating again retires the old link.
    await data(`mutation($id: ID!) { rotateVolunteerCalendar(volunteerId: $id) { path } }`, { id: v });
    expect((await fetch(`${s.url}${feed}`)).status).toBe(404);
  });
});
