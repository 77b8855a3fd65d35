import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/flytthit.js', import.meta.url));

/**
 * Child processes run the TypeScript sources, so a test never runs a stale build; in CI,
 * which builds just before the tests, they run that build: what ships, and far quicker to
 * start than compiling the sources in every process.
 */
export const fromSource =
  process.env.CI === 'true' && existsSync(join(packageRoot, 'dist/server/cli/main.js')) ? '0' : '1';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a command gets: only what it needs, so a developer's own settings
 * (SMTP_URL, DATABASE_URL, …) cannot leak into a test. Runs the TypeScript sources.
 */
export function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    FLYTTHIT_FROM_SOURCE: fromSource,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ...env,
  };
}

/** Starts `node bin/flytthit.js …args` from the package root. */
export function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    cwd: packageRoot,
    env: cliEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `flytthit …args` to its end. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A PostgreSQL URL that puts another process in a test database's schema. */
export function urlWithSchema(url: string, schema: string | undefined): string {
  if (!schema) return url;
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
