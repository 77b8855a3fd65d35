import type { Config } from './config.js';
import type { DatabaseHandle, Db } from './db/database.js';

/** The clock is a dependency so tests can move time (sessions, leases, deadlines). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What the process holds once: handed to routes through `app.deps`, to services as arguments. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
