/**
 * Job search bench (issue 7): the real app (as `npm run bench` built it) on SQLite, and on
 * PostgreSQL when TEST_DATABASE_URL is set, with 50,000 invented NAV ads in the demo region
 * (inserted directly; only in the bench database). One visitor at a time runs a mix of
 * searches through the public search page `/jobber?…` (free text with æøå, each filter, the
 * deadline sort, deep pages), so the time is one search's, rendering included.
 * Prints `bench: jobs_search_p95_ms=<ms>` (and `jobs_search_pg_p95_ms=…`). Goal: under 30 ms.
 * Counts are remembered until the ads change (ADR 0015), so it also prints the p95 of the same
 * searches right after a sync (`…_after_sync_p95_ms`), when every count is made afresh.
 * Settings: BENCH_JOB_ADS (50000), BENCH_JOB_SEARCHES (400). Run alone with
 * `npm run bench -- jobs-search`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { systemClock } from '../src/server/deps.js';
import { bumpAdsGeneration } from '../src/server/modules/jobs/jobs.repo.js';
import { DEMO_REGION, ensureDemoRegion } from '../src/server/modules/regions/regions.service.js';
import { insertJobAds, type JobAdInput } from '../test/support/jobs.js';
import { freePort, root, stop, waitUntilUp } from './load.js';

const ADS = Number(process.env.BENCH_JOB_ADS ?? 50_000);
const SEARCHES = Number(process.env.BENCH_JOB_SEARCHES ?? 400);

const TITLES = [
  ['Sykepleier', '2223', 'public'],
  ['Lærer i grunnskolen', '2341', 'public'],
  ['Sjåfør klasse C', '8332', 'private'],
  ['Tømrer', '7115', 'private'],
  ['Butikkmedarbeider', '5223', 'private'],
  ['Helsefagarbeider', '5321', 'public'],
  ['Elektriker', '7411', 'private'],
  ['Kokk', '5120', 'private'],
  ['Rådgiver økonomi', '2411', 'public'],
  ['Barnehagelærer', '2342', 'public'],
  ['Maskinfører', '8342', 'private'],
  ['Renholder', '9112', 'private'],
  ['Daglig leder', '1120', 'private'],
  ['Utvikler', '2512', 'private'],
] as const;
const PLACES = ['Røros', 'Tynset', 'Alvdal', 'Rendalen', 'Folldal', 'Os', 'Tolga'];
const EMPLOYERS = [
  'Fjellbygg AS',
  'Østerdalen Helse',
  'Glåmdal Transport',
  'Kommunen',
  'Ærlig Mat AS',
];

/** Invented ads, spread over the region's municipalities, occupations and the last months. */
function ads(count: number): JobAdInput[] {
  const out: JobAdInput[] = [];
  const day = 86_400_000;
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const [title, styrk, sector] = TITLES[i % TITLES.length]!;
    const m = i % PLACES.length;
    const published = new Date(now - (i % 120) * day - (i % 1440) * 60_000);
    const due =
      i % 3 === 0 ? null : new Date(now + ((i % 60) - 10) * day).toISOString().slice(0, 10);
    out.push({
      title: `${title} ${i % 97 === 0 ? 'på Håsjøen' : ''}`.trim(),
      employerName: EMPLOYERS[i % EMPLOYERS.length]!,
      workCity: PLACES[m]!,
      municipalityCode: DEMO_REGION.municipalityCodes[m]!,
      styrkCode: styrk,
      sector,
      extent: i % 4 === 0 ? 'part_time' : 'full_time',
      applicationDueDate: due,
      publishedAt: published.toISOString(),
      navUpdatedAt: published.toISOString(),
      expiresAt: new Date(now + 60 * day).toISOString(),
    });
  }
  return out;
}

async function seed(url: string, schema?: string): Promise<void> {
  const handle = await openDatabase(url, schema ? { schema } : {});
  try {
    await migrateToLatest(handle);
    const regionId = await ensureDemoRegion(handle.db, systemClock);
    const all = ads(ADS);
    for (let i = 0; i < all.length; i += 5000) {
      await handle.db
        .transaction()
        .execute((trx) => insertJobAds(trx, regionId, all.slice(i, i + 5000)));
    }
  } finally {
    await handle.close();
  }
}

