import type { Browser } from 'playwright-core';
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

/**
 * The council report page as a programme leader uses it from the quarterly email's link:
 * axe at both widths, a missing date and an empty period refused in words, then a download.
 */
describe.skipIf(noBrowser)('office council report in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Pia Leder' });
    await seedSnapshotIfEmpty(t.deps.db, t.clock);
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes the period from the link, refuses what it cannot make, and downloads the PDF', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    tab.allowed.add('404 /api/reports/council.pdf');
    try {
      await page.goto(`${base}/office/reports?from=2015-01-01&to=2015-03-31`);
      await signInWithCode(page, t, leader);
      await heading(page, 'Rapport til regionrådet');
      expect(await page.inputValue('#report-from')).toBe('2015-01-01');
      await checkScreen(tab, 'council-report');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.fill('#report-from', '');
      await page.getByRole('button', { name: 'Last ned PDF' }).click();
      const summary = page.locator('.office-error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Fra dato: Skriv inn en dato');

      await page.fill('#report-from', '1990-01-01');
      await page.fill('#report-to', '1990-12-31');
      await page.getByRole('button', { name: 'Last ned PDF' }).click();
      await page.getByText('Det finnes ingen tall for denne perioden').waitFor();

      await page.fill('#report-from', '2015-01-01');
      await page.fill('#report-to', '2015-03-31');
      await page.selectOption('#report-language', 'nn');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Last ned PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('rapport-fjellregionen-2015-01-01-2015-03-31.pdf');
      await page.getByRole('status').filter({ hasText: 'Rapporten er lastet ned.' }).waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });
});
