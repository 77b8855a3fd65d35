import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import type { Dialect } from '../../src/server/db/database.js';
import type { AppDeps, Clock } from '../../src/server/deps.js';
import { createLocalBus } from '../../src/server/events/bus.js';
import { ensureDemoRegion } from '../../src/server/modules/regions/regions.service.js';
import { TestClock } from './clock.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  clock: TestClock;
  demoRegionId: string;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      SESSION_SECRET: 'test-secret-that-is-long-enough-for-the-check',
      DATABASE_URL: 'sqlite:/dev/null',
      LOG_LEVEL: 'silent',
    }),
    ...overrides,
  };
}

/** The whole app on a fresh database with the demo region, for `app.inject` tests. */
export async function createTestApp(
  dialect: Dialect,
  options: { config?: Partial<Config>; clock?: Clock } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const clock = (options.clock as TestClock | undefined) ?? new TestClock();
  const deps: AppDeps = {
    config: testConfig({ databaseUrl: database.url, ...options.config }),
    database,
    db: database.db,
    clock,
    events: createLocalBus(),
  };
  const demoRegionId = await ensureDemoRegion(database.db, clock);
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    demoRegionId,
    async close() {
      await app.close();
      await deps.events.close();
      await database.destroy();
    },
  };
}
