import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { listenOnFreePort, noBrowser, sharedChromium } from './browser-suite.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [320, 1280];
const PAGES: Array<{ path: string; status: number; lang: string }> = [
  { path: '/', status: 200, lang: 'nb' },
  { path: '/kommune/tynset', status: 200, lang: 'nb' },
  { path: '/nn/', status: 200, lang: 'nn' },
  { path: '/en/', status: 200, lang: 'en' },
  { path: '/tilgjengelighet', status: 200, lang: 'nb' },
  { path: '/en/nope', status: 404, lang: 'en' },
];
/** Set SCREENSHOT_DIR to keep a full-page picture of every page at every width. */
const screenshotDir = process.env.SCREENSHOT_DIR;

describe.skipIf(noBrowser)('public site in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    base = await listenOnFreePort(t);
    browser = await sharedChromium();
    if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Opens a page, recording every request and console error it causes. */
  async function open(path: string, width: number) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const response = await page.goto(base + path, { waitUntil: 'load' });
    return { context, page, requests, errors, status: response?.status() };
  }

  const fontIsInter = (page: Page) =>
    page.evaluate(async () => {
      await document.fonts.ready;
      return {
        family: getComputedStyle(document.body).fontFamily,
        loaded: document.fonts.check('16px Inter'),
      };
    });

  for (const { path, status, lang } of PAGES) {
    for (const width of WIDTHS) {
      it(`${path} at ${width} px has no axe violations and stays on this host`, async () => {
        const { context, page, requests, errors, status: got } = await open(path, width);
        try {
          expect(got).toBe(status);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          expect(await page.locator('h1').count()).toBe(1);
          // Nothing runs: the only script is schema.org data on the front page.
          expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);

          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          const summary = violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            targets: v.nodes.map((n) => n.target.join(' ')),
          }));
          expect(summary).toEqual([]);

          // Responsive: nothing wider than the viewport, not even at 320 px.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);

          const font = await fontIsInter(page);
          expect(font.family).toMatch(/^"?Inter"?,/);
          expect(font.loaded).toBe(true);

          expect(requests.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
          expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);

          if (screenshotDir) {
            const name = `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'front'}-${width}.png`;
            await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
          }
        } finally {
          await context.close();
        }
      });
    }
  }

  it('keyboard: the first Tab reaches the skip link, which moves focus to main', async () => {
    const { context, page } = await open('/kommune/tynset', 1280);
    try {
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({
        href: document.activeElement?.getAttribute('href'),
        text: document.activeElement?.textContent,
        visible: (document.activeElement as HTMLElement | null)?.getBoundingClientRect().height,
      }));
      expect(first.href).toBe('#main');
      expect(first.text).toBe('Hopp til hovedinnhold');
      expect(first.visible).toBeGreaterThan(10);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab continues inside main, not back at the header.
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => document.activeElement?.closest('main') !== null);
      expect(next).toBe(true);
    } finally {
      await context.close();
    }
  });
});
