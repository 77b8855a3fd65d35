import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { seedSnapshotIfEmpty } from '../statistics/statistics.demo.js';
import { solidPng } from './site.assets.js';

const html = { accept: 'text/html,application/xhtml+xml' };

describe.each(testDialects)('a municipality’s page and the site’s shell on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  const get = async (url: string) => {
    t.clock.advanceMinutes(1); // past the 5-second page cache
    return t.app.inject({ method: 'GET', url, headers: html });
  };

  it('shows the vacancies with a link and no host box or facts before any are set', async () => {
    const res = await get('/kommune/tynset');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/jobber?municipality=3427"');
    expect(res.body).not.toContain('Kontakt vertskapet');
    expect(res.body).not.toContain('Kommunen i tall');
  });

  it('shows population and net migration of the latest quarter, with the source', async () => {
    await seedSnapshotIfEmpty(t.deps.db, t.clock);
    const res = await get('/kommune/tynset');
    expect(res.body).toContain('Kommunen i tall');
    expect(res.body).toMatch(/<dt>Folketall<\/dt><dd>[\d\s\u00a0]+<\/dd>/);
    expect(res.body).toMatch(/<dt>Nettoinnflytting<\/dt><dd>[−+\-–\d\s\u00a0]+<\/dd>/);
    expect(res.body).toContain('Ved utgangen av 1. kvartal 2015');
    const en = await get('/en/kommune/tynset');
    expect(en.body).toContain('At the end of Q1 2015');
  });

  it('lets a programme leader set the host contact, shown on the page, refusing bad input', async () => {
    const bad = await leader.request({
      method: 'PUT',
      url: '/api/site/municipality-hosts/3427',
      payload: { name: '', email: 'nope', phone: '12' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email']));
    const badPhone = await leader.request({
      method: 'PUT',
      url: '/api/site/municipality-hosts/3427',
      payload: { name: 'Vertskapet i Tynset', phone: '12' },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details[0].field).toBe('phone');
    // A municipality outside the region is not found.
    const other = await leader.request({
      method: 'PUT',
      url: '/api/site/municipality-hosts/0301',
      payload: { name: 'Oslo' },
    });
    expect(other.statusCode).toBe(404);

    const ok = await leader.request({
      method: 'PUT',
      url: '/api/site/municipality-hosts/3427',
      payload: { name: 'Vertskapet i Tynset', email: 'vert@tynset.example', phone: '62 48 50 00' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().contact).toMatchObject({ name: 'Vertskapet i Tynset', phone: '+4762485000' });
    const list = await leader.request({ method: 'GET', url: '/api/site/municipality-hosts' });
    expect(list.json().hosts).toHaveLength(7);

    const page = await get('/kommune/tynset');
    expect(page.body).toContain('Kontakt vertskapet');
    expect(page.body).toContain('href="mailto:vert@tynset.example"');
    expect(page.body).toContain('href="tel:+4762485000"');
    // Only on its own municipality's page.
    expect((await get('/kommune/roros')).body).not.toContain('Kontakt vertskapet');

    const removed = await leader.request({
      method: 'DELETE',
      url: '/api/site/municipality-hosts/3427',
    });
    expect(removed.statusCode).toBe(204);
    expect((await get('/kommune/tynset')).body).not.toContain('Kontakt vertskapet');
  });

  it('shows the municipality’s own text from the content page kommune-<slug>, falling back visibly', async () => {
    const created = await leader.request({
      method: 'POST',
      url: '/api/content',
      payload: {
        kind: 'page',
        slug: 'kommune-tynset',
        texts: { nb: { title: 'Velkommen til Tynset', body: 'Her er det **godt** å bo.' } },
      },
    });
    expect(created.statusCode).toBe(201);
    // A draft is not shown.
    expect((await get('/kommune/tynset')).body).not.toContain('Velkommen til Tynset');
    const published = await leader.request({
      method: 'POST',
      url: `/api/content/${created.json().id}/publish`,
    });
    expect(published.statusCode).toBe(200);
    const nb = await get('/kommune/tynset');
    expect(nb.body).toContain('Velkommen til Tynset');
    expect(nb.body).toContain('<strong>godt</strong>');
    expect(nb.body).not.toContain('finnes ikke på');
    const en = await get('/en/kommune/tynset');
    expect(en.body).toContain('This text is not available in English yet');
    expect(en.body).toContain('<section lang="nb"');
    const nn = await get('/nn/kommune/tynset');
    expect(nn.body).toContain('Denne teksten finst ikkje på nynorsk enno');
  });

  it('links news, jobs, events and the accessibility statement from every page’s footer', async () => {
    const footers: Array<[string, string[]]> = [
      ['/', ['href="/nyheter">Nyheter', 'href="/tilgjengelighet">Tilgjengelighetserklæring']],
      [
        '/nn/kommune/tynset',
        ['href="/nn/nyheter">Nyheiter', 'href="/nn/tilgjengelighet">Tilgjengeerklæring'],
      ],
      ['/en/statistikk', ['href="/en/nyheter">News', 'href="/en/tilgjengelighet">Accessibility']],
      ['/jobber', ['href="/jobber">Ledige stillinger', 'href="/tilgjengelighet"']],
      ['/en/arrangementer', ['href="/en/arrangementer">Events', 'href="/en/tilgjengelighet"']],
      ['/nyheter', ['href="/nyheter">Nyheter', 'href="/tilgjengelighet"']],
      ['/side/finnes-ikke', ['href="/nyheter">Nyheter', 'href="/tilgjengelighet"']],
    ];
    for (const [url, links] of footers) {
      const res = await get(url);
      const footer = res.body.slice(res.body.indexOf('<footer'));
      for (const link of links) expect(footer, `${url}: ${link}`).toContain(link);
    }
  });

  it('shows the region’s logo and favicon on the public pages of every module', async () => {
    const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
    const upload = async (kind: string, contentType: string, data: Buffer | string) => {
      const res = await leader.request({
        method: 'PUT',
        url: `/api/site/profile/images/${kind}`,
        payload: { contentType, dataBase64: b64(data) },
      });
      expect(res.statusCode).toBe(200);
      return res.json().images;
    };
    await upload(
      'logo',
      'image/svg+xml',
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10H0z"/></svg>',
    );
    const images = await upload('favicon', 'image/png', solidPng('7a1f5c', 32, 32));
    const pages = [
      '/',
      '/kommune/tynset',
      '/statistikk',
      '/jobber',
      '/arbeidsmarked',
      '/arrangementer',
      '/ny-i-kommunen',
      '/start-her',
      '/tips',
      '/reservasjon',
      '/nyheter',
      '/side/kommune-tynset',
      '/undersokelse/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '/samtykke/ukjent',
      '/side/finnes-ikke',
    ];
    for (const url of pages) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).toContain(
        `<img class="fh-brand__logo" src="${images.logo.url}" alt=""/>`,
      );
      expect(res.body, url).toContain(`<link rel="icon" href="${images.favicon.url}"/>`);
    }
  });
});
