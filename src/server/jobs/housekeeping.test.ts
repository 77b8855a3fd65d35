import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createTestUser, signIn } from '../../../test/support/auth.js';
import { testDialects } from '../../../test/support/database.js';
import { runHousekeeping } from './housekeeping.js';

describe.each(testDialects)('housekeeping on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('removes expired sessions and old sign-in attempts, and keeps live ones', async () => {
    const host = await createTestUser(t, { role: 'host' });
    await signIn(t, host);
    t.clock.advanceMinutes(31);
    const live = await signIn(t, host);
    const first = await runHousekeeping(t.deps);
    expect(first.sessions).toBe(1);
    expect((await live.request({ url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advanceMinutes(25 * 60);
    const later = await runHousekeeping(t.deps);
    expect(later.sessions).toBe(1);
    expect(later.attempts).toBeGreaterThanOrEqual(2);
  });
});
