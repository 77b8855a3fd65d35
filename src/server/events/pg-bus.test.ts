import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { channelFor, createPgBus, openPgBus, type PgEventBus } from './pg-bus.js';

const url = process.env.TEST_DATABASE_URL;

/** Resolves with the next message on a topic, or rejects after `ms`. */
function nextMessage(bus: PgEventBus, topic: string, ms = 3_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no message on ${topic} within ${ms} ms`));
    }, ms);
    const stop = bus.subscribe(topic, (m) => {
      clearTimeout(timer);
      stop();
      resolve(m);
    });
  });
}

describe.skipIf(!url)('the PostgreSQL event bus (LISTEN/NOTIFY)', () => {
  let database: TestDatabase;
  let other: TestDatabase;
  const buses: PgEventBus[] = [];

  const open = async (db: TestDatabase, options: { minBackoffMs?: number } = {}) => {
    const bus = createPgBus({
      connectionString: url!,
      pool: db.pool!,
      schema: db.schema!,
      ...options,
    });
    buses.push(bus);
    await bus.ready();
    return bus;
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    other = await createTestDatabase('postgres', { migrate: false });
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await database?.destroy();
    await other?.destroy();
  });

  it('carries a message to every bus of the installation, and once to the publisher', async () => {
    const a = await open(database);
    const b = await open(database);
    const seenByA: string[] = [];
    const stopA = a.subscribe('campaign-progress', (m) => seenByA.push(m));
    const onB = nextMessage(b, 'campaign-progress');
    await a.publish('campaign-progress', 'campaign-1');
    expect(await onB).toBe('campaign-1');
    // Its own copy comes back from the database too; it must not be delivered twice.
    await new Promise((r) => setTimeout(r, 300));
    expect(seenByA).toEqual(['campaign-1']);
    stopA();
  });

  it('keeps installations in different schemas apart', async () => {
    const mine = await open(database);
    const theirs = await open(other);
    const heard: string[] = [];
    theirs.subscribe('campaign-progress', (m) => heard.push(m));
    const onMine = nextMessage(mine, 'campaign-progress');
    const publisher = await open(database);
    await publisher.publish('campaign-progress', 'campaign-2');
    expect(await onMine).toBe('campaign-2');
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
    expect(channelFor('public')).toBe('flytthit_events');
  });

  it('finds the schema from the search path when the handle does not name one', async () => {
    const pool = new pg.Pool({
      connectionString: url!,
      max: 1,
      options: `-c search_path=${database.schema}`,
    });
    try {
      const bus = await openPgBus({ pool }, url!);
      buses.push(bus);
      await bus.ready();
      const onBus = nextMessage(bus, 'campaign-progress');
      await (await open(database)).publish('campaign-progress', 'campaign-3');
      expect(await onBus).toBe('campaign-3');
    } finally {
      await pool.end();
    }
  });

  it('listens again after its connection is killed', async () => {
    const listener = await open(database, { minBackoffMs: 50 });
    const publisher = await open(database);
    const before = listener.listenerPid();
    expect(before).not.toBeNull();
    await database.pool!.query('select pg_terminate_backend($1)', [before]);
    for (let i = 0; i < 100; i++) {
      const pid = listener.listenerPid();
      if (pid !== null && pid !== before) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(listener.listenerPid()).not.toBe(before);
    expect(listener.listenerPid()).not.toBeNull();
    const onListener = nextMessage(listener, 'campaign-progress');
    await publisher.publish('campaign-progress', 'campaign-4');
    expect(await onListener).toBe('campaign-4');
  });

  it('does not throw from publish when the database cannot be reached', async () => {
    const broken = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', max: 1 });
    broken.on('error', () => {});
    const bus = createPgBus({
      connectionString: 'postgres://nobody@127.0.0.1:1/none',
      pool: broken,
      schema: 'public',
      minBackoffMs: 10_000,
    });
    const local: string[] = [];
    bus.subscribe('campaign-progress', (m) => local.push(m));
    await expect(bus.publish('campaign-progress', 'campaign-5')).resolves.toBeUndefined();
    // This process's own screens still hear it.
    expect(local).toEqual(['campaign-5']);
    await bus.close();
    await broken.end();
  });
});
