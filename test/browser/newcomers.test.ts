import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInOslo } from '../../src/server/modules/followup/tasks.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn, type TestUser } from '../support/auth.js';
import { createEvent, createOrganiser } from '../support/events.js';
import { addNewcomer } from '../support/newcomers.js';
import { createOpenCampaign, postTip, sampleTip } from '../support/referral.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  focusedId,
  heading,
  openOfficeTab,
  prepareScreenshots,
  type Tab,
  tabTo,
  tabToLink,
} from './office-harness.js';

const DAY = 86_400_000;

/** Presses Tab until a (submit) button with this text has focus. */
async function tabToButton(page: Page, text: string, max = 80) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent?.trim(),
    }));
    if (focused.tag === 'BUTTON' && focused.text === text) return;
  }
  throw new Error(`Tab never reached the button "${text}"`);
}

/**
 * Types a date into a focused date input the way a person does, segment by segment. Headless
 * Chromium lays the segments out as en-US (month, day, year) whatever the page's locale.
 */
async function typeDate(page: Page, day: string) {
  const [y, m, d] = day.split('-') as [string, string, string];
  await page.keyboard.type(`${m}${d}${y}`);
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(day);
}

/**
 * Newcomer hosting in a real browser: the host's start page and the newcomer screens pass
 * axe at 320 and 1280 px; a host registers a household and a newcomer fills «Ny i kommunen?»
 * with the keyboard alone. One app and one browser for the whole file.
 */
