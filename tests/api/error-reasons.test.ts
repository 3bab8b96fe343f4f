import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError, ConflictError, DomainError, formatError, NotFoundError, REASONS } from '../../api/src/common/errors';
import { ForbiddenError, UnauthenticatedError } from '../../api/src/auth/access';
import { ReferenceNotFoundError } from '../../api/src/auth/not-found';
import { RateLimitedError } from '../../api/src/common/rate-limit';
import zhReasons from '../../admin/src/i18n/reasons/zh';
import enReasons from '../../admin/src/i18n/reasons/en';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Every error the API answers carries a stable `extensions.reason` (REASONS) and `extensions.args`, and the admin
 * translates each reason in zh-CN and en: the error classes, formatError's own refusals, every throw site in the
 * API's source, and a sample of failing operations over HTTP (with times as ISO instants plus the time zone).
 */
const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the reason catalogue', () => {
  it('has unique keys, each translated in zh-CN and en with the same placeholders', () => {
    expect(new Set(REASONS).size).toBe(REASONS.length);
    for (const r of REASONS) {
      const zh = (zhReasons as Record<string, string>)[r];
      const en = (enReasons as Record<string, string>)[r];
      expect(zh, `zh ${r}`).toMatch(/\S/);
      expect(en, `en ${r}`).toMatch(/\S/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(placeholders(zh), r).toEqual(placeholders(en));
    }
    expect(Object.keys(zhReasons).sort()).toEqual([...REASONS].sort());
  });

  it('every error class answers a known reason and args through formatError', () => {
    const errors: DomainError[] = [
      new BadInputError('input.name', 'must not be empty', 'EMPTY'),
      new BadInputError('input.x', 'something without a reason'),
      new NotFoundError('Station', 'abc'),
      new ConflictError('clash'),
      new UnauthenticatedError(),
      new ForbiddenError('no'),
      new ReferenceNotFoundError('Shift', 'abc', 'shiftId'),
      new RateLimitedError('slow down', 30),
    ];
    for (const e of errors) {
      const out = formatError({ message: e.message }, new GraphQLError(e.message, { originalError: e }));
      expect(REASONS, e.name).toContain(out.extensions?.reason);
      expect(out.extensions?.args).toBeTypeOf('object');
    }
    expect(new BadInputError('input.x', 'something without a reason').args).toEqual({ detail: 'something without a reason' });
    const internal = formatError({ message: 'x' }, new GraphQLError('x', { originalError: new Error('boom') }));
    expect(internal.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' });
  });

  it('every throw site in api/src names a reason from the catalogue', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(__dirname, '../../api/src'));
    const unnamed: string[] = [];
    let sites = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new (BadInputError|ConflictError|ForbiddenError|RateLimitedError)\(/g)) {
        // The call's text up to its closing parenthesis.
        let depth = 0;
        let end = m.index! + m[0].length - 1;
        for (; end < text.length; end++) {
          if (text[end] === '(') depth++;
          else if (text[end] === ')' && --depth === 0) break;
        }
        const call = text.slice(m.index!, end + 1);
        sites++;
        const named = [...call.matchAll(/'([A-Z][A-Z_]+)'/g)].map((x) => x[1]).filter((r) => (REASONS as readonly string[]).includes(r));
        if (!named.length && !/^new \w+\(message/.test(call)) unnamed.push(`${file.replace(/.*api\/src\//, '')}: ${call.slice(0, 90)}`);
      }
    }
    expect(sites).toBeGreaterThan(150);
    expect(unnamed).toEqual([]);
  });
});

