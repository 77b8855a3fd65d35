import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, type Dialect, openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

/** The databases the suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDialects: Dialect[] = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestDatabase extends DatabaseHandle {
  /** The URL another process can open (with `schema` for PostgreSQL). */
  url: string;
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file or test: a new SQLite file, or a
 * new schema on the PostgreSQL server, so files run in parallel without seeing each other.
 */
export async function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean; poolSize?: number } = {},
): Promise<TestDatabase> {
  let handle: DatabaseHandle;
  let url: string;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'flytthit-test-'));
    url = `sqlite:${join(dir, 'test.db')}`;
    handle = await openDatabase(url);
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    url = base;
    handle = await openDatabase(base, { schema, poolSize: options.poolSize ?? 5 });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    };
  }
  if (options.migrate !== false) await migrateToLatest(handle);
  return {
    ...handle,
    url,
    async destroy() {
      await handle.close();
      await cleanup();
    },
  };
}
