import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generated01222 } from '../../../../bench/stats.js';
import { fromSource } from '../../../../test/support/cli.js';
import { TestClock } from '../../../../test/support/clock.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { fixture } from '../../../../test/support/ssb.js';
import { dataDir, packageRoot } from '../../paths.js';
import { ensureDemoRegion } from '../regions/regions.service.js';

// The real `flytthit` command on a SQLite file, run from source like a fresh checkout.
const realV1 = join(dataDir, 'source/ssb/api-examples/v0/dataset1108_2015K1_jsonstat1.json');

// Each run starts the CLI from source (tsx), a few seconds apiece: hence the long timeout.
describe('flytthit stats (CLI)', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let dir: string;
  const env = () => ({ ...process.env, DATABASE_URL: db.url, FLYTTHIT_FROM_SOURCE: fromSource });
  const run = (...args: string[]) => {
    const r = spawnSync('node', ['bin/flytthit.js', 'stats', ...args], {
      cwd: packageRoot,
      env: env(),
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const cells = async () =>
    db.db
      .selectFrom('statObservations')
      .select(['regionCode', 'value'])
      .where('regionCode', '=', '0437')
      .where('contentsCode', '=', 'Fodte2')
      .execute();

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await ensureDemoRegion(db.db, new TestClock());
    dir = mkdtempSync(join(tmpdir(), 'flytthit-stats-cli-'));
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file with progress, then imports it again without changing anything', () => {
    const first = run('import', '--table', '01222', '--file', realV1);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Writing 4,730 / 4,730 cells');
    expect(first.out).toContain(
      'Imported table 01222: 4,730 cells, 4,730 new or changed, 2015K1–2015K1',
    );
    expect(first.out).toContain('SSB updated the data 2015-06-03T23:04:40Z.');
    const again = run('import', '--table', '01222', '--file', realV1);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Nothing changed: these 4,730 cells were imported before');
    const list = run('imports');
    expect(list.out.trim().split('\n')).toHaveLength(1);
  });

  it('prints the paragraph in nb, nn and en, and every figure as JSON', () => {
    const nb = run('summary', '--region', 'fjellregionen', '--quarter', '2015K1');
    expect(nb.code).toBe(0);
    expect(nb.out).toContain(
      '1. april 2015 hadde kommunene i Fjellregionen 20\u00a0696 innbyggere',
    );
    expect(nb.out).toContain('Kilde: Statistisk sentralbyrå');
    const nn = run('summary', '--region', 'fjellregionen', '--quarter', '2015K1', '--lang', 'nn');
    expect(nn.out).toContain('I alt 185 personar flytta til regionen i 1. kvartal 2015');
    const en = run('summary', '--region', 'fjellregionen', '--quarter', '2015K1', '--lang', 'en');
    expect(en.out).toContain(
      'On 1 April 2015 the municipalities of Fjellregionen had 20,696 inhabitants, 6 fewer than at New Year.',
    );
    const json = JSON.parse(
      run('summary', '--region', 'fjellregionen', '--quarter', '2015K1', '--json').out,
    );
    expect(json.figures).toMatchObject({
      popStart: 20702,
      popEnd: 20696,
      netMigration: 2,
      movedIn: 185,
    });
    expect(json.municipalities).toHaveLength(7);
    expect(
      json.municipalities.find((m: { code: string }) => m.code === '5025').figures.popEnd,
    ).toBe(5594);
    expect(json.largestNetInMigration).toEqual([
      { code: '3424', name: 'Rendalen', netMigration: 12 },
    ]);
    expect(json.definitions.movedIn).toMatch(/innvandring pluss innenlandsk innflytting/);
  });

  it('exits non-zero naming an unknown region, a quarter without data, or a bad file', () => {
    const region = run('summary', '--region', 'nowhere', '--quarter', '2015K1');
    expect(region.code).toBe(1);
    expect(region.err).toContain('There is no region "nowhere".');
    const quarter = run('summary', '--region', 'fjellregionen', '--quarter', '2009K1');
    expect(quarter.code).toBe(1);
    expect(quarter.err).toContain('No figures for 2009K1 in Fjellregionen');
    const table = run('import', '--table', '09588', '--file', realV1);
    expect(table.code).toBe(1);
    expect(table.err).toContain('Table 09588 is not supported');
    const other = run('import', '--table', '07459', '--file', realV1);
    expect(other.code).toBe(1);
    expect(other.err).toContain('Table 07459 needs a Kjonn dimension');
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      readFileSync(fixture('01222_2015K1_fjellregionen_ssb-constructed.csv'), 'utf8').replace(
        '"2015K1";8',
        '"2015K1";x',
      ),
    );
    const value = run('import', '--table', '01222', '--file', bad);
    expect(value.code).toBe(1);
    expect(value.err).toContain('"x" is not a number or an SSB symbol');
  });

  it('leaves the previous data intact when killed in the middle of an import', async () => {
    const before = await cells();
    const big = join(dir, 'big.json');
    writeFileSync(big, generated01222());
    const child = spawn(
      'node',
      ['bin/flytthit.js', 'stats', 'import', '--table', '01222', '--file', big],
      {
        cwd: packageRoot,
        env: env(),
      },
    );
    const killed = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        // Some cells are written but the transaction has not committed yet.
        if (chunk.toString().includes('Writing') && !chunk.toString().includes('Imported')) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL'));
    });
    expect(killed).toBe(true);
    expect(await cells()).toEqual(before);
    const imports = await db.db.selectFrom('statImports').select('id').execute();
    expect(imports).toHaveLength(1);
  });

  it('imports table 07459 (sex and age) from a file, and again without changing anything', () => {
    const file = fixture('07459_2019-2020_fjellregionen_jsonstat2-constructed.json');
    const first = run('import', '--table', '07459', '--file', file);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(
      'Imported table 07459: 5,936 cells, 5,936 new or changed, 2019–2020',
    );
    const again = run('import', '--table', '07459', '--file', file);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Nothing changed: these 5,936 cells were imported before');
  });
});
