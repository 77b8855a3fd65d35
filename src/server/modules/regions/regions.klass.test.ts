import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { fromSource } from '../../../../test/support/cli.js';
import { createTestDatabase, testDialects } from '../../../../test/support/database.js';
import { dataDir, packageRoot } from '../../paths.js';
import { importCodeChanges, listMunicipalityCodeChanges } from './regions.service.js';

/*
 * A constructed KLASS `changes` response (FORMATS.md §3 shape): the real Tynset renumbering,
 * plus an invented 2031 merger (Tolga + Os), split (Folldal) and renumbering (Rendalen), a
 * name-only change and a new code without a predecessor. The 2031 codes are not real.
 */
const constructed = join(packageRoot, 'test/fixtures/klass/klass-131-changes-constructed.json');
const shippedCsv = join(dataDir, 'municipalities/code-changes.csv');

describe.each(testDialects)('KLASS code changes import on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const into = async (code: string) =>
    (await listMunicipalityCodeChanges(t.deps.db)).filter((c) => c.newCode === code);

  it('reads the KLASS JSON, classifies merger, split and renumbering, and skips non-changes', async () => {
    const r = await importCodeChanges(t.deps.db, readFileSync(constructed, 'utf8'));
    expect(r).toEqual({
      rows: 6,
      added: 5, // 0437 → 3427 is shipped already
      updated: 0,
      skipped: 2,
      kinds: { renumbered: 2, merged: 2, split: 2 },
    });
    // The cached list was dropped: the new changes are read at once.
    expect((await into('3491')).map((c) => [c.oldCode, c.kind])).toEqual([
      ['3426', 'merged'],
      ['3430', 'merged'],
    ]);
    expect((await into('3492'))[0]?.kind).toBe('split');
    expect((await into('3493'))[0]?.kind).toBe('split');
    expect((await into('3494'))[0]).toMatchObject({ oldCode: '3424', kind: 'renumbered' });
    expect(await into('3495')).toEqual([]);
    expect((await into('5006')).filter((c) => c.oldCode === '5006')).toEqual([]);
  });

  it('is idempotent, and the shipped CSV re-imports without changing anything', async () => {
    const again = await importCodeChanges(t.deps.db, readFileSync(constructed, 'utf8'));
    expect([again.added, again.updated]).toEqual([0, 0]);
    const shipped = await importCodeChanges(t.deps.db, readFileSync(shippedCsv, 'utf8'));
    expect(shipped.rows).toBeGreaterThan(400);
    expect([shipped.added, shipped.updated]).toEqual([0, 0]);
  });

  it('refuses a truncated or wrong-shaped file, naming the problem, and writes nothing', async () => {
    const before = (await listMunicipalityCodeChanges(t.deps.db)).length;
    const text = readFileSync(constructed, 'utf8');
    await expect(importCodeChanges(t.deps.db, text.slice(0, 200))).rejects.toThrow(
      /not valid JSON/,
    );
    await expect(importCodeChanges(t.deps.db, '{"codes": []}')).rejects.toThrow(/codeChanges/);
    await expect(importCodeChanges(t.deps.db, text.replace('"3491"', '"34X1"'))).rejects.toThrow(
      /newCode "34X1"/,
    );
    expect((await listMunicipalityCodeChanges(t.deps.db)).length).toBe(before);
  });
});

describe('flytthit klass import (CLI)', { timeout: 60_000 }, () => {
  it('imports a file, says what it did, and exits non-zero on a bad one', async () => {
    const db = await createTestDatabase('sqlite');
    const env = { ...process.env, DATABASE_URL: db.url, FLYTTHIT_FROM_SOURCE: fromSource };
    const run = (file: string) =>
      spawnSync('node', ['bin/flytthit.js', 'klass', 'import', '--file', file], {
        cwd: packageRoot,
        env,
        encoding: 'utf8',
      });
    const ok = run(constructed);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('2 renumbered, 2 merged, 2 split');
    expect(run(constructed).stdout).toContain('Nothing changed');
    const bad = run(join(packageRoot, 'package.json'));
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('codeChanges');
    await db.close();
  });
});
