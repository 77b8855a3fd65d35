import { Cron } from 'croner';
import type { AppDeps } from '../deps.js';
import { purgeOneTimeTokens } from '../modules/accounts/one-time-tokens.service.js';
import { purgeExpiredAuthData } from '../modules/auth/session.service.js';
import { purgeBusinessPersonalData } from '../modules/business/business.privacy.js';
import { snapshotDailyCounts } from '../modules/jobs/map/market.service.js';
import { purgeStaleWindows } from '../modules/limits/limits.service.js';
import { runRetentionPurge } from '../modules/privacy/retention.service.js';
import { purgeExpiredReferralData } from '../modules/referral/retention.service.js';
import { purgeClosedInvitations } from '../modules/surveys/delivery.service.js';
import { leaseHolderName, withLease } from './lease.js';

/** One round of housekeeping: what it removed, by kind (counts only). */
export async function runHousekeeping(deps: AppDeps) {
  const auth = await purgeExpiredAuthData(deps.db, deps.clock);
  await purgeStaleWindows(deps.db, deps.clock);
  const oneTimeTokens = await purgeOneTimeTokens(deps.db, deps.clock);
  const referral = await purgeExpiredReferralData(deps.db, deps.clock);
  const privacy = await runRetentionPurge(deps.db, deps.clock);
  const business = await purgeBusinessPersonalData(deps.db, deps.clock);
  const surveyInvitations = await purgeClosedInvitations(deps.db, deps.clock);
  // Today's vacancy counts for the labour-market map (recomputed each round: idempotent).
  const jobCounts = await snapshotDailyCounts(deps.db, deps.clock);
  return {
    ...auth,
    oneTimeTokens,
    referral,
    privacy,
    business,
    surveyInvitations,
    jobCounts: jobCounts.rows,
  };
}

/** Every ten minutes, in one process at a time (a lease on PostgreSQL). */
export function startHousekeeping(deps: AppDeps, log: { error(o: object, m: string): void }) {
  const holder = leaseHolderName();
  const job = new Cron('*/10 * * * *', { protect: true }, async () => {
    try {
      await withLease(deps.db, deps.clock, 'housekeeping', holder, 5 * 60_000, () =>
        runHousekeeping(deps),
      );
    } catch (err) {
      log.error({ err }, 'housekeeping failed');
    }
  });
  return { stop: () => job.stop() };
}
