import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import {
  createEvent,
  createOrganiser,
  icsLines,
  sampleEvent,
} from '../../../../test/support/events.js';
import { listUpcomingEvents } from './events.service.js';

describe.each(testDialects)('events in the office and on the site on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let host: TestSession;
  let otherHost: TestSession;
  let organiserA: TestSession;
  let organiserB: TestSession;
  let orgA: { id: string };
  let orgB: { id: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host = await signIn(t, await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] }));
    otherHost = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
    const userA = await createTestUser(t, { role: 'organiser', name: 'Frida Frivillig' });
    const userB = await createTestUser(t, { role: 'organiser' });
    orgA = await createOrganiser(leader, 'Tynset frivilligsentral');
    orgB = await createOrganiser(leader, 'Alvdal kommune', 'municipality');
    for (const [org, user] of [
      [orgA, userA],
      [orgB, userB],
    ] as const) {
      const res = await leader.request({
        method: 'POST',
        url: `/api/event-organisers/${org.id}/members`,
        payload: { userId: user.id },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    organiserA = await signIn(t, userA);
    organiserB = await signIn(t, userB);
  });
  afterAll(async () => t?.close());

  it('stores Norwegian wall-clock times as UTC, in winter and in summer time', async () => {
    const winter = await createEvent(leader, { organiserId: orgA.id });
    expect(winter.startsAt).toBe('2026-12-03T17:00:00.000Z');
    const summer = await createEvent(leader, {
      organiserId: orgA.id,
      startsAt: '2027-06-10T18:00',
      endsAt: '2027-06-10T21:30',
    });
    expect(summer.startsAt).toBe('2027-06-10T16:00:00.000Z');
    const read = (await leader.request({ url: `/api/events/${summer.id}` })).json();
    expect(read).toMatchObject({
      startsAtOslo: '2027-06-10T18:00',
      endsAtOslo: '2027-06-10T21:30',
    });
  });

  it('refuses bad input with every bad field named, never a 500', async () => {
    const res = await leader.request({
      method: 'POST',
      url: '/api/events',
      payload: sampleEvent({
        title: { nb: '' },
        startsAt: '3. desember',
        capacity: 0,
        municipalityCode: '0301',
        organiserId: orgA.id,
      }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['title.nb', 'startsAt', 'capacity']));
    const order = await leader.request({
      method: 'POST',
      url: '/api/events',
      payload: sampleEvent({
        organiserId: orgA.id,
        municipalityCode: '0301',
        endsAt: '2026-12-03T17:00',
      }),
    });
    expect(order.statusCode).toBe(400);
    expect(
      order
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['endsAt', 'municipalityCode']);
    const feb = await leader.request({
      method: 'POST',
      url: '/api/events',
      payload: sampleEvent({ organiserId: orgA.id, startsAt: '2027-02-31T18:00' }),
    });
    expect(feb.statusCode).toBe(400);
  });

  it('limits organisers to their own organisation’s events; others answer 404', async () => {
    const own = await createEvent(organiserA, { title: { nb: 'Strikkekafé' } });
    const read = (await organiserA.request({ url: `/api/events/${own.id}` })).json();
    expect(read.organiser).toMatchObject({ id: orgA.id, name: 'Tynset frivilligsentral' });

    const foreign = await organiserA.request({
      method: 'POST',
      url: '/api/events',
      payload: sampleEvent({ organiserId: orgB.id }),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'organiserId' }),
    );

    expect((await organiserB.request({ url: `/api/events/${own.id}` })).statusCode).toBe(404);
    const patch = await organiserB.request({
      method: 'PATCH',
      url: `/api/events/${own.id}`,
      payload: { place: 'Et annet sted' },
    });
    expect(patch.statusCode).toBe(404);
    expect(
      (await organiserB.request({ url: `/api/events/${own.id}/registrations` })).statusCode,
    ).toBe(404);
    const listB = (await organiserB.request({ url: '/api/events?when=all' })).json().events;
    expect(listB.map((e: { id: string }) => e.id)).not.toContain(own.id);
    const orgs = (await organiserB.request({ url: '/api/event-organisers' })).json().organisers;
    expect(orgs.map((o: { id: string }) => o.id)).toEqual([orgB.id]);
    // An organiser cannot invite people from the hosts' lists, nor manage organisers.
    expect(
      (await organiserA.request({ url: `/api/events/${own.id}/invitation-candidates` })).statusCode,
    ).toBe(403);
    const members = await organiserA.request({
      method: 'POST',
      url: `/api/event-organisers/${orgA.id}/members`,
      payload: { userId: orgA.id },
    });
    expect(members.statusCode).toBe(403);
  });

  it('lets hosts run events in their municipalities only', async () => {
    const hostEvent = await createEvent(host, { organiserId: orgB.id, title: { nb: 'Turlag' } });
    expect((await otherHost.request({ url: `/api/events/${hostEvent.id}` })).statusCode).toBe(404);
    const elsewhere = await host.request({
      method: 'POST',
      url: '/api/events',
      payload: sampleEvent({ organiserId: orgB.id, municipalityCode: '3428' }),
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'municipalityCode' }),
    );
    const moved = await host.request({
      method: 'PATCH',
      url: `/api/events/${hostEvent.id}`,
      payload: { municipalityCode: '3428' },
    });
    expect(moved.statusCode).toBe(400);
  });

  it('shows published events on the calendar with a filter, JSON-LD and iCalendar', async () => {
    const shown = await createEvent(leader, {
      organiserId: orgA.id,
      title: { nb: 'Vaffelkveld for nye innbyggere', en: 'Waffle evening for newcomers' },
      startsAt: '2026-12-10T18:30',
      endsAt: '2026-12-10T20:00',
    });
    const draft = await createEvent(leader, {
      organiserId: orgA.id,
      status: 'draft',
      title: { nb: 'Hemmelig utkast' },
    });
    const alvdal = await createEvent(leader, {
      organiserId: orgB.id,
      municipalityCode: '3428',
      title: { nb: 'Skitur i Alvdal' },
    });

    const page = await t.app.inject({ url: '/arrangementer' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vaffelkveld for nye innbyggere');
    expect(page.body).toContain('Skitur i Alvdal');
    expect(page.body).not.toContain('Hemmelig utkast');
    expect(page.body).not.toContain('<script src');

    const slug3428 = (await t.app.inject({ url: '/api/public/regions/demo' })).json();
    const alvdalSlug = slug3428.municipalities?.find(
      (m: { code: string }) => m.code === '3428',
    )?.slug;
    if (alvdalSlug) {
      const filtered = await t.app.inject({ url: `/arrangementer?kommune=${alvdalSlug}` });
      expect(filtered.body).toContain('Skitur i Alvdal');
      expect(filtered.body).not.toContain('Vaffelkveld for nye innbyggere');
    }

    const event = await t.app.inject({ url: `/en/arrangementer/${shown.id}` });
    expect(event.statusCode).toBe(200);
    expect(event.body).toContain('Waffle evening for newcomers');
    // The description exists only in bokmål: shown with a note, marked as Norwegian.
    expect(event.body).toContain('only available in Norwegian');
    const ld = /<script type="application\/ld\+json">([^<]+)<\/script>/.exec(event.body)?.[1];
    expect(ld).toBeDefined();
    expect(JSON.parse(ld!)).toMatchObject({
      '@type': 'Event',
      name: 'Waffle evening for newcomers',
      startDate: '2026-12-10T18:30:00+01:00',
      endDate: '2026-12-10T20:00:00+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', name: 'Tynset frivilligsentral, Parkvegen 1' },
      organizer: { name: 'Tynset frivilligsentral' },
    });
    expect((await t.app.inject({ url: `/arrangementer/${draft.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/arrangementer/not-an-id' })).statusCode).toBe(404);

    const feed = await t.app.inject({ url: '/arrangementer/kalender.ics' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const lines = icsLines(feed.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    const uid = lines.indexOf(`UID:${shown.id}@flytthit`);
    expect(uid).toBeGreaterThan(0);
    const block = lines.slice(
      lines.lastIndexOf('BEGIN:VEVENT', uid),
      lines.indexOf('END:VEVENT', uid),
    );
    expect(block).toContain('DTSTART:20261210T173000Z');
    expect(block).toContain('DTEND:20261210T190000Z');
    expect(block).toContain('SUMMARY:Vaffelkveld for nye innbyggere');
    expect(feed.body).not.toContain('Hemmelig utkast');
    const one = await t.app.inject({ url: `/arrangementer/${alvdal.id}/kalender.ics` });
    expect(icsLines(one.body).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('lists the next events for the start page and site', async () => {
    const upcoming = await listUpcomingEvents(t.deps.db, {
      regionId: t.demoRegionId,
      municipalityCodes: ['3428'],
      from: t.clock.now(),
      limit: 3,
    });
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming.every((e) => e.municipalityCode === '3428')).toBe(true);
    expect(upcoming[0]).toMatchObject({
      title: { nb: 'Skitur i Alvdal' },
      cancelled: false,
      seatsLeft: 20,
    });
    const front = await t.app.inject({ url: '/' });
    expect(front.body).toContain('Kommende arrangementer');
    expect(front.body.match(/href="\/arrangementer\/[0-9a-f-]{36}"/g)).toHaveLength(3);
    const municipality = await t.app.inject({ url: '/kommune/alvdal' });
    expect(municipality.body).toContain('Arrangementer i Alvdal');
    expect(municipality.body).toContain('Skitur i Alvdal');
    expect(municipality.body).not.toContain('Strikkekafé');
  });
});
