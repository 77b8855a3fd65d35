import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import {
  createTestUser,
  signIn,
  type TestSession,
  type TestUser,
} from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { pageBoxes, pdfText } from '../../../../test/support/pdf.js';
import {
  createOpenCampaign,
  postTip,
  sampleTip,
  solidPng,
} from '../../../../test/support/referral.js';
import { isCallable } from './prospects.service.js';

const DAY = 86_400_000;

describe.each(testDialects)('postcards on %s', (dialect) => {
  let t: TestApp;
  let leaderUser: TestUser;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leaderUser = await createTestUser(t, { role: 'programme_leader' });
    leader = await signIn(t, leaderUser);
  });
  afterAll(async () => t?.close());

  const newBatch = (campaignId: string, as = leader) =>
    as.request({ method: 'POST', url: `/api/campaigns/${campaignId}/postcard-batches` });

  const prospects = async (campaignId: string, held = false, as = leader) =>
    (
      await as.request({ url: `/api/campaigns/${campaignId}/prospects${held ? '/held' : ''}` })
    ).json();

  it('prints a batch as a real A6 PDF with bleed, two pages a card, the address and the opt-out code', async () => {
    const campaign = await createOpenCampaign(leader);
    await postTip(t, campaign.id, sampleTip({ tipper: { name: 'Ola Tipsar' } }));
    await postTip(
      t,
      campaign.id,
      sampleTip({
        tipper: { name: 'Hemmelig Tipsar' },
        tipperMayBeNamed: false,
        person: {
          name: 'Åse Ødegård',
          phone: '98765432',
          addressLine: 'Øvre vei 7',
          postcode: '7374',
          city: 'Røros',
        },
      }),
    );
    const batch = await newBatch(campaign.id);
    expect(batch.statusCode).toBe(201);
    expect(batch.json().cardCount).toBe(2);
    const res = await leader.request({
      url: `/api/postcard-batches/${batch.json().id}/postcards.pdf`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const boxes = pageBoxes(pdf);
    expect(boxes).toHaveLength(4);
    // 148 × 105 mm plus 3 mm bleed each side = 154 × 111 mm, in points.
    for (const [x0, y0, x1, y1] of boxes) {
      expect([x0, y0]).toEqual([0, 0]);
      expect(x1).toBeCloseTo((154 / 25.4) * 72, 2);
      expect(y1).toBeCloseTo((111 / 25.4) * 72, 2);
    }
    const codes = await t.deps.db
      .selectFrom('prospects')
      .select(['name', 'optOutCode'])
      .where('campaignId', '=', campaign.id)
      .execute();
    const text = pdfText(pdf);
    for (const c of codes) expect(text).toContain(`Kode: ${c.optOutCode}`);
    expect(text).toContain('7374 RØROS');
    expect(text).toContain('Om personopplysningene dine');
    expect(text).toContain('Det var Ola som tipset oss om deg.');
    expect(text).not.toContain('Hemmelig');
    expect(text).toContain('DEMO');
    const exported = await t.deps.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'referral.postcards_exported')
      .execute();
    expect(exported.length).toBeGreaterThan(0);
  });

  it('gives the print shop a CSV whose cells cannot run as formulas', async () => {
    const campaign = await createOpenCampaign(leader);
    await postTip(
      t,
      campaign.id,
      sampleTip({ person: { name: "=cmd|' /C calc'!A0", addressLine: '+47 Street 1' } }),
    );
    const batch = await newBatch(campaign.id);
    const res = await leader.request({
      url: `/api/postcard-batches/${batch.json().id}/postcards.csv`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, row] = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('card;name;address;postcode;town;opt_out_code');
    expect(row).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(row).toContain(`"'+47 Street 1"`);
  });

  it('stamps every prospect when a batch is marked sent; nobody is callable before', async () => {
    const campaign = await createOpenCampaign(leader);
    await postTip(t, campaign.id, sampleTip());
    const [before] = (await prospects(campaign.id)).prospects;
    expect(before).toMatchObject({ stage: 'new', callable: false, cardedAt: null });
    const batch = (await newBatch(campaign.id)).json();
    expect((await prospects(campaign.id)).prospects[0].stage).toBe('in_batch');
    expect((await newBatch(campaign.id)).statusCode).toBe(409);
    const sent = await leader.request({
      method: 'POST',
      url: `/api/postcard-batches/${batch.id}/sent`,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().sentAt).toBe(t.clock.now().toISOString());
    const [after] = (await prospects(campaign.id)).prospects;
    expect(after).toMatchObject({
      stage: 'carded',
      callable: true,
      cardedAt: t.clock.now().toISOString(),
    });
    expect(
      (await leader.request({ method: 'POST', url: `/api/postcard-batches/${batch.id}/sent` }))
        .statusCode,
    ).toBe(409);
    expect(isCallable({ cardedAt: null }, t.clock.now())).toBe(false);
    expect(isCallable({ cardedAt: after.cardedAt }, new Date(t.clock.now().getTime() - 1000))).toBe(
      false,
    );
  });

  it('holds a prospect without a sent card 30 days after the tip out of the lists, until staff decide', async () => {
    const campaign = await createOpenCampaign(leader);
    await postTip(t, campaign.id, sampleTip());
    const start = t.clock.now().getTime();
    t.clock.set(new Date(start + 30 * DAY + 1000).toISOString());
    try {
      // A month on, the first session has long expired: sign in again.
      const later = await signIn(t, leaderUser);
      expect((await prospects(campaign.id, false, later)).prospects).toEqual([]);
      const held = await prospects(campaign.id, true, later);
      expect(held.held).toBe(true);
      expect(held.prospects).toHaveLength(1);
      expect(held.prospects[0]).toMatchObject({ stage: 'held', callable: false });
      expect((await newBatch(campaign.id, later)).statusCode).toBe(409);
      const released = await later.request({
        method: 'POST',
        url: `/api/prospects/${held.prospects[0].id}/release`,
      });
      expect(released.statusCode).toBe(200);
      expect((await newBatch(campaign.id, later)).json().cardCount).toBe(1);
    } finally {
      t.clock.set(new Date(start).toISOString());
    }
  });

  it('takes a PNG front image, refuses what is not an image with the reason, and prints it once', async () => {
    const campaign = await createOpenCampaign(leader);
    const url = `/api/campaigns/${campaign.id}/front-image`;
    const notImage = await leader.request({
      method: 'PUT',
      url,
      payload: {
        contentType: 'image/png',
        dataBase64: Buffer.from('hello, not a picture').toString('base64'),
      },
    });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error.details).toEqual([
      { field: 'dataBase64', message: 'Not a PNG or JPEG image' },
    ]);
    const png = solidPng(600, 420).toString('base64');
    const ok = await leader.request({
      method: 'PUT',
      url,
      payload: { contentType: 'image/png', dataBase64: png },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().hasFrontImage).toBe(true);
    await postTip(t, campaign.id, sampleTip());
    await postTip(
      t,
      campaign.id,
      sampleTip({ person: { name: 'Nils Nilsen', phone: '47474747', addressLine: 'Vegen 2' } }),
    );
    const batch = (await newBatch(campaign.id)).json();
    const pdf = (await leader.request({ url: `/api/postcard-batches/${batch.id}/postcards.pdf` }))
      .rawPayload;
    expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);
  });
});
