import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe.each(testDialects)('opting out on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  const optOut = (fields: Record<string, string>, path = '/reservasjon') =>
    t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form(fields),
    });

  const prospectsOf = async (campaignId: string) =>
    (await leader.request({ url: `/api/campaigns/${campaignId}/prospects` })).json()
      .prospects as Array<{
      id: string;
      name: string;
    }>;

  const codeOf = async (prospectId: string) =>
    (
      await t.deps.db
        .selectFrom('prospects')
        .select('optOutCode')
        .where('id', '=', prospectId)
        .executeTakeFirstOrThrow()
    ).optOutCode;

  it('erases the person by postcard code at once, keeps only hashes, and drops a later tip silently', async () => {
    const campaign = await createOpenCampaign(leader);
    await postTip(t, campaign.id, sampleTip());
    const [prospect] = await prospectsOf(campaign.id);
    const batch = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/postcard-batches`,
    });
    expect(batch.json().cardCount).toBe(1);
    const code = await codeOf(prospect!.id);

    const res = await optOut({ code: code.toLowerCase().replace('-', ' ') });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Du er reservert');
    expect(await prospectsOf(campaign.id)).toEqual([]);
    const tip = await t.deps.db
      .selectFrom('tips')
      .selectAll()
      .where('campaignId', '=', campaign.id)
      .executeTakeFirstOrThrow();
    expect(tip).toMatchObject({
      personName: null,
      personPhone: null,
      personAddressLine: null,
      personReason: null,
    });
    expect(tip.erasedAt).not.toBeNull();
    // The unprinted postcard is gone from its batch.
    const batches = await leader.request({ url: `/api/campaigns/${campaign.id}/postcard-batches` });
    expect(batches.json().batches[0].cardCount).toBe(0);
    const kinds = (await t.deps.db.selectFrom('suppressions').select('kind').execute()).map(
      (r) => r.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['phone', 'name_address']));
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'referral.opt_out')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/Kari|Nordmann|91234567|Storgata/);

    // A new tip about her, by phone or by name and address, is answered as usual and dropped.
    const again = await postTip(t, campaign.id, sampleTip({ tipper: { name: 'Someone Else' } }));
    const byAddress = await postTip(
      t,
      campaign.id,
      sampleTip({ person: { phone: undefined, name: 'kari nordmann' } }),
    );
    expect([again.statusCode, byAddress.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual({ status: 'received' });
    expect(await prospectsOf(campaign.id)).toEqual([]);
    const tips = await t.deps.db
      .selectFrom('tips')
      .select('id')
      .where('campaignId', '=', campaign.id)
      .execute();
    expect(tips).toHaveLength(1);
  });

  it('erases by phone number everywhere, in any way of writing it', async () => {
    const first = await createOpenCampaign(leader);
    const second = await createOpenCampaign(leader);
    const person = {
      name: 'Per Persen',
      phone: '41 50 60 70',
      addressLine: 'Bakken 1',
      postcode: '2560',
    };
    await postTip(t, first.id, sampleTip({ person }));
    await postTip(t, second.id, sampleTip({ person: { ...person, phone: '+4741506070' } }));
    const res = await optOut({ code: '', phone: '004741506070' }, '/en/reservasjon');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('You have opted out');
    expect(await prospectsOf(first.id)).toEqual([]);
    expect(await prospectsOf(second.id)).toEqual([]);
  });

  it('answers an unknown code exactly like a known one', async () => {
    const campaign = await createOpenCampaign(leader);
    await postTip(t, campaign.id, sampleTip({ person: { name: 'Ola Kjent', phone: '45454545' } }));
    const [prospect] = await prospectsOf(campaign.id);
    const known = await optOut({ code: await codeOf(prospect!.id) });
    const unknown = await optOut({ code: 'ZZZZ-9999' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
  });

  it('says what is wrong with a malformed code or phone, naming the field, without a 500', async () => {
    const empty = await optOut({ code: '', phone: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#opt-out-code"');
    const badPhone = await optOut({ phone: '12' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.body).toContain('Telefonnummeret ditt er ikke et gyldig telefonnummer');
    const short = await t.app.inject({ url: '/R/ABCD-EF23' });
    expect(short.statusCode).toBe(302);
    expect(short.headers.location).toBe('/reservasjon?kode=ABCD-EF23');
    const page = await t.app.inject({
      url: '/nn/reservasjon?kode=ABCD-EF23',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="ABCD-EF23"');
    expect(page.body).toMatch(/<label[^>]*for="opt-out-code"/);
  });
});
