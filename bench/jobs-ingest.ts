/**
 * Jobs ingest bench: 50,000 feed entries, every one a region ad with details (about 2 kB of
 * HTML each, sanitised at ingest), served in pages of 1000 by the local stand-in for NAV's feed
 * (in a worker thread, as NAV is another machine), read by `syncJobFeed` into SQLite from an
 * empty cursor to the newest page. Prints `bench: jobs_ingest_50k_s=<s>`. Goal: under 60 s.
 * Run alone with `npx tsx bench/jobs-ingest.ts [entries]`, or call `runJobsIngestBench()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { systemClock } from '../src/server/deps.js';
import { syncJobFeed } from '../src/server/modules/jobs/jobs.service.js';
import { ensureDemoRegion } from '../src/server/modules/regions/regions.service.js';

export interface JobsIngestBenchResult {
  entries: number;
  kept: number;
  seconds: number;
}

/** Starts the feed server in a worker (TypeScript through tsx, like the bench itself). */
async function startServerWorker(entries: number): Promise<{ url: string; stop(): Promise<void> }> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./jobs-ingest-server.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, workerData: { entries } },
  );
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    url,
    stop: async () => {
      worker.postMessage('stop');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

export async function runJobsIngestBench(entries = 50_000): Promise<JobsIngestBenchResult> {
  const server = await startServerWorker(entries);
  const dir = mkdtempSync(join(tmpdir(), 'flytthit-bench-jobs-'));
  const handle = await openDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(handle);
    await ensureDemoRegion(handle.db, systemClock);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const r = await syncJobFeed(handle.db, systemClock, { baseUrl: server.url });
    const seconds = (performance.now() - started) / 1000;
    // CPU of both threads (ingest and stand-in server): on a shared, loaded machine the wall
    // time says little, and on a quiet one the ingest thread alone needs less than this.
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    if (r.kept !== entries) throw new Error(`kept ${r.kept} of ${entries} ads`);
    console.log(
      `bench: jobs_ingest_50k_s=${seconds.toFixed(1)} jobs_ingest_cpu_s=${cpuSeconds.toFixed(1)}`,
    );
    return { entries, kept: r.kept, seconds };
  } finally {
    await handle.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runJobsIngestBench(Number(process.argv[2] ?? 50_000));
  console.log(`(${r.kept} ads kept of ${r.entries} entries)`);
}
