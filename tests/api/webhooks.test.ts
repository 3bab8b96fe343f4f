import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../../api/src/config';
import { startApp, type RunningApp } from '../../api/src/app';
import { createLogger } from '../../api/src/common/log';
import { updateStation } from '../../api/src/stations/station.service';
import { StationStatus } from '../../api/src/stations/station.enums';
import { assertWebhookUrl, blockedAddressReason } from '../../api/src/webhooks/webhook-url';
import { verifySignature } from '../../api/src/webhooks/webhook-signature';
import { pruneWebhookHistory } from '../../api/src/webhooks/webhook-delivery';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { TEST_PASSWORD } from '../helpers/server';

/**
 * Webhooks (issue 16 §4) end to end: a real receiver on port 0, the whole app against a real database, changes
 * made through the API. PostgreSQL runs each case with graphile-worker and with the outbox poller; PGlite (one
 * connection, no graphile-worker) with the poller, the embedded mode's delivery path.
 */
const onPostgres = inject('testDb') !== null;
const QUEUES = onPostgres ? (['graphile-worker', 'poller'] as const) : (['poller'] as const);
const BASE_MS = 300;

interface Received {
  id: string;
  body: string;
  signature: string;
  eventHeader: string;
  at: number;
  status: number;
}

/** A webhook receiver: answers `plan(eventId, n)` (n = how many times this id came before), records every request. */
async function startReceiver() {
  const got: Received[] = [];
  let plan: (id: string, n: number) => number = () => 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let id = '';
      try {
        id = JSON.parse(body).id;
      } catch {
        /* keep '' */
      }
      const status = plan(id, got.filter((g) => g.id === id).length);
      got.push({ id, body, signature: String(req.headers['yizhan-signature'] ?? ''), eventHeader: String(req.headers['yizhan-event-id'] ?? ''), at: Date.now(), status });
      res.statusCode = status;
      res.end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    got,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/yizhan`,
    setPlan(p: typeof plan) {
      plan = p;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The README's verification, written out independently of the API's code. */
function readmeVerify(secret: string, header: string, rawBody: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=')));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  const given = String(parts.v1 ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

async function until<T>(what: string, f: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The app on `db`, as `npm start` runs it, with fast retries; returns helpers to call it. */
async function boot(db: TestDatabase, queue: string) {
  const config = loadConfig({
    DATABASE_URL: db.url,
    DB_POOL_MAX: String(db.poolMax),
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_FIRST_START: 'false',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: TEST_PASSWORD,
    LOG_LEVEL: 'warn',
    WEBHOOK_ALLOW_HTTP_LOCALHOST: 'true',
    WEBHOOK_QUEUE: queue,
    WEBHOOK_RETRY_BASE_MS: String(BASE_MS),
    WEBHOOK_POLL_MS: '100',
    WEBHOOK_TIMEOUT_MS: '3000',
  });
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const app: RunningApp = await startApp(config, () => undefined, createLogger('warn', sink));
  const url = app.server.url;
  const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const login = await post('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'admin', p: TEST_PASSWORD }, {});
  const admin = { authorization: `Bearer ${login.body.data.login.token}` };
  return { app, url, post, admin };
}

type Booted = Awaited<ReturnType<typeof boot>>;

async function ok(b: Booted, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const r = await b.post(query, variables, headers);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data;
}

const CREATE_STATION = `mutation($i: StationCreateInput!) { createStation(input: $i) { id version } }`;
const UPDATE_STATION = `mutation($id: ID!, $v: Int!, $i: StationUpdateInput!) { updateStation(id: $id, version: $v, input: $i) { id version updatedAt } }`;
const CREATE_WEBHOOK = `mutation($i: WebhookCreateInput!) { createWebhook(input: $i) { secret webhook { id url events regionCodePrefix active } } }`;
const DELIVERIES = `query($w: ID, $s: WebhookDeliveryStatus) { webhookDeliveries(webhookId: $w, status: $s, limit: 100) { totalCount nodes { id eventId stationId changes status attempts lastResponseCode lastError nextAttemptAt deliveredAt replayOfId } } }`;

async function newKey(b: Booted, scopes: string[]): Promise<Record<string, string>> {
  const d = await ok(b, `mutation($i: ApiKeyCreateInput!) { createApiKey(input: $i) { secret } }`, { i: { name: `应用${Math.random()}`, scopes } }, b.admin);
  return { 'x-api-key': d.createApiKey.secret };
}

for (const queue of QUEUES) {
  describe(`webhooks (${queue})`, () => {
    let db: TestDatabase;
    let b: Booted;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let key: Record<string, string>;
    let hook: { id: string; secret: string };

    beforeAll(async () => {
      db = await createTestDatabase();
      b = await boot(db, queue);
      receiver = await startReceiver();
      key = await newKey(b, ['PUBLIC_READ', 'WEBHOOKS']);
      const d = await ok(b, CREATE_WEBHOOK, { i: { url: receiver.url, description: '郑州 地图图层', regionCodePrefix: '41' } }, key);
      hook = { id: d.createWebhook.webhook.id, secret: d.createWebhook.secret };
      expect(d.createWebhook.webhook.events).toEqual(['CREATED', 'STATUS', 'HOURS', 'AMENITIES', 'LOCATION', 'RETIRED']);
    }, 120_000);

    afterAll(async () => {
      await b?.app.stop();
      await receiver?.close();
      await db?.drop();
    });

    it('refuses bad URLs, private addresses and callers without the scope, naming the field and writing nothing', async () => {
      const count = async () => Number((await b.app.orm.em.fork().execute(`select count(*) as n from webhook`))[0].n);
      const before = await count();
      const bad: [string, RegExp][] = [
        ['ftp://example.com/x', /https/],
        ['not a url', /absolute URL/],
        ['https://10.1.2.3/hook', /private/],
        ['https://192.168.0.10/hook', /private/],
        ['https://169.254.169.254/latest/meta-data', /linkLocal/],
        ['https://[fd00::1]/hook', /uniqueLocal/],
        ['https://[::ffff:10.0.0.1]/hook', /private/],
        ['https://0.0.0.0/hook', /unspecified/],
        ['https://user:pw@127.0.0.1/hook', /user name/],
        ['http://10.0.0.1/hook', /https/],
      ];
      for (const [url, message] of bad) {
        const r = await b.post(CREATE_WEBHOOK, { i: { url } }, key);
        expect(r.status, url).toBe(200);
        expect(r.body.errors?.[0]?.extensions, url).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
        expect(r.body.errors[0].message, url).toMatch(message);
      }
      const prefix = await b.post(CREATE_WEBHOOK, { i: { url: receiver.url, regionCodePrefix: '41a' } }, key);
      expect(prefix.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.regionCodePrefix' });
      const staff = await b.post(CREATE_WEBHOOK, { i: { url: receiver.url } }, b.admin);
      expect(staff.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const plainKey = await b.post(CREATE_WEBHOOK, { i: { url: receiver.url } }, await newKey(b, ['PUBLIC_READ']));
      expect(plainKey.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const anonymous = await b.post(CREATE_WEBHOOK, { i: { url: receiver.url } }, {});
      expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      // Another key neither sees nor replays this key's deliveries.
      const other = await newKey(b, ['WEBHOOKS']);
      const foreign = await b.post(DELIVERIES, { w: hook.id }, other);
      expect(foreign.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'webhookId' });
      expect(await count()).toBe(before);
      // Without WEBHOOK_ALLOW_HTTP_LOCALHOST, this machine is refused too, by name or address.
      for (const url of ['http://127.0.0.1:9/x', 'https://localhost/x', 'https://127.0.0.1/x', 'https://[::1]/x', 'https://app.localhost/x']) {
        await expect(assertWebhookUrl(url, false, 'input.url'), url).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'input.url' } });
      }
      await expect(assertWebhookUrl('https://203.0.113.9:8443/hook', false, 'input.url')).rejects.toMatchObject({ details: { field: 'input.url' } }); // TEST-NET-3 is reserved
      expect(await assertWebhookUrl('https://8.8.8.8/hook', false, 'input.url')).toBe('https://8.8.8.8/hook');
      expect(blockedAddressReason('100.64.1.1', false)).toMatch(/carrierGradeNat/);
      expect(blockedAddressReason('127.0.0.1', true)).toBeNull();
    });

    it('delivers a status change once, signed, with the event id, and lists it', async () => {
      const s = (await ok(b, CREATE_STATION, { i: { kind: 'LOVE_STATION', name: '金水区爱心驿站', location: { lng: 113.66, lat: 34.77 } } }, b.admin)).createStation;
      const created = await until('the CREATED event', () => receiver.got.find((g) => JSON.parse(g.body).station.id === s.id));
      expect(JSON.parse(created.body).changes).toEqual(['CREATED']);
      const committed = Date.now();
      await ok(b, UPDATE_STATION, { id: s.id, v: s.version, i: { status: 'TEMPORARILY_CLOSED' } }, b.admin);
      const got = await until('the STATUS event', () => receiver.got.find((g) => JSON.parse(g.body).station.id === s.id && JSON.parse(g.body).changes.includes('STATUS')));
      const body = JSON.parse(got.body);
      expect(body).toMatchObject({ type: 'station.changed', changes: ['STATUS'], webhookId: hook.id, station: { id: s.id, status: 'TEMPORARILY_CLOSED', regionCode: expect.stringMatching(/^41/) }, previous: { status: 'ACTIVE' } });
      expect(got.eventHeader).toBe(body.id);
      expect(readmeVerify(hook.secret, got.signature, got.body)).toBe(true);
      expect(verifySignature(hook.secret, got.signature, got.body)).toBe(true);
      console.log(`[webhooks ${queue}] status change → receiver: ${got.at - committed} ms`);
      const list = (await ok(b, DELIVERIES, { w: hook.id }, key)).webhookDeliveries;
      const row = list.nodes.find((n: any) => n.eventId === body.id);
      expect(row).toMatchObject({ status: 'DELIVERED', attempts: 1, lastResponseCode: 200, changes: ['STATUS'], stationId: s.id, nextAttemptAt: null });
      // An unwatched change (a name) and a station outside the region prefix send nothing.
      await ok(b, UPDATE_STATION, { id: s.id, v: s.version + 1, i: { name: '金水区爱心驿站(新)' } }, b.admin);
      const outside = (await ok(b, CREATE_STATION, { i: { kind: 'LOVE_STATION', name: '北京驿站', location: { lng: 116.4, lat: 39.9 } } }, b.admin)).createStation;
      await new Promise((r) => setTimeout(r, 800));
      expect(receiver.got.filter((g) => JSON.parse(g.body).station.id === s.id)).toHaveLength(2);
      expect(receiver.got.some((g) => JSON.parse(g.body).station.id === outside.id)).toBe(false);
    });

    it('signature: a tampered body, another secret or an old timestamp fail', async () => {
      const got = receiver.got.find((g) => g.status === 200)!;
      const tampered = got.body.replace('TEMPORARILY_CLOSED', 'ACTIVE').replace('CREATED', 'RETIRED');
      expect(tampered).not.toBe(got.body);
      expect(readmeVerify(hook.secret, got.signature, tampered)).toBe(false);
      expect(verifySignature(hook.secret, got.signature, tampered)).toBe(false);
      expect(verifySignature('whsec_other', got.signature, got.body)).toBe(false);
      expect(verifySignature(hook.secret, got.signature, got.body, 300, Date.now() / 1000 + 3600)).toBe(false);
    });

    it('retries after a 500 with backoff, then succeeds; replay sends the same event id again', async () => {
      const s = (await ok(b, CREATE_STATION, { i: { kind: 'DRIVERS_HOME', name: '经开区司机之家', location: { lng: 113.75, lat: 34.72 } } }, b.admin)).createStation;
      await until('created', () => receiver.got.find((g) => JSON.parse(g.body).station.id === s.id));
      receiver.setPlan((_id, n) => (n === 0 ? 500 : 200));
      await ok(b, UPDATE_STATION, { id: s.id, v: s.version, i: { openingHours: '24/7', amenities: ['HOT_WATER', 'TOILET', 'TRUCK_PARKING'] } }, b.admin);
      const tries = await until('two attempts', () => {
        const mine = receiver.got.filter((g) => JSON.parse(g.body).station.id === s.id && JSON.parse(g.body).changes.includes('HOURS'));
        return mine.length >= 2 && mine;
      });
      receiver.setPlan(() => 200);
      expect(tries.map((t) => t.status)).toEqual([500, 200]);
      expect(tries[0]!.id).toBe(tries[1]!.id);
      expect(JSON.parse(tries[1]!.body).changes).toEqual(['HOURS', 'AMENITIES']);
      expect(tries[1]!.body).toBe(tries[0]!.body);
      // First retry after base·2⁰ less at most 20 % jitter.
      expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(BASE_MS * 0.8 - 20);
      const row = await until('DELIVERED', async () =>
        (await ok(b, DELIVERIES, { w: hook.id }, key)).webhookDeliveries.nodes.find((n: any) => n.eventId === tries[0]!.id && n.status === 'DELIVERED'),
      );
      expect(row).toMatchObject({ attempts: 2, lastResponseCode: 200, lastError: null });
      const replay = (await ok(b, `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id eventId status replayOfId } }`, { id: row.id }, key)).replayWebhookDelivery;
      expect(replay).toMatchObject({ eventId: row.eventId, replayOfId: row.id, status: 'PENDING' });
      await until('the replay', () => receiver.got.filter((g) => g.id === row.eventId).length === 3);
      const other = await newKey(b, ['WEBHOOKS']);
      const foreign = await b.post(`mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }`, { id: row.id }, other);
      expect(foreign.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    });

    it('figures: 20 status changes, each delivered once, latency from commit to receiver', async () => {
      const s = (await ok(b, CREATE_STATION, { i: { kind: 'LOVE_STATION', name: '计时驿站', location: { lng: 113.63, lat: 34.76 } } }, b.admin)).createStation;
      await until('created', () => receiver.got.find((g) => JSON.parse(g.body).station.id === s.id));
      let version = s.version;
      const latencies: number[] = [];
      const mineNow = () => receiver.got.filter((g) => JSON.parse(g.body).station.id === s.id);
      for (let i = 0; i < 20; i++) {
        const status = i % 2 === 0 ? 'TEMPORARILY_CLOSED' : 'ACTIVE';
        const before = mineNow().length;
        version = (await ok(b, UPDATE_STATION, { id: s.id, v: version, i: { status } }, b.admin)).updateStation.version;
        const answered = Date.now();
        const got = await until('the event', () => mineNow().length > before && mineNow()[before]);
        expect(JSON.parse(got.body).station.status).toBe(status);
        latencies.push(Math.max(0, got.at - answered));
      }
      const ms = [...latencies].sort((x, y) => x - y);
      const mine = receiver.got.filter((g) => JSON.parse(g.body).station.id === s.id);
      expect(mine).toHaveLength(21);
      expect(new Set(mine.map((g) => g.id)).size).toBe(21);
      console.log(`[webhooks ${queue}] 20 status changes: 20 events, ${mine.length - 1} attempts, latency after the mutation's answer p50 ${ms[10]} ms, max ${ms[19]} ms`);
    });

    it('a rolled-back station change delivers nothing', async () => {
      const s = (await ok(b, CREATE_STATION, { i: { kind: 'COURIER_HOME', name: '快递小哥之家', location: { lng: 113.62, lat: 34.75 } } }, b.admin)).createStation;
      await until('created', () => receiver.got.find((g) => JSON.parse(g.body).station.id === s.id));
      const events = async () => Number((await b.app.orm.em.fork().execute(`select count(*) as n from webhook_event where station_id = ?`, [s.id]))[0].n);
      expect(await events()).toBe(1);
      // The station write path itself, inside a transaction that then fails.
      await expect(
        b.app.orm.em.fork().transactional(async (em) => {
          await updateStation(em as EntityManager, s.id, s.version, { status: StationStatus.RETIRED });
          expect(Number((await em.execute(`select count(*) as n from webhook_event where station_id = ?`, [s.id]))[0].n)).toBe(2);
          throw new Error('rolled back on purpose');
        }),
      ).rejects.toThrow('rolled back on purpose');
      expect(await events()).toBe(1);
      // A change the API refuses (a stale version) writes nothing either; the next real one is delivered.
      await ok(b, UPDATE_STATION, { id: s.id, v: s.version, i: { status: 'RETIRED' } }, b.admin);
      const stale = await b.post(UPDATE_STATION, { id: s.id, v: s.version, i: { status: 'ACTIVE' } }, b.admin);
      expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
      const retired = await until('the RETIRED event', () => receiver.got.find((g) => JSON.parse(g.body).station.id === s.id && JSON.parse(g.body).changes.includes('RETIRED')));
      expect(JSON.parse(retired.body).changes).toEqual(['STATUS', 'RETIRED']);
      await new Promise((r) => setTimeout(r, 500));
      const seen = receiver.got.filter((g) => JSON.parse(g.body).station.id === s.id).map((g) => JSON.parse(g.body).station.status);
      expect(seen).toEqual(['ACTIVE', 'RETIRED']);
      expect(await events()).toBe(2);
    });

    it('loses nothing across a restart: every event reaches the receiver, once per event id', async () => {
      receiver.setPlan(() => 503); // down for now: deliveries fail and wait for their retries
      const before = new Set(receiver.got.map((g) => g.id));
      const N = 30;
      const stations: string[] = [];
      for (let i = 0; i < N / 2; i++) {
        const s = (await ok(b, CREATE_STATION, { i: { kind: 'LOVE_STATION', name: `重启驿站${i}`, location: { lng: 113.6 + i / 1000, lat: 34.7 } } }, b.admin)).createStation;
        await ok(b, UPDATE_STATION, { id: s.id, v: s.version, i: { status: 'TEMPORARILY_CLOSED' } }, b.admin);
        stations.push(s.id);
      }
      await until('some failed attempts', () => receiver.got.filter((g) => g.status === 503).length >= 5);
      const pending = Number((await b.app.orm.em.fork().execute(`select count(*) as n from webhook_delivery where status = 'PENDING'`))[0].n);
      expect(pending).toBeGreaterThanOrEqual(N - 5);
      await b.app.stop();
      const stoppedAt = Date.now();
      receiver.setPlan(() => 200);
      b = await boot(db, queue);
      const restartedAt = Date.now();
      const ids = await until(
        `${N} events`,
        () => {
          const delivered = new Set(receiver.got.filter((g) => g.status === 200 && !before.has(g.id) && stations.includes(JSON.parse(g.body).station.id)).map((g) => g.id));
          return delivered.size >= N && delivered;
        },
        30_000,
      );
      expect(ids.size).toBe(N);
      const lastAt = Math.max(...receiver.got.filter((g) => ids.has(g.id) && g.status === 200).map((g) => g.at));
      const okPerId = new Map<string, number>();
      for (const g of receiver.got) if (ids.has(g.id) && g.status === 200) okPerId.set(g.id, (okPerId.get(g.id) ?? 0) + 1);
      const duplicates = [...okPerId.values()].filter((n) => n > 1).length;
      // The receiver's 200 comes before the worker records it: wait for the outbox to say so.
      const rows = await until('every delivery recorded', async () => {
        const r = await b.app.orm.em.fork().execute<{ status: string; n: string }[]>(
          `select d.status, count(*) as n from webhook_delivery d join webhook_event e on e.id = d.event_id where e.station_id = any(?::uuid[]) group by d.status`,
          [`{${stations.join(',')}}`],
        );
        return r.length === 1 && r[0]!.status === 'DELIVERED' && r;
      });
      expect(rows).toEqual([{ status: 'DELIVERED', n: String(N) }]);
      const attempts = receiver.got.filter((g) => ids.has(g.id)).length;
      console.log(
        `[webhooks ${queue}] restart: ${N} events, ${attempts} attempts (${attempts - N} refused before the stop), ${duplicates} ids acknowledged twice; ` +
          `the new start took ${restartedAt - stoppedAt} ms (migrations, worker, admin sign-in), the last event arrived ${lastAt - stoppedAt} ms after the stop`,
      );
      expect(duplicates).toBe(0);
    }, 90_000);

    it('prunes events older than the retention that have nothing pending, with their deliveries', async () => {
      const em = b.app.orm.em.fork() as EntityManager;
      const [old] = await em.execute<{ id: string }[]>(`select e.id from webhook_event e where exists (select 1 from webhook_delivery d where d.event_id = e.id and d.status = 'DELIVERED') limit 1`);
      const [waiting] = await em.execute<{ id: string }[]>(`insert into webhook_event (station_id, changes, station) values (gen_random_uuid(), '{STATUS}', '{}') returning id`);
      await em.execute(`insert into webhook_delivery (webhook_id, event_id, next_attempt_at) values (?, ?, now() + interval '1 day')`, [hook.id, waiting!.id]);
      await em.execute(`update webhook_event set occurred_at = now() - interval '31 days' where id = any(?::uuid[])`, [`{${old!.id},${waiting!.id}}`]);
      expect(await pruneWebhookHistory(em, 30)).toBe(1);
      const left = await em.execute<{ id: string }[]>(`select event_id as id from webhook_delivery where event_id = any(?::uuid[])`, [`{${old!.id},${waiting!.id}}`]);
      expect(left.map((r) => r.id)).toEqual([waiting!.id]);
      await em.execute(`delete from webhook_event where id = ?`, [waiting!.id]);
    });

    it('a deactivated webhook gets no new deliveries', async () => {
      const other = await newKey(b, ['WEBHOOKS']);
      const made = (await ok(b, CREATE_WEBHOOK, { i: { url: receiver.url, events: ['LOCATION'] } }, other)).createWebhook.webhook;
      const off = (await ok(b, `mutation($id: ID!) { deactivateWebhook(id: $id) { id active } }`, { id: made.id }, other)).deactivateWebhook;
      expect(off.active).toBe(false);
      const s = (await ok(b, CREATE_STATION, { i: { kind: 'LOVE_STATION', name: '迁址驿站', location: { lng: 113.61, lat: 34.71 } } }, b.admin)).createStation;
      await ok(b, UPDATE_STATION, { id: s.id, v: s.version, i: { location: { lng: 113.62, lat: 34.72 } } }, b.admin);
      const list = (await ok(b, DELIVERIES, { w: made.id }, other)).webhookDeliveries;
      expect(list.totalCount).toBe(0);
    });
  });
}
