import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/server/deps.js';
import { queueEmail } from '../src/server/modules/notifications/notifications.service.js';
import { fromSource, urlWithSchema } from './support/cli.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { type ServerProcess, startServerProcess } from './support/process.js';
import { TestSmtpServer } from './support/smtp.js';

// Two app processes polling one outbox: the lease must make every message go out exactly once.
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'outbox with two app processes',
  { timeout: 180_000 },
  () => {
    let database: TestDatabase;
    let smtp: TestSmtpServer;
    let servers: ServerProcess[] = [];

    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      smtp = await new TestSmtpServer().start();
      // A round then takes longer than the poll interval, so without the lease the two
      // processes' rounds would overlap and pick the same messages.
      smtp.acceptDelayMs = 250;
    });
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await smtp?.stop();
      await database?.destroy();
    });

    it('sends each queued message once, whichever process holds the lease', async () => {
      const ids: string[] = [];
      for (let n = 0; n < 30; n++) {
        ids.push(
          await queueEmail(database.db, systemClock, {
            to: `person${n}@example.no`,
            subject: `Melding ${n}`,
            text: `Tekst ${n}`,
            purpose: 'test.multi-process',
          }),
        );
      }
      const env = {
        DATABASE_URL: urlWithSchema(process.env.TEST_DATABASE_URL!, database.schema),
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Flytthit <post@example.no>',
        FLYTTHIT_FROM_SOURCE: fromSource,
      };
      servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);

      const deadline = Date.now() + 90_000;
      for (;;) {
        const { n } = await database.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'sent')
          .executeTakeFirstOrThrow();
        if (Number(n) === ids.length) break;
        if (Date.now() > deadline) throw new Error(`only ${n} of ${ids.length} sent`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const received = smtp.received.map((m) => m.messageId);
      expect(received).toHaveLength(ids.length);
      expect(new Set(received).size).toBe(ids.length);
      expect(received.sort()).toEqual(ids.map((id) => `<${id}@example.no>`).sort());
    });
  },
);
