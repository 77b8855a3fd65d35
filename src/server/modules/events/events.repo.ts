import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { type Db, onPostgres } from '../../db/database.js';
import type { EventInvitationTable, EventRegistrationTable, EventTable } from '../../db/schema.js';

export type EventRow = Selectable<EventTable> & { organiserName: string; organiserKind: string };
export type RegistrationRow = Selectable<EventRegistrationTable>;

/**
 * What a staff user may see and change: regions × municipalities, and for an organiser only
 * their organisation's events ('all' means unrestricted on that axis).
 */
export interface EventScope {
  regionIds: 'all' | string[];
  municipalityCodes: 'all' | string[];
  organiserId: 'all' | string;
}

function eventsQuery(db: Db) {
  return db
    .selectFrom('events')
    .innerJoin('eventOrganisers', 'eventOrganisers.id', 'events.organiserId')
    .selectAll('events')
    .select(['eventOrganisers.name as organiserName', 'eventOrganisers.kind as organiserKind']);
}

type EventsQuery = ReturnType<typeof eventsQuery>;

function scoped(q: EventsQuery, scope: EventScope): EventsQuery {
  let out = q;
  if (scope.regionIds !== 'all') {
    out = scope.regionIds.length
      ? out.where('events.regionId', 'in', scope.regionIds)
      : out.where(sql<boolean>`1 = 0`);
  }
  if (scope.municipalityCodes !== 'all') {
    out = scope.municipalityCodes.length
      ? out.where('events.municipalityCode', 'in', scope.municipalityCodes)
      : out.where(sql<boolean>`1 = 0`);
  }
  if (scope.organiserId !== 'all') out = out.where('events.organiserId', '=', scope.organiserId);
  return out;
}

export async function findEvent(db: Db, scope: EventScope, id: string) {
  return scoped(eventsQuery(db), scope).where('events.id', '=', id).executeTakeFirst();
}

export async function listEvents(
  db: Db,
  scope: EventScope,
  filter: { from?: string; before?: string; municipalityCode?: string },
): Promise<EventRow[]> {
  let q = scoped(eventsQuery(db), scope);
  if (filter.from) q = q.where('events.endsAt', '>=', filter.from);
  if (filter.before) q = q.where('events.endsAt', '<', filter.before);
  if (filter.municipalityCode) q = q.where('events.municipalityCode', '=', filter.municipalityCode);
  const order = filter.before ? 'desc' : 'asc';
  return q.orderBy('events.startsAt', order).orderBy('events.id').limit(500).execute();
}

/** Published events of a region not yet over, soonest first: the public calendar. */
export async function listPublished(
  db: Db,
  input: { regionId: string; municipalityCodes: string[] | null; from: string; limit: number },
): Promise<EventRow[]> {
  let q = eventsQuery(db)
    .where('events.regionId', '=', input.regionId)
    .where('events.status', '=', 'published')
    .where('events.endsAt', '>=', input.from);
  if (input.municipalityCodes) {
    if (!input.municipalityCodes.length) return [];
    q = q.where('events.municipalityCode', 'in', input.municipalityCodes);
  }
  return q.orderBy('events.startsAt').orderBy('events.id').limit(input.limit).execute();
}

export async function findPublished(db: Db, regionId: string, id: string) {
  return eventsQuery(db)
    .where('events.regionId', '=', regionId)
    .where('events.status', '=', 'published')
    .where('events.id', '=', id)
    .executeTakeFirst();
}

export async function insertEvent(db: Db, row: Insertable<EventTable>) {
  await db.insertInto('events').values(row).execute();
}

/** The demo seeder's reset: a region's events (registrations and invitations go with them). */
export async function deleteEventsOfRegion(db: Db, regionId: string) {
  await db.deleteFrom('events').where('regionId', '=', regionId).execute();
}

export async function updateEvent(db: Db, id: string, changes: Updateable<EventTable>) {
  await db.updateTable('events').set(changes).where('id', '=', id).execute();
}

/**
 * Holds the event until the transaction ends, so seat counts cannot change under a
 * registration. PostgreSQL locks the row; SQLite runs one write transaction at a time.
 */
export async function lockEvent(db: Db, id: string): Promise<void> {
  if (!onPostgres(db)) return;
  await db.selectFrom('events').select('id').where('id', '=', id).forUpdate().execute();
}

export interface SeatCounts {
  confirmedSeats: number;
  waitingSeats: number;
  registrations: number;
  attended: number;
}

export async function seatCounts(db: Db, eventIds: string[]): Promise<Map<string, SeatCounts>> {
  const out = new Map<string, SeatCounts>();
  if (!eventIds.length) return out;
  const rows = await db
    .selectFrom('eventRegistrations')
    .select((eb) => [
      'eventId',
      'status',
      eb.fn.sum<number | string>('seats').as('seats'),
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(sql`case when attended = 1 then seats else 0 end`).as('came'),
    ])
    .where('eventId', 'in', eventIds)
    .groupBy(['eventId', 'status'])
    .execute();
  for (const id of eventIds) {
    out.set(id, { confirmedSeats: 0, waitingSeats: 0, registrations: 0, attended: 0 });
  }
  for (const r of rows) {
    const c = out.get(r.eventId)!;
    if (r.status === 'confirmed') c.confirmedSeats = Number(r.seats);
    if (r.status === 'waiting') c.waitingSeats = Number(r.seats);
    if (r.status !== 'cancelled') c.registrations += Number(r.n);
    c.attended += Number(r.came ?? 0);
  }
  return out;
}

