import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';

const html = { accept: 'text/html', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' };
const ORIGIN = 'http://localhost:80';

/** The other hosts a page or stylesheet would make the browser (or a link preview) fetch from. */
function hostsIn(text: string): string[] {
  const withoutJsonLd = text.replace(/<script type="application\/ld\+json">.*?<\/script>/gs, '');
  const urls = [
    // Links a visitor may follow (<a href>) are navigations, not requests the page makes.
    ...withoutJsonLd.matchAll(
      /<(?!a\s)[a-z]+\s[^>]*?\s(?:src|href|content|srcset|action|poster)="([^"]*)"/g,
    ),
    ...withoutJsonLd.matchAll(/url\(\s*['"]?([^'")]+)/g),
    ...withoutJsonLd.matchAll(/@import\s+['"]([^'"]+)/g),
  ].map((m) => m[1]!);
  return urls
    .filter((u) => /^(https?:)?\/\//i.test(u))
    .map((u) => new URL(u, ORIGIN).origin)
    .filter((o) => o !== new URL(ORIGIN).origin);
}

describe.each(testDialects)('search engines, sharing and privacy of the site on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = html) =>
    t.app.inject({ method: 'GET', url, headers });

  it('lists every page in three languages in sitemap.xml, each with its hreflang alternates', async () => {
    const res = await get('/sitemap.xml', { accept: '*/*' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const xml = res.body;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    // Well-formed enough for a parser: every <url> closes, no bare ampersand.
    expect(xml.match(/<url>/g)?.length).toBe(xml.match(/<\/url>/g)?.length);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const path of [
      '/',
      '/nn/',
      '/en/',
      '/kommune/tynset',
      '/nn/kommune/roros',
      '/en/statistikk',
      '/tilgjengelighet',
    ]) {
      expect(locs).toContain(`${ORIGIN}${path}`);
    }
    // 7 municipalities + front + statistics + accessibility at least, × 3 languages.
    expect(locs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.some((l) => /office|api|samtykke|reservasjon|:/.test(l.slice(ORIGIN.length)))).toBe(
      false,
    );
    const tynset =
      /<url>\n<loc>http:\/\/localhost:80\/nn\/kommune\/tynset<\/loc>\n([\s\S]*?)<\/url>/.exec(xml);
    expect(tynset?.[1]).toContain(
      `<xhtml:link rel="alternate" hreflang="nb" href="${ORIGIN}/kommune/tynset"/>`,
    );
    expect(tynset?.[1]).toContain(
      `<xhtml:link rel="alternate" hreflang="en" href="${ORIGIN}/en/kommune/tynset"/>`,
    );
    expect(tynset?.[1]).toContain(
      `<xhtml:link rel="alternate" hreflang="x-default" href="${ORIGIN}/kommune/tynset"/>`,
    );
  });

  it('robots.txt allows the site, keeps robots out of the office, the API and personal links, and names the sitemap', async () => {
    const res = await get('/robots.txt', { accept: '*/*' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    for (const line of [
      'User-agent: *',
      'Allow: /',
      'Disallow: /office/',
      'Disallow: /api/',
      'Disallow: /samtykke/',
      'Disallow: /nn/samtykke/',
      'Disallow: /undersokelse/',
      'Disallow: /reservasjon',
      'Disallow: /en/reservasjon',
      'Disallow: /ring/',
      `Sitemap: ${ORIGIN}/sitemap.xml`,
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines).not.toContain('Disallow: /');
  });

  it('gives the front page and a municipality page Open Graph and Twitter card meta', async () => {
    const front = await get('/en/');
    expect(front.body).toContain('<meta property="og:title" content="Fjellregionen"/>');
    expect(front.body).toContain(`<meta property="og:url" content="${ORIGIN}/en/"/>`);
    expect(front.body).toContain('<meta property="og:locale" content="en_GB"/>');
    expect(front.body).toContain('<meta property="og:locale:alternate" content="nb_NO"/>');
    expect(front.body).toContain('<meta property="og:locale:alternate" content="nn_NO"/>');
    expect(front.body).toMatch(/<meta property="og:description" content="[^"]+"\/>/);
    // No uploaded image: the default one in the region's colour, from this origin.
    const image = /<meta property="og:image" content="([^"]+)"\/>/.exec(front.body)?.[1];
    expect(image).toMatch(/^http:\/\/localhost:80\/assets\/site\/social-0b5e3b\.png$/);
    expect(front.body).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    const png = await get(image!.slice(ORIGIN.length), { accept: 'image/*' });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(png.rawPayload.readUInt32BE(16)).toBe(1200);
    expect(png.rawPayload.readUInt32BE(20)).toBe(630);

    const tynset = await get('/nn/kommune/tynset');
    expect(tynset.body).toMatch(/<meta property="og:title" content="Tynset – Fjellregionen"\/>/);
    expect(tynset.body).toContain(
      `<meta property="og:url" content="${ORIGIN}/nn/kommune/tynset"/>`,
    );
    expect(tynset.body).toContain('<meta property="og:locale" content="nn_NO"/>');
    expect(tynset.body).toContain('<meta name="twitter:title" content="Tynset – Fjellregionen"/>');
    expect(tynset.body).not.toContain('application/ld+json');
  });

  it('describes the programme as a schema.org Organization on the front page', async () => {
    const front = await get('/');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(front.body)?.[1];
    expect(json).toBeDefined();
    const org = JSON.parse(json!) as Record<string, unknown>;
    expect(org['@context']).toBe('https://schema.org');
    expect(org['@type']).toBe('Organization');
    expect(org.name).toBe('Fjellregionen');
    expect(org.url).toBe(`${ORIGIN}/`);
    expect((org.areaServed as Array<{ name: string }>).map((a) => a.name)).toContain('Tynset');
    // The only script on the page is this data block: nothing runs.
    expect(front.body.match(/<script/g)).toHaveLength(1);
  });

  it('makes no public page or stylesheet fetch anything from another host', async () => {
    const pages = [
      '/',
      '/nn/',
      '/en/',
      '/kommune/tynset',
      '/en/kommune/os',
      '/statistikk',
      '/tilgjengelighet',
      '/en/nope',
    ];
    for (const path of pages) {
      const res = await get(path);
      expect(hostsIn(res.body), path).toEqual([]);
      for (const [, css] of res.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
        const sheet = await get(css!, { accept: 'text/css' });
        expect(sheet.statusCode).toBe(200);
        expect(hostsIn(sheet.body), css).toEqual([]);
      }
    }
    // The typeface is ours: Inter from this origin.
    const front = await get('/');
    const cssUrl = /<link rel="stylesheet" href="([^"]+)"/.exec(front.body)![1]!;
    const css = (await get(cssUrl, { accept: 'text/css' })).body;
    expect(css).toMatch(
      /@font-face\s*\{[^}]*font-family:\s*['"]?Inter['"]?[^}]*url\(\/assets\/site\/inter-/,
    );
    expect(css).toMatch(/--ds-font-family:\s*"Inter"/);
  });

  it('keeps the front page under 200 KB transferred: page, stylesheets, Latin fonts', async () => {
    const compressed = { ...html, 'accept-encoding': 'br, gzip' };
    const front = await get('/', compressed);
    let total = front.rawPayload.length;
    const sheets = [...front.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    let css = '';
    for (const sheet of sheets) {
      const res = await get(sheet, { accept: 'text/css', 'accept-encoding': 'br' });
      total += res.rawPayload.length;
      if (sheet.includes('/site.')) css = (await get(sheet, { accept: 'text/css' })).body;
    }
    // The browser fetches only the faces whose unicode-range the page uses: Latin here.
    const fonts = [
      ...css.matchAll(/url\((\/assets\/site\/inter-latin-\d+-normal\.[0-9a-f]+\.woff2)\)/g),
    ];
    expect(fonts.length).toBe(3);
    for (const [, font] of fonts) total += (await get(font!, { accept: '*/*' })).rawPayload.length;
    expect(total).toBeLessThan(200 * 1024);
  });

  it('answers unknown pages under /nn and /en with the 404 page in that language, unindexed', async () => {
    for (const [url, lang, text] of [
      ['/nn/ingen/side', 'nn', 'Sida finst ikkje'],
      ['/en/no/such/page', 'en', 'Page not found'],
      ['/ingen-side', 'nb', 'Siden finnes ikke'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain(`<html lang="${lang}"`);
      expect(res.body).toContain(text);
      expect(res.body).toContain('<meta name="robots" content="noindex"/>');
      expect(res.body).not.toContain('og:url');
    }
  });
});
