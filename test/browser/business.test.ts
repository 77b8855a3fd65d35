import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEmployers } from '../../src/server/modules/business/brreg.import.js';
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
} from './office-harness.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/brreg', name), 'utf8');

/** «Start Her» on the public site by keyboard only, and the office's business screens. */
describe.skipIf(noBrowser)('business screens in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    // Session cookies expire by the app's clock: keep it at real time, or the browser drops
    // a cookie whose 12 hours ran out by the wall clock (the test clock starts at 10:00).
    t.clock.set(new Date().toISOString());
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Pia Leder' });
    // Invented companies (test fixtures), as an Enhetsregisteret import would bring them.
    await importEmployers(
      t.deps.db,
      t.clock,
      { userId: null, label: 'test', ip: null },
      fixture('enheter.json'),
      {
        regionId: t.demoRegionId,
        fileName: 'enheter.json',
      },
    );
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends the «Start Her» form with the keyboard only, errors first, then the thank-you', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/start-her`);
      await heading(page, 'Start Her');
      await checkScreen(tab, 'start-her-form');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Sent empty: every error on top, each a link to its field.
      tab.allowed.add('400 /start-her');
      t.clock.advance(20_000);
      await page.locator('h1').focus();
      for (
        let i = 0;
        i < 60 &&
        (await page.evaluate(() => document.activeElement?.getAttribute('type'))) !== 'submit';
        i++
      ) {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: 'Navn må fylles ut.' }).waitFor();
      await checkScreen(tab, 'start-her-errors');
      await page.setViewportSize({ width: 1280, height: 900 });

      // The error link takes focus to its field; then the form is filled by keyboard.
      await page.getByRole('link', { name: 'Navn må fylles ut.' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#sh-name');
      await page.locator('#sh-name').focus();
      await page.keyboard.type('Siri Gründer');
      await page.keyboard.press('Tab');
      await page.keyboard.type('siri@example.no');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('sh-idea');
      await page.keyboard.type('Et bakeri med kafé i sentrum.');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('sh-industry');
      await page.keyboard.type('Overnattings');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('sh-municipality');
      await page.keyboard.type('Tynset');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('sh-stage');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('sh-help');
      await page.keyboard.press('Space');
      for (let i = 0; i < 10 && (await focusedId(page)) !== 'sh-consent'; i++) {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Space');
      t.clock.advance(20_000);
      for (
        let i = 0;
        i < 10 &&
        (await page.evaluate(() => document.activeElement?.getAttribute('type'))) !== 'submit';
        i++
      ) {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await heading(page, 'Takk for henvendelsen!');
      await checkScreen(tab, 'start-her-thanks');
      const stored = await t.deps.db
        .selectFrom('entrepreneurInquiries')
        .select(['name', 'industry', 'municipalityCode', 'stage', 'helpNeeded'])
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({
        name: 'Siri Gründer',
        industry: 'I',
        municipalityCode: '3427',
        stage: 'planning',
        helpNeeded: '["financing"]',
      });
    } finally {
      await tab.context.close();
    }
  });

  it('shows the employer register and the «Start Her» pipeline to a programme leader', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/business`);
      await signInWithCode(page, t, leader);
      await heading(page, 'Arbeidsgivere');
      await page.getByRole('table', { name: 'Arbeidsgivere' }).waitFor();
      expect(await page.getByRole('row').count()).toBe(8);
      await checkScreen(tab, 'business-employers');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Contacting an employer by keyboard, then undoing it.
      await page.getByRole('button', { name: 'FJELLBAKST AS' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'Endre FJELLBAKST AS' }).waitFor();
      await page.getByLabel('Status').last().selectOption('contacted');
      await page.getByRole('button', { name: 'Lagre' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Angre siste statusendring' }).waitFor();
      await checkScreen(tab, 'business-employer-edit');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('button', { name: 'Angre siste statusendring' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Statusendringen er angret.').waitFor();

      await page.goto(`${base}/office/business/start-her`);
      await heading(page, 'Start Her');
      await page.getByRole('heading', { level: 2, name: 'Ny (1)' }).waitFor();
      await checkScreen(tab, 'business-start-her');
    } finally {
      await tab.context.close();
    }
  });
});