describe.skipIf(noBrowser)('newcomer hosting in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let host: TestUser;
  let newcomerId: string;
  let today: string;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    // The session cookie's expiry follows the server's clock: keep it at the browser's.
    t.clock.set(new Date().toISOString());
    today = todayInOslo(t.clock.now());
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host = await createTestUser(t, {
      role: 'host',
      name: 'Hanne Vert',
      municipalityCodes: ['3427'],
    });
    const checklist = await leader.request({
      method: 'PUT',
      url: '/api/welcome-checklists/3427',
      payload: {
        items: [
          { title: 'Velkomstbrev', dueOffsetDays: 0, responsibleUserId: host.id },
          { title: 'Invitasjon til møteplass', dueOffsetDays: 30 },
        ],
      },
    });
    expect(checklist.statusCode, checklist.body).toBe(200);
    // A campaign prospect (invented) who turns out to have moved here: a proposal to confirm.
    const campaign = await createOpenCampaign(leader);
    const tip = await postTip(
      t,
      campaign.id,
      sampleTip({
        person: {
          name: 'Siri Heimkomen',
          phone: '93456789',
          household: 'Siri og Jon, ei jente',
          addressLine: 'Heimkomen veg 1',
          municipalityCode: '3427',
        },
      }),
    );
    expect(tip.statusCode, tip.body).toBe(201);
    const prospect = await t.deps.db
      .selectFrom('prospects')
      .select('id')
      .where('name', '=', 'Siri Heimkomen')
      .executeTakeFirstOrThrow();
    const hostSession = await signIn(t, host);
    const task = await hostSession.request({
      method: 'POST',
      url: '/api/follow-up-tasks',
      payload: { prospectId: prospect.id, kind: 'other', dueOn: today, notes: 'Ring tilbake' },
    });
    expect(task.statusCode, task.body).toBe(201);
    newcomerId = await addNewcomer(t, {
      adults: [
        { name: 'Siri Heimkomen', phone: '+47 934 56 789', email: 'siri.heimkomen@example.no' },
        { name: 'Jon Heimkomen' },
      ],
      movingDate: todayInOslo(new Date(t.clock.now().getTime() - 10 * DAY)),
      consents: { contact: true, checkIns: false },
    });
    const organiser = await createOrganiser(leader, 'Tynset frivilligsentral');
    const day = todayInOslo(new Date(t.clock.now().getTime() + 7 * DAY));
    await createEvent(leader, {
      organiserId: organiser.id,
      startsAt: `${day}T18:00`,
      endsAt: `${day}T20:00`,
    });
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function signedInTab(path: string): Promise<Tab> {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    await page.goto(`${base}/office${path}`);
    await heading(page, 'Logg inn');
    await page.fill('#email', host.email);
    await page.fill('#password', host.password);
    await page.keyboard.press('Enter');
    return tab;
  }

  /** checkScreen leaves the window at 1280 px wide for what follows. */
  async function check(tab: Tab, name: string) {
    await checkScreen(tab, name);
    await tab.page.setViewportSize({ width: 1280, height: 900 });
  }

  it('shows the start page and every newcomer screen without axe violations at 320 and 1280 px', async () => {
    const tab = await signedInTab('/');
    const { page } = tab;
    try {
      await heading(page, 'Start');
      const tasks = page.locator('section[aria-labelledby="start-tasks"]');
      await tasks.getByText(/Siri Heimkomen/).waitFor();
      const fresh = page.locator('section[aria-labelledby="start-new"]');
      await fresh.getByRole('link', { name: 'Siri Heimkomen' }).first().waitFor();
      const overdue = page.locator('section[aria-labelledby="start-overdue"]');
      await overdue.getByRole('link', { name: 'Velkomstbrev: Siri Heimkomen' }).waitFor();
      const events = page.locator('section[aria-labelledby="start-events"]');
      await events.getByText('Tilflyttertreff på frivilligsentralen').waitFor();
      await check(tab, 'newcomers-start');

      await page.goto(`${base}/office/newcomers`);
      await heading(page, 'Nye innbyggere');
      await page.getByRole('table', { name: /Husstander, sist flyttet først/ }).waitFor();
      await check(tab, 'newcomers-list');

      await page.getByRole('link', { name: 'Siri Heimkomen' }).click();
      await heading(page, 'Siri Heimkomen');
      await page.getByRole('heading', { level: 2, name: 'Velkomstliste' }).waitFor();
      await page.getByLabel('Arrangement', { exact: true }).waitFor();
      await check(tab, 'newcomer-detail');

      // The host invites the household to the coming event from their page.
      const eventOption = await page
        .locator('#nc-invite-event option')
        .nth(1)
        .getAttribute('value');
      await page.selectOption('#nc-invite-event', eventOption!);
      await page.getByRole('button', { name: 'Send invitasjon på e-post' }).click();
      await page.getByText('Invitasjonen er sendt.').waitFor();
      const mail = await t.deps.db
        .selectFrom('outbox')
        .select('subject')
        .where('toAddress', '=', 'siri.heimkomen@example.no')
        .where('subject', 'like', 'Invitasjon:%')
        .execute();
      expect(mail).toHaveLength(1);

      // The proposal: confirm that the campaign's prospect has moved here.
      await page.getByRole('button', { name: 'Bekreft at Siri Heimkomen har flyttet hit' }).click();
      await page.getByText('Bekreftet', { exact: true }).waitFor();
      await check(tab, 'newcomer-match-confirmed');
      const moved = await t.deps.db
        .selectFrom('prospects')
        .select('movedInOn')
        .where('name', '=', 'Siri Heimkomen')
        .executeTakeFirstOrThrow();
      expect(moved.movedInOn).not.toBeNull();

      // A checklist item done, then the move away.
      await page.getByRole('button', { name: 'Merk «Velkomstbrev» som utført' }).click();
      await page.getByRole('button', { name: 'Angre utført for «Velkomstbrev»' }).waitFor();
      await page.getByLabel('Dato de flyttet').fill(today);
      await page.getByRole('button', { name: 'Registrer flytting' }).click();
      await page.getByRole('button', { name: 'Angre flytting' }).waitFor();
      await check(tab, 'newcomer-moved-away');
      const row = await t.deps.db
        .selectFrom('newcomers')
        .select('movedAwayOn')
        .where('id', '=', newcomerId)
        .executeTakeFirstOrThrow();
      expect(row.movedAwayOn).toBe(today);

      await page.goto(`${base}/office/newcomers/new`);
      await heading(page, 'Registrer ny innbygger');
      await check(tab, 'newcomer-form');
      tab.allowed.add('400 /api/newcomers');
      await page.getByRole('button', { name: 'Lagre' }).click();
      const summary = page.locator('.ds-error-summary');
      await summary.waitFor();
      // In the host's language, not the API's English.
      expect(await summary.textContent()).toContain('Flyttedatoen må være en dato');
      await check(tab, 'newcomer-form-errors');
    } finally {
      await tab.context.close();
    }
  });

  it('lets a host register a household with the keyboard alone', async () => {
    const tab = await signedInTab('/newcomers');
    const { page } = tab;
    try {
      await heading(page, 'Nye innbyggere');
      await page.locator('h1').focus();
      await tabToLink(page, 'Registrer ny');
      await heading(page, 'Registrer ny innbygger');
      await page.locator('h1').focus();
      await tabTo(page, 'nc-municipality');
      if ((await page.locator('#nc-municipality').inputValue()) === '') {
        await page.keyboard.press('ArrowDown');
      }
      expect(await page.locator('#nc-municipality').inputValue()).toBe('3427');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('nc-adult-0-name');
      await page.keyboard.type('Tore Tastatur');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1985');
      await page.keyboard.press('Tab');
      await page.keyboard.type('tore.tastatur@example.no');
      await tabTo(page, 'nc-moving-date');
      await typeDate(page, today);
      await tabTo(page, 'nc-consent-contact');
      await page.keyboard.press('Space');
      await tabToButton(page, 'Lagre');
      await page.keyboard.press('Enter');
      await heading(page, 'Tore Tastatur');
      const stored = await t.deps.db
        .selectFrom('newcomerAdults')
        .innerJoin('newcomers', 'newcomers.id', 'newcomerAdults.newcomerId')
        .select(['newcomers.movingDate', 'newcomers.consentContact', 'newcomers.source'])
        .where('newcomerAdults.name', '=', 'Tore Tastatur')
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ movingDate: today, consentContact: 1, source: 'office' });
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });

  it('lets a newcomer fill «Ny i kommunen?» with the keyboard alone, errors first', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/ny-i-kommunen`);
      await heading(page, 'Ny i kommunen?');
      expect(await page.locator('script').count()).toBe(0);
      await check(tab, 'newcomer-public-form');
      await page.locator('h1').focus();
      await tabTo(page, 'nc-municipalityCode');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('nc-adult1Name');
      await page.keyboard.type('Nina Nyflytta');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1990');
      await page.keyboard.press('Tab');
      await page.keyboard.type('nina.nyflytta@example.no');
      // The moving date is left out: the form comes back with it named on top.
      await tabTo(page, 'nc-consentContact', 60);
      await page.keyboard.press('Space');
      t.clock.advance(20_000);
      await tabToButton(page, 'Send');
      tab.allowed.add('400 /ny-i-kommunen');
      await page.keyboard.press('Enter');
      await page.locator('.ds-error-summary').waitFor();
      expect(await page.locator('.ds-error-summary a').getAttribute('href')).toBe('#nc-movingDate');
      // What was written is kept.
      expect(await page.locator('#nc-adult1Name').inputValue()).toBe('Nina Nyflytta');
      await check(tab, 'newcomer-public-form-errors');

      // From the summary's link to the field, by keyboard.
      await page.locator('h1').focus();
      for (let i = 0; ; i += 1) {
        if (i > 20) throw new Error('Tab never reached the error summary');
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
        if (href === '#nc-movingDate') break;
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedId(page)).toBe('nc-movingDate');
      await typeDate(page, today);
      t.clock.advance(20_000);
      await tabToButton(page, 'Send');
      await page.keyboard.press('Enter');

      await heading(page, 'Takk, og velkommen!');
      await check(tab, 'newcomer-public-thanks');
      const stored = await t.deps.db
        .selectFrom('newcomerAdults')
        .innerJoin('newcomers', 'newcomers.id', 'newcomerAdults.newcomerId')
        .select(['newcomers.movingDate', 'newcomers.municipalityCode', 'newcomers.source'])
        .where('newcomerAdults.name', '=', 'Nina Nyflytta')
        .executeTakeFirstOrThrow();
      expect(stored.movingDate).toBe(today);
      expect(stored.source).toBe('self');
    } finally {
      await tab.context.close();
    }
  });
});
