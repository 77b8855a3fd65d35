#!/usr/bin/env node
// The README's test command. Runs the whole vitest suite (server tests on SQLite, and on
// PostgreSQL too when TEST_DATABASE_URL is set; browser tests when Chromium is installed),
// then prints the one closing line CI reads: "N passed, N failed[, N skipped]".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const resultFile = '.vitest-result.json';
const runsBrowser = !args.includes('--project') || args.includes('browser');

if (runsBrowser && !existsSync('dist/office/index.html')) {
  console.log('Building the office for the browser tests (npm run build:web)…');
  const build = spawnSync('npm', ['run', '-s', 'build:web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (runsBrowser && !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.log(
    'Chromium is not installed: browser tests will be skipped (apt-get install -y chromium).',
  );
}

/**
 * Runs vitest once with the given arguments, writing its JSON result to its own file.
 * Resolves with vitest's exit status and the counts from that file.
 */
function runVitest(vitestArgs, file) {
  rmSync(file, { force: true });
  return new Promise((resolve) => {
    const child = spawn(
      'npx',
      [
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${file}`,
        ...vitestArgs,
      ],
      { stdio: 'inherit', env: process.env },
    );
    child.on('close', (status) => {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      if (existsSync(file)) {
        const result = JSON.parse(readFileSync(file, 'utf8'));
        counts.passed = result.numPassedTests ?? 0;
        counts.failed = (result.numFailedTests ?? 0) + (result.numRuntimeErrorTestSuites ?? 0);
        counts.skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
        rmSync(file, { force: true });
      } else {
        counts.failed = 1;
      }
      if (status !== 0 && counts.failed === 0) counts.failed = 1;
      resolve({ status, ...counts });
    });
  });
}

// The whole suite: the server project and the browser project side by side, in two vitest
// processes. Browser files run one at a time and mostly wait on Chromium, server files mostly
// wait on databases and child processes, so together they finish far sooner than in turn.
const runs =
  args.length === 0
    ? await Promise.all([
        runVitest(['--project', 'server'], resultFile),
        runVitest(['--project', 'browser'], `${resultFile}.browser`),
      ])
    : [await runVitest(args, resultFile)];

const passed = runs.reduce((n, r) => n + r.passed, 0);
const failed = runs.reduce((n, r) => n + r.failed, 0);
const skipped = runs.reduce((n, r) => n + r.skipped, 0);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || runs.some((r) => r.status !== 0) ? 1 : 0);
