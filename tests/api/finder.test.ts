import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, TypeInfo, visit, visitWithTypeInfo, getNamedType, type GraphQLSchema } from 'graphql';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { startTestServer, type TestServer } from '../helpers/server';
import { createFinderStations, linkErrorMeters, ZHENGZHOU } from '../helpers/finder';
import { createSchema } from '../../api/src/schema';
import { operationCost } from '../../api/src/common/hardening';
import { loadConfig } from '../../api/src/config';
import { FINDER_DOCUMENTS, NEARBY, STATION } from '../../admin/src/finder/queries';
import { navigationLinks } from '../../admin/src/finder/navigation';
import { soonInstant } from '../../admin/src/finder/hours';
// @ts-expect-error plain ES module script without types
import { BUDGET_BYTES, finderSizes } from '../../admin/scripts/finder-size.mjs';

/**
 * The station finder at /find (issue 16 §1): the page is public and loads no admin code within its size budget,
 * unknown paths are 404s (not the admin's login), the page's queries ask only public-contract fields and run as
 * an anonymous caller, and every navigation link carries the station in its app's datum within 1 m of an
 * independent conversion.
 */

const DIST = path.resolve(__dirname, '../../admin/dist');

/**
 * The public contract (DESIGN.md, "Public contract for third-party apps"), plus the public `regions` and
 * `holidayCalendar` queries (README, "Accounts, API keys and security": anonymous scope) and `appConfig`'s basemap
 * settings: every field the finder may select.
 */
const PUBLIC_CONTRACT = new Set([
  'Query.station', 'Query.nearbyStations', 'Query.regions', 'Query.holidayCalendar',
  'NearbyStationConnection.edges', 'NearbyStationConnection.pageInfo', 'NearbyStationConnection.totalCount',
  'NearbyStationEdge.cursor', 'NearbyStationEdge.distanceMeters', 'NearbyStationEdge.node',
  'PageInfo.hasNextPage', 'PageInfo.endCursor', 'PageInfo.hasPreviousPage', 'PageInfo.startCursor',
  'Station.id', 'Station.kind', 'Station.name', 'Station.address', 'Station.regionCode', 'Station.location', 'Station.amenities',
  'Station.openingHours', 'Station.isOpen', 'Station.status', 'Station.phone', 'Station.updatedAt',
  'GeoPoint.lng', 'GeoPoint.lat', 'GeoPoint.crs',
  'RegionPage.nodes', 'RegionPage.totalCount', 'Region.code', 'Region.name', 'Region.level', 'Region.centre', 'Region.parentCode',
  'HolidayCalendar.year', 'HolidayCalendar.coverage', 'HolidayCalendar.days', 'HolidayDay.date', 'HolidayDay.kind', 'HolidayDay.name',
  // The basemap settings every page reads (public, nothing secret: README, "Map tiles").
  'Query.appConfig', 'AppConfig.mapStyleUrl', 'AppConfig.mapDatum',
]);

/** `Type.field` of every field a document selects, resolved against the schema. */
function selectedFields(schema: GraphQLSchema, document: string): string[] {
  const info = new TypeInfo(schema);
  const out: string[] = [];
  visit(
    parse(document),
    visitWithTypeInfo(info, {
      Field(node) {
        const parent = info.getParentType();
        if (!info.getFieldDef()) throw new Error(`${parent?.name}.${node.name.value} is not in the schema`);
        if (!node.name.value.startsWith('__')) out.push(`${getNamedType(parent!)!.name}.${node.name.value}`);
      },
    }),
  );
  return out;
}

let s: TestServer;
let schema: GraphQLSchema;
let ids: Record<string, string>;

beforeAll(async () => {
  s = await startTestServer({ seed: true });
  schema = await createSchema();
  ids = await createFinderStations(s);
});
afterAll(async () => {
  await s?.stop();
});

