import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { systemClock } from '../../src/server/deps.js';
import { createLocalBus } from '../../src/server/events/bus.js';
import { ensureDemoRegion } from '../../src/server/modules/regions/regions.service.js';
import { testConfig } from '../support/app.js';
import { type CliResult, cliEnv, packageRoot, runCli, urlWithSchema } from '../support/cli.js';
import { TestClock } from '../support/clock.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const bin = fileURLToPath(new URL('../../bin/flytthit.js', import.meta.url));

/** `flytthit …args` with `input` piped to its standard input. */
function runWithStdin(args: string[], env: Record<string, string>, input: string) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: packageRoot, env: cliEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input);
  return new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lastLine = (text: string) => text.trim().split('\n').at(-1)!;

// Each command is its own process (seconds apiece on a busy machine), so this runs on SQLite
// only: the services behind the commands are tested on both databases through HTTP.
describe('flytthit user, token and sso', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await ensureDemoRegion(database.db, new TestClock());
    env = {
      DATABASE_URL: urlWithSchema(database.url, database.schema),
      PUBLIC_URL: 'https://flytthit.example.no',
    };
    // The app on the same database, to check that what the commands made works over HTTP.
    app = await buildApp({
      config: testConfig({ databaseUrl: database.url }),
      database,
      db: database.db,
      clock: systemClock,
      events: createLocalBus(),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const cli = (...args: string[]) => runCli(args, env);

  it('has help for every command', async () => {
    for (const args of [
      ['user', 'add'],
      ['token', 'create'],
    ]) {
      const res = await cli(...args, '--help');
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('Usage: flytthit');
    }
  });

  it('adds a user without a password and prints a one-time link that works', async () => {
    const res = await cli(
      'user',
      'add',
      '--email',
      'kari@tynset.example.no',
      '--name',
      'Kari Nordmann',
      '--role',
      'host',
      '--region',
      'fjellregionen',
      '--municipality',
      '3427',
      '3428',
    );
    expect(res.code, res.stderr).toBe(0);
    const link = lastLine(res.stdout);
    expect(link).toMatch(/^https:\/\/flytthit\.example\.no\/office\/invitation\/[\w-]{43}$/);
    const accept = await app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token: link.split('/').at(-1), name: 'Kari', password: 'Tynset-Sentrum-2026!' },
    });
    expect(accept.statusCode).toBe(204);
    const mails = await database.db.selectFrom('outbox').select('id').execute();
    expect(mails).toEqual([]);
  });

  it('adds a user with a password from standard input, who can sign in with it', async () => {
    const res = await runWithStdin(
      [
        'user',
        'add',
        '--email',
        'ola@alvdal.example.no',
        '--name',
        'Ola',
        '--role',
        'caller',
        '--region',
        'fjellregionen',
        '--municipality',
        '3428',
        '--password-stdin',
      ],
      env,
      'Alvdal-Ringedag-2026!\n',
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).not.toContain('/office/invitation/');
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'ola@alvdal.example.no', password: 'Alvdal-Ringedag-2026!' },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('invites by email through the outbox and prints the same link', async () => {
    const res = await cli(
      'user',
      'invite',
      '--email',
      'leder@example.no',
      '--name',
      'Leder',
      '--role',
      'programme_leader',
      '--region',
      'fjellregionen',
    );
    expect(res.code, res.stderr).toBe(0);
    const mail = await database.db
      .selectFrom('outbox')
      .select(['textBody', 'toAddress'])
      .where('toAddress', '=', 'leder@example.no')
      .executeTakeFirstOrThrow();
    expect(mail.textBody).toContain(lastLine(res.stdout));

    // Inviting again (a lost or expired link) sends a fresh link; the old one stops working.
    const again = await cli('user', 'invite', '--email', 'leder@example.no');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Sent a new invitation');
    expect(lastLine(again.stdout)).not.toBe(lastLine(res.stdout));
    const mails = await database.db
      .selectFrom('outbox')
      .select('id')
      .where('toAddress', '=', 'leder@example.no')
      .execute();
    expect(mails).toHaveLength(2);
    const old = await app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: {
        token: lastLine(res.stdout).split('/').at(-1),
        name: 'Leder',
        password: 'Femund-Leder-2026!',
      },
    });
    expect(old.statusCode).toBe(410);
  });

  it('fails with a clear message and a non-zero exit on bad input', async () => {
    const cases: Array<[string, RegExp]> = [
      [
        'user add --email x@example.no --name X --role host --region fjellregionen',
        /municipalityCodes: Choose at least one/,
      ],
      ['user add --email x@example.no --name X --role boss', /--role/],
      ['user add --email kari@tynset.example.no --name K --role admin', /already exists/],
      ['token create --user nobody@example.no', /No user/],
    ];
    // Side by side: each is a process of its own, and none changes anything.
    const results = await Promise.all(cases.map(([args]) => cli(...args.split(' '))));
    results.forEach((res, i) => {
      expect(res.code, cases[i]![0]).not.toBe(0);
      expect(res.stderr).toMatch(cases[i]![1]);
    });
  });

  it('creates a token printed as the last line, which works until revoked', async () => {
    const res = await cli(
      'token',
      'create',
      '--user',
      'ola@alvdal.example.no',
      '--name',
      'Eksport',
    );
    expect(res.code, res.stderr).toBe(0);
    const token = lastLine(res.stdout);
    expect(token).toMatch(/^fht_/);
    const me = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('ola@alvdal.example.no');

    const id = /token ([0-9a-f-]{36})/.exec(res.stdout)![1]!;
    const list = await cli('token', 'list', '--user', 'ola@alvdal.example.no');
    expect(list.stdout).toContain(id);
    expect(list.stdout).not.toContain(token);
    const revoke = await cli('token', 'revoke', id);
    expect(revoke.code, revoke.stderr).toBe(0);
    const after = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('lists users by region and disables one', async () => {
    const list = await cli('user', 'list', '--region', 'fjellregionen');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(
      /kari@tynset\.example\.no\tKari\thost\tfjellregionen\t3427,3428\tactive/,
    );
    const off = await cli('user', 'disable', '--email', 'ola@alvdal.example.no');
    expect(off.code, off.stderr).toBe(0);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'ola@alvdal.example.no', password: 'Alvdal-Ringedag-2026!' },
    });
    expect(signIn.statusCode).toBe(401);
    const audit = await database.db
      .selectFrom('auditLog')
      .select(['action', 'actorLabel'])
      .where('action', 'in', ['user.created', 'user.invited', 'user.disabled', 'token.created'])
      .execute();
    expect(audit.every((a) => a.actorLabel === 'cli')).toBe(true);
    expect(audit.map((a) => a.action)).toContain('user.disabled');
  });

  it('adds an identity provider with its secret from standard input, and lists it without', async () => {
    const res = await runWithStdin(
      [
        'sso',
        'add',
        '--region',
        'fjellregionen',
        '--name',
        'Tynset kommune',
        '--issuer',
        'https://login.example.no/tynset',
        '--client-id',
        'flytthit',
        '--client-secret-stdin',
        '--default-role',
        'host',
        '--municipality',
        '3427',
      ],
      env,
      'very-secret-client-secret\n',
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('https://flytthit.example.no/auth/oidc/callback');
    const row = await database.db
      .selectFrom('identityProviders')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ clientSecret: 'very-secret-client-secret', defaultRole: 'host' });
    const list = await cli('sso', 'list');
    expect(list.stdout).toContain('Tynset kommune');
    expect(list.stdout).toContain('admits host 3427');
    expect(list.stdout).not.toContain('very-secret');
    const providers = await app.inject({ url: '/api/auth/providers?region=fjellregionen' });
    expect(providers.json().providers).toEqual([
      { id: row.id, name: 'Tynset kommune', startUrl: `/auth/oidc/${row.id}/start` },
    ]);

    const bad = await cli(
      'sso',
      'add',
      '--region',
      'fjellregionen',
      '--name',
      'X',
      '--issuer',
      'http://idp.example.no',
      '--client-id',
      'x',
      '--default-role',
      'admin',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/issuer: Must be https/);
    expect(bad.stderr).toMatch(/defaultRole: Only host or caller/);
  });
});