export async function invitationCounts(db: Db, eventIds: string[]): Promise<Map<string, number>> {
  if (!eventIds.length) return new Map();
  const rows = await db
    .selectFrom('eventInvitations')
    .select((eb) => ['eventId', eb.fn.countAll<number | string>().as('n')])
    .where('eventId', 'in', eventIds)
    .groupBy('eventId')
    .execute();
  return new Map(rows.map((r) => [r.eventId, Number(r.n)]));
}

export async function insertRegistration(db: Db, row: Insertable<EventRegistrationTable>) {
  await db.insertInto('eventRegistrations').values(row).execute();
}

export async function findRegistrationByKey(db: Db, eventId: string, key: string) {
  return db
    .selectFrom('eventRegistrations')
    .selectAll()
    .where('eventId', '=', eventId)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

export async function findActiveByEmail(db: Db, eventId: string, emailKey: string) {
  return db
    .selectFrom('eventRegistrations')
    .selectAll()
    .where('eventId', '=', eventId)
    .where('emailKey', '=', emailKey)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
}

export async function findRegistrationByToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('eventRegistrations')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findRegistration(db: Db, eventId: string, id: string) {
  return db
    .selectFrom('eventRegistrations')
    .selectAll()
    .where('eventId', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findRegistrationById(db: Db, id: string) {
  return db.selectFrom('eventRegistrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRegistrations(db: Db, eventId: string): Promise<RegistrationRow[]> {
  return db
    .selectFrom('eventRegistrations')
    .selectAll()
    .where('eventId', '=', eventId)
    .orderBy('queueNo')
    .execute();
}

/** The next arrival number of an event; call it holding the event (lockEvent). */
export async function nextQueueNo(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('eventRegistrations')
    .select((eb) => eb.fn.max('queueNo').as('last'))
    .where('eventId', '=', eventId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** The waiting list in order: first come, first served. */
export async function waitingList(db: Db, eventId: string): Promise<RegistrationRow[]> {
  return db
    .selectFrom('eventRegistrations')
    .selectAll()
    .where('eventId', '=', eventId)
    .where('status', '=', 'waiting')
    .orderBy('queueNo')
    .execute();
}

export async function updateRegistration(
  db: Db,
  id: string,
  changes: Updateable<EventRegistrationTable>,
) {
  await db.updateTable('eventRegistrations').set(changes).where('id', '=', id).execute();
}

/** Confirmed registrations whose event starts within the window and who want a reminder. */
export async function dueReminders(db: Db, now: string, until: string, limit: number) {
  return db
    .selectFrom('eventRegistrations')
    .innerJoin('events', 'events.id', 'eventRegistrations.eventId')
    .select('eventRegistrations.id')
    .where('eventRegistrations.status', '=', 'confirmed')
    .where('eventRegistrations.wantsReminder', '=', 1)
    .where('eventRegistrations.remindedAt', 'is', null)
    .where('eventRegistrations.consentWithdrawnAt', 'is', null)
    .where('eventRegistrations.email', 'is not', null)
    .where('events.status', '=', 'published')
    .where('events.cancelledAt', 'is', null)
    .where('events.startsAt', '>', now)
    .where('events.startsAt', '<=', until)
    .limit(limit)
    .execute();
}

/** Marks the reminder sent; false when another round already did (so it goes once). */
export async function claimReminder(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('eventRegistrations')
    .set({ remindedAt: now })
    .where('id', '=', id)
    .where('remindedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertInvitation(db: Db, row: Insertable<EventInvitationTable>) {
  const result = await db
    .insertInto('eventInvitations')
    .values(row)
    .onConflict((oc) => oc.columns(['eventId', 'emailHash']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function invitedHashes(db: Db, eventId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('eventInvitations')
    .select('emailHash')
    .where('eventId', '=', eventId)
    .execute();
  return new Set(rows.map((r) => r.emailHash));
}

/** Registrations of events that ended before the cutoff and still hold a name or email. */
export async function registrationsToAnonymise(db: Db, cutoff: string, limit: number) {
  const rows = await db
    .selectFrom('eventRegistrations')
    .innerJoin('events', 'events.id', 'eventRegistrations.eventId')
    .select('eventRegistrations.id')
    .where('events.endsAt', '<', cutoff)
    .where('eventRegistrations.anonymisedAt', 'is', null)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function anonymiseRegistrations(db: Db, ids: string[], now: string) {
  if (!ids.length) return 0;
  const result = await db
    .updateTable('eventRegistrations')
    .set({ name: null, email: null, emailKey: null, anonymisedAt: now })
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A person's registrations, by email, within regions (access export and erasure). */
export async function registrationsByEmail(db: Db, regionIds: 'all' | string[], emailKey: string) {
  let q = db
    .selectFrom('eventRegistrations')
    .innerJoin('events', 'events.id', 'eventRegistrations.eventId')
    .select([
      'eventRegistrations.id',
      'eventRegistrations.name',
      'eventRegistrations.email',
      'eventRegistrations.seats',
      'eventRegistrations.status',
      'eventRegistrations.wantsReminder',
      'eventRegistrations.createdAt',
      'eventRegistrations.attended',
      'events.title',
      'events.startsAt',
    ])
    .where('eventRegistrations.emailKey', '=', emailKey);
  if (regionIds !== 'all') {
    if (!regionIds.length) return [];
    q = q.where('eventRegistrations.regionId', 'in', regionIds);
  }
  return q.orderBy('eventRegistrations.createdAt').execute();
}
