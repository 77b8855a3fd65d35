import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestUser } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createTestRegion } from '../../../../test/support/regions.js';

describe.each(testDialects)('personal API tokens on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const bearer = (
    token: string,
    options: { method?: 'GET' | 'PATCH' | 'POST'; url: string; payload?: object },
  ) => t.app.inject({ ...options, headers: { authorization: `Bearer ${token}` } });

  async function tokenFor(user: TestUser, body: object = { name: 'Skript' }) {
    const session = await signIn(t, user);
    const res = await session.request({ method: 'POST', url: '/api/tokens', payload: body });
    expect(res.statusCode).toBe(201);
    return { session, created: res.json() as { id: string; token: string; prefix: string } };
  }

  it('shows a new token once, stores only its hash and lists it without the secret', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const { session, created } = await tokenFor(host, { name: 'Rapport', expiresInDays: 30 });
    expect(created.token).toMatch(/^fht_[\w-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ name: 'Rapport', revokedAt: null });
    const rows = await t.deps.db.selectFrom('apiTokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);

    const list = await session.request({ url: '/api/tokens' });
    expect(list.statusCode).toBe(200);
    expect(list.json().tokens).toEqual([
      expect.objectContaining({ id: created.id, name: 'Rapport', prefix: created.prefix }),
    ]);
    expect(list.body).not.toContain(created.token);
    expect(Object.keys(list.json().tokens[0]).sort()).toEqual([
      'createdAt',
      'expiresAt',
      'id',
      'lastUsedAt',
      'name',
      'prefix',
      'revokedAt',
    ]);
    const other = await signIn(t, await createTestUser(t, { role: 'host' }));
    expect((await other.request({ url: '/api/tokens' })).json().tokens).toEqual([]);
  });

  it('acts as its user, with their role and scope, and needs no CSRF token', async () => {
    const host = await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] });
    const { created } = await tokenFor(host);
    const me = await bearer(created.token, { url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: host.email, municipalityCodes: ['3428'] });
    expect((await bearer(created.token, { url: '/api/users' })).statusCode).toBe(403);
    const write = await bearer(created.token, {
      method: 'PATCH',
      url: '/api/auth/me',
      payload: { locale: 'en' },
    });
    expect(write.statusCode).toBe(200);
    const used = await t.deps.db
      .selectFrom('apiTokens')
      .select('lastUsedAt')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(used.lastUsedAt).toBe(t.clock.now().toISOString());

    const otherRegion = await createTestRegion(t);
    await createTestUser(t, { role: 'host', regionId: otherRegion, municipalityCodes: ['5001'] });
    const leader = await createTestUser(t, { role: 'programme_leader' });
    const leaderToken = (await tokenFor(leader)).created.token;
    const users = await bearer(leaderToken, { url: '/api/users' });
    expect(users.statusCode).toBe(200);
    expect(
      users.json().users.every((u: { regionId: string }) => u.regionId === t.demoRegionId),
    ).toBe(true);
  });

  it('refuses a token to mint another token', async () => {
    const { created } = await tokenFor(await createTestUser(t, { role: 'host' }));
    const res = await bearer(created.token, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('stops working when revoked; someone else’s token answers 404', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const { session, created } = await tokenFor(host);
    const stranger = await signIn(t, await createTestUser(t, { role: 'admin' }));
    const foreign = await stranger.request({ method: 'DELETE', url: `/api/tokens/${created.id}` });
    expect(foreign.statusCode).toBe(404);
    expect((await bearer(created.token, { url: '/api/auth/me' })).statusCode).toBe(200);

    const revoke = await session.request({ method: 'DELETE', url: `/api/tokens/${created.id}` });
    expect(revoke.statusCode).toBe(204);
    const after = await bearer(created.token, { url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
    expect((await session.request({ url: '/api/tokens' })).json().tokens[0].revokedAt).toBe(
      t.clock.now().toISOString(),
    );
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('targetId', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['token.created', 'token.revoked']);
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it('stops working while its user is disabled, and after it expires', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const { created } = await tokenFor(host, { name: 'Kort', expiresInDays: 2 });
    const admin = await signIn(t, await createTestUser(t, { role: 'admin' }));
    await admin.request({ method: 'POST', url: `/api/users/${host.id}/disable` });
    expect((await bearer(created.token, { url: '/api/auth/me' })).statusCode).toBe(401);
    await admin.request({ method: 'POST', url: `/api/users/${host.id}/enable` });
    expect((await bearer(created.token, { url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advance(2 * 86_400_000);
    expect((await bearer(created.token, { url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('answers 401 to a made-up token and names bad fields of a new one', async () => {
    expect((await bearer('fht_made-up', { url: '/api/auth/me' })).statusCode).toBe(401);
    const session = await signIn(t, await createTestUser(t, { role: 'host' }));
    const bad = await session.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: '', expiresInDays: 9999 },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'expiresInDays']));
  });
});
