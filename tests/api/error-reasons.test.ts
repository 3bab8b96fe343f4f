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

/**
 * The fallback reasons, one per error class, that carry the English message as `args.detail`
 * (error-reasons.ts): a rule of the API's own answers a reason of its own instead.
 */
const GENERIC_REASONS = ['INVALID_INPUT', 'CONFLICT', 'FORBIDDEN', 'PATTERN_MISMATCH', 'HOLIDAY_NOTICE_FORMAT', 'INVALID_VARIABLE', 'BAD_REQUEST', 'UNAUTHENTICATED'];

/**
 * Throw sites that pass on a reason made elsewhere, so name none themselves; each is checked where the reason is made.
 * - common/rate-limit.ts: the RateLimitedError class itself (its callers name QUERY_TOO_COSTLY, LOGIN_RATE_LIMITED…).
 * - holidays/holiday.service.ts: validateNoticeText rethrows validateNotice's error on `text` with its reason and args.
 * - server.ts / exports/http.ts: a bad credential (InvalidCredentialsError#key: AUTHORIZATION_FORMAT, API_KEY_UNKNOWN,
 *   SESSION_INVALID) and a database outage (transientReason) become HTTP refusals with that reason.
 * - exports/http.ts sendFailure: a DomainError's own reason, a database refusal's (databaseInputError).
 * - common/text-input.ts: a rule's `validate` returns the reason (LOCAL_DATE_RULE: NOT_A_DATE, YEAR_RANGE), and
 *   a pattern answers the rule's `patternReason` (PATTERN_MISMATCH only for a rule naming none: the next test).
 * - self-signup/self-signup.routes.ts: the volunteer page's own sendError(res, e, log), passing on the error's reason.
 */
const FORWARDING = [
  'common/input-rules.ts: new BadInputError(field, wrong.message, wrong.reason',
  'common/input-rules.ts: new BadInputError(field, rule.patternMessage ?? `must match ${rule.pattern}`, rule.patternReason ??',
  'self-signup/self-signup.routes.ts: sendError(res, e, deps.log)',
  'holidays/holiday.service.ts: new BadInputError(\'text\', e.message',
  'holidays/holiday.service.ts: new BadInputError(\'text\', `${format',
  'server.ts: new HttpRefusal(401, \'UNAUTHENTICATED\', `Not signed in: ${e.reason}`, e.key)',
  'server.ts: new HttpRefusal(503, \'SERVICE_UNAVAILABLE\', transient, transientReason(transient))',
  'exports/http.ts: sendError(res, 401, \'UNAUTHENTICATED\', `Not signed in: ${e.reason}`, e.key)',
  'exports/http.ts: sendError(res, STATUS[e.code] ?? 400, e.code, e.message, e.reason',
  'exports/http.ts: sendError(res, refused.code',
  'exports/http.ts: sendError(res, 503, \'SERVICE_UNAVAILABLE\', transient, transientReason(transient))',
  'graphql-http.ts: new HttpRefusal(',
];

/**
 * Args the admin shows apart from the sentence: `line`, `row`, `item` before it ("第 3 行：…", serverErrors.ts),
 * `timeZone` as the zone the instants are shown in.
 */
const SHOWN_APART = ['line', 'row', 'item', 'timeZone'];

/**
 * Args sent for programs that a sentence leaves out, each for a reason: a placeholder that some throw site of the
 * reason does not fill would show as `%{x}` in the admin.
 */
const FOR_PROGRAMS: Record<string, string[]> = {
  NOT_FOUND: ['entity', 'id'],
  UNKNOWN_ID: ['entity'], // an English type name; the sentence names the id
  NOT_A_SERVICE_POINT: ['id'], // a UUID // an English type name and a UUID; the sentence says "not found, or not yours to see"
  OPENING_HOURS_SYNTAX: ['value', 'detail'], // the input itself, and opening_hours.js's own English message
  OPENING_HOURS_INEXACT: ['value'], // the sentence gives the suggestion instead
  RATE_LIMITED: ['cost', 'points'], // the budget's arithmetic; the sentence says how long to wait
  TOO_LONG: ['length', 'min'], // the sentence states the limit (`max`); not every site sends these
  DATETIME_RANGE: ['min', 'max'], // fixed instants, said in words as 1900 to 2100
  NOT_A_DATE: ['value'], // not every site sends it
  CHECK_IN_WINDOW: ['startsAt'], // the sentence gives the opening instant, `opensAt`
  IN_FUTURE: ['today'], // only the inspection sends it
  STATION_NOT_PLANNED: ['stationStatus'], // an enum name; the sentence says what is needed
};

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(join(__dirname, '../../api/src'));
  return files;
}

