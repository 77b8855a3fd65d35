import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn, type TestSession, type TestUser } from '../support/auth.js';
import { seedCardedProspects } from '../support/calling-progress.js';
import { createOpenCampaign } from '../support/referral.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  heading,
  openOfficeTab,
  prepareScreenshots,
  signInWithCode,
} from './office-harness.js';

/** The calling day as the programme leader watches it: numbers change on screen by themselves. */
describe.skipIf(noBrowser)('live progress in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;
  let caller: TestSession;
  let campaignId: string;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Kari Leder' });
    const session = await signIn(t, leader);
    campaignId = (
      await createOpenCampaign(session, {
        targets: { calls: 4 },
        callingHours: { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' },
      })
    ).id;
    caller = await signIn(
      t,
      await createTestUser(t, { role: 'caller', name: 'Åse Ringer', campaignId }),
    );
    await seedCardedProspects(t, campaignId, '3427', 4);
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A caller on the calling screen's API: the next person, then the outcome. */
  async function callNext(outcome: string) {
    const claim = await caller.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/claims`,
    });
    expect(claim.statusCode).toBe(201);
    const { id } = (claim.json() as { claim: { id: string } }).claim;
    const saved = await caller.request({
      method: 'POST',
      url: `/api/claims/${id}/outcome`,
      payload: { outcome },
    });
    expect(saved.statusCode).toBe(201);
  }

  it('opens from the campaign and updates the numbers without a reload', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/campaigns?id=${campaignId}`);
      await signInWithCode(page, t, leader);
      await page.getByRole('link', { name: 'Følg ringedagen direkte' }).click();
      await heading(page, 'Ringedagen direkte');
      await page.getByText('Direkte: tallene oppdateres av seg selv.').waitFor();

      const tynset = page.getByTestId('municipality-3427');
      const calls = page.getByTestId('total-calls').locator('dd');
      expect(await calls.textContent()).toBe('0');
      // A page that reloads loses this mark.
      await page.evaluate(() => {
        (window as unknown as { mark: number }).mark = 42;
      });

      await callNext('interested');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="total-calls"] dd')?.textContent === '1',
      );
      expect(await tynset.locator('td').first().textContent()).toBe('1');
      expect(await page.getByTestId('total-interested').locator('dd').textContent()).toBe('1');
      expect(await page.getByRole('row', { name: /Åse Ringer/ }).textContent()).toContain('1');

      // Passing half of the target is said aloud; the numbers themselves are not.
      await callNext('no_answer');
      await page
        .getByRole('status')
        .filter({ hasText: '50 % av målet er nådd: 2 av 4 samtaler.' })
        .waitFor();
      expect(await page.evaluate(() => (window as unknown as { mark: number }).mark)).toBe(42);

      await checkScreen(tab, 'calling-progress');
    } finally {
      await tab.context.close();
    }
  });
});
