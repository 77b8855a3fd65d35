import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn, type TestUser } from '../support/auth.js';
import { createOpenCampaign, postTip, sampleTip, solidPng } from '../support/referral.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  heading,
  openOfficeTab,
  prepareScreenshots,
  signInWithCode,
  tabTo,
  tabToLink,
} from './office-harness.js';

/** «Savner du noen?» in the office: campaigns, their form, prospects, duplicates, postcards. */
describe.skipIf(noBrowser)('office referral screens in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;
  let campaignId: string;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Kari Leder' });
    const session = await signIn(t, leader);
    const campaign = await createOpenCampaign(session, { name: 'Savner du noen? Vinter' });
    campaignId = campaign.id;
    // Demo data: invented people. Two with one name in one municipality: a duplicate proposal.
    await postTip(t, campaignId, sampleTip());
    await postTip(
      t,
      campaignId,
      sampleTip({
        person: { name: 'Kari Nordmann', phone: '41234567', addressLine: 'Elvegata 1' },
      }),
    );
    await postTip(
      t,
      campaignId,
      sampleTip({
        person: {
          name: 'Per Telefon',
          phone: '48012345',
          addressLine: undefined,
          postcode: undefined,
        },
      }),
    );
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function signInAt(page: Page, path: string, title: string) {
    await page.goto(`${base}/office${path}`);
    await signInWithCode(page, t, leader);
    await heading(page, title);
  }

  it('creates a campaign by keyboard alone', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await signInAt(page, '/campaigns', 'Kampanjer');
      await checkScreen(tab, 'referral-campaigns');
      await page.setViewportSize({ width: 1280, height: 900 });
      await tabToLink(page, 'Ny kampanje');
      await heading(page, 'Ny kampanje');
      await tabTo(page, 'c-name');
      await page.keyboard.type('Savner du noen? Vår');
      await tabTo(page, 'c-startsOn');
      await typeDate(page, '2027-03-01');
      await tabTo(page, 'c-endsOn');
      await typeDate(page, '2027-04-30');
      await tabTo(page, 'c-callingDay-new');
      await typeDate(page, '2027-04-15');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('main')).toContain('torsdag 15. april 2027');
      await tabTo(page, 'c-hours-own');
      await page.keyboard.press('Space');
      await tabTo(page, 'c-hours-day-6');
      await page.keyboard.press('Space');
      await tabTo(page, 'c-texts-nb-title');
      await page.keyboard.type('Savner du noen?');
      await tabTo(page, 'c-targets-tips', 60);
      await page.keyboard.type('200');
      await tabTo(page, 'c-submit');
      await page.keyboard.press('Enter');
      await heading(page, 'Savner du noen? Vår');
      const stored = await t.deps.db
        .selectFrom('campaigns')
        .select(['startsOn', 'endsOn', 'callingDays', 'callingHours', 'targets'])
        .where('name', '=', 'Savner du noen? Vår')
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ startsOn: '2027-03-01', endsOn: '2027-04-30' });
      expect(JSON.parse(stored.callingDays)).toEqual(['2027-04-15']);
      expect(JSON.parse(stored.callingHours!)).toEqual({
        days: [1, 2, 3, 4, 5, 6],
        from: '09:00',
        to: '21:00',
      });
      expect(JSON.parse(stored.targets)).toEqual({ tips: 200 });
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });

  it('edits a campaign: field errors by their fields, a refused picture named, a good one shown', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    tab.allowed.add(`400 /api/campaigns/${campaignId}`);
    tab.allowed.add(`400 /api/campaigns/${campaignId}/front-image`);
    try {
      await signInAt(page, `/campaigns?id=${campaignId}&edit`, 'Endre Savner du noen? Vinter');
      await page.getByLabel('Egne ringetider for denne kampanjen').check();
      await page.fill('#c-hours-from', '18:00');
      await page.fill('#c-hours-to', '09:00');
      await page.fill('#c-texts-nn-intro', 'Saknar du nokon?');
      await page.getByRole('button', { name: 'Lagre endringene' }).click();
      // The server's refusals, each by its field and in the summary naming the field.
      const summary = page.locator('.office-error-summary');
      await expect.poll(() => summary.textContent()).toContain('Til klokken: Slutter før');
      await expect.poll(() => summary.textContent()).toContain('Overskrift på nynorsk');
      expect(await page.locator('#c-hours-to').getAttribute('aria-invalid')).toBe('true');

      await page.setInputFiles('#c-image', {
        name: 'kort.png',
        mimeType: 'image/png',
        buffer: Buffer.from('Dette er ikke et bilde, bare tekst.'),
      });
      await page.getByRole('button', { name: 'Last opp bildet' }).click();
      await expect
        .poll(() => page.textContent('main'))
        .toContain('Filen er ikke et PNG- eller JPEG-bilde.');
      await checkScreen(tab, 'referral-campaign-edit-errors');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.setInputFiles('#c-image', {
        name: 'stort.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 0xff),
      });
      await expect.poll(() => page.textContent('main')).toContain('Bildet er større enn 2 MB');

      await page.setInputFiles('#c-image', {
        name: 'fjell.png',
        mimeType: 'image/png',
        buffer: solidPng(600, 400),
      });
      await page.getByRole('button', { name: 'Last opp bildet' }).click();
      await expect.poll(() => page.textContent('main')).toContain('Bildet er lastet opp.');
      const preview = page.getByRole('img', { name: 'Bildet på postkortet nå' });
      await expect
        .poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBe(600);

      await page.fill('#c-hours-to', '20:00');
      await page.fill('#c-texts-nn-title', 'Saknar du nokon?');
      await page.getByRole('button', { name: 'Lagre endringene' }).click();
      await expect.poll(() => page.textContent('main')).toContain('Endringene er lagret.');
      await checkScreen(tab, 'referral-campaign-edit');
      const row = await t.deps.db
        .selectFrom('campaigns')
        .select(['callingHours', 'texts'])
        .where('id', '=', campaignId)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.callingHours!)).toEqual({
        days: [1, 2, 3, 4, 5],
        from: '18:00',
        to: '20:00',
      });
      expect(JSON.parse(row.texts).nn).toEqual({
        title: 'Saknar du nokon?',
        intro: 'Saknar du nokon?',
      });
    } finally {
      await tab.context.close();
    }
  });

  it('shows prospects, duplicates, a prospect to correct, and postcard batches', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    tab.allowed.add(`409 /api/campaigns/${campaignId}/postcard-batches`);
    try {
      await signInAt(page, `/campaigns?id=${campaignId}`, 'Savner du noen? Vinter');
      await expect.poll(() => page.textContent('main')).toContain('Samme navn i samme kommune');
      await checkScreen(tab, 'referral-campaign-detail');
      await page.setViewportSize({ width: 1280, height: 900 });

      // The phone-only person gets an address and so a postcard.
      await page.getByRole('link', { name: 'Per Telefon' }).click();
      await heading(page, 'Per Telefon');
      await expect.poll(() => page.textContent('main')).toContain('Tips fra Ola Tipsar');
      tab.allowed.add(`400 /api/prospects/${await prospectId('Per Telefon')}`);
      await page.fill('#p-phone', '123');
      await page.getByRole('button', { name: 'Lagre', exact: true }).click();
      await expect
        .poll(() => page.locator('.office-error-summary').textContent())
        .toContain('Telefonnummer: Ikke et gyldig telefonnummer.');
      await checkScreen(tab, 'referral-prospect-error');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.fill('#p-phone', '480 12 345');
      await page.fill('#p-addressLine', 'Fjellvegen 4');
      await page.fill('#p-postcode', '2500');
      await page.fill('#p-city', 'Tynset');
      await page.getByRole('button', { name: 'Lagre', exact: true }).click();
      await expect.poll(() => page.textContent('main')).toContain('Endringene er lagret.');
      expect(await page.inputValue('#p-phone')).toBe('+4748012345');
      await checkScreen(tab, 'referral-prospect');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByRole('link', { name: 'Tilbake til kampanjen' }).click();
      await heading(page, 'Savner du noen? Vinter');
      // The two Kari Nordmann are different people: the proposal goes.
      await page.getByRole('button', { name: 'Ikke samme person' }).click();
      await expect.poll(() => page.textContent('main')).toContain('Ingen mulige duplikater.');
      await page.getByRole('button', { name: 'Lag trykkjobb for alle som venter' }).click();
      await expect.poll(() => page.textContent('main')).toContain('3 postkort');
      await checkScreen(tab, 'referral-batches');
    } finally {
      await tab.context.close();
    }
  });

  /**
   * Types a date into the focused date field, segment by segment as a person would. Headless
   * Chromium shows its date fields as mm/dd/yyyy whatever the page's language.
   */
  async function typeDate(page: Page, iso: string) {
    const [year, month, day] = iso.split('-');
    await page.keyboard.type(`${month}${day}${year}`);
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    expect(await page.inputValue(`#${id}`)).toBe(iso);
  }

  async function prospectId(name: string): Promise<string> {
    const row = await t.deps.db
      .selectFrom('prospects')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.id;
  }
});
