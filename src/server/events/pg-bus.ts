import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { EventBus } from './bus.js';

export interface PgBusOptions {
  /** The database URL: the listening connection is its own client, not one of the pool's. */
  connectionString: string;
  /** Publishing goes through the pool (one short query). */
  pool: pg.Pool;
  /**
   * The schema this installation lives in: processes of one installation share a channel,
   * installations (and test schemas) on one server do not hear each other.
   */
  schema: string;
  /** Waits before reconnecting: doubles from `minBackoffMs` up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  log?: { warn(obj: unknown, msg?: string): void; info(obj: unknown, msg?: string): void };
}

export interface PgEventBus extends EventBus {
  /** Resolves once the listening connection is up (the first time). */
  ready(): Promise<void>;
  /** The backend pid of the listening connection (tests end it to prove reconnecting). */
  listenerPid(): number | null;
}

/** `flytthit_events`, or `flytthit_events_<schema>` outside the public schema. */
export function channelFor(schema: string): string {
  const name = schema === 'public' ? 'flytthit_events' : `flytthit_events_${schema}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid channel name: ${name}`);
  return name.slice(0, 63);
}

interface Wire {
  topic: string;
  message: string;
  /** The publishing process: it has delivered to itself already. */
  origin: string;
}

/**
 * The event bus across processes on one PostgreSQL: NOTIFY on publish, one dedicated LISTEN
 * connection per process. A message is delivered in this process at once, and to the others
 * by the database. Messages are hints (see bus.ts): if the listening connection drops it is
 * re-opened with backoff, and what was missed meanwhile only delays a screen until its next
 * periodic re-read. Publishing never throws: a hint that could not be sent is logged.
 */
export function createPgBus(options: PgBusOptions): PgEventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const channel = channelFor(options.schema);
  const origin = randomUUID();
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  let backoff = minBackoff;
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let firstReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    firstReady = resolve;
  });

  const onNotification = (n: pg.Notification) => {
    if (n.channel !== channel || !n.payload) return;
    try {
      const wire = JSON.parse(n.payload) as Wire;
      if (wire.origin === origin || typeof wire.topic !== 'string') return;
      emitter.emit(wire.topic, String(wire.message));
    } catch {
      // not ours
    }
  };

  const scheduleReconnect = (reason: unknown) => {
    if (closed || retry) return;
    options.log?.warn({ err: reason, retryInMs: backoff }, 'event bus: listening connection lost');
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, backoff);
    retry.unref();
    backoff = Math.min(backoff * 2, maxBackoff);
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString });
    let gone = false;
    const lost = (error?: unknown) => {
      if (gone) return;
      gone = true;
      next.removeAllListeners('notification');
      if (client === next) {
        client = null;
        pid = null;
      }
      next.end().catch(() => {});
      scheduleReconnect(error ?? new Error('connection ended'));
    };
    next.on('error', lost);
    next.on('end', () => lost());
    try {
      await next.connect();
      next.on('notification', onNotification);
      await next.query(`LISTEN ${channel}`);
      const row = await next.query<{ pid: number }>('select pg_backend_pid() as pid');
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      pid = row.rows[0]?.pid ?? null;
      backoff = minBackoff;
      firstReady();
    } catch (error) {
      lost(error);
    }
  };

  void connect();

  return {
    ready: () => ready,
    listenerPid: () => pid,
    async publish(topic, message) {
      emitter.emit(topic, message);
      const wire: Wire = { topic, message, origin };
      try {
        await options.pool.query('select pg_notify($1, $2)', [channel, JSON.stringify(wire)]);
      } catch (error) {
        options.log?.warn({ err: error, topic }, 'event bus: could not notify other processes');
      }
    },
    subscribe(topic, listener) {
      emitter.on(topic, listener);
      return () => emitter.off(topic, listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      emitter.removeAllListeners();
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners('end');
        current.removeAllListeners('error');
        current.on('error', () => {});
        await current.end().catch(() => {});
      }
    },
  };
}

/** The pg bus for an open PostgreSQL database: its schema decides the channel. */
export async function openPgBus(
  database: { pool?: pg.Pool; schema?: string },
  connectionString: string,
  log?: PgBusOptions['log'],
): Promise<PgEventBus> {
  const pool = database.pool;
  if (!pool) throw new Error('openPgBus: not a PostgreSQL database');
  const schema =
    database.schema ??
    (await pool.query<{ schema: string }>('select current_schema() as schema')).rows[0]!.schema;
  return createPgBus({ connectionString, pool, schema, ...(log ? { log } : {}) });
}
