import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** The retention rules' SQL (retention.service.ts): find what has run out, count it, erase it. */

const SETTINGS_KEY = 'privacy.retention_months';

export async function readPeriods(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SETTINGS_KEY)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function writePeriods(db: Db, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: SETTINGS_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function campaignCallingDays(db: Db) {
  return db.selectFrom('campaigns').select(['id', 'callingDays', 'endsOn']).execute();
}

/** Prospects of these campaigns never reached (and not recorded as moved here). */
export async function unreachedProspectIds(db: Db, campaignIds: string[], limit: number) {
  if (!campaignIds.length) return [];
  const rows = await db
    .selectFrom('prospects')
    .select('id')
    .where('campaignId', 'in', campaignIds)
    .where('reachedAt', 'is', null)
    .where('movedInOn', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Prospects who said they were not interested before `before`. */
export async function notInterestedProspectIds(db: Db, before: string, limit: number) {
  const rows = await db
    .selectFrom('prospects')
    .select('id')
    .where('lastOutcome', '=', 'not_interested')
    .where('movedInOn', 'is', null)
    .where(sql<string>`coalesce(reached_at, first_called_at, updated_at)`, '<', before)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function countCallNotes(db: Db, before: string): Promise<number> {
  const calls = await db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notes', 'is not', null)
    .where('calledAt', '<', before)
    .executeTakeFirstOrThrow();
  const tasks = await db
    .selectFrom('followUpTasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notes', 'is not', null)
    .where('createdAt', '<', before)
    .executeTakeFirstOrThrow();
  return Number(calls.n) + Number(tasks.n);
}

/** Notes on calls and follow-up tasks older than `before`: the rows stay as counts. */
export async function eraseCallNotes(db: Db, before: string): Promise<number> {
  const calls = await db
    .updateTable('calls')
    .set({ notes: null })
    .where('notes', 'is not', null)
    .where('calledAt', '<', before)
    .executeTakeFirst();
  const tasks = await db
    .updateTable('followUpTasks')
    .set({ notes: null })
    .where('notes', 'is not', null)
    .where('createdAt', '<', before)
    .executeTakeFirst();
  return Number(calls.numUpdatedRows) + Number(tasks.numUpdatedRows);
}

type Deletable = 'auditLog' | 'outbox' | 'privacyRequests';

const oldRows = {
  auditLog: (db: Db, before: string) => db.deleteFrom('auditLog').where('at', '<', before),
  outbox: (db: Db, before: string) =>
    db.deleteFrom('outbox').where('status', '!=', 'pending').where('createdAt', '<', before),
  privacyRequests: (db: Db, before: string) =>
    db
      .deleteFrom('privacyRequests')
      .where('status', '!=', 'open')
      .where('completedAt', '<', before),
};

export async function countOld(db: Db, table: Deletable, before: string): Promise<number> {
  const count = sql<number>`count(*)`.as('n');
  const q =
    table === 'auditLog'
      ? db.selectFrom('auditLog').select(count).where('at', '<', before)
      : table === 'outbox'
        ? db
            .selectFrom('outbox')
            .select(count)
            .where('status', '!=', 'pending')
            .where('createdAt', '<', before)
        : db
            .selectFrom('privacyRequests')
            .select(count)
            .where('status', '!=', 'open')
            .where('completedAt', '<', before);
  const row = (await q.executeTakeFirst()) as { n?: number | string } | undefined;
  return Number(row?.n ?? 0);
}

export async function deleteOld(db: Db, table: Deletable, before: string): Promise<number> {
  const r = await oldRows[table](db, before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
