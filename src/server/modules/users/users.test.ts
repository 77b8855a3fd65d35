import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createTestRegion } from '../../../../test/support/regions.js';

describe.each(testDialects)('user administration on %s', (dialect) => {
  let t: TestApp;
  let otherRegionId: string;
  let admin: TestSession;
  let leader: TestSession;
  let leaderId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    otherRegionId = await createTestRegion(t);
    const a = await createTestUser(t, { role: 'admin' });
    admin = await signIn(t, a);
    const l = await createTestUser(t, { role: 'programme_leader' });
    leaderId = l.id;
    leader = await signIn(t, l);
  });
  afterAll(async () => t?.close());

  it('lists every region for an admin and only their own for a programme leader', async () => {
    const outsider = await createTestUser(t, {
      role: 'host',
      regionId: otherRegionId,
      municipalityCodes: ['5001'],
    });
    const all = (await admin.request({ url: '/api/users' })).json().users;
    expect(all.map((u: { id: string }) => u.id)).toContain(outsider.id);
    const theirs = (await admin.request({ url: `/api/users?regionId=${otherRegionId}` })).json()
      .users;
    expect(theirs.map((u: { id: string }) => u.id)).toEqual([outsider.id]);

    const own = (await leader.request({ url: '/api/users' })).json().users;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((u: { regionId: string }) => u.regionId === t.demoRegionId)).toBe(true);
    const foreign = await leader.request({ url: `/api/users?regionId=${otherRegionId}` });
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json().users).toEqual([]);
  });

  it('answers 404 for another region’s user exactly as for a missing one', async () => {
    const outsider = await createTestUser(t, {
      role: 'host',
      regionId: otherRegionId,
      municipalityCodes: ['5001'],
    });
    const adminUser = await createTestUser(t, { role: 'admin' });
    for (const [method, suffix, payload] of [
      ['PATCH', '', { name: 'Ny' }],
      ['POST', '/disable', undefined],
      ['POST', '/enable', undefined],
    ] as const) {
      const answers = await Promise.all(
        [outsider.id, adminUser.id, randomUUID()].map((id) =>
          leader.request({ method, url: `/api/users/${id}${suffix}`, payload }),
        ),
      );
      for (const a of answers) {
        expect(a.statusCode).toBe(404);
        expect(a.body).toBe(answers[2]!.body);
      }
    }
  });

  it('changes name, municipalities and role; a role change ends the user’s sessions', async () => {
    const host = await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] });
    const session = await signIn(t, host);
    const renamed = await leader.request({
      method: 'PATCH',
      url: `/api/users/${host.id}`,
      payload: { name: 'Nytt Navn', municipalityCodes: ['3429', '3427'] },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().user).toMatchObject({
      name: 'Nytt Navn',
      municipalityCodes: ['3427', '3429'],
    });
    const me = await session.request({ url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.municipalityCodes).toEqual(['3427', '3429']);

    const toCaller = await leader.request({
      method: 'PATCH',
      url: `/api/users/${host.id}`,
      payload: { role: 'caller', municipalityCodes: ['3429'] },
    });
    expect(toCaller.statusCode).toBe(200);
    expect(toCaller.json().user.role).toBe('caller');
    expect((await session.request({ url: '/api/auth/me' })).statusCode).toBe(401);

    const promote = await leader.request({
      method: 'PATCH',
      url: `/api/users/${host.id}`,
      payload: { role: 'programme_leader' },
    });
    expect(promote.statusCode).toBe(403);
    const byAdmin = await admin.request({
      method: 'PATCH',
      url: `/api/users/${host.id}`,
      payload: { role: 'programme_leader' },
    });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().user).toMatchObject({ role: 'programme_leader', municipalityCodes: [] });
    // Now a fellow programme leader: no longer the leader's to manage.
    const again = await leader.request({
      method: 'POST',
      url: `/api/users/${host.id}/disable`,
    });
    expect(again.statusCode).toBe(403);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['details'])
      .where('action', '=', 'user.updated')
      .where('targetId', '=', host.id)
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[1]!.details!)).toMatchObject({
      roleFrom: 'host',
      roleTo: 'caller',
      sessionsEnded: 1,
    });
  });

  it('disables a user at once (sessions end, sign-in refused) and enables them again', async () => {
    const host = await createTestUser(t, { role: 'host' });
    const session = await signIn(t, host);
    const off = await leader.request({ method: 'POST', url: `/api/users/${host.id}/disable` });
    expect(off.statusCode).toBe(200);
    expect(off.json().user.status).toBe('disabled');
    expect((await session.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    const signInAgain = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: host.email, password: host.password },
    });
    expect(signInAgain.statusCode).toBe(401);

    const on = await leader.request({ method: 'POST', url: `/api/users/${host.id}/enable` });
    expect(on.statusCode).toBe(200);
    expect(on.json().user.status).toBe('active');
    expect((await signIn(t, host)).cookie).toBeTruthy();

    const actions = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', host.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['user.disabled', 'user.enabled']);
  });

  it('lets nobody disable themselves or change their own role', async () => {
    const self = await leader.request({ method: 'POST', url: `/api/users/${leaderId}/disable` });
    expect(self.statusCode).toBe(403);
    const a = await createTestUser(t, { role: 'admin' });
    const s = await signIn(t, a);
    expect(
      (await s.request({ method: 'POST', url: `/api/users/${a.id}/disable` })).statusCode,
    ).toBe(403);
    const demote = await s.request({
      method: 'PATCH',
      url: `/api/users/${a.id}`,
      payload: { role: 'host', regionId: t.demoRegionId, municipalityCodes: ['3427'] },
    });
    expect(demote.statusCode).toBe(403);
    const rename = await s.request({
      method: 'PATCH',
      url: `/api/users/${a.id}`,
      payload: { name: 'Meg Selv' },
    });
    expect(rename.statusCode).toBe(200);
  });

  it('keeps hosts and callers out of user administration', async () => {
    const host = await signIn(t, await createTestUser(t, { role: 'host' }));
    expect((await host.request({ url: '/api/users' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/users' })).statusCode).toBe(401);
  });
});
