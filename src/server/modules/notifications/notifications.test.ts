import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { TestSmtpServer } from '../../../../test/support/smtp.js';
import { AppError } from '../../errors.js';
import { withLease } from '../../jobs/lease.js';
import { OUTBOX_LEASE, startOutboxWorker } from '../../jobs/outbox.js';
import { runRetentionPurge } from '../privacy/retention.service.js';
import {
  ATTACHMENT_LIMITS,
  deliverDueEmails,
  OUTBOX_POLICY,
  queueEmail,
} from './notifications.service.js';
import { createSmtpTransport, type MailTransport } from './notifications.transport.js';

const FROM = 'Flytt hit <post@fjellregionen.no>';

describe.each(testDialects)('email outbox on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let transport: MailTransport;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    smtp = await new TestSmtpServer().start();
    transport = createSmtpTransport(smtp.url, FROM);
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await t?.close();
  });
  afterEach(async () => {
    // Each test starts with an empty outbox and a running mail server.
    await t.deps.db.deleteFrom('outbox').execute();
    smtp.received.length = 0;
    smtp.refusals.clear();
    await smtp.start();
  });

  const outboxRow = (id: string) =>
    t.deps.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends only what the committed transaction queued, with text, HTML and a Message-ID', async () => {
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await queueEmail(trx, t.clock, {
          to: 'rolled.back@example.no',
          subject: 'Never sent',
          text: 'The change this was about did not happen.',
          purpose: 'test.rollback',
        });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    const id = await t.deps.db.transaction().execute((trx) =>
      queueEmail(trx, t.clock, {
        to: 'kari.nordmann@example.no',
        subject: 'Velkommen til Fjellregionen',
        text: 'Hei Kari, velkommen til Tynset!',
        html: '<p>Hei Kari, velkommen til <strong>Tynset</strong>!</p>',
        regionId: t.demoRegionId,
        purpose: 'test.welcome',
      }),
    );

    const report = await deliverDueEmails(t.deps.db, t.clock, transport);

    expect(report).toMatchObject({ sent: 1, retrying: 0, failed: 0, held: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['kari.nordmann@example.no']);
    expect(mail.from).toContain('post@fjellregionen.no');
    expect(mail.subject).toBe('Velkommen til Fjellregionen');
    expect(mail.text.trim()).toBe('Hei Kari, velkommen til Tynset!');
    expect(mail.html).toContain('<strong>Tynset</strong>');
    expect(mail.messageId).toBe(`<${id}@fjellregionen.no>`);
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt).toBe(t.clock.now().toISOString());
    // Sent is final: another round sends nothing again.
    expect((await deliverDueEmails(t.deps.db, t.clock, transport)).sent).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps mail while the mail server is down and delivers it once it is back', async () => {
    const id = await queueEmail(t.deps.db, t.clock, {
      to: 'ola@example.no',
      subject: 'Invitasjon',
      text: 'Du er invitert.',
      purpose: 'test.down',
    });
    t.clock.advance(1);
    const second = await queueEmail(t.deps.db, t.clock, {
      to: 'per@example.no',
      subject: 'Invitasjon',
      text: 'Du er også invitert.',
      purpose: 'test.down',
    });
    await smtp.stop();

    const down = await deliverDueEmails(t.deps.db, t.clock, transport);
    expect(down).toMatchObject({ sent: 0, retrying: 1, serverUnreachable: true });
    const afterFailure = await outboxRow(id);
    // Never offered to a server, so no attempt is spent: it is simply tried again soon.
    expect(afterFailure).toMatchObject({ status: 'pending', attempts: 0 });
    expect(afterFailure.lastError).toContain('could not be reached');
    expect(afterFailure.nextAttemptAt).toBe(
      new Date(t.clock.now().getTime() + OUTBOX_POLICY.unreachableRetryMs).toISOString(),
    );
    // The round stopped at the first failure: the other message was not even tried.
    expect(await outboxRow(second)).toMatchObject({ status: 'pending', attempts: 0 });

    await smtp.start();
    // The failed message waits for its retry time; the untried one goes at once.
    expect((await deliverDueEmails(t.deps.db, t.clock, transport)).sent).toBe(1);
    t.clock.advance(OUTBOX_POLICY.unreachableRetryMs);
    expect((await deliverDueEmails(t.deps.db, t.clock, transport)).sent).toBe(1);

    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['ola@example.no', 'per@example.no']);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('keeps trying through a long outage, and gives a message up only after three days', async () => {
    const id = await queueEmail(t.deps.db, t.clock, {
      to: 'patient@example.no',
      subject: 'Venter',
      text: 'Venter på posttjeneren.',
      purpose: 'test.outage',
    });
    await smtp.stop();
    // A weekend without a mail server: tried every minute (here every hour, to keep it short).
    for (let hour = 0; hour < 48; hour++) {
      await deliverDueEmails(t.deps.db, t.clock, transport);
      t.clock.advance(60 * 60_000);
    }
    expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 0 });
    await smtp.start();
    expect((await deliverDueEmails(t.deps.db, t.clock, transport)).sent).toBe(1);

    const late = await queueEmail(t.deps.db, t.clock, {
      to: 'too.late@example.no',
      subject: 'For sent',
      text: 'For sent.',
      purpose: 'test.outage',
    });
    await smtp.stop();
    await deliverDueEmails(t.deps.db, t.clock, transport);
    t.clock.advance(OUTBOX_POLICY.maxAgeMs);
    expect((await deliverDueEmails(t.deps.db, t.clock, transport)).failed).toBe(1);
    const failed = await outboxRow(late);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('could not be reached');
  });

  it('backs off exponentially on a temporary refusal and gives up after the last attempt', async () => {
    smtp.refusals.set('full.mailbox@example.no', 452);
    const id = await queueEmail(t.deps.db, t.clock, {
      to: 'full.mailbox@example.no',
      subject: 'Påminnelse',
      text: 'Husk møtet.',
      purpose: 'test.backoff',
    });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= OUTBOX_POLICY.maxAttempts; attempt++) {
      const report = await deliverDueEmails(t.deps.db, t.clock, transport);
      const row = await outboxRow(id);
      expect(row.attempts).toBe(attempt);
      if (attempt < OUTBOX_POLICY.maxAttempts) {
        expect(report.retrying).toBe(1);
        const wait = Date.parse(row.nextAttemptAt) - t.clock.now().getTime();
        delays.push(wait);
        t.clock.advance(wait);
      } else {
        expect(report.failed).toBe(1);
        expect(row.status).toBe('failed');
        expect(row.lastError).toContain('452');
      }
    }
    expect(delays.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...delays)).toBe(OUTBOX_POLICY.maxRetryMs);
    t.clock.advance(OUTBOX_POLICY.maxRetryMs);
    expect((await deliverDueEmails(t.deps.db, t.clock, transport)).failed).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('fails a message at once when the server refuses the address for good', async () => {
    smtp.refusals.set('nobody@example.no', 550);
    const bad = await queueEmail(t.deps.db, t.clock, {
      to: 'nobody@example.no',
      subject: 'Hei',
      text: 'Hei.',
      purpose: 'test.permanent',
    });
    const good = await queueEmail(t.deps.db, t.clock, {
      to: 'somebody@example.no',
      subject: 'Hei',
      text: 'Hei.',
      purpose: 'test.permanent',
    });
    const report = await deliverDueEmails(t.deps.db, t.clock, transport);
    expect(report).toMatchObject({ sent: 1, failed: 1, serverUnreachable: false });
    expect(await outboxRow(bad)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await outboxRow(good)).toMatchObject({ status: 'sent' });
  });

  it('refuses a message that cannot be sent, naming the fields', async () => {
    const attempt = queueEmail(t.deps.db, t.clock, {
      to: 'not an address',
      subject: 'Two\r\nBcc: lines',
      text: 'x',
      purpose: 'test.invalid',
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'validation',
      details: [
        { field: 'to', message: 'Not an email address' },
        { field: 'subject', message: 'One non-empty line' },
      ],
    });
  });

  it('holds mail without a mail server, for an admin to read through the API', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      ids.push(
        await queueEmail(t.deps.db, t.clock, {
          to: `person${n}@example.no`,
          subject: `Melding ${n}`,
          text: `Tekst ${n}`,
          html: `<p>Tekst ${n}</p>`,
          purpose: 'test.held',
        }),
      );
      t.clock.advance(1000);
    }
    expect((await deliverDueEmails(t.deps.db, t.clock, null)).held).toBe(3);
    // Held is final even when a mail server shows up later: development mail stays here.
    expect((await deliverDueEmails(t.deps.db, t.clock, transport)).sent).toBe(0);

    // Signed in here: earlier tests move the clock past a session's idle timeout.
    const admin = await signIn(t, await createTestUser(t, { role: 'admin' }));
    const page1 = await admin.request({ url: '/api/outbox?pageSize=2' });
    expect(page1.statusCode).toBe(200);
    expect(page1.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.json().messages.map((m: { subject: string }) => m.subject)).toEqual([
      'Melding 3',
      'Melding 2',
    ]);
    expect(page1.json().messages[0]).not.toHaveProperty('text');
    const page2 = await admin.request({ url: '/api/outbox?pageSize=2&page=2&status=held' });
    expect(page2.json().messages.map((m: { subject: string }) => m.subject)).toEqual(['Melding 1']);
    expect((await admin.request({ url: '/api/outbox?status=sent' })).json().total).toBe(0);

    const one = await admin.request({ url: `/api/outbox/${ids[0]}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      to: 'person1@example.no',
      status: 'held',
      text: 'Tekst 1',
      html: '<p>Tekst 1</p>',
      purpose: 'test.held',
    });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'targetId'])
      .where('action', 'like', 'outbox.%')
      .execute();
    expect(audit).toContainEqual({ action: 'outbox.read', targetId: ids[0] });
    expect(audit.filter((a) => a.action === 'outbox.list').length).toBeGreaterThanOrEqual(3);

    const missing = await admin.request({
      url: '/api/outbox/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    const malformed = await admin.request({ url: '/api/outbox?pageSize=0&colour=red' });
    expect(malformed.statusCode).toBe(400);
  });

  it('lets only admins read the outbox', async () => {
    const id = await queueEmail(t.deps.db, t.clock, {
      to: 'secret@example.no',
      subject: 'Privat',
      text: 'Privat',
      purpose: 'test.access',
    });
    expect((await t.app.inject({ url: '/api/outbox' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/outbox/${id}` })).statusCode).toBe(401);
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    expect((await leader.request({ url: '/api/outbox' })).statusCode).toBe(403);
    expect((await leader.request({ url: `/api/outbox/${id}` })).statusCode).toBe(403);
  });

  it('sends from the worker only while it holds the outbox lease', async () => {
    const worker = startOutboxWorker(t.deps, { transport, intervalMs: 60_000 });
    try {
      await queueEmail(t.deps.db, t.clock, {
        to: 'lease@example.no',
        subject: 'Lease',
        text: 'Lease',
        purpose: 'test.lease',
      });
      // Another process is in the middle of a round: this one must keep its hands off.
      const other = await withLease(t.deps.db, t.clock, OUTBOX_LEASE, 'other-process', 60_000, () =>
        worker.runOnce(),
      );
      expect(other).toEqual({ acquired: true, result: undefined });
      expect(smtp.received).toHaveLength(0);

      // With the lease free again, the worker sends.
      expect(await worker.runOnce()).toMatchObject({ sent: 1 });
      expect(smtp.received.map((m) => m.to[0])).toEqual(['lease@example.no']);
    } finally {
      await worker.stop();
    }
  });

  it("keeps a message's files through an outage, sends them, and purges them with it", async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 7)]);
    const id = await queueEmail(t.deps.db, t.clock, {
      to: 'leder@example.no',
      subject: 'Rapport',
      text: 'Rapporten ligger ved.',
      purpose: 'test.attachment',
      attachments: [{ filename: 'rapport-2026K3.pdf', contentType: 'application/pdf', bytes: pdf }],
    });
    await smtp.stop();
    // A transport of its own: no pooled connection from earlier tests outlives the stop.
    const fresh = createSmtpTransport(smtp.url, FROM);
    try {
      expect(await deliverDueEmails(t.deps.db, t.clock, fresh)).toMatchObject({
        serverUnreachable: true,
      });
      expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 0 });
      await smtp.start();
      t.clock.advance(OUTBOX_POLICY.unreachableRetryMs);
      expect((await deliverDueEmails(t.deps.db, t.clock, fresh)).sent).toBe(1);
    } finally {
      fresh.close();
    }
    const [mail] = smtp.received;
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['rapport-2026K3.pdf', 'application/pdf'],
    ]);
    expect(mail?.attachments[0]?.content.equals(pdf)).toBe(true);

    // Past the outbox's retention the sent message is purged, and its file with it.
    t.clock.advance(4 * 31 * 24 * 60 * 60_000);
    await runRetentionPurge(t.deps.db, t.clock);
    expect(
      await t.deps.db.selectFrom('outbox').select('id').where('id', '=', id).execute(),
    ).toEqual([]);
    expect(await t.deps.db.selectFrom('outboxAttachments').select('id').execute()).toEqual([]);
  });

  it('refuses files that are unsafe or too large, naming the field, and stores nothing', async () => {
    const attempt = queueEmail(t.deps.db, t.clock, {
      to: 'leder@example.no',
      subject: 'Rapport',
      text: 'x',
      purpose: 'test.attachment',
      attachments: [
        { filename: '../etc/passwd', contentType: 'text/plain', bytes: Buffer.from('x') },
        {
          filename: 'stor.pdf',
          contentType: 'application/pdf',
          bytes: Buffer.alloc(ATTACHMENT_LIMITS.maxTotalBytes + 1),
        },
      ],
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'validation',
      details: [
        { field: 'attachments.0.filename', message: 'A plain file name' },
        { field: 'attachments', message: 'At most 10 MB in all' },
      ],
    });
    expect(await t.deps.db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });
});
