import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';

const html = { accept: 'text/html' };
const form = { ...html, 'content-type': 'application/x-www-form-urlencoded' };

/** «Ny i kommunen?» as a browser without JavaScript uses it (invented people). */
const filled = {
  municipalityCode: '3427',
  adult1Name: 'Nina Nyflytta',
  adult1BirthYear: '1990',
  adult1Email: 'nina@example.no',
  adult1Phone: '412 34 567',
  adult2Name: '',
  adult2BirthYear: '',
  adult2Email: '',
  adult2Phone: '',
  childrenBirthYears: '2020, 2014',
  movedFrom: 'Trondheim',
  movingDate: '2026-12-01',
  heardVia: 'friends_family',
  consentContact: 'yes',
  website: '',
};

describe.each(testDialects)('the public newcomer form on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  /** Opens the form, waits as a person would, and posts it with the form's hidden fields. */
  async function send(fields: Record<string, string | string[]>, path = '/ny-i-kommunen') {
    const page = await t.app.inject({ url: path, headers: html });
    expect(page.statusCode).toBe(200);
    const hidden = (name: string) =>
      new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)![1]!;
    t.clock.advance(20_000);
    const payload = new URLSearchParams({ started: hidden('started'), key: hidden('key') });
    for (const [k, v] of Object.entries(fields)) {
      for (const one of Array.isArray(v) ? v : [v]) payload.append(k, one);
    }
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: path,
        headers: form,
        payload: payload.toString(),
        remoteAddress: `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      });
    return { first: await post(), again: post };
  }

  const countNamed = async (name: string) =>
    (
      await t.deps.db
        .selectFrom('newcomerAdults')
        .select('newcomerId')
        .where('name', '=', name)
        .execute()
    ).length;

  it('renders in nb, nn and en without script, every input with its label', async () => {
    for (const [path, heading] of [
      ['/ny-i-kommunen', 'Ny i kommunen?'],
      ['/nn/ny-i-kommunen', 'Ny i kommunen?'],
      ['/en/ny-i-kommunen', 'New in the municipality?'],
    ] as const) {
      const page = await t.app.inject({ url: path, headers: html });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(heading);
      expect(page.body).not.toContain('<script');
      for (const id of [
        'nc-municipalityCode',
        'nc-adult1Name',
        'nc-movingDate',
        'nc-consentContact',
      ]) {
        expect(page.body).toMatch(new RegExp(`<label[^>]*for="${id}"`));
      }
    }
    const nn = await t.app.inject({ url: '/nn/ny-i-kommunen', headers: html });
    expect(nn.body).toContain('Kvifor flyttar de hit?');
  });

  it('is linked from the footer of every public page, in each language', async () => {
    const cases = [
      { path: '/', href: '/ny-i-kommunen', text: 'Ny i kommunen?' },
      { path: '/nn/statistikk', href: '/nn/ny-i-kommunen', text: 'Ny i kommunen?' },
      { path: '/en/', href: '/en/ny-i-kommunen', text: 'New in the municipality?' },
    ];
    for (const c of cases) {
      const page = await t.app.inject({ url: c.path, headers: html });
      expect(page.statusCode, c.path).toBe(200);
      const footer = /<footer[\s\S]*<\/footer>/.exec(page.body)?.[0] ?? '';
      expect(footer, c.path).toContain(`href="${c.href}">${c.text}</a>`);
      // The link leads to the form.
      expect((await t.app.inject({ url: c.href, headers: html })).statusCode).toBe(200);
    }
  });

  it('acknowledges only after the registration is stored; a double submit makes one', async () => {
    const { first, again } = await send({ ...filled, reasons: ['work', 'nature'] });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/ny-i-kommunen/takk');
    expect((await again()).statusCode).toBe(303);
    expect(await countNamed('Nina Nyflytta')).toBe(1);
    const row = await t.deps.db
      .selectFrom('newcomers')
      .innerJoin('newcomerAdults', 'newcomerAdults.newcomerId', 'newcomers.id')
      .select(['source', 'reasons', 'childrenBirthYears', 'phoneE164', 'consentCheckIns'])
      .where('newcomerAdults.name', '=', 'Nina Nyflytta')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      source: 'self',
      reasons: '["work","nature"]',
      childrenBirthYears: '[2020,2014]',
      phoneE164: '+4741234567',
      consentCheckIns: 0,
    });
    const thanks = await t.app.inject({ url: '/ny-i-kommunen/takk', headers: html });
    expect(thanks.body).toContain('Takk, og velkommen!');
  });

  it('shows every bad field on top and at the field, keeping what was written', async () => {
    const { first } = await send({
      ...filled,
      adult1Name: 'Feil Skrivar',
      municipalityCode: '',
      adult1Phone: '12',
      adult2Email: 'nope',
      childrenBirthYears: '2020, to',
      movingDate: '1. mai',
      reasons: 'sailing',
    });
    expect(first.statusCode).toBe(400);
    const body = first.body;
    for (const id of [
      'nc-municipalityCode',
      'nc-adult1Phone',
      'nc-adult2Name',
      'nc-childrenBirthYears',
      'nc-movingDate',
      'nc-reasons',
    ]) {
      expect(body).toContain(`href="#${id}"`);
    }
    expect(body).toContain('Velg kommunen dere flytter til.');
    expect(body).toContain('value="Feil Skrivar"');
    expect(await countNamed('Feil Skrivar')).toBe(0);
  });

  it('refuses a post without a token of ours, and drops a robot silently', async () => {
    const forged = await t.app.inject({
      method: 'POST',
      url: '/ny-i-kommunen',
      headers: form,
      payload: new URLSearchParams({
        ...filled,
        adult1Name: 'Falsk Skjema',
        started: '1.abc',
        key: 'forged-key-12345',
      }).toString(),
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('svært raskt');
    const robot = await send({ ...filled, adult1Name: 'Robot Robotsen', website: 'http://x' });
    expect(robot.first.statusCode).toBe(303);
    expect(await countNamed('Falsk Skjema')).toBe(0);
    expect(await countNamed('Robot Robotsen')).toBe(0);
  });

  it('lets the newcomer tell us they moved away from their own link, in one safe step', async () => {
    await send({ ...filled, adult1Name: 'Flytte Vidare', movingDate: '2026-02-01' });
    const row = await t.deps.db
      .selectFrom('newcomers')
      .innerJoin('newcomerAdults', 'newcomerAdults.newcomerId', 'newcomers.id')
      .select(['newcomers.id', 'linkCode'])
      .where('newcomerAdults.name', '=', 'Flytte Vidare')
      .executeTakeFirstOrThrow();
    const path = `/ny-i-kommunen/flyttet/${row.linkCode}`;
    const page = await t.app.inject({ url: path, headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<label[^>]*for="nc-movedAwayOn"/);
    const unknown = await t.app.inject({ url: '/ny-i-kommunen/flyttet/nope', headers: html });
    expect(unknown.statusCode).toBe(404);
    const post = (on: string) =>
      t.app.inject({
        method: 'POST',
        url: path,
        headers: form,
        payload: new URLSearchParams({ on }).toString(),
      });
    expect((await post('2030-01-01')).statusCode).toBe(400);
    const done = await post('2026-11-01');
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Takk for beskjeden');
    const stored = await t.deps.db
      .selectFrom('newcomers')
      .select(['movedAwayOn', 'movedAwaySource'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ movedAwayOn: '2026-11-01', movedAwaySource: 'newcomer' });
  });
});
