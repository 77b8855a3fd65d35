import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import { seedSnapshotIfEmpty } from '../statistics/statistics.demo.js';

/** What a current browser sends: it takes compressed files where the server offers them. */
const browser = {
  accept: 'text/html,application/xhtml+xml',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36',
};
const LIMIT = 200 * 1024;

/** Same-origin stylesheets, scripts, fonts and icons a page's HTML references. */
const referencedIn = (html: string) =>
  [
    ...html.matchAll(/<link[^>]+rel="(?:stylesheet|icon|preload|modulepreload)"[^>]*>/g),
    ...html.matchAll(/<script[^>]+src="[^"]+"[^>]*>/g),
  ]
    .map((m) => /(?:href|src)="([^"]+)"/.exec(m[0])?.[1])
    .filter((u): u is string => !!u && u.startsWith('/'));

/** Code points of a range list like `U+0000-00FF, U+0131`. */
const rangesOf = (list: string) =>
  list.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)] as const;
  });

/**
 * The fonts a browser fetches for a page: per @font-face, the first (best) format of its src,
 * and only when the page has a character in its unicode-range. Every weight counts, which
 * is more than a browser fetches for the weights a page really uses.
 */
function fontsFor(css: string, text: string): string[] {
  const points = new Set([...text].map((c) => c.codePointAt(0)!));
  const out: string[] = [];
  for (const face of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = face[1]!;
    const url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(body)?.[1];
    if (!url?.startsWith('/')) continue;
    const range = /unicode-range:\s*([^;]+)/.exec(body)?.[1];
    const used =
      !range || rangesOf(range).some(([from, to]) => [...points].some((p) => p >= from && p <= to));
    if (used) out.push(url);
  }
  return out;
}

/** The page's text as a browser would draw it (tags and markup left out). */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');

describe.each(testDialects)('front page weight and caching on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // The real front page: statistics imported (the demo region has events and jobs hooks).
    await seedSnapshotIfEmpty(t.deps.db, t.clock);
    t.clock.advanceMinutes(1);
  });
  afterAll(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = browser) =>
    t.app.inject({ method: 'GET', url, headers });

  it('sends the front page with its CSS, fonts and scripts in under 200 KB', async () => {
    const front = await get('/');
    expect(front.statusCode).toBe(200);
    const sizes = new Map<string, number>([['/', front.rawPayload.length]]);
    const queue = referencedIn(front.body);
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (sizes.has(url)) continue;
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      // Bytes on the wire: compressed when the server compressed it.
      sizes.set(url, res.rawPayload.length);
      const type = String(res.headers['content-type']);
      if (type.startsWith('text/css')) {
        const css = await get(url, { 'user-agent': browser['user-agent'] });
        queue.push(...fontsFor(css.body, textOf(front.body)));
      }
    }
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    expect(sizes.size).toBeGreaterThan(2); // the page, its stylesheets and at least one font
    expect([...sizes.keys()].some((u) => u.endsWith('.woff2'))).toBe(true);
    expect(total, JSON.stringify(Object.fromEntries(sizes))).toBeLessThan(LIMIT);
  });

  it('sends ETag and Cache-Control on public pages, and 304 for a known ETag', async () => {
    for (const url of [
      '/',
      '/en/kommune/tynset',
      '/statistikk',
      '/tilgjengelighet',
      '/jobber',
      '/arrangementer',
      '/nyheter',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(String(res.headers.etag), `${url} ETag`).toMatch(/^(W\/)?"[^"]+"$/);
      // A lifetime, or (events, whose seats change by the minute) revalidate every time.
      expect(String(res.headers['cache-control']), url).toMatch(/max-age=\d+|no-cache/);
      const again = await get(url, { ...browser, 'if-none-match': String(res.headers.etag) });
      expect(again.statusCode, url).toBe(304);
    }
  });

  it('sends the forms, which carry a fresh token each time, with Cache-Control: no-store', async () => {
    for (const url of ['/ny-i-kommunen', '/start-her', '/tips', '/reservasjon']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(String(res.headers['cache-control']), url).toContain('no-store');
    }
  });
});
