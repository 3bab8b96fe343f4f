import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../api/src/schema';
import { operationCost } from '../../api/src/common/hardening';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Issue 14 §5 over HTTP: browsers opening /graphql get the bundled explorer (not Apollo's CDN landing page) under
 * the server's CSP, API clients still get GraphQL there, and the guide's cost figures are the server's own.
 * Needs the admin build (`npm run build`), as `npm test` makes it.
 */
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: false });
});
afterAll(() => s?.stop());

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const GUIDE = fs.readFileSync(path.resolve(__dirname, '../../admin/developers.html'), 'utf8');

describe('/graphql in a browser', () => {
  it('serves the bundled explorer with the CSP, scripts from this server only, and no Apollo landing page', async () => {
    const res = await fetch(`${s.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('GraphQL explorer');
    expect(html).not.toMatch(/apollo|embeddable-sandbox|cdn\./i);
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(src).toMatch(/^(\/|data:)/);
  });

  it('still answers API clients at /graphql: POST, and GET with a query or without HTML in Accept', async () => {
    const post = await s.post({ query: '{ __typename }' }, 'anonymous');
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ data: { __typename: 'Query' } });
    const get = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' } });
    expect(get.headers.get('content-type')).toMatch(/json/);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const json = await fetch(`${s.url}/graphql`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/json/);
    expect(json.status).toBe(400);
  });

  it('answers an operationName that names no operation in the document (a stale explorer tab) with a 400, not a 500', async () => {
    const r = await s.post({ query: 'query Typed { __typename }', operationName: 'NearestOpen' }, 'anonymous');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(r.body.errors[0].message).toMatch(/NearestOpen/);
  });

  it('serves the developer guide at /developers', async () => {
    const res = await fetch(`${s.url}/developers`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('developer guide');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('developer guide', () => {
  const text = (id: string) => {
    const m = new RegExp(`<(?:pre|span) id="${id}">([\\s\\S]*?)</(?:pre|span)>`).exec(GUIDE);
    if (!m) throw new Error(`no #${id} in developers.html`);
    return m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  };
  const near = { lng: 113.6253, lat: 34.7466, crs: 'GCJ02' };

  it('states the cost of a typical nearby page and of the example as the server computes them', async () => {
    const schema = await createSchema();
    const pageCost = operationCost(schema, parse(text('nearby-page-query')), { near }, undefined);
    expect(pageCost).toBeGreaterThan(100);
    expect(Number(text('nearby-page-cost'))).toBe(pageCost);
    const example = JSON.parse(/--data '([^']+)'/.exec(text('example-curl'))![1]);
    expect(Number(text('nearest-cost'))).toBe(operationCost(schema, parse(example.query), example.variables, undefined));
  });

  it('gives curl and JavaScript examples that run against the server and find an open station with water and a toilet', async () => {
    const example = JSON.parse(/--data '([^']+)'/.exec(text('example-curl'))![1]);
    const js = /const NEAREST_OPEN = `([^`]+)`/.exec(text('example-js'))![1];
    expect(js.replace(/\s+/g, ' ').trim()).toBe(example.query.replace(/\s+/g, ' ').trim());
    expect(example.variables.near).toEqual(near);
    const station = await s.graphql(
      `mutation($i: StationCreateInput!) { createStation(input: $i) { id } }`,
      { i: { kind: 'LOVE_STATION', name: '示例驿站', location: { lng: 113.6258, lat: 34.7469, crs: 'GCJ02' }, amenities: ['DRINKING_WATER', 'TOILET'], openingHours: '24/7' } },
    );
    expect(station.errors).toBeUndefined();
    const r = await s.post(example, 'anonymous');
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.nearbyStations.edges[0].node).toMatchObject({ id: station.data.createStation.id, name: '示例驿站', openingHours: '24/7' });
    expect(r.body.data.nearbyStations.edges[0].distanceMeters).toBeLessThan(100);
  });
});
