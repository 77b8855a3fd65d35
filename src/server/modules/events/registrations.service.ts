import { createHash, createHmac } from 'node:crypto';
import type { RegistrationInput, RegistrationStatus } from '../../../contracts/events.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { fromDbBool, fromDbJson, fromDbTime, newId, toDbBool } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { type MailEvent, queueEventMail } from './events.mail.js';
import * as repo from './events.repo.js';
import type { Texts } from './events.service.js';

/**
 * Registration with capacity and a waiting list. Every change of seats runs in one
 * transaction holding the event (a row lock on PostgreSQL; SQLite writes one at a time), so
 * two people taking the last seat at once get exactly one seat between them.
 */

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where links in mails point, and the secret the personal cancel links are made with. */
export interface Links {
  publicUrl: string;
  secret: string;
}

/**
 * The personal cancel link's token: an HMAC of the registration with the server secret, so
 * it cannot be guessed and every mail (confirmation, promotion, reminder) can carry it. Only
 * its sha256 is stored, to find the registration.
 */
export const cancelTokenOf = (secret: string, registrationId: string) =>
  createHmac('sha256', secret).update(`event-cancel:${registrationId}`).digest('base64url');

export function mailEventOf(row: repo.EventRow, locale: Locale): MailEvent {
  const title = fromDbJson<Texts>(row.title, { nb: '' });
  return {
    id: row.id,
    regionId: row.regionId,
    title: title[locale] ?? title.nb,
    place: row.place,
    organiserName: row.organiserName,
    startsAt: fromDbTime(row.startsAt),
    endsAt: fromDbTime(row.endsAt),
  };
}

const localeOf = (value: string): Locale => (value === 'nn' || value === 'en' ? value : 'nb');

/** Mails about a registration go only while its consent stands and it still has an address. */
const mayMail = (r: repo.RegistrationRow) => r.email !== null && r.consentWithdrawnAt === null;

export type RegistrationOutcome = {
  id: string;
  status: RegistrationStatus;
  seats: number;
  /** 1-based place in the waiting list. */
  position: number | null;
  /** A double submit or the same email again: nothing new was stored or sent. */
  existing: boolean;
};

async function positionOf(db: Db, eventId: string, id: string): Promise<number | null> {
  const list = await repo.waitingList(db, eventId);
  const i = list.findIndex((r) => r.id === id);
  return i < 0 ? null : i + 1;
}

async function outcomeOf(db: Db, r: repo.RegistrationRow, existing: boolean) {
  return {
    id: r.id,
    status: r.status as RegistrationStatus,
    seats: r.seats,
    position: r.status === 'waiting' ? await positionOf(db, r.eventId, r.id) : null,
    existing,
  };
}

export interface RegisterContext {
  db: Db;
  clock: Clock;
  links: Links;
  regionId: string;
}

/**
 * A person registers for a published event. A seat when one is free and nobody waits before
 * them; otherwise the waiting list. The same idempotency key or email again returns what is
 * there, without a second email.
 */
