import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (Stripe's scheme). */
export const SIGNATURE_HEADER = 'yizhan-signature';
/** The header that carries the event id, the idempotency id of a delivery (the same on retries and replays). */
export const EVENT_ID_HEADER = 'yizhan-event-id';

/** A new signing secret, `whsec_` and 32 random bytes in base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The signature header value for `body` sent at `timestamp` (unix seconds). */
export function signPayload(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * Checks a signature header as a receiver should (the README's example does the same): some `v1` matches the
 * HMAC of `<t>.<body>` under `secret` (constant-time compare) and `t` is within `toleranceSeconds` of `now`.
 */
export function verifySignature(secret: string, header: string, body: string, toleranceSeconds = 300, now = Date.now() / 1000): boolean {
  const parts = header.split(',').map((p) => p.split('=', 2) as [string, string]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  return parts.some(([k, v]) => k === 'v1' && v !== undefined && v.length === expected.length && timingSafeEqual(Buffer.from(v), expected));
}
