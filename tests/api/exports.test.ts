import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type As, type TestServer } from '../helpers/server';
import { SHARED_DATA } from '../helpers/db';

/**
 * The exports (issue 15 §2): every list streamed as xlsx / CSV (same Chinese headers and translated values, CSV
 * with a UTF-8 BOM), stations as GeoJSON and Open Referral HSDS 3.0 (every record validated against HSDS's own
 * JSON Schemas), and the printable roster — with the lists' own filter arguments, each role's scope, more than
 * 1,000 rows read in keyset batches, and the HTTP status and code of each refusal.
 */
let s: TestServer;
const H = 3_600_000;
const ids = { org: '', otherOrg: '', opOrg: '', campaignA: '', campaignB: '', pointA: '', pointB: '', shifts: [] as string[], opStations: [] as string[], v0: '' };
const tokens = { operator: '', coordinator: '', otherCoordinator: '', apiKey: '' };
let stationTotal = 0;

async function data<T = any>(query: string, variables?: Record<string, unknown>, as?: As): Promise<T> {
  const r = await s.graphql(query, variables, as);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}
const iso = (ms: number) => new Date(ms).toISOString();
const sql = (text: string, params: unknown[] = []) => s.app.orm.em.fork().execute(text, params);

function headers(as: As | 'admin' = 'admin'): Record<string, string> {
  if (as === 'anonymous') return {};
  if (as === 'admin') return { authorization: `Bearer ${adminToken}` };
  if (typeof as === 'object' && 'token' in as) return { authorization: `Bearer ${as.token}` };
  return { 'x-api-key': (as as { apiKey: string }).apiKey };
}
let adminToken = '';

async function get(url: string, as: As = 'admin'): Promise<Response> {
  try {
    return await fetch(`${s.url}${url}`, { headers: headers(as) });
  } catch (e) {
    // A keep-alive socket the server closed while this process was busy (validating thousands of records blocks
    // the event loop past the server's keep-alive timeout) fails before any answer: ask again, once.
    const code = (e as { cause?: { code?: string } }).cause?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw e;
    return fetch(`${s.url}${url}`, { headers: headers(as) });
  }
}
async function csvRows(url: string, as: As = 'admin'): Promise<{ bytes: Buffer; rows: string[][]; res: Response }> {
  const res = await get(url, as);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(res.status, bytes.toString('utf8', 0, 300)).toBe(200);
  return { bytes, res, rows: parseCsv(bytes, { bom: true }) as string[][] };
}
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

async function campaign(orgId: string): Promise<{ id: string; stationId: string }> {
  const c = await data(`mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`, {
    i: { name: `导出活动 ${randomUUID().slice(0, 6)}`, kind: 'HARVEST_SUPPORT', startsAt: iso(Date.now() - 24 * H), endsAt: iso(Date.now() + 10 * 24 * H), timezone: 'Asia/Shanghai', organizationIds: [orgId] },
  });
  const p = await data(`mutation($i: ServicePointInput!) { addServicePoint(input: $i) { id } }`, {
    i: { campaignId: c.createCampaign.id, name: `导出服务点 ${randomUUID().slice(0, 4)}`, location: { lng: 113.45, lat: 35.22 }, amenities: ['DRINKING_WATER'] },
  });
  return { id: c.createCampaign.id, stationId: p.addServicePoint.id };
}

async function shift(campaignId: string, stationId: string, startsAt: number, hours: number, max: number): Promise<string> {
  const r = await data(`mutation($i: ShiftInput!) { createShift(input: $i) { id } }`, {
    i: { campaignId, stationId, startsAt: iso(startsAt), endsAt: iso(startsAt + hours * H), maxVolunteers: max, minVolunteers: 1 },
  });
  return r.createShift.id;
}