describe('failing operations over HTTP', () => {
  let s: TestServer;
  const H = 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  beforeAll(async () => {
    s = await startTestServer({ seed: true, env: { RATE_LIMIT_USER_PER_MINUTE: '10000000' } });
  }, 120_000);
  afterAll(async () => s?.stop());

  async function data(query: string, variables?: Record<string, unknown>) {
    const r = await s.graphql(query, variables);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as any;
  }

  async function refusal(query: string, variables: Record<string, unknown> | undefined, as?: Parameters<TestServer['post']>[1]) {
    const r = await s.post({ query, variables }, as);
    const e = r.body.errors?.[0];
    expect(e, JSON.stringify(r.body)).toBeDefined();
    expect(REASONS).toContain(e.extensions.reason);
    expect(e.extensions.args).toBeTypeOf('object');
    return { status: r.status, ext: e.extensions as Record<string, any> };
  }

  it('parse errors, validation errors and sign-in are reasoned too', async () => {
    expect(await refusal('{ stations {', undefined)).toMatchObject({ status: 400, ext: { code: 'GRAPHQL_PARSE_FAILED', reason: 'GRAPHQL_PARSE_FAILED' } });
    expect(await refusal('{ noSuchField }', undefined)).toMatchObject({ status: 400, ext: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'GRAPHQL_VALIDATION_FAILED' } });
    const anon = await refusal('{ organizations { totalCount } }', undefined, 'anonymous');
    expect(anon.ext).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' });
  });

  it('station refusals: bad opening hours, an empty name, another organization for an operator', async () => {
    const CREATE = `mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`;
    const base = { kind: 'LOVE_STATION', name: '测试驿站', location: { lng: 113.68, lat: 34.74 } };
    const hours = await refusal(CREATE, { i: { ...base, openingHours: '周一至周五 9:00-17:00' } });
    expect(hours).toMatchObject({ status: 200, ext: { code: 'BAD_USER_INPUT', field: 'input.openingHours', reason: 'OPENING_HOURS_SYNTAX' } });
    const empty = await refusal(CREATE, { i: { ...base, name: '  ' } });
    expect(empty.ext).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', reason: 'EMPTY' });
    const orgs = (await data(`{ organizations(limit: 100) { nodes { id name } } }`)).organizations.nodes;
    const zz = orgs.find((o: any) => o.name === '郑州市总工会').id;
    const xw = orgs.find((o: any) => o.name === '修武县总工会').id;
    const op = await s.createUser({ username: `op${randomUUID().slice(0, 8)}`, role: 'OPERATOR', organizationIds: [xw] });
    const foreign = await refusal(CREATE, { i: { ...base, operatorOrganizationId: zz } }, { token: op.token });
    expect(foreign.ext).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.operatorOrganizationId', reason: 'STATION_ORG_NOT_YOURS' });
  });

  it('scheduling refusals carry ISO instants and the campaign time zone: check-in window, overlap, outside the window', async () => {
    const c = (await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
      i: { name: `测试 ${randomUUID().slice(0, 6)}`, kind: 'OTHER', startsAt: iso(Date.now() - 24 * H), endsAt: iso(Date.now() + 5 * 24 * H), timezone: 'Asia/Shanghai', organizationIds: [(await data(`{ organizations(filter: {search: "修武县总工会"}) { nodes { id } } }`)).organizations.nodes[0].id] },
    })).createCampaign.id;
    const point = (await data(`mutation($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, { i: { campaignId: c, name: '测试点', location: { lng: 113.45, lat: 35.22 } } })).addServicePoint.id;
    const mk = async (start: number, role: string) =>
      (await data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, { i: { campaignId: c, stationId: point, startsAt: iso(start), endsAt: iso(start + 4 * H), maxVolunteers: 3, role } })).createShift.id;
    const later = Date.now() + 5 * H;
    const a = await mk(later, 'A');
    const b = await mk(later + H, 'B');
    const team = (await data(`mutation($i: VolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`, { i: { name: `队 ${randomUUID().slice(0, 6)}`, kind: 'COMMUNITY', organizationId: (await data(`{ organizations(filter: {search: "修武县总工会"}) { nodes { id } } }`)).organizations.nodes[0].id } })).createVolunteerTeam.id;
    const v = (await data(`mutation($i: VolunteerInput!) { createVolunteer(input: $i) { id } }`, { i: { name: '志愿者甲', teamIds: [team] } })).createVolunteer.id;
    const SIGN_UP = `mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`;
    const assignment = (await data(SIGN_UP, { s: a, v })).signUpForShift.id;
    const overlap = await refusal(SIGN_UP, { s: b, v });
    expect(overlap).toMatchObject({ status: 200, ext: { code: 'CONFLICT', reason: 'SHIFT_OVERLAP', args: { timeZone: 'Asia/Shanghai', startsAt: iso(later + H) } } });
    const early = await refusal(`mutation($id: ID!) { checkIn(assignmentId: $id) { id } }`, { id: assignment });
    expect(early.ext).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at', reason: 'CHECK_IN_WINDOW', args: { minutes: 30, timeZone: 'Asia/Shanghai', opensAt: iso(later - 30 * 60_000) } });
    const outside = await refusal(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, { i: { campaignId: c, stationId: point, startsAt: iso(Date.now() + 30 * 24 * H), endsAt: iso(Date.now() + 30 * 24 * H + H), maxVolunteers: 2 } });
    expect(outside.ext).toMatchObject({ reason: 'SHIFT_OUTSIDE_CAMPAIGN', args: { timeZone: 'Asia/Shanghai' } });
    expect(outside.ext.args.campaignEndsAt).toMatch(/Z$/);
  });

  it('planning the seeded 三夏 schedule again with another role finds every shift existing (no doubled schedule)', async () => {
    const camp = (await data(`{ campaigns(limit: 10) { nodes { id name kind startsAt endsAt stations { id } } } }`)).campaigns.nodes.find((x: any) => x.kind === 'HARVEST_SUPPORT' && x.name.includes('修武县'));
    const PLAN = `mutation($i: ShiftPatternInput!, $save: Boolean) { planShifts(input: $i, save: $save) { created shifts { existing role } } }`;
    const input = {
      campaignId: camp.id,
      fromDate: '2027-06-02',
      toDate: '2027-06-15',
      stationIds: camp.stations.map((p: any) => p.id),
      slots: [
        { start: '08:00', end: '20:00', role: '志愿者', maxVolunteers: 4, minVolunteers: 2 },
        { start: '20:00', end: '08:00', role: '志愿者', maxVolunteers: 2, minVolunteers: 1 },
      ],
    };
    const preview = (await data(PLAN, { i: input, save: false })).planShifts;
    expect(preview.shifts).toHaveLength(3 * 14 * 2);
    expect(preview.shifts.filter((x: any) => !x.existing)).toHaveLength(0);
    expect((await data(PLAN, { i: input, save: true })).planShifts.created).toBe(0);
    const fill = (await data(`query($id: ID!) { campaignFillRate(campaignId: $id) { shifts { isNight } } }`, { id: camp.id })).campaignFillRate;
    expect(fill.shifts).toHaveLength(84);
    // The campaign ends 2027-06-16 12:00: a day shift that day is outside, with the window in the args.
    const late = await refusal(PLAN, { i: { ...input, fromDate: '2027-06-16', toDate: '2027-06-16' }, save: false });
    expect(late.ext).toMatchObject({ field: 'input.slots[0]', reason: 'SHIFT_OUTSIDE_CAMPAIGN', args: { timeZone: 'Asia/Shanghai', campaignEndsAt: '2027-06-16T04:00:00.000Z' } });
  });

  it('convertOpeningHoursText and openingHoursCheck give the importer\'s conversion of Chinese text', async () => {
    const r = await data(`{ c: convertOpeningHoursText(text: "周一至周五 9:00-17:00") { openingHours problem } k: openingHoursCheck(openingHours: "周一至周五 9:00-17:00") { valid reason suggestion } bad: convertOpeningHoursText(text: "看心情") { openingHours problem } }`);
    expect(r.c).toEqual({ openingHours: 'Mo-Fr 09:00-17:00; PH off', problem: null });
    expect(r.k).toEqual({ valid: false, reason: 'OPENING_HOURS_SYNTAX', suggestion: 'Mo-Fr 09:00-17:00; PH off' });
    expect(r.bad.openingHours).toBeNull();
    expect(r.bad.problem).toMatch(/\S/);
  });

  it('organizations(filter: {assignable: true}) offers an operator only the organizations the policy lets them name', async () => {
    const all = (await data(`{ organizations(limit: 1000) { totalCount nodes { id name } } }`)).organizations;
    const xw = all.nodes.find((o: any) => o.name === '修武县总工会').id;
    const op = await s.createUser({ username: `op${randomUUID().slice(0, 8)}`, role: 'OPERATOR', organizationIds: [xw] });
    const r = await s.graphql(`{ organizations(filter: {assignable: true}, limit: 1000) { totalCount nodes { id name } } }`, undefined, { token: op.token });
    expect(r.errors).toBeUndefined();
    const mine = r.data.organizations.nodes.map((o: any) => o.id);
    expect(mine).toContain(xw);
    expect(mine.length).toBeLessThan(all.totalCount);
    expect(r.data.organizations.nodes.map((o: any) => o.name)).not.toContain('郑州市总工会');
    const admin = (await data(`{ organizations(filter: {assignable: true}, limit: 1000) { totalCount } }`)).organizations.totalCount;
    expect(admin).toBe(all.totalCount);
  });
});
