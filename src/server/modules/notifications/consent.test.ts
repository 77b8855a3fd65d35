import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import { TestSmtpServer } from '../../../../test/support/smtp.js';
import { AppError } from '../../errors.js';
import { consentToken, registerConsentWithdrawal } from './consent.js';
import { deliverDueEmails, queueEmail } from './notifications.service.js';
import { createSmtpTransport, type MailTransport } from './notifications.transport.js';

/** What the test module's withdrawals did, by record id. */
const withdrawn: string[] = [];
registerConsentWithdrawal({
  prefix: 'test-member',
  async withdraw(_db, _clock, id) {
    if (!withdrawn.includes(id)) withdrawn.push(id);
  },
});

describe.each(testDialects)('one-click consent withdrawal in email on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let transport: MailTransport;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    smtp = await new TestSmtpServer().start();
    transport = createSmtpTransport(smtp.url, 'Flytt hit <post@fjellregionen.no>');
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await t?.close();
  });

  const send = async (input: { consentRef?: string; locale?: 'nb' | 'nn' | 'en' }) => {
    smtp.received.length = 0;
    await queueEmail(t.deps.db, t.clock, {
      to: 'ny@example.no',
      subject: 'Velkomen',
      text: 'Velkomen til Tynset.',
      html: '<p>Velkomen til Tynset.</p>',
      purpose: 'test.consent',
      ...input,
    });
    const consent = { publicUrl: t.deps.config.publicUrl, secret: t.deps.config.sessionSecret };
    expect((await deliverDueEmails(t.deps.db, t.clock, transport, consent)).sent).toBe(1);
    return smtp.received[0]!;
  };

  const pathOf = (url: string) => new URL(url).pathname;

  it('gives a message about a record a withdrawal link in its own language and the one-click headers', async () => {
    const mail = await send({ consentRef: `test-member:m-1-${dialect}`, locale: 'nn' });
    const url = /(https?:\/\/\S+\/nn\/samtykke\/\S+)/.exec(mail.text)?.[1];
    expect(url).toBeDefined();
    expect(mail.text).toContain('Trekk tilbake samtykket med eitt klikk');
    expect(mail.html).toContain(url);
    expect(mail.headers['list-unsubscribe']).toBe(`<${url}>`);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // Opening the link (or a preview of it) only asks.
    const asked = await t.app.inject({ method: 'GET', url: pathOf(url!) });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('lang="nn"');
    expect(asked.body).toMatch(/<form action="\/nn\/samtykke\/[^"]+" method="post"/);
    expect(withdrawn).not.toContain(`m-1-${dialect}`);

    // The button withdraws, at once; pressing it again changes nothing and still says done.
    for (let i = 0; i < 2; i++) {
      const done = await t.app.inject({ method: 'POST', url: pathOf(url!) });
      expect(done.statusCode).toBe(200);
      expect(done.body).toContain('Samtykket er trekt tilbake');
    }
    expect(withdrawn.filter((id) => id === `m-1-${dialect}`)).toHaveLength(1);
  });

  it('withdraws from a mail program’s one-click POST (RFC 8058)', async () => {
    const mail = await send({ consentRef: `test-member:m-2-${dialect}`, locale: 'en' });
    const url = mail.headers['list-unsubscribe']!.slice(1, -1);
    const res = await t.app.inject({
      method: 'POST',
      url: pathOf(url),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Your consent is withdrawn');
    expect(withdrawn).toContain(`m-2-${dialect}`);
  });

  it('answers a forged, altered or foreign link with the same friendly page and withdraws nothing', async () => {
    const secret = t.deps.config.sessionSecret;
    const good = consentToken(secret, `test-member:m-3-${dialect}`);
    const tokens = [
      `${good.slice(0, -2)}xx`,
      consentToken('another-secret', `test-member:m-3-${dialect}`),
      consentToken(secret, 'nobody-owns-this:m-3'),
      'not-a-token',
    ];
    for (const token of tokens) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await t.app.inject({ method, url: `/samtykke/${token}` });
        expect(res.statusCode).toBe(404);
        expect(res.body).toContain('Vi kjenner ikke igjen lenken');
      }
    }
    expect(withdrawn).not.toContain(`m-3-${dialect}`);
  });

  it('leaves a message about nobody as it was, and refuses a malformed reference by name', async () => {
    const mail = await send({});
    expect(mail.text.trim()).toBe('Velkomen til Tynset.');
    expect(mail.headers['list-unsubscribe']).toBeUndefined();
    const bad = queueEmail(t.deps.db, t.clock, {
      to: 'ny@example.no',
      subject: 'x',
      text: 'x',
      purpose: 'test.consent',
      consentRef: 'Newcomer 12',
    });
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(bad).rejects.toMatchObject({
      code: 'validation',
      details: [{ field: 'consentRef' }],
    });
  });
});
