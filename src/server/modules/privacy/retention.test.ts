import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { pdfText } from '../../../../test/support/pdf.js';
import { insertPersonRecords } from '../../../../test/support/privacy.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import { runHousekeeping } from '../../jobs/housekeeping.js';
import { neutralise } from './records.js';
import { runRetentionPurge } from './retention.service.js';

describe.each(testDialects)('privacy retention, records and alerts on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let admin: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    admin = await signIn(t, await createTestUser(t, { role: 'admin' }));
  });
  afterAll(async () => t?.close());

  const names = () =>
    t.deps.db
      .selectFrom('prospects')
      .select('name')
      .orderBy('name')
      .execute()
      .then((rows) => rows.map((r) => r.name));

  it('lets an admin change a period, and shows every rule with what is due', async () => {
    const res = await admin.request({
      method: 'PUT',
      url: '/api/privacy/retention',
      payload: { periods: { audit_log: 72 } },
    });
    expect(res.statusCode).toBe(200);
    const periods = (await leader.request({ url: '/api/privacy/retention' })).json()
      .periods as Array<{
      rule: string;
      months: number;
      configurable: boolean;
    }>;
    expect(periods.find((p) => p.rule === 'audit_log')).toMatchObject({
      months: 72,
      configurable: true,
    });
    expect(periods.find((p) => p.rule === 'campaign_end')).toMatchObject({
      months: 12,
      configurable: false,
    });
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/privacy/retention',
      payload: { periods: { everything: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await leader.request({
          method: 'PUT',
          url: '/api/privacy/retention',
          payload: { periods: {} },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('gives the records of processing as JSON, PDF and a spreadsheet that runs no formula', async () => {
    const map = (await leader.request({ url: '/api/privacy/data-map' })).json();
    expect(map.records.map((r: { activity: string }) => r.activity)).toContain('calling');
    const pdf = await leader.request({ url: '/api/privacy/records.pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Ringedag og oppfølging av potensielle tilflyttere');
    const xlsx = await leader.request({ url: '/api/privacy/records.xlsx?lang=en' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getRow(3).getCell(1).value)).toContain('Tips about people');
    expect(book.worksheets[1]!.rowCount).toBeGreaterThan(50);
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralise('Ola')).toBe('Ola');
  });

  it('alerts to a user who views many people within an hour', async () => {
    const now = t.clock.now();
    const rows = Array.from({ length: 5 }, (_, i) => ({
      at: new Date(now.getTime() - 30 * 60_000 + i * 60_000).toISOString(),
      actorUserId: null,
      actorLabel: 'nysgjerrig@example.no',
      action: 'referral.prospects_read',
      outcome: 'success',
      targetType: 'campaign',
      targetId: null,
      regionId: t.demoRegionId,
      municipalityCode: null,
      ip: null,
      details: JSON.stringify({ returned: 60 }),
    }));
    await t.deps.db.insertInto('auditLog').values(rows).execute();
    const res = (await leader.request({ url: '/api/privacy/alerts' })).json();
    expect(res.alerts).toEqual([
      expect.objectContaining({ actorLabel: 'nysgjerrig@example.no', people: 300, actions: 5 }),
    ]);
  });
  // Last: moving the clock by months ends every session.
  it('erases by category after its period, reports counts, and a second round finds nothing', async () => {
    const campaign = await createOpenCampaign(leader, { callingDays: ['2026-12-01'] });
    for (const [name, phone] of [
      ['Una Unreached', '415 60 001'],
      ['Nils Nei', '415 60 002'],
      ['Rita Reached', '415 60 003'],
    ] as const) {
      await postTip(
        t,
        campaign.id,
        sampleTip({ person: { name, phone, addressLine: `${name} 1` } }),
      );
    }
    await insertPersonRecords(t, 'Rita Reached', 'Rita vil ha info');
    const nilsId = await insertPersonRecords(t, 'Nils Nei', 'Nils sa nei');
    await t.deps.db
      .updateTable('prospects')
      .set({ lastOutcome: 'not_interested' })
      .where('id', '=', nilsId)
      .execute();

    // Two months on: nothing is due yet.
    t.clock.set('2027-01-27T10:00:00Z');
    const nothing = await runRetentionPurge(t.deps.db, t.clock, { dryRun: true });
    expect(Object.values(nothing).filter((n) => n > 0)).toEqual([]);

    // Three months and a day after the call: the one not interested goes.
    t.clock.set('2027-02-28T10:00:00Z');
    const dry = await runRetentionPurge(t.deps.db, t.clock, { dryRun: true });
    expect(dry).toMatchObject({ not_interested: 1, unreached: 0, call_notes: 0 });
    expect(await names()).toEqual(['Nils Nei', 'Rita Reached', 'Una Unreached']);
    const round = await runHousekeeping(t.deps);
    expect(round.privacy).toMatchObject({ not_interested: 1 });
    expect(await names()).toEqual(['Rita Reached', 'Una Unreached']);

    // Six months after the calling day: the one never reached goes; the reached one stays.
    t.clock.set('2027-06-02T10:00:00Z');
    expect((await runHousekeeping(t.deps)).privacy).toMatchObject({ unreached: 1 });
    expect(await names()).toEqual(['Rita Reached']);

    // Twelve months after the call: its notes go, the call stays as a count.
    t.clock.set('2027-11-28T10:00:00Z');
    expect((await runHousekeeping(t.deps)).privacy.call_notes).toBeGreaterThanOrEqual(2);
    const notes = await t.deps.db.selectFrom('calls').select('notes').execute();
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.notes === null)).toBe(true);
    expect(Object.values((await runHousekeeping(t.deps)).privacy).every((n) => n === 0)).toBe(true);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'privacy.retention_purged')
      .execute();
    expect(audit.length).toBe(3);
    expect(JSON.stringify(audit)).not.toMatch(/Nils|Una|Rita/);
    t.clock.set('2026-11-27T10:00:00Z');
  });
});
