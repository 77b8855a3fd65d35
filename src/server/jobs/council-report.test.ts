import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createTestUser, type TestUser } from '../../../test/support/auth.js';
import { testDialects } from '../../../test/support/database.js';
import { createTestRegion } from '../../../test/support/regions.js';
import { TestSmtpServer } from '../../../test/support/smtp.js';
import { insertResponses } from '../../../test/support/surveys.js';
import { deliverDueEmails } from '../modules/notifications/notifications.service.js';
import {
  createSmtpTransport,
  type MailTransport,
} from '../modules/notifications/notifications.transport.js';
import { lastEndedQuarter, listQuarterlyRuns } from '../modules/reports/reports.quarterly.js';
import {
  COUNCIL_REPORT_TIMEZONE,
  runCouncilReportRound,
  startCouncilReportSchedule,
} from './council-report.js';

describe('the quarter that ended last', () => {
  it('follows the Oslo calendar', () => {
    expect(lastEndedQuarter(new Date('2026-11-27T10:00:00Z'))).toEqual({
      quarter: '2026K3',
      from: '2026-07-01',
      to: '2026-09-30',
    });
    // 00:30 on 1 October in Oslo: the third quarter has just ended.
    expect(lastEndedQuarter(new Date('2026-09-30T22:30:00Z')).quarter).toBe('2026K3');
    expect(lastEndedQuarter(new Date('2026-09-30T21:30:00Z')).quarter).toBe('2026K2');
    expect(lastEndedQuarter(new Date('2027-01-01T06:00:00Z'))).toEqual({
      quarter: '2026K4',
      from: '2026-10-01',
      to: '2026-12-31',
    });
  });
});

/**
 * The quarterly council report: after a quarter ends, each programme leader of a region with
 * something to report gets one email with a link to the download page, exactly once however
 * many processes and rounds run; a region with nothing to report gets none.
 */
describe.each(testDialects)('quarterly council report on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let leaders: TestUser[];
  let otherLeader: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    smtp = await new TestSmtpServer().start();
    transport = createSmtpTransport(smtp.url, 'Flytt hit <post@fjellregionen.no>');
    leaders = [
      await createTestUser(t, { role: 'programme_leader' }),
      await createTestUser(t, { role: 'programme_leader' }),
    ];
    await createTestUser(t, { role: 'host' });
    const other = await createTestRegion(t);
    otherLeader = await createTestUser(t, { role: 'programme_leader', regionId: other });
    // Eight well-being answers in the third quarter: Fjellregionen has something to report.
    await insertResponses(t, 8, { period: '2026K3' });
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await t?.close();
  });

  const deliver = () =>
    deliverDueEmails(t.deps.db, t.clock, transport, {
      publicUrl: t.deps.config.publicUrl,
      secret: t.deps.config.sessionSecret,
    });

  it('emails each leader once, even with two processes and later rounds', async () => {
    t.clock.set('2026-10-01T05:00:00Z'); // 07:00 in Oslo, the first morning of the quarter
    const rounds = await Promise.all([
      runCouncilReportRound(t.deps, 'process-a'),
      runCouncilReportRound(t.deps, 'process-b'),
    ]);
    expect(rounds.filter((r) => r.acquired)).toHaveLength(1);
    // The lease has expired long since: another process's later round finds the runs.
    t.clock.advance(24 * 60 * 60_000);
    const later = await runCouncilReportRound(t.deps, 'process-b');
    expect(later).toEqual({
      acquired: true,
      result: { quarter: '2026K3', sent: 0, empty: 0, failed: 0 },
    });
    await deliver();

    const mails = smtp.received.filter((m) => m.subject.includes('3. kvartal 2026'));
    expect(mails.flatMap((m) => m.to).sort()).toEqual(leaders.map((l) => l.email).sort());
    const mail = mails[0]!;
    expect(mail.subject).toBe('Rapport til regionrådet for 3. kvartal 2026 – Fjellregionen');
    expect(mail.text).toContain('/office/reports?from=2026-07-01&to=2026-09-30');
    expect(mail.text).toMatch(/Rapporten har \d+ sider/);
    // The report itself is attached, named as the download route names it.
    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments[0]!;
    expect(pdf.filename).toBe('rapport-fjellregionen-2026-07-01-2026-09-30.pdf');
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The other region had nothing to report: no email, and the quarter is marked done.
    expect(smtp.received.some((m) => m.to.includes(otherLeader.email))).toBe(false);
    const runs = await listQuarterlyRuns(t.deps.db, t.demoRegionId);
    expect(runs.map((r) => [r.quarter, r.status, r.recipients])).toEqual([['2026K3', 'sent', 2]]);
  });

  it('sends the next quarter after it ends', async () => {
    await insertResponses(t, 6, { period: '2026K4' });
    t.clock.set('2027-01-02T06:00:00Z');
    const round = await runCouncilReportRound(t.deps, 'process-a');
    expect(round).toEqual({
      acquired: true,
      result: { quarter: '2026K4', sent: 1, empty: 1, failed: 0 },
    });
    await deliver();
    const mails = smtp.received.filter((m) => m.subject.includes('4. kvartal 2026'));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain('from=2026-10-01&to=2026-12-31');
    expect(mails[0]!.attachments.map((a) => a.filename)).toEqual([
      'rapport-fjellregionen-2026-10-01-2026-12-31.pdf',
    ]);
  });

  it('sends nothing when the report cannot be made, and sends it whole on a later round', async () => {
    await insertResponses(t, 6, { period: '2027K1' });
    t.clock.set('2027-04-01T05:00:00Z');
    // Making the PDF fails this round: nothing may be recorded or queued.
    const pdfkit = (await import('pdfkit')).default;
    const broken = vi.spyOn(pdfkit.prototype, 'addPage').mockImplementation(() => {
      throw new Error('out of memory');
    });
    const errors: string[] = [];
    try {
      const round = await runCouncilReportRound(t.deps, 'process-a', (regionId) =>
        errors.push(regionId),
      );
      expect(round).toMatchObject({ acquired: true, result: { sent: 0, failed: 1 } });
    } finally {
      broken.mockRestore();
    }
    expect(errors).toEqual([t.demoRegionId]);
    await deliver();
    expect(smtp.received.some((m) => m.subject.includes('1. kvartal 2027'))).toBe(false);
    expect((await listQuarterlyRuns(t.deps.db, t.demoRegionId)).map((r) => r.quarter)).toEqual([
      '2026K3',
      '2026K4',
    ]);

    t.clock.advance(24 * 60 * 60_000);
    const next = await runCouncilReportRound(t.deps, 'process-a');
    expect(next).toMatchObject({ acquired: true, result: { sent: 1, failed: 0 } });
    await deliver();
    const mails = smtp.received.filter((m) => m.subject.includes('1. kvartal 2027'));
    expect(mails).toHaveLength(2);
    for (const m of mails) expect(m.attachments).toHaveLength(1);
  });

  it('runs daily at 07:00 Oslo time and stops when asked', () => {
    const schedule = startCouncilReportSchedule(t.deps, { error: () => undefined });
    try {
      const oslo = new Intl.DateTimeFormat('en-GB', {
        timeZone: COUNCIL_REPORT_TIMEZONE,
        hour: '2-digit',
        minute: '2-digit',
      }).format(schedule.job.nextRun() ?? undefined);
      expect(oslo).toBe('07:00');
    } finally {
      schedule.stop();
    }
    expect(schedule.job.isStopped()).toBe(true);
  });
});
