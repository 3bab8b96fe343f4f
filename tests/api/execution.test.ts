import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Operations run by graphql-jit (the default) answer exactly what graphql-js's interpreter answers (JIT=false):
 * data, nulls, errors with their codes, fields, paths and messages.
 */
// The comparison needs two servers on one database, each with its own pool: the embedded PGlite serves one
// connection at a time, so on PGlite only the tests of one server run.
const onPglite = process.env.YIZHAN_TEST_DB === 'pglite';
let jit: TestServer;
let interpreted: TestServer;
beforeAll(async () => {
  jit = await startTestServer({ seed: true });
  // The same database, so ids and orders are the same.
  if (!onPglite) interpreted = await startTestServer({ seed: false, env: { JIT: 'false', DATABASE_URL: jit.app.orm.config.get('clientUrl') as string } });
}, 120_000);
afterAll(async () => {
  await Promise.all([jit?.stop(), interpreted?.stop()]);
});

const CASES: { name: string; query: string; variables?: Record<string, unknown>; as?: 'admin' | 'anonymous' }[] = [
  {
    name: 'nearby with fragments, aliases, datums, hours and relations',
    query: `query($near: LngLatInput!, $hours: Boolean!) { nearbyStations(near: $near, radiusMeters: 20000, first: 30, amenities: [DRINKING_WATER]) {
      pageInfo { hasNextPage endCursor } totalCount
      edges { cursor distanceMeters node { ...S g: location(crs: GCJ02) { lng lat crs } openingHours @include(if: $hours) isOpen(at: "2026-02-17T10:00:00+08:00") region { code name } operatorOrganization { name parent { name } } } } } }
      fragment S on Station { id name kind amenities status location { lng lat } }`,
    variables: { near: { lng: 113.6253, lat: 34.7466, crs: 'GCJ02' }, hours: true },
  },
  { name: 'admin station list with staff fields', query: `{ stations(limit: 15, orderBy: {field: NAME, direction: ASC}) { totalCount nodes { id name sourceKey viewerCanEdit provenance { source needsReview notes } hostOrganization { name } } } }`, as: 'admin' },
  { name: 'the same list anonymously', query: `{ stations(limit: 15, orderBy: {field: NAME, direction: ASC}) { totalCount nodes { id name sourceKey viewerCanEdit provenance { source } } } }` },
  { name: 'a missing station is null', query: `{ station(id: "00000000-0000-4000-8000-000000000000") { id } }` },
  { name: 'a variable that does not coerce', query: `query($near: LngLatInput!) { nearbyStations(near: $near) { totalCount } }`, variables: { near: { lng: 113.6, lat: 34.7, crs: 'MARS' } } },
  { name: 'a missing required variable', query: `query($near: LngLatInput!) { nearbyStations(near: $near) { totalCount } }` },
  { name: 'a resolver refusal naming the argument', query: `{ nearbyStations(near: {lng: 113.6, lat: 34.7}, first: 0) { totalCount } }` },
  { name: 'an error inside a list keeps the rest', query: `{ a: station(id: "not-a-uuid") { id } b: nearbyStations(near: {lng: 113.6, lat: 34.7}, first: 2) { edges { node { name } } } }` },
  { name: 'a staff-only query anonymously', query: `{ users(limit: 5) { nodes { username } } }` },
  { name: 'introspection', query: `{ __type(name: "Station") { name fields { name args { name defaultValue } type { kind name ofType { name } } } } }` },
  { name: 'route search', query: `{ stationsAlongRoute(route: [{lng: 113.60, lat: 34.74}, {lng: 113.70, lat: 34.78}], bufferMeters: 800) { alongRouteMeters distanceFromRouteMeters node { name } } }` },
];

describe.skipIf(onPglite)('graphql-jit execution', () => {
  for (const c of CASES) {
    it(`answers like graphql-js: ${c.name}`, async () => {
      const [a, b] = await Promise.all([jit.post({ query: c.query, variables: c.variables }, c.as ?? 'anonymous'), interpreted.post({ query: c.query, variables: c.variables }, c.as ?? 'anonymous')]);
      expect(a.status).toBe(b.status);
      expect(a.body).toEqual(b.body);
      // Not vacuous: each case answers something.
      expect(a.body.data ?? a.body.errors).toBeTruthy();
    });
  }
});

describe('schema resolvers', () => {
  it('reads plain fields directly and keeps every resolver that does work (role gates, field resolvers)', async () => {
    const { createSchema } = await import('../../api/src/schema');
    const { GraphQLObjectType } = await import('graphql');
    const schema = await createSchema();
    const fields = (type: string) => (schema.getType(type) as InstanceType<typeof GraphQLObjectType>).getFields();
    for (const f of ['id', 'name', 'amenities', 'status']) expect(fields('Station')[f].resolve, `Station.${f}`).toBeUndefined();
    for (const f of ['provenance', 'sourceKey', 'viewerCanEdit', 'location', 'isOpen', 'region', 'operatorOrganization']) expect(fields('Station')[f].resolve, `Station.${f}`).toBeTypeOf('function');
    for (const f of ['users', 'stations', 'nearbyStations']) expect(fields('Query')[f].resolve, `Query.${f}`).toBeTypeOf('function');
  });
});

