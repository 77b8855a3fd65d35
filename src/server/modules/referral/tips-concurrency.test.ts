import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';

describe.each(testDialects)('simultaneous tips and the tipper’s wish on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  it('merges 20 simultaneous first tips about one person into one prospect with 20 tips', async () => {
    // A tip elsewhere first: making the installation's salt would serialise the race itself.
    const warmUp = await createOpenCampaign(leader);
    await postTip(t, warmUp.id, sampleTip({ person: { name: 'Oppvarming' } }));
    const campaign = await createOpenCampaign(leader);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postTip(t, campaign.id, sampleTip({ tipper: { name: `Tipsar ${i}` } }), {
          'idempotency-key': `race-${campaign.id}-${i}`,
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const res = await leader.request({ url: `/api/campaigns/${campaign.id}/prospects` });
    const prospects = res.json().prospects as Array<{ name: string; tipCount: number }>;
    expect(prospects).toHaveLength(1);
    expect(prospects[0]).toMatchObject({ name: 'Kari Nordmann', tipCount: 20 });
    const proposals = await leader.request({ url: `/api/campaigns/${campaign.id}/duplicates` });
    expect(proposals.json().proposals).toEqual([]);
  });

  it('stores whether the tipper wants to hear how it went; no by default', async () => {
    const campaign = await createOpenCampaign(leader);
    const wish = await postTip(t, campaign.id, { ...sampleTip(), tipperWantsNews: true });
    const plain = await postTip(
      t,
      campaign.id,
      sampleTip({ person: { name: 'Per Hansen', phone: '41234567', addressLine: 'Bygata 1' } }),
    );
    expect([wish.statusCode, plain.statusCode]).toEqual([201, 201]);
    const rows = await t.deps.db
      .selectFrom('tips')
      .select(['personName', 'tipperWantsNews'])
      .where('campaignId', '=', campaign.id)
      .orderBy('personName')
      .execute();
    expect(rows).toEqual([
      { personName: 'Kari Nordmann', tipperWantsNews: 1 },
      { personName: 'Per Hansen', tipperWantsNews: 0 },
    ]);
    const bad = await postTip(t, campaign.id, { ...sampleTip(), tipperWantsNews: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'tipperWantsNews' }),
    );
    const listed = (await leader.request({ url: `/api/campaigns/${campaign.id}/prospects` })).json()
      .prospects as Array<{ id: string; name: string }>;
    const prospect = listed.find((p) => p.name === 'Kari Nordmann');
    const detail = await leader.request({ url: `/api/prospects/${prospect!.id}` });
    expect(
      detail.json().tips.map((tip: { tipperWantsNews: boolean }) => tip.tipperWantsNews),
    ).toEqual([true]);
  });
});
