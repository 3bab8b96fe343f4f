import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printSdl } from '../../api/src/cli/emit-schema';
import { startTestServer, type TestServer } from '../helpers/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: true });
});
afterAll(() => s?.stop());

const LIST = `query($filter: StationFilter, $orderBy: StationOrder, $limit: Int, $offset: Int) {
  stations(filter: $filter, orderBy: $orderBy, limit: $limit, offset: $offset) { totalCount nodes { id name kind status regionCode amenities version address } }
}`;
const list = async (vars: Record<string, unknown>) => {
  const r: any = await s.graphql(LIST, vars);
  expect(r.errors).toBeUndefined();
  return r.data.stations as { totalCount: number; nodes: any[] };
};
const count = async () => (await list({ limit: 1 })).totalCount;

describe('admin station list', () => {
  it('filters by region prefix, text, amenities, status, kind and bounding box, with totals', async () => {
    // 82 Zhengzhou stations + 孟州市司机之家 + the three 修武县 三夏 service points of the scheduling seed.
    expect(await count()).toBe(86);
    const gongyi = await list({ filter: { regionCodePrefix: '410181' }, limit: 100 });
    expect(gongyi.totalCount).toBe(13);
    expect(gongyi.nodes.every((n) => n.regionCode === '410181')).toBe(true);
    const text = await list({ filter: { search: '张仲景' }, limit: 100 });
    expect(text.totalCount).toBeGreaterThan(2);
    expect(text.nodes.every((n) => n.name.includes('张仲景') || n.address?.includes('张仲景'))).toBe(true);
    const wifi = await list({ filter: { amenities: ['WIFI', 'AIR_CONDITIONING'] }, limit: 100 });
    expect(wifi.totalCount).toBe(59);
    const box = await list({ filter: { within: { west: 112.9, south: 34.6, east: 113.2, north: 34.9 } }, limit: 100 });
    expect(box.totalCount).toBeGreaterThan(0);
    expect(box.nodes.every((n) => n.regionCode.startsWith('4101'))).toBe(true);
    // The only drivers' home is the seeded 孟州市司机之家; it and the three 三夏 points are flagged for review too.
    expect((await list({ filter: { kinds: ['DRIVERS_HOME'] } })).totalCount).toBe(1);
    expect((await list({ filter: { statuses: ['ACTIVE'] } })).totalCount).toBe(86);
    expect((await list({ filter: { needsReview: true } })).totalCount).toBe(4 + 4);
    const orgs: any = await s.graphql(`{ organizations(filter: { search: "巩义市总工会" }) { nodes { id } } }`);
    const gongyiUnion = orgs.data.organizations.nodes[0].id;
    const operated = await list({ filter: { operatorOrganizationId: gongyiUnion }, limit: 100 });
    expect(operated.totalCount).toBeGreaterThan(0);
    expect(operated.nodes.every((n) => n.regionCode === '410181')).toBe(true);
    expect((await list({ filter: { hostOrganizationId: gongyiUnion } })).totalCount).toBe(0);
  });

  it('sorts and pages without gaps or repeats', async () => {
    const all = await list({ orderBy: { field: 'NAME', direction: 'DESC' }, limit: 1000 });
    const names = all.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const pages: string[] = [];
    for (let offset = 0; offset < 82; offset += 25) pages.push(...(await list({ orderBy: { field: 'NAME', direction: 'DESC' }, limit: 25, offset })).nodes.map((n) => n.id));
    expect(pages).toEqual(all.nodes.map((n) => n.id));
  });
});

