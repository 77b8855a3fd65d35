import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/database.js';

describe.each(testDialects)('the HTTP surface on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('publishes an OpenAPI 3 document generated from the contracts', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/sign-in'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/public/regions/{slug}'].get).toBeDefined();
    // Pages and assets are not part of the API document.
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/api/') || p.endsWith('z'))).toBe(
      true,
    );
  });

  it('sends security headers on every response, errors and 404s included', async () => {
    for (const url of ['/healthz', '/api/nothing-here', '/api/audit']) {
      const res = await t.app.inject(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  it('refuses an oversized body with 413, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.no', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('names a wrong type in a query string and never leaks internals', async () => {
    const res = await t.app.inject('/api/public/regions/x');
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at \w+ \(|select |SQLITE|stack/i);
  });

  it('does not write on GET: a read leaves the database as it was', async () => {
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('auditLog')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await t.app.inject('/api/public/regions/fjellregionen');
    await t.app.inject('/healthz');
    expect(await count()).toBe(before);
  });
});
