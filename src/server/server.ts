import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { type AppDeps, systemClock } from './deps.js';
import { createLocalBus, type EventBus } from './events/bus.js';
import { openPgBus } from './events/pg-bus.js';
import { startCouncilReportSchedule } from './jobs/council-report.js';
import { startEventReminders } from './jobs/event-reminders.js';
import { startHousekeeping } from './jobs/housekeeping.js';
import { jobsScheduleEnabled, startJobsSchedule } from './jobs/jobs-sync.js';
import { startOutboxWorker } from './jobs/outbox.js';
import { startStatisticsSchedule, statisticsScheduleEnabled } from './jobs/statistics-update.js';
import { startSurveySchedule } from './jobs/surveys.js';
import { ensureDemo } from './modules/demo.js';
import { ensureMunicipalityRegister } from './modules/regions/regions.service.js';
import { firstStartHooks } from './startup.js';

/**
 * Starts the process: configuration, database (migrated), first-start setup, HTTP, and a
 * graceful stop on SIGTERM/SIGINT (stop accepting, finish in-flight requests, close the
 * database, exit within 10 s).
 */
export async function startServer(): Promise<void> {
  let logTo: { warn(obj: unknown, msg?: string): void } | undefined;
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const deps: AppDeps = {
    config,
    database,
    db: database.db,
    clock: systemClock,
    events: await openEventBus(database, config.databaseUrl, (o, m) => logTo?.warn(o, m)),
  };
  await ensureMunicipalityRegister(deps.db);
  if (config.env !== 'production' || process.env.FLYTTHIT_DEMO === '1') {
    await ensureDemo(deps.db, deps.clock);
  }
  const app = await buildApp(deps, { logger: { level: config.logLevel } });
  logTo = app.log;
  for (const hook of firstStartHooks) await hook(deps, app.log);

  const outbox = startOutboxWorker(deps, { log: app.log });
  const housekeeping = startHousekeeping(deps, app.log);
  const eventReminders = startEventReminders(deps, app.log);
  const surveySchedule = startSurveySchedule(deps, app.log);
  const councilReports = startCouncilReportSchedule(deps, app.log);
  // Off unless asked for (or in production): see statisticsScheduleEnabled.
  const ssbSchedule = statisticsScheduleEnabled(config.env)
    ? startStatisticsSchedule(deps, app.log)
    : null;
  // NAV's vacancy feed every 10 minutes; off in development and tests: see jobsScheduleEnabled.
  const jobsSchedule = jobsScheduleEnabled(config.env) ? startJobsSchedule(deps, app.log) : null;

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
    // A keep-alive connection that goes idle after its last in-flight response would hold
    // close() open until its timeout; close such connections as soon as they are idle.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    sweep.unref();
    try {
      await app.close();
      clearInterval(sweep);
      housekeeping.stop();
      eventReminders.stop();
      surveySchedule.stop();
      councilReports.stop();
      ssbSchedule?.stop();
      jobsSchedule?.stop();
      await outbox.stop();
      await deps.events.close();
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

/**
 * Live updates between processes: LISTEN/NOTIFY on PostgreSQL (several processes may share
 * it), in memory on SQLite (one process). See docs/decisions/0009-live-progress.md.
 */
async function openEventBus(
  database: DatabaseHandle,
  url: string,
  warn: (obj: unknown, msg?: string) => void,
): Promise<EventBus> {
  if (database.dialect !== 'postgres') return createLocalBus();
  const bus = await openPgBus(database, url, { warn, info: () => {} });
  // Listening before serving, so a screen opened at once hears the first change; a listener
  // that is slow to come up keeps retrying on its own.
  await Promise.race([bus.ready(), new Promise((r) => setTimeout(r, 5_000).unref())]);
  return bus;
}
