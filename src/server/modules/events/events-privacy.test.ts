import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import {
  createEvent,
  createOrganiser,
  mailsTo,
  registerApi,
} from '../../../../test/support/events.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import { runRetentionPurge } from '../privacy/retention.service.js';

describe.each(testDialects)('event invitations and privacy on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let host: TestSession;
  let otherHost: TestSession;
  let organiser: { id: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host = await signIn(t, await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] }));
    otherHost = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
    organiser = await createOrganiser(leader, 'Tynset frivilligsentral');
  });
  afterAll(async () => t?.close());

  it('invites interested prospects once (a follow-up task each), and audits it', async () => {
    const campaign = await createOpenCampaign(leader);
    const tip = await postTip(
      t,
      campaign.id,
      sampleTip({ person: { name: 'Ingrid Interessert', municipalityCode: '3427' } }),
    );
    expect(tip.statusCode, tip.body).toBe(201);
    const prospect = await t.deps.db
      .selectFrom('prospects')
      .select('id')
      .where('name', '=', 'Ingrid Interessert')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('prospects')
      .set({ interestedAt: t.clock.now().toISOString(), reachedAt: t.clock.now().toISOString() })
      .where('id', '=', prospect.id)
      .execute();
    const event = await createEvent(host, { organiserId: organiser.id });

    const candidates = (
      await host.request({ url: `/api/events/${event.id}/invitation-candidates` })
    ).json();
    expect(candidates.candidates).toContainEqual(
      expect.objectContaining({
        kind: 'prospect',
        id: prospect.id,
        hasEmail: false,
        invited: false,
      }),
    );
    const send = () =>
      host.request({
        method: 'POST',
        url: `/api/events/${event.id}/invitations`,
        payload: { prospectIds: [prospect.id] },
      });
    expect((await send()).json()).toEqual({ emailed: 0, tasks: 1, alreadyInvited: 0 });
    expect((await send()).json()).toEqual({ emailed: 0, tasks: 0, alreadyInvited: 1 });
    const tasks = await t.deps.db
      .selectFrom('followUpTasks')
      .select(['kind', 'notes'])
      .where('prospectId', '=', prospect.id)
      .where('kind', '=', 'invite_event')
      .execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.notes).toContain(`/arrangementer/${event.id}`);
    const after = (
      await host.request({ url: `/api/events/${event.id}/invitation-candidates` })
    ).json();
    expect(after.candidates.find((c: { id: string }) => c.id === prospect.id).invited).toBe(true);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'events.invitations_sent')
      .execute();
    expect(audit).toHaveLength(2);

    // Another municipality's host cannot reach the event; bad ids are named.
    const foreign = await otherHost.request({
      method: 'POST',
      url: `/api/events/${event.id}/invitations`,
      payload: { prospectIds: [prospect.id] },
    });
    expect(foreign.statusCode).toBe(404);
    const bad = await host.request({
      method: 'POST',
      url: `/api/events/${event.id}/invitations`,
      payload: { prospectIds: ['nope'], extra: 1 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('finds registrations by email for an access request, and erasure removes name and email', async () => {
    const event = await createEvent(leader, { organiserId: organiser.id });
    await registerApi(
      t,
      event.id,
      { name: 'Jon Innsyn', email: 'Jon.Innsyn@example.no', seats: 2 },
      'key-jon-00001',
    );
    const exported = await leader.request({
      method: 'POST',
      url: '/api/privacy/access-exports',
      payload: { lookup: { by: 'email', email: 'jon.innsyn@example.no' } },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const sections = exported.json().sections as Array<{
      id: string;
      records: Array<Record<string, unknown>>;
    }>;
    const section = sections.find((s) => s.id === 'event_registrations');
    expect(section?.records[0]).toMatchObject({
      name: 'Jon Innsyn',
      seats: 2,
      status: 'confirmed',
    });

    const erased = await leader.request({
      method: 'POST',
      url: '/api/privacy/erasures',
      payload: { lookup: { by: 'email', email: 'jon.innsyn@example.no' }, suppress: false },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json().counts.eventRegistrations).toBe(1);
    const row = await t.deps.db
      .selectFrom('eventRegistrations')
      .selectAll()
      .where('eventId', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: null, email: null, emailKey: null, seats: 2 });
    expect(await mailsTo(t, 'Jon.Innsyn@example.no')).toEqual([]);
  });

  it('anonymises registrations in the housekeeping purge three months after the event', async () => {
    const event = await createEvent(leader, {
      organiserId: organiser.id,
      startsAt: '2026-12-05T12:00',
      endsAt: '2026-12-05T14:00',
    });
    await registerApi(
      t,
      event.id,
      { name: 'Kåre Gammel', email: 'kare@example.no' },
      'key-kare-00001',
    );
    t.clock.set('2027-03-01T12:00:00.000Z');
    expect((await runRetentionPurge(t.deps.db, t.clock)).event_registrations).toBe(0);
    t.clock.set('2027-03-06T12:00:00.000Z');
    expect((await runRetentionPurge(t.deps.db, t.clock)).event_registrations).toBeGreaterThan(0);
    const row = await t.deps.db
      .selectFrom('eventRegistrations')
      .select(['name', 'email', 'anonymisedAt'])
      .where('eventId', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: null, email: null });
    expect(row.anonymisedAt).not.toBeNull();
    t.clock.set('2026-11-27T10:00:00.000Z');
  });
});
