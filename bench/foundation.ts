/**
 * Foundation bench: the app (built, SQLite, demo data, production settings) against a bare
 * node:http server that answers with the very bytes the app gave, both loaded by autocannon
 * from a third process. Prints requests/s and p99 for the front page, an authenticated JSON
 * GET and /healthz, then the app's idle memory, and ends with
 * `bench: front_page_ratio=<app/bare> api_ratio=<app/bare> idle_rss_mb=<n>`.
 * Goals (issue 2): front_page_ratio ≥ 0.5, idle RSS < 150 MB.
 * Settings: BENCH_SECONDS (5), BENCH_CONNECTIONS (10), BENCH_LOG_LEVEL (info, as in production).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type LoadResult, load, root, rssMb, run, stop, waitUntilUp } from './load.js';

interface Target {
  key: 'front_page' | 'api' | 'healthz';
  label: string;
  path: string;
  headers: Record<string, string>;
}

interface Recorded {
  status: number;
  contentType: string;
  body: string;
}

export interface FoundationResult {
  frontPageRatio: number;
  apiRatio: number;
  idleRssMb: number;
}

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BENCH_ADMIN = 'bench.admin@example.no';

const cli = (args: string[], env: NodeJS.ProcessEnv) =>
  run(process.execPath, ['bin/flytthit.js', ...args], env);

/**
 * A personal API token for an admin, through the CLI like an operator would get one; undefined
 * when this checkout has no `user add` / `token create` commands yet.
 */
async function apiToken(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const help = await cli(['--help'], env);
  if (!/^\s+token\b/m.test(help.stdout) || !/^\s+user\b/m.test(help.stdout)) return undefined;
  const add = await cli(
    ['user', 'add', '--email', BENCH_ADMIN, '--name', 'Bench Admin', '--role', 'admin'],
    env,
  );
  if (add.code !== 0) throw new Error(`user add failed: ${add.stderr || add.stdout}`);
  const token = await cli(['token', 'create', '--user', BENCH_ADMIN], env);
  if (token.code !== 0) throw new Error(`token create failed: ${token.stderr || token.stdout}`);
  return token.stdout.trim().split('\n').at(-1)?.trim();
}

async function record(base: string, target: Target): Promise<Recorded> {
  const res = await fetch(base + target.path, { headers: target.headers });
  const body = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? 'application/octet-stream',
    body: body.toString('base64'),
  };
}

function startBare(recordingFile: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(root, 'bench/bare-server.mjs'), recordingFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}

const fmt = (r: LoadResult) =>
  `${Math.round(r.requestsPerSecond).toString().padStart(8)} req/s  p99 ${String(r.p99Ms).padStart(4)} ms` +
  (r.non2xx || r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : '');

export async function runFoundationBench(): Promise<FoundationResult> {
  const dir = mkdtempSync(join(tmpdir(), 'flytthit-bench-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    FLYTTHIT_DEMO: '1',
    DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    FIRST_ADMIN_EMAIL: 'first.admin@example.no',
    ...(process.env.FLYTTHIT_FROM_SOURCE ? { FLYTTHIT_FROM_SOURCE: '1' } : {}),
  };
  let app: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    for (const step of [['migrate'], ['demo']]) {
      const r = await cli(step, env);
      if (r.code !== 0) throw new Error(`flytthit ${step.join(' ')} failed: ${r.stderr}`);
    }
    const token = await apiToken(env);
    const base = `http://127.0.0.1:${port}`;
    app = spawn(process.execPath, ['bin/flytthit.js', 'serve'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUntilUp(`${base}/healthz`, app);
    console.log(
      `app: ${process.env.FLYTTHIT_BENCH_BUILD ?? 'built (dist/)'}, SQLite, ` +
        `NODE_ENV=production, LOG_LEVEL=${env.LOG_LEVEL}; ${connections} connections, ${seconds} s each`,
    );

    const targets: Target[] = [
      {
        key: 'front_page',
        label: 'front page /',
        path: '/',
        // A browser's user agent, so every view is counted as in production (site.visits.ts).
        headers: { accept: 'text/html', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) bench' },
      },
      token
        ? {
            key: 'api',
            label: 'GET /api/regions (API token)',
            path: '/api/regions',
            headers: { authorization: `Bearer ${token}` },
          }
        : {
            key: 'api',
            label: 'GET /api/public/regions/fjellregionen (no token command yet)',
            path: '/api/public/regions/fjellregionen',
            headers: {},
          },
      { key: 'healthz', label: '/healthz', path: '/healthz', headers: {} },
    ];
    const recording: Record<string, Recorded> = {};
    for (const t of targets) recording[t.path] = await record(base, t);
    const recordingFile = join(dir, 'recorded.json');
    writeFileSync(recordingFile, JSON.stringify(recording));
    const started = await startBare(recordingFile);
    bare = started.child;
    const bareBase = `http://127.0.0.1:${started.port}`;

    // Warm both servers on every target (JIT, caches), then let the app settle: its idle
    // memory is taken here, as a freshly started and used server has it.
    for (const t of targets) {
      const warm = { seconds: 1, connections, headers: t.headers };
      await load(base + t.path, warm);
      await load(bareBase + t.path, warm);
    }
    const settle = () => new Promise((r) => setTimeout(r, 5_000));
    await settle();
    const idle = await rssMb(app.pid!);

    const ratios: Record<string, number> = {};
    for (const t of targets) {
      const rec = recording[t.path]!;
      const bytes = Buffer.from(rec.body, 'base64').length;
      console.log(`\n${t.label}: ${rec.status}, ${rec.contentType}, ${bytes} bytes`);
      const measure = { seconds, connections, headers: t.headers };
      const a = await load(base + t.path, measure);
      const b = await load(bareBase + t.path, measure);
      console.log(`  app  ${fmt(a)}`);
      console.log(`  bare ${fmt(b)}`);
      ratios[t.key] = a.requestsPerSecond / b.requestsPerSecond;
      console.log(`  ratio app/bare ${ratios[t.key]!.toFixed(2)}`);
    }

    // After the load V8 keeps the heap it grew to; shown too, so nobody is surprised by it.
    await settle();
    const afterLoad = await rssMb(app.pid!);
    console.log(
      `\nidle RSS of the app: ${idle.toFixed(1)} MB after warm-up (goal < 150 MB), ` +
        `${afterLoad.toFixed(1)} MB idle after the load`,
    );
    const result = {
      frontPageRatio: ratios.front_page!,
      apiRatio: ratios.api!,
      idleRssMb: idle,
    };
    console.log(
      `bench: front_page_ratio=${result.frontPageRatio.toFixed(2)} api_ratio=${result.apiRatio.toFixed(2)} idle_rss_mb=${Math.round(idle)}`,
    );
    return result;
  } finally {
    if (bare) await stop(bare);
    if (app) await stop(app);
    rmSync(dir, { recursive: true, force: true });
  }
}
