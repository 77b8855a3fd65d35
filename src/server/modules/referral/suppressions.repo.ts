import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';

const SALT_KEY = 'referral.suppression_salt';

/** The installation's suppression salt, made on first use; every process reads the same one. */
export async function getOrCreateSalt(db: Db): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key: SALT_KEY, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SALT_KEY)
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function insertSuppressions(
  db: Db,
  rows: Array<{ hash: string; kind: string; createdAt: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('suppressions')
    .values(rows)
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

export async function anySuppressed(db: Db, hashes: string[]): Promise<boolean> {
  if (hashes.length === 0) return false;
  const row = await db
    .selectFrom('suppressions')
    .select('hash')
    .where('hash', 'in', hashes)
    .executeTakeFirst();
  return row !== undefined;
}
