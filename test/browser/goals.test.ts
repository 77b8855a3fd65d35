import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalsDemoSeeder } from '../../src/server/modules/goals/goals.demo.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, type TestUser } from '../support/auth.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  focusedId,
  heading,
  openOfficeTab,
  prepareScreenshots,
  signInWithCode,
  tabTo,
  tabToLink,
} from './office-harness.js';

/**
 * The goals dashboard and the media log as a programme leader uses them: axe at 320 and
 * 1280 px, the status in words, a table beside each chart, and a mention added by keyboard.
 */
describe.skipIf(noBrowser)('office goals in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    await goalsDemoSeeder.seed(t.deps.db, t.clock, t.demoRegionId);
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Mia Mål' });
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows every indicator with its status in words, and adds a mention by keyboard alone', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/goals`);
      await signInWithCode(page, t, leader);
      await heading(page, 'Mål og indikatorer');
      await page.getByText('Å være en pionerregion i Norge og Norden').waitFor();
      const overview = page.getByRole('table', { name: 'Oversikt' });
      await overview.waitFor();
      const national = overview.getByRole('row', { name: /Omtaler i nasjonale medier/ });
      // The demo's one national mention this year against a target of 12: in words, not colour.
      expect(await national.textContent()).toMatch(/Ikke i rute|Usikker|I rute/);
      const pride = overview.getByRole('row', { name: /Stolte innbyggere/ });
      expect(await pride.textContent()).toContain('Mangler data');
      await page
        .getByRole('img', { name: /Omtaler i nasjonale medier: utvikling per år/ })
        .waitFor();
      await checkScreen(tab, 'goals-dashboard');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.locator('h1').focus();
      await tabToLink(page, 'Medieloggen');
      await heading(page, 'Medieloggen');
      await page.getByRole('table', { name: /Omtaler \d{4}/ }).waitFor();
      await checkScreen(tab, 'goals-media');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Keyboard only: a missing outlet is refused and named, then the mention is saved.
      tab.allowed.add('400 /api/goals/media');
      const year = new Date().getFullYear();
      await page.locator('h1').focus();
      await tabTo(page, 'media-publishedOn');
      await page.keyboard.type(`0101${year}`);
      await tabTo(page, 'media-outlet', 3);
      expect(await page.inputValue('#media-publishedOn')).toBe(`${year}-01-01`);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.tagName))
        .toBe('DS-ERROR-SUMMARY');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Medium: /);
      await page.keyboard.press('Enter');
      expect(await focusedId(page)).toBe('media-outlet');
      await page.keyboard.type('Dagens Næringsliv');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('media-reach');
      await page.keyboard.type('80 000');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Omtalen er lagret.' }).waitFor();
      const row = page.getByRole('row', { name: /Dagens Næringsliv/ });
      await row.waitFor();
      expect(await row.textContent()).toContain('Nasjonalt');
      const stored = await t.deps.db
        .selectFrom('mediaEntries')
        .select(['outlet', 'publishedOn', 'level', 'reach', 'tone'])
        .where('outlet', '=', 'Dagens Næringsliv')
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({
        outlet: 'Dagens Næringsliv',
        publishedOn: `${year}-01-01`,
        level: 'national',
        reach: 80000,
        tone: 'positive',
      });
      await checkScreen(tab, 'goals-media-saved');

      // The programme editor: the demo's goals load into the form and save back unchanged;
      // a target without its period is refused, naming the field.
      await page.goto(`${base}/office/goals/programme`);
      await heading(page, 'Rediger mål og indikatorer');
      const to = page.locator('#p-subGoals-0-indicators-0-period-to');
      await to.waitFor();
      await checkScreen(tab, 'goals-programme');
      await page.setViewportSize({ width: 1280, height: 900 });
      const save = page.getByRole('button', { name: 'Lagre', exact: true });
      await save.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Målene er lagret.' }).waitFor();
      tab.allowed.add('400 /api/goals/programme');
      await page.locator('#p-subGoals-0-indicators-0-period-from').fill('');
      await to.fill('');
      await save.focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('link', {
          name: /^Delmål 1: Indikator 1: Målperiode fra: Et mål trenger en periode/,
        })
        .waitFor();
    } finally {
      await tab.context.close();
    }
  });
});
