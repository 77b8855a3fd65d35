import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import {
  cookieFrom,
  createTestUser,
  signIn,
  TEST_PASSWORD,
  totpCode,
} from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { endAllSessionsOf } from './session.service.js';

describe.each(testDialects)('signing in on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('signs a host in with email and password, with a hardened session cookie', async () => {
    const host = await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: host.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      email: host.email,
      role: 'host',
      municipalityCodes: ['3427'],
    });
    const cookie = res.cookies.find((c) => c.name === 'flytthit_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookieFrom(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(host.email);
  });

  it('gives the same answer for a wrong password and an unknown account, and audits both', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: host.email, password: 'not-the-password-at-all' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nobody@example.no', password: 'not-the-password-at-all' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    const failures = await t.deps.db
      .selectFrom('auditLog')
      .select(['actorLabel', 'details'])
      .where('action', '=', 'auth.sign_in')
      .where('outcome', '=', 'failure')
      .execute();
    expect(failures.map((f) => f.actorLabel)).toEqual(
      expect.arrayContaining([host.email, 'nobody@example.no']),
    );
    // The password never reaches the audit log.
    expect(JSON.stringify(failures)).not.toContain('not-the-password-at-all');
  });

  it('names every bad field of a malformed sign-in, and never answers 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'not-an-email', extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('validation');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a@b.no&password=x',
    });
    expect(form.statusCode).toBe(415);
  });

  it('asks an admin for the TOTP code before the session is usable', async () => {
    const admin = await createTestUser(t, { role: 'admin' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: admin.email, password: admin.password },
    });
    expect(res.json().mfaRequired).toBe(true);
    const cookie = cookieFrom(res);
    const csrf = res.json().csrfToken;
    expect((await t.app.inject({ url: '/api/audit', headers: { cookie } })).statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { code: '000000' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('code');
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { code: totpCode(t, admin) },
    });
    expect(good.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/audit', headers: { cookie } })).statusCode).toBe(200);
  });

  it('makes a programme leader without a second factor set one up first', async () => {
    const leader = await createTestUser(t, { role: 'programme_leader' });
    await t.deps.db
      .updateTable('users')
      .set({ totpEnabled: 0, totpSecret: null })
      .where('id', '=', leader.id)
      .execute();
    const session = await signIn(t, { ...leader, totpSecret: undefined });
    const me = await session.request({ url: '/api/auth/me' });
    expect(me.json().user.mfaEnrolmentRequired).toBe(true);
    expect((await session.request({ url: '/api/audit' })).statusCode).toBe(403);
    const setup = await session.request({ method: 'POST', url: '/api/auth/totp/setup' });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Flytthit/);
    expect(setup.json().qrSvg).toMatch(/^<svg[^>]*viewBox/);
    const enable = await session.request({
      method: 'POST',
      url: '/api/auth/totp/enable',
      payload: { code: totpCode(t, { ...leader, totpSecret: secret }) },
    });
    expect(enable.statusCode).toBe(204);
    expect((await session.request({ url: '/api/audit' })).statusCode).toBe(200);
  });

  it('lets a browser abandon a sign-in waiting for its code: sign in again or sign out', async () => {
    const admin = await createTestUser(t, { role: 'admin' });
    const body = { email: admin.email, password: admin.password };
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: body });
    const cookie = cookieFrom(first);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie },
      payload: body,
    });
    expect(again.statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: cookieFrom(again) },
    });
    expect(out.statusCode).toBe(204);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const session = await signIn(t, host);
    const without = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie: session.cookie },
      payload: { locale: 'nn' },
    });
    expect(without.statusCode).toBe(403);
    const withToken = await session.request({
      method: 'PATCH',
      url: '/api/auth/me',
      payload: { locale: 'nn' },
    });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().user.locale).toBe('nn');
  });

  it('rotates the session at sign-in and revokes it at sign-out', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const first = await signIn(t, host);
    const second = await signIn(t, host);
    expect(second.cookie).not.toBe(first.cookie);
    const out = await second.request({ method: 'POST', url: '/api/auth/sign-out' });
    expect(out.statusCode).toBe(204);
    expect((await second.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    // The other browser's session is untouched by this sign-out.
    expect((await first.request({ url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const idle = await signIn(t, host);
    t.clock.advanceMinutes(29);
    expect((await idle.request({ url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await idle.request({ url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await idle.request({ url: '/api/auth/me' })).statusCode).toBe(401);

    const busy = await signIn(t, host);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advanceMinutes(20);
      expect((await busy.request({ url: '/api/auth/me' })).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(25);
    expect((await busy.request({ url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('revokes every session of a user who is disabled', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const session = await signIn(t, host);
    await t.deps.db
      .updateTable('users')
      .set({ disabledAt: t.clock.now().toISOString() })
      .where('id', '=', host.id)
      .execute();
    await endAllSessionsOf(t.deps.db, host.id);
    expect((await session.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: host.email, password: host.password },
    });
    expect(again.statusCode).toBe(401);
  });

  it('backs off after repeated failures and answers 429 with Retry-After', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: `10.9.${Math.floor(Math.random() * 200)}.1`,
        payload: { email: host.email, password: 'wrong-password-again' },
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits out the backoff…
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: host.email, password: host.password },
    });
    expect(right.statusCode).toBe(429);
    // …and works once it has passed.
    t.clock.advance(2_000);
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: host.email, password: host.password },
    });
    expect(later.statusCode).toBe(200);
  });

  it('limits sign-in requests per IP address', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '192.0.2.77',
        payload: { email: `x${i}@example.no`, password: 'whatever-password' },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
    t.clock.advance(61_000);
  });
});
