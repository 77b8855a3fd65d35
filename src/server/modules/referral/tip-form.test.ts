import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign } from '../../../../test/support/referral.js';

const html = { accept: 'text/html' };

/** A tip as the form posts it (demo data: invented person). */
const filled = {
  tipperName: 'Ola Tipsar',
  tipperEmail: 'ola@example.no',
  tipperPhone: '',
  tipperMunicipality: '3427',
  personName: 'Kari Nordmann',
  personPhone: '91234567',
  personAddressLine: 'Storgata 3',
  personPostcode: '0182',
  personCity: 'Oslo',
  personLivesNow: 'Oslo',
  personConnection: '',
  personHousehold: '',
  personReason: 'Savner fjellet',
  personMunicipality: '3427',
  tipperMayBeNamed: 'yes',
  welcomeConfirmed: 'yes',
  website: '',
};

describe.each(testDialects)('the public tip form on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let slug: string;
  let campaignId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    ({ slug, id: campaignId } = await createOpenCampaign(leader));
  });
  afterAll(async () => t?.close());

  /** Opens the form, waits as a person would, and posts it with the form's own hidden fields. */
  async function send(
    fields: Record<string, string>,
    options: { wait?: number; path?: string } = {},
  ) {
    const path = options.path ?? `/tips/${slug}`;
    const page = await t.app.inject({ url: path, headers: html });
    expect(page.statusCode).toBe(200);
    const hidden = (name: string) =>
      new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)![1]!;
    t.clock.advance(options.wait ?? 20_000);
    const payload = new URLSearchParams({
      started: hidden('started'),
      key: hidden('key'),
      ...fields,
    });
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: path,
        headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' },
        payload: payload.toString(),
      });
    return { first: await post(), again: post };
  }

  const tipCount = async () =>
    (await t.deps.db.selectFrom('tips').select('id').where('campaignId', '=', campaignId).execute())
      .length;

  it('renders without script, every input with its label, and the honeypot hidden', async () => {
    for (const [path, heading] of [
      [`/tips/${slug}`, 'Om personen du savner'],
      [`/nn/tips/${slug}`, 'Om personen du saknar'],
      [`/en/tips/${slug}`, 'About the person you miss'],
    ] as const) {
      const page = await t.app.inject({ url: path, headers: html });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(heading);
      expect(page.body).not.toContain('<script');
      for (const id of [
        'tip-tipperName',
        'tip-personPhone',
        'tip-personMunicipality',
        'tip-welcomeConfirmed',
      ]) {
        expect(page.body).toMatch(new RegExp(`<label[^>]*for="${id}"`));
        expect(page.body).toContain(`id="${id}"`);
      }
      expect(page.body).toMatch(/<div hidden="">\s*<label for="tip-website"/);
    }
  });

  it('takes a tip and thanks only after it is stored; a double submit makes one tip', async () => {
    const before = await tipCount();
    const { first, again } = await send(filled);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/tips/${slug}/takk`);
    expect((await again()).statusCode).toBe(303);
    expect(await tipCount()).toBe(before + 1);
    const thanks = await t.app.inject({ url: first.headers.location as string, headers: html });
    expect(thanks.body).toContain('Takk for tipset!');
  });

  it("stores the tipper's wish to hear whether the person moves here, off unless ticked", async () => {
    const page = await t.app.inject({ url: `/nn/tips/${slug}`, headers: html });
    expect(page.body).toMatch(/<label[^>]*for="tip-tipperWantsNews"[^>]*>Eg vil gjerne få vite/);
    const wish = async (personName: string) =>
      (
        await t.deps.db
          .selectFrom('tips')
          .select('tipperWantsNews')
          .where('campaignId', '=', campaignId)
          .where('personName', '=', personName)
          .executeTakeFirstOrThrow()
      ).tipperWantsNews;
    await send({ ...filled, personName: 'Nils Nyhet', tipperWantsNews: 'yes' });
    await send({ ...filled, personName: 'Stine Stille', personPhone: '41234567' });
    expect(await wish('Nils Nyhet')).toBe(1);
    expect(await wish('Stine Stille')).toBe(0);
  });

  it('lists every error on top, linking to its field and naming it', async () => {
    const { first } = await send(
      {
        ...filled,
        personName: '',
        personPhone: '',
        personAddressLine: '',
        personPostcode: '',
        welcomeConfirmed: '',
      },
      { path: `/en/tips/${slug}` },
    );
    expect(first.statusCode).toBe(400);
    const summary = first.body.slice(0, first.body.indexOf('<form'));
    expect(summary).toContain('href="#tip-personName"');
    expect(summary).toContain('The person&#x27;s name is required.');
    expect(summary).toContain('href="#tip-personPhone"');
    expect(summary).toContain(
      'The person&#x27;s phone number: give the person&#x27;s phone number or postal address',
    );
    expect(summary).toContain('href="#tip-welcomeConfirmed"');
    expect(first.body).toContain('aria-invalid="true"');
    // What was written is kept.
    expect(first.body).toContain('value="Ola Tipsar"');
  });

  it('shows a form sent faster than a person could fill it again, and stores nothing', async () => {
    const before = await tipCount();
    const { first } = await send({ ...filled, personName: 'Rask Robot' }, { wait: 500 });
    expect(first.statusCode).toBe(400);
    expect(first.body).toContain('Skjemaet ble sendt veldig raskt');
    expect(await tipCount()).toBe(before);
  });

  it('thanks a robot that filled the honeypot, and stores nothing', async () => {
    const before = await tipCount();
    const { first } = await send({
      ...filled,
      personName: 'Spam Bot',
      website: 'http://spam.example',
    });
    expect(first.statusCode).toBe(303);
    expect(await tipCount()).toBe(before);
  });

  it('shows the open campaigns, and says so when a campaign is over', async () => {
    const list = await t.app.inject({ url: '/tips', headers: html });
    expect(list.body).toContain(`href="/tips/${slug}"`);
    const closed = await createOpenCampaign(leader, { status: 'closed' });
    const page = await t.app.inject({ url: `/tips/${closed.slug}`, headers: html });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Kampanjen er avsluttet');
  });
});
