import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { erasePeople } from './prospects.service.js';
import * as repo from './retention.repo.js';

/**
 * How long the referral campaign keeps personal data (docs/privacy.md): the people tipped
 * and the tippers' contact details until 12 months after the campaign ends, long enough to
 * see who moved within 12 months of the calling day; the people who moved here until 24
 * months after, for the retention figures. After that only counts remain.
 */
export const RETENTION_MONTHS = 12;
export const MOVED_IN_RETENTION_MONTHS = 24;

/** Erase in slices, so one round never holds a long write lock. */
const SLICE = 500;

function monthsBefore(now: Date, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** One purge round (the housekeeping job): returns what it erased, as counts. */
export async function purgeExpiredReferralData(db: Db, clock: Clock) {
  const now = clock.now();
  const endedBefore = monthsBefore(now, RETENTION_MONTHS);
  const movedEndedBefore = monthsBefore(now, MOVED_IN_RETENTION_MONTHS);
  let prospects = 0;
  for (;;) {
    const erased = await db.transaction().execute(async (trx) => {
      const ids = await repo.findExpiredProspectIds(trx, endedBefore, movedEndedBefore, SLICE);
      await erasePeople(trx, ids, now);
      return ids.length;
    });
    prospects += erased;
    if (erased < SLICE) break;
  }
  const tips = await repo.eraseTipperData(db, endedBefore, now.toISOString());
  if (prospects || tips) {
    await recordAudit(db, now, {
      action: 'referral.retention_purged',
      actor: { userId: null, label: 'housekeeping' },
      ip: null,
      details: { prospects, tips },
    });
  }
  return { prospects, tips };
}
