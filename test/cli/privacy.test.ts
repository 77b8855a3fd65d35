import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestUser, signIn } from '../support/auth.js';
import { runCli, urlWithSchema } from '../support/cli.js';
import { pdfText } from '../support/pdf.js';
import { createOpenCampaign, postTip, sampleTip } from '../support/referral.js';

// Each command is its own process, so this runs on SQLite only: the services behind the
// commands are tested on both databases through HTTP (src/server/modules/privacy).
describe('flytthit privacy', { timeout: 180_000 }, () => {
  let t: TestApp;
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const campaign = await createOpenCampaign(leader);
    await postTip(
      t,
      campaign.id,
      sampleTip({
        person: {
          name: 'Cecilie Kommando',
          phone: '415 90 001',
          addressLine: 'Linjevegen 7',
          postcode: '2500',
        },
      }),
    );
    env = { DATABASE_URL: urlWithSchema(t.database.url, t.database.schema) };
    dir = mkdtempSync(join(tmpdir(), 'flytthit-privacy-cli-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports a person found by name and address as JSON and PDF, then erases them', async () => {
    const out = join(dir, 'cecilie');
    const exported = await runCli(
      [
        'privacy',
        'export',
        '--name',
        'Cecilie Kommando',
        '--address',
        'Linjevegen 7, 2500 Tynset',
        '--out',
        out,
      ],
      env,
    );
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(readFileSync(`${out}.json`, 'utf8')).toContain('Cecilie Kommando');
    expect(readFileSync(`${out}.json`, 'utf8')).not.toContain('Ola Tipsar');
    expect(pdfText(readFileSync(`${out}.pdf`))).toContain('Cecilie Kommando');

    const refused = await runCli(['privacy', 'erase', '--phone', '41590001'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--yes');
    const erased = await runCli(['privacy', 'erase', '--phone', '41590001', '--yes'], env);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toContain('prospects\t1');

    const gone = await runCli(
      ['privacy', 'export', '--phone', '41590001', '--out', join(dir, 'x')],
      env,
    );
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('No one matching was found');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('shows what the purge would erase without erasing it', async () => {
    const dry = await runCli(['privacy', 'purge', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Would erase (dry run):');
    expect(dry.stdout).toMatch(/unreached\t0/);
    const bad = await runCli(['privacy', 'export', '--phone', '1', '--email', 'a@b.no'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Give one of --phone');
  });
});
