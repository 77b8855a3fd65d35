import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createTestRegion } from '../../../../test/support/regions.js';

const uniqueEmail = (label: string) => `${label}.${randomUUID().slice(0, 8)}@example.no`;

describe.each(testDialects)('inviting staff on %s', (dialect) => {
  let t: TestApp;
  let otherRegionId: string;
  let admin: TestSession;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    otherRegionId = await createTestRegion(t);
    const a = await createTestUser(t, { role: 'admin' });
    admin = await signIn(t, a);
    const l = await createTestUser(t, { role: 'programme_leader' });
    leader = await signIn(t, l);
  });
  afterAll(async () => t?.close());

  const invite = (session: TestSession, payload: Record<string, unknown>) =>
    session.request({ method: 'POST', url: '/api/users/invitations', payload });

  it('invites a host: an account without password, a hashed one-time link, an email, an audit entry', async () => {
    const email = uniqueEmail('kari');
    const res = await invite(admin, {
      email: email.toUpperCase(),
      name: 'Kari Nordmann',
      role: 'host',
      regionId: t.demoRegionId,
      municipalityCodes: ['3427', '3428'],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json().user;
    expect(user).toMatchObject({
      email,
      name: 'Kari Nordmann',
      role: 'host',
      regionId: t.demoRegionId,
      municipalityCodes: ['3427', '3428'],
      status: 'invited',
    });
    expect(JSON.stringify(res.json())).not.toMatch(/password|token/i);

    const mail = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('toAddress', '=', email)
      .executeTakeFirstOrThrow();
    expect(mail.purpose).toBe(`accounts.invitation:${user.id}`);
    const token = /\/office\/invitation\/([\w-]+)/.exec(mail.textBody)?.[1];
    expect(mail.textBody).toContain(`${t.deps.config.publicUrl}/office/invitation/${token}`);

    const stored = await t.deps.db
      .selectFrom('oneTimeTokens')
      .selectAll()
      .where('userId', '=', user.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.purpose).toBe('invitation');
    expect(stored[0]!.id).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(Date.parse(stored[0]!.expiresAt) - t.clock.now().getTime()).toBe(7 * 86_400_000);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'user.invited')
      .where('targetId', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).not.toContain(token);
  });

  it('names the fields that do not fit the role and refuses a second account for an address', async () => {
    const noMunicipality = await invite(admin, {
      email: uniqueEmail('a'),
      name: 'A',
      role: 'host',
      regionId: t.demoRegionId,
    });
    expect(noMunicipality.statusCode).toBe(400);
    expect(noMunicipality.json().error.details[0].field).toBe('municipalityCodes');
    const outside = await invite(admin, {
      email: uniqueEmail('b'),
      name: 'B',
      role: 'caller',
      regionId: t.demoRegionId,
      municipalityCodes: ['5001'],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].message).toContain('5001');
    const unknown = await invite(admin, { email: 'nope', role: 'boss', extra: 1 });
    expect(unknown.statusCode).toBe(400);
    const fields = unknown.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'role', 'extra']));

    const email = uniqueEmail('twice');
    const body = { email, name: 'T', role: 'programme_leader', regionId: t.demoRegionId };
    expect((await invite(admin, body)).statusCode).toBe(201);
    expect((await invite(admin, body)).statusCode).toBe(409);
  });

  it('lets a programme leader invite hosts and callers of their own region only', async () => {
    const host = await invite(leader, {
      email: uniqueEmail('host'),
      name: 'Host',
      role: 'caller',
      regionId: t.demoRegionId,
      municipalityCodes: ['3424'],
    });
    expect(host.statusCode).toBe(201);
    for (const role of ['admin', 'programme_leader']) {
      const res = await invite(leader, {
        email: uniqueEmail(role),
        name: 'X',
        role,
        regionId: role === 'admin' ? null : t.demoRegionId,
      });
      expect(res.statusCode).toBe(403);
    }
    const elsewhere = await invite(leader, {
      email: uniqueEmail('elsewhere'),
      name: 'X',
      role: 'host',
      regionId: otherRegionId,
      municipalityCodes: ['5001'],
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('sends a fresh invitation to someone who has not accepted, and the old link stops working', async () => {
    const email = uniqueEmail('igjen');
    const created = await invite(leader, {
      email,
      name: 'Igjen',
      role: 'host',
      regionId: t.demoRegionId,
      municipalityCodes: ['3427'],
    });
    const id = created.json().user.id;
    t.clock.advance(1000); // so the two emails sort by time
    const again = await leader.request({ method: 'POST', url: `/api/users/${id}/invitation` });
    expect(again.statusCode).toBe(200);
    const mails = await t.deps.db
      .selectFrom('outbox')
      .select('textBody')
      .where('toAddress', '=', email)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    expect(mails).toHaveLength(2);
    const [first, second] = mails.map(
      (m) => /\/office\/invitation\/([\w-]+)/.exec(m.textBody)![1]!,
    );
    const accept = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/invitations/accept',
        payload: { token, name: 'Igjen', password: 'Ny-Invitasjon-2026!' },
      });
    expect((await accept(first!)).statusCode).toBe(410);
    expect((await accept(second!)).statusCode).toBe(204);
    const accepted = await leader.request({ method: 'POST', url: `/api/users/${id}/invitation` });
    expect(accepted.statusCode).toBe(409);
  });
});
