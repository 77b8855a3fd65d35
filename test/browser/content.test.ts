import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn, type TestUser } from '../support/auth.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import {
  checkScreen,
  heading,
  openOfficeTab,
  prepareScreenshots,
  signInWithCode,
  tabTo,
} from './office-harness.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Pages and news: the public pages pass axe at both widths; an editor works by keyboard alone. */
describe.skipIf(noBrowser)('pages and news in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leader: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    leader = await createTestUser(t, { role: 'programme_leader', name: 'Pia Leder' });
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    prepareScreenshots();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a published page (also as a fallback) and the news list without axe violations at 320 and 1280 px', async () => {
    const session = await signIn(t, leader);
    const publish = async (kind: 'page' | 'news', slug: string, body: string) => {
      const res = await session.request({
        method: 'POST',
        url: '/api/content',
        payload: { kind, slug, texts: { nb: { title: `Om ${slug}`, body } } },
      });
      expect(res.statusCode, res.body).toBe(201);
      await session.request({ method: 'POST', url: `/api/content/${res.json().id}/publish` });
    };
    const body = [
      'Regionen har **fjell**, skog og [gode skoler](https://example.no/skole).',
      '## Å bo her',
      '- Barnehageplass\n- Jobb\n- Kort vei til naturen',
      '<script>alert(1)</script>',
    ].join('\n\n');
    await publish('page', 'bo-her', body);
    await publish('news', 'ny-skole', 'Den nye skolen åpner til høsten.');

    for (const path of ['/side/bo-her', '/nn/side/bo-her', '/nyheter']) {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      try {
        const response = await page.goto(base + path, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.locator('script').count()).toBe(0);
        if (path.startsWith('/nn/')) {
          await page.getByText('Denne sida finst ikkje på nynorsk enno').waitFor();
          expect(await page.locator('article').getAttribute('lang')).toBe('nb');
        }
        for (const width of [320, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          const summary = violations.map((v) => ({
            id: v.id,
            targets: v.nodes.map((n) => n.target.join(' ')),
          }));
          expect(summary, `${path} at ${width} px`).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${path} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
        }
        // No CSP refusal: nothing inline slipped into the page (the favicon request may 404).
        expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('lets an editor write, preview, save and publish a page with the keyboard alone', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/content`);
      await signInWithCode(page, t, leader);
      await heading(page, 'Sider og nyheter');
      await page.getByRole('table').waitFor();
      await checkScreen(tab, 'content-list');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.locator('h1').focus();
      await tabTo(page, 'content-new-page', 40);
      await page.keyboard.press('Enter');
      await heading(page, 'Ny side');
      await tabTo(page, 'content-slug', 20);
      await page.keyboard.type('tastatur');
      await tabTo(page, 'content-title-nb', 5);
      await page.keyboard.type('Skrevet med tastatur');
      await tabTo(page, 'content-body-nb', 5);
      await page.keyboard.type('Laget **uten mus**.');
      await tabTo(page, 'content-preview-nb', 5);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Forhåndsvisning (Bokmål)' }).waitFor();
      expect(await page.locator('.content-preview strong').textContent()).toBe('uten mus');

      await tabTo(page, 'content-save', 40);
      await page.keyboard.press('Enter');
      await heading(page, 'Rediger: Skrevet med tastatur');
      await checkScreen(tab, 'content-editor');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.locator('h1').focus();
      await tabTo(page, 'content-publish', 60);
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Versjon 1 er publisert.' }).waitFor();

      const visitor = await t.app.inject({
        method: 'GET',
        url: '/side/tastatur',
        headers: { accept: 'text/html' },
      });
      expect(visitor.statusCode).toBe(200);
      expect(visitor.body).toContain('Laget <strong>uten mus</strong>.');
    } finally {
      await tab.context.close();
    }
  });
});
