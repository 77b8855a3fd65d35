import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/database.js';
import {
  STATISTICS_TIMEZONE,
  startStatisticsSchedule,
  statisticsScheduleEnabled,
} from './statistics-update.js';

describe('statistics schedule switch', () => {
  it('is off in development unless an SSB address or the flag turns it on', () => {
    expect(statisticsScheduleEnabled('development', {})).toBe(false);
    expect(statisticsScheduleEnabled('test', {})).toBe(false);
    expect(
      statisticsScheduleEnabled('development', { FLYTTHIT_SSB_API_URL: 'http://ssb.test/v2' }),
    ).toBe(true);
    expect(statisticsScheduleEnabled('development', { FLYTTHIT_SSB_SCHEDULE: 'on' })).toBe(true);
    expect(statisticsScheduleEnabled('production', {})).toBe(true);
    expect(statisticsScheduleEnabled('production', { FLYTTHIT_SSB_SCHEDULE: 'off' })).toBe(false);
  });
});

describe.each(testDialects)('statistics schedule on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('runs daily at 06:15 Oslo time and stops when asked', () => {
    const log = { info: () => undefined, error: () => undefined };
    const schedule = startStatisticsSchedule(t.deps, log);
    try {
      const next = schedule.job.nextRun();
      expect(next).not.toBeNull();
      const oslo = new Intl.DateTimeFormat('en-GB', {
        timeZone: STATISTICS_TIMEZONE,
        hour: '2-digit',
        minute: '2-digit',
      }).format(next ?? undefined);
      expect(oslo).toBe('06:15');
      expect(schedule.job.isRunning()).toBe(true);
    } finally {
      schedule.stop();
    }
    expect(schedule.job.isStopped()).toBe(true);
  });
});
