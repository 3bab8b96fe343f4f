import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

/** Issue 14 §4: Relay Object Identification (`Node`, `node`, `nodes`) and the DateTime scalar. */
let s: TestServer;
let apiKey = '';
const ids = { stations: [] as string[], organization: '', campaign: '', user: '' };

beforeAll(async () => {
  s = await startTestServer({ seed: true });
  const d = (await s.graphql(`{ stations(limit: 3, orderBy: {field: NAME, direction: ASC}) { nodes { id } } organizations(limit: 1) { nodes { id } } campaigns(limit: 1) { nodes { id } } me { id } }`)).data;
  ids.stations = d.stations.nodes.map((n: any) => n.id);
  ids.organization = d.organizations.nodes[0].id;
  ids.campaign = d.campaigns.nodes[0].id;
  ids.user = d.me.id;
  apiKey = (await s.graphql(`mutation { createApiKey(input: {name: "relay test"}) { secret } }`)).data.createApiKey.secret;
}, 120_000);
afterAll(() => s?.stop());

const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Station { name kind } ... on Organization { name } ... on Region { code name } } }`;

describe('node(id:)', () => {
  it('refetches a station, an organization and a region by the ids the API already returns, for anonymous callers and API keys', async () => {
    for (const as of ['anonymous', { apiKey }] as const) {
      const st = await s.post({ query: NODE, variables: { id: ids.stations[0] } }, as);
      expect(st.status).toBe(200);
      const byId = (await s.graphql(`query($id: ID!) { station(id: $id) { id name kind } }`, { id: ids.stations[0] }, as)).data.station;
      expect(st.body.data.node).toEqual({ __typename: 'Station', ...byId });
      const org = (await s.graphql(NODE, { id: ids.organization }, as)).data.node;
      expect(org).toMatchObject({ __typename: 'Organization', id: ids.organization });
      const region = (await s.graphql(NODE, { id: '410102' }, as)).data.node;
      expect(region).toEqual({ __typename: 'Region', id: '410102', code: '410102', name: '中原区' });
    }
  });

  it('answers null, not an error, for an unknown id and for records the caller may not read (no existence leak)', async () => {
    for (const id of [randomUUID(), ids.campaign, ids.user, '999999']) {
      const r = await s.post({ query: NODE, variables: { id } }, 'anonymous');
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.node).toBeNull();
    }
  });

  it('refuses an id of neither form with BAD_USER_INPUT on id', async () => {
    const r = await s.post({ query: NODE, variables: { id: 'Station:1' } }, 'anonymous');
    expect(r.status).toBe(200);
    expect(r.body.data.node).toBeNull();
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('nodes(ids:)', () => {
  const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

  it('keeps the order of the ids, with null where nothing readable matches and duplicates repeated', async () => {
    const unknown = randomUUID();
    const list = [ids.stations[1], '410100', unknown, ids.organization, ids.stations[1].toUpperCase(), ids.campaign];
    const r = await s.graphql(NODES, { ids: list }, 'anonymous');
    expect(r.errors).toBeUndefined();
    expect(r.data.nodes).toEqual([
      { __typename: 'Station', id: ids.stations[1] },
      { __typename: 'Region', id: '410100' },
      null,
      { __typename: 'Organization', id: ids.organization },
      { __typename: 'Station', id: ids.stations[1] },
      null,
    ]);
  });

  it('costs the same number of statements for 3 ids as for 100', async () => {
    const knex = (s.app.orm.em.getConnection() as any).getKnex();
    const stations = (await s.graphql(`{ stations(limit: 97) { nodes { id } } }`)).data.stations.nodes.map((n: any) => n.id);
    let count = 0;
    const onQuery = () => count++;
    knex.on('query', onQuery);
    const run = async (list: string[]) => {
      count = 0;
      const r = await s.graphql(NODES, { ids: list }, 'anonymous');
      expect(r.errors).toBeUndefined();
      expect(r.data.nodes.filter(Boolean).length).toBe(list.length);
      return count;
    };
    try {
      const three = await run([stations[0], ids.organization, '410102']);
      const hundred = await run([...stations, ids.organization, '410102', '410100']);
      expect(hundred).toBe(three);
      // the union-all lookup, then one load per type found
      expect(hundred).toBeLessThanOrEqual(4);
    } finally {
      knex.removeListener('query', onQuery);
    }
  });

  it('refuses more than 100 ids, and a bad id naming its position, writing nothing', async () => {
    const many = await s.post({ query: NODES, variables: { ids: Array.from({ length: 101 }, () => randomUUID()) } }, 'anonymous');
    expect(many.status).toBe(200);
    expect(many.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const bad = await s.post({ query: NODES, variables: { ids: [ids.stations[0], 'x'] } }, 'anonymous');
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids[1]' });
  });
});

describe('relay-compiler', () => {
  it('compiles a @refetchable fragment on Station against schema/schema.graphql into a node(id:) query', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-relay-'));
    try {
      fs.mkdirSync(path.join(dir, 'src/__generated__'), { recursive: true });
      fs.copyFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), path.join(dir, 'schema.graphql'));
      fs.writeFileSync(path.join(dir, 'relay.config.json'), JSON.stringify({ src: './src', schema: './schema.graphql', language: 'typescript', artifactDirectory: './src/__generated__' }));
      fs.writeFileSync(
        path.join(dir, 'src', 'StationCard.ts'),
        'const graphql = (s: TemplateStringsArray) => s;\n' +
          'export const fragment = graphql`\n  fragment StationCard_station on Station @refetchable(queryName: "StationCardRefetchQuery") {\n    name\n    status\n    isOpen\n    location(crs: GCJ02) { lng lat }\n  }\n`;\n',
      );
      const bin = require.resolve('relay-compiler/cli.js');
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin], { cwd: dir }).catch((e) => {
        throw new Error(`relay-compiler failed (exit ${e.code}): ${e.stdout}\n${e.stderr}`);
      });
      expect(`${stdout}${stderr}`).not.toMatch(/error/i);
      const generated = fs.readFileSync(path.join(dir, 'src/__generated__/StationCardRefetchQuery.graphql.ts'), 'utf8');
      const quoted = /"text": ("(?:[^"\\]|\\.)*")/.exec(generated)?.[1];
      expect(quoted).toBeTruthy();
      const text: string = JSON.parse(quoted!);
      expect(text).toMatch(/query StationCardRefetchQuery\(\s*\$id: ID!\s*\) \{\s*node\(id: \$id\) \{/);
      // and the refetch query it made runs against the server
      const r = await s.graphql(text, { id: ids.stations[0] }, 'anonymous');
      expect(r.errors).toBeUndefined();
      expect(r.data.node).toMatchObject({ __typename: 'Station', id: ids.stations[0], location: { lng: expect.any(Number) } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('DateTime', () => {
  it('names RFC 3339 as its specification', async () => {
    const r = await s.graphql(`{ __type(name: "DateTime") { specifiedByURL description } }`, {}, 'anonymous');
    expect(r.data.__type.specifiedByURL).toBe('https://datatracker.ietf.org/doc/html/rfc3339#section-5.6');
    expect(r.data.__type.description).toMatch(/RFC 3339.*offset/);
  });

  it('accepts any offset, and refuses a time without seconds naming the expected form (variable and literal)', async () => {
    const Q = `query($id: ID!, $at: DateTime) { station(id: $id) { isOpen(at: $at) } }`;
    const ok = await s.graphql(Q, { id: ids.stations[0], at: '2026-06-02T08:00:00+08:00' }, 'anonymous');
    expect(ok.errors).toBeUndefined();
    const v = await s.post({ query: Q, variables: { id: ids.stations[0], at: '2026-06-02T08:00+08:00' } }, 'anonymous');
    expect(v.status).toBe(400);
    expect(v.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(v.body.errors[0].message).toMatch(/seconds are missing.*2026-06-02T08:00:00\+08:00/);
    const lit = await s.post({ query: `query($id: ID!) { station(id: $id) { isOpen(at: "2026-06-02T08:00Z") } }`, variables: { id: ids.stations[0] } }, 'anonymous');
    expect(lit.status).toBe(400);
    expect(lit.body.errors[0].message).toMatch(/seconds are missing.*with seconds and an offset/);
  });
});
