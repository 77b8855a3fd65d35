import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/db/portable.js';
import { createFollowUpTasks } from '../../src/server/modules/followup/tasks.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, type TestUser } from '../support/auth.js';
import { seedCallingCampaign, seedProspects } from '../support/calling.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  focusedId,
  heading,
  openOfficeTab,
  prepareScreenshots,
  tabTo,
} from './office-harness.js';

/** Follow-up as a host does it: tasks (done and undone by keyboard), pipeline, funnel. */
describe.skipIf(noBrowser)('office follow-up in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let host: TestUser;
  let campaignId: string;
  let moving: { id: string; name: string };

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    const db = t.deps.db;
    host = await createTestUser(t, {
      role: 'host',
      name: 'Hanne Vert',
      municipalityCodes: ['3427'],
    });
    campaignId = await seedCallingCampaign(db, t.clock, t.demoRegionId);
    await db
      .updateTable('campaigns')
      .set({ callingDays: JSON.stringify(['2026-06-01']) })
      .where('id', '=', campaignId)
      .execute();
    // Invented people (demo data): three interested, one of whom moved in.
    const ids = await seedProspects(db, campaignId, t.demoRegionId, 5);
    const at = '2026-06-01T10:00:00.000Z';
    for (const [i, prospectId] of ids.slice(0, 3).entries()) {
      const callId = newId();
      await db
        .insertInto('calls')
        .values({
          id: callId,
          campaignId,
          regionId: t.demoRegionId,
          municipalityCode: '3427',
          prospectId,
          claimId: null,
          callerId: null,
          outcome: 'interested',
          notes: null,
          interests: '["jobs"]',
          callBackAt: null,
          calledAt: at,
          recordedAt: at,
          recordedBy: host.id,
          source: 'paper',
          idempotencyKey: null,
        })
        .execute();
      await db
        .updateTable('prospects')
        .set({
          firstCalledAt: at,
          reachedAt: at,
          interestedAt: at,
          movedInOn: i === 0 ? '2026-08-15' : null,
          movedInMunicipalityCode: i === 0 ? '3427' : null,
        })
        .where('id', '=', prospectId)
        .execute();
      // The first call's tasks fell due a while ago: they show as overdue.
      const made = i === 0 ? new Date('2026-11-01T10:00:00Z') : t.clock.now();
      await createFollowUpTasks(db, made, {
        id: callId,
        campaignId,
        regionId: t.demoRegionId,
        municipalityCode: '3427',
        prospectId,
        interests: ['jobs'],
      });
    }
    const second = await db
      .selectFrom('prospects')
      .select(['id', 'name'])
      .where('id', '=', ids[1]!)
      .executeTakeFirstOrThrow();
    moving = second;
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  const statusOf = async (id: string) =>
    (
      await t.deps.db
        .selectFrom('followUpTasks')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('lists tasks overdue first and marks one done and undoes it with the keyboard only', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/follow-up`);
      await heading(page, 'Logg inn');
      await page.fill('#email', host.email);
      await page.fill('#password', host.password);
      await page.keyboard.press('Enter');
      await heading(page, 'Oppfølging');
      await page.getByRole('table', { name: /Oppgaver, forfalte først/ }).waitFor();
      const rows = page.getByRole('row');
      // Header row, then six tasks (two per call), the first call's two overdue.
      expect(await rows.count()).toBe(7);
      expect(await rows.nth(1).textContent()).toContain('Forfalt');
      expect(await rows.nth(3).textContent()).not.toContain('Forfalt');
      await checkScreen(tab, 'follow-up-tasks');
      await page.setViewportSize({ width: 1280, height: 900 });

      const first = await page.locator('button[id^="task-done-"]').first().getAttribute('id');
      const taskId = first!.replace('task-done-', '');
      await page.locator('h1').focus();
      await tabTo(page, first!, 80);
      await page.keyboard.press('Enter');
      await page.getByText(/er utført\.$/).waitFor();
      expect(await statusOf(taskId)).toBe('done');
      // Focus moves to the undo once the list has reloaded.
      await expect.poll(() => focusedId(page)).toBe('undo');
      expect(await page.locator(`#${first}`).count()).toBe(0);
      await checkScreen(tab, 'follow-up-done');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.locator('#undo').focus();
      await page.keyboard.press('Enter');
      await page.getByText(/er åpen igjen\.$/).waitFor();
      expect(await statusOf(taskId)).toBe('open');
      await page.waitForFunction((id) => document.activeElement?.id === id, first);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });

  it('shows the pipeline and the funnel with its chart, table and downloads', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/follow-up/${campaignId}/pipeline`);
      await heading(page, 'Logg inn');
      await page.fill('#email', host.email);
      await page.fill('#password', host.password);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /^Løpet: Ringedag/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Flyttet hit (1)' }).waitFor();
      await checkScreen(tab, 'follow-up-pipeline');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Recording a move by keyboard: open the person's forms, a date in the future is refused
      // next to the field, a good one moves them to the next stage.
      const card = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3, name: moving.name }) });
      await card.locator('summary').focus();
      await page.keyboard.press('Enter');
      const movedForm = card.locator('form').nth(1);
      await movedForm.getByLabel('Flyttet hit: Dato').fill('2027-05-01');
      await movedForm.getByLabel('Kommune de flyttet til').selectOption('3424');
      tab.allowed.add(`400 /api/prospects/${moving.id}/moved-in`);
      await movedForm.getByRole('button', { name: 'Lagre' }).focus();
      await page.keyboard.press('Enter');
      await movedForm.getByText('Kan ikke være fram i tid').waitFor();
      await checkScreen(tab, 'follow-up-pipeline-error');
      await page.setViewportSize({ width: 1280, height: 900 });
      await movedForm.getByLabel('Flyttet hit: Dato').fill('2026-11-20');
      await movedForm.getByRole('button', { name: 'Lagre' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'Flyttet hit (2)' }).waitFor();
      const stored = await t.deps.db
        .selectFrom('prospects')
        .select(['movedInOn', 'movedInMunicipalityCode'])
        .where('id', '=', moving.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ movedInOn: '2026-11-20', movedInMunicipalityCode: '3424' });

      await page.goto(`${base}/office/follow-up/${campaignId}/funnel`);
      await page.getByRole('heading', { level: 1, name: /^Resultater: Ringedag/ }).waitFor();
      const funnel = page.getByRole('table', { name: 'Trakten per kommune' });
      await funnel.waitFor();
      const tynset = funnel.getByRole('row', { name: /^Tynset/ });
      expect((await tynset.textContent())?.replace(/\s+/g, '')).toBe('Tynset5533322');
      await page.getByRole('img', { name: /2 etter 12 måneder/ }).waitFor();
      expect(await page.getByRole('link', { name: 'Last ned som CSV' }).getAttribute('href')).toBe(
        `/api/campaigns/${campaignId}/funnel.csv`,
      );
      await checkScreen(tab, 'follow-up-funnel');
    } finally {
      await tab.context.close();
    }
  });
});
