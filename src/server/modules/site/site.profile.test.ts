import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { solidPng } from './site.assets.js';

const browser = { accept: 'text/html', 'user-agent': 'Mozilla/5.0 (Android 15) Firefox/140.0' };
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

describe.each(testDialects)('the site’s visual profile and visit count on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  const upload = (kind: string, contentType: string, data: Buffer | string) =>
    leader.request({
      method: 'PUT',
      url: `/api/site/profile/images/${kind}`,
      payload: { contentType, dataBase64: b64(data) },
    });

  it('refuses a brand colour whose text would lack contrast, naming the pair; accepts a good one', async () => {
    const grey = await leader.request({
      method: 'PUT',
      url: '/api/site/profile/color',
      payload: { brandColor: '#808080' },
    });
    expect(grey.statusCode).toBe(400);
    const details = grey.json().error.details as Array<{ field: string; message: string }>;
    expect(details[0]!.field).toBe('brandColor');
    expect(details[0]!.message).toMatch(
      /^hero-text-on-brand: #ffffff on #808080 has contrast 3\.\d+:1; at least 4\.5:1 is needed$/,
    );

    const bad = await leader.request({
      method: 'PUT',
      url: '/api/site/profile/color',
      payload: { brandColor: 'green' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('brandColor');

    const ok = await leader.request({
      method: 'PUT',
      url: '/api/site/profile/color',
      payload: { brandColor: '#7A1F5C' },
    });
    expect(ok.statusCode).toBe(200);
    const profile = ok.json();
    expect(profile.brandColor).toBe('#7a1f5c');
    expect(profile.contrast.length).toBeGreaterThanOrEqual(6);
    for (const pair of profile.contrast) expect(pair.ratio).toBeGreaterThanOrEqual(pair.required);

    // A light brand colour gets dark text and darkened link shades, all passing.
    const light = await leader.request({
      method: 'PUT',
      url: '/api/site/profile/color',
      payload: { brandColor: '#f2c94c' },
    });
    expect(light.statusCode).toBe(200);
    const links = light.json().contrast.find((p: { pair: string }) => p.pair === 'link-on-page');
    expect(links.ratio).toBeGreaterThanOrEqual(4.5);

    // The site shows the new colour within the page cache's few seconds.
    t.clock.advance(61_000);
    const page = await t.app.inject({ method: 'GET', url: '/', headers: browser });
    const sheet = /href="(\/assets\/site\/region-f2c94c\.[0-9a-f]{8}\.css)"/.exec(page.body)?.[1];
    expect(sheet).toBeDefined();
    const css = await t.app.inject({ method: 'GET', url: sheet! });
    expect(css.body).toContain('--flytthit-region:#f2c94c');
    expect(css.body).toContain('--ds-color-accent-text-subtle:#');
  });

  it('refuses an upload that is not an image, is too large, or is unsafe SVG, with the reason', async () => {
    const text = await upload('social', 'image/png', 'Dette er ikke et bilde');
    expect(text.statusCode).toBe(400);
    expect(text.json().error.details).toEqual([
      { field: 'dataBase64', message: 'The file is not an image (PNG, JPEG or SVG)' },
    ]);

    const big = Buffer.concat([solidPng('0b5e3b', 10, 10), Buffer.alloc(1_200_000, 1)]);
    const tooLarge = await upload('social', 'image/png', big);
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().error.details[0].message).toMatch(
      /^The file is \d+ KB; at most 1024 KB is allowed$/,
    );

    const claimed = await upload('social', 'image/jpeg', solidPng('0b5e3b', 1200, 630));
    expect(claimed.json().error.details[0].message).toBe('The file is image/png, not image/jpeg');

    const tiny = await upload('social', 'image/png', solidPng('0b5e3b', 100, 50));
    expect(tiny.json().error.details[0].message).toBe(
      'The image is 100×50 pixels; at least 200 on each side',
    );

    const script = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const unsafe = await upload('logo', 'image/svg+xml', script);
    expect(unsafe.statusCode).toBe(400);
    expect(unsafe.json().error.details[0].message).toBe(
      'The SVG contains a script, which the site does not allow',
    );
    const remote =
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>';
    expect((await upload('logo', 'image/svg+xml', remote)).json().error.details[0].message).toBe(
      'The SVG contains a link to another file, which the site does not allow',
    );

    const notSquare = await upload('favicon', 'image/png', solidPng('0b5e3b', 64, 32));
    expect(notSquare.json().error.details[0].message).toBe('The image is 64×32; it must be square');
    expect((await upload('banner', 'image/png', solidPng('0b5e3b', 64, 64))).statusCode).toBe(400);
    const profile = await leader.request({ method: 'GET', url: '/api/site/profile' });
    expect(profile.json().images).toEqual({ logo: null, favicon: null, social: null });
  });

  it('shows uploaded images on the site from this origin, under content-hash names, cached long', async () => {
    const logo =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path fill="#7a1f5c" d="M0 0h10v10H0z"/></svg>';
    expect((await upload('logo', 'image/svg+xml', logo)).statusCode).toBe(200);
    expect((await upload('favicon', 'image/png', solidPng('7a1f5c', 32, 32))).statusCode).toBe(200);
    const social = await upload('social', 'image/png', solidPng('7a1f5c', 1200, 630));
    expect(social.statusCode).toBe(200);
    const images = social.json().images;
    expect(images.social.url).toMatch(/^\/assets\/site\/img\/[0-9a-f]{20}\.png$/);

    t.clock.advance(61_000);
    const front = await t.app.inject({ method: 'GET', url: '/en/', headers: browser });
    expect(front.body).toContain(`<img class="fh-brand__logo" src="${images.logo.url}" alt=""/>`);
    expect(front.body).toContain(`<link rel="icon" href="${images.favicon.url}"/>`);
    expect(front.body).toContain(
      `<meta property="og:image" content="http://localhost:80${images.social.url}"/>`,
    );
    const org = JSON.parse(/application\/ld\+json">(.*?)<\/script>/s.exec(front.body)![1]!);
    expect(org.logo).toBe(`http://localhost:80${images.logo.url}`);

    const svg = await t.app.inject({ method: 'GET', url: images.logo.url });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(svg.headers['content-security-policy']).toContain("default-src 'none'");
    expect(svg.body).toBe(logo);
    const again = await t.app.inject({
      method: 'GET',
      url: images.logo.url,
      headers: { 'if-none-match': String(svg.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(
      (await t.app.inject({ method: 'GET', url: '/assets/site/img/0000.png' })).statusCode,
    ).toBe(404);

    // Removing twice is as removing once.
    for (let i = 0; i < 2; i++) {
      const removed = await leader.request({
        method: 'DELETE',
        url: '/api/site/profile/images/logo',
      });
      expect(removed.statusCode).toBe(200);
      expect(removed.json().images.logo).toBeNull();
    }
  });

  it('counts page views without a cookie and without storing anything about the visitor', async () => {
    const day = t.clock.now().toISOString().slice(0, 10);
    let etag = '';
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/kommune/tynset', headers: browser });
      expect(res.statusCode).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      etag = String(res.headers.etag);
    }
    const unchanged = await t.app.inject({
      method: 'GET',
      url: '/kommune/tynset',
      headers: { ...browser, 'if-none-match': etag },
    });
    expect(unchanged.statusCode).toBe(304);
    await t.app.inject({ method: 'GET', url: '/en/kommune/tynset', headers: browser });
    // Robots, link previews, prefetches, 404s and unchanged pages (304) are not views.
    await t.app.inject({
      method: 'GET',
      url: '/kommune/tynset',
      headers: { ...browser, 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
    });
    await t.app.inject({
      method: 'GET',
      url: '/kommune/tynset',
      headers: { ...browser, 'sec-purpose': 'prefetch' },
    });
    await t.app.inject({ method: 'GET', url: '/kommune/atlantis', headers: browser });

    const visits = await leader.request({ method: 'GET', url: '/api/site/visits' });
    expect(visits.statusCode).toBe(200);
    const body = visits.json();
    const tynset = body.pages.find((p: { path: string }) => p.path === '/kommune/tynset');
    expect(tynset.views).toBe(4);
    expect(body.pages.some((p: { path: string }) => p.path === '/kommune/atlantis')).toBe(false);
    expect(body.months).toContainEqual({ month: day.slice(0, 7), views: body.total });
    expect(
      body.locales.find((l: { locale: string }) => l.locale === 'en').views,
    ).toBeGreaterThanOrEqual(2);

    const rows = await t.deps.db.selectFrom('siteVisits').selectAll().execute();
    expect(Object.keys(rows[0]!).sort()).toEqual(['day', 'locale', 'path', 'regionId', 'views']);
    const stored = JSON.stringify(rows);
    expect(stored).not.toMatch(/127\.0\.0\.1|Mozilla|Firefox|Googlebot/);

    const { siteVisitsIndicator } = await import('./site.visits.js');
    const indicator = await siteVisitsIndicator(t.deps.db, {
      regionId: t.demoRegionId,
      from: day,
      to: day,
    });
    expect(indicator.views).toBe(body.total);
    expect(indicator.englishViews).toBeGreaterThanOrEqual(2);
    const backwards = await leader.request({
      method: 'GET',
      url: '/api/site/visits?from=2026-12-31&to=2026-01-01',
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('lets an administrator edit any region, naming it; and refuses a host', async () => {
    const admin = await signIn(t, await createTestUser(t, { role: 'admin' }));
    const missing = await admin.request({ method: 'GET', url: '/api/site/profile' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('region');
    const named = await admin.request({
      method: 'GET',
      url: `/api/site/profile?region=${t.demoRegionId}`,
    });
    expect(named.statusCode).toBe(200);
    expect(named.json().regionName).toBe('Fjellregionen');
    const host = await signIn(t, await createTestUser(t, { role: 'host' }));
    expect((await host.request({ method: 'GET', url: '/api/site/profile' })).statusCode).toBe(403);
  });
});
