import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startTestServer, type TestServer } from '../helpers/server';
import { loadConfig } from '../../api/src/config';
import { RateLimitedError, RateLimits } from '../../api/src/common/rate-limit';

/** Cost-based rate limits per IP, per API key and per account; Redis-backed when REDIS_URL is set. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const sock = net.connect(Number(port || 6379), hostname, () => (sock.end(), resolve(true)));
    sock.on('error', () => resolve(false));
    sock.setTimeout(1000, () => (sock.destroy(), resolve(false)));
  });
}

const prefix = `t${randomBytes(4).toString('hex')}`;
const useRedis = await redisAnswers();
if (!useRedis) console.warn(`[rate-limit.test] no Redis at ${REDIS_URL}: testing the in-memory store only`);

let s: TestServer;
const NEARBY = `{ nearbyStations(near: {lng: 113.62, lat: 34.75}, radiusMeters: 20000, first: 20) { edges { distanceMeters node { id name amenities location { lng lat } } } } }`;

beforeAll(async () => {
  s = await startTestServer({
    seed: true,
    env: { ...(useRedis ? { REDIS_URL } : {}), RATE_LIMIT_KEY_PREFIX: prefix, RATE_LIMIT_ANONYMOUS_PER_MINUTE: '400', TRUST_PROXY: 'loopback' },
  });
}, 120_000);
afterAll(async () => s?.stop());

const anon = (query: string, ip: string) => s.post({ query }, 'anonymous', { 'x-forwarded-for': ip });

describe(`rate limits (${useRedis ? 'Redis' : 'memory'})`, () => {
  it(`keeps counters in ${useRedis ? 'Redis' : 'memory'}`, () => {
    expect(s.app.limits.store).toBe(useRedis ? 'redis' : 'memory');
  });

  it('charges by cost, not by count, and reports it in x-ratelimit-* headers', async () => {
    const cheap = await anon('{ appConfig { __typename } }', '10.0.0.1');
    expect(cheap.headers.get('x-ratelimit-limit')).toBe('400');
    const afterCheap = Number(cheap.headers.get('x-ratelimit-remaining'));
    expect(afterCheap).toBeGreaterThanOrEqual(396);
    const heavy = await anon(NEARBY, '10.0.0.1');
    expect(heavy.status).toBe(200);
    const spent = afterCheap - Number(heavy.headers.get('x-ratelimit-remaining'));
    // 20 edges × (edge, distance, node, 4 fields, location + 2) ≈ 200 points.
    expect(spent).toBeGreaterThan(100);
    expect(Number(heavy.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
  });

  it('charges a repeated query by its own page size every time (costs are remembered per document and page-size variables)', async () => {
    const Q = `query($first: Int, $lng: Float!) { nearbyStations(near: {lng: $lng, lat: 34.75}, radiusMeters: 20000, first: $first) { edges { node { id } } } }`;
    let remaining = 400;
    const spent: number[] = [];
    for (const [first, lng] of [[5, 113.61], [50, 113.62], [5, 113.63], [50, 113.61]]) {
      const r = await s.post({ query: Q, variables: { first, lng } }, 'anonymous', { 'x-forwarded-for': '10.0.0.9' });
      expect(r.status).toBe(200);
      const left = Number(r.headers.get('x-ratelimit-remaining'));
      spent.push(remaining - left);
      remaining = left;
    }
    // nearbyStations 1 + first × (edges 1 + node 1 + id 1): 16 points for 5, 151 for 50, whatever the coordinates.
    expect(spent).toEqual([16, 151, 16, 151]);
  });

  it('answers RATE_LIMITED with 429 and Retry-After once an IP has spent its budget, and other IPs go on', async () => {
    let last = await anon(NEARBY, '10.0.0.2');
    for (let i = 0; i < 10 && last.status === 200; i++) last = await anon(NEARBY, '10.0.0.2');
    expect(last.status).toBe(429);
    expect(last.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    const retry = Number(last.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(last.body.errors[0].extensions.retryAfterSeconds).toBe(retry);
    expect(last.body.data).toBeUndefined();
    const other = await anon(NEARBY, '10.0.0.3');
    expect(other.status).toBe(200);
  });

  it('gives each API key its own quota, separate from its IP', async () => {
    const made = await s.graphql(`mutation { createApiKey(input: {name: "小额度", quotaPerMinute: 250}) { secret } }`);
    const key = made.data.createApiKey.secret;
    const first = await s.post({ query: NEARBY }, { apiKey: key }, { 'x-forwarded-for': '10.0.0.2' });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('250');
    const second = await s.post({ query: NEARBY }, { apiKey: key }, { 'x-forwarded-for': '10.0.0.2' });
    expect(second.status).toBe(429);
    // Staff accounts have their own, larger budget.
    const admin = await s.post({ query: NEARBY }, 'admin', { 'x-forwarded-for': '10.0.0.2' });
    expect(admin.status).toBe(200);
  });

  it.runIf(useRedis)('shares counters between replicas through Redis', async () => {
    const config = loadConfig({ REDIS_URL, RATE_LIMIT_KEY_PREFIX: prefix });
    const [a, b] = [await RateLimits.create(config), await RateLimits.create(config)];
    try {
      await a.charge('anon', 'replica-test', 100, 60);
      await expect(b.charge('anon', 'replica-test', 100, 60)).rejects.toBeInstanceOf(RateLimitedError);
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}_gql_anon_100:replica-test*`);
      redis.disconnect();
      expect(keys.length).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('limits in memory when no Redis is configured', async () => {
    const limits = await RateLimits.create(loadConfig({}));
    expect(limits.store).toBe('memory');
    await limits.charge('key', 'k', 10, 6);
    await expect(limits.charge('key', 'k', 10, 6)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
