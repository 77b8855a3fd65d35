import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import { runHousekeeping } from '../../jobs/housekeeping.js';

describe.each(testDialects)('referral retention on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  const prospectsOf = (campaignId: string) =>
    t.deps.db
      .selectFrom('prospects')
      .select(['id', 'name', 'movedInOn'])
      .where('campaignId', '=', campaignId)
      .orderBy('name')
      .execute();
  const tipsOf = (campaignId: string) =>
    t.deps.db
      .selectFrom('tips')
      .select(['tipperName', 'tipperEmail', 'personName'])
      .where('campaignId', '=', campaignId)
      .execute();

  it('erases people and tippers 12 months after the campaign ends, the moved-in after 24', async () => {
    const campaign = await createOpenCampaign(leader, {
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      callingDays: ['2026-03-10'],
    });
    const recent = await createOpenCampaign(leader);
    await postTip(t, campaign.id, sampleTip());
    await postTip(
      t,
      campaign.id,
      sampleTip({ person: { name: 'Per Flytter', phone: '913 00 111' } }),
    );
    await postTip(t, recent.id, sampleTip());
    // Both were reached on the calling day: the privacy purge's shorter rule for people never
    // reached (6 months after the calling day) does not apply to them.
    await t.deps.db
      .updateTable('prospects')
      .set({ reachedAt: '2026-03-10T12:00:00.000Z' })
      .where('campaignId', '=', campaign.id)
      .execute();
    const per = (await prospectsOf(campaign.id)).find((p) => p.name === 'Per Flytter');
    await t.deps.db
      .updateTable('prospects')
      .set({ movedInOn: '2026-06-01' })
      .where('id', '=', per!.id)
      .execute();

    // Eleven months after the end: everything is still there.
    t.clock.set('2027-02-28T12:00:00Z');
    await runHousekeeping(t.deps);
    expect(await prospectsOf(campaign.id)).toHaveLength(2);

    // Twelve months and a day: Kari goes, Per (moved here) stays; tippers are erased.
    t.clock.set('2027-04-01T12:00:00Z');
    await runHousekeeping(t.deps);
    expect((await prospectsOf(campaign.id)).map((p) => p.name)).toEqual(['Per Flytter']);
    const tips = await tipsOf(campaign.id);
    expect(tips).toHaveLength(2);
    expect(tips.every((tip) => tip.tipperName === '' && tip.tipperEmail === null)).toBe(true);
    expect(tips.filter((tip) => tip.personName === null)).toHaveLength(1);
    // The recent campaign is untouched.
    expect(await prospectsOf(recent.id)).toHaveLength(1);
    expect((await tipsOf(recent.id))[0]!.tipperName).toBe('Ola Tipsar');

    // Twenty-four months after the end, the person who moved here goes too.
    t.clock.set('2028-04-01T12:00:00Z');
    await runHousekeeping(t.deps);
    expect(await prospectsOf(campaign.id)).toEqual([]);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('action', '=', 'referral.retention_purged')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.details).not.toContain('Kari');
  });
});
