import type { Db } from '../../db/database.js';
import { fromDbBool, fromDbJson } from '../../db/portable.js';
import type { Scope } from '../../plugins/access.js';
import * as repo from './events.repo.js';
import type { Texts } from './events.service.js';

/**
 * The events module's part of access and erasure requests: a person's registrations, found
 * by their email within the requester's regions.
 */
export async function findEventRegistrationData(db: Db, scope: Scope, keys: { email?: string }) {
  if (!keys.email) return [];
  const rows = await repo.registrationsByEmail(
    db,
    scope.regionIds,
    keys.email.trim().toLowerCase(),
  );
  return rows.map((r) => ({
    id: r.id,
    event: fromDbJson<Texts>(r.title, { nb: '' }).nb,
    startsAt: r.startsAt,
    name: r.name,
    email: r.email,
    seats: r.seats,
    status: r.status,
    wantsReminder: fromDbBool(r.wantsReminder),
    attended: r.attended === null ? null : fromDbBool(r.attended),
    createdAt: r.createdAt,
  }));
}

/** Removes name and email (seats stay counted); no more mails go to the registration. */
export async function eraseEventRegistrations(db: Db, ids: string[], at: Date): Promise<number> {
  if (!ids.length) return 0;
  await db
    .updateTable('eventRegistrations')
    .set({ consentWithdrawnAt: at.toISOString(), wantsReminder: 0 })
    .where('id', 'in', ids)
    .where('consentWithdrawnAt', 'is', null)
    .execute();
  return repo.anonymiseRegistrations(db, ids, at.toISOString());
}
