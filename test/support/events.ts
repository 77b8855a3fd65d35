import { expect } from 'vitest';
import type { TestApp } from './app.js';
import type { TestSession } from './auth.js';

/** An event body for POST /api/events, Oslo wall-clock times. */
export function sampleEvent(o: Record<string, unknown> = {}) {
  return {
    title: {
      nb: 'Tilflyttertreff på frivilligsentralen',
      nn: 'Tilflyttartreff på frivilligsentralen',
    },
    description: { nb: 'Kaffe, vafler og nye naboer.\n\nAlle er velkomne.' },
    place: 'Tynset frivilligsentral, Parkvegen 1',
    municipalityCode: '3427',
    startsAt: '2026-12-03T18:00',
    endsAt: '2026-12-03T20:00',
    capacity: 20,
    registrationOpen: true,
    status: 'published',
    ...o,
  };
}

export async function createOrganiser(s: TestSession, name: string, kind = 'volunteer_centre') {
  const res = await s.request({
    method: 'POST',
    url: '/api/event-organisers',
    payload: { name, kind },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}

export async function createEvent(s: TestSession, o: Record<string, unknown> = {}) {
  const res = await s.request({ method: 'POST', url: '/api/events', payload: sampleEvent(o) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; startsAt: string; endsAt: string };
}

/** Registers through the public JSON API, as a client with an idempotency key would. */
export function registerApi(
  t: TestApp,
  eventId: string,
  body: Record<string, unknown>,
  key?: string,
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/events/${eventId}/registrations`,
    headers: key ? { 'idempotency-key': key } : {},
    payload: {
      name: 'Kari Nordmann',
      email: 'kari@example.no',
      seats: 1,
      wantsReminder: true,
      ...body,
    },
  });
}

/** The registration form's hidden fields, from the event page's HTML. */
export function formTokens(html: string): { started: string; key: string } {
  const started = /name="started" value="([^"]+)"/.exec(html)?.[1];
  const key = /name="key" value="([^"]+)"/.exec(html)?.[1];
  if (!started || !key) throw new Error('no registration form on the page');
  return { started, key };
}

/** Fills and sends the public form the way a browser does (urlencoded), after a pause. */
export async function registerForm(
  t: TestApp,
  eventId: string,
  fields: Record<string, string>,
  options: { prefix?: string; tokens?: { started: string; key: string } } = {},
) {
  const prefix = options.prefix ?? '';
  let tokens = options.tokens;
  if (!tokens) {
    const page = await t.app.inject({ url: `${prefix}/arrangementer/${eventId}` });
    expect(page.statusCode).toBe(200);
    tokens = formTokens(page.body);
    t.clock.advance(5_000);
  }
  const payload = new URLSearchParams({ ...tokens, website: '', ...fields }).toString();
  return t.app.inject({
    method: 'POST',
    url: `${prefix}/arrangementer/${eventId}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload,
  });
}

/** Messages in the outbox to one address, oldest first. */
export async function mailsTo(t: TestApp, to: string) {
  return t.deps.db
    .selectFrom('outbox')
    .select(['subject', 'textBody', 'purpose', 'toAddress'])
    .where('toAddress', '=', to)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** The cancel link's token in a mail. */
export function cancelTokenIn(text: string): string {
  const token = /\/arrangementer\/avmelding\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no cancel link in: ${text}`);
  return token;
}

/** iCalendar lines, unfolded (RFC 5545 3.1). */
export function icsLines(body: string): string[] {
  return body.replace(/\r\n[ \t]/g, '').split(/\r\n/);
}
