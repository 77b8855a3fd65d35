import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, type TestUser } from '../support/auth.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  heading,
  openOfficeTab,
  prepareScreenshots,
  signInWithCode,
  tabTo,
} from './office-harness.js';

/** The site's profile screen as a programme leader uses it: axe at both widths, a refusal read aloud. */
describe.skipIf(noBrowser)('office site profile in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Pia Leder' });
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the colour, its contrast pairs, the images and visits; refuses a grey by keyboard, naming the pair', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    tab.allowed.add('400 /api/site/profile/color');
    try {
      await page.goto(`${base}/office/site`);
      await signInWithCode(page, t, leader);
      await heading(page, 'Nettstedet: profil og besøk');
      await page.getByRole('table', { name: 'Kontrast i fargeparene nettstedet bruker' }).waitFor();
      await checkScreen(tab, 'site-profile');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.locator('h1').focus();
      await tabTo(page, 'site-brand-color', 40);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('#808080');
      await page.keyboard.press('Enter');
      const alert = page.getByRole('status').filter({ hasText: 'Ikke lagret' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Tekst på merkefargen: #ffffff på #808080');
    } finally {
      await tab.context.close();
    }
  });
});
