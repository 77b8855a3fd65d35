import { Cron } from 'croner';
import type { AppDeps } from '../deps.js';
import { sendDueInvitations } from '../modules/surveys/delivery.service.js';
import { leaseHolderName, withLease } from './lease.js';

export const SURVEYS_LEASE = 'surveys';

/** One round: queue due survey invitations and reminders (the outbox worker sends them). */
export function runSurveyRound(deps: AppDeps) {
  return withLease(deps.db, deps.clock, SURVEYS_LEASE, leaseHolderName(), 5 * 60_000, () =>
    sendDueInvitations(deps.db, deps.clock, deps.config.publicUrl),
  );
}

/** Every minute, in one process at a time (a lease on PostgreSQL). */
export function startSurveySchedule(deps: AppDeps, log: { error(o: object, m: string): void }) {
  const job = new Cron('* * * * *', { protect: true }, async () => {
    try {
      await runSurveyRound(deps);
    } catch (err) {
      log.error({ err }, 'survey invitations round failed');
    }
  });
  return { stop: () => job.stop() };
}
