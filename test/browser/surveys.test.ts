import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn, type TestUser } from '../support/auth.js';
import {
  insertResponses,
  linkIn,
  runSurveys,
  schedule,
  surveyMailsTo,
} from '../support/surveys.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import { checkScreen, heading, openOfficeTab, prepareScreenshots } from './office-harness.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The survey page (no script) answered by keyboard, and the office results screen. */
describe.skipIf(noBrowser)('surveys in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leader = await createTestUser(t, { role: 'programme_leader' });
    await insertResponses(t, 8, { municipalityCode: '3427' });
    await insertResponses(t, 6, {
      municipalityCode: '3428',
      answers: { wellbeing: 3, plansToStay: 'unsure' },
    });
    await insertResponses(t, 2, { municipalityCode: '3429' });
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
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

  async function newLink(email: string) {
    await schedule(t, { email, locale: 'nb' });
    await runSurveys(t);
    return linkIn((await surveyMailsTo(t, email))[0]!.textBody);
  }

  it('shows the survey, its errors and the unavailable page without axe violations at 320 and 1280 px', async () => {
    const path = await newLink('axe@example.no');
    for (const width of [320, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      try {
        expect((await page.goto(base + path))?.status()).toBe(200);
        expect(await page.locator('script').count()).toBe(0);
        expect(await axe(page)).toEqual([]);
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(wide).toBeLessThanOrEqual(0);
        const unknown = await page.goto(`${base}/undersokelse/${'B'.repeat(43)}`);
        expect(unknown?.status()).toBe(404);
        await expect
          .poll(() => page.locator('h1').textContent())
          .toBe('Denne lenken virker ikke lenger');
        expect(await axe(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('a newcomer answers with the keyboard alone and is thanked', async () => {
    const path = await newLink('tastatur@example.no');
    const before = (await t.deps.db.selectFrom('surveyResponses').select('id').execute()).length;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(base + path);
      await page.locator('h1').focus();
      // Into the first question, then the arrow keys choose within it; Tab goes on.
      const tabToName = async (name: string) => {
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press('Tab');
          if (
            await page.evaluate(
              (n) => (document.activeElement as HTMLInputElement | null)?.name === n,
              name,
            )
          )
            return;
        }
        throw new Error(`Tab never reached ${name}`);
      };
      await tabToName('wellbeing');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await tabToName('plansToStay');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Takk for svarene!');
      expect(await axe(page)).toEqual([]);
    } finally {
      await context.close();
    }
    const rows = await t.deps.db.selectFrom('surveyResponses').select('answers').execute();
    expect(rows).toHaveLength(before + 1);
    expect(rows.map((r) => JSON.parse(r.answers))).toContainEqual({
      wellbeing: 4,
      plansToStay: 'yes',
    });
  });

  it('shows the programme leader the results with small groups hidden', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      // Signed in over HTTP (password and code), the session cookie handed to the browser.
      const session = await signIn(t, leader);
      const [name, value] = session.cookie.split('=') as [string, string];
      await tab.context.addCookies([{ name, value, url: base }]);
      await page.goto(`${base}/office/surveys`);
      await heading(page, 'Undersøkelser');
      const table = page.getByRole('table', { name: /Tror du at du bor her om fem år\?/ });
      await table.waitFor();
      const text = await table.textContent();
      expect(text).toContain('Tynset');
      expect(text).toContain('Skjult: færre enn fem svar');
      await page.getByLabel('Måneder etter innflytting').waitFor();
      await checkScreen(tab, 'surveys-results');
    } finally {
      await tab.context.close();
    }
  });
});
