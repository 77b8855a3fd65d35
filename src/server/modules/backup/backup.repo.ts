import { existsSync, rmSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';

/**
 * Backup and restore work on whole SQLite files, below Kysely: a file that may not be a
 * Flytthit database at all is opened here read-only, and only looked at.
 */
export type SqliteFile = SQLite.Database;

/**
 * Opens a file only to look at it, and runs `fn`. A read-only connection cannot remove the
 * -wal and -shm files SQLite makes for a WAL-mode file, so the ones it made are removed here:
 * looking at a backup leaves no trace beside it.
 */
export async function readSqliteFile<T>(
  path: string,
  fn: (file: SqliteFile) => T | Promise<T>,
): Promise<T> {
  const traces = [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
  const file = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return await fn(file);
  } finally {
    file.close();
    for (const p of traces) {
      if (existsSync(p) && (p.endsWith('-shm') || statSync(p).size === 0)) rmSync(p);
    }
  }
}

export function openSqliteFile(path: string): SqliteFile {
  return new SQLite(path, { fileMustExist: true });
}

/** SQLite's own check of every page and index; ['ok'] when the file is sound. */
export function integrityCheck(file: SqliteFile): string[] {
  const rows = file.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check);
}

/** Names of the applied migrations, or undefined when the file has no migration table. */
export function findAppliedMigrations(file: SqliteFile): string[] | undefined {
  const table = file
    .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!table) return undefined;
  const rows = file.prepare('select name from kysely_migration order by name').all() as Array<{
    name: string;
  }>;
  return rows.map((r) => r.name);
}

/**
 * True when no other connection has the database open. In WAL mode every open connection
 * holds a shared lock, so an exclusive lock is refused while a server is running on it.
 */
export function isUnused(file: SqliteFile): boolean {
  file.pragma('busy_timeout = 0');
  file.pragma('locking_mode = EXCLUSIVE');
  try {
    file.exec('BEGIN EXCLUSIVE');
    file.exec('COMMIT');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  }
}

/** Moves everything from the write-ahead log into the main file and empties the log. */
export function checkpoint(file: SqliteFile): void {
  file.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * A consistent copy of a database that may be in use (SQLite's online backup API), made a
 * single self-contained file (rollback journal, not WAL) so it can be copied around alone.
 */
export async function copyDatabase(file: SqliteFile, destination: string): Promise<void> {
  await file.backup(destination);
  const copy = new SQLite(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
