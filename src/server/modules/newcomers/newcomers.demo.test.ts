import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { recreateDemo } from '../demo.js';

/** The demo region's invented newcomers: shown as demo data, with something to do. */
describe.each(testDialects)('newcomer demo data on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('seeds households, checklists and a waiting proposal, the same when run twice', async () => {
    await recreateDemo(t.deps.db, t.clock);
    const { regionId } = await recreateDemo(t.deps.db, t.clock);
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader', regionId }));
    const list = (await leader.request({ url: '/api/newcomers?status=all' })).json().newcomers;
    expect(list).toHaveLength(5);
    expect(list.every((n: { isDemo: boolean }) => n.isDemo)).toBe(true);
    const matches = (await leader.request({ url: '/api/newcomer-matches' })).json().matches;
    expect(matches.length).toBeGreaterThanOrEqual(1);
    const report = (await leader.request({ url: '/api/newcomer-retention' })).json();
    expect(report.total).toMatchObject({ cohort12: 3, living12: 3, cohort24: 2, living24: 1 });
    const mail = await t.deps.db
      .selectFrom('outbox')
      .select('id')
      .where('purpose', 'like', 'newcomers.%')
      .execute();
    expect(mail).toEqual([]);
  });
});
