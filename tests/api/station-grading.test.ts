import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type As, type TestServer } from '../helpers/server';

/**
 * Station lifecycle and grading (issue 15 §4) against the real database: PLANNED stations in no public answer
 * (nearby, station, node, tiles), acceptance inspections against the 六有 checklist, PLANNED → ACTIVE only after
 * a PASSED one, stars and 优秀站点 titles with optimistic locking, labels beside the one public kind, people
 * served per year, who may do what, and refusals that name the field and write nothing.
 */
let s: TestServer;
let operator: As;
let otherOperator: As;
let coordinator: As;
let orgId = '';
const ITEMS = ['DRINKING_WATER', 'SEATING', 'AIR_CONDITIONING', 'FIRST_AID_KIT', 'TOILET', 'CHARGING'];
const all = (passed = true) => ITEMS.map((item) => ({ item, passed }));
const POINT = { lng: 113.7311, lat: 34.8127 };

async function data<T = any>(query: string, variables?: Record<string, unknown>, as?: As): Promise<T> {
  const r = await s.graphql(query, variables, as);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

/** A refused call: the HTTP status, the code and the field it names. */
async function refused(query: string, variables: Record<string, unknown>, as?: As): Promise<{ status: number; code: string; field?: string; message: string }> {
  const r = await s.post({ query, variables }, as);
  const e = r.body.errors?.[0];
  expect(e, JSON.stringify(r.body)).toBeDefined();
  expect(r.body.data?.[Object.keys(r.body.data ?? {})[0]] ?? null).toBeNull();
  return { status: r.status, code: e.extensions?.code, field: e.extensions?.field, message: e.message };
}

async function counts(id: string): Promise<{ inspections: number; titles: number; version: number; status: string }> {
  const em = s.app.orm.em.fork();
  const [row] = await em.execute(
    `select (select count(*)::int from station_inspection where station_id = ?) as inspections, (select count(*)::int from station_title where station_id = ?) as titles, version, status from station where id = ?`,
    [id, id, id],
  );
  return row as never;
}

function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

async function tileIds(query = ''): Promise<{ status: number; ids: string[]; body?: any }> {
  // WGS-84 → the tile of the GCJ-02-free stored point: the station was created in WGS84.
  const [x, y] = tileOf(POINT.lng, POINT.lat, 14);
  const res = await fetch(`${s.url}/tiles/stations/14/${x}/${y}.pbf${query}`);
  if (res.status !== 200) return { status: res.status, ids: [], body: await res.json() };
  const layer = new VectorTile(new PbfReader(Buffer.from(await res.arrayBuffer()))).layers.stations;
  const ids: string[] = [];
  for (let i = 0; i < (layer?.length ?? 0); i++) ids.push(String(layer!.feature(i).properties.id));
  return { status: 200, ids };
}

async function nearbyIds(): Promise<string[]> {
  const r = await data(`query($p: LngLatInput!) { nearbyStations(near: $p, radiusMeters: 500, first: 100) { edges { node { id } } } }`, { p: POINT }, 'anonymous');
  return r.nearbyStations.edges.map((e: any) => e.node.id);
}

const CREATE = `mutation($i: StationCreateInput!) { createStation(input: $i) { id version status kind labels } }`;
const INSPECT = `mutation($st: ID!, $i: StationInspectionInput!, $a: Boolean, $v: Int) { recordStationInspection(stationId: $st, input: $i, activate: $a, version: $v) { id result inspectorName inspectedOn items { item passed note } } }`;
const GRADE = `mutation($id: ID!, $v: Int!, $i: StationGradeInput!) { gradeStation(id: $id, version: $v, input: $i) { id version gradeStars titles { level year awardingBody source } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: StationUpdateInput!) { updateStation(id: $id, version: $v, input: $i) { id version status kind labels } }`;

beforeAll(async () => {
  s = await startTestServer({ seed: true, env: { RATE_LIMIT_USER_PER_MINUTE: '10000000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000' } });
  const orgs = (await data(`{ organizations(limit: 100) { nodes { id name } } }`)).organizations.nodes;
  orgId = orgs.find((o: any) => o.name === '郑州市总工会').id;
  const xiuwu = orgs.find((o: any) => o.name === '修武县总工会').id;
  const mengzhou = orgs.find((o: any) => o.name === '孟州市总工会').id;
  operator = { token: (await s.createUser({ username: 'grading-operator', role: 'OPERATOR', organizationIds: [orgId] })).token };
  otherOperator = { token: (await s.createUser({ username: 'grading-operator-2', role: 'OPERATOR', organizationIds: [mengzhou] })).token };
  coordinator = { token: (await s.createUser({ username: 'grading-coordinator', role: 'COORDINATOR', organizationIds: [xiuwu] })).token };
}, 300_000);
afterAll(async () => s?.stop());

describe('labels', () => {
  it('the seeded 孟州市司机之家 is both 货车司机之家 and 快递小哥之家, with DRIVERS_HOME its one public kind', async () => {
    const r = await data(`{ stations(filter: {search: "孟州市司机之家"}) { nodes { id kind labels provenance { notes } } } }`);
    const home = r.stations.nodes[0];
    expect(home.kind).toBe('DRIVERS_HOME');
    expect(home.labels).toEqual(['DRIVERS_HOME', 'COURIER_HOME']);
    expect(home.provenance.notes.join(' ')).toMatch(/快递小哥之家.*来源/);
    // The public contract keeps filtering on the single kind.
    const near = { lng: 112.7853, lat: 34.9086 };
    const q = `query($p: LngLatInput!, $k: [StationKind!]) { nearbyStations(near: $p, radiusMeters: 5000, kinds: $k) { edges { node { id kind labels } } } }`;
    const drivers = await data(q, { p: near, k: ['DRIVERS_HOME'] }, 'anonymous');
    expect(drivers.nearbyStations.edges.map((e: any) => e.node.id)).toContain(home.id);
    expect(drivers.nearbyStations.edges.find((e: any) => e.node.id === home.id).node.labels).toEqual(['DRIVERS_HOME', 'COURIER_HOME']);
  });

  it('keeps `kind` among the labels, drops duplicates, and lets an operator change only their own stations', async () => {
    const c = await data(CREATE, { i: { kind: 'LOVE_STATION', name: '标签测试驿站', location: { lng: 113.6, lat: 34.7 }, labels: ['COURIER_HOME', 'COURIER_HOME', 'DRIVERS_HOME'], operatorOrganizationId: orgId } }, operator);
    expect(c.createStation.labels).toEqual(['LOVE_STATION', 'DRIVERS_HOME', 'COURIER_HOME']);
    const u = await data(UPDATE, { id: c.createStation.id, v: c.createStation.version, i: { labels: [] } }, operator);
    expect(u.updateStation.labels).toEqual(['LOVE_STATION']);
    const other = await refused(UPDATE, { id: c.createStation.id, v: u.updateStation.version, i: { labels: ['COURIER_HOME'] } }, otherOperator);
    expect(other).toMatchObject({ status: 200, code: 'NOT_FOUND', field: 'id' });
    expect((await counts(c.createStation.id)).version).toBe(u.updateStation.version);
  });
});

describe('PLANNED → inspection → ACTIVE', () => {
  let id = '';
  let version = 0;

  it('a PLANNED station is in no public answer (nearby, station, node, tiles) but staff see it', async () => {
    const c = await data(CREATE, { i: { kind: 'LOVE_STATION', name: '筹建中的驿站', location: { ...POINT, crs: 'WGS84' }, status: 'PLANNED', operatorOrganizationId: orgId } }, operator);
    ({ id, version } = c.createStation);
    expect(c.createStation.status).toBe('PLANNED');
    expect(await nearbyIds()).not.toContain(id);
    expect((await data(`query($id: ID!) { station(id: $id) { id } }`, { id }, 'anonymous')).station).toBeNull();
    expect((await data(`query($id: ID!) { node(id: $id) { id } }`, { id }, 'anonymous')).node).toBeNull();
    expect((await data(`query($id: ID!) { station(id: $id) { id status } }`, { id }, coordinator)).station.status).toBe('PLANNED');
    expect((await tileIds()).ids).not.toContain(id);
    const every = await tileIds('?statuses=PLANNED,ACTIVE,TEMPORARILY_CLOSED,RETIRED');
    expect(every.status).toBe(200);
    expect(every.ids).not.toContain(id);
    const planned = await tileIds('?statuses=PLANNED');
    expect(planned.status).toBe(400);
    expect(planned.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'statuses' });
  });

  it('refuses ACTIVE before a PASSED inspection, and bad checklists, naming the field and writing nothing', async () => {
    const before = await counts(id);
    expect(await refused(UPDATE, { id, v: version, i: { status: 'ACTIVE' } }, operator)).toMatchObject({ status: 200, code: 'BAD_USER_INPUT', field: 'input.status' });
    const i = { inspectorName: '张检查', inspectedOn: '2026-11-20', items: all() };
    expect(await refused(INSPECT, { st: id, i: { ...i, items: all().slice(1) } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items' });
    expect(await refused(INSPECT, { st: id, i: { ...i, items: [...all(), { item: 'TOILET', passed: true }] } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[6].item' });
    expect(await refused(INSPECT, { st: id, i: { ...i, inspectedOn: '2099-01-01' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inspectedOn' });
    expect(await refused(INSPECT, { st: id, i: { ...i, inspectedOn: '2026-02-30' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inspectedOn' });
    expect(await refused(INSPECT, { st: id, i: { ...i, inspectorName: '   ' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inspectorName' });
    expect(await refused(INSPECT, { st: id, i, a: true })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    const failed = all().map((x) => (x.item === 'AIR_CONDITIONING' ? { ...x, passed: false } : x));
    expect(await refused(INSPECT, { st: id, i: { ...i, items: failed }, a: true, v: version })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activate' });
    expect(await refused(INSPECT, { st: '00000000-0000-4000-8000-000000000000', i })).toMatchObject({ code: 'NOT_FOUND', field: 'stationId' });
    // Operators do not accept their own stations; coordinators neither.
    expect(await refused(INSPECT, { st: id, i }, operator)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(INSPECT, { st: id, i }, coordinator)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(INSPECT, { st: id, i }, 'anonymous')).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await counts(id)).toEqual(before);
  });

  it('records a FAILED inspection, then a PASSED one that activates the station with its version', async () => {
    const failed = ITEMS.map((item) => ({ item, passed: item !== 'TOILET', note: item === 'TOILET' ? '卫生间未完工' : null }));
    const f = await data(INSPECT, { st: id, i: { inspectorName: '张检查', inspectedOn: '2026-11-20', items: failed.reverse() } });
    expect(f.recordStationInspection.result).toBe('FAILED');
    // Stored in the standard's order whatever order it came in.
    expect(f.recordStationInspection.items.map((x: any) => x.item)).toEqual(ITEMS);
    expect(f.recordStationInspection.items.find((x: any) => x.item === 'TOILET')).toEqual({ item: 'TOILET', passed: false, note: '卫生间未完工' });
    expect((await counts(id)).status).toBe('PLANNED');

    // A stale version: CONFLICT, and the inspection is not kept either (one transaction).
    const before = await counts(id);
    expect(await refused(INSPECT, { st: id, i: { inspectorName: '李验收', inspectedOn: '2026-11-28', items: all() }, a: true, v: version - 1 })).toMatchObject({ code: 'CONFLICT' });
    expect(await counts(id)).toEqual(before);

    const p = await data(INSPECT, { st: id, i: { inspectorName: '李验收', inspectedOn: '2026-11-28', items: all(), notes: '六有齐全' }, a: true, v: version });
    expect(p.recordStationInspection.result).toBe('PASSED');
    const after = await counts(id);
    expect(after).toMatchObject({ status: 'ACTIVE', inspections: 2 });
    expect(await nearbyIds()).toContain(id);
    expect((await tileIds()).ids).toContain(id);
    const seen = await data(`query($id: ID!) { station(id: $id) { inspections { result inspectorName inspectedOn notes } } }`, { id }, operator);
    expect(seen.station.inspections.map((x: any) => [x.result, x.inspectedOn])).toEqual([
      ['PASSED', '2026-11-28'],
      ['FAILED', '2026-11-20'],
    ]);
    expect((await data(`query($id: ID!) { station(id: $id) { inspections { id } } }`, { id }, 'anonymous')).station.inspections).toBeNull();
    // Never back to PLANNED.
    expect(await refused(UPDATE, { id, v: after.version, i: { status: 'PLANNED' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    expect(await refused(INSPECT, { st: id, i: { inspectorName: '李验收', inspectedOn: '2026-11-28', items: all() }, a: true, v: after.version })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activate' });
    version = after.version;
  });

  it('grades with stars and titles (public), refuses bad grades, and lets exactly one of two graders on one version win', async () => {
    const titles = [
      { level: 'NATIONAL', year: 2024, awardingBody: '中华全国总工会', source: '全总通报' },
      { level: 'PROVINCIAL', year: 2023, awardingBody: '河南省总工会' },
    ];
    const before = await counts(id);
    expect(await refused(GRADE, { id, v: version, i: { stars: 6, titles } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.stars' });
    expect(await refused(GRADE, { id, v: version, i: { stars: 0, titles } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.stars' });
    expect(await refused(GRADE, { id, v: version, i: { stars: 4, titles: [...titles, { ...titles[0], awardingBody: '又一次' }] } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.titles[2].year' });
    expect(await refused(GRADE, { id, v: version, i: { stars: 4, titles: [{ ...titles[0], year: 1980 }] } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.titles[0].year' });
    expect(await refused(GRADE, { id, v: version, i: { stars: 4, titles: [{ ...titles[0], awardingBody: '' }] } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.titles[0].awardingBody' });
    expect(await refused(GRADE, { id, v: version, i: { stars: 4, titles } }, operator)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await counts(id)).toEqual(before);

    const g = await data(GRADE, { id, v: version, i: { stars: 4, titles } });
    expect(g.gradeStation.gradeStars).toBe(4);
    expect(g.gradeStation.version).toBe(version + 1);
    const pub = await data(`query($id: ID!) { station(id: $id) { gradeStars titles { level year awardingBody source } } }`, { id }, 'anonymous');
    expect(pub.station).toEqual({ gradeStars: 4, titles: [{ ...titles[0] }, { ...titles[1], source: null }] });

    // Titles only, same stars: the version still moves, so a second grader on the old version gets CONFLICT.
    const v = g.gradeStation.version;
    const race = await Promise.all([
      s.post({ query: GRADE, variables: { id, v, i: { stars: 4, titles: [titles[0]] } } }),
      s.post({ query: GRADE, variables: { id, v, i: { stars: 4, titles: [titles[1]] } } }),
    ]);
    const codes = race.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = race.find((r) => !r.body.errors)!.body.data.gradeStation;
    expect((await counts(id)).titles).toBe(1);
    expect(winner.titles).toHaveLength(1);
    expect((await counts(id)).version).toBe(v + 1);
  });

  it('rolls people served up per year on the station page, for those who may record them', async () => {
    for (const [day, n] of [['2025-12-31', 7], ['2026-01-01', 10], ['2026-06-15', 15]] as const) {
      await data(`mutation($st: ID!, $d: String!, $n: Int!) { recordServiceLog(stationId: $st, day: $d, peopleServed: $n) { id } }`, { st: id, d: day, n }, operator);
    }
    const q = `query($id: ID!) { station(id: $id) { peopleServedByYear { year peopleServed } } }`;
    const expected = [{ year: 2025, peopleServed: 7 }, { year: 2026, peopleServed: 25 }];
    expect((await data(q, { id })).station.peopleServedByYear).toEqual(expected);
    expect((await data(q, { id }, operator)).station.peopleServedByYear).toEqual(expected);
    expect((await data(q, { id }, otherOperator)).station.peopleServedByYear).toBeNull();
    expect((await data(q, { id }, 'anonymous')).station.peopleServedByYear).toBeNull();
  });
});