/** The index of the bracket closing the one at `open` (skipping string and template literals). */
function closing(text: string, open: number, opening = '(', closer = ')'): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '`') {
      i = text.indexOf(c, i + 1);
      continue;
    }
    if (c === opening) depth++;
    else if (c === closer && --depth === 0) return i;
  }
  return text.length;
}

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
      // A resolver's error has a path (unwrapResolverError unwraps only those); without one it would be INTERNAL.
      const out = formatError({ message: e.message }, new GraphQLError(e.message, { originalError: e, path: ['field'] }));
      expect(REASONS, e.name).toContain(out.extensions?.reason);
      expect(out.extensions?.reason, e.name).toBe(e.reason);
      expect(out.extensions?.reason, e.name).not.toBe('INTERNAL');
      expect(out.extensions?.args).toBeTypeOf('object');
    }
    expect(new BadInputError('input.x', 'something without a reason').args).toEqual({ detail: 'something without a reason' });
    const internal = formatError({ message: 'x' }, new GraphQLError('x', { originalError: new Error('boom') }));
    expect(internal.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' });
  });

  it('every throw site in api/src names a specific reason from the catalogue, never a generic fallback', () => {
    const unnamed: string[] = [];
    const generic: string[] = [];
    let sites = 0;
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      const where = file.replace(/.*api\/src\//, '');
      for (const m of text.matchAll(/new (BadInputError|ConflictError|ForbiddenError|RateLimitedError|UnauthenticatedError|DomainError|HttpRefusal|InvalidCredentialsError)\(|\bsendError\(res,/g)) {
        const call = text.slice(m.index!, closing(text, m.index! + m[0].indexOf('(')) + 1);
        sites++;
        const named = [...call.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((x) => x[1]).filter((r) => (REASONS as readonly string[]).includes(r));
        const site = `${where}: ${call.replace(/\s+/g, ' ').slice(0, 100)}`;
        if (FORWARDING.some((f) => site.startsWith(f))) continue;
        // `new UnauthenticatedError()` answers SIGN_IN_REQUIRED, the class's own default; class definitions pass `message`.
        if (!named.length && !/^new \w+\(message/.test(call) && call !== 'new UnauthenticatedError()') unnamed.push(site);
        else if (named.length && named.every((r) => GENERIC_REASONS.includes(r))) generic.push(site);
      }
    }
    expect(sites).toBeGreaterThan(150);
    expect(unnamed).toEqual([]);
    expect(generic).toEqual([]);
  });

  it('every text rule with a pattern names its own reason (PHONE_FORMAT, LOCAL_DATE_FORMAT, …), not PATTERN_MISMATCH', () => {
    const without: string[] = [];
    let rules = 0;
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bpattern: \//g)) {
        // The object literal around `pattern:`.
        let depth = 0;
        let start = m.index!;
        for (; start > 0; start--) {
          if (text[start] === '}') depth++;
          else if (text[start] === '{' && depth-- === 0) break;
        }
        const rule = text.slice(start, closing(text, start, '{', '}') + 1);
        rules++;
        const reason = /patternReason: '([A-Z][A-Z0-9_]+)'/.exec(rule)?.[1];
        if (!reason || GENERIC_REASONS.includes(reason) || !(REASONS as readonly string[]).includes(reason)) without.push(`${file.replace(/.*api\/src\//, '')}: ${rule.slice(0, 100)}`);
      }
    }
    expect(rules).toBeGreaterThanOrEqual(8);
    expect(without).toEqual([]);
  });

  it('the translations of a reason fill every arg its throw sites send', () => {
    const unfilled: string[] = [];
    let checked = 0;
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([A-Z][A-Z0-9_]+)',\s*\{/g)) {
        const reason = m[1];
        if (!(REASONS as readonly string[]).includes(reason)) continue;
        const open = m.index! + m[0].length - 1;
        const body = text.slice(open + 1, closing(text, open, '{', '}'));
        const keys: string[] = [];
        let depth = 0;
        let current = '';
        for (const c of body) {
          if ('([{'.includes(c)) depth++;
          if (')]}'.includes(c)) depth--;
          if (c === ',' && depth === 0) (keys.push(current), (current = ''));
          else current += c;
        }
        keys.push(current);
        const names = keys.map((k) => k.trim()).filter((k) => k && !k.startsWith('...')).map((k) => k.split(':')[0].trim());
        checked++;
        for (const name of names) {
          if (SHOWN_APART.includes(name) || FOR_PROGRAMS[reason]?.includes(name)) continue;
          for (const [lang, table] of [['zh', zhReasons], ['en', enReasons]] as const) {
            if (!(table as Record<string, string>)[reason]?.includes(`%{${name}}`)) unfilled.push(`${file.replace(/.*api\/src\//, '')}: ${reason} ${lang} lacks %{${name}}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
    expect(unfilled).toEqual([]);
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

  it('refusals outside GraphQL carry a reason too: the transport, a bad credential, a map tile', async () => {
    const post = (body: string, headers: Record<string, string> = {}) => fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close', ...headers }, body });
    const notJson = await post('{not json');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).errors[0].extensions).toEqual({ code: 'BAD_REQUEST', reason: 'BODY_NOT_JSON', args: {} });
    const latin = await post('{}', { 'content-type': 'application/json; charset=latin1' });
    expect(latin.status).toBe(415);
    expect((await latin.json()).errors[0].extensions).toEqual({ code: 'BAD_REQUEST', reason: 'CHARSET_UNSUPPORTED', args: { charset: 'latin1' } });
    const badToken = await post(JSON.stringify({ query: '{ me { id } }' }), { authorization: 'Bearer nope' });
    expect(badToken.status).toBe(401);
    expect((await badToken.json()).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_INVALID', args: {} });
    const badHeader = await post(JSON.stringify({ query: '{ me { id } }' }), { authorization: 'Basic abc' });
    expect((await badHeader.json()).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'AUTHORIZATION_FORMAT', args: {} });
    const tile = await fetch(`${s.url}/tiles/stations/12/3336/1647.pbf?kinds=LOVE_STATION&kinds=DRIVERS_HOME`);
    expect(tile.status).toBe(400);
    expect((await tile.json()).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds', reason: 'PARAMETER_REPEATED', args: {} });
  });

  it('text rules answer their own reason: a phone, a local date, a time of day', async () => {
    const phone = await refusal(`mutation($i: VolunteerInput!) { createVolunteer(input: $i) { id } }`, { i: { name: '志愿者乙', phone: '电话123' } });
    expect(phone.ext).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone', reason: 'PHONE_FORMAT', args: {} });
    const camp = (await data(`{ campaigns(limit: 1) { nodes { id } } }`)).campaigns.nodes[0].id;
    const PLAN = `mutation($i: ShiftPatternInput!) { planShifts(input: $i, save: false) { created } }`;
    const slot = { start: '08:00', end: '20:00', role: '志愿者', maxVolunteers: 2 };
    const date = await refusal(PLAN, { i: { campaignId: camp, fromDate: '2027/06/02', toDate: '2027-06-03', stationIds: ['00000000-0000-4000-8000-000000000000'], slots: [slot] } });
    expect(date.ext).toMatchObject({ field: 'input.fromDate', reason: 'LOCAL_DATE_FORMAT' });
    const day = await refusal(PLAN, { i: { campaignId: camp, fromDate: '2027-02-30', toDate: '2027-06-03', stationIds: ['00000000-0000-4000-8000-000000000000'], slots: [slot] } });
    expect(day.ext).toMatchObject({ field: 'input.fromDate', reason: 'NOT_A_DATE', args: { value: '2027-02-30' } });
    const time = await refusal(PLAN, { i: { campaignId: camp, fromDate: '2027-06-02', toDate: '2027-06-03', stationIds: ['00000000-0000-4000-8000-000000000000'], slots: [{ ...slot, start: '8点' }] } });
    expect(time.ext).toMatchObject({ field: 'input.slots[0].start', reason: 'TIME_OF_DAY_FORMAT', args: { max: '23:59' } });
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
