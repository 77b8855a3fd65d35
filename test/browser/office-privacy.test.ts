import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn, type TestUser } from '../support/auth.js';
import { createOpenCampaign, postTip, sampleTip } from '../support/referral.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  heading,
  openOfficeTab,
  prepareScreenshots,
  signInWithCode,
} from './office-harness.js';

/** The privacy page as a programme leader uses it: log a request, export, erase. */
describe.skipIf(noBrowser)('office privacy page in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Kari Leder' });
    admin = await createTestUser(t, { role: 'admin', name: 'Ada Admin' });
    const campaign = await createOpenCampaign(await signIn(t, leader));
    await postTip(
      t,
      campaign.id,
      sampleTip({
        person: { name: 'Petra Personvern', phone: '415 80 001', addressLine: 'Vegen 1' },
      }),
    );
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs a request, exports a person, erases them, and passes axe', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    tab.allowed.add('404 /api/privacy/access-exports');
    try {
      await page.goto(`${base}/office/privacy`);
      await signInWithCode(page, t, leader);
      await heading(page, 'Personvern');
      await page
        .getByRole('heading', { name: 'Protokoll over behandlinger (artikkel 30)' })
        .waitFor();
      await page.getByText('Ringedag og oppfølging av potensielle tilflyttere').waitFor();

      // Log an access request received long ago: it shows as overdue.
      await page.selectOption('#request-kind', 'access');
      await page.fill('#request-reference', '2026/55');
      await page.fill('#request-received', '2026-10-01');
      await page.getByRole('button', { name: 'Registrer krav' }).click();
      await page.getByText('1 krav er over fristen.').waitFor();
      await checkScreen(tab, 'privacy');

      // Export by phone, answering the logged request.
      await page.fill('#person-phone', '41580001');
      await page.selectOption('#person-request', { index: 1 });
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Last ned innsyn (JSON)' }).click();
      const file = await (await download).path();
      expect(readFileSync(file, 'utf8')).toContain('Petra Personvern');
      await page.getByText('Innsynet er lastet ned.').waitFor();
      await page.getByText('Besvart').first().waitFor();

      // Erase, after a confirmation; then the person is not found.
      await page.getByRole('button', { name: 'Slett personen overalt' }).click();
      await page.getByRole('heading', { name: 'Slette alt om personen?' }).waitFor();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: 'Slett personen overalt' })
        .click();
      await page.getByText(/^Slettet: /).waitFor();
      // The counts are told in words, in the reader's language.
      expect(await page.getByText(/^Slettet: /).textContent()).toMatch(
        /^Slettet: 1 potensielle tilflyttere, .*tips om personen/,
      );
      await page.getByRole('button', { name: 'Last ned innsyn (JSON)' }).click();
      await page.getByText('Ingen treff blant personene du har tilgang til.').waitFor();
      await checkScreen(tab, 'privacy-after');
    } finally {
      await tab.context.close();
    }
  }, 120_000);

  it('lets an admin change a retention period', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/privacy`);
      await signInWithCode(page, t, admin);
      await heading(page, 'Personvern');
      await page.locator('#retention-not_interested').waitFor();
      await page.fill('#retention-not_interested', '4');
      await page.getByRole('button', { name: 'Lagre lagringstidene' }).click();
      await page.getByText('Lagringstidene er lagret.').waitFor();
      await page.getByText('4 måneder for dem som ikke var interessert').waitFor();
      await checkScreen(tab, 'privacy-admin');
    } finally {
      await tab.context.close();
    }
  }, 120_000);
});
