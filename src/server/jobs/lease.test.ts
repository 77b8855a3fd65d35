import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.js';
import {
  createTestDatabase,
  type TestDatabase,
  testDialects,
} from '../../../test/support/database.js';
import { findLeaseHolder, withLease } from './lease.js';

describe.each(testDialects)('job leases on %s', (dialect) => {
  let database: TestDatabase;
  const clock = new TestClock();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database?.destroy());

  it('takes over a lease its holder left behind when it expires', async () => {
    await database.db
      .insertInto('jobLeases')
      .values({
        name: 'test-crashed',
        holder: 'crashed-process',
        expiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
      })
      .execute();
    const run = () =>
      withLease(database.db, clock, 'test-crashed', 'me', 60_000, async () => 'ran');
    expect(await run()).toEqual({ acquired: false });
    clock.advance(60_000);
    expect(await run()).toEqual({ acquired: true, result: 'ran' });
    // Given back after the run, so the next poll of any process can take it.
    expect(await database.db.selectFrom('jobLeases').selectAll().execute()).toEqual([]);
  });

  it('lets exactly one of several simultaneous holders take a lease', async () => {
    const holders = ['a', 'b', 'c', 'd', 'e'];
    let winners = 0;
    let losers = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // The winner keeps the lease until every other attempt has answered.
    const settle = () => {
      if (winners + losers === holders.length) open();
    };
    const outcomes = await Promise.all(
      holders.map((holder) =>
        withLease(database.db, clock, 'test-race', holder, 60_000, async () => {
          winners++;
          settle();
          await gate;
          return holder;
        }).then((outcome) => {
          if (!outcome.acquired) {
            losers++;
            settle();
          }
          return outcome;
        }),
      ),
    );
    expect(outcomes.filter((o) => o.acquired)).toHaveLength(1);
    expect(winners).toBe(1);
  });

  it('tells who holds a lease while it runs, and nobody once it expired', async () => {
    await withLease(database.db, clock, 'test-holder', 'me', 60_000, async () => {
      expect(await findLeaseHolder(database.db, clock, 'test-holder')).toBe('me');
    });
    expect(await findLeaseHolder(database.db, clock, 'test-holder')).toBeUndefined();
  });
});
