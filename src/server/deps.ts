import type { Config } from './config.js';
import type { DatabaseHandle, Db } from './db/database.js';
import type { EventBus } from './events/bus.js';

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
  /** Hints between requests and processes (live progress); see events/bus.ts. */
  events: EventBus;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
