import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { browseSignIn, CookieJar, TestOidcProvider } from '../../../../test/support/oidc.js';
import { freePort } from '../../../../test/support/process.js';
import { addIdentityProvider, type IdentityProvider } from './providers.service.js';

const CLI = { kind: 'system', label: 'test' } as const;

describe.each(testDialects)('single sign-on with OpenID Connect on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  let idp: TestOidcProvider;
  let strict: IdentityProvider;
  let open: IdentityProvider;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp(dialect, { config: { publicUrl: base } });
    await t.app.listen({ port, host: '127.0.0.1' });
    idp = await new TestOidcProvider().start(`${base}/auth/oidc/callback`);
    const connection = {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
    };
    strict = await addIdentityProvider(t.deps.db, t.clock, CLI, {
      regionId: t.demoRegionId,
      name: 'Fjellregionen Entra ID',
      ...connection,
    });
    open = await addIdentityProvider(t.deps.db, t.clock, CLI, {
      regionId: t.demoRegionId,
      name: 'Tolga kommune',
      ...connection,
      defaultRole: 'host',
      defaultMunicipalityCodes: ['3426'],
    });
  });
  afterAll(async () => {
    await idp?.stop();
    await t?.close();
  });

  const startUrl = (p: IdentityProvider) => `${base}/auth/oidc/${p.id}/start`;
  const me = (jar: CookieJar) =>
    fetch(`${base}/api/auth/me`, { headers: { cookie: jar.header(base) } });

  it('lists a region’s providers with where to start', async () => {
    const res = await t.app.inject({ url: '/api/auth/providers?region=fjellregionen' });
    expect(res.statusCode).toBe(200);
    expect(res.json().providers).toEqual([
      { id: strict.id, name: 'Fjellregionen Entra ID', startUrl: `/auth/oidc/${strict.id}/start` },
      { id: open.id, name: 'Tolga kommune', startUrl: `/auth/oidc/${open.id}/start` },
    ]);
    expect(res.body).not.toContain(idp.clientSecret);
    expect((await t.app.inject({ url: '/api/auth/providers?region=nowhere' })).statusCode).toBe(
      404,
    );
  });

  it('signs a known programme leader in by verified email, without asking for TOTP again', async () => {
    const leader = await createTestUser(t, {
      role: 'programme_leader',
      email: 'leder@fjell.example.no',
    });
    idp.accounts.set('sub-leder', { email: 'Leder@Fjell.example.no', name: 'Leder' });
    const done = await browseSignIn(startUrl(strict), 'sub-leder');
    expect(done.url).toBe(`${base}/office/`);
    const session = await me(done.jar);
    expect(session.status).toBe(200);
    expect((await session.json()).user).toMatchObject({ id: leader.id, role: 'programme_leader' });
    const identity = await t.deps.db
      .selectFrom('userIdentities')
      .selectAll()
      .where('userId', '=', leader.id)
      .executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ issuer: idp.issuer, subject: 'sub-leder' });

    // Next time the identity finds them, even after the address changed at the provider.
    idp.accounts.set('sub-leder', { email: 'ny.adresse@fjell.example.no' });
    const again = await browseSignIn(startUrl(strict), 'sub-leder');
    expect((await (await me(again.jar)).json()).user.id).toBe(leader.id);

    // A leader without TOTP of their own is not sent to set one up: the IdP did the second factor.
    await t.deps.db
      .updateTable('users')
      .set({ totpEnabled: 0, totpSecret: null })
      .where('id', '=', leader.id)
      .execute();
    const viaIdp = await browseSignIn(startUrl(strict), 'sub-leder');
    expect((await (await me(viaIdp.jar)).json()).user.mfaEnrolmentRequired).toBe(false);
    const audit = await fetch(`${base}/api/audit`, {
      headers: { cookie: viaIdp.jar.header(base) },
    });
    expect(audit.status).toBe(200);
  });

  it('refuses an unknown person with a clear page, unless the provider admits strangers', async () => {
    idp.accounts.set('sub-stranger', { email: 'fremmed@example.no', name: 'Frida Fremmed' });
    const refused = await browseSignIn(startUrl(strict), 'sub-stranger');
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('<html lang="nb"');
    expect(refused.body).toContain('ingen brukerkonto i Flytthit');
    expect(refused.jar.get(base, 'flytthit_session')).toBeUndefined();

    const admitted = await browseSignIn(startUrl(open), 'sub-stranger');
    expect(admitted.url).toBe(`${base}/office/`);
    const user = (await (await me(admitted.jar)).json()).user;
    expect(user).toMatchObject({
      email: 'fremmed@example.no',
      name: 'Frida Fremmed',
      role: 'host',
      regionId: t.demoRegionId,
      municipalityCodes: ['3426'],
    });
  });

  it('does not trust an unverified email, nor let a disabled user in', async () => {
    await createTestUser(t, { role: 'host', email: 'uverifisert@example.no' });
    idp.accounts.set('sub-unverified', { email: 'uverifisert@example.no', emailVerified: false });
    const unverified = await browseSignIn(startUrl(strict), 'sub-unverified');
    expect(unverified.status).toBe(403);

    const host = await createTestUser(t, { role: 'host', email: 'av@example.no' });
    await t.deps.db
      .updateTable('users')
      .set({ disabledAt: t.clock.now().toISOString() })
      .where('id', '=', host.id)
      .execute();
    idp.accounts.set('sub-disabled', { email: 'av@example.no' });
    const disabled = await browseSignIn(startUrl(strict), 'sub-disabled');
    expect(disabled.status).toBe(403);
    expect(disabled.body).toContain('deaktivert');
  });

  it('refuses an answer not started in this browser, a replayed one and one older than 10 minutes', async () => {
    const forged = await fetch(`${base}/auth/oidc/callback?state=made-up&code=abc`, {
      headers: { accept: 'text/html', 'accept-language': 'en' },
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('started in another browser');

    await createTestUser(t, { role: 'host', email: 'sen@example.no' });
    idp.accounts.set('sub-late', { email: 'sen@example.no' });
    const jar = new CookieJar();
    let callbackUrl = '';
    const late = await browseSignIn(startUrl(strict), 'sub-late', {
      beforeFetch: (url) => {
        if (url.startsWith(`${base}/auth/oidc/callback`) && !callbackUrl) {
          callbackUrl = url;
          t.clock.advanceMinutes(11);
        }
      },
    });
    expect(late.status).toBe(400);
    let answer = '';
    let browserState = '';
    const fresh = await browseSignIn(startUrl(strict), 'sub-late', {
      beforeFetch: (url) => {
        if (url.startsWith(`${base}/auth/oidc/callback`)) {
          answer = url;
          browserState = jar.get(base, 'flytthit_oidc_state') ?? '';
        }
      },
      jar,
    });
    expect(fresh.url).toBe(`${base}/office/`);
    expect(browserState).not.toBe('');
    // The same answer again, from the same browser, gets nowhere: its state is used up.
    const replay = await fetch(answer, {
      headers: { cookie: `flytthit_oidc_state=${browserState}`, accept: 'text/html' },
      redirect: 'manual',
    });
    expect(replay.status).toBe(400);
  });

  it('answers 404 for an unknown provider and audits sign-ins and refusals', async () => {
    const res = await t.app.inject({
      url: '/auth/oidc/00000000-0000-4000-8000-000000000000/start',
    });
    expect(res.statusCode).toBe(404);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'outcome', 'details'])
      .where('action', 'in', ['auth.sign_in', 'sso.identity_linked', 'user.created'])
      .execute();
    const oidc = audit.filter((a) => a.details?.includes('oidc') || a.action === 'user.created');
    expect(oidc.some((a) => a.outcome === 'success' && a.action === 'auth.sign_in')).toBe(true);
    expect(oidc.some((a) => a.outcome === 'failure')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(idp.clientSecret);
  });
});
