import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';

const html = { accept: 'text/html' };
let n = 0;
const slug = (base: string) => {
  n += 1;
  return `${base}-${n}`;
};

describe.each(testDialects)('pages and news on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  // Past the page cache's few seconds, so a visitor sees the latest state.
  const visit = (url: string, headers: Record<string, string> = {}) => {
    t.clock.advance(6_000);
    return t.app.inject({ method: 'GET', url, headers: { ...html, ...headers } });
  };
  const create = async (kind: 'page' | 'news', s: string, texts: object) => {
    const res = await leader.request({
      method: 'POST',
      url: '/api/content',
      payload: { kind, slug: s, texts },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string; currentRevision: number };
  };
  const post = (url: string) => leader.request({ method: 'POST', url });

  it('keeps a draft off the site until it is published; then serves it with ETag and caching', async () => {
    const s = slug('om-regionen');
    const item = await create('page', s, {
      nb: { title: 'Om regionen', body: 'Her er det **godt** å bo.\n\n## Skule\n\nMange.' },
    });
    expect(item.status).toBe('draft');
    const draft = await visit(`/side/${s}`);
    expect(draft.statusCode).toBe(404);
    expect(draft.body).toContain('Siden finnes ikke');

    const published = await post(`/api/content/${item.id}/publish`);
    expect(published.json().status).toBe('published');
    const page = await visit(`/side/${s}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1');
    expect(page.body).toContain('Om regionen');
    expect(page.body).toContain('<strong>godt</strong>');
    expect(page.body).toContain('<h2>Skule</h2>');
    expect(page.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await visit(`/side/${s}`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);

    const sitemap = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(sitemap.body).toContain(`/side/${s}</loc>`);
    expect(sitemap.body).toContain(`/nn/side/${s}</loc>`);
    expect(sitemap.body).toContain(`hreflang="en" href="http://localhost:80/en/side/${s}"`);

    await post(`/api/content/${item.id}/unpublish`);
    expect((await visit(`/side/${s}`)).statusCode).toBe(404);
    const after = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(after.body).not.toContain(`/side/${s}<`);
  });

  it('answers an unknown page with the 404 page in the visitor’s language', async () => {
    const nn = await visit('/nn/side/finst-ikkje');
    expect(nn.statusCode).toBe(404);
    expect(nn.body).toContain('lang="nn"');
    expect(nn.body).toContain('Sida finst ikkje');
    const en = await visit('/en/nyheter/no-such-news');
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('Page not found');
  });

  it('saves edits as new revisions, shows the published one, and restores an old one as a new revision', async () => {
    const s = slug('bo-her');
    const item = await create('page', s, { nb: { title: 'Bo her', body: 'Første tekst.' } });
    await post(`/api/content/${item.id}/publish`);
    const saved = await leader.request({
      method: 'PUT',
      url: `/api/content/${item.id}`,
      payload: { texts: { nb: { title: 'Bo her', body: 'Andre tekst.' } } },
    });
    expect(saved.json()).toMatchObject({ status: 'changed', currentRevision: 2 });
    // The visitor still sees what was published.
    expect((await visit(`/side/${s}`)).body).toContain('Første tekst.');

    await post(`/api/content/${item.id}/publish`);
    expect((await visit(`/side/${s}`)).body).toContain('Andre tekst.');

    const restored = await post(`/api/content/${item.id}/revisions/1/restore`);
    expect(restored.statusCode).toBe(200);
    const view = restored.json();
    expect(view.currentRevision).toBe(3);
    expect(view.texts.nb.body).toBe('Første tekst.');
    expect(view.revisions.map((r: { number: number }) => r.number)).toEqual([3, 2, 1]);
    expect(view.revisions[0].restoredFrom).toBe(1);
    // Nothing is lost: revision 2 is still there to bring back.
    const two = await leader.request({ method: 'GET', url: `/api/content/${item.id}/revisions/2` });
    expect(two.json().texts.nb.body).toBe('Andre tekst.');
    // Restoring is a draft until published.
    expect((await visit(`/side/${s}`)).body).toContain('Andre tekst.');
    await post(`/api/content/${item.id}/publish`);
    expect((await visit(`/side/${s}`)).body).toContain('Første tekst.');
  });

  it('renders Markdown with script, raw HTML and javascript: links harmless', async () => {
    const evil = [
      '<script>alert("x")</script>',
      '<img src=x onerror="alert(1)">',
      '[klikk](javascript:alert(1))',
      '[klikk](JAVASCRIPT:alert(1))',
      '<a href="javascript:alert(1)">lenke</a>',
      '![bilde](javascript:alert(1))',
      '<iframe src="https://evil.example"></iframe>',
      '<div style="background:url(x)" onclick="alert(1)">div</div>',
      '![utenfra](https://evil.example/spor.png)',
      '[ok](https://example.no)',
    ].join('\n\n');
    const preview = await leader.request({
      method: 'POST',
      url: '/api/content/preview',
      payload: { markdown: evil },
    });
    const s = slug('xss');
    const item = await create('page', s, { nb: { title: 'Test <script>', body: evil } });
    await post(`/api/content/${item.id}/publish`);
    const page = await visit(`/side/${s}`);
    for (const out of [preview.json().html as string, page.body]) {
      expect(out).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
      expect(out).not.toMatch(/<(iframe|div style)/i);
      // Inside a real tag (typed HTML is escaped text, which is harmless).
      expect(out).not.toMatch(/<[^>]*\son\w+=/i);
      expect(out).not.toMatch(/<[^>]*(href|src)="javascript:/i);
      // No image from another host: the site fetches nothing elsewhere.
      expect(out).not.toContain('src="https://evil.example');
      expect(out).toContain('<img alt="utenfra" />');
      expect(out).toContain('<a href="https://example.no" rel="noopener noreferrer">ok</a>');
    }
    // What the editor typed is shown as text.
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.body).toContain('Test &lt;script&gt;');
  });

  it('shows the bokmål text with a visible notice and lang="nb" when the visitor’s language is missing', async () => {
    const s = slug('berre-bokmal');
    const item = await create('page', s, {
      nb: { title: 'Bare bokmål', body: 'Tekst på bokmål.' },
    });
    await post(`/api/content/${item.id}/publish`);
    const nn = await visit(`/nn/side/${s}`);
    expect(nn.statusCode).toBe(200);
    expect(nn.body).toContain('<html lang="nn"');
    expect(nn.body).toContain('Denne sida finst ikkje på nynorsk enno; her er ho på bokmål.');
    expect(nn.body).toMatch(/<article lang="nb">[\s\S]*Bare bokmål[\s\S]*Tekst på bokmål\./);
    const en = await visit(`/en/side/${s}`);
    expect(en.body).toContain(
      'This page is not yet available in English; here it is in Norwegian Bokmål.',
    );
    const nb = await visit(`/side/${s}`);
    expect(nb.body).not.toContain('fh-content__fallback');
    expect(nb.body).toContain('<article>');

    // With a nynorsk text, the nynorsk visitor gets it without a notice.
    await leader.request({
      method: 'PUT',
      url: `/api/content/${item.id}`,
      payload: {
        texts: {
          nb: { title: 'Bare bokmål', body: 'Tekst på bokmål.' },
          nn: { title: 'Nynorsk', body: 'Tekst på nynorsk.' },
        },
      },
    });
    await post(`/api/content/${item.id}/publish`);
    const nn2 = await visit(`/nn/side/${s}`);
    expect(nn2.body).toContain('Tekst på nynorsk.');
    expect(nn2.body).not.toContain('finst ikkje på nynorsk');
  });

  it('lists published news only, newest first, and serves each item', async () => {
    const first = await create('news', slug('nyhet'), {
      nb: { title: 'Første nyhet', body: 'A.' },
    });
    await post(`/api/content/${first.id}/publish`);
    t.clock.advance(60_000);
    const second = await create('news', slug('nyhet'), {
      nb: { title: 'Andre nyhet', body: 'B først.\n\nMer.' },
    });
    await post(`/api/content/${second.id}/publish`);
    await create('news', slug('utkast'), { nb: { title: 'Hemmelig utkast', body: 'C.' } });
    const list = await visit('/nyheter');
    expect(list.statusCode).toBe(200);
    expect(list.headers.etag).toBeTruthy();
    expect(list.body).not.toContain('Hemmelig utkast');
    expect(list.body.indexOf('Andre nyhet')).toBeLessThan(list.body.indexOf('Første nyhet'));
    expect(list.body).toContain('B først.');
    const en = await visit('/en/nyheter');
    expect(en.body).toContain('<h1');
    expect(en.body).toContain('News');
    expect(en.body).toMatch(/lang="nb"[^>]*>Andre nyhet/);
    const sitemap = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(sitemap.body).toContain('/nyheter</loc>');
  });

  it('refuses bad input naming the field, and another region’s page is not found', async () => {
    const bad = await leader.request({
      method: 'POST',
      url: '/api/content',
      payload: { kind: 'page', slug: 'Ikke Gyldig', texts: {} },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toContain('slug');
    expect(fields).toContain('texts');

    const s = slug('dobbel');
    await create('page', s, { nb: { title: 'Én', body: '' } });
    const twice = await leader.request({
      method: 'POST',
      url: '/api/content',
      payload: { kind: 'page', slug: s, texts: { nb: { title: 'To', body: '' } } },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details[0].field).toBe('slug');

    const other = await t.app.inject({ method: 'GET', url: '/api/regions' });
    expect(other.statusCode).toBe(401);
    const host = await signIn(t, await createTestUser(t, { role: 'host' }));
    const denied = await host.request({ method: 'GET', url: '/api/content' });
    expect(denied.statusCode).toBe(403);
  });
});
