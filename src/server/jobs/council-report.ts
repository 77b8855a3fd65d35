import { Cron } from 'croner';
import type { AppDeps } from '../deps.js';
import { sendQuarterlyReports } from '../modules/reports/reports.quarterly.js';
import { leaseHolderName, withLease } from './lease.js';

export const COUNCIL_REPORT_LEASE = 'council-report';

/** Making a year's report takes about a second; the lease leaves room for many regions. */
const LEASE_MS = 15 * 60_000;

/** One round: the last quarter's council report to each region's leaders, once (a lease). */
export function runCouncilReportRound(
  deps: AppDeps,
  holder = leaseHolderName(),
  onError?: (regionId: string, error: unknown) => void,
) {
  return withLease(deps.db, deps.clock, COUNCIL_REPORT_LEASE, holder, LEASE_MS, () =>
    sendQuarterlyReports(deps.db, deps.clock, { publicUrl: deps.config.publicUrl, onError }),
  );
}

export const COUNCIL_REPORT_SCHEDULE = '0 7 * * *';
export const COUNCIL_REPORT_TIMEZONE = 'Europe/Oslo';

/**
 * Daily at 07:00 Oslo time: the first morning after a quarter ends sends its report; later
 * mornings find it sent and do nothing (a server that was down on the 1st sends on the 2nd).
 */
export function startCouncilReportSchedule(
  deps: AppDeps,
  log: { error(o: object, m: string): void },
) {
  const holder = leaseHolderName();
  const job = new Cron(
    COUNCIL_REPORT_SCHEDULE,
    { protect: true, timezone: COUNCIL_REPORT_TIMEZONE },
    async () => {
      try {
        // A region whose report cannot be made is logged and tried again tomorrow.
        await runCouncilReportRound(deps, holder, (regionId, err) =>
          log.error({ err, regionId }, 'council report could not be made'),
        );
      } catch (err) {
        log.error({ err }, 'council report round failed');
      }
    },
  );
  return { job, stop: () => job.stop() };
}
