import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestUser } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';

const NEW_PASSWORD = 'Glommadalen-Kveld-77!';

describe.each(testDialects)('invitations and password reset on %s', (dialect) => {
  let t: TestApp;
  let adminUser: TestUser;
  // A fresh session each time: some tests move the clock past a session's life.
  const admin = () => signIn(t, adminUser);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    adminUser = await createTestUser(t, { role: 'admin' });
  });
  afterAll(async () => t?.close());

  /** The token in the newest outbox message to the address. */
  async function linkTokenSentTo(email: string, path: 'invitation' | 'reset') {
    const mail = await t.deps.db
      .selectFrom('outbox')
      .select(['textBody', 'createdAt'])
      .where('toAddress', '=', email)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const token = new RegExp(`/office/${path}/([\\w-]+)`).exec(mail.textBody)?.[1];
    if (!token) throw new Error(`no ${path} link in: ${mail.textBody}`);
    return token;
  }

  const post = (url: string, payload: Record<string, unknown>, ip = '198.51.100.1') =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });

  async function invited() {
    const email = `ny.${randomUUID().slice(0, 8)}@example.no`;
    const res = await (await admin()).request({
      method: 'POST',
      url: '/api/users/invitations',
      payload: {
        email,
        name: 'Ny Vert',
        role: 'host',
        regionId: t.demoRegionId,
        municipalityCodes: ['3430'],
      },
    });
    expect(res.statusCode).toBe(201);
    return { email, token: await linkTokenSentTo(email, 'invitation') };
  }

  it('accepts an invitation once: the person chooses name and password and can sign in', async () => {
    const { email, token } = await invited();
    const weak = await post('/api/auth/invitations/accept', {
      token,
      name: 'Nils',
      password: 'password1234',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('password');

    const ok = await post('/api/auth/invitations/accept', {
      token,
      name: 'Nils Vert',
      password: NEW_PASSWORD,
    });
    expect(ok.statusCode).toBe(204);
    const session = await signIn(t, { id: '', email, password: NEW_PASSWORD });
    const me = (await session.request({ url: '/api/auth/me' })).json().user;
    expect(me).toMatchObject({ name: 'Nils Vert', role: 'host', municipalityCodes: ['3430'] });

    const again = await post('/api/auth/invitations/accept', {
      token,
      name: 'Someone',
      password: 'Another-Long-Password-9',
    });
    expect(again.statusCode).toBe(410);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'user.invitation_accepted')
      .execute();
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('answers an unknown, an expired and a used link alike', async () => {
    const { token } = await invited();
    t.clock.advance(7 * 86_400_000 + 1000);
    const bodies = [];
    for (const tok of [token, `x${randomUUID()}${randomUUID()}`]) {
      const res = await post('/api/auth/invitations/accept', {
        token: tok,
        name: 'X',
        password: NEW_PASSWORD,
      });
      expect(res.statusCode).toBe(410);
      bodies.push(res.body);
    }
    expect(bodies[0]).toBe(bodies[1]);
  });

  it('does not let a disabled user accept their invitation', async () => {
    const { email, token } = await invited();
    const [row] = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .execute();
    expect(
      (await (await admin()).request({ method: 'POST', url: `/api/users/${row!.id}/disable` }))
        .statusCode,
    ).toBe(200);
    const res = await post('/api/auth/invitations/accept', {
      token,
      name: 'X',
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(410);
  });

  it('answers 202 to every reset request and emails a one-hour link only to real accounts', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const before = await t.deps.db.selectFrom('outbox').select('id').execute();
    const known = await post('/api/auth/password-reset', { email: host.email.toUpperCase() });
    const unknown = await post('/api/auth/password-reset', { email: 'ingen@example.no' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const after = await t.deps.db.selectFrom('outbox').select(['toAddress', 'purpose']).execute();
    expect(after.length - before.length).toBe(1);
    expect(after.find((m) => m.purpose === `accounts.password_reset:${host.id}`)?.toAddress).toBe(
      host.email,
    );
    const stored = await t.deps.db
      .selectFrom('oneTimeTokens')
      .select(['expiresAt', 'createdAt'])
      .where('userId', '=', host.id)
      .where('purpose', '=', 'password_reset')
      .executeTakeFirstOrThrow();
    expect(Date.parse(stored.expiresAt) - Date.parse(stored.createdAt)).toBe(3_600_000);
  });

  it('sends no reset link to a disabled account', async () => {
    const host = await createTestUser(t, { role: 'host' });
    await (await admin()).request({ method: 'POST', url: `/api/users/${host.id}/disable` });
    expect((await post('/api/auth/password-reset', { email: host.email })).statusCode).toBe(202);
    const mails = await t.deps.db
      .selectFrom('outbox')
      .select('id')
      .where('toAddress', '=', host.email)
      .execute();
    expect(mails).toEqual([]);
  });

  it('resets the password once, ends every session, and the old password stops working', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const elsewhere = await signIn(t, host);
    await post('/api/auth/password-reset', { email: host.email });
    const token = await linkTokenSentTo(host.email, 'reset');
    const done = await post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
    expect(done.statusCode).toBe(204);
    expect((await elsewhere.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    const old = await post('/api/auth/sign-in', { email: host.email, password: host.password });
    expect(old.statusCode).toBe(401);
    expect((await signIn(t, { ...host, password: NEW_PASSWORD })).cookie).toBeTruthy();
    const twice = await post('/api/auth/password-reset/complete', {
      token,
      password: 'Yet-Another-Password-42',
    });
    expect(twice.statusCode).toBe(410);
  });

  it('lets only the newest reset link work, and not after an hour', async () => {
    const host = await createTestUser(t, { role: 'host' });
    await post('/api/auth/password-reset', { email: host.email });
    const first = await linkTokenSentTo(host.email, 'reset');
    t.clock.advance(1000);
    await post('/api/auth/password-reset', { email: host.email });
    const second = await linkTokenSentTo(host.email, 'reset');
    expect(second).not.toBe(first);
    const old = await post('/api/auth/password-reset/complete', {
      token: first,
      password: NEW_PASSWORD,
    });
    expect(old.statusCode).toBe(410);
    t.clock.advanceMinutes(61);
    const late = await post('/api/auth/password-reset/complete', {
      token: second,
      password: NEW_PASSWORD,
    });
    expect(late.statusCode).toBe(410);
  });

  it('limits the public account routes per IP address', async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const res = await post(
        '/api/auth/password-reset',
        { email: `x${i}@example.no` },
        '192.0.2.99',
      );
      last = res.statusCode;
    }
    expect(last).toBe(429);
    let lastLink = 0;
    for (let i = 0; i < 21; i++) {
      const res = await post(
        '/api/auth/password-reset/complete',
        { token: `unknown-token-${i}-aaaaaaaaaaaa`, password: NEW_PASSWORD },
        '192.0.2.98',
      );
      lastLink = res.statusCode;
    }
    expect(lastLink).toBe(429);
    t.clock.advanceMinutes(16);
  });
});
