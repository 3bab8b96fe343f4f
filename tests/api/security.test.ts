import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server';
import { databaseDigest } from '../helpers/digest';

/**
 * Sessions, tokens, API keys, idempotency keys, the audit log and hostile input ("Accounts, roles, API keys
 * and hardening"). Every hostile request must get the safe answer and leave the database digest unchanged.
 */
let s: TestServer;
let zzOrg = '';
let stationId = '';

const STATION = `query($id: ID!) { station(id: $id) { id name version amenities phone } }`;

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await s.graphql(query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

async function sessionSecret(): Promise<Uint8Array> {
  const [row] = await s.app.orm.em.fork().execute(`select value from app_secret where name = 'session'`);
  return new TextEncoder().encode(row.value);
}

beforeAll(async () => {
  s = await startTestServer({ seed: true, env: { LOGIN_FAILURES_PER_USERNAME: '5' } });
  zzOrg = (await data(`{ organizations(filter: {search: "郑州市总工会"}) { nodes { id } } }`)).organizations.nodes[0].id;
  stationId = (await data(`{ stations(limit: 1, orderBy: {field: NAME, direction: ASC}) { nodes { id } } }`)).stations.nodes[0].id;
}, 120_000);
afterAll(async () => s?.stop());

describe('passwords and sessions', () => {
  it('stores Argon2id hashes with m=19456, t=2, p=1 and never the password', async () => {
    const [row] = await s.app.orm.em.fork().execute(`select password_hash from user_account where username = 'admin'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('login sets an httpOnly SameSite=Strict cookie that works, and logout revokes the session', async () => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(username: "admin", password: "${TEST_PASSWORD}") { token user { username role } } }` }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^yizhan_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const token = ((await res.json()) as any).data.login.token;
    const pair = cookie.split(';')[0];
    const me = await s.post({ query: '{ me { username } }' }, 'anonymous', { cookie: pair });
    expect(me.body.data.me.username).toBe('admin');
    const out = await s.post({ query: 'mutation { logout }' }, 'anonymous', { cookie: pair });
    expect(out.body.data.logout).toBe(true);
    // The revoked session: the cookie now means nobody, the bearer token is refused outright.
    const after = await s.post({ query: '{ me { username } }' }, 'anonymous', { cookie: pair });
    expect(after.body.data.me).toBeNull();
    const bearer = await s.post({ query: '{ me { username } }' }, { token });
    expect(bearer.status).toBe(401);
    expect(bearer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown user alike, and locks the username after 5 failures', async () => {
    await s.createUser({ username: 'lock-me', role: 'OPERATOR', organizationIds: [zzOrg] });
    const attempt = (u: string, p: string) => s.post({ query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, variables: { u, p } }, 'anonymous');
    const wrong = await attempt('lock-me', 'not-the-password');
    const unknown = await attempt('nobody-here', 'not-the-password');
    expect(wrong.body.errors[0]).toMatchObject({ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown.body.errors[0]).toMatchObject({ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });
    for (let i = 0; i < 4; i++) await attempt('lock-me', `wrong-${i}`);
    const locked = await attempt('lock-me', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(s.logs.filter((l) => l.event === 'security.login_failed' && l.username === 'lock-me')).toHaveLength(5);
  });

  it('throttles wrong current passwords in changePassword like failed logins (per username): 429 RATE_LIMITED with Retry-After', async () => {
    const u = await s.createUser({ username: 'guess-me', role: 'OPERATOR', organizationIds: [zzOrg] });
    const change = (current: string) =>
      s.post({ query: `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { username } }`, variables: { c: current, n: 'a brand new passphrase' } }, { token: u.token });
    for (let i = 0; i < 5; i++) {
      const wrong = await change(`wrong-guess-${i}`);
      expect({ status: wrong.status, ...wrong.body.errors[0].extensions }).toMatchObject({ status: 200, code: 'BAD_USER_INPUT', field: 'currentPassword' });
    }
    // The sixth try, even with the right password, is refused without checking it; so is a login.
    for (const attempt of [() => change('wrong-guess-5'), () => change(TEST_PASSWORD), () => s.post({ query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, variables: { u: 'guess-me', p: TEST_PASSWORD } }, 'anonymous')]) {
      const limited = await attempt();
      expect({ status: limited.status, code: limited.body.errors[0].extensions.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
    }
    expect(s.logs.filter((l) => l.event === 'security.password_change_failed' && l.username === 'guess-me')).toHaveLength(5);
    // Nothing was changed: the session still works; the limit is per username, not on the whole IP.
    expect((await s.post({ query: '{ me { username } }' }, { token: u.token })).status).toBe(200);
    expect(await s.app.limits.assertLoginAllowed('another-user', '127.0.0.1')).toBeUndefined();
  });

  it('a changed password ends the other sessions; a one-time password allows nothing but changing it', async () => {
    const u = await s.createUser({ username: 'changer', role: 'OPERATOR', organizationIds: [zzOrg] });
    const second = await s.login('changer');
    const changed = await s.graphql(`mutation { changePassword(currentPassword: "${TEST_PASSWORD}", newPassword: "a brand new passphrase") { username } }`, {}, { token: u.token });
    expect(changed.errors).toBeUndefined();
    expect((await s.post({ query: '{ me { username } }' }, { token: u.token })).status).toBe(200);
    expect((await s.post({ query: '{ me { username } }' }, { token: second })).status).toBe(401);

    await data(`mutation($id: ID!) { resetUserPassword(id: $id, password: "one-time-passphrase-1") { mustChangePassword } }`, { id: u.id });
    expect((await s.post({ query: '{ me { username } }' }, { token: u.token })).status).toBe(401);
    const fresh = await s.login('changer', 'one-time-passphrase-1');
    const refused = await s.graphql(`{ stations(limit: 1) { totalCount } }`, {}, { token: fresh });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await s.graphql(`mutation { changePassword(currentPassword: "one-time-passphrase-1", newPassword: "short") { username } }`, {}, { token: fresh });
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    await s.graphql(`mutation { changePassword(currentPassword: "one-time-passphrase-1", newPassword: "my own long passphrase") { username } }`, {}, { token: fresh });
    expect((await s.graphql(`{ stations(limit: 1) { totalCount } }`, {}, { token: fresh })).errors).toBeUndefined();
  });

  it('a disabled account is signed out at once and cannot sign in', async () => {
    const u = await s.createUser({ username: 'leaver', role: 'COORDINATOR', organizationIds: [zzOrg] });
    const v = (await data(`query($id: ID!) { user(id: $id) { version } }`, { id: u.id })).user.version;
    await data(`mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: {disabled: true}) { disabled } }`, { id: u.id, v });
    expect((await s.post({ query: '{ me { username } }' }, { token: u.token })).status).toBe(401);
    await expect(s.login('leaver')).rejects.toThrow(/Wrong username or password/);
  });

  it('refuses expired, tampered, wrong-audience and alg:none tokens with 401 and writes nothing', async () => {
    const secret = await sessionSecret();
    const adminToken = await s.login('admin');
    const [, payload] = adminToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const sign = (p: Record<string, unknown>, aud = 'yizhan-admin', exp = Math.floor(Date.now() / 1000) + 600) =>
      new SignJWT(p).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub).setIssuer('yizhan').setAudience(aud).setExpirationTime(exp).sign(secret);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const tampered = adminToken.slice(0, -3) + (adminToken.endsWith('AAA') ? 'BBB' : 'AAA');
    const otherSub = `${adminToken.split('.')[0]}.${b64({ ...claims, sub: randomUUID() })}.${adminToken.split('.')[2]}`;
    const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    const expired = await sign({ sid: claims.sid }, 'yizhan-admin', Math.floor(Date.now() / 1000) - 10);
    const wrongAud = await sign({ sid: claims.sid }, 'someone-else');
    const forgedKey = await new SignJWT({ sid: claims.sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub).setIssuer('yizhan').setAudience('yizhan-admin').setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(32)));
    const before = await databaseDigest(s);
    for (const [name, token] of Object.entries({ tampered, otherSub, algNone, expired, wrongAud, forgedKey, garbage: 'not.a.token' })) {
      const r = await s.post({ query: `mutation { createOrganization(input: {kind: UNION, name: "伪造"}) { id } }` }, { token });
      expect(r.status, name).toBe(401);
      expect(r.body.errors[0].extensions.code, name).toBe('UNAUTHENTICATED');
      // Through the cookie the same tokens mean "not signed in".
      const c = await s.post({ query: `mutation { createOrganization(input: {kind: UNION, name: "伪造"}) { id } }` }, 'anonymous', { cookie: `yizhan_session=${token}` });
      expect(c.body.errors[0].extensions.code, name).toBe('UNAUTHENTICATED');
    }
    expect(await databaseDigest(s)).toBe(before);
  });

  it('creates the first administrator with a one-time password that must be changed', async () => {
    const { loadConfig } = await import('../../api/src/config');
    const { startApp } = await import('../../api/src/app');
    const { createLogger } = await import('../../api/src/common/log');
    const { createTestDatabase } = await import('../helpers/db');
    const db = await createTestDatabase();
    const lines: string[] = [];
    const app = await startApp(
      loadConfig({ DATABASE_URL: db.url, DB_POOL_MAX: String(db.poolMax), PORT: '0', HOST: '127.0.0.1', SEED_ON_FIRST_START: 'false', ADMIN_USERNAME: 'chief' }),
      (m) => lines.push(m),
      createLogger('silent'),
    );
    try {
      const line = lines.find((l) => l.includes('one-time password'))!;
      const password = /one-time password (\S+)/.exec(line)![1];
      expect(password.length).toBeGreaterThanOrEqual(16);
      const post = (body: unknown, token?: string) =>
        fetch(`${app.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
      const login = await post({ query: `mutation($p: String!) { login(username: "chief", password: $p) { token user { role mustChangePassword } } }`, variables: { p: password } });
      expect(login.data.login.user).toEqual({ role: 'ADMIN', mustChangePassword: true });
      const blocked = await post({ query: `{ users { totalCount } }` }, login.data.login.token);
      expect(blocked.errors[0].extensions.code).toBe('FORBIDDEN');
      // A second start does not make another administrator or print a password again.
      const again: string[] = [];
      const { ensureFirstAdmin } = await import('../../api/src/auth/auth.service');
      await ensureFirstAdmin(app.orm.em.fork() as never, 'chief', undefined, (m) => again.push(m));
      expect(again).toEqual([]);
    } finally {
      await app.stop();
      await db.drop();
    }
  });
});

describe('API keys', () => {
  it('shows the secret once, stores only its hash, serves public queries, refuses the rest, and stops at revocation', async () => {
    const made = await data(`mutation { createApiKey(input: {name: "高德图层", quotaPerMinute: 5000}) { secret apiKey { id prefix scopes quotaPerMinute } } }`);
    const { secret, apiKey } = made.createApiKey;
    expect(secret).toMatch(/^yz_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.scopes).toEqual(['PUBLIC_READ']);
    const [row] = await s.app.orm.em.fork().execute(`select * from api_key where id = ?`, [apiKey.id]);
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    const listed = await s.graphql(`{ apiKeys { nodes { id prefix } } }`);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(12));

    const ok = await s.post({ query: `{ nearbyStations(near: {lng: 113.62, lat: 34.75}, first: 2) { edges { node { name } } } }` }, { apiKey: secret });
    expect(ok.status).toBe(200);
    expect(ok.body.data.nearbyStations.edges.length).toBeGreaterThan(0);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('5000');
    const bearer = await s.post({ query: `{ station(id: "${stationId}") { name } }` }, { token: secret });
    expect(bearer.body.data.station.name).toBeTruthy();
    const staff = await s.post({ query: `{ stations { totalCount } }` }, { apiKey: secret });
    expect(staff.body.errors[0].extensions.code).toBe('FORBIDDEN');

    await data(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id });
    const revoked = await s.post({ query: `{ station(id: "${stationId}") { name } }` }, { apiKey: secret });
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await s.post({ query: `{ station(id: "${stationId}") { name } }` }, { apiKey: `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}` });
    expect(wrong.status).toBe(401);
  });
});

describe('idempotency keys', () => {
  const CREATE = `mutation($i: StationCreateInput!, $k: String) { createStation(input: $i, idempotencyKey: $k) { id name } }`;
  const input = (name: string) => ({ kind: 'LOVE_STATION', name, location: { lng: 113.7, lat: 34.7, crs: 'WGS84' }, operatorOrganizationId: zzOrg });
  const count = async (name: string) => (await s.app.orm.em.fork().execute(`select count(*)::int as n from station where name = ?`, [name]))[0].n;

  it('the same key and body return the first result without a second side effect', async () => {
    const key = randomUUID();
    const a = await data(CREATE, { i: input('幂等驿站一'), k: key });
    const auditAfterFirst = (await s.app.orm.em.fork().execute(`select count(*)::int as n from audit_event`))[0].n;
    const b = await data(CREATE, { i: input('幂等驿站一'), k: key });
    expect(b.createStation.id).toBe(a.createStation.id);
    expect(await count('幂等驿站一')).toBe(1);
    expect((await s.app.orm.em.fork().execute(`select count(*)::int as n from audit_event`))[0].n).toBe(auditAfterFirst);
  });

  it('the same key with a different body is refused and writes nothing', async () => {
    const key = randomUUID();
    await data(CREATE, { i: input('幂等驿站二'), k: key });
    const before = await databaseDigest(s);
    const r = await s.graphql(CREATE, { i: input('幂等驿站二改'), k: key });
    expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await databaseDigest(s)).toBe(before);
  });

  it('twelve concurrent retries with one key create one station', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 12 }, () => s.graphql(CREATE, { i: input('幂等驿站三'), k: key })));
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(new Set(results.map((r) => r.data.createStation.id)).size).toBe(1);
    expect(await count('幂等驿站三')).toBe(1);
  });

  it('keys belong to their caller: another user\'s same key is a separate request', async () => {
    const key = randomUUID();
    const other = await s.createUser({ username: 'idem-op', role: 'OPERATOR', organizationIds: [zzOrg] });
    const a = await data(CREATE, { i: input('幂等驿站四'), k: key });
    const b = await s.graphql(CREATE, { i: input('幂等驿站四'), k: key }, { token: other.token });
    expect(b.data.createStation.id).not.toBe(a.createStation.id);
  });
});

describe('audit log', () => {
  it('records who changed which fields from what to what, with the request id', async () => {
    const before = (await data(STATION, { id: stationId })).station;
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await s.login('admin')}`, 'x-request-id': 'audit-test-1' },
      body: JSON.stringify({
        query: `mutation($id: ID!, $v: Int!) { updateStation(id: $id, version: $v, input: {phone: "0371-12345678", amenities: [DRINKING_WATER, TOILET]}) { version } }`,
        variables: { id: stationId, v: before.version },
      }),
    });
    expect(res.headers.get('x-request-id')).toBe('audit-test-1');
    const ev = (await data(`query($id: String!) { auditEvents(filter: {entityType: "Station", entityId: $id}, limit: 1) { nodes { actorKind actorLabel operation action requestId changes { field before after } } } }`, { id: stationId })).auditEvents.nodes[0];
    expect(ev).toMatchObject({ actorKind: 'USER', actorLabel: 'admin', operation: 'updateStation', action: 'UPDATE', requestId: 'audit-test-1' });
    const byField = Object.fromEntries(ev.changes.map((c: any) => [c.field, c]));
    expect(Object.keys(byField).sort()).toEqual(before.phone === '0371-12345678' ? ['amenities'] : ['amenities', 'phone']);
    expect(byField.amenities.before).toEqual(before.amenities);
    expect(byField.amenities.after).toEqual(['DRINKING_WATER', 'TOILET']);
    if (byField.phone) expect(byField.phone).toEqual({ field: 'phone', before: before.phone, after: '0371-12345678' });
  });

  it('records creation and deletion, organization membership changes, and redacts password hashes', async () => {
    const u = await s.createUser({ username: 'audited', role: 'OPERATOR', organizationIds: [zzOrg] });
    const org2 = (await data(`mutation { createOrganization(input: {kind: UNION, name: "审计工会"}) { id } }`)).createOrganization.id;
    const v = (await data(`query($id: ID!) { user(id: $id) { version } }`, { id: u.id })).user.version;
    await data(`mutation($id: ID!, $v: Int!, $o: [ID!]) { updateUser(id: $id, version: $v, input: {organizationIds: $o}) { id } }`, { id: u.id, v, o: [zzOrg, org2] });
    await data(`mutation($id: ID!) { resetUserPassword(id: $id, password: "reset-passphrase-77") { id } }`, { id: u.id });
    const events = (await data(`query($id: String!) { auditEvents(filter: {entityType: "User", entityId: $id}) { nodes { action operation changes { field before after } } } }`, { id: u.id })).auditEvents.nodes;
    const created = events.find((e: any) => e.action === 'CREATE');
    expect(created.changes.find((c: any) => c.field === 'passwordHash')).toEqual({ field: 'passwordHash', before: null, after: '[redacted]' });
    expect(created.changes.find((c: any) => c.field === 'organizations').after).toEqual([zzOrg]);
    const orgs = events.find((e: any) => e.operation === 'updateUser').changes.find((c: any) => c.field === 'organizations');
    expect(orgs.before).toEqual([zzOrg]);
    expect(orgs.after).toEqual([zzOrg, org2].sort());
    const reset = events.find((e: any) => e.operation === 'resetUserPassword');
    expect(reset.changes).toContainEqual({ field: 'passwordHash', before: '[redacted]', after: '[redacted]' });
    expect(JSON.stringify(events)).not.toMatch(/argon2/);

    const del = await data(`mutation($id: ID!) { deleteOrganization(id: $id) { id } }`, { id: org2 }).catch((e) => e);
    // Still referenced by the user: CONFLICT and nothing recorded; after removing the membership it deletes.
    expect(String(del)).toContain('CONFLICT');
    const v2 = (await data(`query($id: ID!) { user(id: $id) { version } }`, { id: u.id })).user.version;
    await data(`mutation($id: ID!, $v: Int!, $o: [ID!]) { updateUser(id: $id, version: $v, input: {organizationIds: $o}) { id } }`, { id: u.id, v: v2, o: [zzOrg] });
    await data(`mutation($id: ID!) { deleteOrganization(id: $id) { id } }`, { id: org2 });
    const orgEvents = (await data(`query($id: String!) { auditEvents(filter: {entityType: "Organization", entityId: $id}) { nodes { action changes { field before after } } } }`, { id: org2 })).auditEvents.nodes;
    expect(orgEvents.map((e: any) => e.action)).toEqual(['DELETE', 'CREATE']);
    expect(orgEvents[0].changes.find((c: any) => c.field === 'name')).toEqual({ field: 'name', before: '审计工会', after: null });
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused even in SQL, and no mutation touches it', async () => {
    const em = s.app.orm.em.fork();
    const [{ n }] = await em.execute(`select count(*)::int as n from audit_event`);
    expect(n).toBeGreaterThan(0);
    await expect(em.execute(`update audit_event set actor_label = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(em.execute(`delete from audit_event`)).rejects.toThrow(/append-only/);
    await expect(em.execute(`truncate audit_event`)).rejects.toThrow(/append-only/);
    expect((await em.execute(`select count(*)::int as n from audit_event`))[0].n).toBe(n);
    const mutations = (await data(`{ __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((f: any) => f.name);
    expect(mutations.filter((m: string) => /audit/i.test(m))).toEqual([]);
  });
});
