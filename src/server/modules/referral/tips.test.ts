import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';

interface Listed {
  id: string;
  name: string;
  tipCount: number;
  phone: string | null;
  stage: string;
}

describe.each(testDialects)('tips and prospects on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  const prospectsOf = async (campaignId: string): Promise<Listed[]> => {
    const res = await leader.request({ url: `/api/campaigns/${campaignId}/prospects` });
    expect(res.statusCode).toBe(200);
    return res.json().prospects;
  };

  it('turns a public tip into a prospect, recording source, purpose, legal basis and a 30-day deadline', async () => {
    const campaign = await createOpenCampaign(leader);
    const res = await postTip(t, campaign.id, sampleTip());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ status: 'received' });
    const [prospect] = await prospectsOf(campaign.id);
    expect(prospect).toMatchObject({ name: 'Kari Nordmann', phone: '+4791234567', tipCount: 1 });
    expect(prospect!.stage).toBe('new');
    const tip = await t.deps.db
      .selectFrom('tips')
      .selectAll()
      .where('campaignId', '=', campaign.id)
      .executeTakeFirstOrThrow();
    expect(tip).toMatchObject({
      source: 'tipper',
      purpose: 'referral_campaign_contact',
      legalBasis: 'gdpr_6_1_f_legitimate_interest',
      informBy: '2026-12-27T10:00:00.000Z',
    });
  });

  it('makes one tip of a double submit, with or without an Idempotency-Key', async () => {
    const campaign = await createOpenCampaign(leader);
    const headers = { 'idempotency-key': 'double-submit-1234' };
    const first = await postTip(t, campaign.id, sampleTip(), headers);
    const second = await postTip(t, campaign.id, sampleTip(), headers);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.body).toBe(first.body);
    const other = sampleTip({
      person: { name: 'Per Hansen', phone: '41234567', addressLine: 'Bygata 1' },
    });
    await postTip(t, campaign.id, other);
    await postTip(t, campaign.id, other);
    const tips = await t.deps.db
      .selectFrom('tips')
      .select('id')
      .where('campaignId', '=', campaign.id)
      .execute();
    expect(tips).toHaveLength(2);
  });

  it('merges certain duplicates into one prospect that keeps every tip: three people miss you', async () => {
    const campaign = await createOpenCampaign(leader);
    await postTip(t, campaign.id, sampleTip({ tipper: { name: 'Anne' } }));
    t.clock.advance(60_000);
    // Same phone written differently, and no address.
    await postTip(
      t,
      campaign.id,
      sampleTip({
        tipper: { name: 'Bjørn' },
        person: {
          name: 'Kari N.',
          phone: '+47 91 23 45 67',
          addressLine: undefined,
          postcode: undefined,
        },
      }),
    );
    t.clock.advance(60_000);
    // Same name and address, Norwegian letters and the street abbreviated, no phone.
    await postTip(
      t,
      campaign.id,
      sampleTip({
        tipper: { name: 'Ceci' },
        person: { name: 'KARI  NORDMANN', phone: undefined, addressLine: 'Storgt. 3' },
      }),
    );
    const prospects = await prospectsOf(campaign.id);
    expect(prospects).toHaveLength(1);
    expect(prospects[0]!.tipCount).toBe(3);
    const detail = await leader.request({ url: `/api/prospects/${prospects[0]!.id}` });
    expect(detail.json().tips.map((x: { tipperName: string }) => x.tipperName)).toEqual([
      'Anne',
      'Bjørn',
      'Ceci',
    ]);
  });

  it('proposes probable duplicates to staff side by side, and merges or keeps them apart', async () => {
    const campaign = await createOpenCampaign(leader);
    await postTip(
      t,
      campaign.id,
      sampleTip({ person: { phone: '91111111', addressLine: 'Fjellvegen 2', postcode: '2500' } }),
    );
    await postTip(
      t,
      campaign.id,
      sampleTip({
        person: {
          name: 'Kåre Nordmann',
          phone: '92222222',
          addressLine: 'Fjellvegen 2',
          postcode: '2500',
        },
      }),
    );
    await postTip(
      t,
      campaign.id,
      sampleTip({ person: { phone: '93333333', addressLine: 'Elvegata 9', postcode: '7374' } }),
    );
    expect(await prospectsOf(campaign.id)).toHaveLength(3);
    const list = await leader.request({ url: `/api/campaigns/${campaign.id}/duplicates` });
    const proposals = list.json().proposals as Array<{
      id: string;
      reason: string;
      a: Listed;
      b: Listed;
    }>;
    expect(proposals.map((p) => p.reason).sort()).toEqual([
      'same_name_municipality',
      'same_surname_address',
    ]);
    const byName = proposals.find((p) => p.reason === 'same_name_municipality')!;
    expect(byName.a.name).toBe('Kari Nordmann');
    expect(byName.b.name).toBe('Kari Nordmann');
    const merged = await leader.request({
      method: 'POST',
      url: `/api/duplicates/${byName.id}/merge`,
      payload: { keepId: byName.a.id },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().prospect.tipCount).toBe(2);
    const rest = (await leader.request({ url: `/api/campaigns/${campaign.id}/duplicates` })).json()
      .proposals;
    for (const p of rest as Array<{ id: string }>) {
      const kept = await leader.request({
        method: 'POST',
        url: `/api/duplicates/${p.id}/keep-apart`,
      });
      expect(kept.statusCode).toBe(200);
    }
    expect(
      (await leader.request({ url: `/api/campaigns/${campaign.id}/duplicates` })).json().proposals,
    ).toEqual([]);
    expect(await prospectsOf(campaign.id)).toHaveLength(2);
  });

  it('refuses a tip with neither phone nor address, naming the field, and names every bad field', async () => {
    const campaign = await createOpenCampaign(leader);
    const none = await postTip(
      t,
      campaign.id,
      sampleTip({ person: { phone: undefined, addressLine: undefined, postcode: undefined } }),
    );
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toEqual([
      { field: 'person.phone', message: "Give the person's phone number or postal address" },
    ]);
    const bad = await postTip(t, campaign.id, {
      ...sampleTip({ tipper: { email: 'nope' } }),
      extra: 1,
      welcomeConfirmed: false,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['tipper.email', 'welcomeConfirmed', 'extra']));
  });

  it('answers 404 for a draft or unknown campaign and 410 for a closed one', async () => {
    const draft = await createOpenCampaign(leader, { status: 'draft' });
    expect((await postTip(t, draft.id, sampleTip())).statusCode).toBe(404);
    expect((await postTip(t, '00000000-0000-4000-8000-000000000000', sampleTip())).statusCode).toBe(
      404,
    );
    const closed = await createOpenCampaign(leader, { status: 'closed' });
    expect((await postTip(t, closed.id, sampleTip())).statusCode).toBe(410);
  });

  it("shows a host only their municipalities' prospects; another municipality's answers 404", async () => {
    const campaign = await createOpenCampaign(leader);
    await postTip(
      t,
      campaign.id,
      sampleTip({ person: { municipalityCode: '5025', name: 'Røros Person' } }),
    );
    await postTip(
      t,
      campaign.id,
      sampleTip({ person: { municipalityCode: '3427', name: 'Tynset Person', phone: '48000000' } }),
    );
    const host = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] }),
    );
    const mine = await host.request({ url: `/api/campaigns/${campaign.id}/prospects` });
    expect(mine.json().prospects.map((p: Listed) => p.name)).toEqual(['Tynset Person']);
    const all = await prospectsOf(campaign.id);
    const roros = all.find((p) => p.name === 'Røros Person')!;
    expect((await host.request({ url: `/api/prospects/${roros.id}` })).statusCode).toBe(404);
    expect(
      (await host.request({ method: 'DELETE', url: `/api/prospects/${roros.id}` })).statusCode,
    ).toBe(404);
    const reads = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'referral.prospect%')
      .execute();
    expect(reads.map((r) => r.action)).toContain('referral.prospects_read');
  });
});
