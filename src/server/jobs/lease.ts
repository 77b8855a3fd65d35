import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/database.js';
import { toDbTime } from '../db/portable.js';
import type { Clock } from '../deps.js';
// biome-ignore lint/style/noRestrictedImports: the lease is the jobs layer's own table, not a domain module's
import { findLease, releaseLease, tryTakeLease } from './lease.repo.js';

export type LeaseOutcome<T> = { acquired: true; result: T } | { acquired: false };

/** A holder name that tells an operator which process holds a lease. */
export function leaseHolderName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Runs `fn` only if this holder gets the lease `name`; otherwise does nothing. Several
 * processes sharing one PostgreSQL poll the same job, and only one may run it at a time.
 * The lease expires after `ttlMs`, so a crashed holder blocks the job no longer than that:
 * keep `fn` well within it. The lease is given back when `fn` ends, even when it throws.
 */
export async function withLease<T>(
  db: Db,
  clock: Clock,
  name: string,
  holder: string,
  ttlMs: number,
  fn: () => Promise<T>,
): Promise<LeaseOutcome<T>> {
  const now = clock.now();
  const acquired = await tryTakeLease(db, {
    name,
    holder,
    now: toDbTime(now),
    expiresAt: toDbTime(new Date(now.getTime() + ttlMs)),
  });
  if (!acquired) return { acquired: false };
  try {
    return { acquired: true, result: await fn() };
  } finally {
    // A failed release must not hide fn's own outcome: the lease expires by itself.
    await releaseLease(db, name, holder).catch(() => undefined);
  }
}

/** Who holds a lease now, for diagnostics and tests. */
export async function findLeaseHolder(
  db: Db,
  clock: Clock,
  name: string,
): Promise<string | undefined> {
  const lease = await findLease(db, name);
  return lease && lease.expiresAt > toDbTime(clock.now()) ? lease.holder : undefined;
}
