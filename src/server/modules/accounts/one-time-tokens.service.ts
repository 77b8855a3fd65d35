import type { Db } from '../../db/database.js';
import { fromDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import * as repo from './accounts.repo.js';

/**
 * Single-use secrets behind emailed and printed links, and OpenID Connect sign-in state.
 * Only a sha256 of the secret is stored, so a copy of the database opens no account.
 */
export type OneTimePurpose =
  | 'invitation'
  | 'first_admin'
  | 'password_reset'
  | 'oidc_state'
  | 'caller_link';

export const ONE_TIME_TTL_MS: Record<OneTimePurpose, number> = {
  invitation: 7 * 24 * 60 * 60_000,
  first_admin: 24 * 60 * 60_000,
  password_reset: 60 * 60_000,
  oidc_state: 10 * 60_000,
  /** The calling module passes the link's own expiry (at most a week). */
  caller_link: 24 * 60 * 60_000,
};

export interface OneTimeToken<T> {
  purpose: OneTimePurpose;
  userId: string | null;
  data: T | null;
  expiresAt: string;
}

export async function issueOneTimeToken(
  db: Db,
  clock: Clock,
  input: { purpose: OneTimePurpose; userId: string | null; data?: unknown; ttlMs?: number },
): Promise<{ token: string; expiresAt: string }> {
  const now = clock.now();
  const token = newSecret();
  const expiresAt = new Date(
    now.getTime() + (input.ttlMs ?? ONE_TIME_TTL_MS[input.purpose]),
  ).toISOString();
  await repo.insertOneTimeToken(db, {
    id: hashSecret(token),
    purpose: input.purpose,
    userId: input.userId,
    data: input.data === undefined ? null : JSON.stringify(input.data),
    createdAt: now.toISOString(),
    expiresAt,
    usedAt: null,
  });
  return { token, expiresAt };
}

function toToken<T>(row: repo.OneTimeTokenRow): OneTimeToken<T> {
  return {
    purpose: row.purpose as OneTimePurpose,
    userId: row.userId,
    data: fromDbJson<T | null>(row.data, null),
    expiresAt: row.expiresAt,
  };
}

/** The token if it is still usable, without using it (to check a form before the change). */
export async function peekOneTimeToken<T = unknown>(
  db: Db,
  clock: Clock,
  purposes: OneTimePurpose[],
  token: string,
): Promise<OneTimeToken<T> | undefined> {
  const row = await repo.findLiveOneTimeToken(
    db,
    hashSecret(token),
    purposes,
    clock.now().toISOString(),
  );
  return row ? toToken<T>(row) : undefined;
}

/** Uses the token up; undefined when it is unknown, expired or already used. */
export async function consumeOneTimeToken<T = unknown>(
  db: Db,
  clock: Clock,
  purposes: OneTimePurpose[],
  token: string,
): Promise<OneTimeToken<T> | undefined> {
  const row = await repo.consumeOneTimeToken(
    db,
    hashSecret(token),
    purposes,
    clock.now().toISOString(),
  );
  return row ? toToken<T>(row) : undefined;
}

export async function retireOneTimeTokensOf(
  db: Db,
  clock: Clock,
  userId: string,
  purposes: OneTimePurpose[],
): Promise<void> {
  await repo.retireOneTimeTokensOf(db, userId, purposes, clock.now().toISOString());
}

/** Removes tokens that expired or were used more than a day ago (for a purge job). */
export async function purgeOneTimeTokens(db: Db, clock: Clock): Promise<number> {
  const dayAgo = new Date(clock.now().getTime() - 24 * 60 * 60_000).toISOString();
  return repo.deleteOneTimeTokensBefore(db, dayAgo);
}
