import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { AppError } from '../../errors.js';
import { deleteStaleWindows, incrementWindow } from './limits.repo.js';

export interface LimitRule {
  /** What is limited, e.g. 'sign-in:ip' or 'tip-form:ip'. */
  name: string;
  max: number;
  windowMs: number;
}

/** Counts a hit for `subject` under the rule; throws 429 with Retry-After once over the limit. */
export async function consumeLimit(db: Db, clock: Clock, rule: LimitRule, subject: string) {
  const now = clock.now();
  const cutoff = new Date(now.getTime() - rule.windowMs).toISOString();
  const { hits, windowStart } = await incrementWindow(
    db,
    `${rule.name}:${subject}`,
    now.toISOString(),
    cutoff,
  );
  if (hits > rule.max) {
    const resetAt = Date.parse(windowStart) + rule.windowMs;
    throw new AppError('rate_limited', 'Too many requests. Try again later.', {
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)),
    });
  }
}

/** Windows older than a day are over for every rule we set. */
export async function purgeStaleWindows(db: Db, clock: Clock): Promise<void> {
  await deleteStaleWindows(db, new Date(clock.now().getTime() - 24 * 60 * 60_000).toISOString());
}
