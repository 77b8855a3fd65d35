import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { fromDbBool, toDbBool } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditActor } from '../referral/campaigns.service.js';
import { queueEventMail } from './events.mail.js';
import * as repo from './events.repo.js';
import { type Actor, findEventFor } from './events.service.js';
import {
  cancelTokenOf,
  hashToken,
  type Links,
  mailEventOf,
  promoteWaiting,
} from './registrations.service.js';

/** Cancelling, the staff's list and attendance, reminders, consent and anonymising. */

const localeOf = (value: string): Locale => (value === 'nn' || value === 'en' ? value : 'nb');

async function eventRow(db: Db, id: string) {
  return db
    .selectFrom('events')
    .innerJoin('eventOrganisers', 'eventOrganisers.id', 'events.organiserId')
    .selectAll('events')
    .select(['eventOrganisers.name as organiserName', 'eventOrganisers.kind as organiserKind'])
    .where('events.id', '=', id)
    .executeTakeFirst();
}

/** The registration and event a cancel link stands for, if it is still active. */
export async function findByCancelToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const registration = await repo.findRegistrationByToken(db, hashToken(token));
  if (!registration || registration.status === 'cancelled') return undefined;
  const event = await eventRow(db, registration.eventId);
  return event ? { registration, event } : undefined;
}

/**
 * Cancels through the personal link: frees the seats and gives them to the waiting list in
 * the same transaction. Idempotent: an unknown or used link changes nothing ('unknown').
 */
export async function cancelByToken(
  db: Db,
  clock: Clock,
  links: Links,
  token: string,
): Promise<'cancelled' | 'unknown'> {
  const found = await findByCancelToken(db, token);
  if (!found) return 'unknown';
  return db.transaction().execute(async (trx) => {
    await repo.lockEvent(trx, found.event.id);
    const current = await repo.findRegistrationById(trx, found.registration.id);
    if (!current || current.status === 'cancelled') return 'unknown';
    const now = clock.now();
    await repo.updateRegistration(trx, current.id, {
      status: 'cancelled',
      cancelledAt: now.toISOString(),
    });
    // Also after a waiting person leaves: the next one may be small enough to fit now.
    const promoted = await promoteWaiting(trx, clock, links, current.eventId);
    await recordAudit(trx, now, {
      action: 'events.registration_cancelled',
      actor: { userId: null, label: 'anonymous' },
      target: { type: 'event_registration', id: current.id },
      regionId: current.regionId,
      details: { eventId: current.eventId, seats: current.seats, promoted },
    });
    return 'cancelled';
  });
}

/** Tells everyone still registered that the event is cancelled (in the cancelling transaction). */
export async function tellCancelled(db: Db, clock: Clock, links: Links, event: repo.EventRow) {
  let told = 0;
  for (const r of await repo.listRegistrations(db, event.id)) {
    if (r.status === 'cancelled' || r.email === null || r.consentWithdrawnAt) continue;
    const locale = localeOf(r.locale);
    await queueEventMail(db, clock, {
      kind: 'eventCancelled',
      to: r.email,
      locale,
      event: mailEventOf(event, locale),
      publicUrl: links.publicUrl,
      registrationId: r.id,
      values: { name: r.name ?? '' },
    });
    told += 1;
  }
  return told;
}

/** Everyone registered for an event, for its organiser and staff. Reading is audited. */
export async function listRegistrationsFor(db: Db, clock: Clock, actor: Actor, eventId: string) {
  const event = await findEventFor(db, actor, eventId);
  const rows = await repo.listRegistrations(db, eventId);
  const counts = (await repo.seatCounts(db, [eventId])).get(eventId)!;
  const invited = (await repo.invitationCounts(db, [eventId])).get(eventId) ?? 0;
  await recordAudit(db, clock.now(), {
    action: 'events.registrations_read',
    ...auditActor(actor),
    target: { type: 'event', id: eventId },
    regionId: event.regionId,
    municipalityCode: event.municipalityCode,
    details: { returned: rows.length },
  });
  let position = 0;
  return {
    registrations: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      seats: r.seats,
      status: r.status as 'confirmed' | 'waiting' | 'cancelled',
      waitingPosition: r.status === 'waiting' ? ++position : null,
      wantsReminder: fromDbBool(r.wantsReminder) && r.consentWithdrawnAt === null,
      createdAt: r.createdAt,
      attended: r.attended === null ? null : fromDbBool(r.attended),
    })),
    counts: { ...counts, invited },
  };
}

