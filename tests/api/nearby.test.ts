import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { startTestServer, type TestServer } from '../helpers/server';
import { haversine } from '../helpers/reference-geo';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: true });
});
afterAll(() => s?.stop());

const CENTRE = { lng: 113.62, lat: 34.75 }; // WGS-84, central Zhengzhou
const NEARBY = `query($near: LngLatInput!, $r: Int, $first: Int, $after: String, $kinds: [StationKind!], $amenities: [Amenity!], $openAt: DateTime) {
  nearbyStations(near: $near, radiusMeters: $r, first: $first, after: $after, kinds: $kinds, amenities: $amenities, openAt: $openAt) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceMeters node { id name kind amenities openingHours status location { lng lat crs } } }
  }
}`;

async function all(vars: Record<string, unknown>) {
  const seen: any[] = [];
  let after: string | null = null;
  for (let i = 0; i < 200; i++) {
    const r: any = await s.graphql(NEARBY, { ...vars, after });
    expect(r.errors).toBeUndefined();
    seen.push(...r.data.nearbyStations.edges);
    if (!r.data.nearbyStations.pageInfo.hasNextPage) return { edges: seen, totalCount: r.data.nearbyStations.totalCount };
    after = r.data.nearbyStations.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('nearbyStations', () => {
  const STATION_FIELDS = `id kind name address regionCode amenities openingHours timezone status phone capacity validFrom validUntil createdAt updatedAt version
    location { lng lat crs } g: location(crs: GCJ02) { lng lat crs } isOpen(at: "2026-06-01T10:00:00+08:00") region { code name }
    hostOrganization { id name } operatorOrganization { id name } viewerCanEdit provenance { source needsReview } sourceKey`;

  it('reads only the columns a query selects, and every Station field it returns equals the same field read by id', async () => {
    const { nearbyFirstPageSql } = await import('../../api/src/stations/nearby');
    const slim = nearbyFirstPageSql({ near: CENTRE, radiusMeters: 5000, first: 20 }, ['id', 'name', 'location']).text;
    expect(slim).toMatch(/ST_X\(s\.location::geometry\)/);
    expect(slim).not.toMatch(/provenance|opening_hours|created_at|organization_id/);
    // Fields the column table does not know read every column.
    expect(nearbyFirstPageSql({ near: CENTRE, radiusMeters: 5000, first: 20 }, ['id', 'someNewField']).text).toMatch(/s\.provenance/);
    for (const as of ['admin', 'anonymous'] as const) {
      const r: any = await s.post({ query: `{ nearbyStations(near: {lng: ${CENTRE.lng}, lat: ${CENTRE.lat}}, radiusMeters: 20000, first: 25) { edges { node { ${STATION_FIELDS} } } } }` }, as);
      expect(r.body.errors).toBeUndefined();
      const nodes = r.body.data.nearbyStations.edges.map((e: any) => e.node);
      expect(nodes.length).toBe(25);
      for (const node of nodes) {
        const byId: any = await s.post({ query: `query($id: ID!) { station(id: $id) { ${STATION_FIELDS} } }`, variables: { id: node.id } }, as);
        expect(node).toEqual(byId.body.data.station);
      }
      if (as === 'admin') expect(nodes.some((n: any) => n.provenance && n.sourceKey && n.viewerCanEdit)).toBe(true);
      else expect(nodes.every((n: any) => n.provenance === null && n.sourceKey === null && n.viewerCanEdit === false)).toBe(true);
    }
  });

  it('honours fragments, aliases and @include/@skip when it picks the columns to read', async () => {
    const Q = `query($withHours: Boolean!) {
      nearbyStations(near: {lng: ${CENTRE.lng}, lat: ${CENTRE.lat}}, radiusMeters: 20000, first: 10) {
        edges { n: node { ...Card } node { id openingHours @include(if: $withHours) } }
      }
    }
    fragment Card on Station { title: name ... on Station { where: location(crs: BD09) { lng } } }`;
    for (const withHours of [true, false, true]) {
      const r: any = await s.graphql(Q, { withHours });
      expect(r.errors).toBeUndefined();
      for (const e of r.data.nearbyStations.edges) {
        const byId: any = await s.graphql(`query($id: ID!) { station(id: $id) { name openingHours location(crs: BD09) { lng } } }`, { id: e.node.id });
        expect(e.n).toEqual({ title: byId.data.station.name, where: byId.data.station.location });
        expect(e.node).toEqual(withHours ? { id: e.node.id, openingHours: byId.data.station.openingHours } : { id: e.node.id });
      }
    }
  });

  it('orders by the spheroid metres it reports, which agree with an independent haversine (0.5 %)', async () => {
    const r: any = await s.graphql(NEARBY, { near: CENTRE, r: 50000, first: 100 });
    const edges = r.data.nearbyStations.edges;
    expect(edges.length).toBeGreaterThan(50);
    const ref = edges.map((e: any) => haversine(CENTRE.lng, CENTRE.lat, e.node.location.lng, e.node.location.lat));
    for (let i = 0; i < edges.length; i++) {
      expect(Math.abs(edges[i].distanceMeters - ref[i]) / Math.max(ref[i], 1)).toBeLessThan(0.005);
      if (i > 0) expect(edges[i].distanceMeters).toBeGreaterThanOrEqual(edges[i - 1].distanceMeters);
      expect(edges[i].distanceMeters).toBeLessThanOrEqual(50000);
    }
  });

  it('keeps to the radius', async () => {
    const { edges, totalCount } = await all({ near: CENTRE, r: 2000, first: 5 });
    expect(edges.length).toBe(totalCount);
    for (const e of edges) expect(haversine(CENTRE.lng, CENTRE.lat, e.node.location.lng, e.node.location.lat)).toBeLessThan(2000 * 1.005);
    const wider = await all({ near: CENTRE, r: 4000, first: 100 });
    expect(wider.edges.length).toBeGreaterThan(edges.length);
  });

  it('pages without gaps or repeats, and totalCount matches', async () => {
    const one: any = await s.graphql(NEARBY, { near: CENTRE, r: 50000, first: 100 });
    const reference = one.data.nearbyStations.edges.map((e: any) => e.node.id);
    for (const size of [1, 7, 20]) {
      const paged = await all({ near: CENTRE, r: 50000, first: size });
      expect(paged.edges.map((e) => e.node.id)).toEqual(reference.slice(0, paged.edges.length));
      expect(paged.edges.length).toBe(paged.totalCount);
      expect(new Set(paged.edges.map((e) => e.node.id)).size).toBe(paged.edges.length);
    }
  });

  it('filters by kinds and by all-of amenities', async () => {
    const created: any = await s.graphql(
      `mutation { createStation(input: { kind: DRIVERS_HOME, name: "测试司机之家", location: { lng: 113.621, lat: 34.751 }, amenities: [TRUCK_PARKING, HOT_WATER, TOILET] }) { id } }`,
    );
    const id = created.data.createStation.id;
    const drivers = await all({ near: CENTRE, r: 50000, first: 50, kinds: ['DRIVERS_HOME'] });
    expect(drivers.edges.map((e) => e.node.id)).toEqual([id]);
    const both = await all({ near: CENTRE, r: 50000, first: 100, amenities: ['AIR_CONDITIONING', 'FIRST_AID_KIT'] });
    expect(both.edges.length).toBeGreaterThan(0);
    expect(both.edges.every((e) => e.node.amenities.includes('AIR_CONDITIONING') && e.node.amenities.includes('FIRST_AID_KIT'))).toBe(true);
    const everything = await all({ near: CENTRE, r: 50000, first: 100 });
    const expected = everything.edges.filter((e) => e.node.amenities.includes('AIR_CONDITIONING') && e.node.amenities.includes('FIRST_AID_KIT'));
    expect(both.edges.map((e) => e.node.id)).toEqual(expected.map((e) => e.node.id));
    const none = await all({ near: CENTRE, r: 50000, first: 10, amenities: ['SHOWER'] });
    expect(none.totalCount).toBe(0);
  });

  it('leaves out stations that are not ACTIVE', async () => {
    const first: any = await s.graphql(NEARBY, { near: CENTRE, r: 50000, first: 1 });
    const { id } = first.data.nearbyStations.edges[0].node;
    const st: any = await s.graphql(`query($id: ID!) { station(id: $id) { version } }`, { id });
    await s.graphql(`mutation($id: ID!, $v: Int!) { retireStation(id: $id, version: $v) { status } }`, { id, v: st.data.station.version });
    const again = await all({ near: CENTRE, r: 50000, first: 100 });
    expect(again.edges.map((e) => e.node.id)).not.toContain(id);
  });

  it('filters by openAt in the station time zone, with Spring Festival 2026 as a holiday', async () => {
    const workday = await all({ near: CENTRE, r: 50000, first: 100, openAt: '2026-02-10T10:00:00+08:00' }); // Tuesday
    const festival = await all({ near: CENTRE, r: 50000, first: 100, openAt: '2026-02-17T10:00:00+08:00' }); // 春节, Tuesday
    const night = await all({ near: CENTRE, r: 50000, first: 100, openAt: '2026-02-10T03:00:00+08:00' });
    const hours = (x: typeof workday) => x.edges.map((e) => e.node.openingHours);
    expect(hours(workday)).toContain('Mo-Fr 09:00-17:00; PH off');
    expect(hours(festival)).not.toContain('Mo-Fr 09:00-17:00; PH off');
    expect(hours(festival)).toContain('08:00-20:00');
    expect(hours(night).every((h) => h === '24/7')).toBe(true);
    expect(night.edges.length).toBe(2);
    expect(festival.totalCount).toBe(festival.edges.length);
    // the same instant written in UTC gives the same answer
    const utc = await all({ near: CENTRE, r: 50000, first: 100, openAt: '2026-02-17T02:00:00Z' });
    expect(utc.edges.map((e) => e.node.id)).toEqual(festival.edges.map((e) => e.node.id));
  });

  it('filters by opening hours across KNN batches without skipping or repeating a station', async () => {
    // Far from the seeded stations (near Golmud): 150 day-only stations in a line going north from P, 11 m
    // apart, and two open 24/7 placed 61st and 132nd from P. openAt reads candidates in KNN batches of at least
    // 100, so at night the second open station is found only in the second batch, which must start exactly
    // after the first (a batch that overlapped would return the first open station twice).
    const P = { lng: 94.9, lat: 36.4 };
    const create = async (name: string, dLat: number, hours: string): Promise<string> => {
      const r: any = await s.graphql(`mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`, {
        i: { kind: 'LOVE_STATION', name, location: { lng: P.lng, lat: P.lat + dLat }, openingHours: hours },
      });
      expect(r.errors).toBeUndefined();
      return r.data.createStation.id;
    };
    for (let i = 0; i < 150; i++) await create(`日间驿站${i}`, 0.0001 * i, 'Mo-Su 08:00-18:00');
    const open = [await create('通宵驿站甲', 0.00605, '24/7'), await create('通宵驿站乙', 0.01305, '24/7')];
    for (const first of [1, 2, 3, 100]) {
      const night = await all({ near: P, r: 5000, first, openAt: '2026-03-10T03:00:00+08:00' });
      expect(night.edges.map((e) => e.node.id), `first: ${first}`).toEqual(open);
      expect(night.totalCount).toBe(2);
    }
    const day = await all({ near: P, r: 5000, first: 100, openAt: '2026-03-10T10:00:00+08:00' });
    expect(day.edges.length).toBe(152);
    expect(new Set(day.edges.map((e) => e.node.id)).size).toBe(152);
  });

  it('accepts the search point in GCJ-02 and BD-09 and returns locations in any datum (round trip within 1 m)', async () => {
    const [gLng, gLat] = gcoord.transform([CENTRE.lng, CENTRE.lat], gcoord.WGS84, gcoord.GCJ02);
    const [bLng, bLat] = gcoord.transform([CENTRE.lng, CENTRE.lat], gcoord.WGS84, gcoord.BD09);
    const w: any = await s.graphql(NEARBY, { near: CENTRE, r: 3000, first: 5 });
    const g: any = await s.graphql(NEARBY, { near: { lng: gLng, lat: gLat, crs: 'GCJ02' }, r: 3000, first: 5 });
    const b: any = await s.graphql(NEARBY, { near: { lng: bLng, lat: bLat, crs: 'BD09' }, r: 3000, first: 5 });
    const ids = (x: any) => x.data.nearbyStations.edges.map((e: any) => e.node.id);
    expect(ids(g)).toEqual(ids(w));
    expect(ids(b)).toEqual(ids(w));
    w.data.nearbyStations.edges.forEach((e: any, i: number) => expect(Math.abs(e.distanceMeters - g.data.nearbyStations.edges[i].distanceMeters)).toBeLessThan(1));
    const id = ids(w)[0];
    const loc: any = await s.graphql(`query($id: ID!) { station(id: $id) { w: location { lng lat crs } g: location(crs: GCJ02) { lng lat crs } b: location(crs: BD09) { lng lat crs } } }`, { id });
    const st = loc.data.station;
    expect([st.w.crs, st.g.crs, st.b.crs]).toEqual(['WGS84', 'GCJ02', 'BD09']);
    const back = gcoord.transform([st.g.lng, st.g.lat], gcoord.GCJ02, gcoord.WGS84);
    expect(haversine(back[0], back[1], st.w.lng, st.w.lat)).toBeLessThan(1);
    const backB = gcoord.transform([st.b.lng, st.b.lat], gcoord.BD09, gcoord.WGS84);
    expect(haversine(backB[0], backB[1], st.w.lng, st.w.lat)).toBeLessThan(1);
    expect(haversine(st.g.lng, st.g.lat, st.w.lng, st.w.lat)).toBeGreaterThan(100);
  });

  it.each([
    [{ near: { lng: 200, lat: 34 } }, 'near.lng'],
    [{ near: { lng: 113, lat: -91 } }, 'near.lat'],
    [{ near: CENTRE, r: 0 }, 'radiusMeters'],
    [{ near: CENTRE, r: 50001 }, 'radiusMeters'],
    [{ near: CENTRE, first: 0 }, 'first'],
    [{ near: CENTRE, first: 101 }, 'first'],
    [{ near: CENTRE, after: 'bm90IGEgY3Vyc29y' }, 'after'],
  ])('refuses %j naming %s', async (vars, field) => {
    const r: any = await s.graphql(NEARBY, vars);
    expect(r.data).toBeNull();
    expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses NaN, an unknown crs and an unknown amenity before any SQL', async () => {
    const nan: any = await s.graphql(`{ nearbyStations(near: { lng: NaN, lat: 1 }) { totalCount } }`);
    expect(nan.errors[0].extensions.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    const crs: any = await s.graphql(NEARBY, { near: { ...CENTRE, crs: 'MARS' } });
    expect(crs.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(crs.errors[0].message).toContain('crs');
    const amen: any = await s.graphql(NEARBY, { near: CENTRE, amenities: ['JACUZZI'] });
    expect(amen.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(amen.errors[0].message).toContain('amenities');
  });
});
