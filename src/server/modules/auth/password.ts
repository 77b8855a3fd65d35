import { randomBytes, type ScryptOptions, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AppError } from '../../errors.js';
import { isCommonPassword } from './common-passwords.js';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
) => Promise<Buffer>;

// OWASP's scrypt minimum (N=2^17, r=8, p=1) needs 128 MiB per hash: right for a server
// that hashes a few passwords a minute. The test suite alone uses a cheaper cost, since it
// hashes hundreds on two cores; stored hashes carry their parameters, so both verify.
const PARAMS = {
  N: process.env.NODE_ENV === 'test' ? 2 ** 12 : 2 ** 17,
  r: 8,
  p: 1,
  maxmem: 256 * 1024 * 1024,
};
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$salt$hash`, all in one column so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so timing does not tell which accounts exist.
    await hashPassword(password);
    return false;
  }
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(
    password.normalize('NFKC'),
    Buffer.from(salt, 'base64url'),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: PARAMS.maxmem,
    },
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Refuses passwords that are common, breached-list or built from the person's own details. */
export async function assertPasswordAcceptable(
  password: string,
  context: { email?: string; name?: string } = {},
) {
  const lower = password.toLowerCase();
  const problems: string[] = [];
  if (password.length < 12) problems.push('At least 12 characters');
  if (await isCommonPassword(lower)) problems.push('This password is too common; choose another');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    problems.push('The password must not contain your email address');
  }
  if (new Set(lower).size < 4) problems.push('Too few different characters');
  if (problems.length > 0) {
    throw new AppError('validation', 'The password is not accepted.', {
      details: problems.map((message) => ({ field: 'password', message })),
    });
  }
}
