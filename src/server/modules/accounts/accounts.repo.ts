import type { Db } from '../../db/database.js';

export interface OneTimeTokenRow {
  id: string;
  purpose: string;
  userId: string | null;
  data: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export async function insertOneTimeToken(db: Db, row: OneTimeTokenRow): Promise<void> {
  await db.insertInto('oneTimeTokens').values(row).execute();
}

/** A live token (unused, unexpired, of one of the purposes), without using it up. */
export async function findLiveOneTimeToken(
  db: Db,
  id: string,
  purposes: string[],
  now: string,
): Promise<OneTimeTokenRow | undefined> {
  return db
    .selectFrom('oneTimeTokens')
    .selectAll()
    .where('id', '=', id)
    .where('purpose', 'in', purposes)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
}

/**
 * Uses a token up in one statement, so two requests racing with the same link cannot both
 * succeed: only the one whose update matched gets the row back.
 */
export async function consumeOneTimeToken(
  db: Db,
  id: string,
  purposes: string[],
  now: string,
): Promise<OneTimeTokenRow | undefined> {
  return db
    .updateTable('oneTimeTokens')
    .set({ usedAt: now })
    .where('id', '=', id)
    .where('purpose', 'in', purposes)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** Marks every live token of a user and purpose used (a newer link replaces older ones). */
export async function retireOneTimeTokensOf(
  db: Db,
  userId: string,
  purposes: string[],
  now: string,
): Promise<void> {
  await db
    .updateTable('oneTimeTokens')
    .set({ usedAt: now })
    .where('userId', '=', userId)
    .where('purpose', 'in', purposes)
    .where('usedAt', 'is', null)
    .execute();
}

export async function deleteOneTimeTokensBefore(db: Db, before: string): Promise<number> {
  const r = await db
    .deleteFrom('oneTimeTokens')
    .where((eb) => eb.or([eb('expiresAt', '<', before), eb('usedAt', '<', before)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
