import { Cron } from 'croner';
import type { AppDeps } from '../deps.js';
import { ensureMunicipalityRegister } from '../modules/regions/regions.service.js';
import { importIfUpdated, type UpdateCheck } from '../modules/statistics/statistics.fetch.js';
import { PxWebClient } from '../modules/statistics/statistics.pxweb.js';
import { type LeaseOutcome, leaseHolderName, withLease } from './lease.js';

export const STATISTICS_UPDATE_JOB = 'statistics-update';

/** A full 01222 fetch is a few calls and a few seconds; the lease covers slow days too. */
const LEASE_MS = 30 * 60_000;

export interface StatisticsUpdateOptions {
  client?: PxWebClient;
  tableId?: string;
  holder?: string;
}

/**
 * The scheduled job: asks SSB when table 01222 was last updated and imports it when that is
 * newer than what we have. SSB publishes 01222 once a quarter, so a daily run is plenty; one
 * process at a time (lease), since several may share a PostgreSQL database.
 */
export async function runStatisticsUpdate(
  deps: AppDeps,
  options: StatisticsUpdateOptions = {},
): Promise<LeaseOutcome<UpdateCheck>> {
  const client =
    options.client ?? new PxWebClient({ baseUrl: process.env.FLYTTHIT_SSB_API_URL || undefined });
  return withLease(
    deps.db,
    deps.clock,
    STATISTICS_UPDATE_JOB,
    options.holder ?? leaseHolderName(),
    LEASE_MS,
    async () => {
      await ensureMunicipalityRegister(deps.db);
      return importIfUpdated(deps.db, deps.clock, client, options.tableId ?? '01222');
    },
  );
}

/** When SSB publishes is not when we look: early morning Oslo time, before the office opens. */
export const STATISTICS_SCHEDULE = '15 6 * * *';
export const STATISTICS_TIMEZONE = 'Europe/Oslo';

/**
 * Whether this process checks SSB daily. `FLYTTHIT_SSB_SCHEDULE=on|off` decides when set;
 * otherwise an explicit `FLYTTHIT_SSB_API_URL` or production turns it on. Development stays
 * off by default, as a laptop or CI box often has no way out to the internet.
 */
export function statisticsScheduleEnabled(
  env: 'development' | 'test' | 'production',
  vars: NodeJS.ProcessEnv = process.env,
): boolean {
  const flag = vars.FLYTTHIT_SSB_SCHEDULE?.trim().toLowerCase();
  if (flag === 'on' || flag === '1' || flag === 'true') return true;
  if (flag === 'off' || flag === '0' || flag === 'false') return false;
  return Boolean(vars.FLYTTHIT_SSB_API_URL) || env === 'production';
}

/** The daily check as a croner job; `protect` keeps a slow import from overlapping the next. */
export function startStatisticsSchedule(
  deps: AppDeps,
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
  options: StatisticsUpdateOptions = {},
) {
  const job = new Cron(
    STATISTICS_SCHEDULE,
    { protect: true, timezone: STATISTICS_TIMEZONE },
    async () => {
      try {
        const outcome = await runStatisticsUpdate(deps, options);
        log.info({ outcome }, 'statistics update checked');
      } catch (err) {
        log.error({ err }, 'statistics update failed');
      }
    },
  );
  return { job, stop: () => job.stop() };
}