/** Records (or clears) whether a registered person came. */
export async function setAttendance(
  db: Db,
  clock: Clock,
  actor: Actor,
  eventId: string,
  registrationId: string,
  attended: boolean | null,
) {
  await db.transaction().execute(async (trx) => {
    const event = await findEventFor(trx, actor, eventId);
    const registration = await repo.findRegistration(trx, eventId, registrationId);
    if (registration?.status !== 'confirmed') throw notFound('The registration');
    await repo.updateRegistration(trx, registrationId, {
      attended: attended === null ? null : toDbBool(attended),
      attendanceBy: actor.principal.userId,
    });
    await recordAudit(trx, clock.now(), {
      action: 'events.attendance_recorded',
      ...auditActor(actor),
      target: { type: 'event_registration', id: registrationId },
      regionId: event.regionId,
      municipalityCode: event.municipalityCode,
      details: { eventId, attended },
    });
  });
  return listRegistrationsFor(db, clock, actor, eventId);
}

/** The one-click withdrawal from a mail: no more reminders or other mails about it. */
export async function withdrawRegistrationConsent(db: Db, clock: Clock, id: string) {
  const now = clock.now().toISOString();
  await db
    .updateTable('eventRegistrations')
    .set({ consentWithdrawnAt: now, wantsReminder: 0 })
    .where('id', '=', id)
    .where('consentWithdrawnAt', 'is', null)
    .execute();
}

export const REMINDER_LEAD_MS = 24 * 60 * 60_000;

/**
 * Queues the reminders due now: confirmed registrations that asked for one, for events
 * starting within the next 24 hours. Each registration is marked before its mail is queued,
 * in one transaction, so a reminder goes once even when rounds overlap.
 */
export async function sendDueReminders(db: Db, clock: Clock, links: Links): Promise<number> {
  const now = clock.now();
  const due = await repo.dueReminders(
    db,
    now.toISOString(),
    new Date(now.getTime() + REMINDER_LEAD_MS).toISOString(),
    500,
  );
  let sent = 0;
  for (const { id } of due) {
    const queued = await db.transaction().execute(async (trx) => {
      if (!(await repo.claimReminder(trx, id, now.toISOString()))) return false;
      const r = (await repo.findRegistrationById(trx, id))!;
      const event = (await eventRow(trx, r.eventId))!;
      const locale = localeOf(r.locale);
      await queueEventMail(trx, clock, {
        kind: 'reminder',
        to: r.email!,
        locale,
        event: mailEventOf(event, locale),
        publicUrl: links.publicUrl,
        registrationId: r.id,
        cancelToken: cancelTokenOf(links.secret, r.id),
        values: { name: r.name ?? '' },
      });
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}

/** Months after an event its registrations keep name and email (privacy settings may change it). */
export const REGISTRATION_RETENTION_MONTHS = 3;

/** Nulls name and email of registrations of events that ended before the cutoff; counts stay. */
export async function anonymiseRegistrations(db: Db, clock: Clock, cutoff: Date) {
  let total = 0;
  for (;;) {
    const ids = await repo.registrationsToAnonymise(db, cutoff.toISOString(), 500);
    total += await repo.anonymiseRegistrations(db, ids, clock.now().toISOString());
    if (ids.length < 500) return total;
  }
}

export async function countRegistrationsToAnonymise(db: Db, cutoff: Date) {
  return (await repo.registrationsToAnonymise(db, cutoff.toISOString(), 1_000_000)).length;
}
