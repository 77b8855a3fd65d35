import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSnapshotIfEmpty } from '../../src/server/modules/statistics/statistics.demo.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn, type TestUser } from '../support/auth.js';
import { ensureOfficeBuild, listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import { heading, openOfficeTab, signInWithCode, tabTo } from './office-harness.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The public page types no other browser file checks with axe (see site, statistics, jobs,
 * events, content, referral-site, newcomers, business and surveys .test.ts): a news item, the
 * consent page, and a municipality page with everything on it (own text in a fallback
 * language, population and net migration, the host's contact, vacancies, events). One app,
 * one page per width, reused for every path; and reduced motion respected on the front page.
 */
describe.skipIf(noBrowser)('the remaining public pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let leaderUser: TestUser;

  beforeAll(async () => {
    ensureOfficeBuild();
    t = await createTestApp('sqlite');
    await seedSnapshotIfEmpty(t.deps.db, t.clock);
    leaderUser = await createTestUser(t, { role: 'programme_leader' });
    const leader = await signIn(t, leaderUser);
    const publish = async (kind: 'page' | 'news', slug: string, texts: object) => {
      const made = await leader.request({
        method: 'POST',
        url: '/api/content',
        payload: { kind, slug, texts },
      });
      expect(made.statusCode).toBe(201);
      const res = await leader.request({
        method: 'POST',
        url: `/api/content/${made.json().id}/publish`,
      });
      expect(res.statusCode).toBe(200);
    };
    await publish('news', 'ny-barnehage', {
      nb: { title: 'Ny barnehage på Tynset', body: 'Barnehagen åpner i **august**.' },
    });
    await publish('page', 'kommune-tynset', {
      nb: { title: 'Velkommen til Tynset', body: 'Her er det godt å bo.\n\n- skole\n- jobb' },
    });
    const host = await leader.request({
      method: 'PUT',
      url: '/api/site/municipality-hosts/3427',
      payload: { name: 'Vertskapet i Tynset', email: 'vert@tynset.example', phone: '62485000' },
    });
    expect(host.statusCode).toBe(200);
    t.clock.advanceMinutes(1);
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await t?.close();
  });

  const PAGES: Array<{ path: string; status: number; h1: string }> = [
    { path: '/nyheter/ny-barnehage', status: 200, h1: 'Ny barnehage på Tynset' },
    { path: '/en/nyheter/ny-barnehage', status: 200, h1: 'Ny barnehage på Tynset' },
    { path: '/kommune/tynset', status: 200, h1: 'Tynset' },
    { path: '/en/kommune/tynset', status: 200, h1: 'Tynset' },
    { path: '/samtykke/ukjent-lenke', status: 404, h1: '' },
  ];

  for (const width of [320, 1280]) {
    it(`news item, consent and full municipality pages at ${width} px: no axe violations, no sideways scroll`, async () => {
      const context: BrowserContext = await browser.newContext({
        viewport: { width, height: 900 },
      });
      const page: Page = await context.newPage();
      const elsewhere: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(`${base}/`)) elsewhere.push(r.url());
      });
      try {
        for (const { path, status, h1 } of PAGES) {
          const response = await page.goto(base + path, { waitUntil: 'load' });
          expect(response?.status(), path).toBe(status);
          if (h1) expect((await page.locator('h1').textContent())?.trim(), path).toBe(h1);
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
        // The municipality page really carries its live facts and contact (not an empty shell).
        await page.goto(`${base}/en/kommune/tynset`);
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text).toContain('This text is not available in English yet');
        expect(text).toContain('Population');
        expect(text).toContain('Contact the newcomer host');
        expect(elsewhere).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('respects reduced motion: no transition or animation runs on the front page', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/`, { waitUntil: 'load' });
      const moving = await page.evaluate(() => {
        const nonZero = (v: string) => v.split(',').some((d) => Number.parseFloat(d) > 0);
        const out: string[] = [];
        for (const el of document.querySelectorAll('*')) {
          for (const pseudo of [null, '::before', '::after']) {
            const s = getComputedStyle(el, pseudo);
            if (nonZero(s.transitionDuration) || nonZero(s.animationDuration)) {
              out.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''}`);
            }
          }
        }
        return out;
      });
      expect(moving).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a programme leader set a host contact by keyboard, errors summarised first', async () => {
    const tab = await openOfficeTab(browser, base, 1280);
    const { page } = tab;
    try {
      await page.goto(`${base}/office/content`);
      await signInWithCode(page, t, leaderUser);
      await heading(page, 'Sider og nyheter');
      await page.getByRole('heading', { name: 'Kommunesidene' }).waitFor();
      await page.locator('h1').focus();
      await tabTo(page, 'host-municipality', 60);
      await page.selectOption('#host-municipality', '3428');
      await tabTo(page, 'host-name', 5);
      await page.keyboard.press('Enter'); // sent empty
      await page.locator('.office-error-summary').waitFor();
      expect(await page.locator('.office-error-summary').textContent()).toContain(
        'Navn på kontakt',
      );
      await page.locator('#host-name').focus();
      await page.keyboard.type('Vertskapet i Alvdal');
      await page.keyboard.press('Enter');
      await page.getByText('Kontakten er lagret og vises på kommunesiden.').waitFor();
      t.clock.advanceMinutes(1);
      const visitor = await t.app.inject({
        method: 'GET',
        url: '/kommune/alvdal',
        headers: { accept: 'text/html' },
      });
      expect(visitor.body).toContain('Vertskapet i Alvdal');
    } finally {
      await tab.context.close();
    }
  });
});
