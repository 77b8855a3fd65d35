import type { Db } from '../../db/database.js';

export interface ApiTokenRow {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

const columns = [
  'id',
  'userId',
  'name',
  'prefix',
  'createdAt',
  'lastUsedAt',
  'expiresAt',
  'revokedAt',
] as const;

export async function insertApiToken(
  db: Db,
  row: ApiTokenRow & { tokenHash: string },
): Promise<void> {
  await db.insertInto('apiTokens').values(row).execute();
}

/** A person's own tokens, newest first (revoked ones too, so they can see what happened). */
export async function findApiTokensOf(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('apiTokens')
    .select(columns)
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

/** One token; with `userId`, only if it is that user's (another's answers like a missing one). */
export async function findApiToken(
  db: Db,
  id: string,
  userId?: string,
): Promise<ApiTokenRow | undefined> {
  let q = db.selectFrom('apiTokens').select(columns).where('id', '=', id);
  if (userId !== undefined) q = q.where('userId', '=', userId);
  return q.executeTakeFirst();
}

export async function revokeApiToken(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ revokedAt: at })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}
