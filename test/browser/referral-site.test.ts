import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn } from '../support/auth.js';
import { createOpenCampaign } from '../support/referral.js';
import { listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The tip form and the opt-out page: no script, no axe violations, usable end to end. */
describe.skipIf(noBrowser)('referral pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    ({ slug } = await createOpenCampaign(leader));
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function axe(page: Page) {
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }

  for (const width of [320, 1280]) {
    it(`the tip form, its errors and the opt-out page have no axe violations at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      try {
        for (const path of [`/tips/${slug}`, '/en/reservasjon', '/tips']) {
          const response = await page.goto(base + path);
          expect(response?.status()).toBe(200);
          expect(await page.locator('script').count()).toBe(0);
          expect(await axe(page)).toEqual([]);
        }
        await page.goto(`${base}/tips/${slug}`);
        t.clock.advance(10_000);
        await page.getByRole('button', { name: 'Send tipset' }).click();
        await expect.poll(() => page.locator('.ds-error-summary').count()).toBe(1);
        expect(await axe(page)).toEqual([]);
        // A link in the summary takes the reader to the field it names.
        await page.locator('.ds-error-summary a[href="#tip-personName"]').click();
        expect(await page.evaluate(() => location.hash)).toBe('#tip-personName');
      } finally {
        await context.close();
      }
    });
  }

  it('a resident sends a tip with the keyboard and mouse alone, and is thanked', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/en/tips/${slug}`);
      await page.getByLabel('Your name').fill('Ola Tipsar');
      await page.getByLabel('Your email address').fill('ola@example.no');
      await page.getByLabel("The person's name (required)").fill('Kari Nordmann');
      await page.getByLabel("The person's phone number").fill('912 34 567');
      await page.getByLabel('Which municipality fits best? (required)').selectOption('3427');
      await page.getByLabel('I believe the person would welcome being contacted').check();
      t.clock.advance(30_000);
      await page.getByRole('button', { name: 'Send the tip' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you for the tip!');
      expect(await axe(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
