import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type DatabaseHandle, dialectOf, openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { AppError } from '../../errors.js';
import * as repo from './backup.repo.js';

/** What an operator must run themselves: PostgreSQL is backed up with its own tools. */
export interface ExternalSteps {
  kind: 'external';
  lines: string[];
}

export interface BackupDone {
  kind: 'done';
  file: string;
  bytes: number;
  schema: string;
}

export interface RestoreDone {
  kind: 'done';
  database: string;
  /** Where the database that was replaced is kept, or null when there was none. */
  previous: string | null;
  migrated: string[];
}

const failure = (message: string) => new AppError('validation', message);

/** Quotes a word for a POSIX shell, so the printed command can be pasted as it is. */
const shellQuote = (s: string) =>
  /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;

/** The URL without its password (it would end up in shell history and logs). */
export function redactDatabaseUrl(url: string): { url: string; hadPassword: boolean } {
  const u = new URL(url);
  const hadPassword = u.password !== '' || u.searchParams.has('password');
  u.password = '';
  u.searchParams.delete('password');
  return { url: u.toString(), hadPassword };
}

function passwordHint(hadPassword: boolean): string[] {
  return hadPassword
    ? ['(The password is left out of the URL: give it in PGPASSWORD or ~/.pgpass.)']
    : [];
}

const sqlitePathOf = (url: string) => resolve(url.slice('sqlite:'.length));

/**
 * Backs up the configured database into `file`. SQLite: an online, consistent copy (the
 * server may keep running), written under a temporary name and renamed into place, so a
 * half-written backup never carries the real name. PostgreSQL: the pg_dump command to run.
 */
export async function backupDatabase(
  databaseUrl: string,
  file: string,
  options: { force: boolean },
): Promise<BackupDone | ExternalSteps> {
  const target = resolve(file);
  if (dialectOf(databaseUrl) === 'postgres') {
    const { url, hadPassword } = redactDatabaseUrl(databaseUrl);
    return {
      kind: 'external',
      lines: [
        'PostgreSQL is backed up with its own tools. Run:',
        '',
        `  pg_dump --format=custom --no-owner --file=${shellQuote(target)} --dbname=${shellQuote(url)}`,
        '',
        ...passwordHint(hadPassword),
      ],
    };
  }
  const source = sqlitePathOf(databaseUrl);
  if (!existsSync(source)) throw failure(`There is no database at ${source} to back up.`);
  if (target === source) throw failure('The backup cannot be the database file itself.');
  if (!existsSync(dirname(target))) throw failure(`The folder ${dirname(target)} does not exist.`);
  if (existsSync(target) && !options.force) {
    throw failure(`${target} already exists. Choose another name, or add --force to replace it.`);
  }
  const partial = join(
    dirname(target),
    `.${basename(target)}.partial-${randomBytes(4).toString('hex')}`,
  );
  const handle = await openDatabase(databaseUrl);
  try {
    await repo.copyDatabase(sqliteOf(handle), partial);
    const schema = await checkFlytthitDatabase(partial);
    renameSync(partial, target);
    return { kind: 'done', file: target, bytes: statSync(target).size, schema };
  } finally {
    rmSync(partial, { force: true });
    await handle.close();
  }
}

function sqliteOf(handle: DatabaseHandle) {
  if (!handle.sqlite) throw new Error('not a SQLite database handle');
  return handle.sqlite;
}

/**
 * Throws unless `file` is a sound Flytthit database this version can use; returns its latest
 * migration. A file from a newer Flytthit is refused: this version does not know its schema.
 */
export async function checkFlytthitDatabase(file: string): Promise<string> {
  try {
    return await repo.readSqliteFile(file, (db) => checkOpenDatabase(db, file));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw failure(`Cannot open ${file}: ${(error as Error).message}`);
  }
}

function checkOpenDatabase(db: repo.SqliteFile, file: string): string {
  let problems: string[];
  try {
    problems = repo.integrityCheck(db);
  } catch (error) {
    throw failure(`${file} is not a SQLite database (${(error as Error).message}).`);
  }
  if (problems.join() !== 'ok') {
    throw failure(`${file} is damaged: ${problems.slice(0, 3).join('; ')}`);
  }
  const applied = repo.findAppliedMigrations(db);
  if (!applied || applied.length === 0) {
    throw failure(`${file} is a SQLite database, but not a Flytthit database.`);
  }
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw failure(
      `${file} comes from a newer Flytthit (migration ${unknown.join(', ')} is unknown here). Upgrade Flytthit first.`,
    );
  }
  return applied.at(-1)!;
}

const isCustomDump = (file: string) => {
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    return head.toString('latin1') === 'PGDMP';
  } finally {
    closeSync(fd);
  }
};

function postgresRestoreSteps(databaseUrl: string, file: string): ExternalSteps {
  const { url, hadPassword } = redactDatabaseUrl(databaseUrl);
  const custom = isCustomDump(file);
  const pgRestore = `  pg_restore --clean --if-exists --no-owner --single-transaction --dbname=${shellQuote(url)} ${shellQuote(file)}`;
  const psql = `  psql --single-transaction --set=ON_ERROR_STOP=1 --dbname=${shellQuote(url)} --file=${shellQuote(file)}`;
  return {
    kind: 'external',
    lines: [
      'PostgreSQL is restored with its own tools. Stop every Flytthit process first, then run',
      custom === false ? '(a plain SQL dump):' : '(a pg_dump --format=custom file):',
      '',
      custom === false ? psql : pgRestore,
      ...(custom === undefined ? ['', 'or, for a plain SQL dump:', '', psql] : []),
      '',
      'Then start Flytthit again: it brings the schema up to date.',
      ...passwordHint(hadPassword),
    ],
  };
}

/**
 * Replaces the configured SQLite database with the backup `file`. The server must not be
 * running: this is checked (an open database cannot be locked exclusively) and refused.
 * The replaced database is kept beside it, and the restored one is migrated to this version.
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  now: Date,
): Promise<RestoreDone | ExternalSteps> {
  const source = resolve(file);
  if (dialectOf(databaseUrl) === 'postgres') return postgresRestoreSteps(databaseUrl, source);
  if (!existsSync(source)) throw failure(`There is no file at ${source}.`);
  const database = sqlitePathOf(databaseUrl);
  if (source === database) throw failure('That is the database itself, not a backup of it.');
  await checkFlytthitDatabase(source);

  const dir = dirname(database);
  const staged = join(dir, `.${basename(database)}.restoring-${randomBytes(4).toString('hex')}`);
  try {
    await repo.readSqliteFile(source, (backup) => repo.copyDatabase(backup, staged));
    const previous = existsSync(database) ? setAside(database, now) : null;
    renameSync(staged, database);
    const handle = await openDatabase(databaseUrl);
    try {
      const { applied } = await migrateToLatest(handle);
      return { kind: 'done', database, previous, migrated: applied };
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(staged, { force: true });
  }
}

/** Moves the current database (with its WAL files) aside, after checking nobody uses it. */
function setAside(database: string, now: Date): string {
  const current = repo.openSqliteFile(database);
  try {
    if (!repo.isUnused(current)) {
      throw failure(
        `${database} is in use. Stop the Flytthit server (and any other flytthit command) first.`,
      );
    }
    repo.checkpoint(current);
  } finally {
    current.close();
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const kept = `${database}.before-restore-${stamp}`;
  renameSync(database, kept);
  // A WAL left beside the new file would be replayed into it: never leave one behind.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(database + suffix)) renameSync(database + suffix, kept + suffix);
  }
  return kept;
}
