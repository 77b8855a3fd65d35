#!/usr/bin/env node
// The README's test command. Runs the whole vitest suite (server tests on SQLite, and on
// PostgreSQL too when TEST_DATABASE_URL is set; browser tests when Chromium is installed),
// then prints the one closing line CI reads: "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
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

rmSync(resultFile, { force: true });
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resultFile}`,
    ...args,
  ],
  { stdio: 'inherit', env: process.env },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(resultFile)) {
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  passed = result.numPassedTests ?? 0;
  failed = (result.numFailedTests ?? 0) + (result.numRuntimeErrorTestSuites ?? 0);
  skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
  rmSync(resultFile, { force: true });
} else {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
