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
} from './office-harness.js';

/** User administration as a programme leader does it: invite, change, disable, enable. */
describe.skipIf(noBrowser)('office user administration in a real browser', () => {
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

  it('invites a host, makes them a caller for one municipality, disables and enables', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    const email = `ny.vert.${Date.now()}@example.no`;
    try {
      await page.goto(`${base}/office/users`);
      await signInWithCode(page, t, leader);
      await heading(page, 'Brukere');

      // A leader may give only the roles the API lets them give.
      await page.getByRole('button', { name: 'Inviter bruker' }).click();
      const roles = await page.locator('#user-role option').allTextContents();
      // A programme leader invites hosts, callers and event organisers, never leaders or admins.
      expect(roles).toEqual(['Tilflyttervert', 'Ringer', 'Arrangør']);
      await page.fill('#user-email', email);
      await page.fill('#user-name', 'Nils Ny');
      await page.getByLabel('Tynset').check();
      await page.getByLabel('Os', { exact: true }).check();
      await page.getByRole('button', { name: 'Send invitasjon' }).click();
      await page.getByText(`Invitasjonen er sendt til ${email}.`).waitFor();
      const row = page.getByRole('row', { name: /Nils Ny/ });
      expect(await row.textContent()).toContain('Invitert');
      expect(await row.textContent()).toContain('Os, Tynset');

      await page.getByRole('button', { name: 'Endre Nils Ny' }).click();
      await page.selectOption('#user-role', 'caller');
      // A caller calls for one municipality: the choice becomes a radio group.
      expect(await page.locator('input[type=radio]:checked').count()).toBe(1);
      await page.getByLabel('Røros').check();
      await checkScreen(tab, 'users-edit');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('button', { name: 'Lagre' }).click();
      await page.getByText('Endringene for Nils Ny er lagret.').waitFor();
      expect(await row.textContent()).toContain('Ringer');
      expect(await row.textContent()).toContain('Røros');

      await page.getByRole('button', { name: 'Deaktiver Nils Ny' }).click();
      const dialog = page.getByRole('dialog', { name: 'Deaktivere Nils Ny?' });
      await dialog.waitFor();
      await checkScreen(tab, 'users-disable');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await row.textContent()).toContain('Invitert');

      await page.getByRole('button', { name: 'Deaktiver Nils Ny' }).click();
      await dialog.getByRole('button', { name: 'Deaktiver', exact: true }).click();
      await page.getByText('Nils Ny er deaktivert.').waitFor();
      expect(await row.textContent()).toContain('Deaktivert');

      await page.getByRole('button', { name: 'Aktiver Nils Ny' }).click();
      await page
        .getByRole('dialog', { name: 'Aktivere Nils Ny igjen?' })
        .getByRole('button', { name: 'Aktiver', exact: true })
        .click();
      await page.getByText('Nils Ny er aktivert igjen.').waitFor();
      expect(await row.textContent()).not.toContain('Deaktivert');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });
});
