import { randomUUID } from 'node:crypto';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Volunteer self-sign-up by link and QR code (issue 16 §2) against the real database, through real HTTP: a
 * coordinator's sign-up links (team, expiry, revocation at once), registration with consent, the open shifts,
 * sign-up and cancel through the staff scheduling rules (capacity, waitlist, no overlap, skills, campaign window),
 * a 200-volunteer surge through the link, privacy between volunteers, check-in by a service point's QR code, and
 * the per-IP rate limit. Each refusal is checked by HTTP status and code.
 */
let s: TestServer;
let org = '';
let otherOrg = '';
let coordinator = '';
let outsider = '';
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
let ipCounter = 0;
/** A fresh client address (the server trusts the loopback proxy), so each test has its own rate-limit budget. */
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function data<T = any>(query: string, variables?: Record<string, unknown>, as?: Parameters<TestServer['graphql']>[2]): Promise<T> {
  const r = await s.graphql(query, variables, as);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** One call of the volunteer API as a phone would make it. */
async function api(method: 'GET' | 'POST', path: string, opts: { body?: unknown; token?: string; ip?: string; contentType?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'x-forwarded-for': opts.ip ?? '10.0.0.1' };
  if (opts.token) headers['x-volunteer-token'] = opts.token;
  if (method === 'POST') headers['content-type'] = opts.contentType ?? 'application/json';
  const res = await fetch(`${s.url}${path}`, { method, headers, body: method === 'POST' ? (typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body ?? {})) : undefined });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, body, headers: res.headers };
}

