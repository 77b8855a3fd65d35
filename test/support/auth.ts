import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { checkTotp, totpFor } from '../../src/server/modules/auth/auth.service.js';
import { createUser, type NewUser } from '../../src/server/modules/users/users.service.js';
import type { TestApp } from './app.js';

export const TEST_PASSWORD = 'Fjellbekk-Morgen-2026!';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  totpSecret?: string;
}

let counter = 0;

/**
 * A staff user with a password. Admins and programme leaders get TOTP switched on (they
 * must have it), so signing in exercises the second factor as in production.
 */
export async function createTestUser(
  t: TestApp,
  input: Partial<NewUser> & Pick<NewUser, 'role'>,
): Promise<TestUser> {
  counter += 1;
  const email = input.email ?? `${input.role}.${counter}.${Date.now()}@example.no`;
  const regionId = input.role === 'admin' ? null : (input.regionId ?? t.demoRegionId);
  const id = await createUser(t.deps.db, t.clock, {
    name: input.name ?? `Test ${input.role} ${counter}`,
    municipalityCodes:
      input.municipalityCodes ?? (input.role === 'host' || input.role === 'caller' ? ['3427'] : []),
    password: TEST_PASSWORD,
    ...input,
    email,
    regionId,
  });
  const user: TestUser = { id, email, password: TEST_PASSWORD };
  if (input.role === 'admin' || input.role === 'programme_leader') {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await t.deps.db
      .updateTable('users')
      .set({ totpSecret: secret, totpEnabled: 1 })
      .where('id', '=', id)
      .execute();
    user.totpSecret = secret;
  }
  return user;
}

export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** An inject with this session's cookie, and its CSRF token on writes. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export function totpCode(t: TestApp, user: TestUser): string {
  const code = totpFor(user.totpSecret!, user.email).generate({
    timestamp: t.clock.now().getTime(),
  });
  if (!checkTotp(user.totpSecret!, user.email, code, t.clock.now()))
    throw new Error('bad test code');
  return code;
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const c = res.cookies.find((k) => k.name === 'flytthit_session');
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `flytthit_session=${c.value}`;
}

export function sessionOf(t: TestApp, cookie: string, csrfToken: string): TestSession {
  return {
    cookie,
    csrfToken,
    request(options: InjectOptions) {
      const method = (options.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = {
        cookie,
        ...(options.headers as Record<string, string>),
      };
      if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) headers['x-csrf-token'] ??= csrfToken;
      return t.app.inject({ ...options, headers });
    },
  };
}

/** Signs in over HTTP (password, then TOTP when the user has it). */
export async function signIn(t: TestApp, user: TestUser): Promise<TestSession> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: user.email, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = cookieFrom(res);
  const body = res.json() as { mfaRequired: boolean; csrfToken: string };
  if (!body.mfaRequired) return sessionOf(t, cookie, body.csrfToken);
  const verify = await t.app.inject({
    method: 'POST',
    url: '/api/auth/totp/verify',
    headers: { cookie, 'x-csrf-token': body.csrfToken },
    payload: { code: totpCode(t, user) },
  });
  if (verify.statusCode !== 200)
    throw new Error(`totp failed: ${verify.statusCode} ${verify.body}`);
  return sessionOf(t, cookie, (verify.json() as { csrfToken: string }).csrfToken);
}
