import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpFor } from '../../src/server/modules/auth/auth.service.js';
import { createUser } from '../../src/server/modules/users/users.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, TEST_PASSWORD, type TestUser, totpCode } from '../support/auth.js';
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

describe.skipIf(noBrowser)('staff office in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Kari Leder' });
    await createTestUser(t, { role: 'host', name: 'Hans Vert', municipalityCodes: ['3427'] });
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  const openTab = (width: number) => openOfficeTab(browser, base, width);

  /** Signs a leader in by filling the fields (the keyboard journey is tested above). */
  async function signInLeader(page: Page, user: TestUser = leader) {
    await page.goto(`${base}/office/sign-in`);
    await signInWithCode(page, t, user);
    await heading(page, 'Start');
  }

  it('sign-in page: no axe violations at 320 and 1280 px, all from this host', async () => {
    const tab = await openTab(1280);
    try {
      const response = await tab.page.goto(`${base}/office/`);
      expect(response?.status()).toBe(200);
      await heading(tab.page, 'Logg inn');
      expect(new URL(tab.page.url()).pathname).toBe('/office/sign-in');
      expect(await tab.page.getAttribute('html', 'lang')).toBe('nb');
      expect(await tab.page.title()).toBe('Logg inn – Flytthit kontor');
      await checkScreen(tab, 'sign-in');
    } finally {
      await tab.context.close();
    }
  });

  it('keyboard only: a wrong password puts focus on the error summary', async () => {
    const tab = await openTab(320);
    const { page } = tab;
    tab.allowed.add('401 /api/auth/sign-in');
    try {
      await page.goto(`${base}/office/`);
      await heading(page, 'Logg inn');
      await tabTo(page, 'email');
      await page.keyboard.type(leader.email);
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('password');
      await page.keyboard.type('not the password at all');
      await page.keyboard.press('Enter');
      const summary = page.locator('ds-error-summary');
      await summary.waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.tagName))
        .toBe('DS-ERROR-SUMMARY');
      expect(await summary.textContent()).toContain('Feil e-post eller passord.');
      await checkScreen(tab, 'sign-in-error');
    } finally {
      await tab.context.close();
    }
  });

  it('keyboard only: sign in with a code, then the shell, users and log pass axe', async () => {
    const tab = await openTab(1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/users`);
      await heading(page, 'Logg inn');
      await tabTo(page, 'email');
      await page.keyboard.type(leader.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(leader.password);
      await page.keyboard.press('Enter');

      await heading(page, 'Skriv inn engangskoden');
      await checkScreen(tab, 'sign-in-code');
      await page.setViewportSize({ width: 1280, height: 900 });
      await tabTo(page, 'code');
      await page.keyboard.type(totpCode(t, leader));
      await page.keyboard.press('Enter');

      // Back to the page that sent us to sign in.
      await heading(page, 'Brukere');
      expect(new URL(page.url()).pathname).toBe('/office/users');
      const table = page.getByRole('table', { name: /Brukere i/ });
      await table.waitFor();
      expect(await table.textContent()).toContain('Hans Vert');
      expect(await table.textContent()).toContain('Kari Leder');
      await checkScreen(tab, 'users');

      // The invite form, sent empty: the summary lists the fields and takes focus.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('button', { name: 'Inviter bruker' }).click();
      await page.getByRole('button', { name: 'Send invitasjon' }).click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.tagName))
        .toBe('DS-ERROR-SUMMARY');
      await checkScreen(tab, 'users-invite-errors');

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${base}/office/`);
      await heading(page, 'Start');
      await expect.poll(() => page.textContent('header')).toContain('Kari Leder');
      await checkScreen(tab, 'start');

      await page.setViewportSize({ width: 1280, height: 900 });
      await tabToLink(page, 'Logg');
      await heading(page, 'Logg');
      await page.getByRole('table').waitFor();
      await expect.poll(() => page.textContent('table')).toContain('auth.sign_in');
      await checkScreen(tab, 'audit');

      await page.setViewportSize({ width: 1280, height: 900 });
      await tabToLink(page, 'Kampanjer');
      await heading(page, 'Kampanjer');
      await checkScreen(tab, 'campaigns');

      await page.setViewportSize({ width: 1280, height: 900 });
      // Every module is built now: the goals screen is checked in goals.test.ts.
      await tabToLink(page, 'Mål');
      await heading(page, 'Mål og indikatorer');
    } finally {
      await tab.context.close();
    }
  });

  it('at 320 px the menu folds behind a button; the language choice sticks', async () => {
    // A user of its own: the language chosen here stays on the account.
    const reader = await createTestUser(t, { role: 'programme_leader', name: 'Per Språk' });
    const tab = await openTab(320);
    const { page } = tab;
    try {
      await signInLeader(page, reader);

      const menu = page.getByRole('button', { name: 'Meny' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('navigation', { name: 'Hovedmeny' }).isVisible()).toBe(false);
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await checkScreen(tab, 'start-menu-open');
      await page.setViewportSize({ width: 320, height: 900 });
      await page.getByRole('link', { name: 'Brukere', exact: true }).click();
      await heading(page, 'Brukere');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');

      // On a phone the language switch sits in the folded menu.
      await menu.click();
      await page.selectOption('#office-language', 'nn');
      await heading(page, 'Brukarar');
      expect(await page.getAttribute('html', 'lang')).toBe('nn');
      const cookies = await tab.context.cookies();
      expect(cookies.find((c) => c.name === 'lang')?.value).toBe('nn');
      await page.reload();
      await heading(page, 'Brukarar');
      expect(await page.getAttribute('html', 'lang')).toBe('nn');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
    // Another browser, no cookie: the account remembers the language.
    const other = await openTab(1280);
    try {
      await signInLeader(other.page, reader);
      await other.page.getByRole('heading', { level: 1, name: 'Start' }).waitFor();
      await expect.poll(() => other.page.getAttribute('html', 'lang')).toBe('nn');
      expect(await other.page.textContent('nav')).toContain('Brukarar');
    } finally {
      await other.context.close();
    }
  });

  it('a leader without a second factor sets one up before anything else', async () => {
    const email = `nina.ny.${Date.now()}@example.no`;
    await createUser(t.deps.db, t.clock, {
      email,
      name: 'Nina Ny',
      role: 'programme_leader',
      regionId: t.demoRegionId,
      municipalityCodes: [],
      password: TEST_PASSWORD,
    });
    const tab = await openTab(1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/sign-in`);
      await heading(page, 'Logg inn');
      await tabTo(page, 'email');
      await page.keyboard.type(email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(TEST_PASSWORD);
      await page.keyboard.press('Enter');

      await heading(page, 'Sett opp tofaktorinnlogging');
      expect(await page.getByRole('navigation').count()).toBe(0);
      await checkScreen(tab, 'totp-enrol');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('button', { name: 'Sett opp tofaktorinnlogging' }).click();
      const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await expect.poll(() => page.textContent('main')).toContain('otpauth://totp/');
      await checkScreen(tab, 'totp-setup');

      await page.setViewportSize({ width: 1280, height: 900 });
      await tabTo(page, 'totp-code');
      await page.keyboard.type(
        totpFor(secret ?? '', email).generate({ timestamp: t.clock.now().getTime() }),
      );
      await page.keyboard.press('Enter');
      await heading(page, 'Start');
      await tabToLink(page, 'Min konto');
      await heading(page, 'Min konto');
      await expect
        .poll(() => page.textContent('main'))
        .toContain('Du bruker en kode fra autentiseringsappen');
      await checkScreen(tab, 'account');
    } finally {
      await tab.context.close();
    }
  });

  it('API tokens: made, shown once, listed, revoked after a confirm step', async () => {
    const tab = await openTab(1280);
    const { page } = tab;
    try {
      await signInLeader(page);
      await tabToLink(page, 'API-nøkler');
      await heading(page, 'API-nøkler');
      await expect.poll(() => page.textContent('main')).toContain('Du har ingen nøkler.');
      await tabTo(page, 'token-name');
      await page.keyboard.type('Rapportskript');
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { name: 'Din nye nøkkel' }).waitFor();
      const secret = await page.inputValue('#new-token');
      expect(secret.length).toBeGreaterThan(20);
      const table = page.getByRole('region', { name: 'Nøklene dine' });
      await table.waitFor();
      expect(await table.textContent()).toContain('Rapportskript');
      expect(await table.textContent()).not.toContain(secret);
      await checkScreen(tab, 'tokens-created');

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('button', { name: 'Ferdig' }).click();
      expect(await page.locator('#new-token').count()).toBe(0);
      await page.getByRole('button', { name: 'Trekk tilbake Rapportskript' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await checkScreen(tab, 'tokens-revoke');
      await dialog.getByRole('button', { name: 'Trekk tilbake', exact: true }).click();
      await page.getByText('Nøkkelen «Rapportskript» er trukket tilbake.').waitFor();
      expect(await table.textContent()).toContain('Trukket tilbake');
    } finally {
      await tab.context.close();
    }
  });

  it('a reload during the code step comes back to it; cancel ends the half sign-in', async () => {
    const tab = await openTab(1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/sign-in`);
      await heading(page, 'Logg inn');
      await page.fill('#email', leader.email);
      await page.fill('#password', leader.password);
      await page.keyboard.press('Enter');
      await heading(page, 'Skriv inn engangskoden');
      await page.reload();
      await heading(page, 'Skriv inn engangskoden');
      await page.getByRole('button', { name: 'Avbryt' }).click();
      await heading(page, 'Logg inn');
      // Nothing of the half-done session is left in the way of a new sign-in.
      await signInLeader(page);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });
});
