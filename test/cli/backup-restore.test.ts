import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { queueEmail } from '../../src/server/modules/notifications/notifications.service.js';
import {
  ensureDemoRegion,
  ensureMunicipalityRegister,
} from '../../src/server/modules/regions/regions.service.js';
import { runCli } from '../support/cli.js';
import { TestClock } from '../support/clock.js';

const TABLES = ['regions', 'region_municipalities', 'outbox', 'job_leases', 'kysely_migration'];

/** Every row of a few tables, in a stable order, read straight from the file. */
function snapshot(path: string): Record<string, unknown[]> {
  const db = new SQLite(path, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      out[table] = db.prepare(`select * from ${table} order by 1, 2`).all();
    }
    const n = db.prepare('select count(*) as n from municipalities').get() as { n: number };
    out.municipalities = [n.n];
    return out;
  } finally {
    db.close();
  }
}

describe('flytthit backup and restore (SQLite)', { timeout: 180_000 }, () => {
  let dir: string;
  let dbPath: string;
  let env: Record<string, string>;
  let handle: DatabaseHandle | undefined;
  const clock = new TestClock();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flytthit-backup-'));
    dbPath = join(dir, 'flytthit.db');
    env = { DATABASE_URL: `sqlite:${dbPath}` };
    handle = await openDatabase(env.DATABASE_URL!);
    await migrateToLatest(handle);
    await ensureMunicipalityRegister(handle.db);
    await ensureDemoRegion(handle.db, clock);
    for (const n of [1, 2, 3]) {
      await queueEmail(handle.db, clock, {
        to: `person${n}@example.no`,
        subject: `Velkommen ${n}`,
        text: `Hei, og velkommen til Fjellregionen (${n}).`,
        purpose: 'test.backup',
      });
    }
  });
  afterAll(async () => {
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup to exactly the data it was taken from', async () => {
    const backup = join(dir, 'backup.db');
    // Online: the database is open (as a running server holds it) while it is copied.
    const made = await runCli(['backup', backup], env);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`Backed up the database to ${backup}`);
    const before = snapshot(dbPath);
    expect(before.outbox).toHaveLength(3);
    expect(before.region_municipalities).toHaveLength(7);
    expect(snapshot(backup)).toEqual(before);
    // The backup is one self-contained file: nothing beside it.
    expect(
      readdirSync(dir).filter((f) => f.startsWith('backup') || f.startsWith('.backup')),
    ).toEqual(['backup.db']);

    const again = await runCli(['backup', backup], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('--force');
    expect(again.stderr).not.toMatch(/\n\s+at /);

    // Life goes on after the backup.
    await handle!.db.deleteFrom('outbox').where('toAddress', '=', 'person1@example.no').execute();
    await handle!.db.updateTable('regions').set({ name: 'Endret' }).execute();
    expect(snapshot(dbPath)).not.toEqual(before);

    // While the database is open, as under a running server, restore refuses.
    const busy = await runCli(['restore', backup], env);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('in use');
    expect(busy.stderr).toContain('Stop the Flytthit server');
    await handle!.close();
    handle = undefined;

    const restored = await runCli(['restore', backup], env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored ${backup}`);
    expect(snapshot(dbPath)).toEqual(before);
    // The database it replaced is kept, with its changes.
    const kept = readdirSync(dir).find((f) => f.startsWith('flytthit.db.before-restore-'));
    expect(kept).toBeDefined();
    expect(snapshot(join(dir, kept!)).outbox).toHaveLength(2);
  });

  it('refuses to restore a file that is not a Flytthit database, and changes nothing', async () => {
    const before = snapshot(dbPath);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'This is not a database.\n'.repeat(200));
    const notDb = await runCli(['restore', text], env);
    expect(notDb.code).toBe(1);
    expect(notDb.stderr).toContain('is not a SQLite database');
    expect(notDb.stderr).not.toMatch(/\n\s+at /);

    const other = join(dir, 'other.db');
    const foreign = new SQLite(other);
    foreign.exec('create table recipes (name text)');
    foreign.close();
    const notOurs = await runCli(['restore', other], env);
    expect(notOurs.code).toBe(1);
    expect(notOurs.stderr).toContain('not a Flytthit database');

    const missing = await runCli(['restore', join(dir, 'nothing.db')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no file');

    expect(snapshot(dbPath)).toEqual(before);
    expect(existsSync(`${other}-wal`)).toBe(false);
  });

  it('prints what to run for PostgreSQL, without the password, and exits 3', async () => {
    const pgEnv = { DATABASE_URL: 'postgres://flytthit:hunter2@db.example.no:5432/flytthit' };
    const backup = await runCli(['backup', join(dir, 'pg.dump')], pgEnv);
    expect(backup.code).toBe(3);
    expect(backup.stdout).toContain(
      `pg_dump --format=custom --no-owner --file=${join(dir, 'pg.dump')} --dbname=postgres://flytthit@db.example.no:5432/flytthit`,
    );
    expect(backup.stdout).toContain('PGPASSWORD');
    expect(backup.stdout + backup.stderr).not.toContain('hunter2');
    expect(existsSync(join(dir, 'pg.dump'))).toBe(false);

    const restore = await runCli(['restore', join(dir, 'pg.dump')], pgEnv);
    expect(restore.code).toBe(3);
    expect(restore.stdout).toContain('pg_restore --clean --if-exists');
    expect(restore.stdout).toContain('psql --single-transaction');
    expect(restore.stdout + restore.stderr).not.toContain('hunter2');
  });

  it('explains itself with --help', async () => {
    const help = await runCli(['restore', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: flytthit restore');
    expect(help.stdout).toContain('the server must not be running');
  });
});
