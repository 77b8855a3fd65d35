import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import { optOut } from './opt-out.service.js';

interface Listed {
  id: string;
  name: string;
  phone: string | null;
}

describe.each(testDialects)('editing a prospect on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let host3427: TestSession;
  let host3428: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host3427 = await signIn(t, await createTestUser(t, { role: 'host' }));
    host3428 = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
  });
  afterAll(async () => t?.close());

  /** A campaign with one tipped person; returns both ids. */
  async function tipped(person: Record<string, unknown> = {}) {
    const campaign = await createOpenCampaign(leader);
    expect((await postTip(t, campaign.id, sampleTip({ person }))).statusCode).toBe(201);
    const res = await leader.request({ url: `/api/campaigns/${campaign.id}/prospects` });
    const prospects = res.json().prospects as Listed[];
    return { campaignId: campaign.id, prospect: prospects[prospects.length - 1]! };
  }

  const edit = (id: string, payload: Record<string, unknown>, as = leader) =>
    as.request({ method: 'PATCH', url: `/api/prospects/${id}`, payload });

  const row = (id: string) =>
    t.deps.db.selectFrom('prospects').selectAll().where('id', '=', id).executeTakeFirst();

  it('corrects name, household, phone (to E.164) and address, recomputing keys and hashes; audited', async () => {
    const { prospect } = await tipped();
    const before = (await row(prospect.id))!;
    const res = await edit(prospect.id, {
      name: 'Kari Nordmann Bakken',
      household: 'Kari, Per og tre barn',
      phone: '+47 480 12 345',
      addressLine: 'Bakkevegen 12',
      postcode: '2500',
      city: 'Tynset',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Kari Nordmann Bakken',
      household: 'Kari, Per og tre barn',
      phone: '+4748012345',
      addressLine: 'Bakkevegen 12',
      postcode: '2500',
      city: 'Tynset',
      tipCount: 1,
    });
    const after = (await row(prospect.id))!;
    expect(after).toMatchObject({
      phoneE164: '+4748012345',
      nameKey: 'kari nordmann bakken',
      surnameKey: 'bakken',
      addressKey: 'bakkevei 12 2500',
    });
    expect(after.phoneHash).not.toBe(before.phoneHash);
    expect(after.nameAddressHash).not.toBe(before.nameAddressHash);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'referral.prospect_updated')
      .where('targetId', '=', prospect.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('puts a phone-only prospect who gets an address into the next postcard batch', async () => {
    const { campaignId, prospect } = await tipped({ addressLine: undefined, postcode: undefined });
    const batch = () =>
      leader.request({ method: 'POST', url: `/api/campaigns/${campaignId}/postcard-batches` });
    expect((await batch()).statusCode).toBe(409);
    const res = await edit(prospect.id, { addressLine: 'Storgata 9', postcode: '2500' });
    expect(res.statusCode).toBe(200);
    const made = await batch();
    expect(made.statusCode).toBe(201);
    expect(made.json().cardCount).toBe(1);
  });

  it('names each bad field, and changes nothing', async () => {
    const { prospect } = await tipped();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ phone: '123' }, 'phone'],
      [{ postcode: '25' }, 'postcode'],
      [{ municipalityCode: '0301' }, 'municipalityCode'],
      [{ municipalityCode: '34' }, 'municipalityCode'],
      [{ phone: null, addressLine: '', postcode: null }, 'phone'],
      [{ postcode: null }, 'postcode'],
      [{ name: '' }, 'name'],
      [{ optOutCode: 'ABCD-EFGH' }, 'optOutCode'],
    ];
    for (const [payload, field] of cases) {
      const res = await edit(prospect.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await row(prospect.id))!.phoneE164).toBe('+4791234567');
  });

  it('lets a host edit in their municipality only; another municipality answers 404', async () => {
    const { prospect } = await tipped();
    expect((await edit(prospect.id, { city: 'Oslo S' }, host3428)).statusCode).toBe(404);
    expect((await edit(prospect.id, { city: 'Oslo S' }, host3427)).statusCode).toBe(200);
    const moved = await edit(prospect.id, { municipalityCode: '3428' }, host3427);
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details[0].field).toBe('municipalityCode');
    // A programme leader may move the person to another municipality of the region.
    expect((await edit(prospect.id, { municipalityCode: '3428' })).statusCode).toBe(200);
    expect((await edit(prospect.id, { city: 'Oslo' }, host3427)).statusCode).toBe(404);
  });

  it('keeps opt-out right: the new phone opts out, and editing to an opted-out phone erases', async () => {
    const { prospect } = await tipped();
    await edit(prospect.id, { phone: '48012399' });
    await optOut(t.deps.db, t.clock, { method: 'phone', phone: '+47 480 12 399' }, null);
    expect(await row(prospect.id)).toBeUndefined();

    const other = await tipped({ name: 'Per Persen', phone: '41234599', addressLine: 'Veien 1' });
    const res = await edit(other.prospect.id, { phone: '480 12 399' });
    expect(res.statusCode).toBe(410);
    expect(await row(other.prospect.id)).toBeUndefined();
  });

  it('proposes a duplicate when an edit makes two prospects share a phone', async () => {
    const campaign = await createOpenCampaign(leader);
    // Not Kari Nordmann at Storgata 3: she opted out in the test above.
    await postTip(
      t,
      campaign.id,
      sampleTip({ person: { name: 'Liv Lund', phone: '91234500', addressLine: 'Lia 4' } }),
    );
    await postTip(
      t,
      campaign.id,
      sampleTip({ person: { name: 'Ola Olsen', phone: '41111111', addressLine: 'Elvegata 2' } }),
    );
    const list = (await leader.request({ url: `/api/campaigns/${campaign.id}/prospects` })).json()
      .prospects as Listed[];
    const ola = list.find((p) => p.name === 'Ola Olsen')!;
    const r = await edit(ola.id, { phone: '912 34 500' });
    expect(r.statusCode).toBe(200);
    const proposals = (
      await leader.request({ url: `/api/campaigns/${campaign.id}/duplicates` })
    ).json().proposals as Array<{ reason: string }>;
    expect(proposals.map((p) => p.reason)).toEqual(['same_contact']);
  });
});
