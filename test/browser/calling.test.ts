import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn, type TestSession, type TestUser } from '../support/auth.js';
import { createOpenCampaign, postTip, sampleTip } from '../support/referral.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  focusedId,
  heading,
  openOfficeTab,
  prepareScreenshots,
  signInWithCode,
  tabTo,
} from './office-harness.js';

/** The calling day on a volunteer's phone: a caller link, the calling screen, keyboard only. */
describe.skipIf(noBrowser)('the calling screen in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leaderUser: TestUser;
  let leader: TestSession;
  let campaignId: string;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leaderUser = await createTestUser(t, { role: 'programme_leader', name: 'Kari Leder' });
    leader = await signIn(t, leaderUser);
    campaignId = (
      await createOpenCampaign(leader, {
        callScript: 'Hei! Jeg ringer fra Fjellregionen fordi noen savner deg.',
      })
    ).id;
    for (const [name, phone, tipper] of [
      ['Åse Ødegård', '91000001', 'Kari Tipsar'],
      ['Bjørn Berg', '91000002', 'Ola Tipsar'],
    ] as const) {
      const res = await postTip(
        t,
        campaignId,
        sampleTip({
          tipper: { name: tipper },
          person: { name, phone, addressLine: `${name}vegen 1`, municipalityCode: '3427' },
        }),
      );
      if (res.statusCode !== 201) throw new Error(`tip: ${res.statusCode} ${res.body}`);
    }
    const batch = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/postcard-batches`,
    });
    await leader.request({
      method: 'POST',
      url: `/api/postcard-batches/${batch.json().id}/sent`,
    });
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function callerLink(name: string): Promise<string> {
    const res = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/caller-links`,
      payload: { municipalityCode: '3427', name },
    });
    if (res.statusCode !== 201) throw new Error(`link: ${res.statusCode} ${res.body}`);
    return `${base}/ring/${(res.json() as { url: string }).url.split('/ring/')[1]}`;
  }

  /** Opens a calling link and presses its start button, as a volunteer does. */
  const startWith = async (page: import('playwright-core').Page, link: string) => {
    await page.goto(link);
    await heading(page, 'Klar til å ringe?');
    await page.getByRole('button', { name: 'Start ringingen' }).click();
  };

  const text = (page: import('playwright-core').Page, selector: string) => () =>
    page.textContent(selector).catch(() => null);

  it('takes a volunteer from the link to the calling screen at 320 px and calls everyone by keyboard', async () => {
    const tab = await openOfficeTab(browser, base, 320);
    const { page } = tab;
    try {
      await page.setViewportSize({ width: 320, height: 640 });
      // The link's start page, then its button by keyboard alone.
      await page.goto(await callerLink('Vera Frivillig'));
      await heading(page, 'Klar til å ringe?');
      await checkScreen(tab, 'calling-link-start');
      await page.setViewportSize({ width: 320, height: 640 });
      await tabTo(page, 'start-calling', 5);
      await page.keyboard.press('Enter');
      await heading(page, 'Ringedag');
      expect(new URL(page.url()).pathname).toBe('/office/calling');
      await page.locator('#next-person').waitFor();
      await checkScreen(tab, 'calling-start');
      await page.setViewportSize({ width: 320, height: 640 });

      // Keyboard only: Tab to "Neste person", Enter.
      await tabTo(page, 'next-person', 40);
      await page.keyboard.press('Enter');
      await expect.poll(text(page, '#person-name')).toMatch(/Åse Ødegård|Bjørn Berg/);
      const first = (await page.textContent('#person-name'))!;
      expect(await focusedId(page)).toBe('person-name');
      const phone = page.locator('a.calling-phone');
      expect(await phone.getAttribute('href')).toMatch(/^tel:\+4791000/);
      const tipper = first === 'Åse Ødegård' ? 'Kari' : 'Ola';
      await expect.poll(text(page, '.calling-tippers')).toContain(`${tipper} savner deg`);
      expect(await page.textContent('.calling-script summary')).toBe('Samtaleguide');
      const box = await page.locator('#outcome-not_interested').boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      await checkScreen(tab, 'calling-person');
      await page.setViewportSize({ width: 320, height: 640 });

      // The connection drops after the server saved the outcome: the screen tries once more
      // with the same Idempotency-Key, and the call is stored once.
      const keys: string[] = [];
      await page.route('**/api/claims/*/outcome', async (route) => {
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (keys.length > 1) return route.continue();
        await route.fetch();
        return route.abort('connectionfailed');
      });
      await page.locator('#person-name').focus();
      await tabTo(page, 'outcome-not_interested');
      await page.keyboard.press('Enter');
      await expect.poll(text(page, '.calling-status')).toContain('Lagret: Ikke interessert');
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
      await page.unroute('**/api/claims/*/outcome');
      await expect.poll(() => focusedId(page)).toBe('next-person');

      // The next person, interested: interests and notes by keyboard.
      await page.keyboard.press('Enter');
      await expect.poll(text(page, '#person-name')).not.toBe(first);
      await expect.poll(text(page, '#person-name')).toMatch(/Åse Ødegård|Bjørn Berg/);
      await tabTo(page, 'outcome-interested');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedId(page)).toBe('interest-jobs');
      await page.keyboard.press('Space');
      await tabTo(page, 'interest-visit');
      await page.keyboard.press('Space');
      await tabTo(page, 'call-notes');
      await page.keyboard.type('Vil gjerne besøke i påsken.');
      await checkScreen(tab, 'calling-interested');
      await page.setViewportSize({ width: 320, height: 640 });
      await page.locator('#call-notes').focus();
      await tabTo(page, 'outcome-save');
      await page.keyboard.press('Enter');
      await expect.poll(text(page, '.calling-status')).toContain('Lagret: Interessert');

      // Nobody left: the 204 says so.
      await expect.poll(() => focusedId(page)).toBe('next-person');
      await page.keyboard.press('Enter');
      await expect.poll(text(page, '.calling-status')).toContain('Alle er ringt!');
      await checkScreen(tab, 'calling-done');

      const calls = await t.deps.db
        .selectFrom('calls')
        .select(['outcome', 'interests', 'notes', 'idempotencyKey', 'source'])
        .where('campaignId', '=', campaignId)
        .orderBy('recordedAt')
        .execute();
      expect(calls.map((c) => c.outcome).sort()).toEqual(['interested', 'not_interested']);
      const interested = calls.find((c) => c.outcome === 'interested')!;
      expect(JSON.parse(interested.interests).sort()).toEqual(['jobs', 'visit']);
      expect(interested.notes).toBe('Vil gjerne besøke i påsken.');
      for (const call of calls) {
        expect(call.source).toBe('screen');
        expect(call.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
      }

      // The volunteer can watch the day's progress for their municipality.
      await page.getByRole('link', { name: 'Følg ringedagen direkte' }).click();
      await heading(page, 'Ringedagen direkte');
      await checkScreen(tab, 'calling-progress');
    } finally {
      await tab.context.close();
    }
  });

  it('says so, kindly, when a used link is opened again', async () => {
    const link = await callerLink('Per Ringer');
    const tab = await openOfficeTab(browser, base, 320);
    const { page } = tab;
    try {
      await startWith(page, link);
      await heading(page, 'Ringedag');
      const again = await tab.context.newPage();
      const res = await again.goto(link);
      expect(res?.status()).toBe(410);
      await heading(again, 'Lenken virker ikke lenger');
      expect(await again.textContent('main')).toContain('Be prosjektlederen om en ny lenke.');
    } finally {
      await tab.context.close();
    }
  });

  it('tells the caller the calling hours, and that an expired hold went back to the list', async () => {
    // Friday 20:30 in Oslo: the postcards go out and a volunteer gets a link.
    t.clock.set('2026-11-27T19:30:00.000Z');
    const setup = await signIn(t, leaderUser);
    const tipped = await postTip(
      t,
      campaignId,
      sampleTip({
        person: {
          name: 'Sen Person',
          phone: '91000009',
          addressLine: 'Seinvegen 1',
          municipalityCode: '3427',
        },
      }),
    );
    expect(tipped.statusCode).toBe(201);
    const batch = await setup.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/postcard-batches`,
    });
    await setup.request({ method: 'POST', url: `/api/postcard-batches/${batch.json().id}/sent` });
    const made = await setup.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/caller-links`,
      payload: { municipalityCode: '3427', name: 'Kveld Ringer' },
    });
    const link = `${base}/ring/${(made.json() as { url: string }).url.split('/ring/')[1]}`;
    const tab = await openOfficeTab(browser, base, 320);
    const { page } = tab;
    tab.allowed.add(`409 /api/campaigns/${campaignId}/claims`);
    try {
      // 21:30: after the campaign's calling hours (weekdays 09–21).
      t.clock.set('2026-11-27T20:30:00.000Z');
      await startWith(page, link);
      await heading(page, 'Ringedag');
      await page.locator('#next-person').click();
      await expect
        .poll(text(page, '.calling-status'))
        .toContain('Det er utenfor ringetiden. Ringetid: man–fre 09:00–21:00.');

      // Back within the hours: a person, then the hold runs out before the save.
      t.clock.set('2026-11-27T19:30:00.000Z');
      await page.locator('#next-person').click();
      await expect.poll(text(page, '#person-name')).toBe('Sen Person');
      const held = await t.deps.db
        .selectFrom('claims')
        .select('id')
        .where('campaignId', '=', campaignId)
        .where('closedAt', 'is', null)
        .executeTakeFirstOrThrow();
      tab.allowed.add(`409 /api/claims/${held.id}/outcome`);
      t.clock.advanceMinutes(16);
      await page.locator('#outcome-no_answer').click();
      await expect
        .poll(text(page, '.calling-status'))
        .toContain('personen er gitt tilbake til lista. Trykk «Neste person».');
      expect(await page.locator('#next-person').isVisible()).toBe(true);
      await checkScreen(tab, 'calling-expired');
    } finally {
      await tab.context.close();
    }
  });

  it('lets the programme leader make and withdraw a caller link, print a sheet and enter paper calls', async () => {
    // Paper calls are back-dated against the server's clock: put it near the browser's.
    t.clock.set(new Date(Date.now() - 60 * 60_000).toISOString());
    const setup = await signIn(t, leaderUser);
    const tipped = await postTip(
      t,
      campaignId,
      sampleTip({
        tipper: { name: 'Siri Tipsar' },
        person: {
          name: 'Papir Person',
          phone: '91000003',
          addressLine: 'Papirvegen 1',
          municipalityCode: '3428',
        },
      }),
    );
    expect(tipped.statusCode).toBe(201);
    const batch = await setup.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/postcard-batches`,
    });
    await setup.request({ method: 'POST', url: `/api/postcard-batches/${batch.json().id}/sent` });
    t.clock.set(new Date(Date.now() + 5 * 60_000).toISOString());

    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/calling`);
      await signInWithCode(page, t, leaderUser);
      await heading(page, 'Ringedag');
      await page.getByRole('heading', { name: 'Ringelenker' }).waitFor();

      await page.selectOption('#link-municipality', '3428');
      await page.fill('#link-name', 'Nora Nabo');
      await page.getByRole('button', { name: 'Lag lenke' }).click();
      await page.getByRole('heading', { name: 'Lenke til Nora Nabo' }).waitFor();
      expect(await page.textContent('#created-link')).toMatch(/\/ring\/[A-Za-z0-9_-]{40,}$/);
      expect(await page.getByAltText('QR-kode for ringelenken').isVisible()).toBe(true);
      const row = page.getByRole('row', { name: /Nora Nabo/ });
      await expect.poll(() => row.textContent()).toContain('Ikke brukt');
      expect(await row.textContent()).toContain('Alvdal');
      await checkScreen(tab, 'calling-links');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByRole('button', { name: 'Trekk tilbake lenken til Nora Nabo' }).click();
      const dialog = page.getByRole('dialog', { name: 'Trekke tilbake lenken?' });
      await dialog.getByRole('button', { name: 'Trekk tilbake', exact: true }).click();
      await expect.poll(() => row.textContent()).toContain('Trukket tilbake');

      // The paper fallback: the sheet for Alvdal, then the entry screen.
      await page.selectOption('#calling-municipality', '3428');
      const sheet = page.getByRole('link', { name: 'Last ned ringeliste (PDF)' });
      const href = await sheet.getAttribute('href');
      expect(href).toBe(`/api/campaigns/${campaignId}/call-sheets.pdf?municipality=3428`);
      const pdf = await page.request.get(`${base}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');

      await page.getByRole('link', { name: 'Før inn fra papir' }).click();
      await heading(page, 'Før inn samtaler fra papir');
      const form = page.getByRole('form', { name: 'Papir Person' });
      await form.waitFor();
      await form.getByLabel('Utfall').selectOption('not_now');
      await form.getByLabel('Notater').fill('Ring etter nyttår');
      await checkScreen(tab, 'calling-paper');
      await page.setViewportSize({ width: 1280, height: 900 });
      await form.getByRole('button', { name: 'Lagre' }).click();
      await expect.poll(() => form.textContent()).toContain('Lagret: Ikke nå');
      const call = await t.deps.db
        .selectFrom('calls')
        .select(['outcome', 'source', 'notes', 'idempotencyKey'])
        .where('campaignId', '=', campaignId)
        .where('source', '=', 'paper')
        .executeTakeFirstOrThrow();
      expect(call).toMatchObject({ outcome: 'not_now', notes: 'Ring etter nyttår' });
      expect(call.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });
});
