import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { accessPlugin } from '../../plugins/access.js';
import { errorsPlugin } from '../../plugins/errors.js';
import { i18nPlugin } from '../../plugins/i18n.js';
import { securityPlugin } from '../../plugins/security.js';
import { officeRoutesFrom } from './office.routes.js';

/** Just the office routes, with the cross-cutting plugins they rely on, on a given build dir. */
async function officeApp(dir: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorsPlugin);
  await app.register(securityPlugin, { hsts: false });
  await app.register(cookie);
  await app.register(i18nPlugin);
  await app.register(accessPlugin);
  await app.register(officeRoutesFrom(dir));
  await app.ready();
  return app;
}

const SHELL = '<!doctype html><html lang="nb"><head><title>Flytthit kontor</title></head></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

describe('office routes with a build', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flytthit-office-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), SHELL);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'index-AbC123.js.br'), brotliCompressSync(SCRIPT));
    app = await officeApp(dir);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects /office to /office/', async () => {
    const res = await app.inject('/office');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/office/');
  });

  it.each(['/office/', '/office/users', '/office/reset/abc-123', '/office/invitation/x.y'])(
    'answers %s with the shell, never cached without a check',
    async (url) => {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toBe(SHELL);
    },
  );

  it('serves hashed assets for a year, compressed when the browser accepts it', async () => {
    const plain = await app.inject('/office/assets/index-AbC123.js');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.body).toBe(SCRIPT);

    const br = await app.inject({
      url: '/office/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
  });

  it('answers 404 for a missing asset instead of the shell', async () => {
    for (const url of [
      '/office/assets/nope.js',
      '/office/assets/sub/dir.js',
      '/office/assets/..%2F..%2Fetc%2Fpasswd',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toContain('Flytthit kontor');
    }
  });

  it('serves files beside the shell, and 404 for missing ones', async () => {
    const icon = await app.inject('/office/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect((await app.inject('/office/robots.txt')).statusCode).toBe(404);
  });
});

describe('office routes without a build', () => {
  it('answers 503 telling how to build, in the reader’s language', async () => {
    const app = await officeApp(join(tmpdir(), 'flytthit-office-does-not-exist'));
    try {
      const res = await app.inject('/office/users');
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('npm run build:web');
      expect(res.body).toContain('<html lang="nb">');
      const en = await app.inject({ url: '/office/', headers: { cookie: 'lang=en' } });
      expect(en.statusCode).toBe(503);
      expect(en.body).toContain('The office has not been built');
    } finally {
      await app.close();
    }
  });
});

describe('office in the whole app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('is registered and open to anonymous visitors (the API guards the data)', async () => {
    const res = await t.app.inject('/office/');
    expect([200, 503]).toContain(res.statusCode);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });
});
