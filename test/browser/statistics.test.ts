import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSnapshotIfEmpty } from '../../src/server/modules/statistics/statistics.demo.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [320, 1280];

/** The public statistics page with SSB's real 2015K1 figures, in a real browser. */
describe.skipIf(noBrowser)('public statistics page in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await seedSnapshotIfEmpty(t.deps.db, t.clock);
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await t?.close();
  });

  for (const path of ['/statistikk', '/en/statistikk']) {
    for (const width of WIDTHS) {
      it(`${path} at ${width} px: no axe violations, no sideways scroll, charts load`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const errors: string[] = [];
        const failed: string[] = [];
        // Failed loads are judged by their responses (the browser asks for a favicon unbidden).
        page.on('console', (m) => {
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
            errors.push(m.text());
          }
        });
        page.on('response', (r) => {
          if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) {
            failed.push(`${r.status()} ${r.url()}`);
          }
        });
        try {
          const res = await page.goto(base + path, { waitUntil: 'load' });
          expect(res?.status()).toBe(200);
          expect(await page.locator('script').count()).toBe(0);
          // Every chart and the map were drawn by the server and loaded as pictures.
          const images = await page
            .locator('img')
            .evaluateAll((els) => els.map((e) => (e as HTMLImageElement).naturalWidth > 0));
          expect(images).toEqual([true, true, true]);
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          expect(
            violations.map((v) => ({
              id: v.id,
              targets: v.nodes.map((n) => n.target.join(' ')),
            })),
          ).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
          expect(errors).toEqual([]);
          expect(failed).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('the quarter form works without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/statistikk`);
      await page.selectOption('#fh-quarter', '2015K1');
      await page.getByRole('button', { name: 'Vis' }).click();
      await page.waitForURL(/quarter=2015K1/);
      await expect
        .poll(() => page.textContent('main'))
        .toContain('Rendalen hadde størst nettoinnflytting');
      // The real snapshot has municipalities only: the comparison section says how to import.
      expect(
        await page.getByRole('heading', { name: 'Regionen mot fylket og landet' }).count(),
      ).toBe(1);
      await expect
        .poll(() => page.textContent('main'))
        .toContain('flytthit stats import --table 01222');
    } finally {
      await context.close();
    }
  });
});
