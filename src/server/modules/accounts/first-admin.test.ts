import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { signIn } from '../../../../test/support/auth.js';
import { fromSource } from '../../../../test/support/cli.js';
import { testDialects } from '../../../../test/support/database.js';
import { startServerProcess } from '../../../../test/support/process.js';
import { DEFAULT_FIRST_ADMIN_EMAIL, firstAdminHook } from './first-admin.js';

const PASSWORD = 'Femunden-Isflak-2026!';

describe.each(testDialects)('the first start on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  async function runHook(env: NodeJS.ProcessEnv = {}) {
    let printed = '';
    const hook = firstAdminHook({ env, write: (text) => (printed += text) });
    await hook(t.deps, pino({ level: 'silent' }));
    return printed;
  }

  it('creates the first administrator without a password and prints a one-time link', async () => {
    const printed = await runHook({ FIRST_ADMIN_EMAIL: 'drift@fjellregionen.no' });
    const link = /(http\S+\/office\/invitation\/([\w-]+))/.exec(printed);
    expect(link?.[1]).toContain(`${t.deps.config.publicUrl}/office/invitation/`);
    expect(printed).toContain('drift@fjellregionen.no');
    // No password is ever printed: only the link carries a secret.
    expect(printed).not.toMatch(/password[ \t]*[:=][ \t]*\S/i);
    const admin = await t.deps.db
      .selectFrom('users')
      .select(['id', 'role', 'passwordHash', 'regionId'])
      .where('email', '=', 'drift@fjellregionen.no')
      .executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ role: 'admin', passwordHash: null, regionId: null });
    const stored = await t.deps.db
      .selectFrom('oneTimeTokens')
      .select(['purpose', 'createdAt', 'expiresAt'])
      .where('userId', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(stored.purpose).toBe('first_admin');
    expect(Date.parse(stored.expiresAt) - Date.parse(stored.createdAt)).toBe(86_400_000);

    // The link sets the password; the administrator then signs in (and must set up TOTP).
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token: link![2], name: 'Drift', password: PASSWORD },
    });
    expect(accept.statusCode).toBe(204);
    const session = await signIn(t, {
      id: admin.id,
      email: 'drift@fjellregionen.no',
      password: PASSWORD,
    });
    const me = (await session.request({ url: '/api/auth/me' })).json().user;
    expect(me).toMatchObject({ role: 'admin', mfaEnrolmentRequired: true });
  });

  it('prints nothing of the sort once an administrator exists', async () => {
    expect(await runHook()).toBe('');
    const admins = await t.deps.db
      .selectFrom('users')
      .select('email')
      .where('role', '=', 'admin')
      .execute();
    expect(admins.map((a) => a.email)).toEqual(['drift@fjellregionen.no']);
  });

  it('stops with the setting’s name when FIRST_ADMIN_EMAIL is not an address', async () => {
    await expect(runHook({ FIRST_ADMIN_EMAIL: 'not an address' })).rejects.toThrow(
      /FIRST_ADMIN_EMAIL/,
    );
  });
});

describe('the first start of a real server process', () => {
  it('prints the link on the first start and nothing on the second', {
    timeout: 120_000,
  }, async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'flytthit-first-'));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'f.db')}`, FLYTTHIT_FROM_SOURCE: fromSource };
    try {
      const first = await startServerProcess(env);
      await first.stop();
      expect(first.output()).toContain(DEFAULT_FIRST_ADMIN_EMAIL);
      expect(first.output()).toMatch(/\/office\/invitation\/[\w-]{40,}/);
      const second = await startServerProcess(env);
      await second.stop();
      expect(second.output()).not.toContain('/office/invitation/');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
