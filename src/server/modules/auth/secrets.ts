import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie, link or token: 256 bits, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What we store instead of a secret: a lookup key that cannot be turned back into it. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('base64url');

/** The CSRF token of a session: an HMAC of its id, so it needs no storage and dies with it. */
export const csrfTokenFor = (sessionSecret: string, sessionId: string): string =>
  createHmac('sha256', sessionSecret).update(`csrf:${sessionId}`).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
