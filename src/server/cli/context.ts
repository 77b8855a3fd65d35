import { type Config, loadConfig } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { type AppDeps, systemClock } from '../deps.js';
import { createLocalBus } from '../events/bus.js';

/** Opens the configured database (migrated) for a command, and closes it after. */
export async function withDeps<T>(fn: (deps: AppDeps) => Promise<T>, config?: Config): Promise<T> {
  const cfg = config ?? loadConfig();
  const database: DatabaseHandle = await openDatabase(cfg.databaseUrl);
  try {
    await migrateToLatest(database);
    return await fn({
      config: cfg,
      database,
      db: database.db,
      clock: systemClock,
      events: createLocalBus(),
    });
  } finally {
    await database.close();
  }
}

/** A failure the user caused or can fix: printed without a stack, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