export async function register(
  ctx: RegisterContext,
  eventId: string,
  input: RegistrationInput,
  options: { key: string; locale: Locale },
): Promise<RegistrationOutcome> {
  const { clock, links } = ctx;
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockEvent(trx, eventId);
    const event = await repo.findPublished(trx, ctx.regionId, eventId);
    if (!event) throw notFound('The event');
    const now = clock.now();
    if (event.cancelledAt) throw new AppError('gone', 'The event is cancelled.');
    if (!fromDbBool(event.registrationOpen) || fromDbTime(event.startsAt) <= now) {
      throw new AppError('gone', 'Registration is closed.');
    }
    const same = await repo.findRegistrationByKey(trx, eventId, options.key);
    if (same) return outcomeOf(trx, same, true);
    const emailKey = input.email.toLowerCase();
    const already = await repo.findActiveByEmail(trx, eventId, emailKey);
    if (already) return outcomeOf(trx, already, true);

    const counts = (await repo.seatCounts(trx, [eventId])).get(eventId)!;
    const fits = event.capacity === null || counts.confirmedSeats + input.seats <= event.capacity;
    const status: RegistrationStatus = fits && counts.waitingSeats === 0 ? 'confirmed' : 'waiting';
    const id = newId();
    const token = cancelTokenOf(links.secret, id);
    await repo.insertRegistration(trx, {
      id,
      eventId,
      regionId: event.regionId,
      name: input.name,
      email: input.email,
      emailKey,
      seats: input.seats,
      queueNo: await repo.nextQueueNo(trx, eventId),
      status,
      wantsReminder: toDbBool(input.wantsReminder),
      tokenHash: hashToken(token),
      idempotencyKey: options.key,
      locale: options.locale,
      createdAt: now.toISOString(),
      confirmedAt: status === 'confirmed' ? now.toISOString() : null,
      cancelledAt: null,
      remindedAt: null,
      consentWithdrawnAt: null,
      attended: null,
      attendanceBy: null,
      anonymisedAt: null,
    });
    const position = status === 'waiting' ? await positionOf(trx, eventId, id) : null;
    await queueEventMail(trx, clock, {
      kind: status === 'confirmed' ? 'confirmed' : 'waiting',
      to: input.email,
      locale: options.locale,
      event: mailEventOf(event, options.locale),
      publicUrl: links.publicUrl,
      registrationId: id,
      cancelToken: token,
      values: { name: input.name, seats: input.seats, position: position ?? 0 },
    });
    await recordAudit(trx, now, {
      action: 'events.registered',
      actor: { userId: null, label: 'anonymous' },
      target: { type: 'event_registration', id },
      regionId: event.regionId,
      municipalityCode: event.municipalityCode,
      details: { eventId, status, seats: input.seats },
    });
    return { id, status, seats: input.seats, position, existing: false };
  });
}

/**
 * Gives free seats to the waiting list, first come first served: the next in line gets a
 * seat when their whole party fits, and is told. Stops at the first who does not fit, so
 * nobody is passed over. Runs in the caller's transaction, which holds the event.
 */
export async function promoteWaiting(
  db: Db,
  clock: Clock,
  links: Links,
  eventId: string,
): Promise<number> {
  const event = await db
    .selectFrom('events')
    .innerJoin('eventOrganisers', 'eventOrganisers.id', 'events.organiserId')
    .selectAll('events')
    .select(['eventOrganisers.name as organiserName', 'eventOrganisers.kind as organiserKind'])
    .where('events.id', '=', eventId)
    .executeTakeFirstOrThrow();
  if (event.cancelledAt) return 0;
  let taken = (await repo.seatCounts(db, [eventId])).get(eventId)!.confirmedSeats;
  let promoted = 0;
  const now = clock.now();
  for (const next of await repo.waitingList(db, eventId)) {
    if (event.capacity !== null && taken + next.seats > event.capacity) break;
    await repo.updateRegistration(db, next.id, {
      status: 'confirmed',
      confirmedAt: now.toISOString(),
    });
    taken += next.seats;
    promoted += 1;
    if (mayMail(next)) {
      const locale = localeOf(next.locale);
      await queueEventMail(db, clock, {
        kind: 'promoted',
        to: next.email!,
        locale,
        event: mailEventOf(event, locale),
        publicUrl: links.publicUrl,
        registrationId: next.id,
        cancelToken: cancelTokenOf(links.secret, next.id),
        values: { name: next.name ?? '', seats: next.seats },
      });
    }
    await recordAudit(db, now, {
      action: 'events.promoted',
      actor: { userId: null, label: 'system' },
      target: { type: 'event_registration', id: next.id },
      regionId: event.regionId,
      details: { eventId, seats: next.seats },
    });
  }
  return promoted;
}
