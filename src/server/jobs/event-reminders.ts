import { Cron } from 'croner';
import type { AppDeps } from '../deps.js';
import { sendDueReminders } from '../modules/events/attendees.service.js';
import { leaseHolderName, withLease } from './lease.js';

/** One round: queues the event reminders now due (each registration's once). */
export function runEventReminders(deps: AppDeps) {
  return sendDueReminders(deps.db, deps.clock, {
    publicUrl: deps.config.publicUrl,
    secret: deps.config.sessionSecret,
  });
}

/**
 * Every five minutes, in one process at a time (a lease on PostgreSQL). A reminder is marked
 * sent in the transaction that queues it, so a round cut short never sends one twice.
 */
export function startEventReminders(deps: AppDeps, log: { error(o: object, m: string): void }) {
  const holder = leaseHolderName();
  const job = new Cron('*/5 * * * *', { protect: true }, async () => {
    try {
      await withLease(deps.db, deps.clock, 'event-reminders', holder, 5 * 60_000, () =>
        runEventReminders(deps),
      );
    } catch (err) {
      log.error({ err }, 'event reminders failed');
    }
  });
  return { stop: () => job.stop() };
}
