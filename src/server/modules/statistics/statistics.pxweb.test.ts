import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import { type FakeSsb, startFakeSsb } from '../../../../test/support/ssb-server.js';
import { runStatisticsUpdate } from '../../jobs/statistics-update.js';
import { importFromSsb } from './statistics.fetch.js';
import { listImports } from './statistics.import.js';
import { PxWebClient } from './statistics.pxweb.js';
import { getQuarterSummary } from './statistics.service.js';

describe.each(testDialects)('PxWebApi v2 import on %s', (dialect) => {
  let t: TestApp;
  let ssb: FakeSsb;
  // A virtual clock: the client "waits" by moving it, so no test waits for real.
  let virtual = 0;
  const waits: number[] = [];
  const client = () =>
    new PxWebClient({
      baseUrl: ssb.url,
      now: () => virtual,
      sleep: async (ms) => {
        waits.push(ms);
        virtual += ms;
      },
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // 77 cells per call (7 municipalities × 11 contents × 1 quarter), 2 calls per minute.
    ssb = await startFakeSsb({ now: () => virtual, maxDataCells: 77, maxCalls: 2 });
  });
  beforeEach(() => {
    waits.length = 0;
    ssb.calls.length = 0;
  });
  afterAll(async () => {
    await ssb?.close();
    await t?.close();
  });

  it("fetches SSB's summed series (agg_KommSummer) within the cell and call limits", async () => {
    const steps: string[] = [];
    const result = await importFromSsb(
      t.deps.db,
      t.clock,
      client(),
      '01222',
      { municipalities: ['3424', '3426', '3427', '3428', '3429', '3430', '5025'] },
      (p) => p.fetch && steps.push(`${p.fetch.call}/${p.fetch.calls}`),
    );
    expect(steps).toEqual(['1/3', '2/3', '3/3']);
    expect(ssb.rejected).toBe(0);
    expect(waits.length).toBeGreaterThan(0);
    const data = ssb.calls.filter((c) => c.startsWith('/tables/01222/data'));
    expect(data).toHaveLength(3);
    expect(data[0]).toContain('codelist%5BRegion%5D=agg_KommSummer');
    expect(data[0]).toContain('valueCodes%5BRegion%5D=K-3424%2CK-3426');
    expect(result).toMatchObject({
      status: 'imported',
      cells: 231,
      ssbUpdated: '2015-06-03T23:04:40Z',
    });
    expect((await listImports(t.deps.db, '01222'))[0]!.source).toBe(`api:${ssb.url}/tables/01222`);

    const s = await getQuarterSummary(t.deps.db, 'fjellregionen', '2015K1', 'en');
    expect(s.figures.popStart.value).toBe(20702);
    expect(s.figures.netMigration.value).toBe(2);
    const earlier = await getQuarterSummary(t.deps.db, 'fjellregionen', '2014K4', 'en');
    expect(earlier.figures.births).toEqual({ value: null, status: '..' });
    expect(earlier.text).toBe(
      'Statistics Norway has not published complete figures for the region for Q4 2014.',
    );
  });

  it('retries after 429 and 503, waiting as told', async () => {
    ssb.failNext = 503;
    const result = await importFromSsb(t.deps.db, t.clock, client(), '01222', {});
    expect(result.cells).toBe(231);
    expect(waits).toContain(5000);
  });

  it("imports in the scheduled job only when SSB's updated stamp is newer", async () => {
    const first = await runStatisticsUpdate(t.deps, { client: client() });
    expect(first).toMatchObject({ acquired: true, result: { result: null } });
    ssb.updated = '2015-09-01T06:00:00Z';
    const second = await runStatisticsUpdate(t.deps, { client: client() });
    expect(second).toMatchObject({
      acquired: true,
      result: { ssbUpdated: '2015-09-01T06:00:00Z', result: { status: 'imported', changed: 0 } },
    });
    const provenance = await listImports(t.deps.db, '01222');
    expect(provenance[0]!.ssbUpdated).toBe('2015-09-01T06:00:00Z');
    const third = await runStatisticsUpdate(t.deps, { client: client() });
    expect(third).toMatchObject({ acquired: true, result: { result: null } });
  });
});