const QUERIES = [
  '',
  'q=sykepleier',
  'q=sj%C3%A5f%C3%B8r',
  'q=h%C3%A5sj%C3%B8en',
  'q=r%C3%B8ros%20helse',
  'municipality=5025',
  'occupation=2',
  'occupation=83&extent=full_time',
  'sector=private&extent=part_time',
  'deadline=7d',
  'deadline=open&sort=deadline',
  'sort=deadline&municipality=3427',
  'page=40',
  'q=l%C3%A6rer&municipality=3428&sector=public',
  'q=ingenting%20her',
];

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

/**
 * The same searches right after the ads changed, as after each sync: nothing remembered, every
 * count made afresh (ADR 0015). The bench raises the ads' generation itself before each one.
 */
async function coldSearches(base: string, databaseUrl: string, schema?: string): Promise<number[]> {
  const handle = await openDatabase(databaseUrl, schema ? { schema } : {});
  const times: number[] = [];
  try {
    for (let i = 0; i < QUERIES.length * 4; i++) {
      await bumpAdsGeneration(handle.db);
      const started = performance.now();
      const res = await fetch(`${base}/jobber?${QUERIES[i % QUERIES.length]}`, {
        headers: { accept: 'text/html' },
      });
      await res.text();
      times.push(performance.now() - started);
    }
  } finally {
    await handle.close();
  }
  return times.sort((a, b) => a - b);
}

async function runOne(
  label: string,
  env: NodeJS.ProcessEnv,
  db: { url: string; schema?: string },
): Promise<{ p95: number; coldP95: number }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let app: ChildProcess | undefined;
  try {
    app = spawn(process.execPath, ['bin/flytthit.js', 'serve'], {
      cwd: root,
      env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUntilUp(`${base}/healthz`, app);
    const times: number[] = [];
    const errors: string[] = [];
    let cpuAtStart = 0;
    for (let i = 0; i < SEARCHES + 30; i++) {
      if (i === 30) cpuAtStart = cpuSeconds(app.pid);
      const query = QUERIES[i % QUERIES.length]!;
      const started = performance.now();
      const res = await fetch(`${base}/jobber?${query}`, { headers: { accept: 'text/html' } });
      await res.text();
      // The first rounds warm the server (JIT, statement caches) and are not counted.
      if (i >= 30) times.push(performance.now() - started);
      if (res.status !== 200) errors.push(`${query}: ${res.status}`);
    }
    // On a busy machine the wall time includes waiting for a CPU; the server's own CPU time
    // per search says what a search costs whatever the load.
    const cpuMs = ((cpuSeconds(app.pid) - cpuAtStart) * 1000) / times.length;
    times.sort((a, b) => a - b);
    const cold = await coldSearches(base, db.url, db.schema);
    console.log(
      `jobs search (${label}): ${ADS} ads, ${times.length} searches; p50 ${percentile(times, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1]?.toFixed(1)} ms; ` +
        `server CPU ${cpuMs.toFixed(1)} ms per search; right after a sync: p50 ` +
        `${percentile(cold, 50).toFixed(1)} ms, p95 ${percentile(cold, 95).toFixed(1)} ms` +
        (errors.length ? `; ${errors.length} errors, first: ${errors[0]}` : ''),
    );
    return { p95: Math.round(percentile(times, 95)), coldP95: Math.round(percentile(cold, 95)) };
  } finally {
    if (app) await stop(app);
  }
}

function baseEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ...(process.env.FLYTTHIT_FROM_SOURCE ? { FLYTTHIT_FROM_SOURCE: '1' } : {}),
  };
}

export async function runJobsSearchBench(): Promise<number[]> {
  const results: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'flytthit-bench-jobs-'));
  try {
    const url = `sqlite:${join(dir, 'bench.db')}`;
    await seed(url);
    const r = await runOne('SQLite', baseEnv(url), { url });
    results.push(r.p95);
    console.log(`bench: jobs_search_p95_ms=${r.p95} jobs_search_after_sync_p95_ms=${r.coldP95}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl) return results;
  const schema = `bench_jobs_${randomBytes(4).toString('hex')}`;
  try {
    await seed(pgUrl, schema);
    const url = new URL(pgUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const r = await runOne('PostgreSQL', baseEnv(url.toString()), { url: pgUrl, schema });
    results.push(r.p95);
    console.log(
      `bench: jobs_search_pg_p95_ms=${r.p95} jobs_search_pg_after_sync_p95_ms=${r.coldP95}`,
    );
  } finally {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  }
  return results;
}
