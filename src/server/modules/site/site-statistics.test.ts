import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import { seedSnapshotIfEmpty } from '../statistics/statistics.demo.js';

const html = { accept: 'text/html,application/xhtml+xml' };

/** No script, no inline style: the site's CSP allows neither. */
function expectStrictPage(body: string) {
  expect(body.startsWith('<!doctype html>')).toBe(true);
  expect(body).not.toMatch(/<script/i);
  expect(body).not.toMatch(/\sstyle=/i);
  expect(body).not.toMatch(/<style/i);
  expect(body.match(/<h1[\s>]/g)).toHaveLength(1);
}

const srcs = (body: string) => [...body.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);

describe.each(testDialects)('public statistics page on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: html });

  it('says honestly that nothing is imported yet, and is linked from the front page', async () => {
    const res = await get('/statistikk');
    expect(res.statusCode).toBe(200);
    expectStrictPage(res.body);
    expect(res.body).toContain('Ingen flyttetall ennå');
    expect(res.body).not.toContain('<table');
    expect(res.body).not.toContain('<img');
    const front = await get('/');
    expect(front.body).toContain('href="/statistikk"');
    expect((await get('/en/')).body).toContain('href="/en/statistikk"');
  });

  it('shows the summary, charts with tables, map, downloads, definitions and credits', async () => {
    await seedSnapshotIfEmpty(t.deps.db, t.clock); // SSB's real 2015K1 file
    t.clock.advanceMinutes(1); // past the page cache
    const res = await get('/statistikk');
    expect(res.statusCode).toBe(200);
    expectStrictPage(res.body);
    expect(res.body).toMatch(/<h1[^>]*>Flyttetall for Fjellregionen<\/h1>/);
    expect(res.body).toContain('1. april 2015 hadde kommunene i Fjellregionen');
    expect(res.body).toContain('Kilde: Statistisk sentralbyrå');
    expect(res.body).toContain('© Kartverket');
    expect(res.body).toContain('«Flyttet til regionen» er innvandring pluss');
    // Three tables with captions and header cells scoped to their rows and columns.
    expect(res.body.match(/<caption/g)).toHaveLength(3);
    expect(res.body).toContain('<th scope="col">Kommune</th>');
    expect(res.body).toMatch(/<th scope="row">Tynset<\/th>/);
    expect(res.body).toMatch(/<th scope="row">1\. kvartal 2015<\/th>/);
    // The quarter selector is a plain GET form.
    expect(res.body).toMatch(/<form class="fh-stat-form" action="\/statistikk" method="get">/);
    expect(res.body).toMatch(/<option value="2015K1" selected="">/);
    expect(res.body).toContain('series.csv?lang=nb');
    expect(res.body).toContain('series.xlsx?lang=nb');
    // Every picture has a text alternative and is served.
    const images = srcs(res.body);
    expect(images).toHaveLength(3);
    expect(res.body.match(/<img [^>]*alt="[^"]{20,}"/g)).toHaveLength(3);
    for (const src of images) {
      const img = await t.app.inject(src.replaceAll('&amp;', '&'));
      expect(img.statusCode, src).toBe(200);
      expect(img.headers['content-type']).toContain('image/svg+xml');
    }
  });

  it('answers in nynorsk and English, and a quarter without figures says so', async () => {
    const nn = await get('/nn/statistikk?quarter=2015K1');
    expect(nn.statusCode).toBe(200);
    expect(nn.body).toContain('<html lang="nn"');
    expect(nn.body).toContain('Flyttetal for Fjellregionen');
    expect(nn.body).toContain('Kjelde: Statistisk sentralbyrå');
    const en = await get('/en/statistikk');
    expect(en.body).toContain('Migration figures for Fjellregionen');
    expect(en.body).toContain('Source: Statistics Norway');
    expect(en.body).toContain('lang=en');
    const missing = await get('/statistikk?quarter=1999K1');
    expect(missing.statusCode).toBe(200);
    expect(missing.body).toContain('Det finnes ingen tall for 1. kvartal 1999');
    const bad = await get('/statistikk?quarter=nope');
    expect(bad.statusCode).toBe(400);
  });
});