describe('oneRequestListener', () => {
  it('folds plugins into one request listener that calls each hook in plugin order, and keeps their other hooks', async () => {
    const { oneRequestListener } = await import('../../api/src/common/hardening');
    const calls: string[] = [];
    const a = {
      async requestDidStart() {
        return {
          async didResolveOperation() { calls.push('a.didResolveOperation'); },
          async parsingDidStart() { calls.push('a.parsingDidStart'); return async (e?: Error) => void calls.push(`a.parsingDidEnd:${e?.message ?? ''}`); },
          async willSendResponse() { calls.push('a.willSendResponse'); },
        };
      },
    };
    // A listener may be a class instance: its hooks are inherited, not own properties.
    class BListener {
      async didResolveOperation() { calls.push('b.didResolveOperation'); }
      async responseForOperation() { calls.push('b.responseForOperation'); return null; }
      async executionDidStart() { calls.push('b.executionDidStart'); return { async executionDidEnd() { calls.push('b.executionDidEnd'); } }; }
    }
    const b = {
      async requestDidStart() {
        return new BListener();
      },
    };
    const c = { async serverWillStart() { calls.push('c.serverWillStart'); } };
    const d = {
      async requestDidStart() {
        return {
          async parsingDidStart() { calls.push('d.parsingDidStart'); return async () => void calls.push('d.parsingDidEnd'); },
          async responseForOperation() { calls.push('d.responseForOperation'); return { http: {}, body: 'd' }; },
          async executionDidStart() { calls.push('d.executionDidStart'); return { async executionDidEnd() { calls.push('d.executionDidEnd'); } }; },
        };
      },
      async unexpectedErrorProcessingRequest() { calls.push('d.unexpected'); },
    };
    const plugins = oneRequestListener([a, b, c, d] as never[]) as any[];
    // a and b had no other hook: only c, d (without requestDidStart) and the merged plugin remain.
    expect(plugins.length).toBe(3);
    expect(plugins.filter((p) => p.requestDidStart).length).toBe(1);
    await plugins[0].serverWillStart();
    await plugins[1].unexpectedErrorProcessingRequest();
    const l = await plugins[2].requestDidStart({});
    expect(l.didResolveSource).toBeUndefined();
    expect(l.didEncounterErrors).toBeUndefined();
    await l.didResolveOperation({});
    const endParsing = await l.parsingDidStart({});
    await endParsing(new Error('x'));
    expect(await l.responseForOperation({})).toEqual({ http: {}, body: 'd' });
    const exec = await l.executionDidStart({});
    await exec.executionDidEnd();
    await l.willSendResponse({});
    expect(calls).toEqual([
      'c.serverWillStart', 'd.unexpected',
      'a.didResolveOperation', 'b.didResolveOperation',
      'a.parsingDidStart', 'd.parsingDidStart', 'a.parsingDidEnd:x', 'd.parsingDidEnd',
      'b.responseForOperation', 'd.responseForOperation',
      'b.executionDidStart', 'd.executionDidStart', 'b.executionDidEnd', 'd.executionDidEnd',
      'a.willSendResponse',
    ]);
  });
});

describe('request context', () => {
  it('forks the EntityManager, and builds access rules and loaders, only when a resolver uses them', async () => {
    const { createContext } = await import('../../api/src/context');
    const { loadConfig } = await import('../../api/src/config');
    const root = jit.app.orm.em as never as import('@mikro-orm/postgresql').EntityManager;
    const fork = vi.spyOn(root, 'fork');
    try {
      const ctx = createContext(root, loadConfig({ ADMIN_PASSWORD: 'x'.repeat(12) }), { log: jit.app.log, security: { secret: new Uint8Array(32), limits: jit.app.limits } }, { ip: '10.0.0.1' });
      expect(ctx.rawReader).toBe(root);
      expect(ctx.viewer.kind).toBe('ANONYMOUS');
      expect(fork).not.toHaveBeenCalled();
      const em = ctx.em;
      expect(em).not.toBe(root);
      expect(ctx.em).toBe(em);
      expect(ctx.access.viewer).toBe(ctx.viewer);
      expect(await ctx.loaders.organization.load('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(fork).toHaveBeenCalledTimes(1);
    } finally {
      fork.mockRestore();
    }
  });
});

describe('remembered', () => {
  it('builds a value once per key, empties the map when it is full, and stores nothing when the build throws', async () => {
    const { remembered } = await import('../../api/src/common/memo');
    const map = new Map<string, number>();
    let builds = 0;
    const get = (k: string) => remembered(map, k, 2, () => (builds++, k.length));
    expect(get('a')).toBe(1);
    expect(get('a')).toBe(1);
    expect(builds).toBe(1);
    get('bb');
    expect([...map.keys()]).toEqual(['a', 'bb']);
    expect(get('ccc')).toBe(3);
    expect([...map.keys()]).toEqual(['ccc']);
    expect(() => remembered(map, 'x', 2, () => { throw new Error('no'); })).toThrow('no');
    expect(map.has('x')).toBe(false);
  });
});
