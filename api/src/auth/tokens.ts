// jose is ESM-only; Node 20 loads it from this CommonJS build through import().
const jose = () => import('jose');

/** Session tokens are HS256 JWTs; the algorithm is pinned on both sides (`alg: none` and RS/ES swaps are refused). */
const ALG = 'HS256';
const ISSUER = 'yizhan';
const AUDIENCE = 'yizhan-admin';

export interface SessionClaims {
  /** User id. */
  sub: string;
  /** Session id (row of `user_session`), so logout and password changes revoke the token. */
  sid: string;
}

/** Signs a session token for `claims` that expires at `expiresAt`. */
export async function signSessionToken(secret: Uint8Array, claims: SessionClaims, expiresAt: Date): Promise<string> {
  const { SignJWT } = await jose();
  return new SignJWT({ sid: claims.sid })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
}

/** Verifies signature, algorithm, issuer, audience and expiry; null for any token that fails (never throws). */
export async function verifySessionToken(secret: Uint8Array, token: string): Promise<SessionClaims | null> {
  const { jwtVerify } = await jose();
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: [ALG], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['sub', 'exp', 'sid'] });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    return { sub: payload.sub, sid: payload.sid };
  } catch {
    return null;
  }
}
