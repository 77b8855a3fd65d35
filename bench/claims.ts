/**
 * Claims bench (issue 5): the real app (as `npm run bench` built it) on SQLite, and on
 * PostgreSQL when TEST_DATABASE_URL is set; one referral campaign with 1000 carded invented
 * prospects (demo data, only in the bench database) and 100 callers with personal API tokens.
 * The 100 callers start within the first 2 s and loop "next person" → the call (BENCH_THINK_MS,
 * 2000 ms: some 30 times quicker than a real call) → outcome over HTTP, until nobody is left;
 * BENCH_THINK_MS=0 is the closed-loop worst case.
 * Before that, a warm-up campaign (BENCH_WARM_PROSPECTS, 300 people; 50 callers, a quarter of the
 * pause) runs on the same server and is printed but not counted, as in the other benches: the
 * first seconds of a fresh process measure V8 compiling the code and PostgreSQL opening and
 * warming its connections, not a calling day, where the server has been up for hours.
 * Prints `bench: claims_p99_ms=<ms> duplicates=<n>` (and `claims_pg_p99_ms=… duplicates_pg=…`):
 * the 99th percentile of the claim requests, and how many people were handed out twice (the
 * warm-up's duplicates count too). Goal: p99 < 50 ms, 0 duplicates. Settings:
 * BENCH_CLAIM_PROSPECTS (1000), BENCH_CALLERS (100), BENCH_THINK_MS (2000), BENCH_WARM_PROSPECTS
 * (300; 0 measures a cold server), BENCH_LOG_LEVEL (info). The tests prove 100 claims in the
 * same instant.
 * Run alone with `npm run bench -- claims`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
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
const WARM_PROSPECTS = Number(process.env.BENCH_WARM_PROSPECTS ?? 300);
const WARM_CALLERS = 50;
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

/** The measured campaign, and the warm-up one before it (null when BENCH_WARM_PROSPECTS=0). */
interface SeededRun {
  measured: Seeded;
  warmUp: Seeded | null;
}

async function seedCampaign(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  regionId: string,
  prospects: number,
  callers: number,
): Promise<Seeded> {
  const campaignId = await seedCallingCampaign(db, systemClock, regionId, EVERY_DAY);
  await seedProspects(db, campaignId, regionId, prospects, {
    at: new Date(Date.now() - 86_400_000).toISOString(),
  });
  const seeded = await seedCallers(db, systemClock, regionId, campaignId, callers);
  return { campaignId, tokens: seeded.map((c) => c.token) };
}

async function seed(url: string, schema?: string): Promise<SeededRun> {
  const handle = await openDatabase(url, schema ? { schema } : {});
  try {
    await migrateToLatest(handle);
    const { db } = handle;
    const regionId = await ensureDemoRegion(db, systemClock);
    const warmUp =
      WARM_PROSPECTS > 0 ? await seedCampaign(db, regionId, WARM_PROSPECTS, WARM_CALLERS) : null;
    return { measured: await seedCampaign(db, regionId, PROSPECTS, CALLERS), warmUp };
  } finally {
    await handle.close();
  }
}

/**
 * The bench's own HTTP client: node:http with keep-alive, as a phone's browser keeps its
 * connection. Lighter than fetch, so the load generator, which shares the machine's two cores
 * with the server and PostgreSQL, takes less of the time it measures.
 */
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

function post(
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
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
  thinkMs: number,
) {
  const authorization = `Bearer ${token}`;
  await pause(Math.random() * thinkMs);
  for (let i = 0; ; i++) {
    let started = performance.now();
    const res = await post(`${base}/api/campaigns/${campaignId}/claims`, { authorization });
    claimMs.push(performance.now() - started);
    if (res.status === 204) return;
    if (res.status !== 201) {
      errors.push(`claim ${res.status}: ${res.text.slice(0, 200)}`);
      return;
    }
    const body = JSON.parse(res.text) as { claim: { id: string }; prospect: { id: string } };
    seen.push(body.prospect.id);
    await pause(thinkMs);
    started = performance.now();
    const saved = await post(
      `${base}/api/claims/${body.claim.id}/outcome`,
      {
        authorization,
        'content-type': 'application/json',
        'idempotency-key': `bench-${body.claim.id}`,
      },
      JSON.stringify({ outcome: OUTCOMES[i % OUTCOMES.length] }),
    );
    saveMs.push(performance.now() - started);
    if (saved.status !== 201) errors.push(`outcome ${saved.status}`);
  }
}

interface Round {
  called: string[];
  claimMs: number[];
  saveMs: number[];
  errors: string[];
  seconds: number;
}

/** Every caller of one campaign calls until nobody is left. */
async function callRound(base: string, seeded: Seeded, thinkMs: number): Promise<Round> {
  const round: Round = { called: [], claimMs: [], saveMs: [], errors: [], seconds: 0 };
  const started = performance.now();
  await Promise.all(
    seeded.tokens.map((token) =>
      caller(
        base,
        seeded.campaignId,
        token,
        round.called,
        round.claimMs,
        round.saveMs,
        round.errors,
        thinkMs,
      ),
    ),
  );
  round.seconds = (performance.now() - started) / 1000;
  round.claimMs.sort((x, y) => x - y);
  round.saveMs.sort((x, y) => x - y);
  return round;
}

function describeRound(round: Round, callers: number): string {
  const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);
  return (
    `${round.called.length} people called by ${callers} callers in ${round.seconds.toFixed(1)} s; ` +
    `claim p50 ${ms(round.claimMs, 50)} ms, p99 ${ms(round.claimMs, 99)} ms; ` +
    `outcome p50 ${ms(round.saveMs, 50)} ms, p99 ${ms(round.saveMs, 99)} ms` +
    (round.errors.length ? `; ${round.errors.length} errors, first: ${round.errors[0]}` : '')
  );
}

const duplicatesIn = (called: string[]) => called.length - new Set(called).size;

async function runOne(
  label: string,
  env: NodeJS.ProcessEnv,
  seeded: SeededRun,
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
    let warmDuplicates = 0;
    if (seeded.warmUp) {
      const warm = await callRound(base, seeded.warmUp, THINK_MS / 4);
      warmDuplicates = duplicatesIn(warm.called);
      console.log(`claims (${label}, warm-up, not counted): ${describeRound(warm, WARM_CALLERS)}`);
    }
    const round = await callRound(base, seeded.measured, THINK_MS);
    console.log(`claims (${label}): ${describeRound(round, CALLERS)}`);
    return {
      claims: round.called.length,
      p99Ms: Math.round(percentile(round.claimMs, 99)),
      duplicates: duplicatesIn(round.called) + warmDuplicates,
    };
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
