import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';

const html = { accept: 'text/html,application/xhtml+xml' };

/** Checks every page must pass: no script at all, no inline style, a strict CSP. */
function expectStrictPage(body: string, headers: Record<string, unknown>) {
  expect(body.startsWith('<!doctype html>')).toBe(true);
  // Nothing runs: the only script allowed is schema.org data (JSON-LD).
  expect(body.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '')).not.toMatch(
    /<script/i,
  );
  expect(body).not.toMatch(/\sstyle=/i);
  expect(body).not.toMatch(/<style/i);
  expect(body).not.toMatch(/\son[a-z]+=/i);
  expect(body.match(/<h1[\s>]/g)).toHaveLength(1);
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
}

describe.each(testDialects)('public site on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = html) =>
    t.app.inject({ method: 'GET', url, headers });

  it('front page lists the seven municipalities, in bokmål, with the demo notice', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expectStrictPage(res.body, res.headers);
    expect(res.body).toContain('<html lang="nb"');
    for (const name of ['Alvdal', 'Folldal', 'Os', 'Rendalen', 'Røros', 'Tolga', 'Tynset']) {
      expect(res.body).toContain(`>${name}</a>`);
    }
    expect(res.body).toContain('href="/kommune/tynset"');
    expect(res.body).toContain('Offisielt navn: Rosse - Røros');
    expect(res.body).toContain('Demodata: personer, tips og samtaler her er oppdiktet.');
    expect(res.body).toContain('href="#main"');
    expect(res.body).toMatch(/<main id="main" tabindex="-1"/);
    for (const landmark of ['<header', '<nav', '<main', '<footer']) {
      expect(res.body).toContain(landmark);
    }
    expect(res.body).toContain('href="/tilgjengelighet"');
    expect(res.body).toContain('href="/office/"');
  });

  it('municipality page shows Tynset, its county and the earlier number 0437 with the date', async () => {
    const res = await get('/kommune/tynset');
    expect(res.statusCode).toBe(200);
    expectStrictPage(res.body, res.headers);
    expect(res.body).toMatch(/<h1[^>]*>Tynset<\/h1>/);
    expect(res.body).toContain('3427');
    expect(res.body).toContain('Innlandet');
    expect(res.body).toMatch(/<strong>0437<\/strong> Tynset/);
    expect(res.body).toContain('Nytt nummer fra <time dateTime="2020-01-01">1. januar 2020</time>');
    const roros = await get('/kommune/roros');
    expect(roros.body).toContain('Rosse - Røros');
    expect(roros.body).toContain('1640');
  });

  it('nynorsk and English pages have their lang and their own texts', async () => {
    const nn = await get('/nn/kommune/tynset');
    expect(nn.statusCode).toBe(200);
    expectStrictPage(nn.body, nn.headers);
    expect(nn.body).toContain('<html lang="nn"');
    expect(nn.body).toContain('Tidlegare kommunenummer');
    expect(nn.body).toContain('1. januar 2020');
    expect(nn.body).toContain('Hopp til hovudinnhaldet');

    const en = await get('/en/');
    expect(en.statusCode).toBe(200);
    expectStrictPage(en.body, en.headers);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('The municipalities of the region');
    expect(en.body).toContain('Demo data: the people, tips and calls here are invented.');
    expect(en.body).toContain('href="/en/kommune/tynset"');
    const enTynset = await get('/en/kommune/tynset');
    expect(enTynset.body).toContain('1 January 2020');
    expect(enTynset.body).toContain('Earlier municipality numbers');
  });

  it('links the other languages of the same page: hreflang alternates and the switch', async () => {
    const res = await get('/nn/kommune/os');
    for (const [lang, path] of [
      ['nb', '/kommune/os'],
      ['nn', '/nn/kommune/os'],
      ['en', '/en/kommune/os'],
      ['x-default', '/kommune/os'],
    ]) {
      expect(res.body).toContain(
        `<link rel="alternate" hrefLang="${lang}" href="http://localhost:80${path}"/>`,
      );
    }
    expect(res.body).toMatch(/href="\/en\/kommune\/os" lang="en" hrefLang="en">English</);
    expect(res.body).toMatch(/href="\/nn\/kommune\/os"[^>]*aria-current="true">Nynorsk/);
    expect((await get('/en')).headers.location).toBe('/en/');
  });

  it('shows the accessibility statement in each language', async () => {
    for (const [url, title] of [
      ['/tilgjengelighet', 'Tilgjengelighetserklæring'],
      ['/nn/tilgjengelighet', 'Tilgjengeerklæring'],
      ['/en/tilgjengelighet', 'Accessibility statement'],
    ]) {
      const res = await get(url!);
      expect(res.statusCode).toBe(200);
      expectStrictPage(res.body, res.headers);
      expect(res.body.replaceAll('\u00ad', '')).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
    }
  });

  it('answers an unknown page with a 404 page in its language, with the security headers', async () => {
    const en = await get('/en/nope');
    expect(en.statusCode).toBe(404);
    expectStrictPage(en.body, en.headers);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Page not found');
    expect(en.body).toContain('href="/en/"');
    expect(en.headers['cache-control']).toBe('no-store');

    const nb = await get('/kommune/atlantis');
    expect(nb.statusCode).toBe(404);
    expect(nb.body).toContain('<html lang="nb"');
    expect(nb.body).toContain('Siden finnes ikke');

    const nn = await get('/nn/finst/ikkje');
    expect(nn.statusCode).toBe(404);
    expect(nn.body).toContain('Sida finst ikkje');

    // The language switch of a 404 never links to another host.
    const odd = await get('//evil.example/x');
    expect(odd.statusCode).toBe(404);
    expect(odd.body).not.toContain('href="//');

    // JSON clients keep JSON.
    const json = await get('/en/nope', { accept: 'application/json' });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  it('serves pages with an ETag and Cache-Control, and answers 304 when unchanged', async () => {
    const first = await get('/');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toContain('public');
    expect(first.headers['set-cookie']).toBeUndefined();
    const again = await get('/', { ...html, 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await get('/en/', { ...html, 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
  });

  it('serves the stylesheet, the region colour and the fonts from here, cached by hash', async () => {
    const page = await get('/');
    const links = [...page.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.startsWith('/assets/site/'))).toBe(true);

    const css = await get(links[0]!, { accept: 'text/css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('.ds-card');
    expect(css.body).toContain('font-family:');
    expect(css.body).not.toMatch(/@import|url\((['"]?)(https?:)?\/\/(?!\/)/);
    const font = /url\((\/assets\/site\/inter-latin-400-normal\.[0-9a-f]+\.woff2)\)/.exec(css.body);
    expect(font).not.toBeNull();
    const woff2 = await get(font![1]!, { accept: '*/*' });
    expect(woff2.statusCode).toBe(200);
    expect(woff2.headers['content-type']).toBe('font/woff2');
    expect(woff2.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');

    const region = await get(links[1]!, { accept: 'text/css' });
    expect(region.body).toContain('--flytthit-region:#0b5e3b');
    expect(region.body).toContain('--flytthit-region-contrast:#ffffff');

    const br = await get(links[0]!, { accept: 'text/css', 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect((await get('/assets/site/nothing.css', { accept: 'text/css' })).statusCode).toBe(404);
  });
});
