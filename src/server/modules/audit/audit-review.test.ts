import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';

describe.each(testDialects)('audit review on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const base = {
      actorUserId: null,
      outcome: 'success',
      targetType: 'prospect',
      regionId: t.demoRegionId,
      municipalityCode: '3427',
      ip: '10.0.0.1',
      details: null,
    };
    await t.deps.db
      .insertInto('auditLog')
      .values([
        {
          ...base,
          at: '2026-11-20T10:00:00.000Z',
          actorLabel: 'a@example.no',
          action: 'referral.prospect_read',
          targetId: 'p-1',
        },
        {
          ...base,
          at: '2026-11-21T10:00:00.000Z',
          actorLabel: '=cmd|calc',
          action: 'referral.prospect_read',
          targetId: 'p-2',
        },
        {
          ...base,
          at: '2026-11-22T10:00:00.000Z',
          actorLabel: 'b@example.no',
          action: 'referral.prospect_erased',
          targetId: 'p-1',
        },
      ])
      .execute();
  });
  afterAll(async () => t?.close());

  it('filters by person (the record), action and period, and exports what the filter shows', async () => {
    const page = await leader.request({
      url: '/api/audit?targetId=p-1&from=2026-11-20&to=2026-11-21',
    });
    expect(page.json().entries.map((e: { action: string }) => e.action)).toEqual([
      'referral.prospect_read',
    ]);

    const csv = await leader.request({ url: '/api/audit/export.csv?action=referral.prospect' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('at;actor;action;outcome;target_type;target_id;municipality;ip;details');
    expect(lines).toHaveLength(4);
    // A cell that a spreadsheet would run as a formula is neutralised.
    expect(csv.body).toContain("'=cmd|calc");
    const exported = await t.deps.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'audit.exported')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(exported.details!)).toMatchObject({ returned: 3 });
  });
});
