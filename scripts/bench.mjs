#!/usr/bin/env node
// `npm run bench [-- part…]`: builds Flytthit when the build is missing or older than the
// sources (the bench measures the built server, as it runs in production), then runs the
// bench parts listed in bench/main.ts. Each part prints its own `bench: …` line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
process.chdir(root);

/** Newest modification time of the files a build is made from. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const builtServer = 'dist/server/cli/main.js';
const stale =
  !existsSync(builtServer) ||
  statSync(builtServer).mtimeMs < newestSource('src') ||
  (existsSync('vite.config.ts') && !existsSync('dist/office/index.html'));
const sh = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;

/** Builds; when the tree does not typecheck, still builds the server (CI checks types, not this). */
function build() {
  console.log('bench: building first (npm run build)…');
  if (sh('npm', ['run', '-s', 'build'])) return 'built (dist/)';
  console.log('bench: the build failed; building the server without the type check instead…');
  const server = sh('npx', ['tsc', '-p', 'tsconfig.build.json', '--noCheck']);
  const web =
    !existsSync('vite.config.ts') ||
    existsSync('dist/office/index.html') ||
    sh('npm', ['run', '-s', 'build:web']);
  if (server && web) return 'built without the type check (dist/)';
  // A broken build must not stop the bench: measure the sources instead, and say so.
  console.log('bench: that failed too; running the TypeScript sources through tsx instead.');
  return undefined;
}

let mode = process.env.FLYTTHIT_FROM_SOURCE === '1' ? undefined : 'built (dist/)';
if (stale && mode) mode = build();
if (!mode) process.env.FLYTTHIT_FROM_SOURCE = '1';
process.env.FLYTTHIT_BENCH_BUILD = mode ?? 'TypeScript sources (tsx)';

const { register } = await import('tsx/esm/api');
register();
const { runBench } = await import('../bench/main.ts');
process.exitCode = await runBench(process.argv.slice(2));
