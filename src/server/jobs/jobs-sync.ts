import { Cron } from 'croner';
import type { AppDeps } from '../deps.js';
import { type SyncOptions, type SyncResult, syncJobFeed } from '../modules/jobs/jobs.service.js';
import { type LeaseOutcome, leaseHolderName, withLease } from './lease.js';

export const JOBS_SYNC_JOB = 'jobs-sync';

/** A run stops between pages after this long, so it never overlaps the next one. */
const RUN_BUDGET_MS = 8 * 60_000;
/** Longer than a run's budget plus its last page, so a live run keeps the lease. */
const LEASE_MS = 15 * 60_000;

export interface JobsSyncLog {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

/**
 * The scheduled feed sync: one process at a time (lease), within a time budget; the next run
 * goes on from the cursor. Names that could not be mapped are logged once per run, with counts.
 */
export async function runJobsSync(
  deps: AppDeps,
  log: JobsSyncLog,
  options: SyncOptions & { holder?: string } = {},
): Promise<LeaseOutcome<SyncResult>> {
  const { holder, ...sync } = options;
  const outcome = await withLease(
    deps.db,
    deps.clock,
    JOBS_SYNC_JOB,
    holder ?? leaseHolderName(),
    LEASE_MS,
    () =>
      syncJobFeed(deps.db, deps.clock, {
        deadline: new Date(deps.clock.now().getTime() + RUN_BUDGET_MS),
        ...sync,
      }),
  );
  if (outcome.acquired) {
    const r = outcome.result;
    if (r.unmappedNames.length > 0) {
      log.warn(
        { unmapped: r.unmappedNames.slice(0, 50) },
        `job feed: ${r.unmapped} work location(s) had a municipality name that could not be mapped`,
      );
    }
    log.info(
      { pages: r.pages, kept: r.kept, deleted: r.deleted, upToDate: r.upToDate },
      'job feed synced',
    );
  }
  return outcome;
}

/** Minutes between runs: FLYTTHIT_JOBS_SYNC_MINUTES (1–60), default 10. */
export function jobsSyncMinutes(vars: NodeJS.ProcessEnv = process.env): number {
  const n = Number(vars.FLYTTHIT_JOBS_SYNC_MINUTES ?? 10);
  return Number.isInteger(n) && n >= 1 && n <= 60 ? n : 10;
}

/**
 * Whether this process reads NAV's feed on a schedule. `FLYTTHIT_JOBS_SCHEDULE=on|off` decides
 * when set; otherwise an explicit FLYTTHIT_NAV_FEED_URL or production turns it on. Tests and
 * development stay off (no way out to the internet, and no surprise traffic to NAV).
 */
export function jobsScheduleEnabled(
  env: 'development' | 'test' | 'production',
  vars: NodeJS.ProcessEnv = process.env,
): boolean {
  const flag = vars.FLYTTHIT_JOBS_SCHEDULE?.trim().toLowerCase();
  if (flag === 'on' || flag === '1' || flag === 'true') return true;
  if (flag === 'off' || flag === '0' || flag === 'false') return false;
  if (env === 'test') return false;
  return Boolean(vars.FLYTTHIT_NAV_FEED_URL) || env === 'production';
}

/** Every few minutes as a croner job; `protect` keeps a slow run from overlapping the next. */
export function startJobsSchedule(deps: AppDeps, log: JobsSyncLog, options: SyncOptions = {}) {
  const job = new Cron(`*/${jobsSyncMinutes()} * * * *`, { protect: true }, async () => {
    try {
      await runJobsSync(deps, log, options);
    } catch (err) {
      log.error({ err }, 'job feed sync failed');
    }
  });
  return { job, stop: () => job.stop() };
}
