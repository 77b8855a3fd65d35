import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDailyCounts } from '../../src/server/modules/jobs/map/market.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertJobAds } from '../support/jobs.js';
import { listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';
import { tabTo, tabToLink } from './office-harness.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe.skipIf(noBrowser)('job pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let adId = '';

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const rows = await insertJobAds(t.deps.db, t.demoRegionId, [
      {
        title: 'Sjåfør med førerkort klasse C',
        employerName: 'Røros Transport AS',
        workCity: 'Røros',
        municipalityCode: '5025',
        styrkCode: '8332',
        sector: 'private',
        applicationDueDate: '2026-12-10',
        applicationUrl: 'https://example.org/apply',
        descriptionHtml:
          '<h2>Om jobben</h2><p>Kjøring i <strong>Fjellregionen</strong>.</p><ul><li>Klasse C</li></ul><script>alert(1)</script>',
      },
      ...Array.from({ length: 24 }, (_, i) => ({
        title: `Sykepleier ${i + 1}`,
        municipalityCode: i % 2 ? '3427' : '3428',
        workCity: i % 2 ? 'Tynset' : 'Alvdal',
      })),
    ]);
    adId = rows[0]!.id;
    await snapshotDailyCounts(t.deps.db, t.clock, t.demoRegionId);
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function open(path: string, width: number) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const response = await page.goto(base + path, { waitUntil: 'load' });
    return { context, page, errors, status: response?.status() };
  }

  const paths = () => ['/jobber?occupation=2', `/en/jobber/${adId}`, '/arbeidsmarked'];
  for (const width of [320, 1280]) {
    it(`search, an ad and the labour market at ${width} px: no axe violations, no overflow`, async () => {
      for (const path of paths()) {
        const { context, page, errors, status } = await open(path, width);
        try {
          expect(status, path).toBe(200);
          expect(await page.locator('h1').count()).toBe(1);
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          expect(
            violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) })),
            path,
          ).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, path).toBeLessThanOrEqual(0);
          // The stored <script> in the description never ran, and nothing broke the CSP.
          expect(
            errors.filter((e) => /Content Security Policy|dialog/.test(e)),
            path,
          ).toEqual([]);
        } finally {
          await context.close();
        }
      }
    });
  }

  it('keyboard only: search with a filter, open an ad and go back', async () => {
    const { context, page } = await open('/jobber', 1280);
    try {
      await tabTo(page, 'jobs-q');
      await page.keyboard.type('sykepleier');
      await tabTo(page, 'jobs-municipality', 3);
      // A closed select picks the option whose name is typed.
      await page.keyboard.type('Tynset');
      expect(await page.inputValue('#jobs-municipality')).toBe('3427');
      // On to the search button, past the other filters, and press it.
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Tab');
        const tag = await page.evaluate(() => document.activeElement?.getAttribute('type'));
        if (tag === 'submit') break;
      }
      await page.keyboard.press('Enter');
      await page.waitForURL(/municipality=3427/);
      expect(page.url()).toContain('q=sykepleier');
      expect(await page.locator('#jobs-results').textContent()).toBe('Treff: 12');
      await tabToLink(page, 'Sykepleier', 60);
      await page.waitForURL(/\/jobber\/[0-9a-f-]{36}$/);
      expect(await page.locator('h1').textContent()).toMatch(/^Sykepleier \d+$/);
      await tabToLink(page, 'Tilbake til ledige stillinger');
      await page.waitForURL(/\/jobber$/);
      expect(await page.locator('h1').textContent()).toBe('Ledige stillinger');
    } finally {
      await context.close();
    }
  });
});
