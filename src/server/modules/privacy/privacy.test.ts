import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { pdfText } from '../../../../test/support/pdf.js';
import { insertPersonRecords } from '../../../../test/support/privacy.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import { createTestRegion } from '../../../../test/support/regions.js';
import { newId } from '../../db/portable.js';
import { WITHHELD } from './access-export.js';

describe.each(testDialects)('privacy access and erasure on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let otherLeader: TestSession;
  let campaignId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const otherRegion = await createTestRegion(t);
    otherLeader = await signIn(
      t,
      await createTestUser(t, { role: 'programme_leader', regionId: otherRegion }),
    );
    campaignId = (await createOpenCampaign(leader)).id;
  });
  afterAll(async () => t?.close());

  const exportFor = (session: TestSession, lookup: Record<string, string>, extra = {}) =>
    session.request({
      method: 'POST',
      url: '/api/privacy/access-exports',
      payload: { lookup, ...extra },
    });

  it('exports everything about a tipped person, found by phone in any format, without the tipper', async () => {
    const person = { name: 'Siri Innsyn', phone: '+47 415 50 001', addressLine: 'Innsynsvegen 1' };
    expect((await postTip(t, campaignId, sampleTip({ person }))).statusCode).toBe(201);
    await insertPersonRecords(t, 'Siri Innsyn', 'Ringte, vil ha info om barnehage');

    const res = await exportFor(leader, { by: 'phone', phone: '41550001' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="access-.*\.json"/);
    const body = res.json() as {
      sections: Array<{ id: string; source: string; records: unknown[] }>;
    };
    expect(body.sections.map((s) => [s.id, s.source])).toEqual([
      ['prospects', 'residents'],
      ['tips_about', 'residents'],
      ['calls', 'calling'],
      ['follow_up_tasks', 'calling'],
      ['audit', 'system'],
    ]);
    expect(res.body).toContain('Siri Innsyn');
    expect(res.body).toContain('Ringte, vil ha info om barnehage');
    expect(res.body).toContain(WITHHELD);
    expect(res.body).not.toContain('Ola Tipsar');
    expect(res.body).not.toContain('ola.tipsar@example.no');

    const pdf = await exportFor(leader, { by: 'phone', phone: '41550001' }, { format: 'pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Siri Innsyn');
    expect(text).toContain('Holdt tilbake for å verne tipserens personvern');
    expect(text).toContain('Tipset av');
    expect(text).toContain('Tilknytning');
    expect(text).not.toContain('Ola Tipsar');

    // Audited with the method and counts only; every answer is in the request log.
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['details', 'outcome'])
      .where('action', '=', 'privacy.access_export')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit)).not.toMatch(/41550001|415 50 001|Siri/);
    const requests = (await leader.request({ url: '/api/privacy/requests' })).json() as {
      requests: Array<{ kind: string; status: string; result: Record<string, number> }>;
    };
    expect(requests.requests[0]).toMatchObject({ kind: 'access', status: 'done' });
    expect(requests.requests[0]!.result.prospects).toBe(1);
  });

  it('finds a tipper by email and by name and address a tipped person', async () => {
    await postTip(
      t,
      campaignId,
      sampleTip({
        tipper: { name: 'Tore Tipsar', email: 'Tore.Tipsar@example.no' },
        person: {
          name: 'Åse Ærlig',
          phone: '415 50 002',
          addressLine: 'Øvre gate 5',
          postcode: '2500',
        },
      }),
    );
    const tipper = await exportFor(leader, { by: 'email', email: 'tore.tipsar@example.no' });
    expect(tipper.statusCode).toBe(200);
    const sections = (
      tipper.json() as { sections: Array<{ id: string; records: Array<Record<string, unknown>> }> }
    ).sections;
    expect(sections.map((s) => s.id)).toEqual(['tips_given']);
    expect(sections[0]!.records[0]).toMatchObject({ name: 'Tore Tipsar', personName: 'Åse Ærlig' });

    const byAddress = await exportFor(leader, {
      by: 'name_address',
      name: 'ase aerlig',
      addressLine: 'Øvre gata 5',
      postcode: '2500',
    });
    expect(byAddress.statusCode).toBe(200);
    expect(byAddress.body).toContain('Åse Ærlig');
  });

  it('says only "not found" for nobody, and for someone of another region', async () => {
    const nobody = await exportFor(leader, { by: 'phone', phone: '415 99 999' });
    const elsewhere = await exportFor(otherLeader, { by: 'phone', phone: '41550002' });
    expect(nobody.statusCode).toBe(404);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toEqual(nobody.json());
    const bad = await exportFor(leader, { by: 'phone', phone: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { field: 'lookup.phone', message: 'Not a phone number' },
    ]);
  });

  it('erases a person everywhere, keeps the hash, and a new tip about them is dropped', async () => {
    const person = { name: 'Erik Slett', phone: '415 50 003', addressLine: 'Slettevegen 9' };
    await postTip(t, campaignId, sampleTip({ person }));
    await insertPersonRecords(t, 'Erik Slett', 'Erik sa: ring i mai');
    const logged = await leader.request({
      method: 'POST',
      url: '/api/privacy/requests',
      payload: { kind: 'erasure', reference: '2026/117' },
    });
    const requestId = (logged.json() as { id: string }).id;

    const res = await leader.request({
      method: 'POST',
      url: '/api/privacy/erasures',
      payload: { lookup: { by: 'phone', phone: '41550003' }, requestId },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toMatchObject({
      prospects: 1,
      tipsAbout: 1,
      calls: 1,
      followUpTasks: 1,
    });
    expect(res.json().counts.suppressions).toBeGreaterThanOrEqual(1);

    const db = t.deps.db;
    expect(
      await db.selectFrom('prospects').where('name', '=', 'Erik Slett').selectAll().execute(),
    ).toEqual([]);
    const calls = await db.selectFrom('calls').select(['notes', 'prospectId']).execute();
    expect(calls.some((c) => c.notes?.includes('Erik'))).toBe(false);
    const tips = await db.selectFrom('tips').select('personName').execute();
    expect(tips.some((tip) => tip.personName === 'Erik Slett')).toBe(false);
    const audit = await db
      .selectFrom('auditLog')
      .select(['details'])
      .where('action', '=', 'privacy.erasure')
      .execute();
    expect(JSON.stringify(audit)).not.toMatch(/Erik|41550003|Slettevegen/);
    const request = (await leader.request({ url: '/api/privacy/requests' })).json() as {
      requests: Array<{ id: string; status: string; reference: string | null }>;
    };
    expect(request.requests.find((r) => r.id === requestId)).toMatchObject({
      status: 'done',
      reference: '2026/117',
    });

    // A new tip about them is dropped silently: the tipper sees the ordinary thank-you.
    expect((await postTip(t, campaignId, sampleTip({ person }))).statusCode).toBe(201);
    expect(
      await db.selectFrom('prospects').where('name', '=', 'Erik Slett').selectAll().execute(),
    ).toEqual([]);
    expect((await exportFor(leader, { by: 'phone', phone: '41550003' })).statusCode).toBe(404);
  });

  it('erases a tipper: their details on tips and the email to them', async () => {
    await postTip(
      t,
      campaignId,
      sampleTip({ tipper: { name: 'Tina Tips', email: 'tina@example.no', phone: '415 50 004' } }),
    );
    await t.deps.db
      .insertInto('outbox')
      .values({
        id: newId(),
        toAddress: 'tina@example.no',
        subject: 'Takk for tipset',
        textBody: 'Hei Tina',
        status: 'sent',
        attempts: 1,
        nextAttemptAt: t.clock.now().toISOString(),
        createdAt: t.clock.now().toISOString(),
        regionId: t.demoRegionId,
        purpose: 'referral.thanks',
      })
      .execute();
    const res = await leader.request({
      method: 'POST',
      url: '/api/privacy/erasures',
      payload: { lookup: { by: 'phone', phone: '+4741550004' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toMatchObject({ tipsGiven: 1, emails: 1, prospects: 0 });
    const left = await t.deps.db
      .selectFrom('tips')
      .select('id')
      .where((eb) =>
        eb.or([eb('tipperName', '=', 'Tina Tips'), eb('tipperEmail', '=', 'tina@example.no')]),
      )
      .execute();
    expect(left).toEqual([]);
    expect(
      await t.deps.db
        .selectFrom('outbox')
        .where('toAddress', '=', 'tina@example.no')
        .selectAll()
        .execute(),
    ).toEqual([]);
  });

  it('logs requests with a due date one month on, and shows the overdue', async () => {
    const res = await leader.request({
      method: 'POST',
      url: '/api/privacy/requests',
      payload: { kind: 'access', receivedOn: '2026-10-31' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json() as { id: string; dueOn: string; overdue: boolean };
    expect(created.dueOn).toBe('2026-11-30');
    expect(created.overdue).toBe(false);
    const late = await leader.request({
      method: 'POST',
      url: '/api/privacy/requests',
      payload: { kind: 'erasure', receivedOn: '2026-10-20' },
    });
    expect(late.json()).toMatchObject({ dueOn: '2026-11-20', overdue: true });
    const list = (await leader.request({ url: '/api/privacy/requests' })).json() as {
      overdue: number;
      requests: Array<{ id: string; overdue: boolean }>;
    };
    expect(list.overdue).toBe(1);
    const lateId = (late.json() as { id: string }).id;
    expect(list.requests.find((r) => r.id === lateId)?.overdue).toBe(true);
    // Another region's leader neither sees nor changes it.
    const theirs = (await otherLeader.request({ url: '/api/privacy/requests' })).json();
    expect(theirs.requests).toEqual([]);
    const patch = {
      method: 'PATCH' as const,
      url: `/api/privacy/requests/${lateId}`,
      payload: { status: 'done' },
    };
    expect((await otherLeader.request(patch)).statusCode).toBe(404);
    expect((await leader.request(patch)).json()).toMatchObject({ status: 'done', overdue: false });
  });
});
