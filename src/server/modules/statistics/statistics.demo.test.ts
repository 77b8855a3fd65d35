import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import { seedSnapshotIfEmpty } from './statistics.demo.js';
import { listImports } from './statistics.import.js';
import { getQuarterSummary } from './statistics.service.js';

describe.each(testDialects)('shipped SSB snapshot on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('loads the real 2015K1 snapshot into an empty table once, inside the demo transaction', async () => {
    const seed = () => t.deps.db.transaction().execute((trx) => seedSnapshotIfEmpty(trx, t.clock));
    expect(await seed()).toBe(true);
    expect(await seed()).toBe(false);
    const imports = await listImports(t.deps.db, '01222');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      source: 'file:dataset1108_2015K1_jsonstat1.json',
      cellCount: 4730,
    });
    const s = await getQuarterSummary(t.deps.db, 'fjellregionen', undefined, 'nb');
    expect(s.quarter).toBe('2015K1');
    expect(s.figures.popEnd.value).toBe(20696);
  });
});