describe('the page and unknown paths', () => {
  it('serves /find without a login, under the server CSP, loading the finder entry and not the admin bundle', async () => {
    const res = await fetch(`${s.url}/find`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/src="\/assets\/find-[\w-]+\.js"/);
    const adminEntry = /src="\/(assets\/main-[\w-]+\.js)"/.exec(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'))![1];
    expect(html).not.toContain(adminEntry);
    expect((await fetch(`${s.url}/find/`)).status).toBe(200);
    // Its scripts go out gzip-compressed.
    const script = /src="(\/assets\/find-[\w-]+\.js)"/.exec(html)![1];
    const js = await fetch(`${s.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(js.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps what /find loads initially under 300 kB of gzip JavaScript, none of it the admin entry or MapLibre', () => {
    const sizes = finderSizes(DIST);
    const adminEntry = /src="\/(assets\/main-[\w-]+\.js)"/.exec(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'))![1];
    expect(Object.keys(sizes.initial)).not.toContain(adminEntry);
    expect(Object.keys(sizes.initial).some((f) => /maplibre/i.test(f))).toBe(false);
    expect(Object.keys(sizes.onDemand).some((f) => /maplibre/i.test(f))).toBe(true);
    expect(sizes.initialJs).toBeGreaterThan(10_000);
    expect(sizes.initialJs).toBeLessThan(BUDGET_BYTES);
    console.log(`/find loads ${(sizes.initialJs / 1000).toFixed(1)} kB of gzip JavaScript initially; the map adds ${(sizes.onDemandJs / 1000).toFixed(1)} kB when opened`);
  });

  it('answers unknown paths 404 (an HTML page for browsers, JSON otherwise), never the admin login; / is still the admin', async () => {
    for (const p of ['/nowhere', '/stations', '/find/nowhere', '/login', '/assets/no-such-file.js', '/index.htm']) {
      const html = await fetch(`${s.url}${p}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(html.status, p).toBe(404);
      const text = await html.text();
      expect(text, p).not.toContain('<div id="root">');
      if (!p.startsWith('/assets')) expect(text, p).toContain('href="/find"');
      const json = await fetch(`${s.url}${p}`, { headers: { accept: 'application/json' } });
      expect(json.status, p).toBe(404);
      if (!p.startsWith('/assets')) expect(((await json.json()) as any).error.code, p).toBe('NOT_FOUND');
    }
    const admin = await fetch(`${s.url}/`, { headers: { accept: 'text/html' } });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<div id="root">');
  });
});

describe('public contract', () => {
  it('selects only public-contract fields in every document the page sends', () => {
    for (const [name, doc] of Object.entries(FINDER_DOCUMENTS)) {
      const fields = selectedFields(schema, doc);
      expect(fields.length, name).toBeGreaterThanOrEqual(3);
      expect(fields.filter((f) => !PUBLIC_CONTRACT.has(f)), name).toEqual([]);
    }
    // The walk sees a field outside the contract when a document has one.
    expect(selectedFields(schema, '{ station(id: "x") { id provenance { needsReview } } }').filter((f) => !PUBLIC_CONTRACT.has(f))).toEqual(['Station.provenance', 'Provenance.needsReview']);
  });

  it('costs under 200 points a page of 10, so the anonymous budget allows 15 searches a minute', () => {
    const cost = operationCost(schema, parse(NEARBY), { near: ZHENGZHOU, radius: 10_000, openNow: true, soon: soonInstant() }, undefined);
    expect(cost).toBeGreaterThan(100);
    expect(cost).toBeLessThanOrEqual(200);
    const budget = loadConfig({}).RATE_LIMIT_ANONYMOUS_PER_MINUTE;
    expect(Math.floor(budget / cost)).toBeGreaterThanOrEqual(15);
    console.log(`a finder page costs ${cost} points: ${Math.floor(budget / cost)} pages a minute on the anonymous budget of ${budget}`);
  });

  it('runs every document as an anonymous caller; nearby lists the open stations nearest first', async () => {
    const r = await s.post(
      { query: NEARBY, variables: { near: { ...ZHENGZHOU, crs: 'WGS84' }, radius: 3000, kinds: null, amenities: null, openNow: true, soon: soonInstant(), after: null } },
      'anonymous',
    );
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const edges = r.body.data.nearbyStations.edges as { distanceMeters: number; node: any }[];
    expect(edges.length).toBeGreaterThanOrEqual(3);
    expect(edges.slice(0, 3).map((e) => e.node.id)).toEqual([ids['测试驿站甲（有厕所）'], ids['测试驿站乙（无厕所）'], ids['测试司机之家丙']]);
    expect(edges.map((e) => e.node.id)).not.toContain(ids['测试驿站丁（已关门）']);
    for (let i = 1; i < edges.length; i++) expect(edges[i].distanceMeters).toBeGreaterThanOrEqual(edges[i - 1].distanceMeters);
    expect(edges.every((e) => e.node.isOpen === true)).toBe(true);

    const toilets = await s.post(
      { query: NEARBY, variables: { near: { ...ZHENGZHOU, crs: 'WGS84' }, radius: 3000, amenities: ['TOILET'], openNow: true, soon: soonInstant() } },
      'anonymous',
    );
    expect(toilets.body.data.nearbyStations.edges.slice(0, 2).map((e: any) => e.node.id)).toEqual([ids['测试驿站甲（有厕所）'], ids['测试司机之家丙']]);

    const places = await s.post({ query: FINDER_DOCUMENTS.PLACES, variables: { search: '金水' } }, 'anonymous');
    expect(places.status).toBe(200);
    expect(places.body.data.regions.nodes.map((n: any) => n.code)).toContain('410105');
    const holidays = await s.post({ query: FINDER_DOCUMENTS.HOLIDAYS, variables: { year: 2026 } }, 'anonymous');
    expect(holidays.status).toBe(200);
    expect(holidays.body.data.holidayCalendar.days.find((d: any) => d.date === '2026-02-17')).toMatchObject({ kind: 'HOLIDAY' });
  });
});

describe('navigation links', () => {
  it('carry each station in its app datum (GCJ-02 AMap/Tencent, BD-09 Baidu) within 1 m of coordtransform', async () => {
    const near = await s.post({ query: `{ nearbyStations(near: { lng: ${ZHENGZHOU.lng}, lat: ${ZHENGZHOU.lat} }, radiusMeters: 50000, first: 40) { edges { node { id } } } }` }, 'anonymous');
    const stationIds = near.body.data.nearbyStations.edges.map((e: any) => e.node.id) as string[];
    expect(stationIds.length).toBeGreaterThan(30);
    let worst = 0;
    for (const id of stationIds) {
      const r = await s.post({ query: STATION, variables: { id, soon: soonInstant() } }, 'anonymous');
      expect(r.body.errors).toBeUndefined();
      const st = r.body.data.station;
      const links = navigationLinks(st);
      expect(links.map((l) => new URL(l.href).origin + new URL(l.href).pathname)).toEqual([
        'https://uri.amap.com/marker',
        'https://api.map.baidu.com/marker',
        'https://apis.map.qq.com/uri/v1/marker',
      ]);
      const baidu = new URL(links[1].href).searchParams;
      expect(baidu.get('coord_type')).toBe('bd09ll');
      expect(new URL(links[0].href).searchParams.get('coordinate')).toBe('gaode');
      expect(new URL(links[2].href).searchParams.get('marker')).toContain(`title:${st.name.replace(/[;:；：]/g, ' ').trim()}`);
      for (const l of links) worst = Math.max(worst, linkErrorMeters(l.href, st.location));
    }
    expect(worst).toBeLessThan(1);
    // A link in the wrong datum (WGS-84 where GCJ-02 belongs) is hundreds of metres off: the check can fail.
    const wrong = navigationLinks({ name: 'x', address: null, gcj02: ZHENGZHOU, bd09: ZHENGZHOU });
    expect(linkErrorMeters(wrong[0].href, ZHENGZHOU)).toBeGreaterThan(100);
    expect(linkErrorMeters(wrong[1].href, ZHENGZHOU)).toBeGreaterThan(100);
  });
});

describe('tiles and the API together', () => {
  it('answers GraphQL after tile requests of every zoom band (the embedded path encodes tiles in JS)', async () => {
    const tileOf = (lng: number, lat: number, z: number) => {
      const n = 2 ** z;
      const r = (lat * Math.PI) / 180;
      return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
    };
    for (const z of [14, 5, 9, 13]) {
      const [x, y] = tileOf(ZHENGZHOU.lng, ZHENGZHOU.lat, z);
      const tiles = await Promise.all([0, 1, -1].map((dx) => fetch(`${s.url}/tiles/stations/${z}/${x + dx}/${y}.pbf`)));
      expect(tiles.map((t) => t.status)).toEqual([200, 200, 200]);
      const layer = new VectorTile(new PbfReader(Buffer.from(await tiles[0].arrayBuffer()))).layers[z <= 7 ? 'regions' : 'stations'];
      expect(layer?.length ?? 0, `z${z}`).toBeGreaterThan(0);
      const r = await s.post({ query: STATION, variables: { id: ids['测试驿站甲（有厕所）'], soon: soonInstant() } }, 'anonymous');
      expect(r.status, `z${z}`).toBe(200);
      expect(r.body.errors, `z${z}`).toBeUndefined();
      expect(r.body.data.station.name).toBe('测试驿站甲（有厕所）');
    }
    expect(s.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
