import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn, type TestUser } from '../support/auth.js';
import { createEvent, createOrganiser, registerApi } from '../support/events.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  heading,
  openOfficeTab,
  prepareScreenshots,
  tabTo,
} from './office-harness.js';

/** The public calendar and an event's registration form, and the office's events screen. */
describe.skipIf(noBrowser)('events in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiserUser: TestUser;
  let eventId: string;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const org = await createOrganiser(leader, 'Tynset frivilligsentral');
    organiserUser = await createTestUser(t, { role: 'organiser', name: 'Frida Frivillig' });
    await leader.request({
      method: 'POST',
      url: `/api/event-organisers/${org.id}/members`,
      payload: { userId: organiserUser.id },
    });
    eventId = (await createEvent(leader, { organiserId: org.id, capacity: 3 })).id;
    await createEvent(leader, {
      organiserId: org.id,
      title: { nb: 'Skitur (uten grense)' },
      capacity: null,
    });
    await registerApi(
      t,
      eventId,
      { name: 'Per Påmeldt', email: 'per@example.no' },
      'browser-key-1',
    );
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the calendar and registers by keyboard only on the event page', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/arrangementer`);
      await heading(page, 'Møteplasser og arrangementer');
      await checkScreen(tab, 'events-calendar');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${base}/arrangementer/${eventId}`);
      await heading(page, 'Tilflyttertreff på frivilligsentralen');
      await checkScreen(tab, 'events-event');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.locator('h1').focus();
      await tabTo(page, 'reg-name', 60);
      await page.keyboard.type('Kari Tastatur');
      await page.keyboard.press('Tab');
      await page.keyboard.type('kari.tastatur@example.no');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2');
      // A person needs a moment to fill the form; the server's clock is the test's.
      t.clock.advance(10_000);
      await page.keyboard.press('Enter');
      await heading(page, 'Du er påmeldt');
      await checkScreen(tab, 'events-registered');
      const row = await t.deps.db
        .selectFrom('eventRegistrations')
        .select(['seats', 'status'])
        .where('emailKey', '=', 'kari.tastatur@example.no')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ seats: 2, status: 'confirmed' });
    } finally {
      await tab.context.close();
    }
  });

  it('lets an organiser see their events and record attendance', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      // The session cookie's expiry follows the server's (test) clock: keep it near the
      // browser's, or the browser drops the cookie as already expired.
      t.clock.set(new Date().toISOString());
      await page.goto(`${base}/office/events`);
      await heading(page, 'Logg inn');
      await page.fill('#email', organiserUser.email);
      await page.fill('#password', organiserUser.password);
      await page.keyboard.press('Enter');
      await heading(page, 'Arrangementer');
      await page.getByRole('table', { name: /Arrangementer, de nærmeste først/ }).waitFor();
      await checkScreen(tab, 'office-events');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page
        .getByRole('button', { name: 'Tilflyttertreff på frivilligsentralen', exact: true })
        .click();
      const attendance = page.getByLabel('Oppmøte for Per Påmeldt');
      await attendance.waitFor();
      await checkScreen(tab, 'office-event-registrations');
      await page.setViewportSize({ width: 1280, height: 900 });
      await attendance.selectOption('yes');
      await page.getByText(/1 møtte/).waitFor();
      await page.getByRole('button', { name: 'Alle arrangementer' }).click();
      await page.getByRole('button', { name: 'Nytt arrangement' }).click();
      await page.getByRole('heading', { level: 2, name: 'Nytt arrangement' }).waitFor();
      await checkScreen(tab, 'office-event-form');
    } finally {
      await tab.context.close();
    }
  });
});
