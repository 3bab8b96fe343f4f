import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { databaseDigest } from '../helpers/digest';
import { importStations } from '../../api/src/importer/station-import';
import { CoordinateSystem } from '../../api/src/common/geo';

/**
 * Import from the admin page (issue 15 §3) through `POST /imports/stations`: the CLI importer's own code, so the
 * same report, rejections and idempotency; a dry run writes nothing (database digest), committing twice gives
 * the same database, progress streams as NDJSON, the datum is converted, and only ADMIN may import.
 */
let s: TestServer;
let adminToken = '';
let operatorToken = '';

const CSV = [
  'id,name,address,lng,lat,facilities,open_hours',
  'p1,页面导入驿站一,郑州市中原区,113.62,34.75,饮用水;微波炉;卫生间,周一至周五 09:00-17:00',
  'p2,坐标越界驿站,郑州,200,34.75,饮用水,08:00-20:00',
  'p3,页面导入驿站二,郑州市金水区,113.66,34.78,热水|充电,24小时',
  'p4,,无名,113.6,34.7,饮用水,08:00-20:00',
].join('\n');

async function upload(query: string, body: string, opts: { token?: string | null; type?: string; accept?: string } = {}) {
  const token = opts.token === undefined ? adminToken : opts.token;
  return fetch(`${s.url}/imports/stations?${query}`, {
    method: 'POST',
    headers: { 'content-type': opts.type ?? 'text/csv', connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.accept ? { accept: opts.accept } : {}) },
    body,
  });
}

beforeAll(async () => {
  s = await startTestServer({ seed: true });
  adminToken = await s.login('admin');
  const orgs = (await s.graphql(`{ organizations(limit: 100) { nodes { id name } } }`)).data.organizations.nodes;
  operatorToken = (await s.createUser({ username: 'import-operator', role: 'OPERATOR', organizationIds: [orgs[0].id] })).token;
}, 180_000);
afterAll(async () => s?.stop());

