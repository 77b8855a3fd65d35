import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { type AppDeps, systemClock } from './deps.js';
import { ensureDemoRegion, ensureMunicipalityRegister } from './modules/regions/regions.service.js';
import { firstStartHooks } from './startup.js';

/**
 * Starts the process: configuration, database (migrated), first-start setup, HTTP, and a
 * graceful stop on SIGTERM/SIGINT (stop accepting, finish in-flight requests, close the
 * database, exit within 10 s).
 */
export async function startServer(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const deps: AppDeps = { config, database, db: database.db, clock: systemClock };
  await ensureMunicipalityRegister(deps.db);
  if (config.env !== 'production' || process.env.FLYTTHIT_DEMO === '1') {
    await ensureDemoRegion(deps.db, deps.clock);
  }
  const app = await buildApp(deps, { logger: { level: config.logLevel } });
  for (const hook of firstStartHooks) await hook(deps, app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const force = setTimeout(() => {
      app.log.error('did not stop within 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close();
      await database.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Flytthit is running on ${config.publicUrl} (${database.dialect})`);
}
