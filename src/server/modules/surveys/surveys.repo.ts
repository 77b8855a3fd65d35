import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SurveyInvitationTable, SurveyResponseTable } from '../../db/schema.js';

/** All SQL of the survey engine: invitations (personal), responses (anonymous), settings. */

export async function insertInvitationOnce(db: Db, row: SurveyInvitationTable) {
  await db
    .insertInto('surveyInvitations')
    .values(row)
    .onConflict((oc) => oc.columns(['subjectRef', 'surveyKey', 'wave']).doNothing())
    .execute();
  const found = await db
    .selectFrom('surveyInvitations')
    .select('id')
    .where('subjectRef', '=', row.subjectRef)
    .where('surveyKey', '=', row.surveyKey)
    .where('wave', '=', row.wave)
    .executeTakeFirstOrThrow();
  return found.id;
}

/** Invitations not yet answered, cancelled or expired stop at once (a sent link dies too). */
export async function cancelOpenInvitations(db: Db, subjectRef: string, now: string) {
  const result = await db
    .updateTable('surveyInvitations')
    .set({ cancelledAt: now })
    .where('subjectRef', '=', subjectRef)
    .where('answeredAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Moves one wave's invitation that has not gone out yet to a new send time, or cancels it
 * (`sendAt` null). One already sent, answered or cancelled is left as it is.
 */
export async function reschedulePending(
  db: Db,
  key: { subjectRef: string; surveyKey: string; wave: string },
  change: { sendAt: string } | { cancelledAt: string },
) {
  const result = await db
    .updateTable('surveyInvitations')
    .set(change)
    .where('subjectRef', '=', key.subjectRef)
    .where('surveyKey', '=', key.surveyKey)
    .where('wave', '=', key.wave)
    .where('sentAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .where('answeredAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteInvitationsOf(db: Db, subjectRef: string) {
  const result = await db
    .deleteFrom('surveyInvitations')
    .where('subjectRef', '=', subjectRef)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findInvitationsByEmail(db: Db, email: string) {
  return db
    .selectFrom('surveyInvitations')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .orderBy('createdAt')
    .execute();
}

export async function findInvitationsOf(db: Db, subjectRef: string) {
  return db
    .selectFrom('surveyInvitations')
    .selectAll()
    .where('subjectRef', '=', subjectRef)
    .orderBy('createdAt')
    .execute();
}

/** Due to be sent: time has come, never sent, not cancelled. */
export async function findDueInvitations(db: Db, now: string, limit: number) {
  return db
    .selectFrom('surveyInvitations')
    .selectAll()
    .where('sentAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .where('sendAt', '<=', now)
    .orderBy('sendAt')
    .limit(limit)
    .execute();
}

/** Sent at least `before` ago, not reminded, answered, cancelled or expired. */
export async function findDueReminders(db: Db, sentBefore: string, now: string, limit: number) {
  return db
    .selectFrom('surveyInvitations')
    .selectAll()
    .where('sentAt', 'is not', null)
    .where('sentAt', '<=', sentBefore)
    .where('remindedAt', 'is', null)
    .where('answeredAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('sentAt')
    .limit(limit)
    .execute();
}

/** Marks an invitation sent, only if it still was unsent: two senders cannot both win. */
export async function markSent(
  db: Db,
  id: string,
  set: { sentAt: string; expiresAt: string; tokenHash: string },
) {
  const r = await db
    .updateTable('surveyInvitations')
    .set(set)
    .where('id', '=', id)
    .where('sentAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markReminded(
  db: Db,
  id: string,
  set: { remindedAt: string; reminderTokenHash: string },
) {
  const r = await db
    .updateTable('surveyInvitations')
    .set(set)
    .where('id', '=', id)
    .where('remindedAt', 'is', null)
    .where('answeredAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The invitation a link's hash belongs to (first email or reminder). */
export async function findInvitationByTokenHash(db: Db, hash: string) {
  return db
    .selectFrom('surveyInvitations')
    .selectAll()
    .where((eb) => eb.or([eb('tokenHash', '=', hash), eb('reminderTokenHash', '=', hash)]))
    .executeTakeFirst();
}
export type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

/**
 * Marks the invitation answered if it still may be: this statement is what makes an answer
 * once only (the second of two simultaneous submits changes no row).
 */
export async function markAnswered(db: Db, id: string, day: string, now: string) {
  const r = await db
    .updateTable('surveyInvitations')
    .set({ answeredAt: day })
    .where('id', '=', id)
    .where('answeredAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResponse(db: Db, row: SurveyResponseTable) {
  await db.insertInto('surveyResponses').values(row).execute();
}

export interface ResponseFilter {
  regionId: string;
  surveyKey: string;
  wave?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** A host's municipalities; undefined: the whole region. */
  municipalityCodes?: string[] | undefined;
}

export async function findResponses(db: Db, f: ResponseFilter) {
  let q = db
    .selectFrom('surveyResponses')
    .select(['municipalityCode', 'wave', 'campaignId', 'regionId', 'answers'])
    .where('regionId', '=', f.regionId)
    .where('surveyKey', '=', f.surveyKey);
  if (f.wave) q = q.where('wave', '=', f.wave);
  if (f.from) q = q.where('period', '>=', f.from);
  if (f.to) q = q.where('period', '<=', f.to);
  if (f.municipalityCodes) {
    q = f.municipalityCodes.length
      ? q.where('municipalityCode', 'in', f.municipalityCodes)
      : q.where(sql<boolean>`1 = 0`);
  }
  return q.execute();
}
export type ResponseRow = Awaited<ReturnType<typeof findResponses>>[number];

/** Invitations past their retention: expired, answered or cancelled before `before`. */
export async function deleteInvitationsClosedBefore(db: Db, before: string) {
  const r = await db
    .deleteFrom('surveyInvitations')
    .where((eb) =>
      eb.or([
        eb('expiresAt', '<', before),
        eb('answeredAt', '<', before),
        eb('cancelledAt', '<', before),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function findCheckInMonths(db: Db, regionId: string) {
  return db
    .selectFrom('surveySettings')
    .select('checkInMonths')
    .where('regionId', '=', regionId)
    .executeTakeFirst();
}

export async function upsertCheckInMonths(
  db: Db,
  row: { regionId: string; checkInMonths: string; updatedAt: string; updatedBy: string | null },
) {
  await db
    .insertInto('surveySettings')
    .values(row)
    .onConflict((oc) =>
      oc.column('regionId').doUpdateSet({
        checkInMonths: row.checkInMonths,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }),
    )
    .execute();
}

export async function regionNameOf(db: Db, regionId: string) {
  const r = await db
    .selectFrom('regions')
    .select(['name', 'slug'])
    .where('id', '=', regionId)
    .executeTakeFirst();
  return r;
}

export async function deleteInvitationsByIds(db: Db, ids: string[]) {
  const r = await db.deleteFrom('surveyInvitations').where('id', 'in', ids).executeTakeFirst();
  return Number(r.numDeletedRows);
}
