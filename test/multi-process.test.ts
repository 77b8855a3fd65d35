import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/server/deps.js';
import { ensureDemoRegion } from '../src/server/modules/regions/regions.service.js';
import { createUser } from '../src/server/modules/users/users.service.js';
import { TEST_PASSWORD } from './support/auth.js';
import { fromSource } from './support/cli.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { type ServerProcess, startServerProcess } from './support/process.js';

// Two real app processes on one PostgreSQL: nothing one needs may live only in the other's memory.
describe.skipIf(!process.env.TEST_DATABASE_URL)('two app processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  const email = 'host.two-processes@example.no';

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await ensureDemoRegion(database.db, systemClock);
    await createUser(database.db, systemClock, {
      email,
      name: 'Vert To',
      role: 'host',
      regionId: (await database.db.selectFrom('regions').select('id').executeTakeFirstOrThrow()).id,
      municipalityCodes: ['3427'],
      password: TEST_PASSWORD,
    });
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${database.schema}`);
    const env = { DATABASE_URL: url.toString(), FLYTTHIT_FROM_SOURCE: fromSource };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.destroy();
  });

  it('shares sessions: signed in on one process, known on the other, signed out everywhere', async () => {
    const signIn = await fetch(`${a.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };

    const onB = await fetch(`${b.url}/api/auth/me`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { email: string } }).user.email).toBe(email);

    const out = await fetch(`${b.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('shares rate-limit counters between processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const target = i % 2 === 0 ? a : b;
      const res = await fetch(`${target.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `nobody${i}@example.no`, password: 'wrong-password-here' }),
      });
      statuses.push(res.status);
    }
    // 30 per minute per IP in total, not 30 on each process (one was spent signing in above).
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited).toBe(29);
    expect(statuses.slice(0, 29).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(29).every((s) => s === 429)).toBe(true);
  });
});
