import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/database.js';
import { type NavFeedServer, startNavFeedServer } from '../../../test/support/nav-feed-server.js';
import {
  jobsScheduleEnabled,
  jobsSyncMinutes,
  runJobsSync,
  startJobsSchedule,
} from './jobs-sync.js';
import { withLease } from './lease.js';

describe('job feed schedule switch', () => {
  it('is off in tests and development unless asked for, on in production, every 10 minutes', () => {
    expect(jobsScheduleEnabled('test', {})).toBe(false);
    expect(jobsScheduleEnabled('development', {})).toBe(false);
    expect(jobsScheduleEnabled('development', { FLYTTHIT_NAV_FEED_URL: 'http://nav.test' })).toBe(
      true,
    );
    expect(jobsScheduleEnabled('production', {})).toBe(true);
    expect(jobsScheduleEnabled('production', { FLYTTHIT_JOBS_SCHEDULE: 'off' })).toBe(false);
    expect(jobsSyncMinutes({})).toBe(10);
    expect(jobsSyncMinutes({ FLYTTHIT_JOBS_SYNC_MINUTES: '5' })).toBe(5);
    expect(jobsSyncMinutes({ FLYTTHIT_JOBS_SYNC_MINUTES: 'often' })).toBe(10);
  });
});

describe.each(testDialects)('job feed sync job on %s', (dialect) => {
  let t: TestApp;
  let feed: NavFeedServer;
  const logged: string[] = [];
  const log = {
    info: (_o: object, m: string) => void logged.push(`info ${m}`),
    warn: (_o: object, m: string) => void logged.push(`warn ${m}`),
    error: (_o: object, m: string) => void logged.push(`error ${m}`),
  };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    feed = await startNavFeedServer();
  });
  afterAll(async () => {
    await feed?.close();
    await t?.close();
  });

  it('runs under a lease, and logs the names it could not map once per run', async () => {
    feed.addAd({ locations: [{ municipal: 'TYNSET', county: 'INNLANDET', postalCode: '2500' }] });
    feed.addAd({
      locations: [{ municipal: 'FJELLHEIMEN', county: 'INNLANDET', postalCode: '2580' }],
    });
    const busy = await withLease(t.deps.db, t.clock, 'jobs-sync', 'other-process', 60_000, () =>
      runJobsSync(t.deps, log, { baseUrl: feed.url }),
    );
    expect(busy).toEqual({ acquired: true, result: { acquired: false } });
    const outcome = await runJobsSync(t.deps, log, { baseUrl: feed.url });
    expect(outcome.acquired && outcome.result.kept).toBe(1);
    expect(logged.filter((l) => l.startsWith('warn'))).toEqual([
      'warn job feed: 1 work location(s) had a municipality name that could not be mapped',
    ]);
  });

  it('schedules itself every 10 minutes and stops when asked', () => {
    const schedule = startJobsSchedule(t.deps, log, { baseUrl: feed.url });
    try {
      const next = schedule.job.nextRun();
      expect(next && next.getMinutes() % 10).toBe(0);
    } finally {
      schedule.stop();
    }
    expect(schedule.job.nextRun()).toBeNull();
  });
});
