import type { Validator } from 'react-admin';

// No 0/O, 1/l/I: the password is read out or typed from a note.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random one-time password of `length` characters (crypto.getRandomValues, unbiased). */
export const randomPassword = (length = 14): string => {
  const out: string[] = [];
  const bytes = new Uint8Array(1);
  while (out.length < length) {
    crypto.getRandomValues(bytes);
    // 256 - 256 % 56 = 224: reject the tail so every character is equally likely.
    if (bytes[0] < 256 - (256 % ALPHABET.length)) out.push(ALPHABET[bytes[0] % ALPHABET.length]);
  }
  return out.join('');
};

/** The API's password rules (10–128 characters, not containing the username), for a form with `username`. */
export const validatePassword =
  (username?: string): Validator =>
  (value, values) => {
    if (typeof value !== 'string' || value === '') return 'ra.validation.required';
    if (value.length < 10) return { message: 'yizhan.auth.password_too_short', args: { min: 10 } };
    if (value.length > 128) return { message: 'ra.validation.maxLength', args: { max: 128 } };
    const name = (username ?? values?.username ?? '').trim().toLowerCase();
    if (name && value.toLowerCase().includes(name)) return 'yizhan.auth.password_contains_username';
    return undefined;
  };