beforeAll(async () => {
  s = await startTestServer({ seed: true, env: { RATE_LIMIT_USER_PER_MINUTE: '10000000' } });
  adminToken = await s.login('admin');
  const orgs = await data(`{ organizations(limit: 100) { nodes { id name } } }`);
  ids.org = orgs.organizations.nodes.find((o: any) => o.name === '修武县总工会').id;
  ids.otherOrg = orgs.organizations.nodes.find((o: any) => o.name === '郑州市总工会').id;
  // 82 seeded stations × 15 = 1230 (> 1,000): each seeded station and 14 copies named "<name> #<n>".
  await sql(`insert into station (id, kind, name, address, region_code, location, amenities, opening_hours, timezone, status, phone, capacity,
                                  operator_organization_id, host_organization_id, provenance, created_at, updated_at)
             select gen_random_uuid(), kind, name || ' #' || g, address, region_code, location, amenities, opening_hours, timezone, status, phone, capacity,
                    operator_organization_id, host_organization_id, provenance, now(), now()
               from station, generate_series(1, 14) g`);
  ids.opOrg = (await data(`mutation($i: OrganizationCreateInput!) { createOrganization(input: $i) { id } }`, { i: { kind: 'UNION', name: '导出测试工会', parentId: ids.org } })).createOrganization.id;
  const three = await sql(`select id from station where name like '% #7' order by name limit 3`);
  ids.opStations = three.map((r: any) => r.id);
  await sql(`update station set operator_organization_id = ? where id = any(?::uuid[])`, [ids.opOrg, `{${ids.opStations.join(',')}}`]);
  tokens.operator = (await s.createUser({ username: 'export-operator', role: 'OPERATOR', organizationIds: [ids.opOrg] })).token;
  tokens.coordinator = (await s.createUser({ username: 'export-coordinator', role: 'COORDINATOR', organizationIds: [ids.org] })).token;
  tokens.otherCoordinator = (await s.createUser({ username: 'export-coordinator-zz', role: 'COORDINATOR', organizationIds: [ids.otherOrg] })).token;
  tokens.apiKey = (await data(`mutation { createApiKey(input: { name: "导出测试", scopes: [PUBLIC_READ] }) { secret } }`)).createApiKey.secret;

  // Campaign A (修武县总工会) with 1,100 sign-ups over three shifts; campaign B (郑州市总工会) with one.
  const a = await campaign(ids.org);
  const b = await campaign(ids.otherOrg);
  Object.assign(ids, { campaignA: a.id, pointA: a.stationId, campaignB: b.id, pointB: b.stationId });
  const day = Date.now() + 2 * 24 * H;
  for (let i = 0; i < 3; i++) ids.shifts.push(await shift(a.id, a.stationId, day + i * 4 * H, 3, 400));
  await sql(`insert into volunteer (id, name, phone, calendar_token, created_at, updated_at)
             select gen_random_uuid(), '导出志愿者' || g, '1380000' || lpad(g::text, 4, '0'), md5(random()::text || g), now(), now() from generate_series(1, 1100) g`);
  await sql(`insert into shift_assignment (id, shift_id, volunteer_id, status, during, created_at, updated_at)
             select gen_random_uuid(), sh.id, v.id, 'SIGNED_UP', tstzrange(sh.starts_at, sh.ends_at), now(), now()
               from (select id, row_number() over (order by name) - 1 as n from volunteer where name like '导出志愿者%') v
               join (select id, starts_at, ends_at, row_number() over (order by starts_at) - 1 as k from shift where id = any(?::uuid[])) sh on sh.k = v.n % 3`,
    [`{${ids.shifts.join(',')}}`]);
  const v0 = (await sql(`select id from volunteer where name = '导出志愿者1'`))[0].id;
  ids.v0 = v0;
  const shiftB = await shift(b.id, b.stationId, day + 20 * H, 2, 5);
  await data(`mutation($s: ID!, $v: ID!) { signUpForShift(shiftId: $s, volunteerId: $v) { id } }`, { s: shiftB, v: v0 });
  // Hours: 导出志愿者1 completed 2 h on campaign A and 1.5 h on campaign B.
  await sql(`update shift_assignment set status = 'COMPLETED', checked_in_at = lower(during), checked_out_at = lower(during) + interval '2 hours', hours_credited = 2
              where volunteer_id = ? and shift_id = any(?::uuid[])`, [v0, `{${ids.shifts.join(',')}}`]);
  await sql(`update shift_assignment set status = 'COMPLETED', checked_in_at = lower(during), checked_out_at = lower(during) + interval '90 minutes', hours_credited = 1.5
              where volunteer_id = ? and shift_id = ?`, [v0, shiftB]);
  // People served: at an operator's station and at campaign A's point.
  await data(`mutation($st: ID!) { a: recordServiceLog(stationId: $st, day: "2027-06-10", peopleServed: 120) { id } }`, { st: ids.opStations[0] });
  await data(`mutation($st: ID!) { a: recordServiceLog(stationId: $st, day: "2027-06-11", peopleServed: 80) { id } b: recordServiceLog(stationId: $st, day: "2027-07-01", peopleServed: 5) { id } }`, { st: ids.pointA });
  const item = (await data(`mutation($c: ID!) { createSupplyItem(campaignId: $c, name: "矿泉水", unit: "瓶") { id } }`, { c: ids.campaignA })).createSupplyItem.id;
  await data(`mutation($st: ID!, $i: ID!) { recordSupplies(stationId: $st, day: "2027-06-11", items: [{ itemId: $i, quantity: 240 }]) { id } }`, { st: ids.pointA, i: item });
  stationTotal = (await data(`{ stations(limit: 1) { totalCount } }`)).stations.totalCount;
}, 240_000);
afterAll(async () => {
  const failures = s?.logs.filter((l) => l.level >= 50);
  if (failures?.length) console.log(JSON.stringify(failures.slice(0, 3)));
  await s?.stop();
});

