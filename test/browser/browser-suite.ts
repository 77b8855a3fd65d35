import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { OFFICE_DIR } from '../../src/server/modules/office/office.routes.js';
import type { TestApp } from '../support/app.js';

/** Debian's Chromium; playwright-core cannot download browsers here. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests run where Chromium is installed. In CI (`CI` set) a missing Chromium fails
 * them instead of skipping them, so a green CI always includes the browser checks.
 */
export const noBrowser = !existsSync(executablePath) && !process.env.CI;

/** The office SPA is served from its build: make it when a test run finds none. */
export function ensureOfficeBuild(): void {
  if (existsSync(join(OFFICE_DIR, 'index.html'))) return;
  const build = spawnSync('npm', ['run', '-s', 'build:web'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:web failed');
}

/** The test app on a free local port; returns its base URL. */
export async function listenOnFreePort(t: TestApp): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for every browser test file: they run one after another in one worker that
 * keeps its modules (vitest `isolate: false`), and each test opens its own context, so nothing
 * carries over but the saved start-up. Playwright closes it when the worker exits.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium();
  return shared;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