async function campaign(orgId = org): Promise<{ id: string; stationId: string }> {
  const c = await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
    i: { name: `报名测试 ${randomUUID().slice(0, 6)}`, kind: 'SUMMER_COOLING', startsAt: iso(Date.now() - 24 * H), endsAt: iso(Date.now() + 10 * 24 * H), organizationIds: [orgId] },
  });
  const p = await data(`mutation($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, {
    i: { campaignId: c.createCampaign.id, name: `测试服务点 ${randomUUID().slice(0, 4)}`, location: { lng: 113.45, lat: 35.22 }, amenities: ['DRINKING_WATER'] },
  });
  return { id: c.createCampaign.id, stationId: p.addServicePoint.id };
}

async function shift(campaignId: string, stationId: string, startsAt: number, hours: number, max: number, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, {
    i: { campaignId, stationId, startsAt: iso(startsAt), endsAt: iso(startsAt + hours * H), maxVolunteers: max, minVolunteers: 1, ...extra },
  });
  return r.createShift.id;
}

async function team(orgId = org): Promise<string> {
  return (await data(`mutation($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`, { i: { name: `队 ${randomUUID().slice(0, 6)}`, kind: 'COMMUNITY', organizationId: orgId } })).createVolunteerTeam.id;
}

const CREATE_LINK = `mutation($c: ID!, $t: ID, $e: DateTime) { createSignupLink(campaignId: $c, teamId: $t, expiresAt: $e) { id path active expiresAt revokedAt registrations team { id } campaign { id } } }`;

async function link(campaignId: string, extra: { t?: string; e?: string } = {}, as: Parameters<TestServer['graphql']>[2] = 'admin'): Promise<{ id: string; token: string }> {
  const r = await data(CREATE_LINK, { c: campaignId, ...extra }, as);
  return { id: r.createSignupLink.id, token: r.createSignupLink.path.replace('/join/', '') };
}

let consentVersion = '';
async function registerVolunteer(linkToken: string, extra: Record<string, unknown> = {}, ip = freshIp()): Promise<string> {
  const r = await api('POST', `/api/volunteer/links/${linkToken}/register`, { ip, body: { name: '李志愿', phone: '13800001111', skills: [], consentVersion, ...extra } });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

const count = async (sql: string, params: unknown[] = []) => ((await s.app.orm.em.fork().execute(sql, params)) as { n: number }[])[0].n;

beforeAll(async () => {
  s = await startTestServer({ seed: true, env: { DB_ACQUIRE_TIMEOUT_MS: '60000', TRUST_PROXY: 'loopback', RATE_LIMIT_SIGNUP_PER_MINUTE: '40', RATE_LIMIT_USER_PER_MINUTE: '10000000' } });
  const orgs = await data(`{ organizations(limit: 100) { nodes { id name } } }`);
  org = orgs.organizations.nodes.find((o: any) => o.name === '修武县总工会').id;
  otherOrg = orgs.organizations.nodes.find((o: any) => o.name === '郑州市总工会').id;
  coordinator = (await s.createUser({ username: `coord_${randomUUID().slice(0, 6)}`, role: 'COORDINATOR', organizationIds: [org] })).token;
  outsider = (await s.createUser({ username: `other_${randomUUID().slice(0, 6)}`, role: 'COORDINATOR', organizationIds: [otherOrg] })).token;
  const c = await campaign();
  const l = await link(c.id);
  consentVersion = (await api('GET', `/api/volunteer/links/${l.token}`)).body.consent.version;
}, 180_000);
afterAll(async () => s?.stop());

describe('sign-up links (coordinator)', () => {
  it('a coordinator of the campaign creates a link for a team with an expiry; the page shows the campaign, team and consent text', async () => {
    const c = await campaign();
    const t = await team();
    const expires = iso(Date.now() + 5 * 24 * H);
    const r = await data(CREATE_LINK, { c: c.id, t, e: expires }, { token: coordinator });
    expect(r.createSignupLink).toMatchObject({ active: true, expiresAt: expires, revokedAt: null, registrations: 0, team: { id: t }, campaign: { id: c.id } });
    expect(r.createSignupLink.path).toMatch(/^\/join\/[A-Za-z0-9_-]{32}$/);
    const page = await api('GET', `/api/volunteer/links/${r.createSignupLink.path.slice(6)}`);
    expect(page.status).toBe(200);
    expect(page.body.link.campaign.name).toMatch(/^报名测试/);
    expect(page.body.link.team.name).toMatch(/^队 /);
    expect(page.body.consent.text).toMatch(/手机号/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const list = await data(`query($c: ID!) { signupLinks(campaignId: $c) { id } }`, { c: c.id }, { token: coordinator });
    expect(list.signupLinks.map((x: any) => x.id)).toEqual([r.createSignupLink.id]);
  });

  it('refuses a campaign or team out of scope (NOT_FOUND naming the argument) and a past expiry (BAD_USER_INPUT), writing nothing', async () => {
    const c = await campaign();
    const before = await count(`select count(*)::int as n from signup_link`);
    const notMine = await s.graphql(CREATE_LINK, { c: c.id }, { token: outsider });
    expect(notMine.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'campaignId' });
    const otherTeam = await s.graphql(CREATE_LINK, { c: c.id, t: await team(otherOrg) }, { token: coordinator });
    expect(otherTeam.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'teamId' });
    const past = await s.graphql(CREATE_LINK, { c: c.id, e: iso(Date.now() - 60_000) }, { token: coordinator });
    expect(past.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    const anonymous = await s.post({ query: CREATE_LINK, variables: { c: c.id } }, 'anonymous');
    // A resolver's refusal is a GraphQL error in a 200 answer (README, "HTTP status codes").
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([200, 'UNAUTHENTICATED']);
    expect(await count(`select count(*)::int as n from signup_link`)).toBe(before);
  });

  it('a revoked link answers 410 LINK_REVOKED at once on every endpoint; an expired one 410 LINK_EXPIRED; an unknown one 404', async () => {
    const c = await campaign();
    const sh = await shift(c.id, c.stationId, Date.now() + 48 * H, 2, 3);
    const l = await link(c.id);
    const token = await registerVolunteer(l.token);
    const notMine = await s.graphql(`mutation($id: ID!) { revokeSignupLink(id: $id) { id } }`, { id: l.id }, { token: outsider });
    expect(notMine.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const revoked = await data(`mutation($id: ID!) { revokeSignupLink(id: $id) { revokedAt active } }`, { id: l.id }, { token: coordinator });
    expect(revoked.revokeSignupLink.active).toBe(false);
    for (const [method, path, opts] of [
      ['GET', `/api/volunteer/links/${l.token}`, {}],
      ['POST', `/api/volunteer/links/${l.token}/register`, { body: { name: '王', phone: '13800002222', consentVersion } }],
      ['GET', `/api/volunteer/links/${l.token}/shifts`, { token }],
      ['POST', `/api/volunteer/links/${l.token}/shifts/${sh}/signup`, { token }],
    ] as const) {
      const r = await api(method, path, { ...opts, ip: freshIp() });
      expect([path, r.status, r.body.error.code]).toEqual([path, 410, 'LINK_REVOKED']);
      expect(r.body.error).toMatchObject({ reason: 'LINK_REVOKED', args: {} });
    }
    expect(await count(`select count(*)::int as n from shift_assignment where shift_id = ?`, [sh])).toBe(0);
    // The volunteer's own page still works: their data and sign-ups are theirs, not the link's.
    expect((await api('GET', '/api/volunteer/me', { token })).status).toBe(200);

    const e = await link(c.id, { e: iso(Date.now() + 60_000) });
    await s.app.orm.em.fork().execute(`update signup_link set expires_at = now() - interval '1 second' where id = ?`, [e.id]);
    const expired = await api('GET', `/api/volunteer/links/${e.token}`);
    expect([expired.status, expired.body.error.code]).toEqual([410, 'LINK_EXPIRED']);
    const unknown = await api('GET', `/api/volunteer/links/${'x'.repeat(32)}`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(expired.body.error).toMatchObject({ reason: 'LINK_EXPIRED', args: {} });
    expect(unknown.body.error).toMatchObject({ reason: 'NOT_FOUND' });
  });
});

describe('registration', () => {
  it('refuses bad input naming the field (400 BAD_USER_INPUT) and writes nothing', async () => {
    const c = await campaign();
    const l = await link(c.id, { t: await team() });
    const before = await count(`select count(*)::int as n from volunteer`);
    const good = { name: '张三', phone: '13800003333', skills: ['FIRST_AID'], consentVersion };
    // Each refusal also carries the rule as `reason` + `args`, which the volunteer page says in its language.
    for (const [body, field, reason] of [
      [{ ...good, name: undefined }, 'name', 'REQUIRED'],
      [{ ...good, name: '\u200b ' }, 'name', 'NOT_VISIBLE'],
      [{ ...good, name: '长'.repeat(51) }, 'name', 'TOO_LONG'],
      [{ ...good, phone: undefined }, 'phone', 'REQUIRED'],
      [{ ...good, phone: 'call me' }, 'phone', 'PHONE_FORMAT'],
      [{ ...good, skills: ['FLYING'] }, 'skills', 'UNKNOWN_VALUE'],
      [{ ...good, skills: 'FIRST_AID' }, 'skills', 'SKILLS_LIST'],
      [{ ...good, consentVersion: undefined }, 'consentVersion', 'CONSENT_REQUIRED'],
      [{ ...good, consentVersion: '2020-01-01' }, 'consentVersion', 'CONSENT_REQUIRED'],
    ] as const) {
      const r = await api('POST', `/api/volunteer/links/${l.token}/register`, { body, ip: freshIp() });
      expect([field, r.status, r.body.error.code, r.body.error.field]).toEqual([field, 400, 'BAD_USER_INPUT', field]);
      expect([field, r.body.error.reason]).toEqual([field, reason]);
      expect(r.body.error.args).toBeTypeOf('object');
    }
    const notJson = await api('POST', `/api/volunteer/links/${l.token}/register`, { body: 'name=x', contentType: 'application/x-www-form-urlencoded', ip: freshIp() });
    expect(notJson.status).toBe(415);
    expect(notJson.body.error).toMatchObject({ code: 'BAD_REQUEST', reason: 'CONTENT_TYPE_NOT_JSON', args: {} });
    const broken = await api('POST', `/api/volunteer/links/${l.token}/register`, { body: '{"name":', ip: freshIp() });
    expect([broken.status, broken.body.error.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(broken.body.error).toMatchObject({ reason: 'BODY_TOO_LARGE_OR_NOT_JSON', args: { maxKb: 8 } });
    expect(await count(`select count(*)::int as n from volunteer`)).toBe(before);
  });

  it('registers with consent (version and time stored), joins the link’s team, and the coordinator of that team sees the phone', async () => {
    const c = await campaign();
    const t = await team();
    const l = await link(c.id, { t });
    const r = await api('POST', `/api/volunteer/links/${l.token}/register`, { body: { name: ' 赵六 ', phone: '13912345678', skills: ['DRIVER', 'DRIVER'], consentVersion }, ip: freshIp() });
    expect(r.status).toBe(201);
    expect(r.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(r.body.mePath).toBe(`/me/${r.body.token}`);
    expect(r.body.me).toMatchObject({ name: '赵六', phone: '13912345678', skills: ['DRIVER'], consent: { version: consentVersion } });
    expect(Math.abs(Date.parse(r.body.me.consent.at) - Date.now())).toBeLessThan(60_000);
    const [row] = await s.app.orm.em.fork().execute(`select a.token_hash, a.consent_version, v.id from volunteer_access a join volunteer v on v.id = a.volunteer_id where v.phone = '13912345678'`);
    expect(row.consent_version).toBe(consentVersion);
    expect(row.token_hash).not.toContain(r.body.token);
    const members = await data(`query($t: ID!) { volunteers(filter: { teamIds: [$t] }) { nodes { id name phone } } }`, { t }, { token: coordinator });
    expect(members.volunteers.nodes).toEqual([{ id: row.id, name: '赵六', phone: '13912345678' }]);
    expect((await data(`query($c: ID!) { signupLinks(campaignId: $c) { registrations } }`, { c: c.id })).signupLinks[0].registrations).toBe(1);
  });
});

describe('shifts through the link', () => {
  it('lists the campaign’s open shifts by service point with counts and the caller’s own status, and nobody else’s personal data', async () => {
    const c = await campaign();
    const other = await campaign();
    const sh = await shift(c.id, c.stationId, Date.now() + 24 * H, 4, 2);
    await shift(c.id, c.stationId, Date.now() - 5 * H, 2, 2); // ended: not offered
    await shift(other.id, other.stationId, Date.now() + 24 * H, 4, 2); // another campaign: not offered
    const l = await link(c.id);
    const a = await registerVolunteer(l.token, { name: '甲志愿者', phone: '13700000001' });
    const b = await registerVolunteer(l.token, { name: '乙志愿者', phone: '13700000002' });
    expect((await api('POST', `/api/volunteer/links/${l.token}/shifts/${sh}/signup`, { token: a })).status).toBe(201);
    const seen = await api('GET', `/api/volunteer/links/${l.token}/shifts`, { token: b });
    expect(seen.status).toBe(200);
    expect(seen.body.shifts).toHaveLength(1);
    expect(seen.body.shifts[0]).toMatchObject({ id: sh, capacity: 2, filledCount: 1, waitlistCount: 0, myStatus: null, station: { id: c.stationId } });
    const everything = JSON.stringify(seen.body) + JSON.stringify((await api('GET', '/api/volunteer/me', { token: b })).body);
    expect(everything).not.toContain('甲志愿者');
    expect(everything).not.toContain('13700000001');
    expect(JSON.stringify((await api('GET', `/api/volunteer/links/${l.token}/shifts`, { token: a })).body.shifts[0])).toContain('"myStatus":"SIGNED_UP"');
  });

  it('follows the staff rules: waitlist when full, CONFLICT when already on it or overlapping, skills and window BAD_USER_INPUT, another campaign’s shift NOT_FOUND', async () => {
    const c = await campaign();
    const other = await campaign();
    const start = Date.now() + 30 * H;
    const one = await shift(c.id, c.stationId, start, 4, 1);
    const overlapping = await shift(c.id, c.stationId, start + 2 * H, 4, 5, { role: '引导' });
    const medic = await shift(c.id, c.stationId, start + 10 * H, 2, 5, { requiredSkills: ['MEDIC'] });
    const foreign = await shift(other.id, other.stationId, start, 2, 5);
    const l = await link(c.id);
    const [a, b] = [await registerVolunteer(l.token), await registerVolunteer(l.token)];
    const up = (token: string, id: string) => api('POST', `/api/volunteer/links/${l.token}/shifts/${id}/signup`, { token });
    const first = await up(a, one);
    expect([first.status, first.body.assignment.status]).toEqual([201, 'SIGNED_UP']);
    const second = await up(b, one);
    expect([second.status, second.body.assignment.status, second.body.assignment.waitlistPosition]).toEqual([201, 'WAITLISTED', 1]);
    const again = await up(a, one);
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);
    const overlap = await up(a, overlapping);
    expect([overlap.status, overlap.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(overlap.body.error).toMatchObject({ reason: 'SHIFT_OVERLAP', args: { timeZone: expect.any(String) } });
    const skills = await up(a, medic);
    expect([skills.status, skills.body.error.code, skills.body.error.field]).toEqual([400, 'BAD_USER_INPUT', 'volunteerId']);
    const elsewhere = await up(a, foreign);
    expect([elsewhere.status, elsewhere.body.error.code, elsewhere.body.error.field]).toEqual([404, 'NOT_FOUND', 'shiftId']);
    const notUuid = await up(a, 'nope');
    expect([notUuid.status, notUuid.body.error.field]).toEqual([400, 'shiftId']);
    // A closed campaign takes no more sign-ups (the staff rule, not one of this page's).
    const v = (await data(`query($id: ID!) { campaign(id: $id) { version } }`, { id: c.id })).campaign.version;
    await data(`mutation($id: ID!, $v: Int!) { updateCampaign(id: $id, version: $v, input: {status: CLOSED}) { id } }`, { id: c.id, v });
    const closed = await up(b, overlapping);
    expect([closed.status, closed.body.error.code, closed.body.error.field]).toEqual([400, 'BAD_USER_INPUT', 'shiftId']);
  });

  it('cancels the caller’s own sign-up (the first waitlisted takes the place) but never another volunteer’s (404)', async () => {
    const c = await campaign();
    const sh = await shift(c.id, c.stationId, Date.now() + 40 * H, 3, 1);
    const l = await link(c.id);
    const [a, b] = [await registerVolunteer(l.token), await registerVolunteer(l.token)];
    const mine = (await api('POST', `/api/volunteer/links/${l.token}/shifts/${sh}/signup`, { token: a })).body.assignment.id;
    const theirs = (await api('POST', `/api/volunteer/links/${l.token}/shifts/${sh}/signup`, { token: b })).body.assignment.id;
    const stolen = await api('POST', `/api/volunteer/me/assignments/${mine}/cancel`, { token: b });
    expect([stolen.status, stolen.body.error.code, stolen.body.error.field]).toEqual([404, 'NOT_FOUND', 'id']);
    const cancelled = await api('POST', `/api/volunteer/me/assignments/${mine}/cancel`, { token: a });
    expect([cancelled.status, cancelled.body.assignment.status]).toEqual([200, 'CANCELLED']);
    const promoted = (await api('GET', '/api/volunteer/me', { token: b })).body.assignments.find((x: any) => x.id === theirs);
    expect(promoted.status).toBe('SIGNED_UP');
    expect((await api('GET', '/api/volunteer/me', { token: a })).body.assignments).toEqual([]);
  });

  it('gives the volunteer their iCalendar link, which lists their shift', async () => {
    const c = await campaign();
    const start = Date.now() + 50 * H;
    const sh = await shift(c.id, c.stationId, start, 3, 4);
    const l = await link(c.id);
    const a = await registerVolunteer(l.token, { name: '日历志愿者' });
    await api('POST', `/api/volunteer/links/${l.token}/shifts/${sh}/signup`, { token: a });
    const mine = (await api('GET', '/api/volunteer/me', { token: a })).body;
    expect(mine.calendarPath).toMatch(/^\/ical\/volunteer\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(mine.joinPath).toBe(`/join/${l.token}`);
    const feed = await fetch(`${s.url}${mine.calendarPath}`);
    expect(feed.status).toBe(200);
    const events = Object.values(ical.sync.parseICS(await feed.text())).filter((e: any) => e.type === 'VEVENT') as any[];
    expect(events).toHaveLength(1);
    expect(new Date(events[0].start).getTime()).toBe(Math.floor(start / 1000) * 1000);
  });

  it('answers 401 UNAUTHENTICATED without a volunteer token or with an unknown one', async () => {
    const c = await campaign();
    const l = await link(c.id);
    for (const token of [undefined, 'A'.repeat(32), 'short']) {
      const r = await api('GET', `/api/volunteer/links/${l.token}/shifts`, { token });
      expect([r.status, r.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
      const m = await api('GET', '/api/volunteer/me', { token });
      expect([m.status, m.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(m.body.error).toMatchObject({ reason: 'VOLUNTEER_LINK_UNKNOWN', args: {} });
    }
  });
});

describe('surge', () => {
  it('200 simultaneous sign-ups through the link for a 5-place shift: exactly 5 signed up, 195 waitlisted in arrival order', async () => {
    const c = await campaign();
    const sh = await shift(c.id, c.stationId, Date.now() + 60 * H, 4, 5);
    const l = await link(c.id);
    const tokens: string[] = [];
    for (let i = 0; i < 200; i += 20) {
      tokens.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => registerVolunteer(l.token, { name: `志愿者${i + j}`, phone: `1390000${String(i + j).padStart(4, '0')}` })))));
    }
    const started = Date.now();
    const results = await Promise.all(tokens.map((token) => api('POST', `/api/volunteer/links/${l.token}/shifts/${sh}/signup`, { token, ip: freshIp() })));
    const ms = Date.now() - started;
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    const statuses = results.map((r) => r.body.assignment.status);
    expect(statuses.filter((x) => x === 'SIGNED_UP')).toHaveLength(5);
    expect(statuses.filter((x) => x === 'WAITLISTED')).toHaveLength(195);
    const counts = await data(`query($id: ID!) { shift(id: $id) { filledCount waitlistCount } }`, { id: sh });
    expect(counts.shift).toEqual({ filledCount: 5, waitlistCount: 195 });
    // Arrival order: the places went to the five lowest sequence numbers, and each waitlisted volunteer was told
    // their place in the order of the sequence.
    const rows = await s.app.orm.em.fork().execute<{ id: string; status: string }[]>(`select id, status from shift_assignment where shift_id = ? order by seq`, [sh]);
    expect(rows.slice(0, 5).every((r) => r.status === 'SIGNED_UP')).toBe(true);
    const position = new Map(results.map((r) => [r.body.assignment.id, r.body.assignment.waitlistPosition]));
    expect(rows.slice(5).map((r) => position.get(r.id))).toEqual(Array.from({ length: 195 }, (_, i) => i + 1));
    console.log(`[surge] 200 sign-ups through the link in ${ms} ms: 5 SIGNED_UP, 195 WAITLISTED`);
  }, 240_000);
});

describe('check-in by the service point’s QR code', () => {
  const CODE = `mutation($s: ID!, $r: Boolean) { issueCheckInCode(stationId: $s, renew: $r) { stationId path createdAt } }`;

  it('checks the volunteer in on their shift there within the window; refuses outside it, an unknown or renewed code, and a point out of the coordinator’s scope', async () => {
    const c = await campaign();
    const soon = await shift(c.id, c.stationId, Date.now() + 10 * 60_000, 2, 3);
    const later = await shift(c.id, c.stationId, Date.now() + 72 * H, 2, 3);
    const l = await link(c.id);
    const [a, b] = [await registerVolunteer(l.token), await registerVolunteer(l.token)];
    await api('POST', `/api/volunteer/links/${l.token}/shifts/${soon}/signup`, { token: a });
    await api('POST', `/api/volunteer/links/${l.token}/shifts/${later}/signup`, { token: b });
    const code = (await data(CODE, { s: c.stationId }, { token: coordinator })).issueCheckInCode;
    expect(code.path).toMatch(/^\/checkin\/[A-Za-z0-9_-]{32}$/);
    expect((await data(CODE, { s: c.stationId }, { token: coordinator })).issueCheckInCode.path).toBe(code.path);
    const token = code.path.slice('/checkin/'.length);
    const ok = await api('POST', `/api/volunteer/checkin/${token}`, { token: a });
    expect([ok.status, ok.body.assignment.status, ok.body.station.id]).toEqual([200, 'CHECKED_IN', c.stationId]);
    expect(ok.body.assignment.checkedInAt).toBeTruthy();
    const twice = await api('POST', `/api/volunteer/checkin/${token}`, { token: a });
    expect([twice.status, twice.body.assignment.status]).toEqual([200, 'CHECKED_IN']);
    const early = await api('POST', `/api/volunteer/checkin/${token}`, { token: b });
    expect([early.status, early.body.error.code, early.body.error.field]).toEqual([400, 'BAD_USER_INPUT', 'code']);
    const anonymous = await api('POST', `/api/volunteer/checkin/${token}`, {});
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const renewed = (await data(CODE, { s: c.stationId, r: true }, { token: coordinator })).issueCheckInCode;
    expect(renewed.path).not.toBe(code.path);
    const old = await api('POST', `/api/volunteer/checkin/${token}`, { token: a });
    expect([old.status, old.body.error.code, old.body.error.field]).toEqual([404, 'NOT_FOUND', 'code']);
    const outOfScope = await s.graphql(CODE, { s: c.stationId }, { token: outsider });
    expect(outOfScope.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'stationId' });
  });
});

describe('rate limit', () => {
  it('charges the public endpoints to the caller’s IP (a registration 10 points of 40 a minute): the fifth registration is 429 RATE_LIMITED with Retry-After', async () => {
    const c = await campaign();
    const l = await link(c.id);
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await registerVolunteer(l.token, { name: `限流${i}` }, ip);
    const before = await count(`select count(*)::int as n from volunteer`);
    const r = await api('POST', `/api/volunteer/links/${l.token}/register`, { ip, body: { name: '限流5', phone: '13800009999', consentVersion } });
    expect([r.status, r.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await count(`select count(*)::int as n from volunteer`)).toBe(before);
    const elsewhere = await api('GET', `/api/volunteer/links/${l.token}`, { ip: freshIp() });
    expect(elsewhere.status).toBe(200);
  });
});