describe('stations', () => {
  it('CSV: a UTF-8 BOM, the Chinese headers, translated values, every row (> 1,000) streamed in chunks', async () => {
    const { rows, res, bytes } = await csvRows('/exports/stations.csv');
    expect(stationTotal).toBeGreaterThan(1000);
    // The UTF-8 byte-order mark (TextDecoder would hide it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    expect(rows[0].slice(0, 5)).toEqual(['名称', '类型', '状态', '地址', '行政区划代码']);
    expect(rows.length - 1).toBe(stationTotal);
    const kinds = new Set(rows.slice(1).map((r) => r[1]));
    expect([...kinds].every((k) => ['爱心驿站', '司机之家', '快递小哥之家', '临时服务点'].includes(k))).toBe(true);
    // No row twice, none missing: the ids are exactly those of the GraphQL list.
    const idCol = rows[0].indexOf('ID');
    expect(new Set(rows.slice(1).map((r) => r[idCol])).size).toBe(stationTotal);
  });

  it('xlsx: parsed back with exceljs, the same headers and rows as the CSV', async () => {
    const res = await get('/exports/stations.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('驿站');
    expect(ws.rowCount).toBe(stationTotal + 1);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const csv = (await csvRows('/exports/stations.csv')).rows;
    expect(header).toEqual(csv[0]);
    const second = csv[0].map((_, i) => ws.getRow(2).getCell(i + 1).value).map((v) => (v == null ? '' : String(v)));
    const diff = csv[0].map((h, i) => [h, second[i], csv[1][i]]).filter(([, a, b]) => a !== b);
    expect(JSON.stringify(diff)).toBe("[]");
    expect(typeof ws.getRow(2).getCell(7).value).toBe('number');
  });

  it('honours the list filter: the same rows as the GraphQL list with that filter', async () => {
    for (const filter of [{ search: '#3' }, { regionCodePrefix: '410105' }, { kinds: ['LOVE_STATION'], statuses: ['ACTIVE'] }]) {
      const total = (await data(`query($f: StationFilter) { stations(filter: $f, limit: 1) { totalCount } }`, { f: filter })).stations.totalCount;
      const { rows } = await csvRows(`/exports/stations.csv?filter=${q(filter)}`);
      expect(rows.length - 1, JSON.stringify(filter)).toBe(total);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThan(stationTotal);
    }
  });

  it("an OPERATOR's export has only their stations", async () => {
    const { rows } = await csvRows('/exports/stations.csv', { token: tokens.operator });
    const idCol = rows[0].indexOf('ID');
    expect(rows.slice(1).map((r) => r[idCol]).sort()).toEqual([...ids.opStations].sort());
    const geo = await (await get('/exports/stations.geojson', { token: tokens.operator })).json();
    expect(geo.features.map((f: any) => f.id).sort()).toEqual([...ids.opStations].sort());
  });

  it('GeoJSON (RFC 7946): a FeatureCollection of WGS-84 points, the same as the API\'s WGS-84 locations', async () => {
    const res = await get(`/exports/stations.geojson?filter=${q({ search: '#3' })}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const geo = await res.json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.crs).toBeUndefined();
    const total = (await data(`{ stations(filter: { search: "#3" }, limit: 1) { totalCount } }`)).stations.totalCount;
    expect(total).toBeGreaterThanOrEqual(82);
    expect(geo.features.length).toBe(total);
    const f = geo.features[0];
    const api = (await data(`query($id: ID!) { station(id: $id) { name location(crs: WGS84) { lng lat } } }`, { id: f.id })).station;
    expect(f.geometry.type).toBe('Point');
    expect(f.geometry.coordinates[0]).toBeCloseTo(api.location.lng, 7);
    expect(f.geometry.coordinates[1]).toBeCloseTo(api.location.lat, 7);
    expect(f.properties.name).toBe(api.name);
  });

  it('HSDS 3.0: every service, its nested location, and every organization validate against HSDS 3.0\'s own JSON Schemas', async () => {
    const dir = path.join(SHARED_DATA, 'hsds-3');
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
      ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), file);
    }
    const res = await get('/exports/stations.hsds');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.services.length).toBe(stationTotal);
    expect(doc.organizations.length).toBeGreaterThan(0);
    const validate = { service: ajv.getSchema('service.json')!, organization: ajv.getSchema('organization.json')!, location: ajv.getSchema('location.json')! };
    const failures: string[] = [];
    for (const svc of doc.services) {
      if (!validate.service(svc)) failures.push(`service ${svc.id}: ${ajv.errorsText(validate.service.errors)}`);
      for (const sal of svc.service_at_locations) if (!validate.location(sal.location)) failures.push(`location ${sal.location.id}: ${ajv.errorsText(validate.location.errors)}`);
    }
    for (const org of doc.organizations) if (!validate.organization(org)) failures.push(`organization ${org.id}: ${ajv.errorsText(validate.organization.errors)}`);
    expect(failures.slice(0, 5)).toEqual([]);
    // Every service's organization is among the organizations exported.
    const orgIds = new Set(doc.organizations.map((o: any) => o.id));
    expect(doc.services.filter((x: any) => x.organization_id && !orgIds.has(x.organization_id))).toEqual([]);
    // The schema really checks: a service without its required status fails.
    expect(validate.service({ ...doc.services[0], status: undefined })).toBe(false);
    console.log(`HSDS 3.0 validation: ${doc.services.length} services, ${doc.services.length} locations, ${doc.organizations.length} organizations, 0 failures`);
  });
});

describe('sign-ups and hours', () => {
  it('sign-ups: > 1,000 rows in arrival order, translated status, phones masked for ADMIN', async () => {
    const { rows } = await csvRows(`/exports/signups.csv?filter=${q({ campaignId: ids.campaignA })}`);
    expect(rows[0]).toEqual(['活动', '服务点', '岗位', '开始', '结束', '志愿者', '手机', '状态', '签到', '签退', '服务时长（小时）', '报名顺序']);
    expect(rows.length - 1).toBe(1100);
    const seqs = rows.slice(1).map((r) => Number(r[11]));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(1100);
    expect(rows.slice(1).filter((r) => r[7] === '已报名').length).toBe(1099);
    expect(rows.slice(1).filter((r) => r[7] === '已完成').length).toBe(1);
    expect(rows[1][6]).toMatch(/^138\*{4}\d{4}$/);
    expect(rows[1][2]).toBe('志愿者');
  });

  it('filters: status and campaignId honoured; the same counts as the GraphQL list', async () => {
    const total = (await data(`query($c: ID) { shiftAssignments(filter: { campaignId: $c, statuses: [COMPLETED] }, limit: 1) { totalCount } }`, { c: ids.campaignA })).shiftAssignments.totalCount;
    const { rows } = await csvRows(`/exports/signups.csv?filter=${q({ campaignId: ids.campaignA, statuses: ['COMPLETED'] })}`);
    expect(rows.length - 1).toBe(total);
    expect(total).toBe(1);
  });

  it("a COORDINATOR's export has only their campaigns; another campaign's id matches nothing, as in the list", async () => {
    const mine = await csvRows('/exports/signups.csv', { token: tokens.coordinator });
    expect(mine.rows.length - 1).toBe(1100);
    const zz = await csvRows('/exports/signups.csv', { token: tokens.otherCoordinator });
    expect(zz.rows.length - 1).toBe(1);
    // Like the shiftAssignments list: an out-of-scope campaign id is a filter that matches no row (no existence leak).
    const foreign = await csvRows(`/exports/signups.csv?filter=${q({ campaignId: ids.campaignA })}`, { token: tokens.otherCoordinator });
    expect(foreign.rows.length - 1).toBe(0);
  });

  it('hours: per volunteer, summed over the filtered assignments', async () => {
    const all = await csvRows('/exports/hours.csv');
    expect(all.rows[0]).toEqual(['志愿者', '手机', '班次数', '服务时长（小时）', '志愿者 ID']);
    const v0 = all.rows.find((r) => r[4] === ids.v0)!;
    expect(v0.slice(2, 4)).toEqual(['2', '3.5']);
    const a = await csvRows(`/exports/hours.csv?filter=${q({ campaignId: ids.campaignA })}`);
    expect(a.rows.length - 1).toBe(1);
    expect(a.rows[1].slice(2, 4)).toEqual(['1', '2']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await get('/exports/hours.xlsx')).arrayBuffer()) as never);
    expect(wb.worksheets[0].getRow(2).getCell(4).value).toBe(3.5);
  });
});

describe('people served and supplies', () => {
  it('people served: by day and station within the viewer\'s stations; dates filter', async () => {
    const all = await csvRows('/exports/served.csv?from=2027-01-01&to=2027-12-31');
    expect(all.rows[0]).toEqual(['日期', '驿站', '行政区划代码', '行政区划', '服务人次', '活动']);
    expect(all.rows.slice(1).map((r) => [r[0], r[4]])).toEqual([['2027-06-10', '120'], ['2027-06-11', '80'], ['2027-07-01', '5']]);
    const june = await csvRows('/exports/served.csv?from=2027-06-01&to=2027-06-30');
    expect(june.rows.length - 1).toBe(2);
    const op = await csvRows('/exports/served.csv?from=2027-01-01&to=2027-12-31', { token: tokens.operator });
    expect(op.rows.slice(1).map((r) => r[4])).toEqual(['120']);
    const coord = await csvRows('/exports/served.csv?from=2027-01-01&to=2027-12-31', { token: tokens.coordinator });
    expect(coord.rows.slice(1).map((r) => r[4])).toEqual(['80', '5']);
    const one = await get(`/exports/served.csv?from=2027-01-01&to=2027-12-31&stationId=${ids.pointA}`, { token: tokens.operator });
    expect(one.status).toBe(404);
    expect((await one.json()).errors[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'stationId', reason: 'NOT_FOUND', args: { entity: 'Station', id: ids.pointA } });
  });

  it('supplies: item, quantity and unit', async () => {
    const { rows } = await csvRows(`/exports/supplies.csv?from=2027-06-01&to=2027-06-30&stationId=${ids.pointA}`, { token: tokens.coordinator });
    expect(rows[0]).toEqual(['日期', '驿站', '行政区划代码', '行政区划', '物资', '数量', '单位', '活动']);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[5], r[6]])).toEqual([['2027-06-11', '矿泉水', '240', '瓶']]);
  });
});

describe('roster', () => {
  it('a printable HTML page per service point and day, with its shifts and volunteers', async () => {
    const day = new Date(Date.now() + 2 * 24 * H + 8 * H).toISOString().slice(0, 10);
    const res = await get(`/exports/roster.html?stationId=${ids.pointA}&day=${day}`, { token: tokens.coordinator });
    const html = await res.text();
    expect(res.status, html.slice(0, 200)).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('排班表');
    expect(html).toContain('@media print');
    expect(html).toContain('导出志愿者1');
    expect((html.match(/<section>/g) ?? []).length).toBeGreaterThan(0);
    const other = await get(`/exports/roster.html?stationId=${ids.pointA}&day=${day}`, { token: tokens.operator });
    expect(other.status).toBe(404);
    const bad = await get(`/exports/roster.html?stationId=${ids.pointA}&day=2027-13-01`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.field).toBe('day');
  });
});

describe('refusals', () => {
  it('no credentials: 401 UNAUTHENTICATED; a bad token: 401; an API key: 403 FORBIDDEN; a role the list does not allow: 403', async () => {
    const none = await get('/exports/stations.csv', 'anonymous');
    expect(none.status).toBe(401);
    const noneBody = await none.json();
    expect(noneBody.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // The GraphQL error shape, with the same reason and args a GraphQL error carries.
    expect(noneBody.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', args: {} });
    const bad = await get('/exports/stations.csv', { token: 'not-a-token' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toBe('Bearer');
    expect((await bad.json()).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_INVALID', args: {} });
    const key = await get('/exports/stations.csv', { apiKey: tokens.apiKey });
    expect(key.status).toBe(403);
    const keyBody = await key.json();
    expect(keyBody.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(keyBody.errors[0].extensions).toMatchObject({ reason: 'API_KEY_PUBLIC_ONLY', args: {} });
    const op = await get('/exports/signups.xlsx', { token: tokens.operator });
    expect(op.status).toBe(403);
    const opBody = await op.json();
    expect(opBody.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(opBody.errors[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', args: { role: 'OPERATOR', roles: expect.arrayContaining(['ADMIN']) } });
  });

  it("over the account's per-minute budget: 429 RATE_LIMITED with Retry-After", async () => {
    const user = await s.createUser({ username: 'export-spender', role: 'OPERATOR', organizationIds: [ids.opOrg] });
    expect((await get('/exports/stations.csv', { token: user.token })).status).toBe(200);
    // Spend the rest of the account's budget (the one its GraphQL operations draw on).
    await s.app.limits.charge('user', user.id, 10_000_000, 10_000_000).catch(() => undefined);
    const res = await get('/exports/stations.csv', { token: user.token });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].extensions.reason).toBe('RATE_LIMITED');
    expect(body.errors[0].extensions.args.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a bad filter: 400 BAD_USER_INPUT naming the parameter path, as the GraphQL list does', async () => {
    // Each with the reason (and args) the admin translates, as a GraphQL error has.
    const cases: [string, string, string, Record<string, unknown>][] = [
      [`/exports/stations.csv?filter=${q({ kinds: ['NOPE'] })}`, 'filter.kinds[0]', 'PARAMETER_TYPE', { type: 'StationFilter' }],
      [`/exports/stations.csv?filter=${q({ ids: ['x'] })}`, 'filter.ids[0]', 'NOT_A_UUID', {}],
      [`/exports/stations.xlsx?filter=${q({ search: 'x'.repeat(101) })}`, 'filter.search', 'TOO_LONG', { max: 100, length: 101 }],
      [`/exports/stations.csv?filter=${q({ regionCodePrefix: '41x' })}`, 'filter.regionCodePrefix', 'REGION_CODE_PREFIX_FORMAT', { max: 6 }],
      ['/exports/stations.csv?filter={nope', 'filter', 'NOT_JSON', { type: 'StationFilter' }],
      ['/exports/stations.csv?limit=5', 'limit', 'UNKNOWN_PARAMETER', { name: 'limit', allowed: ['filter'] }],
      [`/exports/signups.csv?filter=${q({ statuses: ['DONE'] })}`, 'filter.statuses[0]', 'PARAMETER_TYPE', { type: 'ShiftAssignmentFilter' }],
      [`/exports/signups.csv?filter=${q({ shiftId: 'nope' })}`, 'filter.shiftId', 'NOT_A_UUID', {}],
      ['/exports/signups.csv?status=DONE', 'status', 'UNKNOWN_PARAMETER', { name: 'status', allowed: ['filter'] }],
      ['/exports/served.csv?from=2027-01-01', 'to', 'REQUIRED', {}],
      ['/exports/served.csv?from=2027-02-01&to=2027-01-01', 'to', 'MUST_BE_AFTER', {}],
    ];
    for (const [url, field, reason, args] of cases) {
      const res = await get(url);
      const body = await res.json();
      expect(res.status, url).toBe(400);
      expect(body.errors[0].extensions, url).toEqual({ code: 'BAD_USER_INPUT', field, reason, args: expect.objectContaining(args) });
    }
    const gql = await s.graphql(`{ stations(filter: { search: "${'x'.repeat(101)}" }) { totalCount } }`);
    expect(gql.errors[0].extensions.field).toBe('filter.search');
    const unknown = await get('/exports/nothing.csv');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions).toEqual({ code: 'NOT_FOUND', reason: 'EXPORT_UNKNOWN', args: { name: 'nothing', format: 'csv' } });
    expect((await get('/exports/signups.geojson')).status).toBe(404);
  });
});
