import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli.js';

const SECRET = 'a-session-secret-long-enough-for-the-check';

describe('flytthit serve', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flytthit-serve-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const good = () => ({
    DATABASE_URL: `sqlite:${join(dir, 'flytthit.db')}`,
    SESSION_SECRET: SECRET,
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['SMTP_URL', { SMTP_URL: 'http://x' }],
    ['SESSION_SECRET', { NODE_ENV: 'production', SESSION_SECRET: '' }],
  ])('refuses to start with a bad %s, naming it, without a stack', async (name, bad) => {
    const env: Record<string, string> = { ...good(), ...bad };
    if (env.SESSION_SECRET === '') delete env.SESSION_SECRET;
    const run = await runCli(['serve'], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain(`${name}:`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).not.toContain('listening');
  });

  it('finishes a request in flight on SIGTERM and exits 0 within 10 s', async () => {
    const child = spawnCli(['serve'], { ...good(), PORT: '0', LOG_LEVEL: 'info' });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      const port = await listeningPort(child);
      expect((await get(port, '/healthz')).body).toBe('{"status":"ok"}');

      // A request whose body is still coming: the server has it (100 Continue) but cannot
      // answer before the rest arrives, which is after SIGTERM.
      const request = http.request({
        port,
        method: 'POST',
        path: '/api/this-is-in-flight',
        headers: {
          'content-type': 'application/json',
          expect: '100-continue',
          'transfer-encoding': 'chunked',
        },
      });
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        request.on('response', (res) => {
          let body = '';
          res.on('data', (d: Buffer) => {
            body += d.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        request.on('error', reject);
      });
      await new Promise<void>((resolve) => request.on('continue', () => resolve()));
      request.write('{"half":');

      const signalled = Date.now();
      child.kill('SIGTERM');
      await stoppedAccepting(port);
      request.end('"of a body"}');

      const answer = await response;
      expect(answer.status).toBe(404);
      expect(answer.body).toContain('not_found');
      // Exit code 0 is the 10 s requirement: past it the server gives up and exits 1. The
      // wall clock only catches a hang, with room for a busy machine.
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(20_000);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

/** The port from Fastify's "Server listening at http://127.0.0.1:<port>" log line. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening at http:\/\/[^"\s]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${err}${out}`)));
  });
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** Resolves once a new connection is refused: the server is closing. */
async function stoppedAccepting(port: number): Promise<void> {
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const req = http.get({ port, path: '/healthz', agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 503));
      });
      req.on('error', () => resolve(true));
    });
    if (refused) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
