import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSnapshotIfEmpty } from '../../src/server/modules/statistics/statistics.demo.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, type TestUser } from '../support/auth.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  heading,
  openOfficeTab,
  prepareScreenshots,
  signInWithCode,
} from './office-harness.js';

/** The office's statistics dashboard, before and after SSB's real 2015K1 file is imported. */
describe.skipIf(noBrowser)('office statistics in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Kari Leder' });
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function signIn(page: Page) {
    await page.goto(`${base}/office/sign-in`);
    await signInWithCode(page, t, leader);
    await heading(page, 'Start');
  }

  it('says honestly when nothing is imported, then shows figures, tables and provenance', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await signIn(page);
      // The menu item is a real screen now, not the "coming" placeholder.
      await page.getByRole('link', { name: 'Statistikk' }).first().click();
      await heading(page, 'Statistikk');
      await page.getByRole('heading', { name: 'Ingen flyttetall ennå' }).waitFor();
      await page.getByText('Ingen importer ennå.').waitFor();
      await checkScreen(tab, 'statistics-empty');

      await seedSnapshotIfEmpty(t.deps.db, t.clock);
      await page.reload();
      await heading(page, 'Statistikk');
      await page.locator('#stat-summary-text').waitFor();
      await expect
        .poll(() => page.textContent('#stat-summary-text'))
        .toContain('Rendalen hadde størst nettoinnflytting');
      expect(await page.locator('caption').count()).toBe(4);
      expect(await page.locator('th[scope="row"]', { hasText: 'Tynset' }).count()).toBe(1);
      expect(
        await page.getByText('Kilde: Statistisk sentralbyrå. Kart: © Kartverket').count(),
      ).toBe(1);
      await page.getByRole('link', { name: 'Alle tall som CSV' }).waitFor();
      await page.getByRole('cell', { name: 'file:dataset1108_2015K1_jsonstat1.json' }).waitFor();
      const images = await page
        .locator('main img')
        .evaluateAll((els) => els.map((e) => (e as HTMLImageElement).complete));
      expect(images).toEqual([true, true, true]);
      await checkScreen(tab, 'statistics');
    } finally {
      await tab.context.close();
    }
  });

  it('copies the summary and announces it in a status message', async () => {
    const tab = await openOfficeTab(browser, base, 320);
    const { page } = tab;
    await tab.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    try {
      await signIn(page);
      await page.goto(`${base}/office/statistics?quarter=2015K1`);
      await heading(page, 'Statistikk');
      const text = (await page.locator('#stat-summary-text').textContent()) ?? '';
      await page.getByRole('button', { name: 'Kopier teksten' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Teksten er kopiert.' }).count())
        .toBe(1);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    } finally {
      await tab.context.close();
    }
  });
});
