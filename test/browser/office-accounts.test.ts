import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueOneTimeToken } from '../../src/server/modules/accounts/one-time-tokens.service.js';
import { addUser } from '../../src/server/modules/users/manage-users.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser } from '../support/auth.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import { checkScreen, heading, openOfficeTab, prepareScreenshots } from './office-harness.js';

const NEW_PASSWORD = 'Snøfonn-over-Rondane-42';

/** The office screens a person reaches from an email: invitation, reset, forgotten password. */
describe.skipIf(noBrowser)('office account links in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an invited host chooses a name and password, then sees only what a host may use', async () => {
    const email = `vert.${Date.now()}@example.no`;
    const { link } = await addUser(
      t.deps.db,
      t.clock,
      { kind: 'system', label: 'test' },
      {
        email,
        name: 'Invitert Vert',
        role: 'host',
        regionId: t.demoRegionId,
        municipalityCodes: ['3427'],
      },
      { publicUrl: base, sendEmail: false },
    );
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(link ?? '');
      await heading(page, 'Godta invitasjonen');
      await checkScreen(tab, 'invitation');

      await page.fill('#name', 'Vera Vert');
      await page.fill('#password', NEW_PASSWORD);
      await page.fill('#repeat', `${NEW_PASSWORD}x`);
      await page.keyboard.press('Enter');
      await page.locator('ds-error-summary').waitFor();
      await expect
        .poll(() => page.textContent('ds-error-summary'))
        .toContain('Passordene er ikke like');

      await page.fill('#repeat', NEW_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByText('Kontoen er klar.').waitFor();

      await page.getByRole('link', { name: 'Tilbake til innlogging' }).click();
      await heading(page, 'Logg inn');
      await page.fill('#email', email);
      await page.fill('#password', NEW_PASSWORD);
      await page.keyboard.press('Enter');
      await heading(page, 'Start');
      const menu = (await page.getByRole('navigation', { name: 'Hovedmeny' }).textContent()) ?? '';
      expect(menu).toContain('Tilflyttere');
      expect(menu).not.toContain('Brukere');
      expect(menu).not.toContain('Logg');
      await page.goto(`${base}/office/users`);
      await heading(page, 'Ingen tilgang');
      await checkScreen(tab, 'host-forbidden');
    } finally {
      await tab.context.close();
    }
  });

  it('a reset link sets a new password; a used link says so', async () => {
    const user = await createTestUser(t, { role: 'host', name: 'Glemsk Vert' });
    const { token } = await issueOneTimeToken(t.deps.db, t.clock, {
      purpose: 'password_reset',
      userId: user.id,
    });
    const tab = await openOfficeTab(browser, base, 320);
    const { page } = tab;
    tab.allowed.add('400 /api/auth/password-reset/complete');
    tab.allowed.add('410 /api/auth/password-reset/complete');
    try {
      await page.goto(`${base}/office/reset/${token}`);
      await heading(page, 'Velg nytt passord');
      await checkScreen(tab, 'reset');

      await page.setViewportSize({ width: 320, height: 900 });
      await page.fill('#password', 'kort');
      await page.fill('#repeat', 'kort');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.tagName))
        .toBe('DS-ERROR-SUMMARY');
      await expect.poll(() => page.textContent('ds-error-summary')).toContain('minst 12 tegn');
      await checkScreen(tab, 'reset-errors');

      await page.fill('#password', NEW_PASSWORD);
      await page.fill('#repeat', NEW_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByText('Passordet er endret.').waitFor();

      await page.goto(`${base}/office/reset/${token}`);
      await heading(page, 'Velg nytt passord');
      await page.fill('#password', `${NEW_PASSWORD}!`);
      await page.fill('#repeat', `${NEW_PASSWORD}!`);
      await page.keyboard.press('Enter');
      await page.locator('ds-error-summary').waitFor();
      await expect.poll(() => page.textContent('ds-error-summary')).toContain('Lenken er ugyldig');
    } finally {
      await tab.context.close();
    }
  });

  it('asking for a reset answers the same whether or not the address is known', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/sign-in`);
      await heading(page, 'Logg inn');
      await page.getByRole('link', { name: 'Glemt passordet?' }).click();
      await heading(page, 'Glemt passord');
      await checkScreen(tab, 'forgot');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.fill('#email', 'ingen.her@example.no');
      await page.keyboard.press('Enter');
      await page.getByText('Hvis adressen finnes hos oss').waitFor();
    } finally {
      await tab.context.close();
    }
  });
});