describe('import from the page', () => {
  it('a dry run reports each rejected row with its line and reason and writes nothing', async () => {
    const before = await databaseDigest(s, { skipRegions: true });
    const res = await upload('format=csv&crs=WGS84&name=page.csv&dryRun=true', CSV);
    expect(res.status).toBe(200);
    const { report } = await res.json();
    expect(report).toMatchObject({ read: 4, created: 2, updated: 0, skipped: 0, dryRun: true });
    expect(report.rejected.map((r: any) => [r.line, r.reason.split(':')[0]])).toEqual([
      [3, 'location.lng'],
      [5, 'name'],
    ]);
    // What the page translates: each rejection's reason key and args, and the column at fault.
    expect(report.rejected.map((r: any) => r.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'location.lng', reason: 'LNG_RANGE', args: {} },
      { code: 'BAD_USER_INPUT', field: 'name', reason: 'REQUIRED', args: {} },
    ]);
    expect(await databaseDigest(s, { skipRegions: true })).toBe(before);
  });

  it('commit streams progress and writes the rows; a second commit changes nothing; the CLI importer agrees', async () => {
    const res = await upload('format=csv&crs=WGS84&name=page.csv', CSV, { accept: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    const progress = lines.filter((l) => 'done' in l);
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
    const { report } = lines.at(-1);
    expect(report).toMatchObject({ read: 4, created: 2, updated: 0, skipped: 0, dryRun: false });
    const stored = await s.app.orm.em.fork().execute(`select name, opening_hours from station where source_key like 'page.csv:%' order by source_key`);
    expect(stored).toEqual([
      { name: '页面导入驿站一', opening_hours: 'Mo-Fr 09:00-17:00; PH off' },
      { name: '页面导入驿站二', opening_hours: '24/7' },
    ]);
    const after = await databaseDigest(s, { skipRegions: true });
    const again = await (await upload('format=csv&crs=WGS84&name=page.csv', CSV)).json();
    expect(again.report).toMatchObject({ read: 4, created: 0, updated: 0, skipped: 2 });
    expect(await databaseDigest(s, { skipRegions: true })).toBe(after);
    // The command-line importer, given the same file name, finds the same rows.
    const cli = await importStations(s.app.orm.em.fork() as never, CSV, { format: 'csv', crs: CoordinateSystem.WGS84, sourceName: 'page.csv' });
    expect(cli).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect(await databaseDigest(s, { skipRegions: true })).toBe(after);
  });

  it('GeoJSON in GCJ-02 is stored in WGS-84', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [113.7, 34.8] }, properties: { id: 'g1', name: '火星坐标驿站' } }] };
    const res = await upload('format=geojson&crs=GCJ02&name=mars.geojson', JSON.stringify(fc), { type: 'application/geo+json' });
    expect((await res.json()).report).toMatchObject({ created: 1, rejected: [] });
    const [row] = await s.app.orm.em.fork().execute(`select ST_X(location::geometry) as lng, ST_Y(location::geometry) as lat from station where source_key = 'mars.geojson:g1'`);
    const [lng, lat] = gcoord.transform([113.7, 34.8], gcoord.GCJ02, gcoord.WGS84) as [number, number];
    expect(Number(row.lng)).toBeCloseTo(lng, 6);
    expect(Number(row.lat)).toBeCloseTo(lat, 6);
  });

  it('refusals: 401 without credentials, 403 for an OPERATOR, 400 naming the parameter, 415 for a form body — nothing written', async () => {
    const before = await databaseDigest(s, { skipRegions: true });
    const none = await upload('format=csv&crs=WGS84&name=x.csv', CSV, { token: null });
    expect(none.status).toBe(401);
    const noneBody = await none.json();
    expect(noneBody.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(noneBody.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', args: {} });
    const op = await upload('format=csv&crs=WGS84&name=x.csv', CSV, { token: operatorToken });
    expect(op.status).toBe(403);
    const opBody = await op.json();
    expect(opBody.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(opBody.errors[0].extensions).toMatchObject({ reason: 'ROLE_NOT_ALLOWED', args: { role: 'OPERATOR', roles: ['ADMIN'] } });
    for (const [query, field, reason] of [
      ['format=xls&crs=WGS84&name=x.csv', 'format', 'ONE_OF'],
      ['format=csv&crs=MARS&name=x.csv', 'crs', 'ONE_OF'],
      ['format=csv&crs=WGS84', 'name', 'FILE_NAME_FORMAT'],
      ['format=csv&crs=WGS84&name=x.csv&dryRun=yes', 'dryRun', 'ONE_OF'],
      ['format=csv&crs=WGS84&name=x.csv&extra=1', 'extra', 'UNKNOWN_PARAMETER'],
    ]) {
      const res = await upload(query, CSV);
      expect(res.status, query).toBe(400);
      expect((await res.json()).errors[0].extensions, query).toEqual({ code: 'BAD_USER_INPUT', field, reason, args: expect.any(Object) });
    }
    // The errors carry the same { code, reason, args, field } as the exports' and the GraphQL errors.
    const reasonOf = async (res: Response) => (await res.json()).errors[0].extensions;
    const empty = await upload('format=csv&crs=WGS84&name=x.csv', '   ');
    expect(empty.status).toBe(400);
    expect(await reasonOf(empty)).toEqual({ code: 'BAD_USER_INPUT', field: 'body', reason: 'FILE_EMPTY', args: {} });
    const form = await upload('format=csv&crs=WGS84&name=x.csv', CSV, { type: 'text/plain' });
    expect(form.status).toBe(415);
    expect(await reasonOf(form)).toEqual({ code: 'BAD_REQUEST', reason: 'FILE_SENT_AS_FORM', args: {} });
    const badJson = await upload('format=json&crs=WGS84&name=x.json', '{not json', { type: 'application/json' });
    expect(badJson.status).toBe(400);
    expect(await reasonOf(badJson)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason: 'FILE_UNREADABLE', args: { format: 'json' } });
    const notList = await upload('format=json&crs=WGS84&name=x.json', '{"rows": []}', { type: 'application/json' });
    expect(await reasonOf(notList)).toEqual({ code: 'BAD_USER_INPUT', field: 'file', reason: 'FILE_NOT_A_LIST', args: {} });
    const notCollection = await upload('format=geojson&crs=WGS84&name=x.geojson', '{"type": "Feature"}', { type: 'application/geo+json' });
    expect(await reasonOf(notCollection)).toEqual({ code: 'BAD_USER_INPUT', field: 'file', reason: 'FILE_NOT_FEATURE_COLLECTION', args: {} });
    const badQuote = await upload('format=csv&crs=WGS84&name=x.csv', 'id,name\n"a,b\n');
    expect(await reasonOf(badQuote)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason: 'FILE_UNREADABLE', args: { format: 'csv' } });

    expect(await databaseDigest(s, { skipRegions: true })).toBe(before);
  });
});
