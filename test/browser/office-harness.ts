import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.js';
import { type TestUser, totpCode } from '../support/auth.js';

/** The browser checks every office screen gets (see office.test.ts). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [320, 1280] as const;
/** Set SCREENSHOT_DIR to keep a full-page picture of every screen at every width. */
const screenshotDir = process.env.SCREENSHOT_DIR;

export function prepareScreenshots(): void {
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Requests to other hosts, and errors (CSP refusals included) seen so far. */
  foreign: string[];
  errors: string[];
  /** Error answers a test expects, as `status path`. */
  allowed: Set<string>;
}

export async function openOfficeTab(browser: Browser, base: string, width: number): Promise<Tab> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  const tab: Tab = { context, page, foreign: [], errors: [], allowed: new Set() };
  page.on('request', (r) => {
    if (!r.url().startsWith(`${base}/`)) tab.foreign.push(r.url());
  });
  // Failed requests are judged by their responses below; 401 from /me is an answer.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      tab.errors.push(m.text());
    }
  });
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    const expected =
      (r.status() === 401 && path === '/api/auth/me') ||
      // Single sign-on providers are listed by the sso module once it is registered.
      (r.status() === 404 && path === '/api/auth/providers');
    const key = `${r.status()} ${path}`;
    if (r.status() >= 400 && !expected && !tab.allowed.has(key)) tab.errors.push(key);
  });
  page.on('pageerror', (e) => tab.errors.push(e.message));
  return tab;
}

export const heading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name }).waitFor();

/** Axe (WCAG 2.1 AA), no sideways scrolling, Inter, no CSP refusals: at both widths. */
export async function checkScreen(tab: Tab, name: string) {
  for (const width of WIDTHS) {
    await tab.page.setViewportSize({ width, height: 900 });
    // Inter is wider than the fallback font, and a dialog fades in: measure once both are done.
    await tab.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await tab.page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running'),
    );
    const { violations } = await new AxeBuilder({ page: tab.page }).withTags(WCAG_TAGS).analyze();
    const summary = violations.map((v) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
    expect(summary, `${name} at ${width} px`).toEqual([]);
    // Nothing wider than the window: name the widest culprits when something is.
    const wide = await tab.page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const overflow = document.documentElement.scrollWidth - limit;
      if (overflow <= 0) return { overflow, culprits: [] };
      const culprits = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > limit + 1)
        // Inside a box that scrolls or clips, overflowing is that box's business.
        .filter((e) => {
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return false;
          }
          return true;
        })
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      return { overflow, culprits };
    });
    expect(wide, `${name} at ${width} px scrolls sideways`).toEqual({
      overflow: expect.any(Number),
      culprits: [],
    });
    expect(wide.overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    if (screenshotDir) {
      await tab.page.screenshot({
        path: join(screenshotDir, `${name}-${width}.png`),
        fullPage: true,
      });
    }
  }
  const font = await tab.page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px Inter');
  });
  expect(font).toBe(true);
  expect(tab.foreign).toEqual([]);
  expect(tab.errors).toEqual([]);
}

export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the element with this id has focus (at most `max` times). */
export async function tabTo(page: Page, id: string, max = 30) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedId(page)) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Presses Tab until a link with this text has focus, then follows it with Enter. */
export async function tabToLink(page: Page, text: string, max = 40) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent?.trim(),
    }));
    if (focused.tag === 'A' && focused.text?.startsWith(text)) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`Tab never reached the link "${text}" (focus on ${where})`);
}

/** On the sign-in screen: a staff member's password, then their one-time code, by keyboard. */
export async function signInWithCode(page: Page, t: TestApp, user: TestUser) {
  await heading(page, 'Logg inn');
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await page.keyboard.press('Enter');
  await page.locator('#code').waitFor();
  await page.fill('#code', totpCode(t, user));
  await page.keyboard.press('Enter');
}