describe('create, update, retire, delete', () => {
  const CREATE = `mutation($input: StationCreateInput!) { createStation(input: $input) { id name regionCode version amenities openingHours location(crs: GCJ02) { lng lat } } }`;
  const UPDATE = `mutation($id: ID!, $version: Int!, $input: StationUpdateInput!) { updateStation(id: $id, version: $version, input: $input) { id version amenities name } }`;
  const valid = { kind: 'COURIER_HOME', name: '顺丰快递小哥之家(测试)', location: { lng: 113.684, lat: 34.742, crs: 'GCJ02' }, amenities: ['PHONE_CHARGING', 'EBIKE_CHARGING'], openingHours: 'Mo-Su 08:00-22:00' };

  it('creates a station in GCJ-02, finds its region, and reads it back', async () => {
    const r: any = await s.graphql(CREATE, { input: valid });
    expect(r.errors).toBeUndefined();
    const st = r.data.createStation;
    expect(st.regionCode).toMatch(/^4101/);
    expect(Math.abs(st.location.lng - 113.684)).toBeLessThan(1e-5);
    expect(st.version).toBe(1);
  });

  it.each([
    [{ location: { lng: 181, lat: 34 } }, 'input.location.lng'],
    [{ location: { lng: 113, lat: 95 } }, 'input.location.lat'],
    [{ openingHours: 'Mo-Fr 9am to 5pm' }, 'input.openingHours'],
    [{ regionCode: '999999' }, 'input.regionCode'],
    [{ regionCode: '4101' }, 'input.regionCode'],
    [{ name: '   ' }, 'input.name'],
    [{ name: 'x'.repeat(201) }, 'input.name'],
    [{ timezone: 'Mars/Olympus' }, 'input.timezone'],
    [{ capacity: -1 }, 'input.capacity'],
    [{ hostOrganizationId: '00000000-0000-4000-8000-000000000000' }, 'input.hostOrganizationId'],
  ])('refuses %j with BAD_USER_INPUT on %s and writes nothing', async (patch, field) => {
    const before = await count();
    const r: any = await s.graphql(CREATE, { input: { ...valid, ...patch } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });

  it('refuses an unknown amenity or kind at the schema, writing nothing', async () => {
    const before = await count();
    const r: any = await s.graphql(CREATE, { input: { ...valid, amenities: ['HOT_TUB'] } });
    expect(r.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors[0].message).toContain('amenities');
    expect(await count()).toBe(before);
  });

  it('updates with the current version and refuses a stale one with CONFLICT, keeping the first write', async () => {
    const { nodes } = await list({ filter: { search: '郑品书舍' } });
    const st = nodes[0];
    const ok: any = await s.graphql(UPDATE, { id: st.id, version: st.version, input: { amenities: ['READING', 'WIFI'] } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateStation).toMatchObject({ version: st.version + 1, amenities: ['WIFI', 'READING'] });
    const stale: any = await s.graphql(UPDATE, { id: st.id, version: st.version, input: { name: '覆盖' } });
    expect(stale.errors[0].extensions.code).toBe('CONFLICT');
    const now: any = await s.graphql(`query($id: ID!) { station(id: $id) { name amenities version } }`, { id: st.id });
    expect(now.data.station).toEqual({ name: st.name, amenities: ['WIFI', 'READING'], version: st.version + 1 });
  });

  it('two concurrent updates with the same version: exactly one wins', async () => {
    const { nodes } = await list({ filter: { search: '郑州市职工服务中心' } });
    const st = nodes[0];
    const results: any[] = await Promise.all(
      ['甲', '乙', '丙', '丁'].map((n) => s.graphql(UPDATE, { id: st.id, version: st.version, input: { name: `${st.name}${n}` } })),
    );
    const wins = results.filter((r) => !r.errors);
    expect(wins).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(3);
    const now: any = await s.graphql(`query($id: ID!) { station(id: $id) { name version } }`, { id: st.id });
    expect(now.data.station).toEqual({ name: wins[0].data.updateStation.name, version: st.version + 1 });
  });

  it('retires and deletes; unknown ids are NOT_FOUND', async () => {
    const r: any = await s.graphql(CREATE, { input: { ...valid, name: '待删除' } });
    const { id, version } = r.data.createStation;
    const retired: any = await s.graphql(`mutation($id: ID!, $v: Int!) { retireStation(id: $id, version: $v) { status } }`, { id, v: version });
    expect(retired.data.retireStation.status).toBe('RETIRED');
    const del: any = await s.graphql(`mutation($id: ID!) { deleteStation(id: $id) { name } }`, { id });
    expect(del.data.deleteStation.name).toBe('待删除');
    const gone: any = await s.graphql(`query($id: ID!) { station(id: $id) { id } }`, { id });
    expect(gone.data.station).toBeNull();
    const again: any = await s.graphql(`mutation($id: ID!) { deleteStation(id: $id) { name } }`, { id });
    expect(again.errors[0].extensions.code).toBe('NOT_FOUND');
    const bad: any = await s.graphql(`query { station(id: "1; drop table station") { id } }`);
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('masks internal errors', async () => {
    const r = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ station(id: ' });
    const body = await r.json();
    expect(JSON.stringify(body)).not.toMatch(/stack|node_modules/);
  });
});

describe('organizations', () => {
  it('creates a tree, refuses cycles, refuses deleting one in use', async () => {
    const mk = async (name: string, parentId?: string) => {
      const r: any = await s.graphql(`mutation($i: OrganizationCreateInput!) { createOrganization(input: $i) { id version parent { name } } }`, {
        i: { kind: 'UNION', name, parentId, regionCode: '410102' },
      });
      expect(r.errors).toBeUndefined();
      return r.data.createOrganization;
    };
    const a = await mk('测试工会联合会');
    const b = await mk('测试基层工会', a.id);
    expect(b.parent.name).toBe('测试工会联合会');
    const cycle: any = await s.graphql(`mutation($id: ID!, $v: Int!, $p: ID) { updateOrganization(id: $id, version: $v, input: { parentId: $p }) { id } }`, { id: a.id, v: a.version, p: b.id });
    expect(cycle.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    const inUse: any = await s.graphql(`mutation($id: ID!) { deleteOrganization(id: $id) { id } }`, { id: a.id });
    expect(inUse.errors[0].extensions.code).toBe('CONFLICT');
    const list: any = await s.graphql(`{ organizations(filter: { search: "总工会" }, limit: 100) { totalCount nodes { name parent { name } } } }`);
    expect(list.data.organizations.nodes.find((o: any) => o.name === '中原区总工会').parent.name).toBe('郑州市总工会');
  });
});

describe('schema snapshot', () => {
  it('schema/schema.graphql matches the code (run `npm run schema:emit` after changing the API)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(await printSdl()).toBe(committed);
  });
});
