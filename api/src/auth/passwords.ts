import { hash, verify } from '@node-rs/argon2';
import { BadInputError } from '../common/errors';

/** OWASP's Argon2id minimum: m = 19 MiB, t = 2, p = 1 (algorithm 2 = Argon2id in @node-rs/argon2). */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with Argon2id; returns the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS as never);
}

/** Checks `password` against a PHC string; false (never an error) for a malformed hash. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check, so a login for an unknown username is not faster (no user enumeration). */
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('yizhan-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/**
 * Password rule (NIST SP 800-63B §5.1.1.2: length, not composition): 10–128 characters, not the username,
 * not one of the most common passwords. BAD_USER_INPUT on `field` otherwise.
 */
export function assertPasswordAcceptable(password: string, username: string, field: string): void {
  if (password.length < 10) throw new BadInputError(field, 'must be at least 10 characters', 'PASSWORD_TOO_SHORT', { min: 10 });
  if (password.length > 128) throw new BadInputError(field, 'must be at most 128 characters', 'PASSWORD_TOO_LONG', { max: 128 });
  const lower = password.toLowerCase();
  if (lower.includes(username.toLowerCase())) throw new BadInputError(field, 'must not contain the username', 'PASSWORD_CONTAINS_USERNAME');
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890|9876543210)/.test(password)) {
    throw new BadInputError(field, 'is too common; choose a longer phrase', 'PASSWORD_TOO_COMMON');
  }
}

const COMMON = new Set([
  'password123', 'password1234', '1234567890', '12345678910', 'qwertyuiop', 'qwerty123456', 'iloveyou123', 'admin12345',
  'administrator', 'woaini1314', 'woaini520', '1qaz2wsx3edc', 'a123456789', 'abc1234567', 'zxcvbnm123', 'passw0rd123',
]);
