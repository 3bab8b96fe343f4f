import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config';
import { DomainError, type Reason, type ReasonArgs } from './errors';

/** RATE_LIMITED: over quota; `retryAfterSeconds` says when to try again (also sent as Retry-After). */
export class RateLimitedError extends DomainError {
  constructor(message: string, readonly retryAfterSeconds: number, reason: Reason = 'RATE_LIMITED', args: ReasonArgs = {}) {
    super('RATE_LIMITED', message, { retryAfterSeconds }, reason, { retryAfterSeconds, ...args });
  }
}

/** Outcome of charging a request: the figures for the `x-ratelimit-*` headers. */
export interface RateLimitCharge {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

type RedisClient = import('ioredis').Redis;

/**
 * The rate limiters of one process (rate-limiter-flexible): query cost points per minute per anonymous IP, per
 * API key (each key's own quota) and per staff account, and failed-login counters per username and per IP.
 * With `REDIS_URL` the counters live in Redis (shared by every replica) with an in-memory insurance limiter if
 * Redis is unreachable; without it, in memory.
 */
export class RateLimits {
  private readonly byQuota = new Map<string, RateLimiterAbstract>();
  readonly loginByUsername: RateLimiterAbstract;
  readonly loginByIp: RateLimiterAbstract;

  private constructor(
    private readonly config: Config,
    private readonly redis: RedisClient | null,
  ) {
    this.loginByUsername = this.make('login_user', config.LOGIN_FAILURES_PER_USERNAME, 15 * 60);
    this.loginByIp = this.make('login_ip', config.LOGIN_FAILURES_PER_IP, 15 * 60);
  }

  /** Connects to Redis when configured. */
  static async create(config: Config): Promise<RateLimits> {
    let redis: RedisClient | null = null;
    if (config.REDIS_URL) {
      const { Redis } = await import('ioredis');
      redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
      redis.on('error', () => undefined); // the insurance limiter covers outages; ioredis reconnects by itself
      await redis.connect().catch(() => undefined);
    }
    return new RateLimits(config, redis);
  }

  get store(): 'redis' | 'memory' {
    return this.redis ? 'redis' : 'memory';
  }

  private make(prefix: string, points: number, duration: number, blockDuration = 0): RateLimiterAbstract {
    const opts = { keyPrefix: `${this.config.RATE_LIMIT_KEY_PREFIX}_${prefix}`, points, duration, blockDuration };
    if (!this.redis) return new RateLimiterMemory(opts);
    return new RateLimiterRedis({ ...opts, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(opts) });
  }

  private perMinute(kind: string, points: number): RateLimiterAbstract {
    const name = `${kind}_${points}`;
    let limiter = this.byQuota.get(name);
    if (!limiter) {
      limiter = this.make(`gql_${name}`, points, 60);
      this.byQuota.set(name, limiter);
    }
    return limiter;
  }

  /**
   * Charges `cost` points to `key` in a per-minute budget of `points` (budgets of different `kind`s are separate:
   * anonymous queries, API keys, staff accounts, the volunteer self-sign-up endpoints); throws RateLimitedError (with the
   * figures in `charge`) when the budget is spent.
   */
  async charge(kind: 'anon' | 'key' | 'user' | 'signup', key: string, points: number, cost: number): Promise<RateLimitCharge> {
    const limiter = this.perMinute(kind, points);
    try {
      const res = await limiter.consume(key, Math.max(1, Math.ceil(cost)));
      return { limit: points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const retry = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        const err = new RateLimitedError(`Rate limit: this query costs ${cost} points and ${points} points per minute are allowed; retry in ${retry} s`, retry, 'RATE_LIMITED', { cost, points });
        Object.assign(err, { charge: { limit: points, remaining: Math.max(0, e.remainingPoints), resetSeconds: retry } });
        throw err;
      }
      throw e;
    }
  }

  /** Before a login attempt: RATE_LIMITED while the username or the IP is locked out by failures. */
  async assertLoginAllowed(username: string, ip: string): Promise<void> {
    const [u, i] = await Promise.all([this.loginByUsername.get(username), this.loginByIp.get(ip)]);
    const blocked = [
      [u, this.config.LOGIN_FAILURES_PER_USERNAME],
      [i, this.config.LOGIN_FAILURES_PER_IP],
    ].find(([res, max]) => res && (res as RateLimiterRes).consumedPoints >= (max as number));
    if (blocked) {
      const retry = Math.max(1, Math.ceil((blocked[0] as RateLimiterRes).msBeforeNext / 1000));
      throw new RateLimitedError(`Too many failed logins; try again in ${Math.ceil(retry / 60)} min`, retry, 'LOGIN_RATE_LIMITED', { minutes: Math.ceil(retry / 60) });
    }
  }

  /** Counts a failed login against the username and the IP. */
  async loginFailed(username: string, ip: string): Promise<void> {
    await Promise.all([
      this.loginByUsername.penalty(username, 1).catch(() => undefined),
      this.loginByIp.penalty(ip, 1).catch(() => undefined),
    ]);
  }

  /** A successful login clears the username's failures (the IP's stay). */
  async loginSucceeded(username: string): Promise<void> {
    await this.loginByUsername.delete(username).catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.redis) this.redis.disconnect();
  }
}
