import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { pageBoxes, pdfText } from '../../../../test/support/pdf.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import { createTestRegion } from '../../../../test/support/regions.js';

describe.each(testDialects)('call sheets and the callable list on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let host3427: TestSession;
  let host3428: TestSession;
  let campaignId: string;

  const tip = async (name: string, phone: string, municipalityCode: string, extra = {}) => {
    const res = await postTip(
      t,
      campaignId,
      sampleTip({
        person: { name, phone, addressLine: `${name}vegen 1`, municipalityCode },
        ...extra,
      }),
    );
    if (res.statusCode !== 201) throw new Error(`tip: ${res.statusCode} ${res.body}`);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host3427 = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] }),
    );
    host3428 = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
    campaignId = (await createOpenCampaign(leader)).id;
    await tip('Åse Ødegård', '91000001', '3427', { tipper: { name: 'Kari Tipsar Hansen' } });
    await tip('Bjørn Berg', '91000002', '3427', {
      tipper: { name: 'Hemmelig Tipsar' },
      tipperMayBeNamed: false,
    });
    await tip('Lukket Person', '91000003', '3427');
    await tip('Alvdal Person', '91000004', '3428');
    const batch = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/postcard-batches`,
    });
    const sent = await leader.request({
      method: 'POST',
      url: `/api/postcard-batches/${batch.json().id}/sent`,
    });
    expect(sent.statusCode).toBe(200);
    // Tipped after the cards went out: no privacy notice yet, so nobody may call them.
    await tip('Uten Kort', '91000005', '3427');
    // Reached already: calling them is closed.
    await t.deps.db
      .updateTable('prospects')
      .set({ callingClosedAt: t.clock.now().toISOString() })
      .where('name', '=', 'Lukket Person')
      .execute();
  });
  afterAll(async () => t?.close());

  const sheet = (as: TestSession, municipality?: string, id = campaignId) =>
    as.request({
      url: `/api/campaigns/${id}/call-sheets.pdf${municipality ? `?municipality=${municipality}` : ''}`,
    });

  it("prints one municipality's callable prospects as a real A4 PDF, tippers by first name where allowed", async () => {
    const res = await sheet(leader, '3427');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [x0, y0, x1, y1] = pageBoxes(pdf)[0]!;
    expect([x0, y0]).toEqual([0, 0]);
    expect(x1).toBeCloseTo((210 / 25.4) * 72, 1);
    expect(y1).toBeCloseTo((297 / 25.4) * 72, 1);
    const text = pdfText(pdf);
    expect(text).toContain('Åse Ødegård');
    expect(text).toContain('Bjørn Berg');
    expect(text).toContain('910 00 001');
    expect(text).toContain('Tipset av: Kari');
    expect(text).toContain('Ikke interessert');
    expect(text).toContain('Reservasjon');
    expect(text).toContain('Tynset');
    for (const absent of ['Alvdal Person', 'Uten Kort', 'Lukket Person', 'Hemmelig', 'Hansen']) {
      expect(text).not.toContain(absent);
    }
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'calling.call_sheet_exported')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ municipalityCode: '3427', targetId: campaignId });
    expect(JSON.parse(audit[0]!.details ?? '{}')).toMatchObject({ format: 'pdf', prospects: 2 });
  });

  it('prints in the reader’s language', async () => {
    const res = await leader.request({
      url: `/api/campaigns/${campaignId}/call-sheets.pdf?municipality=3427`,
      headers: { cookie: `${leader.cookie}; lang=en` },
    });
    expect(res.statusCode).toBe(200);
    expect(pdfText(res.rawPayload)).toContain('Not interested');
  });

  it('lets a host print their own municipality only; another answers 404 like a missing one', async () => {
    expect((await sheet(host3427, '3427')).statusCode).toBe(200);
    const other = await sheet(host3428, '3427');
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/json');
    const own = await sheet(host3428, '3428');
    expect(own.statusCode).toBe(200);
    const text = pdfText(own.rawPayload);
    expect(text).toContain('Alvdal Person');
    expect(text).not.toContain('Åse Ødegård');
  });

  it('refuses a municipality outside the region (404), a missing one (400) and a foreign campaign (404)', async () => {
    expect((await sheet(leader, '0301')).statusCode).toBe(404);
    const missing = await sheet(leader);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      { field: 'municipality', message: expect.any(String) },
    ]);
    expect((await sheet(leader, '34')).statusCode).toBe(400);
    const otherRegion = await createTestRegion(t);
    const stranger = await signIn(
      t,
      await createTestUser(t, { role: 'programme_leader', regionId: otherRegion }),
    );
    expect((await sheet(stranger, '3427')).statusCode).toBe(404);
  });

  it('lists the callable prospects of a municipality as JSON, sorted by name, audited', async () => {
    const res = await host3427.request({
      url: `/api/campaigns/${campaignId}/callable?municipality=3427`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      municipalityCode: string;
      prospects: Array<{ name: string; tippedBy: string[]; tipCount: number; phone: string }>;
    };
    expect(body.municipalityCode).toBe('3427');
    expect(body.prospects.map((p) => p.name)).toEqual(['Bjørn Berg', 'Åse Ødegård']);
    expect(body.prospects[0]).toMatchObject({ tippedBy: [], tipCount: 1, phone: '+4791000002' });
    expect(body.prospects[1]).toMatchObject({ tippedBy: ['Kari'], tipCount: 1 });
    expect(
      (
        await host3428.request({
          url: `/api/campaigns/${campaignId}/callable?municipality=3427`,
        })
      ).statusCode,
    ).toBe(404);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'calling.callable_listed')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});
