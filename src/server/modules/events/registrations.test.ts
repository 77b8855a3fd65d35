import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import {
  cancelTokenIn,
  createEvent,
  createOrganiser,
  formTokens,
  mailsTo,
  registerApi,
  registerForm,
} from '../../../../test/support/events.js';
import { withdrawConsent } from '../notifications/consent.js';
import { anonymiseRegistrations, sendDueReminders } from './attendees.service.js';

describe.each(testDialects)('registration, waiting list and reminders on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let organiser: { id: string };
  const links = () => ({ publicUrl: t.deps.config.publicUrl, secret: t.deps.config.sessionSecret });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    organiser = await createOrganiser(leader, 'Tynset frivilligsentral');
  });
  afterAll(async () => t?.close());

  const newEvent = (o: Record<string, unknown> = {}) =>
    createEvent(leader, { organiserId: organiser.id, ...o });

  it('registers through the form, mails a confirmation with a cancel link, and is safe to resend', async () => {
    const event = await newEvent({ capacity: 10 });
    const page = await t.app.inject({ url: `/arrangementer/${event.id}` });
    const tokens = formTokens(page.body);
    t.clock.advance(5_000);
    const fields = {
      name: 'Ola Nordmann',
      email: 'ola@example.no',
      seats: '3',
      wantsReminder: 'yes',
    };
    const first = await registerForm(t, event.id, fields, { tokens });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.body).toContain('Du er påmeldt');
    // The same form sent again (a double click, a reload): still one registration, one mail.
    const again = await registerForm(t, event.id, fields, { tokens });
    expect(again.body).toContain('Du er påmeldt');
    const otherForm = await registerForm(t, event.id, { ...fields, seats: '1' });
    expect(otherForm.body).toContain('Du er allerede påmeldt');
    const mails = await mailsTo(t, 'ola@example.no');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Du er påmeldt');
    expect(mails[0]!.textBody).toContain('3 plass(er)');
    expect(mails[0]!.textBody).toContain('torsdag 3. desember 2026 kl. 18:00–20:00');
    const token = cancelTokenIn(mails[0]!.textBody);
    const stored = await t.deps.db
      .selectFrom('eventRegistrations')
      .selectAll()
      .where('eventId', '=', event.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    const list = (await leader.request({ url: `/api/events/${event.id}/registrations` })).json();
    expect(list.counts).toMatchObject({ confirmedSeats: 3, waitingSeats: 0, registrations: 1 });
  });

  it('answers bad form input with an error summary naming each field, and stores nothing', async () => {
    const event = await newEvent();
    const res = await registerForm(t, event.id, { name: ' ', email: 'ikke-epost', seats: '11' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Dette må rettes før du kan melde deg på');
    expect(res.body).toContain('Navn må fylles ut.');
    expect(res.body).toContain('E-post må være en e-postadresse');
    expect(res.body).toContain('Antall plasser må være et helt tall fra 1 til 10.');
    expect(res.body).toContain('href="#reg-name"');
    expect(res.body).toContain('value="ikke-epost"');
    const tooFast = await t.app.inject({ url: `/arrangementer/${event.id}` });
    const quick = await registerForm(
      t,
      event.id,
      { name: 'Rask', email: 'rask@example.no', seats: '1' },
      { tokens: formTokens(tooFast.body) },
    );
    expect(quick.statusCode).toBe(400);
    const forged = await registerForm(
      t,
      event.id,
      { name: 'Falsk', email: 'f@example.no', seats: '1' },
      {
        tokens: { started: '1000.AAAAAAAAAAAAAAAAAAAAAA', key: 'forged-key-1' },
      },
    );
    expect(forged.statusCode).toBe(400);
    const api = await registerApi(t, event.id, { seats: 0, email: 'x', name: '' });
    expect(api.statusCode).toBe(400);
    expect(
      api
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['email', 'name', 'seats']);
    const rows = await t.deps.db
      .selectFrom('eventRegistrations')
      .select('id')
      .where('eventId', '=', event.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('puts people on the waiting list when full; a cancel gives the seat to the next, who is told', async () => {
    const event = await newEvent({ capacity: 2 });
    const a = await registerApi(
      t,
      event.id,
      { name: 'Anne', email: 'anne@example.no', seats: 2 },
      'key-anne-0001',
    );
    expect(a.json()).toMatchObject({ status: 'confirmed', seats: 2 });
    const b = await registerApi(
      t,
      event.id,
      { name: 'Bjørn', email: 'bjorn@example.no', seats: 1 },
      'key-bjorn-0001',
    );
    expect(b.json()).toMatchObject({ status: 'waiting', position: 1 });
    const c = await registerApi(
      t,
      event.id,
      { name: 'Cecilie', email: 'cecilie@example.no', seats: 1 },
      'key-cec-0001',
    );
    expect(c.json()).toMatchObject({ status: 'waiting', position: 2 });
    expect((await mailsTo(t, 'bjorn@example.no'))[0]!.subject).toContain('venteliste');
    const page = await t.app.inject({ url: `/arrangementer/${event.id}` });
    expect(page.body).toContain('Sett meg på venteliste');

    const token = cancelTokenIn((await mailsTo(t, 'anne@example.no'))[0]!.textBody);
    const confirm = await t.app.inject({ url: `/arrangementer/avmelding/${token}` });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Meld meg av');
    // Opening the link (as a mail scanner does) changes nothing.
    expect(
      (await leader.request({ url: `/api/events/${event.id}/registrations` })).json().counts
        .confirmedSeats,
    ).toBe(2);
    const cancel = await t.app.inject({ method: 'POST', url: `/arrangementer/avmelding/${token}` });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.body).toContain('Du er meldt av');
    const twice = await t.app.inject({ method: 'POST', url: `/arrangementer/avmelding/${token}` });
    expect(twice.statusCode).toBe(404);

    const list = (await leader.request({ url: `/api/events/${event.id}/registrations` })).json();
    expect(list.counts).toMatchObject({ confirmedSeats: 2, waitingSeats: 0 });
    const byName = Object.fromEntries(
      list.registrations.map((r: { name: string; status: string }) => [r.name, r.status]),
    );
    expect(byName).toEqual({ Anne: 'cancelled', Bjørn: 'confirmed', Cecilie: 'confirmed' });
    const told = await mailsTo(t, 'bjorn@example.no');
    expect(told.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining('Du har fått plass'),
      expect.stringContaining('Du står på venteliste'),
    ]);
    // The promotion mail has a working cancel link of its own.
    const promoted = told.find((m) => m.subject.includes('fått plass'))!;
    expect(cancelTokenIn(promoted.textBody)).toBeTruthy();
    expect(
      (await t.app.inject({ url: '/arrangementer/avmelding/ukjent-lenke-som-ikke-finnes-123' }))
        .statusCode,
    ).toBe(404);
  });

  it('gives a larger capacity to the waiting list and tells everyone when an event is cancelled', async () => {
    const event = await newEvent({ capacity: 1 });
    await registerApi(t, event.id, { name: 'Dag', email: 'dag@example.no' }, 'key-dag-0001');
    await registerApi(t, event.id, { name: 'Eva', email: 'eva@example.no' }, 'key-eva-0001');
    const more = await leader.request({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      payload: { capacity: 2 },
    });
    expect(more.json().counts).toMatchObject({ confirmedSeats: 2, waitingSeats: 0 });
    expect((await mailsTo(t, 'eva@example.no')).map((m) => m.subject)).toContainEqual(
      expect.stringContaining('Du har fått plass'),
    );
    const cancelled = await leader.request({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      payload: { cancelled: true },
    });
    expect(cancelled.json().cancelledAt).not.toBeNull();
    expect((await mailsTo(t, 'dag@example.no')).map((m) => m.subject)).toContainEqual(
      expect.stringContaining('Avlyst'),
    );
    const page = await t.app.inject({ url: `/arrangementer/${event.id}` });
    expect(page.body).toContain('Dette arrangementet er avlyst.');
    expect(page.body).toContain('EventCancelled');
    expect((await registerApi(t, event.id, { email: 'sen@example.no' })).statusCode).toBe(410);
  });

  it('sends each reminder once, about 24 hours before, only to those who asked', async () => {
    const event = await newEvent({ startsAt: '2026-12-20T18:00', endsAt: '2026-12-20T20:00' });
    await registerApi(
      t,
      event.id,
      { name: 'Frode', email: 'frode@example.no', wantsReminder: true },
      'key-frode-0001',
    );
    await registerApi(
      t,
      event.id,
      { name: 'Gro', email: 'gro@example.no', wantsReminder: false },
      'key-gro-0001',
    );
    await registerApi(
      t,
      event.id,
      { name: 'Hege', email: 'hege@example.no', wantsReminder: true },
      'key-hege-0001',
    );
    // Hege uses the one-click link in her confirmation: no more mails about it.
    const hegeId = (
      await t.deps.db
        .selectFrom('eventRegistrations')
        .select('id')
        .where('emailKey', '=', 'hege@example.no')
        .executeTakeFirstOrThrow()
    ).id;
    const { consentToken } = await import('../notifications/consent.js');
    expect(
      await withdrawConsent(
        t.deps.db,
        t.clock,
        t.deps.config.sessionSecret,
        consentToken(t.deps.config.sessionSecret, `event-registration:${hegeId}`),
      ),
    ).toBe('withdrawn');

    t.clock.set('2026-12-19T12:00:00.000Z'); // 29 hours before
    expect(await sendDueReminders(t.deps.db, t.clock, links())).toBe(0);
    t.clock.set('2026-12-19T18:00:00.000Z'); // 23 hours before
    const [first, second] = await Promise.all([
      sendDueReminders(t.deps.db, t.clock, links()),
      sendDueReminders(t.deps.db, t.clock, links()),
    ]);
    expect(first! + second!).toBe(1);
    expect(await sendDueReminders(t.deps.db, t.clock, links())).toBe(0);
    const frode = await mailsTo(t, 'frode@example.no');
    expect(frode.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining('Du er påmeldt'),
      expect.stringContaining('Påminnelse'),
    ]);
    expect(
      cancelTokenIn(frode.find((m) => m.subject.includes('Påminnelse'))!.textBody),
    ).toBeTruthy();
    expect(await mailsTo(t, 'gro@example.no')).toHaveLength(1);
    expect(await mailsTo(t, 'hege@example.no')).toHaveLength(1);
    const outbox = await t.deps.db
      .selectFrom('outbox')
      .select(['consentRef'])
      .where('toAddress', '=', 'frode@example.no')
      .execute();
    expect(outbox.every((m) => m.consentRef?.startsWith('event-registration:'))).toBe(true);
    t.clock.set('2026-11-27T10:00:00.000Z');
  });

  it('records attendance and anonymises registrations three months after the event', async () => {
    const event = await newEvent({ startsAt: '2026-12-01T18:00', endsAt: '2026-12-01T20:00' });
    const ivar = await registerApi(
      t,
      event.id,
      { name: 'Ivar', email: 'ivar@example.no', seats: 2 },
      'key-ivar-0001',
    );
    expect(ivar.statusCode, ivar.body).toBe(201);
    const list = (await leader.request({ url: `/api/events/${event.id}/registrations` })).json();
    const id = list.registrations[0].id;
    const res = await leader.request({
      method: 'PUT',
      url: `/api/events/${event.id}/registrations/${id}/attendance`,
      payload: { attended: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts.attended).toBe(2);
    expect(res.json().registrations[0].attended).toBe(true);
    const bad = await leader.request({
      method: 'PUT',
      url: `/api/events/${event.id}/registrations/${id}/attendance`,
      payload: { attended: 'ja' },
    });
    expect(bad.statusCode).toBe(400);

    t.clock.set('2027-02-15T12:00:00.000Z');
    expect(
      await anonymiseRegistrations(t.deps.db, t.clock, new Date('2026-11-15T12:00:00.000Z')),
    ).toBe(0);
    const done = await anonymiseRegistrations(
      t.deps.db,
      t.clock,
      new Date('2026-12-02T00:00:00.000Z'),
    );
    expect(done).toBeGreaterThan(0);
    // Read from the table: the leader's session has long expired by then.
    const after = await t.deps.db
      .selectFrom('eventRegistrations')
      .selectAll()
      .where('eventId', '=', event.id)
      .execute();
    expect(after[0]).toMatchObject({
      name: null,
      email: null,
      emailKey: null,
      seats: 2,
      attended: 1,
    });
    t.clock.set('2026-11-27T10:00:00.000Z');
  });
});
