/**
 * Claims bench (issue 5): the real app (as `npm run bench` built it) on SQLite, and on
 * PostgreSQL when TEST_DATABASE_URL is set; one referral campaign with 1000 carded invented
 * prospects (demo data, only in the bench database) and 100 callers with personal API tokens.
 * The 100 callers start within the first 2 s and loop "next person" → the call (BENCH_THINK_MS,
 * 2000 ms: some 30 times quicker than a real call) → outcome over HTTP, until nobody is left;
 * BENCH_THINK_MS=0 is the closed-loop worst case.
 * Prints `bench: claims_p99_ms=<ms> duplicates=<n>` (and `claims_pg_p99_ms=… duplicates_pg=…`):
 * the 99th percentile of the claim requests, and how many people were handed out twice.
 * Goal: p99 < 50 ms, 0 duplicates. Settings: BENCH_CLAIM_PROSPECTS (1000), BENCH_CALLERS (100),
 * BENCH_THINK_MS (2000), BENCH_LOG_LEVEL (info). The tests prove 100 claims in the same instant.
 * Run alone with `npm run bench -- claims`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { systemClock } from '../src/server/deps.js';
import { ensureDemoRegion } from '../src/server/modules/regions/regions.service.js';
import { seedCallers, seedCallingCampaign, seedProspects } from '../test/support/calling.js';
import { freePort, root, stop, waitUntilUp } from './load.js';

const PROSPECTS = Number(process.env.BENCH_CLAIM_PROSPECTS ?? 1000);
const CALLERS = Number(process.env.BENCH_CALLERS ?? 100);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 2000);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const EVERY_DAY = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' };
/** Outcomes that take the person out of today's pool, so each should be handed out once. */
const OUTCOMES = ['not_interested', 'interested', 'not_now', 'wrong_number', 'no_answer'];

export interface ClaimsBenchResult {
  claims: number;
  p99Ms: number;
  duplicates: number;
}

interface Seeded {
  campaignId: string;
  tokens: string[];
}

async function seed(url: string, schema?: string): Promise<Seeded> {
  const handle = await openDatabase(url, schema ? { schema } : {});
  try {
    await migrateToLatest(handle);
    const { db } = handle;
    const regionId = await ensureDemoRegion(db, systemClock);
    const campaignId = await seedCallingCampaign(db, systemClock, regionId, EVERY_DAY);
    await seedProspects(db, campaignId, regionId, PROSPECTS, {
      at: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const callers = await seedCallers(db, systemClock, regionId, campaignId, CALLERS);
    return { campaignId, tokens: callers.map((c) => c.token) };
  } finally {
    await handle.close();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
    : 0;

/** One caller: next person, save an outcome, again, until nobody is left. */
async function caller(
  base: string,
  campaignId: string,
  token: string,
  seen: string[],
  claimMs: number[],
  saveMs: number[],
  errors: string[],
) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  await pause(Math.random() * THINK_MS);
  for (let i = 0; ; i++) {
    let started = performance.now();
    const res = await fetch(`${base}/api/campaigns/${campaignId}/claims`, {
      method: 'POST',
      headers: { authorization: headers.authorization },
    });
    const body =
      res.status === 201
        ? ((await res.json()) as { claim: { id: string }; prospect: { id: string } })
        : await res.text();
    claimMs.push(performance.now() - started);
    if (res.status === 204) return;
    if (typeof body === 'string') {
      errors.push(`claim ${res.status}: ${body.slice(0, 200)}`);
      return;
    }
    seen.push(body.prospect.id);
    await pause(THINK_MS);
    started = performance.now();
    const saved = await fetch(`${base}/api/claims/${body.claim.id}/outcome`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': `bench-${body.claim.id}` },
      body: JSON.stringify({ outcome: OUTCOMES[i % OUTCOMES.length] }),
    });
    await saved.arrayBuffer();
    saveMs.push(performance.now() - started);
    if (saved.status !== 201) errors.push(`outcome ${saved.status}`);
  }
}

async function runOne(
  label: string,
  env: NodeJS.ProcessEnv,
  seeded: Seeded,
): Promise<ClaimsBenchResult> {
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
    const seen: string[] = [];
    const claimMs: number[] = [];
    const saveMs: number[] = [];
    const errors: string[] = [];
    const started = performance.now();
    await Promise.all(
      seeded.tokens.map((token) =>
        caller(base, seeded.campaignId, token, seen, claimMs, saveMs, errors),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const duplicates = seen.length - new Set(seen).size;
    claimMs.sort((x, y) => x - y);
    saveMs.sort((x, y) => x - y);
    console.log(
      `claims (${label}): ${seen.length} people called by ${seeded.tokens.length} callers in ${seconds.toFixed(1)} s; ` +
        `claim p50 ${percentile(claimMs, 50).toFixed(1)} ms, p99 ${percentile(claimMs, 99).toFixed(1)} ms; ` +
        `outcome p50 ${percentile(saveMs, 50).toFixed(1)} ms, p99 ${percentile(saveMs, 99).toFixed(1)} ms` +
        (errors.length ? `; ${errors.length} errors, first: ${errors[0]}` : ''),
    );
    return { claims: seen.length, p99Ms: Math.round(percentile(claimMs, 99)), duplicates };
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
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    ...(process.env.FLYTTHIT_FROM_SOURCE ? { FLYTTHIT_FROM_SOURCE: '1' } : {}),
  };
}

export async function runClaimsBench(): Promise<ClaimsBenchResult[]> {
  const results: ClaimsBenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'flytthit-bench-claims-'));
  try {
    const url = `sqlite:${join(dir, 'bench.db')}`;
    const seeded = await seed(url);
    const r = await runOne('SQLite', baseEnv(url), seeded);
    results.push(r);
    console.log(`bench: claims_p99_ms=${r.p99Ms} duplicates=${r.duplicates}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl) return results;
  const schema = `bench_claims_${randomBytes(4).toString('hex')}`;
  try {
    const seeded = await seed(pgUrl, schema);
    const url = new URL(pgUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const r = await runOne('PostgreSQL', baseEnv(url.toString()), seeded);
    results.push(r);
    console.log(`bench: claims_pg_p99_ms=${r.p99Ms} duplicates_pg=${r.duplicates}`);
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
