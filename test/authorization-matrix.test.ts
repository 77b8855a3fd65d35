import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/server/plugins/access.js';
import {
  authorizationMatrix,
  type MatrixContext,
  type MatrixEntry,
  type MatrixRole,
} from './authorization-matrix.js';
import { createTestApp, type TestApp } from './support/app.js';
import { createTestUser, signIn, type TestSession, type TestUser } from './support/auth.js';
import { testDialects } from './support/database.js';
import { createTestRegion } from './support/regions.js';

const ROLES: MatrixRole[] = ['admin', 'programme_leader', 'host', 'caller', 'organiser'];
const SOME_ID = '7d1c4a52-0b8e-4f7a-9d3e-5a6b7c8d9e0f';
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

const describeAccess = (a: Access | undefined) =>
  a === undefined ? 'none' : typeof a === 'string' ? a : [...a].sort().join(',');

const allows = (access: Access, role: MatrixRole) =>
  access === 'public' || access === 'authenticated' || access.includes(role);

/** Route parameters: the fixture's, else a slug that exists or an id that does not. */
function fillUrl(pattern: string, params: Record<string, string>): string {
  return pattern
    .replace(
      /:(\w+)/g,
      (_, name: string) => params[name] ?? (name === 'slug' ? 'fjellregionen' : SOME_ID),
    )
    .replace('*', 'x');
}

let ip = 0;
/** A client address per request, so per-IP rate limits never decide an answer here. */
const nextIp = () => `10.77.${Math.floor(ip / 250) % 250}.${(ip++ % 250) + 1}`;

describe.each(testDialects)('the authorization matrix on %s', (dialect) => {
  let t: TestApp;
  let ctx: MatrixContext;
  let foreign: Record<
    'municipality' | 'region' | 'owner',
    { role: MatrixRole; session: TestSession }
  >;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const users = {} as Record<MatrixRole, TestUser>;
    const sessions = {} as Record<MatrixRole, TestSession>;
    for (const role of ROLES) {
      users[role] = await createTestUser(t, { role });
      sessions[role] = await signIn(t, users[role]);
    }
    const memos = new Map<string, Promise<unknown>>();
    ctx = {
      t,
      users,
      sessions,
      memo<T>(key: string, make: () => Promise<T>) {
        if (!memos.has(key)) memos.set(key, make());
        return memos.get(key) as Promise<T>;
      },
    };
    const otherRegionId = await createTestRegion(t);
    foreign = {
      municipality: {
        role: 'host',
        session: await signIn(
          t,
          await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
        ),
      },
      region: {
        role: 'programme_leader',
        session: await signIn(
          t,
          await createTestUser(t, { role: 'programme_leader', regionId: otherRegionId }),
        ),
      },
      owner: { role: 'host', session: await signIn(t, await createTestUser(t, { role: 'host' })) },
    };
  });
  afterAll(async () => t?.close());

  it('has every route in the table, each declaring the access the table says', () => {
    const problems: string[] = [];
    const registered = new Set<string>();
    for (const route of t.app.routeRegistry) {
      const key = `${route.method} ${route.url}`;
      registered.add(key);
      const entry = authorizationMatrix[key];
      if (route.access === undefined) problems.push(`${key}: declares no config.access`);
      if (!entry) problems.push(`${key}: missing from test/authorization-matrix.ts`);
      else if (describeAccess(entry.access) !== describeAccess(route.access)) {
        problems.push(
          `${key}: the route declares ${describeAccess(route.access)}, the table ${describeAccess(entry.access)}`,
        );
      }
    }
    for (const key of Object.keys(authorizationMatrix)) {
      if (!registered.has(key)) problems.push(`${key}: in the table but no such route`);
    }
    expect(problems).toEqual([]);
  });

  async function call(session: TestSession | null, method: string, url: string) {
    const options: InjectOptions = {
      method: method as InjectOptions['method'],
      url,
      remoteAddress: nextIp(),
      ...(WITH_BODY.has(method) ? { payload: {} } : {}),
    };
    return (session ? await session.request(options) : await t.app.inject(options)).statusCode;
  }

  async function sessionFor(role: MatrixRole, entry: MatrixEntry): Promise<TestSession> {
    if (!entry.throwaway) return ctx.sessions[role];
    return signIn(t, await createTestUser(t, { role }));
  }

  /** What is wrong with one route's answers to every role (empty when all is right). */
  async function checkRoute(method: string, pattern: string, entry: MatrixEntry) {
    const problems: string[] = [];
    const key = `${method} ${pattern}`;
    const urlFor = async () => fillUrl(pattern, entry.scoped ? await entry.scoped.params(ctx) : {});
    const anonymous = await call(null, method, await urlFor());
    if (entry.access !== 'public' && anonymous !== 401) {
      problems.push(`${key} anonymous: ${anonymous}, expected 401`);
    }
    if (entry.access === 'public' && !entry.handlerDecides && [401, 403].includes(anonymous)) {
      problems.push(`${key} anonymous: ${anonymous} on a public route`);
    }
    for (const role of ROLES) {
      const status = await call(await sessionFor(role, entry), method, await urlFor());
      if (!allows(entry.access, role)) {
        if (status !== 403) problems.push(`${key} ${role}: ${status}, expected 403`);
      } else if (!entry.handlerDecides && [401, 403].includes(status)) {
        problems.push(`${key} ${role}: ${status}, but the role may call it`);
      } else if (
        entry.scoped &&
        status === 404 &&
        (entry.scoped.by !== 'owner' || role === 'host')
      ) {
        problems.push(`${key} ${role}: 404 for a record within its scope`);
      }
    }
    if (entry.scoped) {
      const outsider = foreign[entry.scoped.by];
      if (allows(entry.access, outsider.role)) {
        const status = await call(outsider.session, method, await urlFor());
        if (status !== 404) {
          problems.push(
            `${key} ${outsider.role} outside the scope (${entry.scoped.by}): ${status}, expected 404`,
          );
        }
      }
    }
    return problems;
  }

  it('answers every /api route as the table says: 401 anonymous, 403 wrong role, 404 out of scope', async () => {
    const problems: string[] = [];
    for (const route of t.app.routeRegistry) {
      if (!route.url.startsWith('/api/')) continue;
      const entry = authorizationMatrix[`${route.method} ${route.url}`];
      if (!entry) continue; // reported by the test above
      problems.push(...(await checkRoute(route.method, route.url, entry)));
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
