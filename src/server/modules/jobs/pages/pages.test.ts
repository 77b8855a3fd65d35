import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app.js';
import { testDialects } from '../../../../../test/support/database.js';
import { insertJobAds } from '../../../../../test/support/jobs.js';
import { deleteAds } from '../jobs.repo.js';

const html = { accept: 'text/html,application/xhtml+xml' };
const api = '/api/public/regions/fjellregionen/jobs';

/** Every start tag of a well-formed XML document, or a thrown error naming what is wrong. */
function parseXml(text: string): Array<{ name: string; text: string }> {
  const parser = new SaxesParser({ xmlns: true });
  const out: Array<{ name: string; text: string }> = [];
  const stack: Array<{ name: string; text: string }> = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const el = { name: `${tag.uri}|${tag.local}`, text: '' };
    out.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(text).close();
  return out;
}

interface JobPosting {
  '@type': string;
  title: string;
  description: string;
  datePosted: string;
  validThrough: string;
  employmentType: unknown;
  hiringOrganization: unknown;
  jobLocation: { address: unknown };
}

const jsonLdOf = (body: string) => {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body);
  return m ? (JSON.parse(m[1]!) as JobPosting) : null;
};

describe.each(testDialects)('public job pages on %s', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const rows = await insertJobAds(t.deps.db, t.demoRegionId, [
      { title: 'Sykepleier', workCity: 'Tynset', municipalityCode: '3427', styrkCode: '2223' },
      {
        title: 'Sjåfør med førerkort klasse C',
        employerName: 'Røros Transport AS',
        workCity: 'Røros',
        municipalityCode: '5025',
        styrkCode: '8332',
        occupationLevel2: 'Lastebilsjåfør',
        sector: 'private',
        extent: 'part_time',
        applicationDueDate: '2026-12-01',
        applicationDueText: '01.12.2026',
        publishedAt: '2026-11-25T08:00:00.000Z',
      },
      {
        title: 'Lærer i naturfag',
        occupationLevel2: 'Lektor',
        workCity: 'Os',
        municipalityCode: '3430',
        styrkCode: '2330',
        applicationDueDate: '2026-11-20',
        publishedAt: '2026-11-10T08:00:00.000Z',
      },
      {
        title: 'Utløpt stilling',
        expiresAt: '2026-11-26T00:00:00.000Z',
      },
      {
        title: 'Kokk <script>alert(1)</script>',
        workCity: 'Alvdal',
        municipalityCode: '3428',
        styrkCode: '5120',
        sector: 'private',
        postalCode: '2560',
        applicationDueDate: '2026-12-20',
        engagementType: 'Vikariat',
        applicationUrl: 'https://example.org/apply',
        descriptionHtml:
          '<p onclick="steal()">Kjøkkenet trenger deg.</p><script>alert("x")</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">lenke</a><p>Les <a href="https://example.org/om">mer</a></p><style>body{}</style>',
        publishedAt: '2026-11-26T08:00:00.000Z',
      },
    ]);
    for (const r of rows) ids[r.title.split(' ')[0]!] = r.id;
  });
  afterAll(async () => t?.close());

  const search = async (qs: string) => {
    const res = await t.app.inject({ method: 'GET', url: `${api}?${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; pages: number; ads: Array<{ title: string }> };
  };
  const titles = async (qs: string) => (await search(qs)).ads.map((a) => a.title.split(' ')[0]);

  it('finds by free text with Æ, Ø and Å typed any way, and leaves out expired ads', async () => {
    expect(await titles('q=sjåfør')).toEqual(['Sjåfør']);
    expect(await titles('q=SJAFOR')).toEqual(['Sjåfør']);
    expect(await titles('q=r%C3%B8ros%20transport')).toEqual(['Sjåfør']);
    expect(await titles('q=lærer')).toEqual(['Lærer']);
    expect(await titles('q=utløpt')).toEqual([]);
    expect((await search('')).total).toBe(4);
  });

  it('filters by municipality, occupation group, sector, extent and deadline, and sorts', async () => {
    expect(await titles('municipality=5025')).toEqual(['Sjåfør']);
    expect(await titles('occupation=2')).toEqual(['Sykepleier', 'Lærer']);
    expect(await titles('occupation=23')).toEqual(['Lærer']);
    expect(await titles('sector=private')).toEqual(['Kokk', 'Sjåfør']);
    expect(await titles('extent=part_time')).toEqual(['Sjåfør']);
    // Today is 2026-11-27: 1 December is within 7 days, 20 December within 30, 20 November passed.
    expect(await titles('deadline=7d')).toEqual(['Sjåfør']);
    expect(await titles('deadline=30d')).toEqual(['Kokk', 'Sjåfør']);
    expect(await titles('deadline=open')).toEqual(['Kokk', 'Sjåfør', 'Sykepleier']);
    expect(await titles('sort=deadline')).toEqual(['Lærer', 'Sjåfør', 'Kokk', 'Sykepleier']);
    expect(await titles('sector=public&occupation=2&q=sykepleier')).toEqual(['Sykepleier']);
  });

  it('names every bad filter: 400 in JSON, and the search page in the visitor’s language', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${api}?sector=both&page=0&deadline=soon&municipality=12`,
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details as Array<{ field: string }>).map((d) => d.field);
    expect(fields.sort()).toEqual(['deadline', 'municipality', 'page', 'sector']);

    const unknownGroup = await t.app.inject({ method: 'GET', url: `${api}?occupation=77` });
    expect(unknownGroup.statusCode).toBe(400);
    expect(unknownGroup.json().error.details).toEqual([
      { field: 'occupation', message: 'Not a STYRK-08 group' },
    ]);

    const en = await t.app.inject({
      method: 'GET',
      url: '/en/jobber?sector=both&occupation=77&q=nurse',
      headers: html,
    });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Sector: the value is not valid.');
    expect(en.body).toContain('href="#jobs-sector"');
    expect(en.body).toContain('value="nurse"');
    const nb = await t.app.inject({ method: 'GET', url: '/jobber?occupation=77', headers: html });
    expect(nb.statusCode).toBe(400);
    expect(nb.body).toContain('Yrkesgruppe: verdien er ikke gyldig.');
    expect(nb.headers['cache-control']).toBe('no-store');
  });

  it('pages through results with links that keep the filters', async () => {
    await insertJobAds(
      t.deps.db,
      t.demoRegionId,
      Array.from({ length: 41 }, (_, i) => ({
        title: `Tolga-jobb ${i + 1}`,
        municipalityCode: '3426',
        workCity: 'Tolga',
        publishedAt: `2026-10-${String((i % 28) + 1).padStart(2, '0')}T08:00:00.000Z`,
      })),
    );
    const last = await search('municipality=3426&page=3');
    expect(last.total).toBe(41);
    expect(last.pages).toBe(3);
    expect(last.ads).toHaveLength(1);
    const all = new Set<string>();
    for (const page of [1, 2, 3]) {
      for (const ad of (await search(`municipality=3426&page=${page}`)).ads) all.add(ad.title);
    }
    expect(all.size).toBe(41);
    const res = await t.app.inject({
      method: 'GET',
      url: '/jobber?municipality=3426&page=2',
      headers: html,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Side 2 av 3');
    expect(res.body).toContain('href="/jobber?municipality=3426&amp;page=3"');
    expect(res.body).toContain('href="/jobber?municipality=3426"');
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('shows an ad with its facts, links to NAV and to apply, and a JobPosting', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/jobber/${ids.Kokk}`, headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('public');
    expect(res.headers.etag).toBeTruthy();
    expect(res.body).toContain('Kjøkkenet trenger deg.');
    expect(res.body).toContain(
      `href="https://arbeidsplassen.nav.no/stillinger/stilling/${ids.Kokk}"`,
    );
    expect(res.body).toContain('href="https://example.org/apply"');
    expect(res.body).toContain('20. desember 2026');
    const ld = jsonLdOf(res.body)!;
    expect(ld['@type']).toBe('JobPosting');
    expect(ld.title).toBe('Kokk <script>alert(1)</script>');
    expect(ld.datePosted).toBe('2026-11-26');
    expect(ld.validThrough).toBe('2026-12-20T23:59:59+01:00');
    expect(ld.employmentType).toEqual(['FULL_TIME', 'TEMPORARY']);
    expect(ld.hiringOrganization).toMatchObject({
      '@type': 'Organization',
      name: 'Fjellregionen Test AS',
    });
    expect(ld.jobLocation.address).toEqual({
      '@type': 'PostalAddress',
      addressLocality: 'Alvdal',
      postalCode: '2560',
      addressRegion: 'Innlandet',
      addressCountry: 'NO',
    });
    expect(ld.description).toContain('Kjøkkenet trenger deg.');
  });

  it('renders a stored description only sanitised: no script, handler or foreign element survives', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/jobber/${ids.Kokk}`, headers: html });
    // One script element only: the JSON-LD, which browsers do not run, with < escaped inside.
    expect(res.body.match(/<script/g)).toHaveLength(1);
    expect(res.body).not.toMatch(/<\/script>[\s\S]*<\/script>/);
    expect(res.body).not.toContain('alert("x")');
    expect(res.body).not.toMatch(/\son[a-z]+=/i);
    expect(res.body).not.toContain('<img');
    expect(res.body).not.toContain('javascript:');
    expect(res.body).not.toContain('<style');
    expect(res.body).toContain(
      '<a href="https://example.org/om" rel="nofollow noopener noreferrer">mer</a>',
    );
    expect(res.body).toContain('Kokk &lt;script&gt;alert(1)&lt;/script&gt;');
    const ldText = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.body)![1]!;
    expect(ldText).not.toContain('<');
  });

  it('answers a gone ad with the 404 page in the visitor’s language', async () => {
    for (const [url, lang, title] of [
      [`/jobber/${ids.Utløpt}`, 'nb', 'Siden finnes ikke'],
      [`/en/jobber/${ids.Utløpt}`, 'en', 'Page not found'],
      ['/en/jobber/00000000-0000-0000-0000-000000000000', 'en', 'Page not found'],
      ['/en/jobber/not%20an%20id%3Cscript%3E', 'en', 'Page not found'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain(`<html lang="${lang}"`);
      expect(res.body).toContain(title);
    }
  });

  it('publishes a valid Atom feed of the newest ads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/jobber/atom.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const atom = 'http://www.w3.org/2005/Atom';
    const tags = parseXml(res.body);
    expect(tags[0]!.name).toBe(`${atom}|feed`);
    const feedChildren = (name: string) => tags.filter((x) => x.name === `${atom}|${name}`);
    expect(feedChildren('id')[0]!.text).toBe('http://localhost:80/jobber/atom.xml');
    expect(feedChildren('updated')[0]!.text).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(feedChildren('entry').length).toBeGreaterThanOrEqual(4);
    expect(res.body).toContain('<link rel="self" type="application/atom+xml"');
    expect(res.body).toContain(`<id>http://localhost:80/jobber/${ids.Kokk}</id>`);
    expect(res.body).toContain('<title>Kokk &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(res.body).not.toContain('Utløpt');
    expect(res.body).not.toContain('alert("x")');
  });

  it('counts new and withdrawn ads at once, and hides an ad in the minute it expires', async () => {
    const before = (await search('q=tommerhogger')).total;
    expect(before).toBe(0);
    const totalBefore = (await search('')).total;
    const expiresSoon = new Date(t.clock.now().getTime() + 20_000).toISOString();
    const [kept, soon] = await insertJobAds(t.deps.db, t.demoRegionId, [
      { title: 'Tømmerhogger', workCity: 'Os', municipalityCode: '3430', styrkCode: '8341' },
      {
        title: 'Tømmerhogger vikar',
        workCity: 'Os',
        municipalityCode: '3430',
        expiresAt: expiresSoon,
      },
    ]);
    expect(await titles('q=tommerhogger')).toEqual(['Tømmerhogger']);
    expect((await search('')).total).toBe(totalBefore + 1);
    await t.deps.db
      .transaction()
      .execute((trx) => deleteAds(trx, [kept!.id, soon!.id], t.clock.now().toISOString()));
    expect((await search('q=tommerhogger')).total).toBe(0);
    expect((await search('')).total).toBe(totalBefore);
  });

  it('shows the job count, with a link, on the front page and on a municipality page', async () => {
    const front = await t.app.inject({ method: 'GET', url: '/', headers: html });
    expect(front.body).toContain('Ledige stillinger i regionen nå: 45');
    expect(front.body).toContain('href="/jobber"');
    const page = await t.app.inject({ method: 'GET', url: '/en/kommune/roros', headers: html });
    expect(page.body).toContain('Vacancies in Røros now: 1');
    expect(page.body).toContain('href="/en/jobber?municipality=5025"');
  });
});
