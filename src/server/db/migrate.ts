import { Migrator } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { FlytthitMigrationProvider } from './migrations/index.js';

export interface MigrateResult {
  applied: string[];
}

/** Brings the schema up to date; safe to run from several processes (Kysely locks). */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrateResult> {
  const migrator = new Migrator({
    db: handle.db,
    provider: new FlytthitMigrationProvider(handle.dialect),
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? '?'} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
