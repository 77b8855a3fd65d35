import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createEvent, createOrganiser, registerApi } from '../../../../test/support/events.js';

describe.each(testDialects)('the last seat taken twice at once on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let organiser: { id: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    organiser = await createOrganiser(leader, 'Tynset frivilligsentral');
  });
  afterAll(async () => t?.close());

  it('gives exactly one seat to two simultaneous last-seat registrations, the other waits', async () => {
    for (let round = 0; round < 4; round += 1) {
      const event = await createEvent(leader, { organiserId: organiser.id, capacity: 3 });
      const first = await registerApi(
        t,
        event.id,
        { email: `early${round}@example.no`, seats: 2 },
        `early-${round}-key`,
      );
      expect(first.json().status).toBe('confirmed');
      const [a, b] = await Promise.all([
        registerApi(
          t,
          event.id,
          { name: 'Ada', email: `ada${round}@example.no` },
          `ada-${round}-key`,
        ),
        registerApi(t, event.id, { name: 'Bo', email: `bo${round}@example.no` }, `bo-${round}-key`),
      ]);
      expect([a!.statusCode, b!.statusCode]).toEqual([201, 201]);
      expect([a!.json().status, b!.json().status].sort()).toEqual(['confirmed', 'waiting']);
      const list = (await leader.request({ url: `/api/events/${event.id}/registrations` })).json();
      expect(list.counts).toMatchObject({ confirmedSeats: 3, waitingSeats: 1 });
    }
  });

  it('makes one registration of many simultaneous double submits', async () => {
    const event = await createEvent(leader, { organiserId: organiser.id, capacity: 50 });
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        registerApi(t, event.id, { email: 'dobbel@example.no', seats: 2 }, 'same-key-123'),
      ),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const rows = await t.deps.db
      .selectFrom('eventRegistrations')
      .select('seats')
      .where('eventId', '=', event.id)
      .execute();
    expect(rows).toEqual([{ seats: 2 }]);
    const mails = await t.deps.db
      .selectFrom('outbox')
      .select('id')
      .where('toAddress', '=', 'dobbel@example.no')
      .execute();
    expect(mails).toHaveLength(1);
  });
});
