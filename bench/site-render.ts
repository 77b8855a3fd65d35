/**
 * Site render bench (issue 8): the real app (as `npm run bench` built it) on SQLite with the
 * demo region (statistics, events), 300 invented vacancies, one published page and one news
 * item. One visitor at a time asks for each public page type — front, municipality,
 * statistics, job search, event, news item, content page — each request cold: it names a host
 * never seen before, so neither the 5-second page cache (keyed by host and URL, see
 * plugins/page-cache.ts) nor the site's rendered-page and region caches (keyed by host) can
 * answer; the region is looked up and the page rendered afresh, as after every cache expiry.
 * Prints `bench: site_render_p95_ms=<ms>` over all of them. Goal: under 30 ms.
 * Settings: BENCH_SITE_ROUNDS (60 per page type). Run alone with `npm run bench -- site-render`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../src/server/db/database.js';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { systemClock } from '../src/server/deps.js';
import { insertItem, insertRevision } from '../src/server/modules/content/content.repo.js';
import { recreateDemo } from '../src/server/modules/demo.js';
import { DEMO_REGION, ensureDemoRegion } from '../src/server/modules/regions/regions.service.js';
import { insertJobAds } from '../test/support/jobs.js';
import { freePort, root, stop, waitUntilUp } from './load.js';

const ROUNDS = Number(process.env.BENCH_SITE_ROUNDS ?? 60);
const WARM_UP = 5;

/** A published page or news item, written straight into the bench database. */
async function publish(db: Db, regionId: string, kind: 'page' | 'news', slug: string) {
  const id = randomUUID();
  const now = new Date().toISOString();
  const body = `Fjellregionen har **plass** til deg.\n\n${'Et avsnitt om å bo her. '.repeat(40)}\n\n- skole\n- barnehage\n- jobb`;
  await insertItem(db, {
    id,
    regionId,
    kind,
    slug,
    currentRevision: 1,
    publishedRevision: 1,
    firstPublishedAt: now,
    publishedAt: now,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  });
  await insertRevision(db, {
    itemId: id,
    number: 1,
    titleNb: kind === 'page' ? 'Om regionen' : 'Ny barnehage på Tynset',
    bodyNb: body,
    titleNn: null,
    bodyNn: null,
    titleEn: 'About the region',
    bodyEn: body,
    restoredFrom: null,
    createdBy: null,
    createdAt: now,
  });
}

async function seed(url: string): Promise<void> {
  const handle = await openDatabase(url);
  try {
    await migrateToLatest(handle);
    await recreateDemo(handle.db, systemClock); // statistics, events, …
    const regionId = await ensureDemoRegion(handle.db, systemClock);
    const day = 86_400_000;
    await insertJobAds(
      handle.db,
      regionId,
      Array.from({ length: 300 }, (_, i) => ({
        title: `Sykepleier ${i}`,
        employerName: 'Fjellbygg AS',
        workCity: 'Tynset',
        municipalityCode: DEMO_REGION.municipalityCodes[i % 7]!,
        publishedAt: new Date(Date.now() - (i % 30) * day).toISOString(),
        expiresAt: new Date(Date.now() + 60 * day).toISOString(),
      })),
    );
    await publish(handle.db, regionId, 'page', 'om-regionen');
    await publish(handle.db, regionId, 'news', 'ny-barnehage');
  } finally {
    await handle.close();
  }
}

/** GET with a Host of our choosing (fetch may not set Host); resolves with status and body. */
function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { host, accept: 'text/html', 'user-agent': 'Mozilla/5.0 (X11; Linux) bench' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** CPU seconds the server process has used (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
  } catch {
    return 0;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
    : 0;

export async function runSiteRenderBench(): Promise<{ p95: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'flytthit-site-bench-'));
  const databaseUrl = `sqlite:${join(dir, 'site.db')}`;
  let app: ChildProcess | undefined;
  try {
    await seed(databaseUrl);
    const port = await freePort();
    app = spawn(process.execPath, ['bin/flytthit.js', 'serve'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        FIRST_ADMIN_EMAIL: 'first.admin@example.no',
        ...(process.env.FLYTTHIT_FROM_SOURCE ? { FLYTTHIT_FROM_SOURCE: '1' } : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUntilUp(`http://127.0.0.1:${port}/healthz`, app);

    let n = 0;
    const coldHost = () => `cold-${n++}.bench.localhost:${port}`;
    const calendar = await get(port, '/arrangementer', coldHost());
    const eventPath = /href="(\/arrangementer\/[0-9a-f-]{36})"/.exec(calendar.body)?.[1];
    if (!eventPath) throw new Error('the demo calendar lists no event');
    const pages: Array<[string, string]> = [
      ['front', '/'],
      ['municipality', '/kommune/tynset'],
      ['statistics', '/statistikk'],
      ['jobs', '/jobber'],
      ['event', eventPath],
      ['news item', '/nyheter/ny-barnehage'],
      ['content page', '/side/om-regionen'],
    ];
    const all: number[] = [];
    const perPage: string[] = [];
    let cpu = 0;
    for (const [label, path] of pages) {
      const times: number[] = [];
      for (let i = 0; i < ROUNDS + WARM_UP; i++) {
        const cpuBefore = i >= WARM_UP ? cpuSeconds(app.pid) : 0;
        const started = performance.now();
        const res = await get(port, path, coldHost());
        const ms = performance.now() - started;
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        // The first requests warm the process (JIT, statement caches) and are not counted.
        if (i >= WARM_UP) {
          times.push(ms);
          cpu += cpuSeconds(app.pid) - cpuBefore;
        }
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      perPage.push(`${label} ${percentile(times, 95).toFixed(1)}`);
    }
    all.sort((a, b) => a - b);
    const p95 = Math.round(percentile(all, 95) * 10) / 10;
    console.log(
      `site render (SQLite, cold: new host each request, ${ROUNDS} per page type): p50 ` +
        `${percentile(all, 50).toFixed(1)} ms, p95 ${p95} ms; p95 by page: ${perPage.join(', ')} ms; ` +
        // On a busy machine wall time includes waiting for a CPU; this is what a render costs.
        `server CPU ${((cpu * 1000) / all.length).toFixed(1)} ms per page`,
    );
    console.log(`bench: site_render_p95_ms=${p95}`);
    return { p95 };
  } finally {
    if (app) await stop(app);
    rmSync(dir, { recursive: true, force: true });
  }
}
