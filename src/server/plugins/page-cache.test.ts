import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/database.js';

describe.each(testDialects)('the anonymous page cache on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('replays a page with exactly the headers the full pipeline gave it', async () => {
    const first = await t.app.inject({ url: '/kommune/tynset' });
    const second = await t.app.inject({ url: '/kommune/tynset' });
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    for (const name of [
      'content-security-policy',
      'x-frame-options',
      'etag',
      'cache-control',
      'content-type',
    ]) {
      expect(second.headers[name]).toBe(first.headers[name]);
    }
    const notModified = await t.app.inject({
      url: '/kommune/tynset',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers['content-security-policy']).toBe(
      first.headers['content-security-policy'],
    );
  });

  it('does not serve a renamed region from memory after its time is up', async () => {
    await t.app.inject({ url: '/' });
    await t.deps.db.updateTable('regions').set({ name: 'Fjellregionen Nord' }).execute();
    t.clock.advance(5_100);
    const later = await t.app.inject({ url: '/' });
    expect(later.body).toContain('Fjellregionen Nord');
  });

  it('never caches for someone with a cookie or a query string', async () => {
    await t.app.inject({ url: '/nn/' });
    const withCookie = await t.app.inject({ url: '/nn/', headers: { cookie: 'lang=en' } });
    expect(withCookie.statusCode).toBe(200);
    const unknown = await t.app.inject({ url: '/kommune/nowhere' });
    expect(unknown.statusCode).toBe(404);
    const again = await t.app.inject({ url: '/kommune/nowhere' });
    expect(again.statusCode).toBe(404);
  });
});
